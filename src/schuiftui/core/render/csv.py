"""CSV for spreadsheets: a header row, then one row per record; keys in Dutch."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from ..categories import CATEGORY_IDS
from ..history import History
from ..session import Session

_FORMULA = re.compile(r"[=@\t\r]|[+-](?![0-9])")
"""How a cell starts that a spreadsheet may read as a formula (OWASP: CSV injection)."""


def cell(value: object) -> object:
    """`value` for a spreadsheet: text that would start a formula gets a `'` before it.

    Numbers stay numbers; `-2 want` stays as it is (a minus before a digit
    starts no formula); `=HYPERLINK(...)`, `+cmd`, `@SUM` or a tab before
    `=` are shown as the text they are.
    """
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def _csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[cell(value) for value in row] for row in rows])
    return out.getvalue()


def sessions_csv(sessions: Sequence[Session]) -> str:
    """One row per session and slider: gemeente, datum, titel, schuif, stand, toelichting."""
    return _csv(
        ["gemeente", "datum", "titel", "schuif", "stand", "toelichting"],
        [
            [
                session.gemeente,
                session.datum.isoformat(),
                session.titel or "",
                slider_id,
                session.sliders[slider_id].stand,
                session.sliders[slider_id].toelichting,
            ]
            for session in sessions
            for slider_id in CATEGORY_IDS
        ],
    )


def history_csv(history: History) -> str:
    """One row per round: datum, titel and the five stands (from git: then the session's date)."""
    extra = ["sessiedatum"] if history.from_git else []
    return _csv(
        ["datum", "titel", *CATEGORY_IDS, *extra],
        [
            [
                row.datum.isoformat(),
                row.titel,
                *(row.stands[slider_id] for slider_id in CATEGORY_IDS),
                *([row.sessiedatum.isoformat() if row.sessiedatum else ""] if extra else []),
            ]
            for row in history.rows
        ],
    )
