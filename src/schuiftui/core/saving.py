"""Before a save: what is on disk now, and whether the user must be asked something.

The panel owns the session and the questions; this decides, from the file
and the version that was read, which question (if any) comes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .merge import Merge, three_way_merge
from .session import Session
from .storage import SessionError, is_read_only, is_toml, load


@dataclass(frozen=True)
class SavePlan:
    """What a save of one session has to do."""

    ask: str | None
    """None: write now. "read_only" (offer a new file), "deleted" (write it
    again?), "invalid" (the file is no valid session now: offer a new file,
    see `problem`) or "conflicts" (choose mine or theirs, see `merged`)."""
    on_disk: Session | None = None
    """The session as it is on disk now, when it changed since it was read."""
    merged: Merge | None = None
    """My session merged with `on_disk`; None when the disk did not change."""
    problem: str = ""
    """What is wrong with the file on disk (when `ask` is "invalid")."""


def plan_save(path: Path, base: Session, mine: Session) -> SavePlan:
    """Decide how `mine` is saved to `path`, which held `base` when it was read.

    A file that is valid TOML but no valid session now (a stand of 9, a
    duplicate id after a git merge) is never written over: the user is
    asked. One that is no TOML or cannot be read at all is left to the save,
    which refuses it and says why.
    """
    if is_read_only(path):
        return SavePlan("read_only")
    try:
        if not path.exists():
            return SavePlan("deleted")
        theirs = load(path)
    except SessionError as error:
        if not is_toml(path):
            return SavePlan(None)  # not TOML at all: the write refuses it and says why
        return SavePlan("invalid", problem=str(error))
    except OSError:
        return SavePlan(None)
    if theirs == base:
        return SavePlan(None)
    merged = three_way_merge(base, mine, theirs)
    return SavePlan("conflicts" if merged.conflicts else None, theirs, merged)
