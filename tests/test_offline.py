"""Nothing opens a network connection: every command runs with networking blocked."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from .terminal import SCHUIFTUI, Terminal

BLOCKER = """\
import socket

def _refuse(*args, **kwargs):
    raise OSError("schuiftui test: no network")

# Connections and name lookups fail; a socketpair (asyncio's self-pipe) still works.
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
"""


@pytest.fixture
def offline(tmp_path: Path) -> dict[str, str]:
    """An environment whose Python processes cannot connect anywhere."""
    site = tmp_path / "offline-site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(site)}


def test_the_blocker_blocks(offline: dict[str, str]) -> None:
    code = "import socket; socket.create_connection(('pypi.org', 443))"
    result = subprocess.run(
        [str(Path(SCHUIFTUI).parent / "python"), "-c", code],
        capture_output=True,
        env=offline,
        timeout=60,
    )
    assert b"schuiftui test: no network" in result.stderr


def test_every_command_runs_without_network(sessions_dir: Path, offline: dict[str, str]) -> None:
    altena = sessions_dir / "altena"
    first, latest = altena / "2020-02-12.toml", altena / "2020-10-07.toml"
    commands = [
        (["check", str(sessions_dir)], 0),
        (["show", str(first)], 0),
        (["diff", str(first), str(latest)], 1),
        (["history", str(altena)], 0),
        (["compare", str(sessions_dir)], 0),
        (["export", str(altena), "--to", "svg", "-o", str(sessions_dir / "a.svg")], 0),
        (["new", "Zwolle", "--dir", str(sessions_dir)], 0),
        (["invullen", str(altena), "--naam", "Anna"], 0),
    ]
    for args, expected in commands:
        result = subprocess.run(
            [SCHUIFTUI, *args],
            capture_output=True,
            env=offline,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == expected, (args, result.stderr.decode())
        assert b"no network" not in result.stderr


@pytest.mark.pty
def test_the_app_runs_without_network(
    altena: Path, offline: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", offline["PYTHONPATH"])  # the pseudo-terminal's child
    terminal = Terminal([SCHUIFTUI, str(altena)], cwd=altena.parent)
    try:
        terminal.read_until("Lokale agenda")
        terminal.drain()
        terminal.write("\x1b[A")
        terminal.read_until("niet opgeslagen")
        assert terminal.save_and_quit() == 0
    finally:
        terminal.close()
    assert b"no network" not in terminal.output
    from schuiftui.core.storage import load

    assert load(altena).stands()["positionering_intern"] == 4
