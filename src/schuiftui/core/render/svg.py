"""The mengpaneel as a picture: a standalone SVG that opens in a browser and prints on A4.

Five vertical tracks with their names and poles, the middle marked as "no
choice", and on each track one marker per session in its colour and with
its letter, so the chart also reads in black and white. Units are
millimetres on an A4 page in landscape.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from xml.sax import saxutils

from ...i18n import Translator
from ..categories import CATEGORIES, one_line
from ..compare import Compared, Moved, discussed, moves, people
from ..session import STAND_MAX, STAND_MIN, format_change, format_stand
from .text import shorten

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF, lone surrogates)."""


def escape(text: str) -> str:
    """`text` as XML character data; a character XML forbids becomes U+FFFD."""
    return saxutils.escape(_NOT_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    """`text` as a quoted XML attribute value; a character XML forbids becomes U+FFFD."""
    return saxutils.quoteattr(_NOT_XML.sub("\ufffd", text))


WIDTH, HEIGHT = 297, 210
"""An A4 page in landscape, in millimetres."""
_LEFT = 22
_COLUMN = 37
_TRACK_TOP = 62
_STEP = 10
_TRACK_BOTTOM = _TRACK_TOP + (STAND_MAX - STAND_MIN) * _STEP
_LEGEND_X = _LEFT + 5 * _COLUMN + 8
_FONT = "Helvetica, Arial, sans-serif"
_INK = "#222222"
_MUTED = "#666666"


def _y(stand: int) -> float:
    return _TRACK_TOP + (STAND_MAX - stand) * _STEP


def _x(column: int) -> float:
    return _LEFT + _COLUMN * column + _COLUMN / 2


def _text(x: float, y: float, text: str, size: float, **attributes: str) -> str:
    extra = "".join(
        f" {name.replace('_', '-')}={quoteattr(value)}" for name, value in attributes.items()
    )
    return f'<text x="{x:g}" y="{y:g}" font-size="{size:g}"{extra}>{escape(text)}</text>'


def mengpaneel_svg(items: Sequence[Compared], lang: str = "nl") -> str:
    """The chart of one or more sessions as an SVG document."""
    _ = Translator(lang)
    sessions = [item.session for item in items]
    gemeenten = list(dict.fromkeys(session.gemeente for session in sessions))
    placed = people(items)
    if len(sessions) == 1 and sessions[0].ingevuld_door is None:
        s = sessions[0]
        title = " — ".join([s.gemeente, s.datum.isoformat()] + ([s.titel] if s.titel else []))
    elif placed:  # people's own placements of one session: that session, by name
        first = placed[0].session
        title = _("svg.placements", gemeente=first.gemeente, datum=first.datum.isoformat())
    elif len(gemeenten) == 1:
        title = _("svg.rounds", gemeente=gemeenten[0], n=len(sessions))
    elif len(gemeenten) <= 4:
        title = _("svg.comparison", gemeenten=", ".join(gemeenten))
    else:  # the legend names them
        title = _("svg.comparison_many", count=len(gemeenten))
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}mm" height="{HEIGHT}mm"'
        f' viewBox="0 0 {WIDTH} {HEIGHT}" font-family={quoteattr(_FONT)} fill="{_INK}">',
        # A browser prints the picture on one A4 page in landscape, edge to edge.
        "<style>@page { size: A4 landscape; margin: 0; }</style>",
        f"<title>{escape(title)}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        _text(_LEFT, 14, _("svg.kind"), 4, fill=_MUTED),
        _text(_LEFT, 23, shorten(title, 64), 7, font_weight="bold"),
    ]
    parts += _scale(_)
    for column, category in enumerate(CATEGORIES):
        parts += _column(
            column, category.name.get(lang), category.top.get(lang), category.bottom.get(lang)
        )
    moved = moves(items)
    if moved is not None:
        # Rounds of one gemeente: what moved. The round before as a ghost, an
        # arrow to the newest, and the change under each slider.
        ordered = sorted(items, key=lambda item: item.session.datum)
        parts += _markers(ordered[:-1], ghost=True)
        parts += _markers(ordered[-1:])
        parts += _arrows(moved)
        for column, one in enumerate(moved):
            label = _("svg.moved", change=format_change(one.change))
            parts.append(
                _text(
                    _x(column),
                    _TRACK_BOTTOM + 18,
                    label,
                    3.6,
                    text_anchor="middle",
                    font_weight="bold" if one.change else "normal",
                    fill=_INK if one.change else _MUTED,
                )
            )
        parts += _legend(items, _)
        parts.append("</svg>")
        return "\n".join(parts) + "\n"
    parts += _markers(items)
    if len(items) > 1:
        for column, spread_of in enumerate(discussed(items)[1]):
            if spread_of.width:
                label = _(
                    "svg.spread",
                    lowest=format_stand(spread_of.lowest),
                    highest=format_stand(spread_of.highest),
                )
            else:
                label = _("svg.spread_none", stand=format_stand(spread_of.lowest))
            parts.append(
                _text(_x(column), _TRACK_BOTTOM + 18, label, 3, text_anchor="middle", fill=_MUTED)
            )
    parts += _legend(items, _)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _scale(_: Translator) -> list[str]:
    """The levels on the left, and the middle ruled across all tracks."""
    parts = []
    for stand in range(STAND_MAX, STAND_MIN - 1, -1):
        parts.append(
            _text(
                _LEFT - 4, _y(stand) + 1.2, format_stand(stand), 3.2, text_anchor="end", fill=_MUTED
            )
        )
    right = _LEFT + 5 * _COLUMN
    parts.append(
        f'<line x1="{_LEFT:g}" y1="{_y(0):g}" x2="{right:g}" y2="{_y(0):g}"'
        f' stroke="{_INK}" stroke-width="0.5" stroke-dasharray="2 1.2"/>'
    )
    return parts


def _column(column: int, name: str, top: str, bottom: str) -> list[str]:
    """One track: its name, its poles, the slot and a tick at every level."""
    x = _x(column)
    parts = []
    for row, line in enumerate(textwrap.wrap(name, 15)[:2]):
        parts.append(_text(x, 34 + row * 5, line, 4.2, text_anchor="middle", font_weight="bold"))
    parts.append(
        _text(x, _TRACK_TOP - 6, one_line(top), 3.2, text_anchor="middle", font_style="italic")
    )
    parts.append(
        _text(
            x, _TRACK_BOTTOM + 9, one_line(bottom), 3.2, text_anchor="middle", font_style="italic"
        )
    )
    parts.append(
        f'<rect x="{x - 1.5:g}" y="{_TRACK_TOP - 2:g}" width="3" height="{_TRACK_BOTTOM - _TRACK_TOP + 4:g}"'
        f' rx="1.5" fill="#3a3a3a"/>'
    )
    for stand in range(STAND_MAX, STAND_MIN - 1, -1):
        length = 7 if stand == 0 else 4
        parts.append(
            f'<line x1="{x - length - 2:g}" y1="{_y(stand):g}" x2="{x - 2:g}" y2="{_y(stand):g}"'
            f' stroke="{_MUTED}" stroke-width="{0.6 if stand == 0 else 0.3}"/>'
        )
    return parts


def _arrows(moved: Sequence[Moved]) -> list[str]:
    """Per slider that moved: an arrow beside the track from the round before to the newest."""
    parts = [
        '<defs><marker id="head" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="4"'
        f' markerHeight="4" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="{_INK}"/></marker></defs>'
    ]
    for column, one in enumerate(moved):
        if not one.change:
            continue
        x = _x(column) - 7
        toward = 2.5 if one.change > 0 else -2.5  # stop short of the newest marker
        parts.append(
            f'<line x1="{x:g}" y1="{_y(one.before):g}" x2="{x:g}" y2="{_y(one.now) + toward:g}"'
            f' stroke="{_INK}" stroke-width="0.6" marker-end="url(#head)"/>'
        )
    return parts


def _markers(items: Sequence[Compared], *, ghost: bool = False) -> list[str]:
    """Every session's marker on every track; markers at one level stand side by side.

    `ghost`: faint, as the round before beside the newest.
    """
    if ghost:
        return ['<g opacity="0.35">', *_markers(items), "</g>"]
    parts = []
    for column, category in enumerate(CATEGORIES):
        levels: dict[int, list[Compared]] = {}
        for item in items:
            levels.setdefault(item.session.sliders[category.id].stand, []).append(item)
        for stand, here in levels.items():
            parts += _circles(_x(column), _y(stand), here)
            if len(items) == 1:  # one session: its stand beside the marker
                parts.append(
                    _text(
                        _x(column) + 5, _y(stand) + 1.4, format_stand(stand), 4, font_weight="bold"
                    )
                )
    return parts


def _circles(x: float, y: float, here: list[Compared]) -> list[str]:
    """Lettered markers at one level: one row of up to five, else two rows."""
    rows = (
        [here] if len(here) <= 5 else [here[: (len(here) + 1) // 2], here[(len(here) + 1) // 2 :]]
    )
    radius = 3.2 if len(rows) == 1 else 2.5
    spacing = 2 * radius + 0.6
    parts = []
    for row_index, row in enumerate(rows):
        cy = y if len(rows) == 1 else y + (row_index - 0.5) * 2 * radius
        start = x - spacing * (len(row) - 1) / 2
        for index, item in enumerate(row):
            cx = start + index * spacing
            parts.append(
                f'<circle cx="{cx:g}" cy="{cy:g}" r="{radius:g}" fill="{item.color}"'
                f' stroke="#ffffff" stroke-width="0.4"/>'
            )
            parts.append(
                _text(
                    cx,
                    cy + radius * 0.42,
                    item.letter,
                    radius * (1.2 if len(item.letter) == 1 else 0.85),
                    text_anchor="middle",
                    font_weight="bold",
                    fill="#ffffff",
                )
            )
    return parts


def _label(item: Compared, _: Translator) -> str:
    """Who or which session a legend line is: a person by name, the team, or gemeente and date."""
    from ..placements import placed_by

    if item.session.ingevuld_door is not None:
        return placed_by(item.session.ingevuld_door, _)
    return item.label


def _legend(items: Sequence[Compared], _: Translator) -> list[str]:
    """Letter, colour, gemeente, date and title of every session."""
    parts = [_text(_LEGEND_X, 36, _("svg.legend"), 4.2, font_weight="bold")]
    step = min(11.0, (HEIGHT - 65) / max(1, len(items)))
    y = 45.0
    for index, item in enumerate(items):
        y = 45 + index * step
        parts.append(f'<circle cx="{_LEGEND_X + 3:g}" cy="{y:g}" r="3" fill="{item.color}"/>')
        parts.append(
            _text(
                _LEGEND_X + 3,
                y + 1.3,
                item.letter,
                3.6 if len(item.letter) == 1 else 2.6,
                text_anchor="middle",
                font_weight="bold",
                fill="#ffffff",
            )
        )
        parts.append(
            _text(_LEGEND_X + 8, y - 0.2, shorten(_label(item, _), 34), 3.4, font_weight="bold")
        )
        if item.session.titel and step >= 8:
            parts.append(
                _text(_LEGEND_X + 8, y + 3.8, shorten(item.session.titel, 40), 2.9, fill=_MUTED)
            )
    y += step
    parts.append(
        f'<line x1="{_LEGEND_X:g}" y1="{y:g}" x2="{_LEGEND_X + 6:g}" y2="{y:g}"'
        f' stroke="{_INK}" stroke-width="0.5" stroke-dasharray="2 1.2"/>'
    )
    parts.append(_text(_LEGEND_X + 8, y + 1.2, _("svg.middle"), 3.2))
    return parts
