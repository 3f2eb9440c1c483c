"""What a report says first: the biggest moves, the samenhang questions, how the actions stand.

In sentences, for the HTML and the Markdown report alike.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from ...i18n import Translator
from ..categories import BY_ID
from ..compare import Compared, round_changes
from ..session import Session, format_stand


def long_date(date: datetime.date, _: Translator) -> str:
    """A date in words: "7 oktober 2020"."""
    return f"{date.day} {_(f'month.{date.month}')} {date.year}"


def biggest_moves(items: Sequence[Compared], _: Translator, most: int = 3) -> list[str]:
    """Per gemeente, the sliders that moved most between its last two rounds here, as sentences."""
    latest_pair: dict[str, tuple[Session, Session, list[tuple[str, int, int]]]] = {}
    for older, newer, difference in round_changes(items):
        moved = [(s.id, s.van, s.naar) for s in difference.sliders if s.van != s.naar]
        latest_pair[newer.session.gemeente] = (older.session, newer.session, moved)
    sentences = []
    for older, newer, moved in latest_pair.values():
        if not moved:
            sentences.append(
                _("html.nothing_moved", gemeente=newer.gemeente, van=long_date(older.datum, _))
            )
            continue
        moved.sort(key=lambda move: -abs(move[2] - move[1]))
        for slider_id, van, naar in moved[:most]:
            steps = naar - van
            sentences.append(
                _(
                    "html.move_up" if steps > 0 else "html.move_down",
                    gemeente=newer.gemeente,
                    schuif=BY_ID[slider_id].name.get(_.lang),
                    van=format_stand(van),
                    naar=format_stand(naar),
                    n=abs(steps),
                    sinds=long_date(older.datum, _),
                )
            )
    return sentences


def latest_team_sessions(items: Sequence[Compared]) -> list[Session]:
    """The newest team session of every gemeente among `items`."""
    latest: dict[str, Session] = {}
    for item in items:
        session = item.session
        if session.ingevuld_door is not None:
            continue
        known = latest.get(session.gemeente)
        if known is None or session.datum >= known.datum:
            latest[session.gemeente] = session
    return list(latest.values())


def actions_sentence(session: Session, _: Translator, today: datetime.date, *, named: bool) -> str:
    done = sum(item.done for item in session.agenda)
    open_items = [item for item in session.agenda if not item.done]
    late = [item for item in open_items if item.overdue(today)]
    key = "html.actions_line" if late else "html.actions_line_in_time"
    sentence = _(key, gedaan=done, open=len(open_items), te_laat=len(late))
    return f"{session.gemeente}: {sentence}" if named else sentence


@dataclass(frozen=True)
class Summary:
    """What a report says first, as sentences; the HTML and the Markdown only lay it out."""

    moves: list[str]
    """The sliders that moved most since the round before."""
    questions: list[str]
    """The samenhang questions of each gemeente's newest team session."""
    actions: list[str]
    """Per gemeente: how many actions are done, open and late."""


def summarize(items: Sequence[Compared], _: Translator, today: datetime.date) -> Summary:
    """The summary of a report on `items`."""
    from ..samenhang import questions

    latest = latest_team_sessions(items)
    named = len(latest) > 1
    asked = [
        (f"{session.gemeente}: " if named else "") + question.text(_.lang)
        for session in latest
        for question in questions(session)
    ]
    actions = [actions_sentence(session, _, today, named=named) for session in latest]
    return Summary(biggest_moves(items, _), asked, actions)
