"""What may reach a terminal: text without control characters.

A session file is written by people and programs we do not control. Text
from it that held an escape sequence could, printed raw, set the terminal's
title, write its clipboard (OSC 52), clear the screen or type into the
shell. Every control character (C0 but tab and newline, DEL, C1) read from a
file is therefore shown as a visible placeholder, and one typed or pasted
into a field is not stored.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .session import Session

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters, but tab and newline."""


def _placeholder(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return "^" + chr(code + 0x40)  # caret notation: ESC is ^[, BEL is ^G
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"  # C1, such as U+009B (CSI)


def visible(text: str) -> str:
    """`text` with every control character but tab and newline as a placeholder."""
    return CONTROL.sub(_placeholder, text) if CONTROL.search(text) else text


def without_controls(text: str) -> str:
    """`text` with every control character but tab and newline left out (for typed text)."""
    return CONTROL.sub("", text)


def visible_session(session: Session) -> Session:
    """A copy of `session` in which no text holds a control character."""
    if not _has_controls(session):
        return session
    result = copy.deepcopy(session)
    result.gemeente = visible(result.gemeente)
    result.titel = visible(result.titel) if result.titel is not None else None
    if result.deelnemers is not None:
        result.deelnemers = [visible(name) for name in result.deelnemers]
    result.casus.titel = visible(result.casus.titel)
    result.casus.notities = visible(result.casus.notities)
    for slider in result.sliders.values():
        slider.toelichting = visible(slider.toelichting)
    for item in result.agenda:
        item.id = visible(item.id)
        item.tekst = visible(item.tekst)
        item.eigenaar = visible(item.eigenaar) if item.eigenaar is not None else None
    return result


def _has_controls(session: Session) -> bool:
    texts = [session.gemeente, session.titel or "", session.casus.titel, session.casus.notities]
    texts += session.deelnemers or []
    texts += [slider.toelichting for slider in session.sliders.values()]
    texts += [t for item in session.agenda for t in (item.id, item.tekst, item.eigenaar or "")]
    return any(CONTROL.search(text) for text in texts)
