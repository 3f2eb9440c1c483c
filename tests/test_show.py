"""The plain-text view behind `show`: a named chart, ASCII fallback, colour only on request."""

from __future__ import annotations

from schuiftui.core.render.text import session_text
from schuiftui.core.storage import load

from .conftest import EXAMPLES

ALTENA = EXAMPLES / "altena" / "2020-02-12.toml"


def chart_rows(text: str) -> dict[str, str]:
    """The eleven track rows of the chart, by their level ("+5" .. "-5")."""
    rows = {}
    for line in text.splitlines():
        level = line[:3].strip()
        if level in {"+5", "+4", "+3", "+2", "+1", "0", "-1", "-2", "-3", "-4", "-5"}:
            rows[level] = line
    return rows


def test_chart_puts_each_thumb_on_its_own_track() -> None:
    rows = chart_rows(session_text(load(ALTENA)))
    tracks = [i for i, c in enumerate(rows["+5"]) if c == "│"]
    assert len(tracks) == 5
    thumbs = {
        level: [tracks.index(i) for i, c in enumerate(row) if c == "█"]
        for level, row in rows.items()
    }
    # Columns: positionering +3, bewoners -2, binnen -4, bestuur +4, communicatie -2.
    assert thumbs["+3"] == [0]
    assert thumbs["+4"] == [3]
    assert thumbs["-2"] == [1, 4]
    assert thumbs["-4"] == [2]
    assert rows["0"].rstrip().endswith("┼ (midden: geen keuze)")


def test_chart_names_every_category_and_its_poles() -> None:
    text = session_text(load(ALTENA))
    header = "\n".join(text.splitlines()[3:7])
    for word in ("Positie", "bewoners", "gemeente", "Bestuur", "nicatie", "eigen", "struc-"):
        assert word in header
    footer = "\n".join(text.splitlines()[18:20])
    for word in ("sectorteam", "situatie", "betrokken", "gemeente"):
        assert word in footer


def test_pole_labels_are_on_one_line_in_the_list() -> None:
    text = session_text(load(ALTENA))
    assert "   structureel (+5) / per situatie (-5)\n" in text
    assert "struc-\n" not in text.split("Schuiven\n", 1)[1]


def test_ascii_chart_for_plain_terminals() -> None:
    text = session_text(load(ALTENA), ascii_only=True)
    assert text.isascii() is False  # the session's own text keeps its letters
    chart = "\n".join(text.splitlines()[:20])
    assert chart.isascii()
    assert "#" in chart and "|" in chart and "-----+" in chart


def test_colour_only_when_asked() -> None:
    session = load(ALTENA)
    assert "\x1b[" not in session_text(session)
    assert "\x1b[1m" in session_text(session, color=True)


def test_english_labels() -> None:
    text = session_text(load(ALTENA), "en")
    assert "1. Internal positioning: +3" in text
    assert "Local agenda:" in text
    assert "own budget (+5) / sector team (-5)" in text
