"""What the terminal sends, put right before Textual's parser reads it.

Two things go wrong in Textual's parser when keys arrive in one read, as
they do when people type ahead over a slow SSH link:

- In a bracketed paste it takes an escape character inside the pasted
  text for the start of a key sequence and sends what follows it as keys,
  ahead of the paste: `ABC<ESC>XYZ` arrived as the keys `^XYZ` and then the
  paste `ABC`. Nothing typed or pasted keeps an escape character anyway
  (see `schuiftui.sanitize`), so `PasteFilter` leaves the escape characters
  inside a paste out, and the paste arrives whole, in order.
- Escape followed at once by a letter and then another key (`<ESC>l<ESC>[A`:
  Escape, `l`, Up) became the keys `^` and `l`: the parser read `<ESC>l`
  as the start of a sequence, and when the next escape came, sent it back
  as characters with the escape as `^`. Typed slowly the same keys are
  Escape, `l` and Up. The app has no Alt keys, so `LoneEscapes` writes such
  an escape as the one form of the Escape key that cannot be read as
  anything else (the keyboard protocol's `CSI 27 u`), and the keys arrive
  as typed.

Nothing here imports Textual; `driver` puts these filters in its way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

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


ESCAPE_KEY = "\x1b[27u"
"""The Escape key in the keyboard protocol's form, which Textual's parser reads as Escape."""

_ESCAPE_BEFORE_KEY = re.compile(r"\x1b(?=[^\[\]OP_^X\\\x1b])")
"""An escape followed by a character that begins no escape sequence: Escape, then that key."""


class LoneEscapes:
    """Writes an escape that is followed at once by a plain key as the Escape key.

    An escape at the end of a piece is held back: the next piece says what
    it was, or `release()`, called when nothing more came, lets it go as the
    Escape key. Pastes have no escapes left (run `PasteFilter` first).
    """

    def __init__(self) -> None:
        self.holding = False
        """Whether the last piece ended in an escape that is held back."""

    def __call__(self, data: str) -> str:
        if self.holding:
            self.holding = False
            data = ESC + data
        if data.endswith(ESC):
            self.holding = True
            data = data[:-1]
        if ESC not in data:
            return data
        return _ESCAPE_BEFORE_KEY.sub(ESCAPE_KEY, data)

    def release(self) -> str:
        """What to read now that nothing followed a held escape: the Escape key, or nothing."""
        if not self.holding:
            return ""
        self.holding = False
        return ESCAPE_KEY


class InputFilter:
    """`PasteFilter`, then `LoneEscapes`: what Textual's parser should read of each piece."""

    def __init__(self) -> None:
        self._pastes = PasteFilter()
        self._escapes = LoneEscapes()

    @property
    def holding(self) -> bool:
        """Whether an escape is held back, waiting for what follows it."""
        return self._escapes.holding

    def __call__(self, data: str) -> str:
        return self._escapes(self._pastes(data))

    def release(self) -> str:
        """What to read when nothing more came (see `LoneEscapes.release`)."""
        return self._escapes.release()


def holds_lone_escape(environment: Mapping[str, str]) -> bool:
    """Whether the terminal holds a lone Escape while mouse reporting is on.

    GNU screen does: with mouse reporting on, it takes an Escape for the
    start of a mouse report and keeps it until the next key comes, so
    Escape does nothing until another key is pressed. It names itself in
    `STY` (tmux, which has no such trouble, in `TMUX`).
    """
    return bool(environment.get("STY")) and not environment.get("TMUX")
