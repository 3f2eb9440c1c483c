"""The installed `schuiftui` command in a real pseudo-terminal, not Pilot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from schuiftui.core.storage import load

from .terminal import CTRL_Q, CTRL_S, UP, Terminal

SCHUIFTUI = str(Path(sys.executable).parent / "schuiftui")


@pytest.mark.pty
def test_keys_save_and_quit_in_a_real_terminal(altena: Path) -> None:
    terminal = Terminal([SCHUIFTUI, str(altena)], cwd=altena.parent)
    try:
        terminal.read_until("Lokale agenda")
        terminal.drain()
        terminal.write(UP)
        terminal.read_until("niet opgeslagen")  # the title marks the change
        terminal.write(CTRL_S)
        terminal.read_until("Werkplaats 2")  # and shows the session title again once saved
        terminal.write(CTRL_Q)
        assert terminal.wait() == 0
    finally:
        terminal.close()
    stands = load(altena).stands()
    assert stands["positionering_intern"] == 4
    assert stands["proces_met_bewoners"] == -2


def test_without_a_terminal_it_says_so_and_exits_2(altena: Path) -> None:
    result = subprocess.run(
        [SCHUIFTUI, str(altena)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "schuiftui: geen terminal; gebruik 'schuiftui show BESTAND' voor platte tekst"
    ]


def test_new_without_a_terminal_only_prints_the_path(tmp_path: Path) -> None:
    result = subprocess.run(
        [SCHUIFTUI, "new", "Venlo", "--datum", "2024-01-02", "--dir", str(tmp_path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0
    assert result.stdout == f"{tmp_path / 'venlo' / '2024-01-02.toml'}\n"
