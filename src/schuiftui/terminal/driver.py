"""Textual's driver for POSIX terminals, with our filters on its way in and out.

In: each piece read goes through `keys.InputFilter` before Textual's parser
(pastes whole and in order; Escape typed right before a key stays Escape).
Out: each frame goes through `shadow.ScreenShadow` (only changed cells are
sent; glyphs the terminal cannot show are replaced).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import constants, events
from textual.drivers import linux_driver
from textual.drivers.linux_driver import LinuxDriver

from . import typeahead
from .glyphs import glyph_table, terminal_repertoire
from .keys import InputFilter
from .shadow import ScreenShadow

if TYPE_CHECKING:
    from textual.message import Message

REDRAW_KEY = "ctrl+l"
"""The key that paints the whole screen again, as in most terminal programs."""


DEFAULT_SIZE = (80, 25)
"""What Textual draws on when the terminal says 0x0 (see LinuxDriver._get_terminal_size)."""


class FilteringParser(linux_driver.XTermParser):
    """Textual's parser, reading through an `InputFilter`."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._input = InputFilter()
        self._held_since = 0.0

    def feed(self, data: str) -> Iterable[Any]:  # type: ignore[override]
        if not data:  # the end of input: what is held goes first
            held = self._input.release()
            return [*(super().feed(held) if held else ()), *super().feed(data)]
        filtered = self._input(data)
        if self._input.holding:
            self._held_since = time.monotonic()
        # Never an empty piece: to the parser that is the end of input.
        return super().feed(filtered) if filtered else ()

    def tick(self) -> Iterable[Any]:
        if self._input.holding and time.monotonic() - self._held_since >= constants.ESCAPE_DELAY:
            # Nothing followed the escape: the Escape key on its own.
            return [*super().feed(self._input.release()), *super().tick()]
        return super().tick()


class TerminalDriver(LinuxDriver):
    """Textual's driver for POSIX terminals, with `FilteringParser` and a `ScreenShadow`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._attach()
        encoding = getattr(self._file, "encoding", None)
        level = terminal_repertoire(encoding, self._reported_size())
        self.shadow = ScreenShadow(glyph_table(level, encoding))
        self._redraw = False
        """Whether the next frame is to be sent whole (Ctrl+L was pressed)."""

    def _attach(self) -> None:
        """Point the driver at its terminal: here the process's own, as Textual does.

        Textual reads from the original stdin and writes to the original
        stderr (see LinuxDriver); `hosted.HostedDriver` is given another.
        """

    def _reported_size(self) -> tuple[int, int] | None:
        """The size the terminal reports (columns, rows); None when there is no terminal."""
        try:
            size = os.get_terminal_size(self._file.fileno())  # type: ignore[union-attr]
        except (OSError, ValueError, AttributeError):
            return None
        return size.columns, size.lines

    def start_application_mode(self) -> None:
        super().start_application_mode()
        held = typeahead.original()
        if held is not None:
            # The terminal was put in raw mode before Textual looked (see
            # `typeahead`); what it restores when done must be what was there.
            self.attrs_before = held

    def write(self, data: str) -> None:
        size = self._reported_size()
        if size is None:
            self.shadow.resize(0, 0)  # no size, no shadow: everything passes unchanged
        else:
            # 0x0: Textual draws at its own default size, and so does the shadow.
            size = (size[0] or DEFAULT_SIZE[0], size[1] or DEFAULT_SIZE[1])
            if size != (self.shadow.width, self.shadow.height):
                # After a resize the terminal shows what it likes until repainted.
                self.shadow.resize(*size)
        if self._redraw:
            self._redraw = False
            self.shadow.forget()
        super().write(self.shadow.frame(data))

    def process_message(self, message: Message) -> None:
        if isinstance(message, events.Key) and message.key == REDRAW_KEY:
            # Something else wrote over the screen (a `write` or `wall`
            # message, a noisy line): trust nothing the shadow remembers, so
            # that the repaint the app makes of this key sends every cell.
            # Said here, in the input thread; done by the next `write`.
            self._redraw = True
        super().process_message(message)

    def run_input_thread(self) -> None:
        # Textual's input loop makes its parser from this module-level name and
        # offers no other way in; one app runs per process, so setting it here
        # (before the loop starts) changes no one else's input.
        linux_driver.XTermParser = FilteringParser  # type: ignore[misc]
        super().run_input_thread()
