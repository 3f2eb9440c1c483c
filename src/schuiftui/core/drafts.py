"""Recovery drafts: unsaved edits kept in the user's state folder, never next to the session.

While a session is edited, what is not saved yet is written here within two
seconds, so a dropped SSH connection, a killed process or a closed terminal
loses at most the last two seconds. A draft is keyed by the session file's
absolute path and by the process that writes it: two schuiftuis of one user
on one file each keep their own, and neither removes the other's. It is
readable only by its user (mode 0600), and removed once the session is saved
or the edits are discarded. When a session is opened, the drafts of
processes that are gone are offered; a draft in a state folder that is not
the user's own, or in a file someone else can write, is never offered.
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
from .processes import alive, this_host
from .session import Session
from .storage import SessionError, dumps, loads

STATE_ENVIRONMENT = "SCHUIFTUI_STATE_DIR"
"""Overrides the state folder (tests, and people who keep it elsewhere)."""


STARTED = time.time()
"""When this process started, as drafts and locks record it (with its pid)."""


def state_dir() -> Path:
    """The user's state folder for schuiftui (`~/.local/state/schuiftui` on Linux)."""
    configured = os.environ.get(STATE_ENVIRONMENT)
    if configured:
        return Path(configured)
    import platformdirs

    return platformdirs.user_state_path("schuiftui")


def trusted(path: Path) -> bool:
    """Whether `path` is the user's own and nobody else can write it (always, on Windows).

    A draft or lock in a folder another user can write may have been put
    there by that user; it is not read.
    """
    if not hasattr(os, "getuid"):
        return True
    try:
        status = path.stat()
    except OSError:
        return False
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def session_key(session_path: Path) -> str:
    """The name under which drafts and locks of a session are kept: its absolute path, hashed."""
    absolute = os.path.abspath(session_path)
    return sha256_digest(absolute.encode("utf-8", "surrogateescape")).hexdigest()[:24]


def sha256_digest(data: bytes) -> Any:
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


def draft_path(session_path: Path, pid: int | None = None) -> Path:
    """Where the process `pid` (default: this one) keeps its draft of `session_path`."""
    return drafts_dir() / f"{session_key(session_path)}-{pid or os.getpid()}.json"


def drafts_dir() -> Path:
    """The folder of every draft."""
    return state_dir() / "drafts"


def draft_files(session_path: Path) -> list[Path]:
    """Every draft of `session_path`, of any process (and the one-per-file form of before)."""
    key = session_key(session_path)
    try:
        return sorted(drafts_dir().glob(f"{key}*.json"))
    except OSError:
        return []


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
    file: Path
    """Where the draft is kept."""


def write_draft(
    session_path: Path, session: Session, base: Session | None, *, let_go: bool = False
) -> None:
    """Keep `session` (with its unsaved edits) as the draft of `session_path`.

    `let_go`: the editor that writes it is ending (a hang-up, a signal), so
    the draft is offered even while this process runs on: a workshop host
    runs other participants' apps after one has left.

    Raises:
        OSError: The state folder cannot be written.
    """
    data = {
        "pad": os.path.abspath(session_path),
        "host": this_host(),
        "pid": os.getpid(),
        "sinds": STARTED,
        "geschreven": time.time(),
        "sessie": dumps(session.normalized()),
        "basis": dumps(base.normalized()) if base is not None else None,
    }
    if let_go:
        data["losgelaten"] = True
    target = draft_path(session_path)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomically(target, json.dumps(data, ensure_ascii=False).encode("utf-8"), mode=0o600)


def read_draft(session_path: Path) -> Draft | None:
    """The newest draft of `session_path` left by a process that is gone; None if there is none.

    A draft of another schuiftui that still runs is its own: not offered,
    unless its editor let it go as it ended (see `write_draft`).
    One that cannot be read, or is not the user's own, is passed over.
    """
    folder = drafts_dir()
    if not trusted(folder):
        return None
    found = [draft for file in draft_files(session_path) if (draft := _read(file)) is not None]
    return max(found, key=lambda draft: draft.written, default=None)


def _read(file: Path) -> Draft | None:
    if not trusted(file):
        return None
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if "pid" in data and int(data["pid"]) != os.getpid() and data.get("losgelaten") is not True:
            host, pid, since = str(data["host"]), int(data["pid"]), float(data["sinds"])
            if alive(host, pid, since):
                return None
        session = loads(data["sessie"], file)
        base = loads(data["basis"], file) if data.get("basis") else None
        return Draft(Path(data["pad"]), session, base, float(data["geschreven"]), file)
    except (OSError, ValueError, KeyError, TypeError, OverflowError, SessionError):
        return None


def drafted_keys() -> set[str]:
    """The `session_key` of every session with a draft: one look in the folder for a list."""
    try:
        names = os.listdir(drafts_dir())
    except OSError:
        return set()
    return {name.split("-")[0].removesuffix(".json") for name in names if name.endswith(".json")}


def remove_draft(session_path: Path, draft: Draft | None = None) -> None:
    """Remove this process's draft of `session_path`, or the `draft` it took over."""
    file = draft.file if draft is not None else draft_path(session_path)
    with contextlib.suppress(OSError):
        file.unlink(missing_ok=True)
