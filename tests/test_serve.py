"""`schuiftui serve` end to end: the real OpenSSH client against the workshop server.

The server runs headless (no terminal: it logs one line per event); each
participant is `ssh` in a pseudo-terminal of its own, typing the code at
ssh's own prompt. Requests that must be refused are made with ssh's own
options, the code given through SSH_ASKPASS.
"""

from __future__ import annotations

import os
import select
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from schuiftui.core.storage import load

from .terminal import DOWN, UP, Terminal

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(shutil.which("ssh") is None, reason="needs the OpenSSH client"),
]

CODE = "424242"
TEAM = Path("altena") / "2020-10-07.toml"
CTRL_S = "\x13"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """`schuiftui serve` headless, its log read line by line."""

    def __init__(self, sessions: Path, state: Path, *extra: str) -> None:
        self.port = free_port()
        self.sessions = sessions
        env = {**os.environ, "SCHUIFTUI_STATE_DIR": str(state), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "schuiftui", "serve", str(sessions / "altena")),
                *("--host", "127.0.0.1", "--port", str(self.port), "--code", CODE, *extra),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            cwd=sessions.parent,
            env=env,
        )
        self.log: list[str] = []
        self._partial = b""
        self.wait_for("Sleutel van deze server: SHA256:")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        """Read log lines until one holds `text` (once: a line is taken); return it."""
        deadline = time.monotonic() + timeout
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while True:
            for line in self.log:
                if text in line:
                    self.log.remove(line)
                    return line
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"{text!r} not logged; log: {self.log}")
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    raise EOFError(f"serve ended before {text!r}; log: {self.log}")
                self._partial += chunk
                *lines, rest = self._partial.split(b"\n")
                self._partial = rest
                self.log += [line.decode("utf-8", "replace") for line in lines]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def server(sessions_dir: Path, state_dir: Path) -> Iterator[Server]:
    running = Server(sessions_dir, state_dir)
    yield running
    running.stop()


def ssh(server: Server, naam: str, *options: str) -> list[str]:
    return [
        "ssh", "-F", "/dev/null", "-o", "StrictHostKeyChecking=no",
        "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
        "-p", str(server.port), *options, f"{naam}@127.0.0.1",
    ]  # fmt: skip


def join(server: Server, naam: str, tmp_path: Path, size: tuple[int, int] = (80, 24)) -> Terminal:
    """`ssh naam@host` in a terminal, the code typed at its prompt, until the panel shows."""
    terminal = Terminal(ssh(server, naam, "-t"), tmp_path, size=size, controlling=True)
    terminal.read_until("Workshopcode:")
    terminal.write(CODE + "\r")
    terminal.read_until("Eigen plaatsing van")
    terminal.drain()
    return terminal


def askpass(tmp_path: Path, code: str) -> dict[str, str]:
    """Environment that makes ssh take `code` as the password, without a terminal."""
    script = tmp_path / f"askpass-{code}.sh"
    script.write_text(f"#!/bin/sh\necho {code}\n")
    script.chmod(0o700)
    return {**os.environ, "SSH_ASKPASS": str(script), "SSH_ASKPASS_REQUIRE": "force"}


def run_ssh(
    server: Server, tmp_path: Path, *arguments: str, code: str = CODE, after: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ssh(server, "anna", *arguments), *after],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=askpass(tmp_path, code),
        timeout=30,
        start_new_session=True,  # no terminal: ssh must use SSH_ASKPASS
    )


def test_a_participant_joins_places_drops_and_resumes(
    server: Server, sessions_dir: Path, tmp_path: Path
) -> None:
    placement = sessions_dir / "altena" / "2020-10-07" / "anna.toml"
    anna = join(server, "Anna", tmp_path)
    assert server.wait_for("Anna verbonden vanaf 127.0.0.1")
    assert "Eigen plaatsing van Anna" in "\n".join(anna.shown())
    assert not placement.exists()  # nothing placed yet: no file
    anna.write(UP + UP + CTRL_S)
    server.wait_for("Anna heeft opgeslagen")
    assert load(placement).sliders["positionering_intern"].stand == 2
    assert load(placement).ingevuld_door == "Anna"

    # The same name from a second connection, while Anna is connected: refused.
    second = Terminal(ssh(server, "anna", "-t"), tmp_path, controlling=True)
    second.read_until("Workshopcode:")
    second.write(CODE + "\r")
    second.read_until("De naam anna is al verbonden")
    assert second.wait() != 0

    # A step not saved, then the connection drops.
    anna.write(DOWN)
    anna.drain_until(lambda: "niet opgeslagen" in "\n".join(anna.shown()))
    anna.process.kill()
    server.wait_for("Anna weg")
    anna.close()

    # Back, in a larger terminal: the unsaved step is there, not asked about.
    again = join(server, "Anna", tmp_path, size=(100, 30))
    again.drain_until(lambda: b"teruggezet" in again.output)
    shown = "\n".join(again.shown())
    assert "niet opgeslagen" in shown and "+1" in shown
    assert len(again.shown()[0]) == 100
    again.write(CTRL_S)
    server.wait_for("Anna heeft opgeslagen")
    assert load(placement).sliders["positionering_intern"].stand == 1
    again.write("\x11")  # Ctrl+Q: the app ends, and so does the connection
    assert again.wait() == 0
    server.wait_for("Anna weg")


def whole_panel_of(terminal: Terminal, naam: str) -> bool:
    """Whether the terminal shows `naam`'s panel at its size: title on top, keys at the bottom.

    And nothing was drawn below its last row (a real terminal scrolls the
    title away then; the emulator here does not).
    """
    shown = terminal.shown()
    below = f"\x1b[{terminal.size[1] + 1};".encode()
    return (
        f"Eigen plaatsing van {naam}" in shown[0]
        and "f1 help" in shown[-1]
        and below not in terminal.output
    )


def test_participants_who_share_a_process_each_keep_their_own_terminal(
    server: Server, sessions_dir: Path, tmp_path: Path
) -> None:
    """Up to four apps run in one process (see `serve.host`): sizes, keys and ends stay apart."""
    folder = sessions_dir / "altena" / "2020-10-07"
    anna = join(server, "anna", tmp_path)
    bert = join(server, "bert", tmp_path, size=(100, 30))
    for terminal, naam in ((anna, "anna"), (bert, "bert")):
        terminal.drain_until(lambda t=terminal, n=naam: whole_panel_of(t, n))
    # Each laid out for its own width: the key line has room for Ctrl+Q from 90 columns.
    assert "^q afsluiten" in bert.shown()[-1] and "^q afsluiten" not in anna.shown()[-1]

    anna.resize(90, 28)
    anna.drain_until(lambda: whole_panel_of(anna, "anna") and "^q afsluiten" in anna.shown()[-1])
    anna.write(UP + UP)
    bert.write(DOWN)
    anna.drain_until(lambda: "+2" in "\n".join(anna.shown()))
    bert.drain_until(lambda: "-1" in "\n".join(bert.shown()))

    anna.process.kill()  # anna's connection drops; bert places on
    server.wait_for("anna weg")
    anna.close()
    bert.write(DOWN + CTRL_S)
    server.wait_for("bert heeft opgeslagen")
    assert load(folder / "bert.toml").sliders["positionering_intern"].stand == -2
    assert not (folder / "anna.toml").exists()

    # Anna's steps come back, on a whole panel, whichever process she lands in.
    again = join(server, "anna", tmp_path)
    again.drain_until(lambda: b"teruggezet" in again.output and whole_panel_of(again, "anna"))
    assert "+2" in "\n".join(again.shown())
    again.write(CTRL_S)
    server.wait_for("anna heeft opgeslagen")
    assert load(folder / "anna.toml").sliders["positionering_intern"].stand == 2
    for terminal in (again, bert):
        terminal.write("\x11")
        assert terminal.wait() == 0


def test_steps_come_back_in_another_process_while_the_old_one_runs_on(
    server: Server, sessions_dir: Path, tmp_path: Path
) -> None:
    """Anna drops, someone takes her seat in the process she ran in, she lands in a new one."""
    others = [join(server, naam, tmp_path) for naam in ("bert", "cem")]
    anna = join(server, "anna", tmp_path)
    others.append(join(server, "dirk", tmp_path))  # four: that process is full
    anna.write(UP)
    anna.drain_until(lambda: "niet opgeslagen" in "\n".join(anna.shown()))
    anna.process.kill()
    server.wait_for("anna weg")
    anna.close()
    others.append(join(server, "eva", tmp_path))  # takes the seat anna left

    again = join(server, "anna", tmp_path)
    again.drain_until(lambda: b"teruggezet" in again.output)
    assert "+1" in "\n".join(again.shown())
    again.write(CTRL_S)
    server.wait_for("anna heeft opgeslagen")
    placement = sessions_dir / "altena" / "2020-10-07" / "anna.toml"
    assert load(placement).sliders["positionering_intern"].stand == 1
    for terminal in (again, *others):
        terminal.write("\x11")
        assert terminal.wait() == 0


def test_a_panel_that_cannot_start_says_why(
    server: Server, sessions_dir: Path, tmp_path: Path
) -> None:
    (sessions_dir / TEAM).write_text("formaat = [\n", encoding="utf-8")  # broken after the start
    anna = Terminal(ssh(server, "anna", "-t"), tmp_path, controlling=True)
    anna.read_until("Workshopcode:")
    anna.write(CODE + "\r")
    anna.read_until("Het schuifpaneel kon niet starten:")
    assert anna.wait() != 0
    server.wait_for("anna weg")
    assert not (sessions_dir / "altena" / "2020-10-07").exists()


def test_leaving_without_placing_leaves_no_file(
    server: Server, sessions_dir: Path, tmp_path: Path
) -> None:
    bert = join(server, "bert", tmp_path)
    bert.write("\x11")
    assert bert.wait() == 0
    server.wait_for("bert weg")
    assert not (sessions_dir / "altena" / "2020-10-07").exists()


def test_a_wrong_code_is_refused_and_repeated_ones_block_the_address(
    server: Server, tmp_path: Path
) -> None:
    wrong = run_ssh(server, tmp_path, "-o", "NumberOfPasswordPrompts=1", code="000000")
    assert wrong.returncode == 255
    assert "Permission denied" in wrong.stderr
    server.wait_for("verkeerde code vanaf 127.0.0.1")
    for _ in range(4):
        run_ssh(server, tmp_path, "-o", "NumberOfPasswordPrompts=1", code="000001")
    # Now even the right code is refused from this address for a while.
    blocked = run_ssh(server, tmp_path, "-tt", "-o", "NumberOfPasswordPrompts=1")
    assert blocked.returncode == 255
    server.wait_for("te veel verkeerde codes vanaf 127.0.0.1")


def test_commands_subsystems_forwarding_and_no_terminal_are_refused(
    server: Server, sessions_dir: Path, tmp_path: Path
) -> None:
    command = run_ssh(server, tmp_path, after=("cat", "/etc/passwd"))
    assert command.returncode != 0 and "root:" not in command.stdout
    server.wait_for("(exec)")
    sftp = run_ssh(server, tmp_path, "-s", after=("sftp",))
    assert sftp.returncode != 0
    server.wait_for("(subsystem sftp)")
    forward = run_ssh(server, tmp_path, "-W", "127.0.0.1:22")
    assert (forward.returncode, forward.stderr) == (255, "stdio forwarding failed\n")
    server.wait_for("(port forwarding)")
    remote = run_ssh(
        server, tmp_path, "-N", "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:22"
    )
    assert remote.returncode == 255 and "forwarding failed" in remote.stderr
    server.wait_for("(remote port forwarding)")
    no_terminal = run_ssh(server, tmp_path, "-T")
    assert "verbind met een terminal" in no_terminal.stdout
    assert no_terminal.returncode == 1
    assert not (sessions_dir / "altena" / "2020-10-07").exists()


def test_environment_agent_and_x11_requests_are_refused_and_logged(
    server: Server, tmp_path: Path
) -> None:
    """What asyncssh would take silently gets a failure reply and a line in the log;
    the panel opens all the same (LANG and LC_* are not refused)."""
    agent = subprocess.run(
        ["ssh-agent", "-s", "-a", str(tmp_path / "agent.sock")],
        capture_output=True,
        text=True,
        check=True,
    )
    agent_pid = agent.stdout.split("SSH_AGENT_PID=")[1].split(";")[0]
    environment = {
        "SSH_AUTH_SOCK": str(tmp_path / "agent.sock"),
        "DISPLAY": "127.0.0.1:42",  # nothing listens: the request is all that counts
        "XAUTHORITY": str(tmp_path / "Xauthority"),
    }
    options = ("-t", "-A", "-Y", "-o", "SetEnv=LANG=C.UTF-8 EDITOR=/bin/sh LC_TIME=nl_NL.UTF-8")
    try:
        anna = Terminal(
            ssh(server, "anna", *options), tmp_path, environment=environment, controlling=True
        )
        anna.read_until("Workshopcode:")
        anna.write(CODE + "\r")
        anna.read_until("Eigen plaatsing van")
        assert "anna" in server.wait_for("(environment variable EDITOR)")
        server.wait_for("(agent forwarding)")
        server.wait_for("(X11 forwarding)")
        assert not [line for line in server.log if "LANG" in line or "LC_TIME" in line]
        anna.write("\x11")
        assert anna.wait() == 0
    finally:
        subprocess.run(["kill", agent_pid], check=False)


def test_an_idle_connection_is_closed_with_a_message_and_its_steps_kept(
    sessions_dir: Path, state_dir: Path, tmp_path: Path
) -> None:
    """`--idle` in minutes (an hour by default): here three seconds."""
    server = Server(sessions_dir, state_dir, "--idle", "0.05")
    try:
        anna = join(server, "anna", tmp_path)
        anna.write(UP)
        anna.drain_until(lambda: "niet opgeslagen" in "\n".join(anna.shown()))
        server.wait_for("anna: verbinding gesloten na 0.05 minuten zonder toets")
        assert anna.wait() == 1
        assert b"Verbinding gesloten: 0.05 minuten geen toets" in anna.output
        # The terminal was put back: off the panel's screen, mouse reporting off.
        assert anna.output.rindex(b"\x1b[?1049l") > anna.output.rindex(b"\x1b[?1049h")
        server.wait_for("anna weg")
        anna.close()

        again = join(server, "anna", tmp_path)
        again.drain_until(lambda: b"teruggezet" in again.output)
        assert "+1" in "\n".join(again.shown())
        again.write(CTRL_S + "\x11")
        assert again.wait() == 0
        stand = load(sessions_dir / "altena" / "2020-10-07" / "anna.toml")
        assert stand.sliders["positionering_intern"].stand == 1
    finally:
        server.stop()


def test_the_room_is_capped(sessions_dir: Path, state_dir: Path, tmp_path: Path) -> None:
    server = Server(sessions_dir, state_dir, "--max", "1")
    try:
        anna = join(server, "anna", tmp_path)
        bert = Terminal(ssh(server, "bert", "-t"), tmp_path, controlling=True)
        bert.read_until("Workshopcode:")
        bert.write(CODE + "\r")
        bert.read_until("De workshop is vol (1 deelnemer)")
        assert bert.wait() == 1
        anna.write("\x11")
        assert anna.wait() == 0
    finally:
        server.stop()
