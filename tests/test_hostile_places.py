"""Hostile places: FIFOs named like our temporary files, symbolic links out, /dev/zero."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from schuiftui.core.files import remove_stale_temporaries
from schuiftui.core.storage import SessionError, load, save

from .conftest import EXAMPLES

posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")


def run(*args: str, timeout: float = 20) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "schuiftui", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


@posix
def test_a_fifo_named_like_a_leftover_temporary_file_never_blocks_a_save(altena: Path) -> None:
    fifo = altena.with_name(f".{altena.name}.abc123.tmp")
    os.mkfifo(fifo)
    session = load(altena)
    session.sliders["communicatie"].stand = 3
    save(session, altena)  # would block for ever on opening the FIFO
    assert load(altena).stands()["communicatie"] == 3
    assert fifo.exists()  # not ours: left alone
    assert remove_stale_temporaries(altena) == []


@posix
def test_a_fifo_named_like_a_temporary_file_never_blocks_new(tmp_path: Path) -> None:
    folder = tmp_path / "sessions" / "oss"
    folder.mkdir(parents=True)
    os.mkfifo(folder / ".2024-01-01.toml.x.tmp")
    result = run("new", "Oss", "--datum", "2024-01-01", "--dir", str(tmp_path / "sessions"))
    assert result.returncode == 0, result.stderr
    assert load(folder / "2024-01-01.toml").gemeente == "Oss"


def test_a_session_file_linked_out_of_the_sessions_folder_is_not_written(
    sessions_dir: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elders.toml"
    outside.write_bytes((EXAMPLES / "altena" / "2020-02-12.toml").read_bytes())
    before = outside.read_bytes()
    link = sessions_dir / "altena" / "2021-01-01.toml"
    link.symlink_to(outside)
    session = load(link)
    session.sliders["communicatie"].stand = 3
    with pytest.raises(SessionError, match="buiten de map met sessies"):
        save(session, link)
    assert outside.read_bytes() == before


def test_a_session_file_linked_inside_the_sessions_folder_is_saved(sessions_dir: Path) -> None:
    link = sessions_dir / "altena" / "laatste.toml"
    link.symlink_to(sessions_dir / "altena" / "2020-10-07.toml")
    session = load(link)
    session.sliders["communicatie"].stand = 3
    save(session, link)
    assert load(sessions_dir / "altena" / "2020-10-07.toml").stands()["communicatie"] == 3


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_git_textconv_never_reads_a_fifo_or_a_device(tmp_path: Path, special: str) -> None:
    if special == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("FIFOs are POSIX")
        special = str(tmp_path / "sessie.toml")
        os.mkfifo(special)
    result = run("git-textconv", special)
    assert result.returncode == 1
    assert result.stdout == b""
