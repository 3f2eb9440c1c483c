"""Every round of one gemeente as rows: from a folder of sessions, or from git.

Read with `tomllib` only (through `storage.loads`), so a folder of a
thousand rounds is read about as fast as parsing it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .categories import CATEGORY_IDS
from .paths import rounds
from .problems import Problem
from .storage import SessionError, load, loads


@dataclass(frozen=True)
class Round:
    """One row of a history: one session file, or one commit of it."""

    datum: datetime.date
    """The session's date; for a commit, the commit date."""
    titel: str
    """The session's title; for a commit, its subject."""
    stands: dict[str, int]
    """The five stands, in file order."""
    changes: dict[str, int | None]
    """Per slider the change since the round before; None in the first round."""
    source: str
    """The file the round was read from."""
    commit: str | None = None
    """The commit, for a history from git."""
    sessiedatum: datetime.date | None = None
    """For a commit: the date of the session in it (the commit's own is `datum`)."""


@dataclass(frozen=True)
class History:
    """The rounds of one gemeente, oldest first."""

    gemeente: str
    rows: tuple[Round, ...]
    problems: tuple[str, ...] = field(default=())
    """One line per file or version that could not be read (left out of `rows`)."""

    @property
    def from_git(self) -> bool:
        """Whether the rows are commits (with a session date next to each commit date)."""
        return any(row.commit for row in self.rows)

    def trend(self, slider_id: str) -> list[int]:
        """The stands of one slider, oldest first."""
        return [row.stands[slider_id] for row in self.rows]


@dataclass(frozen=True)
class _Read:
    datum: datetime.date
    titel: str
    stands: dict[str, int]
    source: str
    commit: str | None = None
    sessiedatum: datetime.date | None = None


def _rows(read: Iterable[_Read]) -> tuple[Round, ...]:
    rows: list[Round] = []
    previous: dict[str, int] | None = None
    for item in read:
        changes = {
            slider_id: None if previous is None else item.stands[slider_id] - previous[slider_id]
            for slider_id in CATEGORY_IDS
        }
        rows.append(
            Round(
                item.datum,
                item.titel,
                item.stands,
                changes,
                item.source,
                item.commit,
                item.sessiedatum,
            )
        )
        previous = item.stands
    return tuple(rows)


def folder_history(folder: Path) -> History:
    """The rounds in one gemeente's folder, ordered by date (and number on one day).

    Files that cannot be read are reported in `problems` and left out.
    """
    read: list[_Read] = []
    problems: list[str] = []
    gemeente = folder.name
    for found in rounds(folder):
        try:
            session = load(found.path)
        except SessionError as error:
            problems.append(str(error))
            continue
        gemeente = session.gemeente
        read.append(_Read(session.datum, session.titel or "", session.stands(), str(found.path)))
    read.sort(key=lambda item: item.datum)  # stable: the number orders rounds of one day
    return History(gemeente, _rows(read), tuple(problems))


def git_history(path: Path) -> History:
    """The versions of one session file in git, one row per commit that changed it.

    Raises:
        GitError: git is missing, or the file is in no repository.
    """
    from .git import versions

    read: list[_Read] = []
    problems: list[str] = []
    gemeente = path.stem
    for version in versions(path):
        where = f"{path} @ {version.commit[:10]}"
        if version.text is None:
            problems.append(f"{where}: {Problem('not_utf8')}")
            continue
        try:
            session = loads(version.text, where)
        except SessionError as error:
            problems.append(str(error))
            continue
        gemeente = session.gemeente
        read.append(
            _Read(
                version.date,
                version.subject,
                session.stands(),
                str(path),
                version.commit,
                session.datum,
            )
        )
    return History(gemeente, _rows(read), tuple(problems))
