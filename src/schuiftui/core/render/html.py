"""The report for a wethouder or the management: one self-contained HTML file that prints on A4.

No network and no fonts to fetch: the system's own fonts, the chart as
inline SVG, the styles in the file. Saved as PDF from any browser's print
dialog. Written in sentences, not as a developer's diff: what moved most
since the round before, the samenhang questions, how the actions stand,
then per session the chart, the stands with their toelichtingen, the
organogram, the casus and the agenda. No action ids; an open action past
its date says since when it is late.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from html import escape

from ...i18n import Translator
from ..categories import BY_ID, CATEGORIES
from ..compare import Compared
from ..samenhang import questions
from ..session import AgendaItem, format_stand
from .summary import long_date, summarize

STYLE = """
@page { size: A4; margin: 16mm 16mm 18mm; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; font-size: 11pt; line-height: 1.45; color: #1f2328; }
body { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 15pt; margin: 9mm 0 2mm; border-bottom: 1px solid #d0d7de; padding-bottom: 1mm; }
h3 { font-size: 12pt; margin: 5mm 0 1mm; }
p, ul { margin: 1mm 0 2mm; }
.sub { color: #59636e; margin-bottom: 6mm; }
.question { border-left: 3px solid #0072B2; padding-left: 3mm; margin: 2mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm; border-bottom: 1px solid #e5e8eb; }
td.stand { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; width: 14mm; }
.late { color: #b3261e; font-weight: 600; }
.done { color: #59636e; text-decoration: line-through; }
.chart svg { width: 100%; height: auto; border: 1px solid #e5e8eb; }
.note { white-space: pre-wrap; }
section.session { break-before: page; }
section.session:first-of-type { break-before: auto; }
@media print { body { padding: 0; } }
"""


def report_html(
    items: Sequence[Compared], lang: str = "nl", today: datetime.date | None = None
) -> str:
    """The report of `items`: a summary, then every session."""
    from .svg import mengpaneel_svg

    _ = Translator(lang)
    today = today or datetime.date.today()
    sessions = [item.session for item in items]
    gemeenten = list(dict.fromkeys(session.gemeente for session in sessions))
    title = _("html.title", gemeenten=", ".join(gemeenten))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">{escape(_("html.made", datum=long_date(today, _)))}</p>',
        *_summary(items, _, today),
    ]
    for item in items:
        parts += _session_section(item, mengpaneel_svg([item], lang), _, today)
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _summary(items: Sequence[Compared], _: Translator, today: datetime.date) -> list[str]:
    summary = summarize(items, _, today)
    parts = [f"<h2>{escape(_('html.summary'))}</h2>"]
    if summary.moves:
        parts.append(f"<h3>{escape(_('html.moved'))}</h3>")
        parts += ["<ul>", *[f"<li>{escape(move)}</li>" for move in summary.moves], "</ul>"]
    if summary.questions:
        parts.append(f"<h3>{escape(_('samenhang.title'))}</h3>")
        parts += [f'<p class="question">{escape(q)}</p>' for q in summary.questions]
    parts.append(f"<h3>{escape(_('html.actions'))}</h3>")
    parts += [f"<p>{escape(sentence)}</p>" for sentence in summary.actions]
    return parts


def _session_section(item: Compared, chart: str, _: Translator, today: datetime.date) -> list[str]:
    session = item.session
    heading = f"{session.gemeente}, {long_date(session.datum, _)}"
    if session.ingevuld_door is not None:
        from ..placements import placed_by

        heading = _("html.placement", naam=placed_by(session.ingevuld_door, _)) + f" ({heading})"
    elif session.titel:
        heading += f": {session.titel}"
    parts = ['<section class="session">', f"<h2>{escape(heading)}</h2>"]
    if session.deelnemers:
        who = ", ".join(session.deelnemers)
        parts.append(f"<p>{escape(_('html.deelnemers', namen=who))}</p>")
    body = chart[chart.index("<svg") :]  # without the XML declaration: inline in HTML
    parts.append(f'<div class="chart">{body}</div>')
    parts += [f"<h3>{escape(_('html.stands'))}</h3>", "<table>"]
    for category in CATEGORIES:
        slider = session.sliders[category.id]
        explanation = slider.toelichting or _("panel.no_toelichting")
        parts.append(
            f"<tr><th>{escape(category.name.get(_.lang))}</th>"
            f'<td class="stand">{escape(format_stand(slider.stand))}</td>'
            f'<td class="note">{escape(explanation)}</td></tr>'
        )
    parts.append("</table>")
    if session.ingevuld_door is not None:
        return [*parts, "</section>"]  # casus and agenda are the team's
    asked = questions(session)
    if asked or session.samenhang.strip():
        parts.append(f"<h3>{escape(_('samenhang.title'))}</h3>")
        parts += [f'<p class="question">{escape(q.text(_.lang))}</p>' for q in asked]
        if session.samenhang.strip():
            parts.append(f'<p class="note">{escape(session.samenhang)}</p>')
    if session.organogram.strip():
        parts.append(f"<h3>{escape(_('html.organogram'))}</h3>")
        parts.append(f'<p class="note">{escape(session.organogram)}</p>')
    if session.casus.titel or session.casus.notities.strip():
        casus = _("html.casus") + (f": {session.casus.titel}" if session.casus.titel else "")
        parts.append(f"<h3>{escape(casus)}</h3>")
        if session.casus.notities.strip():
            parts.append(f'<p class="note">{escape(session.casus.notities)}</p>')
    parts.append(f"<h3>{escape(_('html.agenda'))}</h3>")
    if session.agenda:
        parts += ["<ul>", *[_agenda_item(action, _, today) for action in session.agenda], "</ul>"]
    else:
        parts.append(f"<p>{escape(_('html.no_actions'))}</p>")
    return [*parts, "</section>"]


def _agenda_item(item: AgendaItem, _: Translator, today: datetime.date) -> str:
    """One action as a sentence, without its id: what, who, by when, how it stands."""
    details = []
    if item.termijn:
        details.append(_(f"termijn.{item.termijn}"))
    if item.eigenaar:
        details.append(item.eigenaar)
    if item.categorie:
        details.append(BY_ID[item.categorie].name.get(_.lang))
    text = escape(item.tekst)
    if details:
        text += f" ({escape(', '.join(details))})"
    if item.done:
        return f'<li><span class="done">{text}</span> {escape(_("html.done"))}</li>'
    if item.uiterlijk is not None and item.overdue(today):
        late = _("html.late", datum=long_date(item.uiterlijk, _))
        return f'<li>{text} <span class="late">{escape(late)}</span></li>'
    if item.uiterlijk is not None:
        return f"<li>{text} {escape(_('html.due', datum=long_date(item.uiterlijk, _)))}</li>"
    return f"<li>{text}</li>"
