"""Plain text: a session (`show`), a diff, a history, a comparison, and the text git diffs.

Lines that read well in a pipe, a screen reader or `LANG=C`; colour only
when asked for.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...i18n import Translator
from ..categories import BY_ID, CATEGORIES, one_line
from ..session import (
    STAND_MAX,
    STAND_MIN,
    AgendaItem,
    Session,
    format_change,
    format_median,
    format_stand,
)
from .chart import ASCII, BOLD, UNICODE, Glyphs, Mark, chart

if TYPE_CHECKING:
    # Types only: the panel imports this module for `agenda_detail`, and
    # should not pay for loading the diff, history and compare models.
    from ..compare import Compared, Spread
    from ..diff import SessionDiff
    from ..history import History


def shorten(text: str, width: int) -> str:
    """`text` in at most `width` characters, with "…" where it was cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def glyphs_for(ascii_only: bool) -> Glyphs:
    """The chart glyphs for a terminal that can (not) show Unicode."""
    return ASCII if ascii_only else UNICODE


def heading(session: Session, ascii_only: bool = False) -> str:
    """The line that names a session: "Altena — 2020-02-12 — Werkplaats 2".

    A person's own placement ends in their name (or number): "... — Anna".
    """
    dash = " - " if ascii_only else " — "
    parts = [session.gemeente, session.datum.isoformat()] + (
        [session.titel] if session.titel else []
    )
    if session.ingevuld_door is not None:
        parts.append(session.ingevuld_door)
    return dash.join(parts)


def session_marks(session: Session, glyphs: Glyphs) -> list[list[Mark]]:
    """The thumb of every slider of one session."""
    return [
        [Mark(stand, glyphs.middle_thumb if stand == 0 else glyphs.thumb, BOLD)]
        for stand in (session.sliders[category.id].stand for category in CATEGORIES)
    ]


def session_text(
    session: Session,
    lang: str = "nl",
    *,
    ascii_only: bool = False,
    color: bool = False,
    today: datetime.date | None = None,
) -> str:
    """The plain-text view of one session, behind `schuiftui show`.

    Args:
        session: The session to show.
        lang: "nl" or "en" for the labels; the session's own text is as written.
        ascii_only: Draw the chart with ASCII only (for `LANG=C` terminals).
        color: Emphasise thumbs and dim the tracks with ANSI escape codes.
        today: Mark open agenda items whose date has passed (None: mark none).
    """
    _ = Translator(lang)
    glyphs = glyphs_for(ascii_only)
    lines = [heading(session, ascii_only)]
    if session.ingevuld_door:
        lines.append(f"{_('show.ingevuld_door')}: {session.ingevuld_door}")
    if session.deelnemers:
        lines.append(f"{_('show.deelnemers')}: {', '.join(session.deelnemers)}")
    lines.append("")
    lines += chart(
        session_marks(session, glyphs),
        lang,
        glyphs,
        color=color,
        middle_note=_("show.geen_keuze"),
    )
    lines.append("")
    lines.append(_("show.schuiven"))
    for number, category in enumerate(CATEGORIES, start=1):
        slider = session.sliders[category.id]
        meaning = _("show.geen_keuze") if slider.stand == 0 else ""
        lines.append(
            f"{number}. {category.name.get(lang)}: {format_stand(slider.stand)} {meaning}".rstrip()
        )
        lines.append(f"   {poles(category.id, lang)}")
        lines += [f"   {line}" for line in slider.toelichting.splitlines()]
    lines.append("")
    if session.organogram.strip():
        lines.append(f"{_('show.organogram')}:")
        lines += [f"   {line}" for line in session.organogram.splitlines()]
        lines.append("")
    lines += samenhang_lines(session, _)
    lines.append(f"{_('show.casus')}: {session.casus.titel or '-'}")
    lines += [f"   {line}" for line in session.casus.notities.splitlines()]
    lines.append("")
    late = len(session.overdue(today)) if today is not None else 0
    heading_line = _("show.agenda") + (f" ({_('show.te_laat', n=late)})" if late else "")
    lines.append(f"{heading_line}:" if session.agenda else f"{heading_line}: -")
    lines += [agenda_line(item, _, today) for item in session.agenda]
    return "\n".join(lines) + "\n"


def samenhang_lines(session: Session, _: Translator) -> list[str]:
    """The questions where two sliders pull apart, and the team's notes: none when there are none."""
    from ..samenhang import questions

    asked = questions(session)
    if not asked and not session.samenhang.strip():
        return []
    lines = [f"{_('samenhang.title')}:"]
    for question in asked:
        lines += wrap(question.text(_.lang), 76, "   - ", "     ")
    if session.samenhang.strip():
        lines.append(f"   {_('samenhang.notities')}:")
        lines += [f"     {line}" for line in session.samenhang.splitlines()]
    return [*lines, ""]


def wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """`text` in lines of at most `width`, the first after `first`, the others after `rest`."""
    import textwrap

    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest) or [first]


def poles(category_id: str, lang: str) -> str:
    """Both poles of a category, each on one line: "eigen budget (+5) / sectorteam (-5)"."""
    category = BY_ID[category_id]
    top = one_line(category.top.get(lang))
    bottom = one_line(category.bottom.get(lang))
    return f"{top} (+{STAND_MAX}) / {bottom} ({STAND_MIN})"


def agenda_detail(item: AgendaItem, _: Translator, today: datetime.date | None = None) -> str:
    """The termijn, eigenaar and date of an agenda item, as shown after its text.

    With `today`, an open item whose date has passed says so: "te laat".
    """
    parts = [item.termijn and _(f"termijn.{item.termijn}"), item.eigenaar]
    if item.categorie is not None:
        parts.append(BY_ID[item.categorie].name.get(_.lang))
    if item.uiterlijk is not None:
        late = today is not None and item.overdue(today)
        key = "agenda.te_laat" if late else "agenda.uiterlijk"
        parts.append(_(key, datum=item.uiterlijk.isoformat()))
    return ", ".join(part for part in parts if part)


def agenda_mark(item: AgendaItem, today: datetime.date | None = None) -> str:
    """The box before an agenda item: `[x]` gedaan, `[!]` open past its date, `[ ]` open."""
    if item.done:
        return "[x]"
    return "[!]" if today is not None and item.overdue(today) else "[ ]"


def agenda_line(item: AgendaItem, _: Translator, today: datetime.date | None = None) -> str:
    """One agenda item: "[x] Armoedepact sluiten (korte termijn, sociaal domein)"."""
    detail = agenda_detail(item, _, today)
    return f"{agenda_mark(item, today)} {item.tekst}" + (f" ({detail})" if detail else "")


# A diff

ARROW = "->"
"""Between an old and a new value; ASCII, so it reads in any terminal."""


def line_changes(old: str, new: str) -> list[str]:
    """The lines that differ between two texts: "- was" and "+ now", in order."""
    import difflib

    old_lines, new_lines = old.splitlines(), new.splitlines()
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out += [f"- {line}" for line in old_lines[i1:i2]]
            out += [f"+ {line}" for line in new_lines[j1:j2]]
    return out


def change(verschil: int) -> str:
    """A move in brackets: "(+3)", "(-1)", or nothing when it did not move."""
    return f"({verschil:+d})" if verschil else ""


def diff_text(difference: SessionDiff, lang: str = "nl", *, ascii_only: bool = False) -> str:
    """Two sessions compared: every slider with old, new and change, then what else changed."""
    _ = Translator(lang)
    a, b = difference.a, difference.b
    lines = [
        f"{_('diff.from')}: {heading(a, ascii_only)}",
        f"{_('diff.to')}: {heading(b, ascii_only)}",
        "",
    ]
    if difference.same:
        return "\n".join([*lines, _("diff.same")]) + "\n"
    names = {c.id: c.name.get(lang) for c in CATEGORIES}
    width = max(len(name) for name in names.values())
    lines.append(_("show.schuiven"))
    for slider in difference.sliders:
        row = f"  {names[slider.id]:<{width}}  {format_stand(slider.van):>2} {ARROW} "
        row += f"{format_stand(slider.naar):>2}  {change(slider.verschil)}"
        lines.append(row.rstrip())
    explained = [s for s in difference.sliders if s.toelichting_gewijzigd]
    if explained:
        lines += ["", _("diff.toelichtingen")]
        for slider in explained:
            lines.append(f"  {names[slider.id]}")
            lines += _indented(line_changes(slider.toelichting_van, slider.toelichting_naar))
    sessie = [c for c in difference.sessie if c.field == "deelnemers"]
    if sessie or difference.casus:
        lines += ["", _("diff.sessie_casus")]
        for text_change in (*sessie, *difference.casus):
            lines.append(f"  {_('diff.field.' + text_change.field)}")
            lines += _indented(line_changes(text_change.van, text_change.naar))
    if difference.agenda or difference.agenda_reordered:
        lines += ["", _("show.agenda")]
        lines += [f"  {line}" for line in agenda_changes(difference, _)]
    return "\n".join(lines) + "\n"


def _indented(lines: list[str]) -> list[str]:
    return [f"    {line}" for line in lines]


def agenda_changes(difference: SessionDiff, _: Translator) -> list[str]:
    """One line per agenda item that changed, with what changed about it below."""
    lines = []
    for item_change in difference.agenda:
        kinds = ", ".join(_(f"diff.agenda.{kind}") for kind in item_change.kinds)
        lines.append(f"{kinds}: {item_change.item.tekst} ({item_change.id})")
        van, naar = item_change.van, item_change.naar
        for field in item_change.fields:
            assert van is not None and naar is not None
            if field == "tekst":
                lines += [f"  {line}" for line in line_changes(van.tekst, naar.tekst)]
            else:
                old = _agenda_value(field, getattr(van, field), _)
                new = _agenda_value(field, getattr(naar, field), _)
                lines.append(f"  {_('diff.field.' + field)}: {old} {ARROW} {new}")
    if difference.agenda_reordered:
        lines.append(_("diff.agenda.reordered"))
    return lines


def _agenda_value(field: str, value: str | datetime.date | None, _: Translator) -> str:
    if value is None:
        return "-"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return _(f"termijn.{value}") if field == "termijn" else value


# A history

SPARKS = "▁▂▃▄▅▆▇█"
"""Eight bar heights: -5 is the lowest, +5 the highest."""
TREND_ROUNDS = 40
"""A trend shows at most this many of the latest rounds."""
HISTORY_COLUMN = 10


def sparkline(stands: list[int], ascii_only: bool = False) -> str:
    """The stands as a row of bars, oldest left; in ASCII the numbers themselves."""
    shown = stands[-TREND_ROUNDS:]
    more = "…" if len(stands) > len(shown) else ""
    if ascii_only:
        return ("... " if more else "") + " ".join(format_stand(s) for s in shown[-12:])
    steps = len(SPARKS) - 1
    bars = "".join(SPARKS[round((s - STAND_MIN) * steps / (STAND_MAX - STAND_MIN))] for s in shown)
    return more + bars


def history_text(history: History, lang: str = "nl", *, ascii_only: bool = False) -> str:
    """Every round in a table: date, the five stands with their change, the title; then trends."""
    _ = Translator(lang)
    lines = [_("history.heading", gemeente=history.gemeente, n=len(history.rows)), ""]
    if not history.rows:
        return "\n".join(lines).rstrip() + "\n"
    names = [[*c.short.get(lang).split("\n"), ""] for c in CATEGORIES]
    first = "".join(f"{name[0]:<{HISTORY_COLUMN}}" for name in names)
    second = "".join(f"{name[1]:<{HISTORY_COLUMN}}" for name in names)
    git = history.from_git
    dates = 23 if git else 12
    heading_date = f"{_('history.commit'):<11}{_('history.session')}" if git else _("md.datum")
    lines.append(f"{'':<{dates}}{first}".rstrip())
    lines.append(f"{heading_date:<{dates}}{second}{_('md.titel')}")
    for row in history.rows:
        cells = ""
        for category in CATEGORIES:
            moved = row.changes[category.id]
            text = f"{format_stand(row.stands[category.id]):>2} {change(moved or 0)}".rstrip()
            cells += f"{text:<{HISTORY_COLUMN}}"
        when = row.datum.isoformat()
        if git:
            when += " " + (row.sessiedatum.isoformat() if row.sessiedatum else "")
        lines.append(f"{when:<{dates}}{cells}{row.titel}".rstrip())
    lines += ["", _("history.trend", arrow=ARROW)]
    width = max(len(c.name.get(lang)) for c in CATEGORIES)
    for category in CATEGORIES:
        trend = history.trend(category.id)
        ends = f"{format_stand(trend[0])} {ARROW} {format_stand(trend[-1])}"
        spark = sparkline(trend, ascii_only)
        lines.append(f"  {category.name.get(lang):<{width}}  {ends:<9}  {spark}".rstrip())
    return "\n".join(lines) + "\n"


# A comparison


def legend_line(item: Compared, width: int, _: Translator | None = None) -> str:
    """One session in the legend: "A  Altena    2020-02-12  Werkplaats 2".

    A person's own placement ends in their name: "A  Altena  2020-10-07  Anna".
    """
    from ..placements import placed_by

    line = f"{item.letter}  {item.session.gemeente:<{width}}  {item.session.datum.isoformat()}"
    naam = item.session.ingevuld_door
    if naam is not None:
        return f"{line}  {placed_by(naam, _ or Translator())}"
    return f"{line}  {item.session.titel or ''}".rstrip()


def spread_line(spread_of: Spread, items: Sequence[Compared]) -> str:
    """The range, then every session's stand, top first: "-2 … +3   A +3 · B 0 · C -2"."""
    per_level = [
        " ".join(items[index].letter for index in indexes) + f" {format_stand(level)}"
        for level, indexes in spread_of.levels().items()
    ]
    return f"{format_stand(spread_of.lowest):>2} … {format_stand(spread_of.highest):>2}   " + (
        " · ".join(per_level)
    )


def comparison_text(
    items: Sequence[Compared], lang: str = "nl", *, ascii_only: bool = False
) -> str:
    """Several sessions on one chart, one letter each, with a legend and the spread per slider.

    Without colour: at a terminal `compare` shows its screen, so this goes to
    a pipe or a file.
    """
    _ = Translator(lang)
    glyphs = glyphs_for(ascii_only)
    width = max(len(item.session.gemeente) for item in items)
    from ..compare import people as people_among

    placed = people_among(items)
    if placed:  # people's own placements (and the team's stand)
        lines = [_("compare.heading_placements", n=len(placed)), ""]
    else:
        lines = [_("compare.heading", n=len(items)), ""]
    lines += [legend_line(item, width, _) for item in items]
    marks = [
        [Mark(item.session.sliders[category.id].stand, item.letter) for item in items]
        for category in CATEGORIES
    ]
    lines += ["", *chart(marks, lang, glyphs, middle_note=_("show.geen_keuze"))]
    from ..compare import discussed, moves, people, team_among

    names = max(len(c.name.get(lang)) for c in CATEGORIES)
    moved = moves(items)
    if moved is not None:  # rounds of one gemeente: what moved since the round before
        lines += ["", _("compare.moved_heading", since=moved[0].since.isoformat())]
        for category, one in zip(CATEGORIES, moved):
            step = f"{format_stand(one.before):>2} {ARROW} {format_stand(one.now):>2}"
            line = f"  {category.name.get(lang):<{names}}  {step}   {format_change(one.change)}"
            lines.append(line.replace(ARROW, "->") if ascii_only else line)
        newest = max(items, key=lambda item: item.session.datum)
        lines += _comparison_samenhang([newest], _)  # the newest round's questions
        return "\n".join(lines) + "\n"
    lines += ["", _("compare.spread")]
    over, spreads = discussed(items)
    team = team_among(items)
    for category, spread_of in zip(CATEGORIES, spreads):
        line = f"  {category.name.get(lang):<{names}}  {spread_line(spread_of, over)}"
        if people(items):
            # Among placements: the people's middle, and the team's stand apart.
            line += "   " + _("compare.median", stand=format_median(spread_of.median, lang))
            if team is not None:
                stand = team.session.sliders[category.id].stand
                line += " · " + _("compare.team_stand", stand=format_stand(stand))
        lines.append(line.replace("…", "..").replace("·", "|") if ascii_only else line)
    lines += _comparison_samenhang(items, _)
    return "\n".join(lines) + "\n"


def _comparison_samenhang(items: Sequence[Compared], _: Translator) -> list[str]:
    """Per session that raises them, the samenhang questions: "A  Altena: ..."."""
    from ..samenhang import questions

    lines: list[str] = []
    for item in items:
        if item.session.ingevuld_door is not None:
            continue  # a person's own placement: the team discusses the team's stands
        for question in questions(item.session):
            lines += wrap(question.text(_.lang), 78, f"  {item.letter}  ", "     ")
    return ["", _("samenhang.title"), *lines] if lines else []


# The text git diffs (`git-setup` makes git show sessions through it)


def git_text(session: Session, lang: str = "nl") -> str:
    """A session as lines that each say what they are, so `git diff` names what moved.

    A moved slider is one changed line with the category's name and stand
    ("-Communicatie: -2" / "+Communicatie: +1"); texts are indented below
    the line they belong to.
    """
    _ = Translator(lang)
    lines = [heading(session)]
    if session.deelnemers:
        lines.append(f"{_('show.deelnemers')}: {', '.join(session.deelnemers)}")
    if session.ingevuld_door:
        lines.append(f"{_('show.ingevuld_door')}: {session.ingevuld_door}")
    if session.organogram:
        lines.append(f"{_('show.organogram')}:")
        lines += [f"    {line}" for line in session.organogram.splitlines()]
    lines.append(f"{_('show.casus')}: {session.casus.titel}".rstrip())
    lines += [f"    {line}" for line in session.casus.notities.splitlines()]
    for category in CATEGORIES:
        slider = session.sliders[category.id]
        lines.append(f"{category.name.get(lang)}: {format_stand(slider.stand)}")
        lines += [f"    {line}" for line in slider.toelichting.splitlines()]
    lines.append(f"{_('show.agenda')}:")
    lines += [f"{agenda_line(item, _)} [{item.id}]" for item in session.agenda]
    return "\n".join(lines) + "\n"
