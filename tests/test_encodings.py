"""The plain commands on streams that cannot take UTF-8 (PYTHONIOENCODING=ascii, LANG=C)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from .terminal import SCHUIFTUI


def run(args: list[str], encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run([SCHUIFTUI, *args], capture_output=True, env=env, timeout=60)


@pytest.mark.parametrize("args", [["--help"], ["new", "--help"], ["show", "ALTENA"]])
def test_ascii_streams_get_plain_letters_not_a_traceback(altena: Path, args: list[str]) -> None:
    result = run([str(altena) if arg == "ALTENA" else arg for arg in args], "ascii")
    assert result.returncode == 0, result.stderr.decode("ascii", "replace")
    result.stdout.decode("ascii")  # nothing but ASCII
    assert b"Traceback" not in result.stderr


def test_help_loses_accents_rather_than_letters() -> None:
    out = run(["--help"], "ascii").stdout.decode("ascii")
    assert "of een sessie (standaard)" in out  # "één", without its accents


def test_check_on_a_path_with_accents_says_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "súdwest-fryslân"
    folder.mkdir()
    result = run(["check", str(folder / "2020-02-12.toml")], "ascii")
    assert result.returncode == 1
    lines = result.stdout.decode("ascii").splitlines()
    assert lines == [f"{tmp_path}/sudwest-fryslan/2020-02-12.toml: bestand bestaat niet"]
