"""What the terminal shows, cell by cell, so that a frame sends only what changed.

Textual knows which widgets changed and repaints their regions whole. At
start-up that repaints the screen two or three times over (the side panel
arriving, the key line, a screen that resumes), and every byte is latency
over SSH. `ScreenShadow` sits between Textual and the terminal: it reads
each frame Textual writes, compares it with what the terminal already
shows, and sends only the cells that differ, with runs of one style joined
into one escape sequence. What it does not understand it passes on
unchanged and then trusts nothing it remembers, so the terminal shows
exactly what Textual meant it to.

The frame format it reads is the terminal's own (ECMA-48): cursor moves
(`CSI row;col H`), styles (`CSI ... m`), text, and the line feeds between
rows. It also puts the text through a glyph table (see `glyphs`), for
terminals that cannot show every character.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import groupby

from rich.cells import cell_len, get_character_cell_size

UNKNOWN = None
"""A cell whose content on the terminal is not known: it is always sent."""

GAP = 4
"""Unchanged cells between two changes that are sent anyway: cheaper than a cursor move."""

_TOKEN = re.compile(
    r"""
      \x1b\[([0-9;:]*)m([^\x00-\x1f\x7f-\x9f]+)\x1b\[0?m   # 1, 2: styled text, reset after
                                                      #   (how Textual writes a segment)
    | \x1b\[(\d+);(\d+)H              # 3, 4: cursor to row;column
    | \x1b\[([0-9;:]*)m               # 5: a style (SGR)
    | ( \x1b\[[0-9;:?<>=]*[\x20-\x2f]*[\x40-\x7e]   # 6: another control sequence
      | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)           #    an operating system command
      )
    | (\r?\n|\r)                      # 7: to the next row (a line feed, with ONLCR), or its start
    | ([^\x00-\x1f\x7f-\x9f]+)        # 8: text
    """,
    re.VERBOSE,
)

_HARMLESS = re.compile(
    r"\x1b\[(?:\?(?:25|1000|1002|1003|1004|1006|1015|2004|2026|2048)[hl]|\?\d+\$p|[<>=]\d*u|6n|\d* q)"
    r"|\x1b\].*"
)
"""Control sequences that leave the screen's cells as they are: cursor shown or hidden,
mouse, paste and focus modes, synchronised output, queries, the keyboard protocol, the
cursor's shape, and operating system commands (title, pointer shape)."""


class ScreenShadow:
    """A copy of the terminal's cells; `frame()` turns a frame into what still has to be sent."""

    def __init__(self, glyphs: Mapping[int, str] | None = None) -> None:
        """Create a shadow of a terminal that shows nothing known yet.

        Args:
            glyphs: A `str.translate` table for text the terminal cannot show.
        """
        self.glyphs = glyphs
        self.width = 0
        self.height = 0
        self.sent_style: str | None = None
        """The style the terminal has now, as SGR parameters ("": none; None: not known)."""
        self.cursor: tuple[int, int] | None = None
        """Where the terminal's cursor is, after the last frame (None: not known)."""
        self.style: str | None = ""
        """The style the written data has set, as SGR parameters (None: not known)."""
        self._chars: list[list[str | None]] = []
        self._styles: list[list[str | None]] = []

    def resize(self, width: int, height: int) -> None:
        """The terminal has this size now; what it shows is unknown until written again."""
        self.width, self.height = width, height
        self.forget()

    def forget(self) -> None:
        """Trust nothing remembered: the next frames are sent whole."""
        self._chars = [[UNKNOWN] * self.width for _ in range(self.height)]
        self._styles = [[UNKNOWN] * self.width for _ in range(self.height)]
        self.cursor = None

    def frame(self, data: str) -> str:
        """What to write instead of `data` for the terminal to show the same."""
        return _Frame(self).run(data)

    def cells(self, row: int) -> str:
        """What one row shows, as far as known ("?" where not); for tests and debugging."""
        return "".join("?" if c is None else c for c in self._chars[row])


class _Frame:
    """One pass over written data: the cells it changes, and what to send for them."""

    def __init__(self, shadow: ScreenShadow) -> None:
        self.shadow = shadow
        self.out: list[str] = []
        self.changed: dict[int, set[int]] = {}
        self.cursor = shadow.cursor
        """Where the written data leaves the cursor (None: not known)."""
        self.sent_cursor = shadow.cursor
        """Where what was sent leaves it."""
        self.style = shadow.style
        """The style of the written data at this point, as SGR parameters (None: not known)."""

    def run(self, data: str) -> str:
        position = 0
        length = len(data)
        match = _TOKEN.match
        while position < length:
            token = match(data, position)
            if token is None:
                return self._give_up(data, position)
            styled, segment, row, column, style, control, newline, text = token.groups()
            if segment is not None:
                self.style = _added_style(self.style, styled)
                if not self._write(segment):
                    return self._give_up(data, position)
                self.style = ""
            elif row is not None:
                self.cursor = (int(row) - 1, int(column) - 1)
            elif style is not None:
                if self.style is None:
                    # The style is not known (after data passed on unread):
                    # the terminal has to see this change as it is.
                    self.out.append(token.group())
                    self.shadow.sent_style = None
                self.style = _added_style(self.style, style)
            elif text is not None:
                if not self._write(text):
                    return self._give_up(data, position)
            elif newline is not None:
                if self.cursor is None:
                    return self._give_up(data, position)
                self.cursor = (self.cursor[0] + (newline[-1] == "\n"), 0)
            else:
                self._send_changes()
                self._send_state()
                self.out.append(control)
                if not _HARMLESS.fullmatch(control):
                    # It may clear, scroll, switch screens or move the cursor.
                    self.shadow.forget()
                    self.cursor = self.sent_cursor = None
            position = token.end()
        self._send_changes()
        self._send_state()
        self.shadow.cursor, self.shadow.style = self.cursor, self.style
        return "".join(self.out)

    def _write(self, text: str) -> bool:
        """Put `text` in the shadow at the cursor; False when it does not fit the model."""
        shadow = self.shadow
        if self.cursor is None or self.style is None:
            return False
        if shadow.glyphs is not None:
            text = text.translate(shadow.glyphs)
        row, column = self.cursor
        cells = _cells(text)
        if cells is None or row >= shadow.height or column + len(cells) > shadow.width:
            return False
        chars, styles = shadow._chars[row], shadow._styles[row]
        after = column + len(cells)
        cut_before = column > 0 and chars[column] == ""
        cut_after = after < shadow.width and chars[after] == ""
        if cut_before or cut_after:
            # The text cuts a wide character in half; what the terminal then
            # shows of the other half is its own affair. Send what this frame
            # wrote so far first, so that it is cut the same way, and trust
            # nothing of that half.
            self._send_changes()
            if cut_before:
                chars[column - 1] = UNKNOWN
            if cut_after:
                chars[after] = UNKNOWN
        style = self.style
        old_styles = styles[column:after]
        if chars[column:after] == list(cells) and old_styles == [style] * len(cells):
            pass  # the terminal shows this already: the common case
        elif old_styles.count(UNKNOWN) == len(cells):
            chars[column:after] = cells  # all new (the first frame): no need to compare
            styles[column:after] = [style] * len(cells)
            self.changed.setdefault(row, set()).update(range(column, after))
        else:
            changed = self.changed.setdefault(row, set())
            for index, char in enumerate(cells, column):
                if chars[index] != char or styles[index] != style:
                    chars[index] = char
                    styles[index] = style
                    changed.add(index)
        self.cursor = (row, column + len(cells))
        return True

    def _send_changes(self) -> None:
        """Send the cells changed since the last time, row by row, in spans."""
        shadow = self.shadow
        for row, changed in sorted(self.changed.items()):
            if not changed:
                continue
            chars = shadow._chars[row]
            columns = sorted(changed)
            start = previous = columns[0]
            if columns[-1] - start + 1 == len(columns):  # one run (a whole row, say)
                self._send_span(row, start, columns[-1])
                continue
            for column in [*columns[1:], None]:
                if (
                    column is not None
                    and column - previous <= GAP + 1
                    and UNKNOWN not in chars[previous:column]
                ):
                    previous = column
                    continue
                self._send_span(row, start, previous)
                if column is not None:
                    start = previous = column
        self.changed = {}

    def _send_span(self, row: int, start: int, end: int) -> None:
        """Send the cells `start` to `end` of `row`, one escape sequence per style."""
        shadow = self.shadow
        chars, styles = shadow._chars[row], shadow._styles[row]
        while start > 0 and chars[start] == "":
            start -= 1  # begin with the whole wide character
        out = self.out
        out.append(f"\x1b[{row + 1};{start + 1}H")
        column = start
        for style, same in groupby(styles[start : end + 1]):
            run_start = column
            column += len(list(same))
            text = "".join(chars[run_start:column])  # type: ignore[arg-type]
            if style:
                reset = "" if shadow.sent_style == "" else "0;"  # start from no style
                out.append(f"\x1b[{reset}{style}m{text}\x1b[0m")
            else:
                out.append(text if shadow.sent_style == "" else f"\x1b[0m{text}")
            shadow.sent_style = ""
        if end + 1 < shadow.width and chars[end + 1] == "":
            end += 1  # a wide last character takes a cell more
        self.sent_cursor = (row, end + 1)

    def _send_state(self) -> None:
        """Put the cursor where the written data would have left it, in its style."""
        if self.cursor is not None and self.cursor != self.sent_cursor:
            row, column = self.cursor
            self.out.append(f"\x1b[{row + 1};{column + 1}H")
            self.sent_cursor = self.cursor
        if self.style is not None and self.style != self.shadow.sent_style:
            self.out.append(f"\x1b[0;{self.style}m" if self.style else "\x1b[0m")
            self.shadow.sent_style = self.style

    def _give_up(self, data: str, position: int) -> str:
        """Send the rest unchanged; the terminal may show anything after it."""
        self._send_changes()
        self._send_state()
        self.out.append(data[position:])
        self.shadow.forget()
        self.shadow.style = self.shadow.sent_style = None  # the rest may set any style
        return "".join(self.out)


def _added_style(current: str | None, parameters: str) -> str | None:
    """The style after `CSI parameters m`, as the parameters since the last reset."""
    if parameters in ("", "0"):
        return ""
    if parameters.startswith("0;"):
        return parameters[2:]
    if current is None:
        return None  # still not known
    return f"{current};{parameters}" if current else parameters


def _cells(text: str) -> tuple[str, ...] | None:
    """`text` as the terminal's cells: a character each, "" after a wide one; None if unusual.

    Widths are Rich's, as Textual measured them when it laid the text out.
    """
    if text.isascii() or cell_len(text) == len(text):
        return tuple(text)
    cells: list[str] = []
    for char in text:
        width = get_character_cell_size(char)
        if width == 0:
            if not cells or cells[-1] == "":
                return None
            cells[-1] += char  # a combining mark joins the character before it
        elif width == 1:
            cells.append(char)
        else:
            cells += [char, ""]
    return tuple(cells)
