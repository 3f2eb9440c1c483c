"""Recovery drafts: unsaved edits kept in the user's state folder, never next to the session.

While a session is edited, what is not saved yet is written here within two
seconds, so a dropped SSH connection, a killed process or a closed terminal
loses at most the last two seconds. A draft is keyed by the session file's
absolute path, readable only by its user (mode 0600), and removed once the
session is saved or the edits are discarded.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import write_atomically
from .session import Session
from .storage import SessionError, dumps, loads

STATE_ENVIRONMENT = "SCHUIFTUI_STATE_DIR"
"""Overrides the state folder (tests, and people who keep it elsewhere)."""


def state_dir() -> Path:
    """The user's state folder for schuiftui (`~/.local/state/schuiftui` on Linux)."""
    configured = os.environ.get(STATE_ENVIRONMENT)
    if configured:
        return Path(configured)
    import platformdirs

    return platformdirs.user_state_path("schuiftui")


def session_key(session_path: Path) -> str:
    """The name under which drafts and locks of a session are kept: its absolute path, hashed."""
    absolute = os.path.abspath(session_path)
    return _sha256(absolute.encode("utf-8", "surrogateescape")).hexdigest()[:24]


def _sha256(data: bytes) -> Any:
    """SHA-256 by Python's own implementation where there is one: the same digest as
    `hashlib.sha256`, without loading OpenSSL (some 600 kB of the app's memory)."""
    try:
        from _sha2 import sha256  # Python 3.12 and newer
    except ImportError:
        try:
            from _sha256 import sha256  # Python 3.11 and older
        except ImportError:
            from hashlib import sha256
    return sha256(data)


def draft_path(session_path: Path) -> Path:
    """Where the draft of the session at `session_path` is kept."""
    return state_dir() / "drafts" / f"{session_key(session_path)}.json"


@dataclass(frozen=True)
class Draft:
    """Edits to a session that were not saved."""

    path: Path
    """The session file the edits belong to."""
    session: Session
    """The session with the edits."""
    base: Session | None
    """The session as it was read from its file, so the edits can be merged
    with what was saved since; None when the file did not exist."""
    written: float
    """When the draft was written (seconds since the epoch)."""


def write_draft(session_path: Path, session: Session, base: Session | None) -> None:
    """Keep `session` (with its unsaved edits) as the draft of `session_path`.

    Raises:
        OSError: The state folder cannot be written.
    """
    data = {
        "pad": os.path.abspath(session_path),
        "geschreven": time.time(),
        "sessie": dumps(session.normalized()),
        "basis": dumps(base.normalized()) if base is not None else None,
    }
    target = draft_path(session_path)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomically(target, json.dumps(data, ensure_ascii=False).encode("utf-8"), mode=0o600)


def read_draft(session_path: Path) -> Draft | None:
    """The draft of `session_path`, or None when there is none (or it cannot be read)."""
    try:
        data = json.loads(draft_path(session_path).read_text(encoding="utf-8"))
        session = loads(data["sessie"], draft_path(session_path))
        base = loads(data["basis"], draft_path(session_path)) if data.get("basis") else None
        return Draft(Path(data["pad"]), session, base, float(data["geschreven"]))
    except (OSError, ValueError, KeyError, TypeError, SessionError):
        return None


def has_draft(session_path: Path) -> bool:
    """Whether a draft of `session_path` exists (without reading it)."""
    try:
        return draft_path(session_path).is_file()
    except OSError:
        return False


def remove_draft(session_path: Path) -> None:
    """Remove the draft of `session_path`, if there is one."""
    with contextlib.suppress(OSError):
        draft_path(session_path).unlink(missing_ok=True)
