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
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from .drafts import session_key, state_dir
from .files import write_atomically

WINDOWS = os.name == "nt"

FOREIGN_HOURS = 24
"""A lock from another machine, whose process cannot be asked, counts for this long."""


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
        return (self.host, self.pid) == (socket.gethostname(), os.getpid())

    @property
    def opened_at(self) -> str:
        """When it opened the session, as "2026-11-29 10:42"."""
        return datetime.datetime.fromtimestamp(self.since).strftime("%Y-%m-%d %H:%M")


def lock_path(session_path: Path) -> Path:
    """Where the lock of the session at `session_path` is kept."""
    return state_dir() / "locks" / f"{session_key(session_path)}.json"


def holder(session_path: Path) -> Holder | None:
    """Who has the session open now; None when nobody does (or only a stale lock is left)."""
    try:
        data = json.loads(lock_path(session_path).read_text(encoding="utf-8"))
        found = Holder(str(data["user"]), str(data["host"]), int(data["pid"]), float(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found if _alive(found) else None


def _alive(found: Holder) -> bool:
    if found.host != socket.gethostname() or WINDOWS:
        # Its process cannot be asked: from another machine, or on Windows,
        # where os.kill(pid, 0) is no question but a Ctrl+C to that process.
        return time.time() - found.since < FOREIGN_HOURS * 3600
    try:
        os.kill(found.pid, 0)  # asks whether the process exists; sends nothing
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    except OSError:
        return False
    return True


def take(session_path: Path) -> None:
    """Record that this process has the session open.

    Raises:
        OSError: The state folder cannot be written.
    """
    data = {
        "user": _user(),
        "host": socket.gethostname(),
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
