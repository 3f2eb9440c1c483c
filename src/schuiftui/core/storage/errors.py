"""What goes wrong with a session file, said in one line: the file, the line, the key."""

from __future__ import annotations

from pathlib import Path

from ...sanitize import visible
from ..problems import Problem

FORMAAT = 1
"""The newest file format this program reads and the one it writes."""

BOM = "\ufeff"
"""A byte order mark: some Windows editors start UTF-8 files with it."""


class SessionError(Exception):
    """A session file that cannot be read or written.

    `str(error)` is one line for the user: the file, the line where known,
    the key where known, and what is wrong, in Dutch.
    """

    def __init__(
        self,
        path: Path | str,
        problem: str | Problem,
        *,
        key: str | None = None,
        line: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.problem = problem
        self.key = key
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = str(self.path) if self.line is None else f"{self.path}:{self.line}"
        what = self.problem if self.key is None else f"{self.key}: {self.problem}"
        # A file name or a key from the file may hold an escape sequence.
        return visible(f"{where}: {what}")


# --------------------------------------------------------------------------
# Reading


class SessionProblems(SessionError):
    """A session file with several problems; `str()` is the first, `problems` all of them."""

    def __init__(self, problems: list[SessionError]) -> None:
        first = problems[0]
        super().__init__(first.path, first.problem, key=first.key, line=first.line)
        self.problems = problems


class ReadOnlyError(SessionError):
    """The file may not be written: it has no write permission."""
