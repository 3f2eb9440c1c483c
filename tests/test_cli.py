"""The command line: check, show, new; exit codes and messages."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest

from schuiftui import __version__
from schuiftui.__main__ import main
from schuiftui.core.storage import load

from .conftest import EXAMPLES


def test_check_passes_on_the_bundled_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EXAMPLES)]) == 0
    assert capsys.readouterr().out == "4 bestanden in orde\n"


def test_check_prints_one_line_per_problem_and_exits_1(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = sessions_dir / "venlo" / "2020-02-12.toml"
    bad.write_text(
        bad.read_text(encoding="utf-8").replace("stand = 3", "stand = 7"), encoding="utf-8"
    )
    broken = sessions_dir / "venlo" / "2021-01-01.toml"
    broken.write_text("formaat = \n", encoding="utf-8")
    assert main(["check", str(sessions_dir)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{bad}:30: schuiven.bestuur_en_politiek.stand: moet een geheel getal van -5 tot 5 zijn, niet 7",
        f"{broken}:1: geen geldige TOML: ongeldige waarde (tekst hoort tussen aanhalingstekens)",
    ]


def test_check_reports_missing_paths_and_empty_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "weg.toml"), str(tmp_path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{tmp_path / 'weg.toml'}: bestand bestaat niet",
        f"{tmp_path}: geen sessiebestanden gevonden",
    ]


def test_usage_errors_exit_2_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: schuiftui check")
    assert "schuiftui check: fout:" in err


def test_help_is_dutch_and_english_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "controleer sessiebestanden of mappen" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    assert "check session files or folders" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"schuiftui {__version__}\n"


def test_show_prints_chart_stands_casus_and_agenda(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(EXAMPLES / "altena" / "2020-02-12.toml")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out  # captured output is no terminal: no colour
    assert out.startswith("Altena — 2020-02-12 — Werkplaats 2\n")
    assert "1. Positionering intern: +3\n" in out
    assert "2. Proces met bewoners: -2\n" in out
    assert "Casus: Armoedepact in de kernen\n" in out
    assert (
        "[ ] Armoedepact gemeentebreed sluiten met de partners (korte termijn, sociaal domein)\n"
        in out
    )
    assert "  0  ───┼" not in out and "  0  ──" in out


def test_show_of_an_invalid_file_says_why_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.toml"
    path.write_text("formaat = 1\n", encoding="utf-8")
    assert main(["show", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"{path}: de tabel [sessie] ontbreekt\n"


def test_new_creates_a_middle_session_and_prints_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "Súdwest-Fryslân", "--datum", "2024-05-01", "--dir", str(tmp_path)]) == 0
    path = tmp_path / "sudwest-fryslan" / "2024-05-01.toml"
    assert capsys.readouterr().out == f"{path}\n"
    session = load(path)
    assert session.gemeente == "Súdwest-Fryslân"
    assert set(session.stands().values()) == {0}
    assert main(["new", "Súdwest-Fryslân", "--datum", "2024-05-01", "--dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'sudwest-fryslan' / '2024-05-01-2.toml'}\n"


def test_new_from_latest_copies_stands_and_open_agenda(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["new", "Altena", "--from-latest", "--datum", "2021-06-01", "--dir", str(sessions_dir)]
        )
        == 0
    )
    session = load(capsys.readouterr().out.strip())
    assert session.datum == datetime.date(2021, 6, 1)
    assert session.stands()["proces_met_bewoners"] == 0
    assert [item.id for item in session.agenda] == ["a2", "a4"]


def test_new_refuses_unusable_names_and_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "../..", "--dir", str(tmp_path)]) == 2
    assert "ongeldige gemeentenaam" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(SystemExit) as caught:
        main(["new", "Altena", "--datum", "2020-13-01", "--dir", str(tmp_path)])
    assert caught.value.code == 2
    assert "de datum '2020-13-01' bestaat niet" in capsys.readouterr().err


def test_python_dash_m_runs_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("formaat = 1\n[schuiven]\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    result = subprocess.run(
        [sys.executable, "-m", "schuiftui", "check", str(path)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout == f"{path}: de tabel [sessie] ontbreekt\n"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("check", "show", "new", "diff", "history", "compare", "export", "git-setup"):
        assert f"\n    {command} " in out


def test_a_mistyped_command_is_an_error_naming_the_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["shwo", "sessions/altena/2020-02-12.toml"])
    assert caught.value.code == 2
    err = capsys.readouterr().err.splitlines()[-1]
    assert err.startswith("schuiftui: fout: 'shwo' is geen opdracht van schuiftui; kies uit: ")
    assert "show, new, invullen, serve, diff, history" in err


@pytest.mark.parametrize(
    "argv, said",
    [
        (["new"], "schuiftui new: fout: dit ontbreekt nog: GEMEENTE"),
        (["new", "x", "--datum"], "schuiftui new: fout: --datum verwacht een waarde"),
        (["check", "x", "--bla"], "schuiftui: fout: deze argumenten ken ik niet: --bla"),
        (["--lang", "en", "new"], "schuiftui new: error: still missing: MUNICIPALITY"),
    ],
)
def test_argparse_errors_are_one_sentence_in_the_interface_language(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == said


def test_english_help_has_no_dutch_placeholders(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("new", "check", "invullen", "export"):
        with pytest.raises(SystemExit):
            main(["--lang", "en", command, "--help"])
        out = capsys.readouterr().out
        for dutch in ("PAD", "BESTAND", "MAP", "GEMEENTE", "JJJJ", "NAAM", "SESSIE", "OPDRACHT"):
            assert dutch not in out, (command, dutch)


@pytest.mark.parametrize("name", ["notes.txt", "nergens/"])
def test_a_path_that_is_no_session_and_no_folder_is_an_error(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("boodschappen", encoding="utf-8")
    assert main([name]) == 2
    err = capsys.readouterr().err
    assert err.startswith(name.rstrip("/") + ": ")
    assert "geen sessiebestand" in err or "bestaat niet" in err
