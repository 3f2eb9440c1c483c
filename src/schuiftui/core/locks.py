"""Who has a session open: a lock file per session in the state folder.

When a second schuiftui opens a session that one is editing already, it can
say who that is. Saves merge, so opening anyway is safe; a lock only informs.
A lock whose process is gone (a crash, a kill) is stale and ignored.
"""

from __future__ import annotations

import contextlib
import datetime
import getpass
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from .drafts import session_key, state_dir, trusted
from .files import write_atomically
from .processes import alive, this_host


@dataclass(frozen=True)
class Holder:
    """A running schuiftui that has a session open."""

    user: str
    host: str
    pid: int
    since: float
    """When it opened the session (seconds since the epoch)."""

    @property
    def is_me(self) -> bool:
        """Whether the holder is this very process."""
        return (self.host, self.pid) == (this_host(), os.getpid())

    @property
    def opened_at(self) -> str:
        """When it opened the session, as "2026-11-29 10:42"."""
        try:
            return datetime.datetime.fromtimestamp(self.since).strftime("%Y-%m-%d %H:%M")
        except (OverflowError, OSError, ValueError):
            return "?"


def lock_path(session_path: Path) -> Path:
    """Where the lock of the session at `session_path` is kept."""
    return state_dir() / "locks" / f"{session_key(session_path)}.json"


def holder(session_path: Path) -> Holder | None:
    """Who has the session open now; None when nobody does (or only a stale lock is left)."""
    path = lock_path(session_path)
    if not trusted(path.parent) or not trusted(path):
        return None  # planted by someone else: it says nothing about who has it open
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = Holder(str(data["user"]), str(data["host"]), int(data["pid"]), float(data["since"]))
    except (OSError, ValueError, KeyError, TypeError, OverflowError):
        return None
    return found if alive(found.host, found.pid, found.since) else None


def take(session_path: Path) -> None:
    """Record that this process has the session open.

    Raises:
        OSError: The state folder cannot be written.
    """
    data = {
        "user": _user(),
        "host": this_host(),
        "pid": os.getpid(),
        "since": time.time(),
        "pad": os.path.abspath(session_path),
    }
    target = lock_path(session_path)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomically(target, json.dumps(data).encode("utf-8"), mode=0o600)


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no name for this uid (a bare container)
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "?"


def release(session_path: Path) -> None:
    """Remove this process's lock of the session (someone else's stays)."""
    found = holder(session_path)
    if found is not None and not found.is_me:
        return
    with contextlib.suppress(OSError):
        lock_path(session_path).unlink(missing_ok=True)
