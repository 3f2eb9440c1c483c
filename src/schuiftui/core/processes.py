"""Whether a schuiftui process that left a lock or a draft behind still runs.

Locks and drafts name the process that wrote them (host, pid, when). The
values are read from files in the state folder, so they may be anything: a
pid of 2**70, 0 or -1, a time of Infinity or next year. Such a writer is
taken to be gone, never asked about, and never a crash.
"""

from __future__ import annotations

import math
import os
import socket
import time

WINDOWS = os.name == "nt"

FOREIGN_HOURS = 24
"""A writer on another machine, whose process cannot be asked, counts for this long."""

PID_MAX = 2**22
"""No system hands out pids above this (Linux's own maximum); anything else is no pid."""

CLOCK_SLACK = 60.0
"""A time this far in the future is a wrong clock or a made-up value: stale."""


def this_host() -> str:
    """The name of this machine, as locks and drafts record it."""
    return socket.gethostname()


def alive(host: str, pid: int, since: float) -> bool:
    """Whether the process `pid` on `host`, started at `since` (epoch seconds), still runs."""
    if not 0 < pid <= PID_MAX or not math.isfinite(since) or since > time.time() + CLOCK_SLACK:
        return False
    if host != this_host() or WINDOWS:
        # Its process cannot be asked: from another machine, or on Windows,
        # where os.kill(pid, 0) is no question but a Ctrl+C to that process.
        return time.time() - since < FOREIGN_HOURS * 3600
    try:
        os.kill(pid, 0)  # asks whether the process exists; sends nothing
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    except (OSError, OverflowError):
        return False
    return True
