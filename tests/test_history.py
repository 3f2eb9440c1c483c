"""Every round of one gemeente: from a folder, from git; as text, CSV, JSON and Markdown."""

from __future__ import annotations

import csv
import datetime
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from schuiftui.__main__ import main
from schuiftui.core.history import folder_history

from .conftest import EXAMPLES

CSV_HEADER = [
    "datum",
    "titel",
    "positionering_intern",
    "proces_met_bewoners",
    "proces_binnen_gemeente",
    "bestuur_en_politiek",
    "communicatie",
]


def write_round(folder: Path, name: str, datum: str, communicatie: int, titel: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(
        f'formaat = 1\n[sessie]\ngemeente = "Zaanstad"\ndatum = {datum}\ntitel = "{titel}"\n'
        f"[schuiven.communicatie]\nstand = {communicatie}\n",
        encoding="utf-8",
    )


def test_rounds_are_in_date_order_with_the_change_since_the_one_before(tmp_path: Path) -> None:
    folder = tmp_path / "zaanstad"
    write_round(folder, "2024-05-01.toml", "2024-05-01", 1, "derde")
    write_round(folder, "2023-01-10.toml", "2023-01-10", -3, "eerste")
    write_round(folder, "2024-03-01-2.toml", "2024-03-01", 2, "tweede, later")
    write_round(folder, "2024-03-01.toml", "2024-03-01", 0, "tweede")
    history = folder_history(folder)
    assert [row.titel for row in history.rows] == ["eerste", "tweede", "tweede, later", "derde"]
    assert [row.changes["communicatie"] for row in history.rows] == [None, 3, 2, -1]
    assert history.trend("communicatie") == [-3, 0, 2, 1]
    assert history.gemeente == "Zaanstad"


def test_history_csv_has_a_header_and_one_row_per_session(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["history", str(EXAMPLES / "altena"), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == CSV_HEADER
    assert rows[1:] == [
        ["2020-02-12", "Werkplaats 2", "3", "-2", "-4", "4", "-2"],
        ["2020-10-07", "Terugkomdag met het hele team", "3", "0", "-2", "4", "-2"],
    ]


def test_history_text_shows_stands_changes_and_trends(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(EXAMPLES / "altena")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Altena: 2 rondes"
    assert lines[4].split() == ["2020-02-12", "+3", "-2", "-4", "+4", "-2", "Werkplaats", "2"]
    assert lines[5].split()[:8] == ["2020-10-07", "+3", "0", "(+2)", "-2", "(+2)", "+4", "-2"]
    assert "  Proces met bewoners     -2 -> 0    ▃▅" in lines


def test_history_json_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(EXAMPLES / "altena"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["datum"] for r in data["rondes"]] == ["2020-02-12", "2020-10-07"]
    assert data["rondes"][1]["schuiven"]["proces_met_bewoners"] == {"stand": 0, "verschil": 2}
    assert data["rondes"][0]["schuiven"]["communicatie"] == {"stand": -2, "verschil": None}
    assert main(["history", str(EXAMPLES / "altena"), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "| 2020-10-07 | Terugkomdag met het hele team | +3 | 0 (+2) | -2 (+2) | +4 | -2 |" in out


def test_a_session_file_means_its_gemeente(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(EXAMPLES / "altena" / "2020-02-12.toml"), "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_the_sessions_folder_asks_for_one_gemeente(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(EXAMPLES)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{EXAMPLES} is een map met gemeenten; kies er één, bijvoorbeeld ")
    assert str(EXAMPLES / "altena") in err


def test_unreadable_rounds_are_named_and_the_rest_is_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "zaanstad"
    write_round(folder, "2023-01-10.toml", "2023-01-10", -3)
    (folder / "2024-01-10.toml").write_text("formaat = 1\n[sessie\n", encoding="utf-8")
    assert main(["history", str(folder), "--format", "csv"]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{folder / '2024-01-10.toml'}:2: geen geldige TOML")
    assert len(captured.out.splitlines()) == 2


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True)
    return result.stdout


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository holding a copy of the example sessions, committed once."""
    folder = tmp_path / "werkplaats"
    shutil.copytree(EXAMPLES, folder / "sessions")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "config", "user.email", "team@example.org")
    git(folder, "config", "user.name", "Team")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "Eerste ronde")
    return folder


def test_history_from_git_has_one_row_per_commit(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = repository / "sessions" / "venlo" / "2020-02-12.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('stand = -2\ntoelichting = "Niet', 'stand = 1\ntoelichting = "Niet'),
        encoding="utf-8",
    )
    git(repository, "commit", "-q", "-am", "Communicatie per wijk")
    git(repository, "mv", "sessions/venlo/2020-02-12.toml", "sessions/venlo/2021-01-01.toml")
    git(repository, "commit", "-q", "-m", "Andere naam")
    moved = repository / "sessions" / "venlo" / "2021-01-01.toml"
    assert main(["history", "--git", str(moved), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rondes"]
    assert [row["titel"] for row in rows] == [
        "Eerste ronde",
        "Communicatie per wijk",
        "Andere naam",
    ]
    assert [row["schuiven"]["communicatie"]["stand"] for row in rows] == [-2, 1, 1]
    assert rows[1]["schuiven"]["communicatie"]["verschil"] == 3
    assert all(len(row["commit"]) == 40 for row in rows)


def test_history_from_git_outside_a_repository_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "2020-02-12.toml"
    shutil.copy(EXAMPLES / "venlo" / "2020-02-12.toml", path)
    assert main(["history", "--git", str(path)]) == 1
    assert (
        capsys.readouterr().err == f"{path}: is geen git-repository (git init of git clone eerst)\n"
    )


def test_history_from_git_follows_a_name_with_accents(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = repository / "sessies-súdwest"
    (repository / "sessions" / "venlo").rename(folder)
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "Andere map")
    assert main(["history", "--git", str(folder / "2020-02-12.toml"), "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3  # header, two commits


def set_stand(path: Path, slider: str, stand: int) -> None:
    from schuiftui.core.storage import load, save

    session = load(path)
    session.sliders[slider].stand = stand
    save(session, path)


def test_history_from_git_follows_the_branch_as_it_was_through_a_merge(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = repository / "sessions" / "venlo" / "2020-02-12.toml"
    git(repository, "checkout", "-q", "-b", "werkgroep")
    set_stand(path, "communicatie", 4)
    git(repository, "commit", "-q", "-am", "Werkgroep: communicatie per wijk")
    git(repository, "checkout", "-q", "main")
    set_stand(path, "positionering_intern", 5)
    git(repository, "commit", "-q", "-am", "Team: eigen budget")
    git(repository, "merge", "-q", "--no-edit", "-m", "Werkgroep samengevoegd", "werkgroep")
    assert main(["history", "--git", str(path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rondes"]
    # The states main really had: the branch's own commit is no state of main.
    assert [row["titel"] for row in rows] == [
        "Eerste ronde",
        "Team: eigen budget",
        "Werkgroep samengevoegd",
    ]
    assert [row["schuiven"]["communicatie"]["stand"] for row in rows] == [-2, -2, 4]
    assert [row["schuiven"]["positionering_intern"]["stand"] for row in rows] == [-2, 5, 5]


def test_history_from_git_reads_a_symlinked_session_and_a_name_git_would_quote(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = repository / "sessions" / 'venlo "oud"\tmap'
    (repository / "sessions" / "venlo").rename(odd)
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "Vreemde naam")
    set_stand(odd / "2020-02-12.toml", "communicatie", 1)
    git(repository, "commit", "-q", "-am", "Communicatie per wijk")
    link = repository / "venlo.toml"
    link.symlink_to(odd / "2020-02-12.toml")
    assert main(["history", "--git", str(link), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rondes"]
    assert [row["schuiven"]["communicatie"]["stand"] for row in rows] == [-2, -2, 1]


def test_history_from_git_shows_each_rows_session_date_next_to_the_commit_date(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = repository / "sessions" / "venlo" / "2020-02-12.toml"
    set_stand(path, "communicatie", 1)
    git(repository, "commit", "-q", "-am", "Communicatie per wijk")
    assert main(["history", "--git", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    today = datetime.date.today().isoformat()
    assert any(line.startswith("Commit     Sessie") for line in lines)
    rows = [line for line in lines if line.startswith(today)]
    assert len(rows) == 2 and all(row.startswith(f"{today} 2020-02-12 ") for row in rows)
    assert main(["history", "--git", str(path), "--format", "csv"]) == 0
    csv_lines = capsys.readouterr().out.splitlines()
    assert csv_lines[0].startswith("datum,titel,") and csv_lines[0].endswith(",sessiedatum")
    assert csv_lines[1].endswith(",2020-02-12")
    assert main(["history", "--git", str(path), "--format", "json"]) == 0
    assert [r["sessiedatum"] for r in json.loads(capsys.readouterr().out)["rondes"]] == [
        "2020-02-12",
        "2020-02-12",
    ]
