"""Why a file operation failed, in our words rather than the system's.

Python's `OSError.strerror` is the C library's English ("Permission
denied", "File exists"); users read one Dutch (or English) phrase instead.
"""

from __future__ import annotations

import errno

REASONS: dict[int, tuple[str, str]] = {
    errno.EACCES: ("geen rechten", "no permission"),
    errno.EPERM: ("niet toegestaan", "not permitted"),
    errno.EEXIST: ("bestaat al", "exists already"),
    errno.ENOENT: ("bestaat niet", "does not exist"),
    errno.ENOTDIR: ("een deel van het pad is geen map", "part of the path is not a folder"),
    errno.EISDIR: ("is een map", "is a folder"),
    errno.ENOSPC: ("de schijf is vol", "the disk is full"),
    errno.EROFS: ("de schijf is alleen-lezen", "the disk is read-only"),
    errno.ENAMETOOLONG: ("de naam is te lang voor het bestandssysteem", "the name is too long"),
    errno.ELOOP: ("te veel symbolische links", "too many symbolic links"),
    errno.EBUSY: ("in gebruik", "in use"),
    errno.EIO: ("lees- of schrijffout van de schijf", "disk read or write error"),
    errno.EXDEV: ("op een andere schijf", "on another disk"),
    errno.ENOTEMPTY: ("de map is niet leeg", "the folder is not empty"),
}
if hasattr(errno, "EDQUOT"):
    REASONS[errno.EDQUOT] = ("je schijfruimte (quotum) is op", "your disk quota is used up")


WINDOWS_REASONS: dict[int, tuple[str, str]] = {
    32: (  # ERROR_SHARING_VIOLATION: replacing a file another program has open
        "het bestand is geopend in een ander programma; sluit het daar en probeer het opnieuw",
        "the file is open in another program; close it there and try again",
    ),
    33: (  # ERROR_LOCK_VIOLATION
        "een ander programma houdt het bestand vast; sluit het daar en probeer het opnieuw",
        "another program has locked the file; close it there and try again",
    ),
}
"""Windows errors that errno names too vaguely ("no permission") to act on."""


def reason(error: OSError, lang: str = "nl") -> str:
    """Why `error` happened, in a few words in `lang`."""
    known = WINDOWS_REASONS.get(getattr(error, "winerror", None) or -1)
    known = known or REASONS.get(error.errno or -1)
    if known is not None:
        return known[0] if lang == "nl" else known[1]
    return error.strerror or str(error)


class Reason:
    """Why `error` happened, said when shown, in the language of the core's messages.

    A value for a `Problem`: the message is made when it is shown, after
    the command line or the app has chosen the language.
    """

    def __init__(self, error: OSError) -> None:
        self.error = error

    def __str__(self) -> str:
        from ..i18n import messages_language

        return reason(self.error, messages_language())
