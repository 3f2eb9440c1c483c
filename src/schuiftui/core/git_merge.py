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
from pathlib import Path

from .merge import three_way_merge
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
