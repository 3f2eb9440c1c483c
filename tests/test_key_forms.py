"""Keys as different terminals send them (xterm, tmux/screen, PuTTY, the Linux console, rxvt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from schuiftui.core.storage import load

from .terminal import open_session

pytestmark = pytest.mark.pty
"""Every test here runs the installed app in a pseudo-terminal."""

FORMS = [
    ("\x1b[H", -5, "Home, xterm"),
    ("\x1bOH", -5, "Home, xterm application mode"),
    ("\x1b[1~", -5, "Home, PuTTY and the Linux console"),
    ("\x1b[7~", -5, "Home, rxvt"),
    ("\x1b[F", 5, "End, xterm"),
    ("\x1bOF", 5, "End, xterm application mode"),
    ("\x1b[4~", 5, "End, PuTTY and the Linux console"),
    ("\x1b[8~", 5, "End, rxvt"),
    ("\x1b[5~", 5, "Page Up (+2 from +3)"),
    ("\x1b[6~", 1, "Page Down (-2 from +3)"),
]


@pytest.mark.parametrize(("sent", "stand"), [f[:2] for f in FORMS], ids=[f[2] for f in FORMS])
def test_each_escape_form_moves_the_slider(altena: Path, sent: str, stand: int) -> None:
    """Positionering intern stands at +3; the key, as bytes to the terminal, moves it."""
    terminal = open_session(altena)
    try:
        terminal.write(sent)
        terminal.drain()
        assert terminal.save_and_quit() == 0
    finally:
        terminal.close()
    assert load(altena).stands()["positionering_intern"] == stand
