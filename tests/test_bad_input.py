"""Bad input never hangs or crashes: FIFOs, deep nesting, huge files, long names, symlinks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from schuiftui.__main__ import main
from schuiftui.core.storage import MAX_BYTES

from .conftest import EXAMPLES


def run(*args: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "schuiftui", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


def test_a_fifo_named_toml_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "2024-01-01.toml"
    os.mkfifo(fifo)
    for command in (["check", str(fifo)], ["show", str(fifo)]):
        result = run(*command)
        assert result.returncode == 1
        assert f"{fifo}: is geen gewoon bestand" in result.stdout + result.stderr


def test_nesting_deeper_than_python_allows_is_one_line_and_the_next_file_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "diep.toml"
    deep.write_text("formaat = 1\nx = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert main(["check", str(deep), str(EXAMPLES / "venlo" / "2020-02-12.toml")]) == 1
    assert capsys.readouterr().out.splitlines() == [f"{deep}: geen geldige TOML (te diep genest)"]


def test_a_file_larger_than_10_mb_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "groot.toml"
    with big.open("wb") as file:
        file.truncate(MAX_BYTES + 1)
    assert main(["show", str(big)]) == 1
    assert (
        capsys.readouterr().err == f"{big}: is 10 MB; een sessiebestand mag hoogstens 10 MB zijn\n"
    )


def test_a_name_longer_than_the_file_system_allows_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "x" * 300, "--dir", str(tmp_path), "--datum", "2024-01-01"]) == 1
    err = capsys.readouterr().err
    assert err.endswith(
        "2024-01-01.toml: kan niet opslaan (de naam is te lang voor het bestandssysteem)\n"
    )
    assert err.count("\n") == 1


def test_a_newline_in_a_gemeente_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "Oss\nWest", "--dir", str(tmp_path)]) == 2
    assert "moet één regel zijn" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_new_never_follows_a_symlink_out_of_the_sessions_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sessions, outside = tmp_path / "sessions", tmp_path / "buiten"
    (sessions / "oss").mkdir(parents=True)
    outside.mkdir()
    # A dangling link where the new session would go: the name is taken.
    (sessions / "oss" / "2024-01-01.toml").symlink_to(outside / "gevangen.toml")
    assert main(["new", "Oss", "--dir", str(sessions), "--datum", "2024-01-01"]) == 0
    assert capsys.readouterr().out == f"{sessions / 'oss' / '2024-01-01-2.toml'}\n"
    assert list(outside.iterdir()) == []
    # A gemeente folder that is a link to elsewhere is not written through.
    (sessions / "ede").symlink_to(outside, target_is_directory=True)
    assert main(["new", "Ede", "--dir", str(sessions), "--datum", "2024-01-01"]) == 1
    assert "buiten de map met sessies" in capsys.readouterr().err
    assert list(outside.iterdir()) == []


async def test_very_long_notes_are_loaded_on_request_and_never_lost(tmp_path: Path) -> None:
    from textual.widgets import TextArea

    from schuiftui.app import make_app
    from schuiftui.core.storage import load

    path = tmp_path / "oss" / "2024-01-01.toml"
    path.parent.mkdir()
    notes = "Een regel over de casus.\n" * 20_000  # 500,000 characters
    path.write_text(
        f'formaat = 1\n[sessie]\ngemeente = "Oss"\ndatum = 2024-01-01\n'
        f'[casus]\nnotities = """\n{notes}"""\n',
        encoding="utf-8",
    )
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        editor = app.screen.query_one("#notities", TextArea)
        assert editor.text == "" and editor.read_only  # not loaded: the keys stay quick
        assert "0.5 MB" in str(app.screen.query_one("#notities-hint").render())
        await pilot.press("up", "ctrl+s")  # a save before loading keeps the notes
        await pilot.pause()
        kept = load(path).casus.notities
        assert (len(kept), kept[-25:]) == (len(notes), notes[-25:])  # short, if it fails
        await pilot.press("c")
        await pilot.pause()
        assert (len(editor.text), editor.read_only) == (len(notes), False)
        editor.move_cursor(editor.document.end)
        await pilot.press(*"Slot.", "ctrl+s")
        await pilot.pause()
    saved = load(path).casus.notities
    assert (len(saved), saved[-30:]) == (len(notes) + 5, notes[-25:] + "Slot.")


async def test_an_unreadable_gemeente_folder_is_listed_with_its_problem(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import OptionList

    from schuiftui.app import make_app

    locked = sessions_dir / "venlo"
    real_access = os.access
    # Root may read every folder; a team member may not: pretend to be one.
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != locked and real_access(p, mode))
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 24)):
        option_list = app.screen.query_one(OptionList)
        rows = [
            str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)
        ]
    assert any(f"{locked}: map kan niet gelezen worden" in row for row in rows)


def test_saving_over_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    import datetime

    from schuiftui.core.session import new_session
    from schuiftui.core.storage import SessionError, save

    fifo = tmp_path / "2024-01-01.toml"
    os.mkfifo(fifo)  # the session file became a FIFO while it was open
    with pytest.raises(SessionError, match="is geen gewoon bestand"):
        save(new_session("Oss", datetime.date(2024, 1, 1)), fifo)
