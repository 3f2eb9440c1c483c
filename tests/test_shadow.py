"""The screen shadow sends only what changed, and the terminal shows the same (see `schuiftui.terminal.shadow`).

A terminal emulator (pyte) gets Textual's frames as they are on one screen
and the shadow's output on another; both must show the same cells, styles
and cursor after every frame.
"""

from __future__ import annotations

import pyte
from hypothesis import given, settings
from hypothesis import strategies as st

from schuiftui.terminal.glyphs import ASCII, Fallback
from schuiftui.terminal.shadow import ScreenShadow

WIDTH, HEIGHT = 12, 4
START = "\x1b[?1049h\x1b[?7l"
"""What Textual writes first: the alternate screen, no line wrap."""


def emulator() -> tuple[pyte.Screen, pyte.Stream]:
    screen = pyte.Screen(WIDTH, HEIGHT)
    screen.set_mode(pyte.modes.LNM)  # a line feed also returns the carriage, as with ONLCR
    return screen, pyte.Stream(screen)


def shown(screen: pyte.Screen) -> list[list[tuple]]:
    return [[tuple(screen.buffer[y][x]) for x in range(WIDTH)] for y in range(HEIGHT)] + [
        [(screen.cursor.x, screen.cursor.y)]
    ]


def move(row: int, column: int) -> str:
    return f"\x1b[{row + 1};{column + 1}H"


STYLES = ["1;38;5;253;48;5;233", "38;5;247;48;5;233", "7", "48;5;17", ""]


@st.composite
def segments(draw: st.DrawFn, room: int) -> str:
    """Styled text in at most `room` cells, as Textual writes a strip."""
    out = []
    used = 0
    while used < room and draw(st.booleans()):
        style = draw(st.sampled_from(STYLES))
        text = draw(st.text("ab █─│╋é漢", min_size=1, max_size=room - used))
        width = sum(2 if c == "漢" else 1 for c in text)
        if used + width > room:
            break
        used += width
        out.append(f"\x1b[{style}m{text}\x1b[0m" if style else text)
    return "".join(out)


@st.composite
def frames(draw: st.DrawFn) -> str:
    """A frame: strips at places, the odd line feed, control sequences, now and then noise."""
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["strip", "strip", "strip", "rows", "control", "noise"]))
        row, column = draw(st.integers(0, HEIGHT - 1)), draw(st.integers(0, WIDTH - 1))
        if kind == "strip":
            parts.append(move(row, column) + draw(segments(WIDTH - column)))
        elif kind == "rows":  # a whole region, rows joined by line feeds (LayoutUpdate)
            last = draw(st.integers(row, HEIGHT - 1))
            rows = [draw(segments(WIDTH)) for _ in range(row, last + 1)]
            parts.append(move(row, 0) + "\n".join(rows))
        elif kind == "control":
            parts.append(
                draw(
                    st.sampled_from(
                        [
                            "\x1b[?25l",
                            "\x1b[?2026h",
                            "\x1b]22;pointer\x07",
                            "\x1b[2J",
                            "\x1b[?1049h",
                            "\x1b[2A",
                            "\x1b[H",
                        ]
                    )
                )
            )
        else:  # what the shadow does not model: it must pass it on as it is
            noise = draw(
                st.sampled_from(["x\ty", "\x07", "é\u0301", "\x1b[1m漢", "\x1b[1Cxy", "zz"])
            )
            parts.append(move(row, draw(st.sampled_from([column, WIDTH - 1]))) + noise)
    parts.append(move(draw(st.integers(0, HEIGHT - 1)), draw(st.integers(0, WIDTH - 1))))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(st.lists(frames(), min_size=1, max_size=6))
def test_the_terminal_shows_what_textual_wrote(written: list[str]) -> None:
    plain, plain_stream = emulator()
    filtered, filtered_stream = emulator()
    shadow = ScreenShadow()
    shadow.resize(WIDTH, HEIGHT)
    for frame in [START, *written]:
        plain_stream.feed(frame)
        filtered_stream.feed(shadow.frame(frame))
        assert shown(filtered) == shown(plain)


def test_a_frame_repeated_sends_nothing() -> None:
    shadow = ScreenShadow()
    shadow.resize(WIDTH, HEIGHT)
    frame = move(0, 0) + "\x1b[1mabc\x1b[0m" + move(2, 3) + "def" + move(3, 0)
    first = shadow.frame(frame)
    assert "abc" in first and "def" in first
    assert shadow.frame(frame) == ""


def test_one_changed_cell_sends_one_cell() -> None:
    shadow = ScreenShadow()
    shadow.resize(WIDTH, HEIGHT)
    shadow.frame(move(1, 0) + "\x1b[7m│ │ │\x1b[0m" + move(3, 0))
    sent = shadow.frame(move(1, 0) + "\x1b[7m│ ┃ │\x1b[0m" + move(3, 0))
    assert sent == move(1, 2) + "\x1b[7m┃\x1b[0m" + move(3, 0)


def test_runs_of_one_style_are_joined() -> None:
    shadow = ScreenShadow()
    shadow.resize(WIDTH, HEIGHT)
    shadow.frame("\x1b[0m")
    sent = shadow.frame(move(0, 0) + "\x1b[7mab\x1b[0m\x1b[7mcd\x1b[0m" + move(3, 0))
    assert sent == move(0, 0) + "\x1b[7mabcd\x1b[0m" + move(3, 0)


def test_a_resize_sends_everything_again() -> None:
    shadow = ScreenShadow()
    shadow.resize(WIDTH, HEIGHT)
    frame = move(0, 0) + "abc"
    shadow.frame(frame)
    shadow.resize(WIDTH, HEIGHT)
    assert "abc" in shadow.frame(frame)


def test_glyphs_the_terminal_lacks_are_replaced_cell_for_cell() -> None:
    shadow = ScreenShadow(Fallback(ASCII))
    shadow.resize(WIDTH, HEIGHT)
    sent = shadow.frame(move(0, 0) + "╌╋╌ ◀█▶ één" + move(3, 0))
    assert sent == move(0, 0) + "\x1b[0m-+- <#> een" + move(3, 0)
