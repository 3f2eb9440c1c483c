"""One process with the app loaded, that forks a participant's app on a pseudo-terminal.

Each participant runs the real app in a process of their own (its own
terminal size, its own keys, its own crash), but starting Python and loading
Textual for each would cost every participant about 29 MB and a second. So
`serve` forks this process first, before it starts any thread; it loads the
app once and then forks one copy per participant, which shares the loaded
code with it until it writes there (copy on write).

The server asks over a socket pair: one JSON line per participant; the
answer is the child's pid with the pseudo-terminal's master end, passed as a
file descriptor (SCM_RIGHTS).
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
        """Start a participant's app; its pid and the master end of its terminal.

        Blocks for the few milliseconds a fork takes: call from a thread.

        Raises:
            SpawnError: The zygote is gone or could not fork.
        """
        with self._lock:
            try:
                self._connection.sendall(json.dumps(asdict(request)).encode("utf-8") + b"\n")
                message, fds, _flags, _address = socket.recv_fds(self._connection, 4096, 1)
            except OSError as error:
                raise SpawnError(str(error)) from None
        reply = json.loads(message or b'{"error": "zygote gone"}')
        if "error" in reply or not fds:
            for fd in fds:
                os.close(fd)
            raise SpawnError(reply.get("error", "no terminal"))
        return int(reply["pid"]), fds[0]

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
    """The zygote's loop: one forked app per request, until the server closes the socket."""
    # The facilitator's terminal belongs to the server; the kernel reaps the
    # children (their end is seen by the server on their terminal).
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
    gc.freeze()  # what is loaded now stays shared with the children
    gc.enable()
    requests = connection.makefile("rb")
    for line in requests:
        try:
            request = Spawn(**json.loads(line))
            pid, master = os.forkpty()
        except (OSError, TypeError, ValueError) as error:
            _reply(connection, {"error": str(error)})
            continue
        if pid == 0:
            requests.close()
            connection.close()
            _run_participant(request)  # never returns
        _reply(connection, {"pid": pid}, master)
        os.close(master)


def _reply(connection: socket.socket, message: dict[str, object], fd: int | None = None) -> None:
    with contextlib.suppress(OSError):
        socket.send_fds(
            connection, [json.dumps(message).encode("utf-8")], [] if fd is None else [fd]
        )


def _run_participant(request: Spawn) -> None:
    """In the forked child, on its own terminal: the participant's placement panel."""
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        code = _placement_app(request)
    finally:
        os._exit(code)


def _placement_app(request: Spawn) -> int:
    import fcntl
    import struct
    import sys
    import termios

    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", request.rows, request.columns, 0, 0))
    for name in list(os.environ):
        # The server's own terminal and locale are not the participant's.
        if name in ("TERM", "LANG", "COLUMNS", "LINES", "TMUX", "STY") or name.startswith("LC_"):
            del os.environ[name]
    os.environ.update(request.environment)
    from ..app import make_app
    from ..core.placements import start_placement
    from ..core.storage import SessionError
    from ..i18n import Translator, set_messages_language
    from ..terminal.glyphs import limited

    set_messages_language(request.lang)
    if limited(os.environ.get("TERM")):
        os.environ["TEXTUAL_COLOR_SYSTEM"] = "standard"
    try:
        session, path = start_placement(Path(request.team), request.naam)
    except (SessionError, ValueError) as problem:
        _ = Translator(request.lang)
        sys.stderr.write(_("serve.cannot_start", problem=problem) + "\r\n")
        sys.stderr.flush()
        return 1
    app = make_app(path, session=session, lang=request.lang, participant=True)
    app.run()
    return app.return_code or 0
