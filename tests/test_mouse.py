"""--no-mouse: no mouse reporting, so the terminal keeps its own text selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from .terminal import SCHUIFTUI, Terminal

pytestmark = pytest.mark.pty
"""Every test here runs the installed app in a pseudo-terminal."""

MOUSE_ON = b"\x1b[?1000h"
"""The sequence that asks a terminal to report mouse clicks."""


@pytest.mark.parametrize("options, reported", [([], True), (["--no-mouse"], False)])
def test_no_mouse_turns_mouse_reporting_off(
    altena: Path, options: list[str], reported: bool
) -> None:
    terminal = Terminal([SCHUIFTUI, *options, str(altena)], cwd=altena.parent)
    try:
        terminal.read_until("Lokale agenda")
        terminal.drain()
        assert (MOUSE_ON in terminal.output) is reported
        terminal.write("\x1b[A\x13\x11")  # every action has a key: a step, save, quit
        assert terminal.wait() == 0
    finally:
        terminal.close()
