"""git's merge driver for session files: the three-way merge of sessions, not of lines.

`git-setup` makes git call `schuiftui git-merge %O %A %B %P` when a merge
touches a session file on both sides. Changes to different sliders, texts
or agenda items merge, and when both sides added an action, both are kept,
each with an id of its own (as a save merges, see `merge`). Where both
changed the same value, git's own line merge writes its conflict markers,
which `check`, the start screen and the app then name (see
`conflict_markers`).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .merge import Merge, three_way_merge
from .session import Session
from .storage import SessionError, load, save


def merge_session_files(base: Path, ours: Path, theirs: Path) -> int:
    """Merge `theirs` into `ours` (in place), both descended from `base`.

    Returns:
        git's answer: 0 merged cleanly, otherwise the number of conflicts
        git's line merge left in `ours` (or 1 when git could not run).
    """
    try:
        sessions = load(base), load(ours), load(theirs)
    except SessionError:
        return _line_merge(base, ours, theirs)  # no valid session on some side: git's way
    merged = three_way_merge(*sessions)
    if merged.conflicts:
        return _line_merge(base, ours, theirs)
    try:
        save(merged.session, ours)  # into our text: its comments and layout stay
    except SessionError:
        return _line_merge(base, ours, theirs)
    return 0


def _line_merge(base: Path, ours: Path, theirs: Path) -> int:
    """git's own merge of lines, with its conflict markers, into `ours`."""
    try:
        result = subprocess.run(
            [
                *("git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs"),
                *(str(ours), str(base), str(theirs)),
            ],
            capture_output=True,
            check=False,
        )
    except OSError:
        return 1
    return result.returncode if result.returncode > 0 else (0 if result.returncode == 0 else 1)


@dataclass(frozen=True)
class UnfinishedMerge:
    """A session file that a git merge left with conflict markers, and its three versions."""

    path: Path
    merge: Merge
    """Our version merged with theirs against the base; where both changed a value, ours."""
    ours_text: str
    """Our version's text: the file is written from it, so its comments stay."""


def unfinished_merge(path: Path) -> UnfinishedMerge | None:
    """The merge git left unfinished in `path`; None when git has no versions of it
    (not in a merge, or a file copied out of one): then only an editor helps."""
    from .git import GitError, merge_versions
    from .storage import loads

    try:
        versions = merge_versions(path)
    except GitError:
        return None
    if versions is None:
        return None
    try:
        base, ours, theirs = (loads(text, path) for text in versions)
    except SessionError:
        return None
    return UnfinishedMerge(path, three_way_merge(base, ours, theirs), versions[1])


def finish_merge(unfinished: UnfinishedMerge, session: Session) -> None:
    """Write `session`, the merge as the user resolved it, over the file with the markers.

    Raises:
        SessionError: It could not be written; the file keeps its markers.
    """
    from .files import write_atomically
    from .problems import Problem
    from .reasons import Reason

    try:
        write_atomically(unfinished.path, unfinished.ours_text.encode("utf-8"))
    except OSError as error:
        raise SessionError(unfinished.path, Problem("cannot_save", reason=Reason(error))) from None
    save(session, unfinished.path)


def unfinished_merge_behind(error: SessionError) -> UnfinishedMerge | None:
    """The unfinished git merge that made a session file unreadable, if that is why."""
    from .problems import Problem

    if isinstance(error.problem, Problem) and error.problem.key == "git_conflict":
        return unfinished_merge(error.path)
    return None
