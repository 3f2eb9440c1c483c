"""Reading the terminal: Textual's driver, with pastes that keep their order.

In a bracketed paste Textual's parser takes an escape character inside the
pasted text for the start of a key sequence and sends what follows it as
keys, ahead of the paste: `ABC<ESC>XYZ` arrived as the keys `^XYZ` and then
the paste `ABC`. Nothing typed or pasted keeps an escape character anyway
(see `core.sanitize`), so the escape characters inside a paste are left out
before the parser sees them, and the paste arrives whole, in order.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.drivers import linux_driver
from textual.drivers.linux_driver import LinuxDriver

ESC = "\x1b"
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


class PasteFilter:
    """Leaves the escape characters out of bracketed pastes, in input read in pieces.

    Call it with each piece of input as it is read; it returns what the
    parser should see. A piece that ends in what may be the start of the
    paste's closing sequence keeps that part back until the next piece.
    """

    def __init__(self) -> None:
        self._inside = False
        self._held = ""
        """Inside a paste: the end of the last piece, which may begin `PASTE_END`."""
        self._tail = ""
        """Outside a paste: the end of the last piece, which may begin `PASTE_START`."""

    def __call__(self, data: str) -> str:
        text = self._held + data
        self._held = ""
        out: list[str] = []
        position = 0
        while position < len(text):
            if self._inside:
                end = text.find(PASTE_END, position)
                if end < 0:
                    rest = text[position:]
                    keep = _start_of(PASTE_END, rest)
                    out.append(rest[: len(rest) - keep].replace(ESC, ""))
                    self._held = rest[len(rest) - keep :]
                    break
                out.append(text[position:end].replace(ESC, ""))
                out.append(PASTE_END)
                position = end + len(PASTE_END)
                self._inside = False
                self._tail = ""
            else:
                seen = self._tail + text[position:]
                start = seen.find(PASTE_START)
                if start < 0:
                    out.append(text[position:])
                    self._tail = seen[-(len(PASTE_START) - 1) :]
                    break
                after = position + start + len(PASTE_START) - len(self._tail)
                out.append(text[position:after])
                position = after
                self._inside = True
                self._tail = ""
        return "".join(out)


def _start_of(sequence: str, text: str) -> int:
    """The length of the longest end of `text` that is a beginning of `sequence`."""
    for length in range(min(len(text), len(sequence) - 1), 0, -1):
        if sequence.startswith(text[-length:]):
            return length
    return 0


class PasteKeepingParser(linux_driver.XTermParser):
    """Textual's parser, fed through a `PasteFilter`."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pastes = PasteFilter()

    def feed(self, data: str) -> Iterable:  # type: ignore[override]
        # An empty piece is the end of input; pass it on as it is.
        return super().feed(self._pastes(data) if data else data)


class PasteKeepingDriver(LinuxDriver):
    """Textual's driver for POSIX terminals, reading through `PasteKeepingParser`."""

    def run_input_thread(self) -> None:
        # Textual's input loop makes its parser from this module-level name and
        # offers no other way in; one app runs per process, so setting it here
        # (before the loop starts) changes no one else's input.
        linux_driver.XTermParser = PasteKeepingParser  # type: ignore[misc]
        super().run_input_thread()
