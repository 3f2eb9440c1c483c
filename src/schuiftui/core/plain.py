"""The plain-text view of a session, behind `schuiftui show`.

A small chart of the five sliders side by side, then every stand as a number
with its toelichting, the casus and the agenda. Plain lines that read well in
a pipe, a screen reader or `LANG=C`; colour only when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Translator
from .categories import CATEGORIES
from .session import STAND_MAX, STAND_MIN, AgendaItem, Session, format_stand

COLUMN = 8
"""Characters per slider column in the chart."""


@dataclass(frozen=True)
class Glyphs:
    """The characters the chart is drawn with."""

    track: str
    thumb: str
    middle: str
    middle_thumb: str


UNICODE = Glyphs(track="│", thumb="█", middle="─", middle_thumb="◆")
ASCII = Glyphs(track="|", thumb="#", middle="-", middle_thumb="o")

_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_RESET = "\x1b[0m"


def render(
    session: Session, lang: str = "nl", *, ascii_only: bool = False, color: bool = False
) -> str:
    """Return the plain-text view of `session`.

    Args:
        session: The session to show.
        lang: "nl" or "en" for the labels; the session's own text is as written.
        ascii_only: Draw the chart with ASCII only (for `LANG=C` terminals).
        color: Emphasise thumbs and dim the track with ANSI escape codes.
    """
    _ = Translator(lang)
    glyphs = ASCII if ascii_only else UNICODE
    title = f"{session.gemeente} — {session.datum.isoformat()}"
    if ascii_only:
        title = title.replace("—", "-")
    if session.titel:
        title += f" — {session.titel}" if not ascii_only else f" - {session.titel}"
    lines = [title]
    if session.deelnemers:
        lines.append(f"{_('show.deelnemers')}: {', '.join(session.deelnemers)}")
    lines.append("")
    lines += _chart(session, glyphs, color, _)
    lines.append("")
    lines.append(_("show.schuiven"))
    for number, category in enumerate(CATEGORIES, start=1):
        slider = session.sliders[category.id]
        stand = format_stand(slider.stand)
        meaning = _("show.geen_keuze") if slider.stand == 0 else ""
        lines.append(f"{number}. {category.name.get(lang)}: {stand} {meaning}".rstrip())
        lines.append(
            f"   {category.top.get(lang)} (+{STAND_MAX}) / {category.bottom.get(lang)} ({STAND_MIN})"
        )
        if slider.toelichting:
            lines += [f"   {line}" for line in slider.toelichting.splitlines()]
    lines.append("")
    lines.append(f"{_('show.casus')}: {session.casus.titel or '-'}")
    lines += [f"   {line}" for line in session.casus.notities.splitlines()]
    lines.append("")
    lines.append(f"{_('show.agenda')}:" if session.agenda else f"{_('show.agenda')}: -")
    for item in session.agenda:
        mark = "[x]" if item.done else "[ ]"
        detail = agenda_detail(item, _)
        suffix = f" ({detail})" if detail else ""
        lines.append(f"{mark} {item.tekst}{suffix}")
    return "\n".join(lines) + "\n"


def agenda_detail(item: AgendaItem, _: Translator) -> str:
    """The termijn and eigenaar of an agenda item, as shown after its text."""
    return ", ".join(d for d in (item.termijn and _(f"termijn.{item.termijn}"), item.eigenaar) if d)


def _chart(session: Session, glyphs: Glyphs, color: bool, _: Translator) -> list[str]:
    """Five columns, one per slider, +5 at the top; the middle row is ruled."""
    stands = [session.sliders[category.id].stand for category in CATEGORIES]
    header = "     " + "".join(f"{number:^{COLUMN}}" for number in range(1, len(stands) + 1))
    rows = [header.rstrip()]
    for level in range(STAND_MAX, STAND_MIN - 1, -1):
        cells = []
        for stand in stands:
            if level == 0:
                glyph = glyphs.middle_thumb if stand == 0 else glyphs.track
                fill = glyphs.middle
            else:
                glyph = glyphs.thumb if stand == level else glyphs.track
                fill = " "
            if color:
                glyph = f"{_BOLD}{glyph}{_RESET}" if stand == level else f"{_DIM}{glyph}{_RESET}"
            half = COLUMN // 2
            cells.append(fill * (half - 1) + glyph + fill * (COLUMN - half))
        label = f"{format_stand(level):>3}  "
        suffix = f" {_('show.geen_keuze')}" if level == 0 else ""
        rows.append((label + "".join(cells)).rstrip() + suffix)
    return rows
