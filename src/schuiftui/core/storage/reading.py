"""Reading a session file: its limits, tomllib, and the check of what it says.

Reads with the standard library's `tomllib` only: the read-only commands
never load tomlkit or Textual.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

from ...sanitize import CONTROL, visible
from ..problems import Problem
from ..reasons import Reason
from ..session import Session
from .errors import BOM, SessionError
from .toml_messages import in_our_words
from .validate import Validator

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on older Pythons only
    import tomli as tomllib


def load(path: Path | str) -> Session:
    """Read and validate one session file.

    Raises:
        SessionError: The file cannot be read or breaks the format.
    """
    path = Path(path)
    return loads(read_text(path), path)


def is_toml(path: Path) -> bool:
    """Whether the file at `path` can be read and is valid TOML, whatever it says."""
    try:
        tomllib.loads(read_text(Path(path)))
    except (SessionError, ValueError, RecursionError):
        return False
    return True


def loads(text: str, path: Path | str = "<tekst>") -> Session:
    """Parse and validate the text of a session file.

    Args:
        text: The file's contents.
        path: The name to use in error messages.

    Raises:
        SessionError: The text breaks the format.
    """
    if "\n=======" in text:
        from ..conflict_markers import split_conflict

        conflict = split_conflict(text)
        if conflict is not None:
            first = conflict.hunks[0].first
            raise SessionError(path, Problem("git_conflict", where=conflict.where()), line=first)
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise SessionError(path, Problem("too_deep")) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = re.search(r"\(at line (\d+), column \d+\)$", message)
        line = int(found.group(1)) if found else None
        if message.endswith("(at end of document)"):
            line = text.count("\n") + 1
        detail = in_our_words(re.sub(r"\s*\(at [^()]*\)$", "", message))
        raise SessionError(path, Problem("toml", detail=detail), line=line) from None
    # Text with control characters never leaves this module (see `sanitize`).
    return visible_session(Validator(text, Path(path)).session(data))


MAX_BYTES = 10 * 1024 * 1024
"""A session file is a few kilobytes; one of more than 10 MB is refused, not read."""


def read_text(path: Path) -> str:
    return decode(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The bytes of the file at `path`, as a session file is read.

    Raises:
        SessionError: A folder, FIFO, device or huge file (refused unread), or
            a file that cannot be read.
    """
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise SessionError(path, Problem("is_folder"))
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device would block the read (and the app) forever.
            raise SessionError(path, Problem("not_regular"))
        if info.st_size > MAX_BYTES:
            megabytes = info.st_size / 1024 / 1024
            raise SessionError(path, Problem("too_large", size=f"{megabytes:.0f}"))
        return path.read_bytes()
    except FileNotFoundError:
        raise SessionError(path, Problem("missing_file")) from None
    except OSError as error:
        raise SessionError(path, Problem("unreadable", reason=Reason(error))) from None


def decode(raw: bytes, path: Path) -> str:
    """The text of a session file's bytes, without a byte order mark."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SessionError(path, Problem("not_utf8"), line=line) from None
    return text.removeprefix(BOM)


def visible_session(session: Session) -> Session:
    """`session` if no text in it holds a control character; else a copy where none does."""
    if any(CONTROL.search(text) for text in session.texts()):
        return session.with_texts(visible)
    return session
