"""Writing a session: merged into the file on disk (tomlkit), checked, atomic."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..files import write_atomically
from ..paths import new_session_path
from ..problems import Problem
from ..reasons import Reason
from ..session import Session
from .errors import BOM, FORMAAT, ReadOnlyError, SessionError
from .reading import decode, loads, read_bytes, read_text


def dumps(session: Session, previous: str | None = None) -> str:
    """Return the text of `session` as a session file.

    Args:
        session: What to write. Line breaks in its texts should already be
            normalised (`Session.normalized`).
        previous: The text on disk to merge into, so its comments, blank
            lines and unknown keys survive; None for a new file.

    Raises:
        SessionError: `previous` is not TOML.
    """
    return _dumps(session, previous)[0]


def _dumps(session: Session, previous: str | None) -> tuple[str, tuple[str, ...]]:
    """The text, and the tables that had to be rewritten in the standard form."""
    import tomlkit
    from tomlkit.exceptions import ParseError

    from ..document import merge_into_document, skeleton

    try:
        new = skeleton(FORMAAT, casus=session.ingevuld_door is None)
        document = tomlkit.parse(previous if previous is not None else new)
    except ParseError as error:
        raise SessionError("<bestand>", Problem("disk_not_toml", detail=error)) from None
    rewritten = merge_into_document(document, session, FORMAAT)
    text = document.as_string()
    return (text if text.endswith("\n") else text + "\n"), rewritten


def tables_to_rewrite(path: Path) -> tuple[str, ...]:
    """The tables of the file at `path` that a save will write again in the standard form.

    Said when a session is opened, before anything is saved; () when the
    file cannot be read (a save then says why).
    """
    try:
        text = read_text(Path(path)).replace("\r\n", "\n")
    except SessionError:
        return ()
    if not _MAYBE_UNEDITABLE.search(text):
        return ()  # only headed tables: tomlkit need not even be loaded (memory)
    import tomlkit
    from tomlkit.exceptions import ParseError

    from ..document import rewritten_tables

    try:
        return rewritten_tables(tomlkit.parse(text))
    except ParseError:
        return ()


_MAYBE_UNEDITABLE = re.compile(
    r"^[ \t]*(?:[\"']?(?:sessie|organogram|samenhang|casus|schuiven)[\"']?[ \t]*[.=]|[\"']?agenda[\"']?[ \t]*=)",
    re.MULTILINE,
)
"""A known table as a dotted key or a value (`sessie.gemeente = `, `agenda = [`): the forms
a merge may have to write again; headed tables never are."""


@dataclass(frozen=True)
class SaveResult:
    """What `save` did."""

    path: Path
    written: bool
    """False when the file already held exactly these bytes."""
    rewritten: tuple[str, ...] = ()
    """Tables written in a form the merge could not keep (inline, dotted keys),
    now in the standard form: "agenda", "schuiven", ..."""


def save(session: Session, path: Path | str) -> SaveResult:
    """Write `session` to `path` atomically, merging into what is there.

    The text is written to a temporary file in the same folder, flushed,
    synced, read back with `tomllib` and checked to be exactly `session`,
    then renamed over the target with the target's permissions and owner.
    A crash leaves the old file or the new one, never a broken one. A file
    keeps its line endings (CRLF stays CRLF) and its byte order mark.

    Raises:
        ReadOnlyError: The file has no write permission (also for root).
        SessionError: Nothing was written; the message says why.
    """
    path = Path(path)
    try:
        return _save(session, path)
    except OSError as error:  # a folder that became unreadable, a name too long, ...
        raise SessionError(path, Problem("cannot_save", reason=Reason(error))) from None


def _save(session: Session, path: Path) -> SaveResult:
    target = Path(os.path.realpath(path))
    if path.is_symlink() or path.parent.is_symlink():
        # A symbolic link may point anywhere: never write through one out of
        # the sessions folder (`<sessions>/<gemeente>/<file>`), as `new` refuses.
        inside = Path(os.path.realpath(path.parent.parent))
        if not target.is_relative_to(inside):
            raise SessionError(path, Problem("symlink_out"))
    intended = session.normalized()
    # Read once, through the checks of `load` (a FIFO would block a plain read).
    raw = read_bytes(target) if target.exists() else None
    if raw is not None and is_read_only(target):
        raise ReadOnlyError(path, Problem("read_only"))
    previous = decode(raw, target) if raw is not None else None
    if previous is not None and _holds(previous, intended):
        return SaveResult(path, written=False)  # the same session: its file stays as it is
    # Mixed line endings: the file's dominant one is kept (CRLF when most lines have it).
    crlf = previous is not None and previous.count("\r\n") * 2 > previous.count("\n")
    try:
        text, rewritten = _dumps(intended, previous.replace("\r\n", "\n") if previous else previous)
    except SessionError as error:
        raise SessionError(path, error.problem) from None
    if crlf:
        text = text.replace("\n", "\r\n")
    try:
        bom = BOM.encode("utf-8") if raw and raw.startswith(BOM.encode("utf-8")) else b""
        data = bom + text.encode("utf-8")
    except UnicodeEncodeError:
        raise SessionError(path, Problem("not_encodable")) from None
    if data == raw:
        return SaveResult(path, written=False)

    def check(written: Path) -> None:
        try:
            read_back = loads(read_text(written), path)
        except SessionError as error:
            raise SessionError(path, Problem("internal", detail=error.problem)) from None
        if read_back != intended:
            raise SessionError(path, Problem("read_back"))

    try:
        write_atomically(target, data, check=check)
    except OSError as error:
        raise SessionError(path, Problem("cannot_save", reason=Reason(error))) from None
    return SaveResult(path, written=True, rewritten=rewritten)


def is_read_only(path: Path) -> bool:
    """Whether `path` is a file that nobody may write (mode 0444), also when we are root.

    Root may write any file, but a file someone made read-only is meant to
    stay as it is.
    """
    try:
        return path.is_file() and not os.stat(path).st_mode & 0o222
    except OSError:
        return False


def _holds(text: str, session: Session) -> bool:
    """Whether `text` is a valid session file of exactly `session`."""
    try:
        return loads(text) == session
    except SessionError:
        return False


def save_new(session: Session, sessions_dir: Path, folder: Path | None = None) -> Path:
    """Write `session` as a new file in `sessions_dir` and return its path.

    The file is `<gemeente-slug>/<datum>.toml`, or `<datum>-2.toml` and so on
    when that day already has a session: an existing file is never reused.
    A new round goes into `folder`, the folder of the round it continues.

    Raises:
        ValueError: The gemeente's name leaves no usable folder name.
        SessionError: Nothing was written; the message says why.
    """
    try:
        path = new_session_path(sessions_dir, session.gemeente, session.datum, folder)
    except OSError as error:  # a name or folder longer than the file system allows
        raise SessionError(sessions_dir, Problem("cannot_save", reason=Reason(error))) from None
    inside = Path(os.path.realpath(sessions_dir))
    if not Path(os.path.realpath(path)).is_relative_to(inside):
        raise SessionError(path, Problem("symlink_out"))
    save(session, path)
    return path
