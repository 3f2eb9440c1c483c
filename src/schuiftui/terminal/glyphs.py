"""What a terminal can show: all of Unicode, the Linux console's glyphs, or ASCII.

Textual draws with box-drawing, block and geometric characters, and the
sessions hold Dutch text ("één"). A terminal reached with `LANG=C` gets the
characters its locale cannot encode as `\\u2502`, six cells instead of one,
and the layout falls apart; a VT100 shows none of them; the Linux console
has only the glyphs of the IBM PC character set (code page 437). For such a
terminal each character it cannot show is replaced, as it is written, by
one it can, of the same width: the focused track `┃` by `║` on the console
and `|` in ASCII, the thumb `█` by `#`, `é` by `e`. The layout stays as
Textual made it, and the track, its middle, the thumb and the focus still
show (see `REPLACEMENTS`).

Nothing here imports Textual or Rich: the plain commands fold text the
same way (`cli.output`).
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from collections.abc import Mapping

UNICODE = "unicode"
"""Every character: a UTF-8 terminal with a font for it."""
CONSOLE = "console"
"""The Linux console: what code page 437 holds (light and double lines, blocks)."""
ASCII = "ascii"
"""ASCII, and the letters of a legacy 8-bit locale (ISO-8859-1 keeps `é`)."""

GLYPHS_ENVIRONMENT = "SCHUIFTUI_GLYPHS"
"""Overrides the choice: `unicode`, `console` or `ascii`."""

ASCII_TERMINALS = ("vt52", "vt100", "vt102", "vt220", "vt320", "dumb", "ansi")
"""`TERM` values (or their beginnings) of terminals that show ASCII only."""

CP437_PICTURES = frozenset("☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼⌂")
"""The pictures a PC font has in the places of control characters; Python's codec lacks them."""

REPLACEMENTS: dict[str, str] = {
    # The slider: focused track and middle are heavy, so that focus shows
    # without colour; on the console the double lines keep that difference.
    "┃": "║|",
    "━": "═-",
    "╋": "╬+",
    "╌": "─-",
    "◀": "◄<",
    "▶": "►>",
    "◇": "○o",
    "◆": "♦*",
    "█": "█#",
    "✎": "*",
    "…": ".",
    "·": "·.",
    "—": "-",
    "–": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "•": "•*",
    "×": "x",
}
"""For a glyph: the characters to show instead, best first; the first the terminal has wins."""


def repertoire(encoding: str | None, term: str | None, wanted: str | None = None) -> str:
    """What a terminal can show, from its locale's encoding and its `TERM`.

    Args:
        encoding: The encoding of the stream the app writes to.
        term: The value of `TERM`.
        wanted: What the user asked for (`SCHUIFTUI_GLYPHS`); it wins when valid.

    Returns:
        `UNICODE`, `CONSOLE` or `ASCII`.
    """
    if wanted in (UNICODE, CONSOLE, ASCII):
        return wanted
    if not is_utf8(encoding):
        return ASCII
    if limited(term):
        return ASCII
    if (term or "").lower() == "linux":
        return CONSOLE
    return UNICODE


def terminal_repertoire(encoding: str | None, size: tuple[int, int] | None = None) -> str:
    """`repertoire` for this process's environment (`TERM`, `SCHUIFTUI_GLYPHS`).

    A terminal that reports its size as 0x0 (a serial line, a bare client)
    tells nothing about itself either: it gets ASCII, as a limited one does.
    """
    wanted = os.environ.get(GLYPHS_ENVIRONMENT, "").strip().lower() or None
    if size == (0, 0) and wanted is None:
        return ASCII
    return repertoire(encoding, os.environ.get("TERM"), wanted)


def limited(term: str | None) -> bool:
    """Whether `TERM` names a terminal that shows ASCII only (or none is named)."""
    term = (term or "").strip().lower()
    return not term or term.startswith(ASCII_TERMINALS)


def is_utf8(encoding: str | None) -> bool:
    """Whether `encoding` is UTF-8 under any of its names."""
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


class Fallback(dict[int, str]):
    """A `str.translate` table: each character a terminal cannot show, as one it can.

    Filled as characters are met, so text that needs no change is translated
    at C speed after the first sight of each character.
    """

    def __init__(self, level: str, encoding: str | None = None) -> None:
        """Create the table.

        Args:
            level: `UNICODE`, `CONSOLE` or `ASCII`.
            encoding: The stream's encoding; an 8-bit one adds its letters to ASCII.
        """
        super().__init__()
        self.level = level
        self.encoding = encoding if encoding and not is_utf8(encoding) else None

    def shows(self, char: str) -> bool:
        """Whether the terminal shows `char` as itself."""
        if char.isascii():
            return True
        if self.level == UNICODE:
            return _encodes(char, "utf-8")  # all but lone surrogates (from file names)
        if self.level == CONSOLE:
            return char in CP437_PICTURES or _encodes(char, "cp437")
        if self.encoding is None or unicodedata.category(char).startswith("S"):
            return False  # no line or block glyphs from a legacy code page either
        return _encodes(char, self.encoding)

    def __missing__(self, code: int) -> str:
        char = chr(code)
        shown = char if self.shows(char) else self._instead(char)
        self[code] = shown
        return shown

    def _instead(self, char: str) -> str:
        width = cell_width(char)
        if width == 0:
            return ""  # a combining mark or a format character
        for candidate in REPLACEMENTS.get(char, ""):
            if self.shows(candidate):
                return candidate
        if width == 1:
            for shape in (_shape(char) if self.level == CONSOLE else None, _shape_ascii(char)):
                if shape is not None and self.shows(shape):
                    return shape
            letters = _letters(char)
            if len(letters) == 1 and self.shows(letters):
                return letters
        return "?" * width

    def text(self, text: str) -> str:
        """`text` as this terminal shows it."""
        return text.translate(self)


def fold(text: str, encoding: str) -> str:
    """`text` with what `encoding` cannot hold as plain letters ("één": "een"), else `?`."""
    return Fallback(UNICODE if is_utf8(encoding) else ASCII, encoding).text(text)


def cell_width(char: str) -> int:
    """The cells `char` takes on a terminal: 0, 1 or 2."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _encodes(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _letters(char: str) -> str:
    """A letter without its accents ("é": "e"); "" when there is none."""
    return (
        "".join(
            part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part)
        )
        .encode("ascii", "ignore")
        .decode("ascii")
    )


def _shape(char: str) -> str | None:
    """A line, block, arrow or shape glyph as the nearest code page 437 glyph; None if none."""
    name = unicodedata.name(char, "")
    if name.startswith("BOX DRAWINGS"):
        return _box_shape(name, "─", "│", "┼")
    if 0x2580 <= ord(char) <= 0x259F:  # block elements and shades
        for word, block in (("LEFT", "▌"), ("RIGHT", "▐"), ("LOWER", "▄"), ("UPPER", "▀")):
            if name.startswith(word):
                return block
        return "█"
    return _shape_ascii(char)


def _shape_ascii(char: str) -> str | None:
    """A line, block, arrow or shape glyph as one ASCII character; None if none."""
    name = unicodedata.name(char, "")
    if name.startswith("BOX DRAWINGS"):
        return _box_shape(name, "-", "|", "+")
    if 0x2580 <= ord(char) <= 0x259F:  # block elements: edges of boxes and buttons, bars
        for words, edge in (
            (("LOWER ONE EIGHTH", "LOWER ONE QUARTER", "LOWER THREE EIGHTHS"), "_"),
            (("UPPER ONE EIGHTH", "UPPER HALF"), "-"),
            (("LEFT", "RIGHT"), "|"),
        ):
            if name.startswith(words):
                return edge
        return "#"
    for words, shape in (
        (("UPWARDS", "UP-POINTING"), "^"),
        (("DOWNWARDS", "DOWN-POINTING"), "v"),
        (("LEFTWARDS", "LEFT-POINTING"), "<"),
        (("RIGHTWARDS", "RIGHT-POINTING"), ">"),
    ):
        if any(word in name for word in words) and ("ARROW" in name or "TRIANGLE" in name):
            return shape
    if any(word in name for word in ("CIRCLE", "DIAMOND", "LOZENGE", "SQUARE", "BULLET")):
        return "*" if "BLACK" in name or "BULLET" in name else "o"
    if unicodedata.category(char) == "Pd":
        return "-"
    if unicodedata.category(char) == "Zs":
        return " "
    return None


def _box_shape(name: str, horizontal: str, vertical: str, cross: str) -> str:
    across = "HORIZONTAL" in name or "LEFT" in name or "RIGHT" in name
    down = "VERTICAL" in name or " UP" in name or " DOWN" in name
    if "DIAGONAL" in name:
        return cross
    if across and not down:
        return horizontal
    if down and not across:
        return vertical
    return cross


def glyph_table(level: str, encoding: str | None = None) -> Mapping[int, str] | None:
    """The translation table for `level`; None when nothing needs replacing."""
    return None if level == UNICODE else Fallback(level, encoding)
