"""Why a file operation failed, in our words rather than the system's.

Python's `OSError.strerror` is the C library's English ("Permission
denied", "File exists"); users read one Dutch (or English) phrase instead.
"""

from __future__ import annotations

import errno

REASONS: dict[int, str] = {
    errno.EACCES: "reason.eacces",
    errno.EPERM: "reason.eperm",
    errno.EEXIST: "reason.eexist",
    errno.ENOENT: "reason.enoent",
    errno.ENOTDIR: "reason.enotdir",
    errno.EISDIR: "reason.eisdir",
    errno.ENOSPC: "reason.enospc",
    errno.EROFS: "reason.erofs",
    errno.ENAMETOOLONG: "reason.enametoolong",
    errno.ELOOP: "reason.eloop",
    errno.EBUSY: "reason.ebusy",
    errno.EIO: "reason.eio",
    errno.EXDEV: "reason.exdev",
    errno.ENOTEMPTY: "reason.enotempty",
}
"""The errors we say in our words: their keys in the catalogs (see `i18n`)."""
if hasattr(errno, "EDQUOT"):
    REASONS[errno.EDQUOT] = "reason.edquot"


WINDOWS_REASONS: dict[int, str] = {
    32: "reason.windows_32",  # ERROR_SHARING_VIOLATION: replacing a file another program has open
    33: "reason.windows_33",  # ERROR_LOCK_VIOLATION
}
"""Windows errors that errno names too vaguely ("no permission") to act on."""


def reason(error: OSError, lang: str = "nl") -> str:
    """Why `error` happened, in a few words in `lang`."""
    from ..i18n import Translator

    known = WINDOWS_REASONS.get(getattr(error, "winerror", None) or -1)
    known = known or REASONS.get(error.errno or -1)
    if known is not None:
        return Translator(lang)(known)
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
