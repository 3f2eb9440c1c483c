"""A process that runs the panels of a few participants, each on a pseudo-terminal of its own.

Forked from the zygote (see `zygote`), a host shares the loaded app with
it. What one app touches as it runs (reference counts, caches, the
interpreter's own notes in the code it executes) is then copied into the
process that runs it; apps that run in the same process share those copies.
One process per participant cost some 17 MB each; four to a host, some 6.

So a host takes up to `SEATS` participants who share what is process-wide:
the terminal type and locale (glyphs, colours) and the interface language.
Each app has its own terminal (`terminal.hosted.HostedDriver`), its own
draft, and its own end: a participant who leaves ends only their app, and
the host ends with its last one. The price of sharing: an app that hangs
stalls the others in its host.

The zygote asks over a socket pair, one JSON line per participant; the
answer is `{"seated": true}` with the pseudo-terminal's master end and the
read end of a pipe that gets the app's exit code and closes once the app has
ended (its draft written), passed as file descriptors; or `{"full": true}`.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import os
import signal
import socket
import struct
import termios
import threading
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from ..app import SchuifApp
    from .zygote import Spawn

SEATS = 4
"""Participants per host: 4 share most of what one alone would copy (see the module)."""

SIGNAL_GRACE = 3.0
"""Seconds the apps get to keep their drafts and end on SIGTERM, before the host ends anyway."""


def run_host(connection: socket.socket, first: Spawn) -> NoReturn:
    """In the forked host: take participants like `first` until the last has left."""
    code = 1
    try:
        os.setsid()  # not in the facilitator's terminal session: its Ctrl+C is not ours
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        _take_environment(first)
        code = asyncio.run(_Host(connection).serve(first))
    finally:
        os._exit(code)


def _take_environment(first: Spawn) -> None:
    """The terminal type, locale and language of the participants this host takes."""
    from ..i18n import set_messages_language
    from ..terminal.glyphs import limited

    for name in list(os.environ):
        # The server's own terminal and locale are not the participants'.
        if name in ("TERM", "LANG", "COLUMNS", "LINES", "TMUX", "STY") or name.startswith("LC_"):
            del os.environ[name]
    os.environ.update(first.environment)
    set_messages_language(first.lang)
    if limited(os.environ.get("TERM")):
        os.environ["TEXTUAL_COLOR_SYSTEM"] = "standard"


class _Host:
    def __init__(self, connection: socket.socket) -> None:
        self._connection = connection
        self._unread = b""
        self._apps: dict[asyncio.Task[None], SchuifApp] = {}
        self._done: asyncio.Future[int] | None = None

    async def serve(self, first: Spawn) -> int:
        loop = asyncio.get_running_loop()
        self._done = loop.create_future()
        self._connection.setblocking(False)
        loop.add_reader(self._connection.fileno(), self._read_requests)
        loop.add_signal_handler(signal.SIGTERM, self._end_all)
        self._seat(first)
        return await self._done

    def _read_requests(self) -> None:
        from .zygote import Spawn

        try:
            data = self._connection.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:  # the zygote is gone: no one new comes; those here stay
            asyncio.get_running_loop().remove_reader(self._connection.fileno())
            self._end_if_empty()
            return
        *lines, self._unread = (self._unread + data).split(b"\n")
        for line in lines:
            self._seat(Spawn(**json.loads(line)))

    def _seat(self, request: Spawn) -> None:
        """Start `request`'s app on a new terminal, or say the host is full."""
        if len(self._apps) >= SEATS:
            self._reply({"full": True})
            return
        master, terminal = os.openpty()
        ended, still_running = os.pipe()
        fcntl.ioctl(
            terminal, termios.TIOCSWINSZ, struct.pack("HHHH", request.rows, request.columns, 0, 0)
        )
        app = _placement_app(request, terminal)
        self._reply({"seated": True}, master, ended)
        os.close(master)
        os.close(ended)
        if app is None:
            _close(terminal, still_running, 1)
            self._end_if_empty()
            return
        task = asyncio.get_running_loop().create_task(self._run(app, terminal, still_running))
        self._apps[task] = app
        task.add_done_callback(self._ended)

    async def _run(self, app: SchuifApp, terminal: int, still_running: int) -> None:
        try:
            await app.run_async()
        finally:
            _close(terminal, still_running, 1 if app.return_code is None else app.return_code)

    def _ended(self, task: asyncio.Task[None]) -> None:
        self._apps.pop(task, None)
        self._end_if_empty()

    def _end_if_empty(self) -> None:
        if not self._apps and self._done is not None and not self._done.done():
            self._done.set_result(0)

    def _end_all(self) -> None:
        """SIGTERM: every app keeps its draft and ends, as on a hang-up."""
        from ..terminal.hosted import TerminalClosed

        for app in self._apps.values():
            app.post_message(TerminalClosed())
        fallback = threading.Timer(SIGNAL_GRACE, os._exit, (128 + signal.SIGTERM,))
        fallback.daemon = True
        fallback.start()

    def _reply(self, message: dict[str, object], *fds: int) -> None:
        with contextlib.suppress(OSError):
            socket.send_fds(self._connection, [json.dumps(message).encode("utf-8")], list(fds))


def _close(terminal: int, still_running: int, code: int) -> None:
    """An app has ended: the server reads the end of its output, its exit code, and its end."""
    os.close(terminal)
    with contextlib.suppress(OSError):
        os.write(still_running, bytes([code & 0xFF]))
    os.close(still_running)


def _placement_app(request: Spawn, terminal: int) -> SchuifApp | None:
    """The participant's panel on `terminal`; None, said on that terminal, if it cannot start."""
    from ..app import make_app
    from ..core.placements import start_placement
    from ..core.storage import SessionError
    from ..i18n import Translator
    from ..terminal.hosted import HostedDriver

    try:
        session, path = start_placement(Path(request.team), request.naam)
    except (SessionError, ValueError) as problem:
        _ = Translator(request.lang)
        with contextlib.suppress(OSError):
            os.write(terminal, (_("serve.cannot_start", problem=problem) + "\r\n").encode("utf-8"))
        return None
    app = make_app(path, session=session, lang=request.lang, participant=True)
    app.shares_process = True
    app.driver_class = HostedDriver.on(terminal)
    return app
