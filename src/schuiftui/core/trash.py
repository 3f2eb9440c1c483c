"""Removing a session without losing it: the `.prullenbak` folder in the sessions folder.

A removed session is moved, not deleted, to `.prullenbak/<gemeente>/<file>`,
so a mistake is undone by moving it back (the start screen does so on
request). Folders whose name starts with a dot are not read as gemeenten.
"""

from __future__ import annotations

import os
from pathlib import Path

TRASH = ".prullenbak"
"""The name of the trash folder inside a sessions folder."""


def trash_path(path: Path, sessions_dir: Path) -> Path:
    """Where the session at `path` goes: a free name under `.prullenbak/<gemeente>/`
    (a person's placement: `.prullenbak/<gemeente>/<session>/`)."""
    try:
        where = path.parent.resolve().relative_to(sessions_dir.resolve())
    except ValueError:
        where = Path(path.parent.name)
    folder = sessions_dir / TRASH / where
    candidate = folder / path.name
    number = 2
    while os.path.lexists(candidate):
        candidate = folder / f"{path.stem}~{number}{path.suffix}"
        number += 1
    return candidate


def move_to_trash(path: Path, sessions_dir: Path) -> Path:
    """Move the session at `path` into the trash; return where it is now.

    Raises:
        OSError: It could not be moved; it is still where it was.
    """
    target = trash_path(path, sessions_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    placements = _placements_of(path)
    os.rename(path, target)  # same file system: the sessions folder
    if placements is not None and not os.path.lexists(target.with_suffix("")):
        # A team session takes its people's own placements along.
        os.rename(placements, target.with_suffix(""))
    return target


def _placements_of(path: Path) -> Path | None:
    """The folder of people's own placements next to a team session, if it has one."""
    folder = path.with_suffix("")
    return folder if folder != path and folder.is_dir() and not folder.is_symlink() else None


def restore(trashed: Path, original: Path) -> Path:
    """Move a session back from the trash to `original`; return where it is now.

    Raises:
        FileExistsError: A file with its old name was made meanwhile; nothing moved.
        OSError: It could not be moved.
    """
    if os.path.lexists(original):
        raise FileExistsError(original)
    original.parent.mkdir(parents=True, exist_ok=True)
    placements = _placements_of(trashed)
    os.rename(trashed, original)
    if placements is not None and not os.path.lexists(original.with_suffix("")):
        os.rename(placements, original.with_suffix(""))
    return original
