"""The mengpaneel as lines of text: five columns, +5 at the top, the middle ruled.

One column per category with its name above and its poles at both ends; on
each track the marks that sit at a level: the thumb of one session, or the
letters of several.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..categories import CATEGORIES, two_rows
from ..session import STAND_MAX, STAND_MIN, format_stand

COLUMN = 11
"""Characters per slider column; labels take at most ten, so one stays blank."""
_CENTRE = COLUMN // 2
_PREFIX = "     "


@dataclass(frozen=True)
class Glyphs:
    """The characters a chart is drawn with."""

    track: str
    thumb: str
    middle: str
    cross: str
    middle_thumb: str


UNICODE = Glyphs(track="│", thumb="█", middle="─", cross="┼", middle_thumb="◆")
ASCII = Glyphs(track="|", thumb="#", middle="-", cross="+", middle_thumb="o")

BOLD = "\x1b[1m"
DIM = "\x1b[2m"
RESET = "\x1b[0m"


@dataclass(frozen=True)
class Mark:
    """Something at one level of one track."""

    stand: int
    text: str
    """One character: a thumb, or the letter of a session."""
    style: str = BOLD
    """The ANSI escape it is written in when the chart has colour."""


def marks_text(texts: Sequence[str], room: int) -> str:
    """The marks at one level in at most `room` characters: "ACF", "AnBeT", or "ABCDEF+6"."""
    return marks_layout(texts, room)[0]


def marks_layout(texts: Sequence[str], room: int) -> tuple[str, list[int]]:
    """`marks_text`, and per character the index of the mark it belongs to (-1: a count).

    Marks may be one character or two (initials): each keeps its own colour.
    """
    for shown in range(len(texts), 0, -1):
        rest = f"+{len(texts) - shown}" if shown < len(texts) else ""
        text = "".join(texts[:shown]) + rest
        if len(text) <= room:
            owners = [index for index, mark in enumerate(texts[:shown]) for _ in mark]
            return text, owners + [-1] * len(rest)
    return f"{len(texts)}", [-1] * len(str(len(texts)))


def chart(
    marks: Sequence[Sequence[Mark]],
    lang: str,
    glyphs: Glyphs = UNICODE,
    *,
    color: bool = False,
    middle_note: str = "",
) -> list[str]:
    """The chart, one line per row, no line longer than it needs to be.

    Args:
        marks: Per category, in file order, the marks on its track.
        lang: The language of the names and poles.
        glyphs: Unicode or ASCII.
        color: Write marks in their style and dim the tracks (ANSI escapes).
        middle_note: Written after the middle row ("midden: geen keuze").
    """
    bold = BOLD if color else ""
    rows = [
        _labels([c.short.get(lang).split("\n") for c in CATEGORIES], bold, color),
        _labels([two_rows(c.top.get(lang), COLUMN - 1) for c in CATEGORIES], "", color),
    ]
    lines = [line for pair in rows for line in pair]
    for level in range(STAND_MAX, STAND_MIN - 1, -1):
        cells: list[tuple[str, str]] = []
        for column in marks:
            cells += _cell([mark for mark in column if mark.stand == level], level, glyphs, color)
        while cells and cells[-1][1] == "" and cells[-1][0] in (" ", glyphs.middle):
            cells.pop()  # no trailing blanks or rule beyond the last track
        note = f" {middle_note}" if level == 0 and middle_note else ""
        lines.append(f"{format_stand(level):>3}  {_styled(cells)}{note}")
    lines += _labels([two_rows(c.bottom.get(lang), COLUMN - 1) for c in CATEGORIES], "", color)
    return lines


def _labels(labels: list[list[str]], style: str, color: bool) -> list[str]:
    """Two rows of labels, each centred over its column."""
    lines = []
    for row in range(2):
        text = "".join(
            (parts[row] if row < len(parts) else "").center(COLUMN) for parts in labels
        ).rstrip()
        lines.append(_PREFIX + (f"{style}{text}{RESET}" if style and text else text))
    return lines


def _cell(here: list[Mark], level: int, glyphs: Glyphs, color: bool) -> list[tuple[str, str]]:
    """One column at one level, as (character, style) pairs."""
    fill = glyphs.middle if level == 0 else " "
    track_style = DIM if color else ""
    cells = [(fill, "")] * COLUMN
    cells[_CENTRE] = (glyphs.cross if level == 0 else glyphs.track, track_style)
    if here:
        text, owners = marks_layout([mark.text for mark in here], COLUMN - 1)
        start = max(0, min(COLUMN - len(text), _CENTRE - (len(text) - 1) // 2))
        for offset, (char, owner) in enumerate(zip(text, owners)):
            style = here[owner].style if color and owner >= 0 else ""
            cells[start + offset] = (char, style)
    return cells


def _styled(cells: list[tuple[str, str]]) -> str:
    """Characters with their ANSI styles, one escape per run of the same style."""
    out = []
    current = ""
    for char, style in cells:
        if style != current:
            out.append(RESET if current else "")
            out.append(style)
            current = style
        out.append(char)
    if current:
        out.append(RESET)
    return "".join(out)
