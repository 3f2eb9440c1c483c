"""Markdown for a council memo or a workshop's verslag.

Text the team typed is escaped, so a `|` or `*` in a toelichting shows as
typed and never breaks a table.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from ...i18n import Translator
from ..categories import BY_ID, CATEGORIES
from ..compare import Compared, discussed, moves, people, round_changes
from ..diff import SessionDiff
from ..history import History
from ..session import Session, format_change, format_median, format_stand
from .chart import UNICODE, Mark, chart
from .summary import long_date, summarize
from .text import agenda_changes, agenda_detail, change, heading, line_changes, session_marks

_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
"""Characters with a meaning in Markdown; `~` too: a line `~~~` would open a code block."""
_BLOCK = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def escape(text: str) -> str:
    """`text` as Markdown that shows exactly these characters."""
    lines = [_BLOCK.sub(r"\1\\\2", _INLINE.sub(r"\\\1", line)) for line in text.splitlines()]
    return "\n".join(lines)


def cell(text: str) -> str:
    """`text` in one table cell: escaped, line breaks as `<br>`."""
    return escape(text).replace("\n", "<br>") or " "


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> list[str]:
    """A pipe table; `align` holds "l" or "r" per column (left by default)."""
    rules = ["---:" if align[i : i + 1] == "r" else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rules) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _joined(lines: list[str]) -> str:
    """The lines as one document: no more than one blank line in a row, one final newline."""
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def _code(lines: list[str], info: str = "text") -> list[str]:
    """A fenced code block; the fence is longer than any run of backticks inside."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}{info}", *lines, fence]


def session_markdown(session: Session, lang: str = "nl", level: int = 1) -> str:
    """One session: the chart with the category names, stands, toelichtingen, casus, agenda."""
    _ = Translator(lang)
    hashes = "#" * level
    lines = [f"{hashes} {escape(heading(session))}", ""]
    if session.deelnemers:
        lines += [f"{_('show.deelnemers')}: {escape(', '.join(session.deelnemers))}", ""]
    lines += _code(chart(session_marks(session, UNICODE), lang, middle_note=_("show.geen_keuze")))
    lines += ["", f"{hashes}# {_('show.schuiven')}", ""]
    lines += _table(
        [_("md.schuif"), _("md.stand"), _("md.toelichting")],
        [
            [
                cell(category.name.get(lang)),
                format_stand(session.sliders[category.id].stand),
                cell(session.sliders[category.id].toelichting),
            ]
            for category in CATEGORIES
        ],
        align="lrl",
    )
    if session.ingevuld_door is not None:
        return _joined(lines)  # one person's placement: casus and agenda are the team's
    if session.organogram.strip():
        lines += ["", f"{hashes}# {_('show.organogram')}", "", escape(session.organogram)]
    lines += _samenhang(session, _, hashes)
    lines += ["", f"{hashes}# {_('show.casus')}: {escape(session.casus.titel or '-')}", ""]
    if session.casus.notities.strip():
        lines += [escape(session.casus.notities), ""]
    lines += [f"{hashes}# {_('show.agenda')}", ""]
    for item in session.agenda:
        detail = agenda_detail(item, _)
        suffix = f" ({escape(detail)})" if detail else ""
        lines.append(f"- [{'x' if item.done else ' '}] {escape(item.tekst)}{suffix}")
    if not session.agenda:
        lines.append("-")
    return _joined(lines)


def _samenhang(session: Session, _: Translator, hashes: str) -> list[str]:
    """The "Samenhang" part: the questions the stands raise, and the team's notes."""
    from ..samenhang import questions

    asked = questions(session)
    if not asked and not session.samenhang.strip():
        return []
    lines = ["", f"{hashes}# {_('samenhang.title')}", ""]
    lines += [f"- {escape(question.text(_.lang))}" for question in asked]
    if session.samenhang.strip():
        if asked:
            lines.append("")
        lines.append(escape(session.samenhang))
    return lines


def legend_rows(items: Sequence[Compared], _: Translator | None = None) -> list[list[str]]:
    """Per compared session: letter, gemeente, date, title (or whose own placement it is)."""
    from ..placements import placed_by

    return [
        [
            f"**{item.letter}**",
            cell(item.session.gemeente),
            item.session.datum.isoformat(),
            cell(
                placed_by(item.session.ingevuld_door, _ or Translator())
                if item.session.ingevuld_door is not None
                else item.session.titel or ""
            ),
        ]
        for item in items
    ]


def comparison_markdown(
    items: Sequence[Compared], lang: str = "nl", today: datetime.date | None = None
) -> str:
    """Several sessions: a summary, the chart with one mark per session, the stands with
    their spread (rounds of one gemeente: what moved), what changed in sentences, and
    every session."""
    _ = Translator(lang)
    today = today or datetime.date.today()
    spreads = discussed(items)[1]
    among_people = bool(people(items))
    moved_now = moves(items)
    lines = [f"# {_('md.comparison')}", ""]
    lines += _summary(items, _, today)
    lines += _table(
        [_("md.letter"), _("md.gemeente"), _("md.datum"), _("md.titel")], legend_rows(items, _)
    )
    marks = [
        [Mark(item.session.sliders[category.id].stand, item.letter) for item in items]
        for category in CATEGORIES
    ]
    lines += ["", *_code(chart(marks, lang, middle_note=_("show.geen_keuze"))), ""]
    last_column = _("md.moved") if moved_now is not None else _("md.spread")
    lines += _table(
        [_("md.schuif"), *[item.letter for item in items], last_column],
        [
            [
                cell(category.name.get(lang)),
                *[format_stand(item.session.sliders[category.id].stand) for item in items],
                format_change(moved_now[index].change)
                if moved_now is not None
                else f"{format_stand(s.lowest)} … {format_stand(s.highest)}"
                + (
                    f" ({_('compare.median', stand=format_median(s.median, lang))})"
                    if among_people
                    else ""
                ),
            ]
            for index, (category, s) in enumerate(zip(CATEGORIES, spreads))
        ],
        align="l" + "r" * (len(items) + 1),
    )
    moved = round_changes(items)
    if moved:
        lines += ["", f"## {_('md.changes')}", ""]
        for older, newer, difference in moved:
            heading = _(
                "md.between",
                gemeente=older.session.gemeente,
                van=long_date(older.session.datum, _),
                naar=long_date(newer.session.datum, _),
            )
            lines += [f"### {escape(heading)}", ""]
            lines += [f"- {escape(sentence)}" for sentence in changes_in_sentences(difference, _)]
    for item in items:
        lines += ["", session_markdown(item.session, lang, level=2).rstrip("\n")]
        lines[-1] = lines[-1].replace("## ", f"## {item.letter}. ", 1)
    return _joined(lines)


def _summary(items: Sequence[Compared], _: Translator, today: datetime.date) -> list[str]:
    """The same summary as the HTML report (`summary.summarize`), as Markdown."""
    summary = summarize(items, _, today)
    lines = [f"## {_('html.summary')}", ""]
    for title, sentences in (
        (_("html.moved"), summary.moves),
        (_("samenhang.title"), summary.questions),
        (_("html.actions"), summary.actions),
    ):
        if sentences:
            lines += [f"**{title}**", "", *[f"- {escape(s)}" for s in sentences], ""]
    return lines


def changes_in_sentences(difference: SessionDiff, _: Translator) -> list[str]:
    """What changed between two rounds, as sentences, without action ids."""
    sentences = []
    for s in difference.sliders:
        name = BY_ID[s.id].name.get(_.lang)
        if s.van != s.naar:
            sentences.append(
                _(
                    "md.slider_moved",
                    schuif=name,
                    van=format_stand(s.van),
                    naar=format_stand(s.naar),
                    change=format_change(s.naar - s.van),
                )
            )
        if s.toelichting_gewijzigd and s.toelichting_naar.strip():
            toelichting = " ".join(s.toelichting_naar.split())
            sentences.append(_("md.new_toelichting", schuif=name, tekst=toelichting))
    for agenda_change in difference.agenda:
        for kind in agenda_change.kinds:
            sentences.append(_(f"md.action.{kind}", tekst=agenda_change.item.tekst))
    return sentences or [_("md.nothing_changed")]


def diff_markdown(difference: SessionDiff, lang: str = "nl") -> str:
    """Two sessions compared, for a report."""
    _ = Translator(lang)
    lines = [f"# {_('md.diff_title')}", ""]
    lines += _table(
        ["", _("md.sessie")],
        [
            [_("diff.from"), cell(heading(difference.a))],
            [_("diff.to"), cell(heading(difference.b))],
        ],
    )
    lines.append("")
    if difference.same:
        return _joined([*lines, _("diff.same")])
    return _joined(lines + _diff_body(difference, _, level=2))


def _diff_body(difference: SessionDiff, _: Translator, level: int) -> list[str]:
    hashes = "#" * level
    lines = _table(
        [_("md.schuif"), _("diff.from"), _("diff.to"), _("md.change")],
        [
            [
                cell(BY_ID[s.id].name.get(_.lang)),
                format_stand(s.van),
                format_stand(s.naar),
                change(s.verschil).strip("()") or "0",
            ]
            for s in difference.sliders
        ],
        align="lrrr",
    )
    explained = [s for s in difference.sliders if s.toelichting_gewijzigd]
    if explained:
        lines += ["", f"{hashes} {_('diff.toelichtingen')}", ""]
        for s in explained:
            lines += [f"**{escape(BY_ID[s.id].name.get(_.lang))}**", ""]
            lines += _quoted_changes(line_changes(s.toelichting_van, s.toelichting_naar))
    others = [c for c in difference.sessie if c.field == "deelnemers"] + list(difference.casus)
    if others:
        lines += ["", f"{hashes} {_('diff.sessie_casus')}", ""]
        for text_change in others:
            lines += [f"**{_('diff.field.' + text_change.field)}**", ""]
            lines += _quoted_changes(line_changes(text_change.van, text_change.naar))
    if difference.agenda or difference.agenda_reordered:
        lines += ["", f"{hashes} {_('show.agenda')}", ""]
        for line in agenda_changes(difference, _):
            indent = "  " if line.startswith("  ") else ""
            lines.append(f"{indent}- {escape(line.strip())}")
    return lines


def _quoted_changes(changes: list[str]) -> list[str]:
    """Changed lines as a diff block, so removed and added lines stand out."""
    return [*_code(changes, "diff"), ""]


def history_markdown(history: History, lang: str = "nl") -> str:
    """Every round in a table, with the change since the round before."""
    _ = Translator(lang)
    lines = [f"# {_('md.history', gemeente=escape(history.gemeente))}", ""]
    rows = []
    for row in history.rows:
        stands = [
            f"{format_stand(row.stands[c.id])} {change(row.changes[c.id] or 0)}".strip()
            for c in CATEGORIES
        ]
        when = [row.datum.isoformat()]
        if history.from_git:
            when.append(row.sessiedatum.isoformat() if row.sessiedatum else "")
        rows.append([*when, cell(row.titel), *stands])
    dates = [_("history.commit"), _("history.session")] if history.from_git else [_("md.datum")]
    lines += _table(
        [*dates, _("md.titel"), *[cell(c.name.get(lang)) for c in CATEGORIES]],
        rows,
        align="l" * (len(dates) + 1) + "r" * len(CATEGORIES),
    )
    return _joined(lines)
