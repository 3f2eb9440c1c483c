"""The plain-text view: chart, ASCII fallback, colour only on request."""

from __future__ import annotations

from schuiftui.core.plain import render
from schuiftui.core.storage import load

from .conftest import EXAMPLES

ALTENA = EXAMPLES / "altena" / "2020-02-12.toml"


def chart_rows(text: str) -> dict[str, str]:
    rows = {}
    for line in text.splitlines()[3:14]:
        rows[line[:3].strip()] = line[5:]
    return rows


def test_chart_puts_each_thumb_at_its_stand() -> None:
    rows = chart_rows(render(load(ALTENA)))
    # Columns: positionering +3, bewoners -2, binnen -4, bestuur +4, communicatie -2.
    thumb_columns = {
        level: [i for i, c in enumerate(row) if c == "█"] for level, row in rows.items()
    }
    assert thumb_columns["+3"] == [3]
    assert thumb_columns["+4"] == [27]
    assert thumb_columns["-2"] == [11, 35]
    assert thumb_columns["-4"] == [19]
    assert rows["0"].startswith("──┼") is False
    assert "geen keuze" in rows["0"]


def test_ascii_chart_for_plain_terminals() -> None:
    text = render(load(ALTENA), ascii_only=True)
    assert text.isascii() is False  # the session's own text keeps its letters
    chart = "\n".join(text.splitlines()[:16])
    assert chart.isascii()
    assert "#" in chart and "|" in chart


def test_colour_only_when_asked() -> None:
    session = load(ALTENA)
    assert "\x1b[" not in render(session)
    assert "\x1b[1m" in render(session, color=True)


def test_english_labels() -> None:
    text = render(load(ALTENA), "en")
    assert "1. Internal positioning: +3" in text
    assert "Local agenda:" in text
