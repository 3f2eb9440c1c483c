"""Every command, hostile arguments: a message and an exit code, never a traceback or a hang."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from .conftest import EXAMPLES

COMMANDS = [
    ["check"],
    ["show"],
    ["new"],
    ["new", "--from-latest", "--dir"],
    ["invullen"],
    ["invullen", "--naam", "x" * 300],
    ["diff"],
    ["history"],
    ["history", "--git"],
    ["history", "--format", "csv"],
    ["compare"],
    ["export", "--to", "md"],
    ["export", "--to", "csv"],
    ["export", "--to", "svg"],
    ["git-textconv"],
    ["git-setup", "--dir"],
    [],
]

ARGUMENTS = [
    "",
    "-",
    "--",
    "/dev/zero",
    "/dev/null",
    "fifo.toml",
    "missing.toml",
    "sessions",
    "sessions/altena",
    "sessions/altena/2020-02-12.toml",
    "broken.toml",
    "not-a-session.toml",
    'a "b.toml',
    "naam\x1e\x1f.toml",
    "x" * 300,
    "../../../etc/passwd",
    "[/]",
    "Súdwest-Fryslân",
    "2020-13-45",
]


@settings(
    max_examples=int(os.environ.get("SCHUIFTUI_FUZZ_EXAMPLES", "60")),
    deadline=None,
    derandomize="SCHUIFTUI_FUZZ_EXAMPLES" not in os.environ,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    command=st.sampled_from(COMMANDS),
    arguments=st.lists(st.sampled_from(ARGUMENTS), min_size=1, max_size=3),
)
def test_no_command_prints_a_traceback_or_hangs(
    tmp_path_factory, command: list[str], arguments: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(EXAMPLES, folder / "sessions")
    (folder / "broken.toml").write_text("formaat = = 1\n", encoding="utf-8")
    (folder / "not-a-session.toml").write_text("formaat = 1\n[sessie]\n", encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.toml")
    result = subprocess.run(
        [sys.executable, "-m", "schuiftui", *command, *arguments],
        cwd=folder,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=30,  # a FIFO or /dev/zero read would block, or grow, far longer
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    assert result.returncode in (0, 1, 2), result.returncode


def test_check_names_a_folder_it_cannot_read_and_fails(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A gemeente's folder without read rights is a problem, not a pass (root reads all: imitated)."""
    from schuiftui.__main__ import main

    real_scandir = os.scandir
    locked = str(sessions_dir / "venlo")

    def scandir(path: object = ".") -> object:
        if os.fspath(path) == locked:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["check", str(sessions_dir)]) == 1
    out = capsys.readouterr().out
    assert f"{locked}: geen rechten" in out
