"""Writing a file so that a crash leaves the old version or the new one, never half."""

from __future__ import annotations

import os
import stat
import tempfile
import threading
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
    target.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else default_mode()
    handle, temporary_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    temporary = Path(temporary_name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        if check is not None:
            check(temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows it."""
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
