"""Canaries: each fails the day Textual fixes a parser bug that `terminal.keys` works around.

When one fails, Textual reads that input right by itself: the workaround in
`schuiftui.terminal.keys` named in the test can go (see docs/TEXTUAL.md).
"""

from __future__ import annotations

from textual import events
from textual.drivers import linux_driver

from schuiftui.terminal.keys import InputFilter


def parsed(data: str, *, filtered: bool) -> list[tuple[str, str]]:
    """What Textual's own parser makes of `data` in one read: (kind, key or text) per event."""
    parser = linux_driver.XTermParser()
    if filtered:
        data = InputFilter()(data)
    found = [*parser.feed(data), *parser.feed("")]
    return [
        ("paste", event.text) if isinstance(event, events.Paste) else ("key", event.key)
        for event in found
        if isinstance(event, (events.Key, events.Paste))
    ]


PASTE_WITH_ESCAPE = "\x1b[200~ABC\x1bXYZ\x1b[201~"
ESCAPE_LETTER_UP = "\x1bl\x1b[A"


def test_textual_still_splits_a_paste_at_an_escape_inside_it() -> None:
    """Workaround: `PasteFilter`. Textual sends `^XYZ` as keys before the paste `ABC`."""
    assert parsed(PASTE_WITH_ESCAPE, filtered=False) == [
        ("key", "circumflex_accent"),
        ("key", "X"),
        ("key", "Y"),
        ("key", "Z"),
        ("paste", "ABC"),
    ]
    assert parsed(PASTE_WITH_ESCAPE, filtered=True) == [("paste", "ABCXYZ")]


def test_textual_still_reads_escape_then_a_letter_then_a_key_as_a_caret() -> None:
    """Workaround: `LoneEscapes`. Textual makes `^`, `l`, Up of Escape, `l`, Up."""
    assert parsed(ESCAPE_LETTER_UP, filtered=False) == [
        ("key", "circumflex_accent"),
        ("key", "l"),
        ("key", "up"),
    ]
    assert parsed(ESCAPE_LETTER_UP, filtered=True) == [
        ("key", "escape"),
        ("key", "l"),
        ("key", "up"),
    ]
