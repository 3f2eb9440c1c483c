"""`git-setup`: git diff names the category of every moved slider; running it twice is harmless."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from schuiftui.__main__ import main
from schuiftui.core.session import AgendaItem, Session
from schuiftui.core.storage import load, save

from .conftest import EXAMPLES


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True)
    return result.stdout


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with the example sessions committed, as the current directory."""
    folder = tmp_path / "werkplaats"
    shutil.copytree(EXAMPLES, folder / "sessions")
    (folder / "sessions" / ".gitattributes").unlink()  # as a team's own folder would start
    git(folder, "init", "-q", "-b", "main")
    git(folder, "config", "user.email", "team@example.org")
    git(folder, "config", "user.name", "Team")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "Eerste ronde")
    monkeypatch.chdir(folder)
    return folder


def move_communicatie(path: Path, stand: int) -> None:
    text = path.read_text(encoding="utf-8")
    marker = "[schuiven.communicatie]  # Communicatie\nstand = -2\n"
    assert marker in text
    path.write_text(text.replace(marker, marker.replace("-2", str(stand))), encoding="utf-8")


def test_git_diff_names_the_moved_slider_with_old_and_new_stand(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["git-setup"]) == 0
    assert "git diff en git log -p tonen sessies nu per schuif" in capsys.readouterr().out
    move_communicatie(repository / "sessions" / "venlo" / "2020-02-12.toml", 1)
    shown = git(repository, "diff")
    assert "\n-Communicatie: -2\n+Communicatie: +1\n" in shown
    assert "stand = " not in shown  # the raw TOML lines are replaced by named ones
    git(repository, "commit", "-q", "-am", "Communicatie per wijk")
    assert "\n+Communicatie: +1\n" in git(repository, "log", "-p", "-1")


def test_git_setup_is_idempotent(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["git-setup"]) == 0
    assert main(["git-setup"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("Alles stond al goed")
    attributes = (repository / "sessions" / ".gitattributes").read_text(encoding="utf-8")
    assert attributes == "*.toml diff=schuiftui merge=schuiftui\n"
    assert git(repository, "config", "--get-all", "diff.schuiftui.textconv").count("\n") == 1
    assert git(repository, "config", "--get-all", "merge.schuiftui.driver").endswith(
        "git-merge %O %A %B %P\n"
    )


def test_an_earlier_rule_is_replaced_not_repeated(repository: Path) -> None:
    attributes = repository / "sessions" / ".gitattributes"
    attributes.write_text("# eigen regel\n*.toml diff=schuiftui\n", encoding="utf-8")
    assert main(["git-setup"]) == 0
    assert attributes.read_text(encoding="utf-8") == (
        "# eigen regel\n*.toml diff=schuiftui merge=schuiftui\n"
    )


def test_a_file_that_is_no_session_still_diffs(repository: Path) -> None:
    assert main(["git-setup"]) == 0
    path = repository / "sessions" / "venlo" / "2020-02-12.toml"
    path.write_text("<<<<<<< HEAD\nstand = 1\n", encoding="utf-8")
    shown = git(repository, "diff")
    assert "+<<<<<<< HEAD\n+stand = 1\n" in shown


def test_outside_a_repository_it_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sessions").mkdir()
    assert main(["git-setup", "--dir", str(tmp_path / "sessions")]) == 1
    assert "is geen git-repository" in capsys.readouterr().err
    assert not (tmp_path / "sessions" / ".gitattributes").exists()


def test_the_bundled_sessions_carry_the_rule() -> None:
    lines = (EXAMPLES / ".gitattributes").read_text(encoding="utf-8").splitlines()
    assert "*.toml diff=schuiftui merge=schuiftui" in lines


def test_a_different_textconv_is_replaced_only_saying_so(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repository, "config", "diff.schuiftui.textconv", "iets-anders")
    assert main(["git-setup"]) == 0
    out = capsys.readouterr().out
    assert "diff.schuiftui.textconv was 'iets-anders'; nu " in out


def test_a_symlinked_gitattributes_is_never_written_through(
    repository: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.write_text("# niet van ons\n", encoding="utf-8")
    (repository / "sessions" / ".gitattributes").symlink_to(elsewhere)
    assert main(["git-setup"]) == 1
    assert "symbolische link" in capsys.readouterr().err
    assert elsewhere.read_text(encoding="utf-8") == "# niet van ons\n"


# git merge: sessions merged as sessions


def on_branch(repository: Path, branch: str, start: str, change: Callable[[Session], None]) -> None:
    """Commit `change` to Venlo's session on a new branch `branch` made from `start`."""
    git(repository, "checkout", "-q", "-b", branch, start)
    path = repository / "sessions" / "venlo" / "2020-02-12.toml"
    session = load(path)
    change(session)
    save(session, path)
    git(repository, "commit", "-q", "-am", branch)


def test_two_people_who_each_add_an_action_and_move_different_sliders_merge_cleanly(
    repository: Path,
) -> None:
    assert main(["git-setup"]) == 0
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "git-setup")

    def anna(session: Session) -> None:
        session.sliders["communicatie"].stand = 3
        session.agenda.append(AgendaItem(id="a9", tekst="Bewonersavond plannen"))

    def bert(session: Session) -> None:
        session.sliders["positionering_intern"].stand = -4
        session.sliders["positionering_intern"].toelichting = "Sectoraal, zegt Bert."
        session.agenda.append(AgendaItem(id="a9", tekst="Wethouder uitnodigen"))

    on_branch(repository, "anna", "main", anna)
    on_branch(repository, "bert", "main", bert)
    merged = subprocess.run(
        ["git", "merge", "-q", "--no-edit", "anna"], cwd=repository, capture_output=True, text=True
    )
    assert merged.returncode == 0, merged.stdout + merged.stderr
    session = load(repository / "sessions" / "venlo" / "2020-02-12.toml")
    assert session.sliders["communicatie"].stand == 3
    assert session.sliders["positionering_intern"].stand == -4
    assert session.sliders["positionering_intern"].toelichting == "Sectoraal, zegt Bert."
    added = [
        item
        for item in session.agenda
        if item.tekst in ("Bewonersavond plannen", "Wethouder uitnodigen")
    ]
    assert len(added) == 2 and len({item.id for item in session.agenda}) == len(session.agenda)
    assert main(["check", "sessions"]) == 0


def test_both_changing_the_same_stand_keeps_gits_conflict(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["git-setup"]) == 0
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "git-setup")
    on_branch(repository, "anna", "main", lambda s: setattr(s.sliders["communicatie"], "stand", 3))
    on_branch(repository, "bert", "main", lambda s: setattr(s.sliders["communicatie"], "stand", -4))
    merged = subprocess.run(["git", "merge", "-q", "anna"], cwd=repository, capture_output=True)
    assert merged.returncode != 0
    text = (repository / "sessions" / "venlo" / "2020-02-12.toml").read_text(encoding="utf-8")
    assert "<<<<<<< ours\nstand = -4\n=======\nstand = 3\n>>>>>>> theirs\n" in text


async def until(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    """Let the app run until `condition` holds (a worker waiting on a dialog never completes)."""
    for _ in range(200):
        if condition():
            return
        await pilot.pause()
    raise AssertionError("the app never got there")


@pytest.fixture
def conflicted(repository: Path) -> Path:
    """Venlo's session after a merge in which both branches moved Communicatie, and
    each changed something else too."""
    assert main(["git-setup"]) == 0
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "git-setup")

    def anna(session: Session) -> None:
        session.sliders["communicatie"].stand = 3
        session.casus.titel = "Buurthuis De Brug"

    def bert(session: Session) -> None:
        session.sliders["communicatie"].stand = -4
        session.sliders["positionering_intern"].stand = -5

    on_branch(repository, "anna", "main", anna)
    on_branch(repository, "bert", "main", bert)
    subprocess.run(["git", "merge", "-q", "anna"], cwd=repository, capture_output=True)
    return repository / "sessions" / "venlo" / "2020-02-12.toml"


def test_check_names_a_git_conflict_with_its_lines_and_values(
    conflicted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(conflicted)]) == 1
    err = capsys.readouterr()
    said = (err.out + err.err).strip()
    first = next(
        number
        for number, line in enumerate(conflicted.read_text().splitlines(), 1)
        if line.startswith("<<<<<<<")
    )
    assert f"{conflicted}:{first}: een git-merge die nog niet af is" in said
    assert "schuiven.communicatie.stand" in said


async def test_the_app_finishes_a_git_merge_value_by_value(conflicted: Path) -> None:
    from schuiftui.app import make_app
    from schuiftui.screens.dialogs.conflict import ConflictDialog
    from schuiftui.screens.panel import PanelScreen

    from .conftest import TODAY

    app = make_app(conflicted, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ConflictDialog))
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        assert dialog.dialog_title() == "Git-merge afmaken"
        line = str(dialog.query_one("#conflicts").get_option_at_index(0).prompt)
        assert line == "Communicatie (stand): deze tak -4 · andere tak +3  →  deze tak"
        await pilot.press("enter", "o")  # the other branch's +3, and save
        await until(pilot, lambda: isinstance(app.screen, PanelScreen))
        assert not app.screen.dirty
    session = load(conflicted)  # valid again: no markers
    assert session.sliders["communicatie"].stand == 3
    assert session.sliders["positionering_intern"].stand == -5  # bert's, merged
    assert session.casus.titel == "Buurthuis De Brug"  # anna's, merged
    assert "<<<<<<<" not in conflicted.read_text(encoding="utf-8")


async def test_the_start_screen_opens_a_conflicted_file_into_the_same_question(
    conflicted: Path,
) -> None:
    from schuiftui.app import make_app
    from schuiftui.screens.dialogs.conflict import ConflictDialog

    from .conftest import TODAY
    from .test_start import shown_rows

    app = make_app(conflicted.parent.parent, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        rows = shown_rows(app)
        index = next(i for i, row in enumerate(rows) if "git-merge die nog niet af is" in row)
        app.screen.query_one("OptionList").highlighted = index
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConflictDialog))
        await pilot.press("escape")  # not now: the file keeps its markers
        await until(pilot, lambda: app.screen.editor.read_only)
        await app.workers.wait_for_complete()
    assert "<<<<<<<" in conflicted.read_text(encoding="utf-8")
