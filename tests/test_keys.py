"""The input filters: a bracketed paste kept whole, Escape before a key kept (see `schuiftui.terminal.keys`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from schuiftui.terminal.keys import (
    ESCAPE_KEY,
    PASTE_END,
    PASTE_START,
    InputFilter,
    LoneEscapes,
    PasteFilter,
)


def filtered(*pieces: str) -> str:
    pastes = PasteFilter()
    return "".join(pastes(piece) for piece in pieces)


def test_escapes_inside_a_paste_are_left_out() -> None:
    assert filtered(f"{PASTE_START}ABC\x1bXYZ{PASTE_END}") == f"{PASTE_START}ABCXYZ{PASTE_END}"


def test_escapes_outside_a_paste_are_kept() -> None:
    keys = f"\x1b[A{PASTE_START}A\x1b{PASTE_END}\x1b\x1b[B"
    assert filtered(keys) == f"\x1b[A{PASTE_START}A{PASTE_END}\x1b\x1b[B"


def test_a_closing_sequence_split_over_reads_is_held_back_then_passed() -> None:
    pastes = PasteFilter()
    assert pastes(f"{PASTE_START}AB\x1b[20") == f"{PASTE_START}AB"
    assert pastes("1~\x1b[A") == f"{PASTE_END}\x1b[A"


@given(
    before=st.text("ab\x1b[A~", max_size=8),
    pasted=st.text("xy\x1b[0~", max_size=12),  # never the closing sequence itself
    after=st.text("ab\x1b[A~", max_size=8),
    cuts=st.lists(st.integers(0, 40), max_size=5),
)
def test_any_split_gives_what_one_read_gives(
    before: str, pasted: str, after: str, cuts: list[int]
) -> None:
    whole = before + PASTE_START + pasted + PASTE_END + after
    bounds = sorted({min(cut, len(whole)) for cut in cuts})
    pieces = [whole[i:j] for i, j in zip([0, *bounds], [*bounds, len(whole)])]
    expected = before + PASTE_START + pasted.replace("\x1b", "") + PASTE_END + after
    assert filtered(*pieces) == expected


def test_escape_right_before_a_letter_is_the_escape_key() -> None:
    escapes = LoneEscapes()
    assert escapes("Hallo\x1bl\x1b[A\x13") == f"Hallo{ESCAPE_KEY}l\x1b[A\x13"


def test_escape_sequences_are_left_as_they_are() -> None:
    keys = "\x1b[A\x1bOH\x1b[1;5C\x1b\x1b[B"
    assert LoneEscapes()(keys) == keys


def test_an_escape_at_the_end_of_a_piece_waits_for_the_next() -> None:
    escapes = LoneEscapes()
    assert escapes("abc\x1b") == "abc"
    assert escapes.holding
    assert escapes("l") == f"{ESCAPE_KEY}l"
    assert escapes("\x1b") == ""
    assert escapes("[A") == "\x1b[A"


def test_a_held_escape_with_nothing_after_it_is_released_as_the_escape_key() -> None:
    escapes = LoneEscapes()
    assert escapes("\x1b") == ""
    assert escapes.release() == ESCAPE_KEY
    assert escapes.release() == ""


def test_an_escape_inside_a_paste_is_no_key() -> None:
    assert InputFilter()(f"{PASTE_START}A\x1bl{PASTE_END}l") == f"{PASTE_START}Al{PASTE_END}l"
