"""One process with the app loaded, that forks the processes participants' apps run in.

Starting Python and loading Textual for each participant would cost every
participant about 29 MB and a second. So `serve` forks this process first,
before it starts any thread; it loads the app once and then forks hosts
(see `host`), each running the apps of up to four participants, which share
the loaded code with it until they write there (copy on write).

The server asks over a socket pair: one JSON line per participant. The
zygote passes it on to a host with a free seat among those with the same
terminal type, locale and language, or forks a new one; the answer is the
pseudo-terminal's master end of the participant's app and the read end of a
pipe that gets the app's exit code and closes when the app has ended, passed
as file descriptors (SCM_RIGHTS).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
import socket
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HOST_TIMEOUT = 10.0
"""Seconds a host may take to answer: one that takes longer is stuck, and passed over."""


@dataclass(frozen=True)
class Spawn:
    """What a participant's app needs to start."""

    team: str
    """The team's session file, whose placement the participant makes."""
    naam: str
    """The participant's name: their placement's `ingevuld_door`."""
    lang: str
    environment: dict[str, str]
    """TERM and the locale variables the participant's ssh sent (see `server`)."""
    columns: int
    rows: int


class SpawnError(Exception):
    """The zygote could not start a participant's app."""


class Zygote:
    """The handle on the forking process, for the server."""

    def __init__(self, connection: socket.socket, pid: int) -> None:
        self._connection = connection
        self.pid = pid
        self._lock = threading.Lock()

    @classmethod
    def start(cls, team: Path) -> Zygote:
        """Fork the zygote, warmed up on `team`'s panel.

        Call before any thread starts: only the caller's thread is forked.
        """
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
        if pid == 0:
            ours.close()
            try:
                _serve(theirs, team)
            finally:
                os._exit(0)
        theirs.close()
        return cls(ours, pid)

    def spawn(self, request: Spawn) -> tuple[int, int]:
        """Start a participant's app; the master end of its terminal, and its end.

        The second is a pipe's read end, which gets the app's exit code (a
        byte) and closes once the app has ended (and kept the draft of
        unsaved steps).

        Blocks for the few milliseconds a fork takes: call from a thread.

        Raises:
            SpawnError: The zygote is gone or could not fork.
        """
        with self._lock:
            try:
                self._connection.sendall(json.dumps(asdict(request)).encode("utf-8") + b"\n")
                message, fds, _flags, _address = socket.recv_fds(self._connection, 4096, 2)
            except OSError as error:
                raise SpawnError(str(error)) from None
        reply = json.loads(message or b'{"error": "zygote gone"}')
        if "error" in reply or len(fds) != 2:
            for fd in fds:
                os.close(fd)
            raise SpawnError(reply.get("error", "no terminal"))
        return fds[0], fds[1]

    def stop(self) -> None:
        """End the zygote (participants' apps that run go on until their connection ends)."""
        with contextlib.suppress(OSError):
            self._connection.close()
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(self.pid, 0)


def preload() -> None:
    """Import what a participant's app imports before its first paint."""
    import textual.drivers.linux_driver  # noqa: F401

    from .. import app  # noqa: F401
    from ..core import document, merge, placements, saving  # noqa: F401
    from ..screens import panel  # noqa: F401
    from ..screens.dialogs import choices, text  # noqa: F401
    from ..terminal import driver  # noqa: F401


def warm_up(team: Path) -> None:
    """Run a placement panel once, headless, so what every panel builds the same way
    (parsed styles, Textual's and Rich's caches) is built here, once, and shared."""
    import asyncio

    from ..app import make_app
    from ..core.placements import new_placement
    from ..core.storage import SessionError, load

    try:
        session = new_placement(load(team), "-")
    except SessionError:
        return
    # A placement that is never written: nothing is placed or saved.
    app = make_app(team.with_suffix("") / ".warm-up.toml", session=session)

    async def first_paint_then_quit(pilot: Any) -> None:
        await pilot.pause()
        pilot.app.exit()

    app.run(headless=True, size=(80, 24), auto_pilot=first_paint_then_quit)
    asyncio.set_event_loop(None)


def _serve(connection: socket.socket, team: Path) -> None:
    """The zygote's loop: a seat in a host per request, until the server closes the socket."""
    # The facilitator's terminal belongs to the server; the kernel reaps the
    # hosts (the server sees each app's end on its terminal and its pipe).
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C at the facilitator's terminal
    gc.disable()
    preload()
    with contextlib.suppress(Exception):  # a warm-up that fails costs memory, not function
        warm_up(team)
    gc.collect()
    gc.freeze()  # what is loaded now stays shared with the hosts
    gc.enable()
    hosts = _Hosts(connection)
    for line in connection.makefile("rb"):
        try:
            request = Spawn(**json.loads(line))
            message, fds = hosts.seat(request)
        except (OSError, TypeError, ValueError) as error:
            message, fds = {"error": str(error)}, []
        with contextlib.suppress(OSError):
            socket.send_fds(connection, [json.dumps(message).encode("utf-8")], fds)
        for fd in fds:
            os.close(fd)


class _Hosts:
    """The hosts the zygote forked, by what their participants share."""

    def __init__(self, server: socket.socket) -> None:
        self._server = server
        self._groups: dict[str, list[socket.socket]] = {}

    def seat(self, request: Spawn) -> tuple[dict[str, object], list[int]]:
        """A seat for `request` in a host of its group, a new one if all are full; the reply."""
        group = json.dumps([request.lang, sorted(request.environment.items())])
        hosts = self._groups.setdefault(group, [])
        line = json.dumps(asdict(request)).encode("utf-8") + b"\n"
        for host in list(hosts):
            with contextlib.suppress(OSError):
                host.sendall(line)
            reply, fds = _answer(host)
            if fds:
                return reply, fds
            if not reply.get("full"):  # ended with its last participant, or broken
                hosts.remove(host)
                host.close()
        host = self._fork(request)  # the new host seats `request` first, unasked
        hosts.append(host)
        reply, fds = _answer(host)
        return (reply, fds) if fds else ({"error": reply.get("error", "host gone")}, [])

    def _fork(self, request: Spawn) -> socket.socket:
        """A new host, which seats `request`; the zygote's end of its line."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        ours.settimeout(HOST_TIMEOUT)
        pid = os.fork()
        if pid == 0:
            # Only its own line to the zygote: an end the others hold is never seen to
            # close. (By number: the zygote's reader of the server's line keeps the
            # socket object open, and the host never returns to use these.)
            others = [self._server, ours, *(h for group in self._groups.values() for h in group)]
            for other in others:
                os.close(other.fileno())
            from .host import run_host

            run_host(theirs, request)  # never returns
        theirs.close()
        return ours


def _answer(host: socket.socket) -> tuple[dict[str, Any], list[int]]:
    """A host's answer: a seat (with its two descriptors, see `host`), or why not."""
    try:
        message, fds, _flags, _address = socket.recv_fds(host, 4096, 2)
        reply = json.loads(message or b'{"error": "host gone"}')
    except (OSError, ValueError) as error:
        return {"error": str(error)}, []
    if reply.get("seated") and len(fds) == 2:
        return reply, fds
    for fd in fds:
        os.close(fd)
    return reply, []
