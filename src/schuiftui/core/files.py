"""Writing a file so that a crash leaves the old version or the new one, never half."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

_umask_lock = threading.Lock()


def default_mode() -> int:
    """The permissions a newly created file gets from the current umask."""
    with _umask_lock:
        mask = os.umask(0)
        os.umask(mask)
    return 0o666 & ~mask


def write_atomically(
    target: Path,
    data: bytes,
    *,
    mode: int | None = None,
    check: Callable[[Path], None] | None = None,
) -> None:
    """Replace `target` with `data` in one step.

    The bytes go to a temporary file in the same folder, are flushed and
    synced, checked, and only then renamed over the target.

    Args:
        target: The file to write; its folder is created when missing.
        data: The new contents.
        mode: The permissions; by default those of the file being replaced,
            or what the umask gives a new file.
        check: Called with the temporary file before the rename; an
            exception from it leaves `target` untouched.

    Raises:
        OSError: Nothing was written.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where the folder should be
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(target.parent)) from None
    existing = target.stat() if target.exists() else None
    if mode is None:
        mode = stat.S_IMODE(existing.st_mode) if existing else default_mode()
    handle, temporary_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=TEMPORARY_SUFFIX
    )
    temporary = Path(temporary_name)
    try:
        # Held until the rename: a temporary file nobody holds was left by a
        # write that was killed, and the next write may remove it.
        _hold(handle)
        _write_all(handle, data)
        os.fsync(handle)
        os.chmod(temporary, mode)
        if existing is not None:
            _keep_owner(temporary, existing)
        if check is not None:
            check(temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        os.close(handle)
    _sync_folder(target.parent)
    remove_stale_temporaries(target)


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


def _hold(handle: int) -> None:
    """Take an exclusive lock on an open file (released when the process ends)."""
    try:
        import fcntl
    except ImportError:  # Windows: the age of a file tells instead
        return
    fcntl.flock(handle, fcntl.LOCK_EX)


def _held(path: Path) -> bool:
    """Whether a live process holds `path` (see `_hold`); without locks, whether it is recent."""
    try:
        import fcntl
    except ImportError:
        return time.time() - path.stat().st_mtime < STALE_SECONDS
    # Not blocking, not through a link: only a plain file of ours is looked at.
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(handle)
    return False


WINDOWS = os.name == "nt"

TEMPORARY_SUFFIX = ".tmp"
STALE_SECONDS = 60
"""Without file locks (Windows): a temporary file this old was left by a write that was killed."""


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove what writes of `target` that were killed left behind; return what was removed.

    Only files named like this module's temporary files for `target`, and
    only when no live process holds them, so a write by another process in
    this very moment is left alone.
    """
    removed = []
    try:
        candidates = list(target.parent.glob(f".{glob.escape(target.name)}.*{TEMPORARY_SUFFIX}"))
    except OSError:
        return removed
    for candidate in candidates:
        try:
            if not stat.S_ISREG(candidate.lstat().st_mode):
                continue  # a FIFO, device or link named like ours is not ours: never opened
            if not _held(candidate):
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def _keep_owner(temporary: Path, existing: os.stat_result) -> None:
    """Give the new file the owner and group of the file it replaces, where allowed.

    Only root may give a file away; for anyone else the file is theirs
    already, or the attempt fails and the file keeps the writer's name.
    """
    written = temporary.stat()
    if (written.st_uid, written.st_gid) == (existing.st_uid, existing.st_gid):
        return
    # Not permitted (not root), or no chown on this system: keep the writer's.
    with contextlib.suppress(OSError, AttributeError):
        os.chown(temporary, existing.st_uid, existing.st_gid)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows it.

    Not on Windows, which cannot open a folder as a file (and makes a rename
    durable itself).
    """
    if WINDOWS:
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
