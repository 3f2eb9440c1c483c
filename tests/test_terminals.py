"""Every terminal people reach schuiftui with: open, step, save, quit, and what the screen shows.

Each case starts the installed app in a real pseudo-terminal with the
environment of one kind of terminal, reads what it writes through a
terminal emulator (pyte), and checks the screen and the saved file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest

from schuiftui.core.storage import load

from .terminal import SCHUIFTUI, Terminal

pytestmark = pytest.mark.pty
"""Every test here runs the installed app in a pseudo-terminal."""


class Kind(NamedTuple):
    """A kind of terminal: its environment, and the glyphs the app should draw it with."""

    environment: dict[str, str]
    thumb: str
    """The focused slider's thumb."""
    rule: str
    """The middle, ruled across the sliders."""
    encoding: str = "utf-8"
    """What the app writes in."""


UNICODE = ("◀█▶", "╌")
CONSOLE = ("◄█►", "─")  # what the Linux console's font (code page 437) has
ASCII = ("<#>", "-")

KINDS = {
    "xterm-256color": Kind({"TERM": "xterm-256color"}, *UNICODE),
    "screen (tmux)": Kind({"TERM": "screen"}, *UNICODE),
    "xterm, 16 colours": Kind({"TERM": "xterm"}, *UNICODE),
    "linux console": Kind({"TERM": "linux"}, *CONSOLE),
    "vt100": Kind({"TERM": "vt100"}, *ASCII),
    "NO_COLOR": Kind({"NO_COLOR": "1"}, *UNICODE),
    # Python reads a C locale as UTF-8 (PEP 538, 540), as most terminals are.
    "LANG=C": Kind({"LANG": "C", "LC_ALL": "C"}, *UNICODE),
    "LC_ALL=C, truly not UTF-8": Kind(
        {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
        *ASCII,
        encoding="ascii",
    ),
    "ISO-8859-1": Kind({"PYTHONIOENCODING": "latin-1"}, *ASCII, encoding="latin-1"),
}

SIZES = [(80, 24), (100, 30), (200, 60)]


def middle_row(rows: int) -> int:
    """The screen row of the sliders' middle: title, name and pole, five levels above it."""
    step_rows = 3 if rows >= 47 else 2 if rows >= 37 else 1
    return 1 + 2 + 2 + 5 * step_rows


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("kind", list(KINDS.values()), ids=list(KINDS))
def test_open_step_save_and_quit(altena: Path, kind: Kind, size: tuple[int, int]) -> None:
    """Positionering intern goes from +3 to +4; the screen shows it in glyphs the terminal has."""
    terminal = Terminal([SCHUIFTUI, str(altena)], altena.parent, size, kind.environment)
    try:
        terminal.read_until("Lokale agenda".encode(kind.encoding).decode())
        terminal.drain(quiet=0.2)
        terminal.write("\x1b[A")  # Up
        terminal.drain(quiet=0.2)
        screen = terminal.screen(kind.encoding)
        rows = screen.display
        assert "Altena" in rows[0]
        assert any(f"{kind.thumb} +4" in row for row in rows), "\n".join(rows)
        assert rows[middle_row(size[1])].startswith(" " + kind.rule * 4), "\n".join(rows)
        name = screen.buffer[1]
        assert all(name[x].reverse for x in range(2, 8)), "the focused slider's name is reversed"
        if kind.encoding != "utf-8":
            assert "\\u" not in terminal.output.decode(kind.encoding)  # it encodes: no escapes
        assert terminal.save_and_quit() == 0
    finally:
        terminal.close()
    assert load(altena).stands()["positionering_intern"] == 4


def test_the_ascii_screen_is_all_ascii(altena: Path) -> None:
    """With a locale that is not UTF-8, every byte written is ASCII: no escapes in its place."""
    environment = {"TERM": "vt100", **KINDS["LC_ALL=C, truly not UTF-8"].environment}
    terminal = Terminal([SCHUIFTUI, str(altena)], altena.parent, (80, 24), environment)
    try:
        terminal.read_until("Lokale agenda")
        terminal.drain(quiet=0.2)
        terminal.write("a")  # the agenda, with its own glyphs
        terminal.drain(quiet=0.2)
        assert terminal.output.isascii()
        assert terminal.quit() == 0
    finally:
        terminal.close()


def test_ctrl_l_paints_over_what_another_program_wrote(altena: Path) -> None:
    """A `wall` message over the panel: Ctrl+L shows the panel again, every cell of it."""
    terminal = Terminal([SCHUIFTUI, str(altena)], altena.parent)
    try:
        terminal.read_until("Lokale agenda")
        terminal.drain(quiet=0.3)
        panel = terminal.shown()
        terminal.output += b"\x1b[5;1HBroadcast message from root: the server goes down\r\n" * 3
        assert terminal.shown() != panel
        terminal.write("\x0c")  # Ctrl+L
        terminal.drain(quiet=0.3)
        assert terminal.shown() == panel
        assert terminal.quit() == 0
    finally:
        terminal.close()


@pytest.mark.parametrize(
    "environment, size",
    [({"TERM": "dumb"}, (80, 24)), ({"TERM": ""}, (80, 24)), ({}, (0, 0))],
    ids=["TERM=dumb", "no TERM", "a pty of 0x0"],
)
def test_a_terminal_that_tells_little_gets_ascii_and_only_changed_cells(
    altena: Path, environment: dict[str, str], size: tuple[int, int]
) -> None:
    """Not 84-154 KB of Unicode in 24-bit colour: ASCII glyphs, 16 colours, the shadow."""
    terminal = Terminal([SCHUIFTUI, str(altena)], altena.parent, size, environment)
    try:
        terminal.read_until("Lokale agenda")
        terminal.drain()
        output = terminal.output
        terminal.write("\x1b[A")
        terminal.drain()
        assert terminal.save_and_quit() == 0
    finally:
        terminal.close()
    assert output.isascii()
    assert b"\x1b[38;2;" not in output and b"\x1b[48;2;" not in output
    assert len(output) < 20_000
    assert load(altena).stands()["positionering_intern"] == 4


@pytest.mark.skipif(shutil.which("screen") is None, reason="GNU screen is not installed")
def test_escape_works_at_once_in_gnu_screen(altena: Path) -> None:
    """GNU screen held a lone Escape back (mouse reporting on) until the next key came."""
    name = f"schuiftui-test-{os.getpid()}"
    terminal = Terminal(
        ["screen", "-q", "-S", name, SCHUIFTUI, altena.name], altena.parent, (80, 24)
    )
    try:
        terminal.read_until("Lokale agenda")
        terminal.drain()
        terminal.write("c")  # into the casus notes ...
        terminal.drain_until(lambda: "t toelichting" not in terminal.shown()[-1])
        terminal.write("\x1b")  # ... and Escape, alone, back to the sliders
        terminal.drain_until(lambda: "t toelichting" in terminal.shown()[-1], timeout=3)
        terminal.write("\x11")
        terminal.drain()
    finally:
        terminal.close()
        subprocess.run(["screen", "-S", name, "-X", "quit"], capture_output=True)
