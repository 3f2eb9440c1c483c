"""What a terminal can show, and what it is shown instead (see `schuiftui.terminal.glyphs`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schuiftui.terminal.glyphs import (
    ASCII,
    CONSOLE,
    UNICODE,
    Fallback,
    cell_width,
    fold,
    repertoire,
)


@pytest.mark.parametrize(
    "encoding, term, wanted, expected",
    [
        ("utf-8", "xterm-256color", None, UNICODE),
        ("UTF8", "screen", None, UNICODE),
        ("utf-8", "linux", None, CONSOLE),
        ("utf-8", "vt100", None, ASCII),
        ("utf-8", "vt220", None, ASCII),
        ("ascii", "xterm-256color", None, ASCII),
        ("ANSI_X3.4-1968", "xterm", None, ASCII),  # what LC_ALL=C calls ASCII
        ("latin-1", "xterm", None, ASCII),
        (None, None, None, ASCII),
        ("ascii", "xterm", "unicode", UNICODE),  # SCHUIFTUI_GLYPHS wins
        ("utf-8", "xterm", "nonsense", UNICODE),
    ],
)
def test_the_repertoire_follows_the_locale_and_the_terminal(
    encoding: str | None, term: str | None, wanted: str | None, expected: str
) -> None:
    assert repertoire(encoding, term, wanted) == expected


def test_the_slider_in_ascii_keeps_its_track_middle_thumb_and_focus() -> None:
    table = Fallback(ASCII)
    assert table.text("│ ┃ ╌╌┼╌╌╋╌╌ ━█━ ◀█▶ ◇") == "| | --+--+-- -#- <#> o"


def test_the_console_keeps_its_own_lines_and_the_focus() -> None:
    table = Fallback(CONSOLE)
    assert table.text("│ ┃ ╌┼╌╋ ━█━ ◀█▶ ◇ ↑↓") == "│ ║ ─┼─╬ ═█═ ◄█► ○ ↑↓"


def test_boxes_and_buttons_in_ascii() -> None:
    assert Fallback(ASCII).text("┌─┐│└┘ ▔▁▊▎ ▇▄") == "+-+|++ -_|| ##"


def test_letters_lose_their_accents_where_the_encoding_lacks_them() -> None:
    assert Fallback(ASCII).text("één café") == "een cafe"
    assert Fallback(ASCII, "latin-1").text("één café —") == "één café -"


def test_fold_replaces_what_a_stream_cannot_write() -> None:
    assert fold("één ✎ \udcff", "ascii") == "een * ?"
    assert fold("één ✎ \udcff", "utf-8") == "één ✎ ?"  # a lone surrogate from a file name


@given(st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=30))
def test_a_replacement_takes_the_cells_the_original_took(text: str) -> None:
    """The layout Textual made stays as it is: every character keeps its width."""
    for level in (ASCII, CONSOLE):
        table = Fallback(level)
        for char in text:
            assert sum(map(cell_width, table.text(char))) == cell_width(char)
