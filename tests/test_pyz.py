"""The single-file build: `make pyz`, run as `python3 -I schuiftui.pyz` on a locked-down machine.

The whole test suite runs on the lowest supported Python and on the newest
on the machine (see `.ci/run`), so the archive is built and run with each.
"""

from __future__ import annotations

import importlib.util
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from schuiftui.core.storage import load

from .conftest import ROOT
from .terminal import Terminal
from .test_offline import BLOCKER


@pytest.fixture(scope="module")
def pyz(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive, built as `make pyz` builds it."""
    out = tmp_path_factory.mktemp("dist") / "schuiftui.pyz"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_pyz.py"), str(out)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return out


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A home folder of its own; the commands run in a folder nobody may write to."""
    home = tmp_path / "home"
    home.mkdir()
    for name in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "SCHUIFTUI_STATE_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(home))
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.chdir(locked)
    yield home
    locked.chmod(stat.S_IRWXU)


def written_under(home: Path) -> set[str]:
    """The folders under `home` that files were written in, two levels deep."""
    return {
        "/".join(path.relative_to(home).parts[:2]) for path in home.rglob("*") if path.is_file()
    }


def run(pyz: Path, *args: str, prelude: str = "") -> subprocess.CompletedProcess[str]:
    """`python -I pyz args`; with `prelude`, that code runs in the same process first."""
    if prelude:
        code = f"{prelude}\nimport runpy, sys\nsys.argv = {[str(pyz), *args]!r}\nrunpy.run_path({str(pyz)!r}, run_name='__main__')"
        argv = [sys.executable, "-I", "-c", code]
    else:
        argv = [sys.executable, "-I", str(pyz), *args]
    return subprocess.run(
        argv, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )


def test_check_show_and_diff_run_from_the_one_file(
    pyz: Path, home: Path, sessions_dir: Path
) -> None:
    altena = sessions_dir / "altena"
    first, latest = altena / "2020-02-12.toml", altena / "2020-10-07.toml"
    checked = run(pyz, "check", str(sessions_dir))
    assert (checked.returncode, checked.stdout.strip()) == (0, "4 bestanden in orde"), (
        checked.stderr
    )
    shown = run(pyz, "show", str(first))
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Altena — 2020-02-12 — Werkplaats 2")
    diffed = run(pyz, "diff", str(first), str(latest))
    assert diffed.returncode == 1, diffed.stderr
    assert "Proces met bewoners     -2 ->  0  (+2)" in diffed.stdout
    # Unpacked once into the user's cache folder; nothing else was written.
    assert written_under(home) == {".cache/schuiftui"}
    assert not any(Path.cwd().iterdir())


def test_the_one_file_runs_without_network(pyz: Path, home: Path, sessions_dir: Path) -> None:
    """`-I` leaves out sitecustomize, so the blocker runs first in the same interpreter."""
    altena = sessions_dir / "altena"
    for args, expected in (
        (["check", str(sessions_dir)], 0),
        (["show", str(altena / "2020-02-12.toml")], 0),
        (["diff", str(altena)], 1),
    ):
        result = run(pyz, *args, prelude=BLOCKER)
        assert result.returncode == expected, (args, result.stderr)
        assert "no network" not in result.stderr


@pytest.mark.pty
@pytest.mark.parametrize("cache", ["unpacked once", "no cache folder"])
def test_the_app_runs_from_the_one_file(pyz: Path, home: Path, altena: Path, cache: str) -> None:
    """On a terminal: open, step, save, quit; every resource (the styles) from the archive."""
    environment = {"HOME": str(home)}
    if cache == "no cache folder":
        # A cache "folder" inside a file: it cannot be made, not even by root.
        (home / "a-file").write_text("")
        environment["XDG_CACHE_HOME"] = str(home / "a-file" / "cache")
    terminal = Terminal(
        [sys.executable, "-I", str(pyz), str(altena)], Path.cwd(), environment=environment
    )
    try:
        terminal.read_until("Lokale agenda", timeout=60)
        terminal.drain()
        terminal.write("\x1b[A")  # Up: Positionering intern from +3 to +4
        terminal.drain()
        assert terminal.save_and_quit() == 0
    finally:
        terminal.close()
    assert load(altena).stands()["positionering_intern"] == 4
    expected = {".local/state"} | ({".cache/schuiftui"} if cache == "unpacked once" else {"a-file"})
    assert written_under(home) <= expected  # a lock, while it was open, in the state folder
    assert not any(Path.cwd().iterdir())


def test_a_python_too_old_is_told_which_it_needs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location("pyz_main", ROOT / "tools" / "pyz_main.py")
    assert spec is not None and spec.loader is not None
    bootstrap = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bootstrap)
    monkeypatch.setattr(sys, "version_info", (3, 8, 18, "final", 0))
    assert bootstrap.main() == 2
    assert capsys.readouterr().err == "schuiftui needs Python 3.9 or newer; this is Python 3.8\n"


def test_the_one_file_is_small(pyz: Path) -> None:
    """schuiftui and every package it needs, compressed: a few megabytes, to mail or copy."""
    assert pyz.stat().st_size < 5_000_000
    assert os.access(pyz, os.R_OK)


def unpacked_folder(home: Path) -> Path:
    """The one build folder in the cache (after a first start)."""
    (folder,) = (home / ".cache" / "schuiftui").glob("pyz-*")
    return folder


WHERE = (
    "import atexit, sys\natexit.register(lambda: print('FROM', sys.modules['schuiftui'].__file__))"
)
"""Says, when the run ends, where schuiftui's code was taken from."""


def test_a_damaged_unpacked_folder_is_unpacked_again(
    pyz: Path, home: Path, sessions_dir: Path
) -> None:
    assert run(pyz, "check", str(sessions_dir)).returncode == 0
    folder = unpacked_folder(home)
    (folder / "schuiftui" / "core" / "merge.py").unlink()
    (folder / "schuiftui" / "core" / "paths.py").write_text("kapot", encoding="utf-8")
    result = run(pyz, "check", str(sessions_dir), prelude=WHERE)
    assert result.returncode == 0, result.stderr
    assert f"FROM {folder}" in result.stdout
    assert (folder / "schuiftui" / "core" / "merge.py").is_file()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_a_folder_planted_by_another_user_never_runs(
    pyz: Path, home: Path, sessions_dir: Path
) -> None:
    assert run(pyz, "check", str(sessions_dir)).returncode == 0
    folder = unpacked_folder(home)
    main = folder / "schuiftui" / "__main__.py"
    planted = main.read_text(encoding="utf-8").replace('"""', '"""\nprint("PLANTED")', 1)
    main.write_text(planted[: main.stat().st_size], encoding="utf-8")  # the same size
    for path in [folder, *folder.rglob("*")]:
        os.lchown(path, 65534, 65534)  # nobody's now
    result = run(pyz, "check", str(sessions_dir))
    assert result.returncode == 0, result.stderr
    assert "PLANTED" not in result.stdout
    assert folder.stat().st_uid == os.getuid()  # unpacked again, as the user's own


def test_a_cache_folder_others_can_write_is_not_used(
    pyz: Path, home: Path, sessions_dir: Path
) -> None:
    cache = home / ".cache" / "schuiftui"
    cache.mkdir(parents=True)
    cache.chmod(0o777)
    result = run(pyz, "check", str(sessions_dir), prelude=WHERE)
    assert result.returncode == 0, result.stderr
    assert f"FROM {pyz}" in result.stdout  # from the archive itself
    assert list(cache.iterdir()) == []
