"""What the panel shows of a session, as values: its titles, a slider's detail, its actions.

Functions of the session and the language only, so the panel's layout and
keys stay in `panel.py`.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from textual.content import Content

from ..core.categories import BY_ID
from ..core.placements import placed_by
from ..core.session import Session, format_stand
from ..i18n import Translator
from ..widgets.agenda import AgendaEntry

if TYPE_CHECKING:
    from ..core.overview import PreviousRound


def titles(session: Session, _: Translator, *, read_only: bool, dirty: bool) -> tuple[str, str]:
    """The title bar's text: gemeente and date; the session's title or the unsaved marker."""
    title = f"{session.gemeente} — {session.datum.isoformat()}"
    if session.ingevuld_door is not None:
        title = f"{_('panel.placement', naam=placed_by(session.ingevuld_door, _))} — {title}"
    if read_only:
        return title, _("panel.read_only")
    return title, _("panel.unsaved") if dirty else (session.titel or "")


def detail(
    session: Session,
    slider_id: str,
    _: Translator,
    previous: PreviousRound | None,
    *,
    heading: bool = True,
) -> Content:
    """The name, toelichting and pole descriptions of one slider; the previous round's stand.

    `heading`: start with the slider's name and its keys (not where the name
    is the title already).
    """
    lang = _.lang
    category = BY_ID[slider_id]
    toelichting = session.sliders[slider_id].toelichting
    before = previous.session.sliders[slider_id] if previous else None
    # A new round starts with the toelichtingen of the round before; until
    # the team edits one, it says that it is last round's reason.
    copied = before is not None and toelichting and toelichting == before.toelichting
    from ..core.samenhang import questions

    asked = [question for question in questions(session) if question.concerns(slider_id)]
    # Assembled, not markup: text the team typed is shown exactly as typed.
    parts: list[str | tuple[str, str]] = []
    if heading:
        parts += [
            (category.name.get(lang), "bold"),
            "  ",
            (_("panel.edit_hint"), "dim"),
            *(["  ", (_("panel.samenhang_key"), "bold")] if asked else []),
            "\n",
        ]
    parts.append(toelichting or _("panel.no_toelichting"))
    if copied:
        parts += [" ", (_("panel.copied"), "italic dim")]
    parts.append("\n")
    if previous is not None and before is not None:
        parts += [
            (
                _(
                    "panel.previous",
                    datum=previous.session.datum.isoformat(),
                    stand=format_stand(before.stand),
                ),
                "italic",
            ),
            f" {before.toelichting}" if before.toelichting and not copied else "",
            "\n",
        ]
    # Where this slider pulls apart from another, the question (z: with the
    # team's notes), and the actions that serve this slider.
    for question in asked:
        parts += [(_("panel.samenhang_hint"), "bold"), " ", question.text(lang), "\n"]
    for item in session.agenda:
        if item.categorie == slider_id:
            mark = "[x]" if item.done else "[ ]"
            parts += [(_("panel.serves"), "bold"), f" {mark} {item.tekst}", "\n"]
    parts.append((f"{category.description.get(lang)} {_('panel.middle')}", "dim"))
    return Content.assemble(*parts)


def agenda_entries(session: Session, _: Translator, today: datetime.date) -> list[AgendaEntry]:
    """What the agenda list shows of each action, in the interface language."""
    # Imported here: the agenda is built after the first paint, and the
    # renderers are not needed before it.
    from ..core.render.text import agenda_detail

    return [
        AgendaEntry(item.tekst, item.done, agenda_detail(item, _, today), item.overdue(today))
        for item in session.agenda
    ]
