"""The driver of an app that runs on a terminal it was given, beside other apps in one process.

A workshop host (see `serve.host`) runs the panels of a few participants in
one process, each on a pseudo-terminal of its own. What a process has only
once is then nobody's in particular: its stdin and stderr, its controlling
terminal, and so the signals a terminal sends (SIGWINCH on a resize, SIGHUP
when it hangs up). So this driver reads and writes its own terminal, looks
at that terminal's size a few times a second, and tells its app with
`TerminalClosed` when the terminal is gone.
"""

from __future__ import annotations

import os
import selectors
import signal
import sys
from codecs import getincrementaldecoder
from typing import ClassVar

from textual import events
from textual.geometry import Size
from textual.message import Message

from .driver import DEFAULT_SIZE, FilteringParser, TerminalDriver

SIZE_SECONDS = 0.1
"""How often the terminal's size is looked at (the input loop's pace): no SIGWINCH comes."""


class TerminalClosed(Message):
    """The app's terminal is gone (the participant's connection dropped, or the host ends)."""


class TerminalOutput:
    """What Textual's writer thread writes to: the terminal, until it is gone.

    Textual's writer thread stops at the first error, after which the app
    blocks on a full queue. Writes to a terminal that hung up are dropped
    instead, so the app can still keep its draft and end.
    """

    def __init__(self, fd: int, encoding: str) -> None:
        self._fd = fd
        self.encoding = encoding
        self._pending: list[str] = []
        self.gone = False

    def write(self, text: str) -> None:
        self._pending.append(text)

    def flush(self) -> None:
        data = "".join(self._pending).encode(self.encoding, "backslashreplace")
        self._pending.clear()
        view = memoryview(data)
        while view and not self.gone:
            try:
                view = view[os.write(self._fd, view) :]
            except InterruptedError:
                continue
            except OSError:  # EIO: hung up
                self.gone = True

    def fileno(self) -> int:
        return self._fd


class HostedDriver(TerminalDriver):
    """`TerminalDriver` on the terminal `terminal_fd`, not the process's own (see `on`)."""

    terminal_fd: ClassVar[int] = -1

    @classmethod
    def on(cls, fd: int) -> type[HostedDriver]:
        """This driver for the terminal `fd` (Textual makes the driver from its class)."""
        return type(cls.__name__, (cls,), {"terminal_fd": fd})

    def _attach(self) -> None:
        # Same encoding as the process's own output, as a single app has.
        encoding = getattr(sys.__stderr__, "encoding", None) or "utf-8"
        self._file = TerminalOutput(self.terminal_fd, encoding)
        self.fileno = self.terminal_fd
        self.input_tty = True
        # Until the first resize Textual takes the process's terminal size
        # (Rich's console: none here, so 80x25): the app starts at this one.
        self._size = self._get_terminal_size()
        # Textual suspends the process on Ctrl+Z; here that would stop everyone.
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        signal.signal(signal.SIGCONT, signal.SIG_DFL)

    def _get_terminal_size(self) -> tuple[int, int]:
        columns, rows = self._reported_size() or DEFAULT_SIZE
        return columns or DEFAULT_SIZE[0], rows or DEFAULT_SIZE[1]

    @property
    def can_suspend(self) -> bool:
        return False

    def run_input_thread(self) -> None:
        """Textual's input loop, which also notices a hang-up and a new size.

        A terminal that hung up reads as the end of input; Textual's loop
        would then go round without end.
        """
        fd = self.fileno
        parser = FilteringParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        size = self._get_terminal_size()
        with selectors.SelectSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while not self.exit_event.is_set():
                for _key, _mask in selector.select(SIZE_SECONDS):
                    try:
                        data = os.read(fd, 4096)
                    except InterruptedError:
                        continue
                    except OSError:  # EIO: hung up
                        data = b""
                    if not data:
                        self._closed(parser)
                        return
                    for event in parser.feed(decode(data)):
                        self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
                now = self._get_terminal_size()
                if now != size and not self._in_band_window_resize:
                    size = now
                    self.process_message(events.Resize(Size(*size), Size(*size)))
        for event in parser.feed(""):
            self.process_message(event)

    def _closed(self, parser: FilteringParser) -> None:
        """The terminal hung up: what was typed goes first, then the app hears of it."""
        self._file.gone = True  # type: ignore[union-attr]
        for event in parser.feed(""):
            self.process_message(event)
        self.process_message(TerminalClosed())
