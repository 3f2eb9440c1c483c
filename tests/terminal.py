"""Run a command in a real pseudo-terminal and talk to it, for end-to-end tests."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path
from typing import Callable

import pyte


class Terminal:
    """A child process on a pseudo-terminal of a fixed size."""

    def __init__(
        self,
        argv: list[str],
        cwd: Path,
        size: tuple[int, int] = (80, 24),
        environment: dict[str, str] | None = None,
        *,
        controlling: bool = False,
    ) -> None:
        """`controlling`: the terminal becomes the process's controlling terminal
        (/dev/tty), where `ssh` asks for a password."""
        self.master, slave = pty.openpty()
        self.size = size
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        ours = ("TEXTUAL", "NO_COLOR", "SCHUIFTUI_GLYPHS")  # what would change the drawing
        env = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
        env.update(TERM="xterm-256color", COLUMNS=str(columns), LINES=str(rows))
        env.update(environment or {})
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env,
            start_new_session=True,
            preexec_fn=_take_as_controlling_terminal if controlling else None,
        )
        os.close(slave)
        self.output = b""

    def read_until(self, text: str, timeout: float = 20.0) -> bytes:
        """Read output until `text` has appeared since the last call; return what came."""
        start = len(self.output)
        deadline = time.monotonic() + timeout
        wanted = text.encode()
        while wanted not in self.output[start:]:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"{text!r} did not appear; last output: {self.output[-500:]!r}")
            ready, _, _ = select.select([self.master], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise EOFError(f"terminal closed before {text!r}: {self.output[-300:]!r}")
                self.output += chunk
        return self.output[start:]

    def write(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def resize(self, columns: int, rows: int) -> None:
        """Make the terminal this size, as a user dragging its window (the program gets SIGWINCH)."""
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.size = (columns, rows)

    def drain(self, quiet: float = 0.3, limit: float = 5.0) -> bytes:
        """Read until the program has been quiet for `quiet` seconds; return what came."""
        start = len(self.output)
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], quiet)
            if not ready:
                break
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.output += chunk
        return self.output[start:]

    def drain_until(self, condition: Callable[[], bool], timeout: float = 20.0) -> None:
        """Read output until `condition()` holds (for what a screen shows in pieces)."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"not done in time; last output: {self.output[-500:]!r}")
            self.drain(quiet=0.05, limit=0.2)

    def save_and_quit(self) -> int:
        """Ctrl+S, then Ctrl+Q, each once the screen is quiet; the exit code (0: nothing asked)."""
        self.write("\x13")
        self.drain()
        return self.quit()

    def quit(self) -> int:
        """Ctrl+Q; the exit code (0: nothing was asked)."""
        self.write("\x11")
        return self.wait()

    def wait(self, timeout: float = 20.0) -> int:
        """Wait for the process to end while reading its output; return its exit code."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self.drain(quiet=0.1, limit=0.5)
        code = self.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        self.drain(quiet=0.0, limit=1.0)  # what it wrote last may still wait in the terminal
        return code

    def screen(self, encoding: str = "utf-8") -> pyte.Screen:
        """What the terminal shows now: everything written so far, through an emulator."""
        columns, rows = self.size
        screen = pyte.Screen(columns, rows)
        pyte.Stream(screen).feed(self.output.decode(encoding, "replace"))
        return screen

    def shown(self, encoding: str = "utf-8") -> list[str]:
        """The rows the terminal shows now, as text."""
        return self.screen(encoding).display

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


def _take_as_controlling_terminal() -> None:
    """In the child, after `setsid`: its standard input becomes its controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


SCHUIFTUI = str(Path(sys.executable).parent / "schuiftui")
"""The installed command, as a user runs it."""


def open_session(path: Path) -> Terminal:
    """The installed `schuiftui` on one session file, once its panel is complete and quiet."""
    terminal = Terminal([SCHUIFTUI, str(path)], cwd=path.parent)
    terminal.read_until("Lokale agenda")
    terminal.drain()
    return terminal


# Keys as a terminal sends them (xterm's normal mode).
UP = "\x1b[A"
DOWN = "\x1b[B"
RIGHT = "\x1b[C"
LEFT = "\x1b[D"
ESC = "\x1b"
TAB = "\t"
ENTER = "\r"
CTRL_S = "\x13"
CTRL_Q = "\x11"
CTRL_Z = "\x1a"


def type_keys(terminal: Terminal, keys: list[str], *, at_once: bool) -> None:
    """Type `keys` in one write (a burst over SSH), or one by one as the screen settles."""
    if at_once:
        terminal.write("".join(keys))
    else:
        for key in keys:
            terminal.write(key)
            terminal.drain()
    terminal.drain(quiet=0.5)


TOAST_BACKGROUND = "5f5f5f"
"""A notification's background under xterm-256color in the default theme."""


def same_screen_but_toasts(one: pyte.Screen, other: pyte.Screen) -> bool:
    """Whether two screens show the same, where neither shows a notification.

    How long a notification stays depends on when it came, not on what was
    typed: two runs typed at different speeds may differ in them only.
    """
    for y in range(one.lines):
        for x in range(one.columns):
            a, b = one.buffer[y][x], other.buffer[y][x]
            if TOAST_BACKGROUND in (a.bg, b.bg):
                continue
            if a.data != b.data:
                return False
    return True


def finish(terminal: Terminal) -> None:
    """Quit without saving, whatever is open: the files show what was saved."""
    for key in (CTRL_Q, "n", "\x1b", CTRL_Q, "n"):
        if terminal.process.poll() is not None:
            break
        terminal.write(key)
        terminal.drain()
    terminal.close()


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    """Poll `condition` (a file, a process state) until it holds; fail saying `what` if not."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.002)  # polling a condition, not waiting for time to pass
