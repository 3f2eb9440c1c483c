"""The SSH server of `serve`: a code at the door, one placement panel per person, nothing else.

Built on asyncssh (the optional extra `schuiftui[serve]`). A participant
runs `ssh -p 2222 anna@HOST`, types the workshop code (as a password or at
a keyboard-interactive prompt: OpenSSH on Windows, macOS and Linux, and
PuTTY), and gets the panel of their own placement in their own terminal.

What is refused, by design: a session without a terminal, commands
(`exec`), subsystems (sftp, scp), port, agent and X11 forwarding, and
environment variables other than LANG and LC_* (TERM comes with the
terminal). Each refusal is a line in the facilitator's log.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import struct
import termios
import time
from pathlib import Path
from typing import Any

import asyncssh

from ..i18n import Translator
from .room import Event, Participant, Refused, Room
from .zygote import Spawn, SpawnError, Zygote

PASSED_ENVIRONMENT = ("LANG",)
"""Besides TERM (from the terminal request) and every LC_* variable."""


APP_END_SECONDS = 10.0
"""How long a hung-up app may take to keep its draft and end before its participant counts as gone."""


RESTORE_TERMINAL = (
    b"\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1015l"  # mouse reporting off
    b"\x1b[?2004l\x1b[?1004l"  # bracketed paste and focus events off
    b"\x1b[?25h\x1b[?7h\x1b[?1049l\x1b[0m"  # cursor, line wrapping, normal screen, plain
)
"""What a panel sends its terminal when it ends, for when it cannot (it was hung up)."""


def passed_to_panel(name: str) -> bool:
    """Whether a client may set the environment variable `name` for its panel."""
    return name in PASSED_ENVIRONMENT or name.startswith("LC_")


def participant_environment(term: str, sent: dict[str, str]) -> dict[str, str]:
    """What of a client's environment reaches its panel: TERM, LANG and LC_*, nothing else."""
    environment = {
        name: value for name, value in sent.items() if passed_to_panel(name) and "\0" not in value
    }
    environment["TERM"] = term or "vt100"
    return environment


class _Channel(asyncssh.SSHServerChannel):  # type: ignore[type-arg]
    """A session channel that refuses, and reports, what asyncssh would take silently.

    asyncssh accepts every environment variable a client sends, and turns
    agent and X11 forwarding down without a word to the server. Here an
    environment variable other than LANG and LC_* gets a failure reply, and
    each refusal is told to the room, as the other refusals are. (The
    handlers are asyncssh's, by the names its channel looks them up by.)
    """

    refused: Any = None
    """Called with what was refused, for the room's log."""

    def _process_env_request(self, packet: Any) -> bool:
        name = packet.get_string()
        value = packet.get_string()
        packet.check_end()
        shown = name.decode("utf-8", "replace")
        if not passed_to_panel(shown):
            self.refused(f"environment variable {shown}")
            return False
        self._env[name] = value
        return True

    def _process_auth_agent_req_at_openssh_dot_com_request(self, packet: Any) -> bool:
        packet.check_end()
        self.refused("agent forwarding")
        return False

    def _process_x11_req_request(self, packet: Any) -> bool:
        self.refused("X11 forwarding")
        return False


def host_key(state: Path) -> asyncssh.SSHKey:
    """The server's ed25519 host key, made once and kept (0600), so no one sees it change."""
    path = state / "serve" / "host_key"
    if path.exists():
        return asyncssh.read_private_key(str(path))
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = asyncssh.generate_private_key("ssh-ed25519")
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(key.export_private_key())
    os.replace(partial, path)
    return key


class _Door(asyncssh.SSHServer):
    """One connection's authentication: any name, the workshop code as its password."""

    def __init__(self, server: WorkshopServer) -> None:
        self.server = server
        self.room = server.room
        self.translate = server.translate
        self.address = "?"
        self.username = ""
        self.conn: Any = None

    def session_requested(self) -> tuple[_Channel, _Seat]:
        channel = self.conn.create_server_channel()
        channel.__class__ = _Channel  # asyncssh's channel, with our answers to three requests
        channel.refused = self._refused
        return channel, self.server.seat()

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self.conn = conn
        peer = conn.get_extra_info("peername")
        self.address = str(peer[0]) if peer else "?"

    def connection_requested(self, *_where: object) -> bool:
        self._refused("port forwarding")
        return False

    def server_requested(self, *_where: object) -> bool:
        self._refused("remote port forwarding")
        return False

    def unix_connection_requested(self, *_where: object) -> bool:
        self._refused("socket forwarding")
        return False

    def unix_server_requested(self, *_where: object) -> bool:
        self._refused("remote socket forwarding")
        return False

    def _refused(self, what: str) -> None:
        self.room.tell(Event("refused", self.username, self.address, detail=what))

    def begin_auth(self, username: str) -> bool:
        self.username = username
        return True  # the code is always asked

    def password_auth_supported(self) -> bool:
        return True

    def kbdint_auth_supported(self) -> bool:
        return True

    async def validate_password(self, username: str, password: str) -> bool:
        return await self._check(password)

    def get_kbdint_challenge(
        self, username: str, lang: str, submethods: str
    ) -> tuple[str, str, str, list[tuple[str, bool]]]:
        return ("", "", "", [(self.translate("serve.code_prompt"), False)])

    async def validate_kbdint_response(self, username: str, responses: list[str]) -> bool:
        return len(responses) == 1 and await self._check(responses[0])

    async def _check(self, typed: str) -> bool:
        if self.room.check_code(self.address, typed):
            return True
        await asyncio.sleep(1.0)  # a wrong code costs time: guessing six digits takes days
        return False


class _Seat(asyncssh.SSHServerSession):  # type: ignore[type-arg]
    """One participant's session: their panel's terminal, passed through both ways."""

    def __init__(self, server: WorkshopServer) -> None:
        self.server = server
        self.channel: Any = None
        self.term = ""
        self.size = (80, 24)
        self.has_terminal = False
        self.participant: Participant | None = None
        self.master: int | None = None
        self.app_ended: asyncio.Future[None] | None = None
        """Done once the participant's app has ended (and kept its draft)."""
        self.exit_code = 0
        """The app's, once it has ended: the participant's ssh exits with it."""
        self.last_input = time.monotonic()

    def connection_made(self, chan: Any) -> None:
        self.channel = chan

    def pty_requested(
        self, term_type: str, term_size: tuple[int, int, int, int], _modes: Any
    ) -> bool:
        self.term, self.size, self.has_terminal = term_type, term_size[:2], True
        return True

    def shell_requested(self) -> bool:
        return True

    def exec_requested(self, command: str) -> bool:
        self._refuse_request("exec")
        return False

    def subsystem_requested(self, subsystem: str) -> bool:
        self._refuse_request(f"subsystem {subsystem}")
        return False

    def _refuse_request(self, what: str) -> None:
        self.server.room.tell(Event("refused", self._name(), self._address(), detail=what))

    def _name(self) -> str:
        return str(self.channel.get_extra_info("username") or "") if self.channel else ""

    def _address(self) -> str:
        peer = self.channel.get_extra_info("peername") if self.channel else None
        return str(peer[0]) if peer else "?"

    def session_started(self) -> None:
        _ = self.server.translate
        if not self.has_terminal:
            self._say_and_close(_("serve.needs_terminal"))
            return
        asyncio.get_running_loop().create_task(self._join())

    async def _join(self) -> None:
        """Let the participant in and start their panel.

        Someone whose connection just dropped comes back to their unsaved
        steps: their previous app writes them as a draft when it gets the
        hang-up, so the new one waits (a few seconds at most) until the old
        one has closed, and then takes the draft back.
        """
        _ = self.server.translate
        room = self.server.room
        for _attempt in range(100):
            if not room.closing(self._name()):
                break
            await asyncio.sleep(0.1)
        try:
            self.participant = room.join(self._name(), self._address())
        except Refused as refused:
            self._say_and_close(
                _(f"serve.refused.{refused.why}", naam=refused.naam, **refused.values)
            )
            return
        await self._start_app()

    async def _start_app(self) -> None:
        assert self.participant is not None
        columns, rows = self.size
        request = Spawn(
            team=str(self.server.room.team),
            naam=self.participant.naam,
            lang=self.server.translate.lang,
            environment=participant_environment(self.term, dict(self.channel.get_environment())),
            columns=columns or 80,
            rows=rows or 24,
        )
        loop = asyncio.get_running_loop()
        try:
            master, ended = await loop.run_in_executor(None, self.server.zygote.spawn, request)
        except SpawnError as error:
            self._say_and_close(self.server.translate("serve.cannot_start", problem=error))
            return
        self.app_ended = loop.create_future()
        loop.add_reader(ended, self._app_has_ended, ended)
        if self.channel.is_closing():
            os.close(master)  # gone while the app started: its hang-up ends the app
            return
        self.master = master
        os.set_blocking(master, False)
        loop.add_reader(master, self._from_app)

    def _app_has_ended(self, ended: int) -> None:
        """The app's pipe: its exit code (one byte), then its close once it has ended."""
        try:
            data = os.read(ended, 16)
        except OSError:
            data = b""
        if data:
            self.exit_code = data[-1]
            return
        asyncio.get_running_loop().remove_reader(ended)
        os.close(ended)
        if self.app_ended is not None and not self.app_ended.done():
            self.app_ended.set_result(None)

    async def _until_the_app_ended(self) -> None:
        """Wait until the app has ended (kept its draft), `APP_END_SECONDS` at most."""
        if self.app_ended is not None:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.shield(self.app_ended), APP_END_SECONDS)

    async def _exit_when_ended(self) -> None:
        """The app closed its terminal: end the session with the app's exit code."""
        await self._until_the_app_ended()
        if not self.channel.is_closing():
            self.channel.exit(self.exit_code)

    def _from_app(self) -> None:
        assert self.master is not None
        try:
            data = os.read(self.master, 65536)
        except BlockingIOError:
            return
        except OSError:  # EIO: the app ended and its terminal closed
            data = b""
        if not data:
            self._close_app()
            asyncio.get_running_loop().create_task(self._exit_when_ended())
            return
        self.channel.write(data)

    def data_received(self, data: bytes, datatype: Any) -> None:
        self.last_input = time.monotonic()
        if self.master is None:
            return  # typed before the panel started: the panel's own type-ahead is not ours
        view = memoryview(data)
        while view:
            try:
                view = view[os.write(self.master, view) :]
            except BlockingIOError:
                time.sleep(0.001)  # the panel reads as fast as it can: a burst waits a moment
            except OSError:
                return

    def terminal_size_changed(self, width: int, height: int, _pw: int, _ph: int) -> None:
        self.size = (width, height)
        if self.master is not None and width and height:
            with contextlib.suppress(OSError):
                fcntl.ioctl(
                    self.master, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0)
                )

    def idle_for(self) -> float:
        return time.monotonic() - self.last_input

    def close(self) -> None:
        if self.channel is not None:
            self.channel.close()

    def close_idle(self) -> None:
        """Close a connection nobody typed in for the room's idle time, saying why.

        The app gets its hang-up and keeps a draft, as on a dropped
        connection: the same name resumes it. The terminal is put back first
        (the app, hung up, cannot), so the message shows on the normal screen.
        """
        room = self.server.room
        if self.participant is not None:
            room.tell(Event("idle", self.participant.naam, detail=f"{room.idle_minutes:g}"))
        self._close_app()
        self.channel.write(RESTORE_TERMINAL)
        self._say_and_close(self.server.translate("serve.idle", minutes=f"{room.idle_minutes:g}"))

    def connection_lost(self, exc: Exception | None) -> None:
        self._close_app()  # the app gets its hang-up, keeps its draft and ends
        if self.participant is not None:
            self.participant.leaving = True
            asyncio.get_running_loop().create_task(self._leave_when_closed(self.participant))
            self.participant = None
        self.server.seats.discard(self)

    async def _leave_when_closed(self, participant: Participant) -> None:
        """The participant has left once their app has ended (at most 10 s after the hang-up)."""
        await self._until_the_app_ended()
        self.server.room.leave(participant)

    def _close_app(self) -> None:
        """Close the app's terminal: a running app gets its hang-up and keeps a draft."""
        if self.master is not None:
            with contextlib.suppress(ValueError, OSError):
                asyncio.get_running_loop().remove_reader(self.master)
            with contextlib.suppress(OSError):
                os.close(self.master)
            self.master = None

    def _say_and_close(self, message: str) -> None:
        self.channel.write((message + "\r\n").encode("utf-8"))
        self.channel.exit(1)


class WorkshopServer:
    """The SSH server of one workshop room."""

    def __init__(self, room: Room, zygote: Zygote, translate: Translator) -> None:
        self.room = room
        self.zygote = zygote
        self.translate = translate
        self.seats: set[_Seat] = set()
        self.fingerprint = ""
        self._server: asyncssh.SSHAcceptor | None = None

    def seat(self) -> _Seat:
        seat = _Seat(self)
        self.seats.add(seat)
        return seat

    async def start(self, host: str | None, port: int, state: Path) -> None:
        """Listen on `host` (None: every address) and `port`.

        Raises:
            OSError: The port is taken or may not be used.
        """
        key = host_key(state)
        self.fingerprint = key.get_fingerprint("sha256")
        self._server = await asyncssh.create_server(
            lambda: _Door(self),
            host or "",
            port,
            server_host_keys=[key],
            encoding=None,
            line_editor=False,
            agent_forwarding=False,
            x11_forwarding=False,
            allow_scp=False,
            sftp_factory=None,
            login_timeout=120,
            keepalive_interval=60,
        )
        asyncio.get_running_loop().create_task(self._close_idle())

    async def _close_idle(self) -> None:
        idle = self.room.idle_minutes * 60
        while True:
            await asyncio.sleep(min(60.0, idle / 4))
            for seat in list(self.seats):
                if seat.master is not None and seat.idle_for() > idle:
                    seat.close_idle()

    def close(self) -> None:
        for seat in list(self.seats):
            seat.close()
        if self._server is not None:
            self._server.close()
