"""Each person's own placement: its own file, a panel with only the sliders, the compare screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schuiftui.__main__ import main
from schuiftui.app import make_app
from schuiftui.core.compare import compared
from schuiftui.core.placements import new_placement, start_placement
from schuiftui.core.storage import load, save
from schuiftui.screens.compare import CompareScreen
from schuiftui.screens.dialogs.session import NameDialog
from schuiftui.screens.panel import PanelScreen
from schuiftui.widgets.overlay import Overlay

from .conftest import TODAY

LATEST = Path("altena") / "2020-10-07.toml"
EXAMPLE = Path(__file__).resolve().parent.parent / "sessions" / LATEST


def test_invullen_files_a_placement_next_to_the_team_session(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["invullen", str(sessions_dir / "altena"), "--naam", "Anna"]) == 0
    path = sessions_dir / "altena" / "2020-10-07" / "anna.toml"
    assert capsys.readouterr().out == f"{path}\n"
    assert not path.parent.exists()  # nothing placed, nothing written: no phantom person
    placement, _ = start_placement(sessions_dir / LATEST, "Anna")
    path.parent.mkdir()
    save(placement, path)
    placement = load(path)
    assert (placement.gemeente, placement.ingevuld_door) == ("Altena", "Anna")
    assert set(placement.stands().values()) == {0}  # placed alone, from the middle
    text = path.read_text(encoding="utf-8")
    assert "[casus]" not in text and "[[agenda]]" not in text
    # The same person again: the same file, as it is.
    placement.sliders["communicatie"].stand = 4
    save(placement, path)
    assert main(["invullen", str(sessions_dir / LATEST), "--naam", "anna"]) == 0
    assert load(path).sliders["communicatie"].stand == 4


def test_anonymous_placements_get_numbers(sessions_dir: Path) -> None:
    team = sessions_dir / LATEST
    first = start_placement(team, None)
    first[1].parent.mkdir()
    save(*first)
    second = start_placement(team, None)
    assert [path.name for _, path in (first, second)] == ["persoon-1.toml", "persoon-2.toml"]
    assert [session.ingevuld_door for session, _ in (first, second)] == ["1", "2"]


def test_invullen_refuses_a_name_with_control_characters_or_too_long(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["invullen", str(sessions_dir / LATEST), "--naam", "an\x1bna"]) == 2
    assert "ongeldige naam" in capsys.readouterr().err
    assert main(["invullen", str(sessions_dir / LATEST), "--naam", "x" * 65]) == 2
    assert "hoogstens 64 tekens" in capsys.readouterr().err
    assert not (sessions_dir / "altena" / "2020-10-07").exists()


def test_different_names_never_share_a_file_and_the_same_name_finds_its_own(
    sessions_dir: Path,
) -> None:
    team = sessions_dir / LATEST
    files = {}
    for naam in ("Jose", "José", "Persoon 1", "anna-bakker", "Anna Bakker", "../..", "李", "1"):
        session, path = start_placement(team, None if naam == "1" else naam)
        assert path.parent == team.with_suffix("")  # never outside the placements folder
        path.parent.mkdir(exist_ok=True)
        save(session, path)
        files[naam] = path
    assert len(set(files.values())) == len(files)
    assert files["Jose"].name == "jose.toml"
    assert files["1"].name == "persoon-1.toml"  # "Persoon 1" did not take the anonymous file
    assert load(files["Persoon 1"]).ingevuld_door == "Persoon 1"
    # The same person, typed another way, gets back their own file.
    assert start_placement(team, "  josé ")[1] == files["José"]
    assert start_placement(team, "ANNA   BAKKER")[1] == files["Anna Bakker"]


@given(
    st.lists(st.text(min_size=1, max_size=64).filter(lambda t: t.strip()), min_size=2, max_size=6)
)
@settings(max_examples=60, deadline=None)
def test_placement_files_are_one_per_person(names: list[str]) -> None:
    """Whatever names people type: one file per person, inside the folder, and
    two names share a file only when they are the same name but for case and
    spaces."""
    import tempfile

    from schuiftui.core.placements import clean_name, placement_for, same_person

    with tempfile.TemporaryDirectory() as scratch:
        team = Path(scratch) / "gemeente" / "2026-01-01.toml"
        team.parent.mkdir()
        save(load(EXAMPLE), team)
        seen: list[tuple[str, Path]] = []
        for naam in names:
            try:
                cleaned = clean_name(naam)
            except ValueError:
                continue  # refused with a message (control characters)
            placement = placement_for(team, naam)
            assert placement.path.parent == team.with_suffix("")
            assert placement.path.name.endswith(".toml") and "/" not in placement.path.name
            for other, path in seen:
                assert (path == placement.path) == same_person(other, cleaned)
            if not any(same_person(other, cleaned) for other, _ in seen):
                session = new_placement(load(team), placement.naam)
                placement.path.parent.mkdir(exist_ok=True)
                save(session, placement.path)
                seen.append((cleaned, placement.path))


async def test_leaving_a_placement_without_placing_writes_nothing(sessions_dir: Path) -> None:
    from schuiftui.core.placements import start_placement as start

    session, path = start(sessions_dir / LATEST, "Anna")
    app = make_app(path, session=session, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not path.parent.exists()
    app = make_app(path, session=session, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert load(path).sliders["positionering_intern"].stand == 1


def test_invullen_needs_a_session(sessions_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["invullen", str(sessions_dir / "nergens")]) == 1
    assert "geen sessiebestand" in capsys.readouterr().err


def test_people_are_lettered_by_initial_and_the_team_is_t(sessions_dir: Path) -> None:
    team = load(sessions_dir / LATEST)
    people = [new_placement(team, naam) for naam in ("Anna", "Bas", "Bert", "Tom", "3")]
    letters = [item.letter for item in compared([(team, None)] + [(p, None) for p in people])]
    assert letters == ["T", "A", "Ba", "Be", "To", "3"]  # two letters where one is ambiguous


async def test_a_placement_is_made_from_the_start_screen_and_has_only_sliders(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, NameDialog)
        await pilot.press(*"Anna", "enter")
        await pilot.pause()
        panel = app.screen
        assert isinstance(panel, PanelScreen)
        assert "Eigen plaatsing van Anna" in panel.query_one("TitleBar").title
        await pilot.press("c", "a", "o")  # no casus, agenda or organogram here
        await pilot.press("up", "up", "ctrl+s")
        await pilot.pause()
        assert not panel.query("#agenda") and not panel.query("#notities")
    placement = load(sessions_dir / "altena" / "2020-10-07" / "anna.toml")
    assert placement.sliders["positionering_intern"].stand == 2
    assert load(sessions_dir / LATEST).sliders["positionering_intern"].stand == 3  # the team's


def placed(sessions_dir: Path, naam: str, stand: int) -> None:
    session, path = start_placement(sessions_dir / LATEST, naam)
    path.parent.mkdir(exist_ok=True)
    session.sliders["positionering_intern"].stand = stand
    session.sliders["positionering_intern"].toelichting = f"Zegt {naam}."
    save(session, path)


async def test_the_compare_screen_shows_each_placement_and_sets_the_team_stand(
    sessions_dir: Path,
) -> None:
    placed(sessions_dir, "Anna", 2)
    placed(sessions_dir, "Bas", -3)
    app = make_app(None, compare=[sessions_dir / LATEST], today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (
            "Eigen plaatsingen: Altena 2020-10-07, 2 personen" in screen.query_one("TitleBar").title
        )
        markers = screen.query_one("#positionering_intern", Overlay).markers
        assert [(m.letter, m.stand) for m in markers] == [("T", 3), ("A", 2), ("B", -3)]
        detail = str(screen.query_one("#compare-detail-text").render())
        # The spread is the people's; the team's stand is said apart.
        assert "spreiding -3 … +2 (5 stappen) · mediaan -0,5 · teamstand +3" in detail
        assert "A +2  Anna: Zegt Anna." in detail
        await pilot.press("minus", "minus")  # the team agrees on +1
        await pilot.pause()
        markers = screen.query_one("#positionering_intern", Overlay).markers
        assert markers[0].stand == 1
    assert load(sessions_dir / LATEST).sliders["positionering_intern"].stand == 1
    assert (
        load(sessions_dir / "altena" / "2020-10-07" / "anna.toml").stands()["positionering_intern"]
        == 2
    )


async def test_p_without_placements_opens_the_screen_that_waits_for_them(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        detail = str(app.screen.query_one("#compare-detail-text").render())
        assert "Nog geen eigen plaatsingen: ze verschijnen hier zodra iemand opslaat." in detail


async def test_the_start_screen_shows_a_team_stand_set_on_the_compare_screen(
    sessions_dir: Path,
) -> None:
    from .test_start import shown_rows

    placed(sessions_dir, "Anna", 2)
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("minus", "escape")
        await pilot.pause()
        assert " ".join(shown_rows(app)[1].split()).startswith("2020-10-07 Terugkomdag")
        assert "+2↓" in shown_rows(app)[1]


async def test_the_compare_screen_picks_up_placements_saved_after_it_opened(
    sessions_dir: Path,
) -> None:
    app = make_app(None, compare=[sessions_dir / LATEST], today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert "Nog geen eigen plaatsingen" in str(
            screen.query_one("#compare-detail-text").render()
        )
        placed(sessions_dir, "Anna", -3)
        placed(sessions_dir, "Bas", -1)
        screen.poll()
        await app.workers.wait_for_complete()
        await pilot.pause()
        markers = screen.query_one("#positionering_intern", Overlay).markers
        assert [(m.letter, m.stand) for m in markers] == [("T", 3), ("A", -3), ("B", -1)]
        detail = str(screen.query_one("#compare-detail-text").render())
        assert "spreiding -3 … -1 (2 stappen) · mediaan -2 · teamstand +3" in detail


def test_compare_in_a_pipe_spreads_the_people_and_says_the_team_apart(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    placed(sessions_dir, "Anna", -3)
    placed(sessions_dir, "Bas", -2)
    placed(sessions_dir, "Cor", -1)
    assert main(["compare", str(sessions_dir / LATEST)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Vergelijking van 3 plaatsingen\n")
    line = next(line for line in out.splitlines() if "Positionering intern" in line and "…" in line)
    assert line.split()[2:5] == ["-3", "…", "-1"]
    assert "mediaan -2 · teamstand +3" in line


def test_a_placement_in_a_later_round_starts_from_the_persons_own_before(
    sessions_dir: Path,
) -> None:
    first = sessions_dir / "altena" / "2020-02-12.toml"
    session, path = start_placement(first, "Anna")
    session.sliders["communicatie"].stand = -4
    path.parent.mkdir()
    save(session, path)
    later, later_path = start_placement(sessions_dir / LATEST, "anna")
    assert later_path.parent == (sessions_dir / LATEST).with_suffix("")
    assert later.sliders["communicatie"].stand == -4
    assert later.datum == load(sessions_dir / LATEST).datum
    assert start_placement(sessions_dir / LATEST, "Bas")[0].sliders["communicatie"].stand == 0


async def test_the_team_takes_the_median_adjusts_undoes_and_borrows_a_toelichting(
    sessions_dir: Path,
) -> None:
    from schuiftui.screens.dialogs.text import PickTextDialog, ToelichtingDialog

    placed(sessions_dir, "Anna", -3)  # positionering_intern; the team's stand is +3
    placed(sessions_dir, "Bas", -1)
    placed(sessions_dir, "Cor", -2)
    team = sessions_dir / LATEST
    shown: list[str] = []
    app = make_app(None, compare=[team], today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **_: shown.append(message)  # type: ignore[method-assign]
        await pilot.press("enter")  # the median, -2, becomes the team's stand
        await pilot.pause()
        assert load(team).sliders["positionering_intern"].stand == -2
        assert shown[-1].startswith("Positionering intern gaat van +3 naar -2. Waarom?")
        await pilot.press("plus")
        await pilot.pause()
        assert load(team).sliders["positionering_intern"].stand == -1
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert load(team).sliders["positionering_intern"].stand == 3  # both taken back

        await pilot.press("t")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickTextDialog)
        options = picker.query_one("OptionList")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts[1:] == ["Anna: Zegt Anna.", "Bas: Zegt Bas.", "Cor: Zegt Cor."]
        await pilot.press("down", "down", "enter")  # Bas's
        await pilot.pause()
        assert isinstance(app.screen, ToelichtingDialog)
        await pilot.press("end", *" En het team.", "escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
    assert load(team).sliders["positionering_intern"].toelichting == "Zegt Bas. En het team."


async def test_the_facilitator_removes_a_placement_and_brings_it_back(sessions_dir: Path) -> None:
    from schuiftui.screens.dialogs.choices import ConfirmDialog
    from schuiftui.screens.dialogs.text import PickTextDialog

    placed(sessions_dir, "Anna", -3)
    placed(sessions_dir, "Bas", -1)
    team = sessions_dir / LATEST
    bas = team.with_suffix("") / "bas.toml"
    app = make_app(None, compare=[team], today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, PickTextDialog)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "De plaatsing van Bas naar de prullenbak" in str(
            app.screen.query_one("#question").render()
        )
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not bas.exists()
        assert (sessions_dir / ".prullenbak" / "altena" / "2020-10-07" / "bas.toml").is_file()
        markers = screen.query_one("#positionering_intern", Overlay).markers
        assert [m.letter for m in markers] == ["T", "A"]
        await pilot.press("u")
        await pilot.pause()
        assert load(bas).ingevuld_door == "Bas"
        markers = screen.query_one("#positionering_intern", Overlay).markers
        assert [m.letter for m in markers] == ["T", "A", "B"]


async def test_removing_a_team_session_takes_its_placements_along(sessions_dir: Path) -> None:
    from schuiftui.screens.dialogs.choices import ConfirmDialog

    placed(sessions_dir, "Anna", -3)
    team = sessions_dir / LATEST
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")  # the highlighted row: Altena's latest round
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        trash = sessions_dir / ".prullenbak" / "altena"
        assert not team.exists() and not team.with_suffix("").exists()
        assert (trash / "2020-10-07" / "anna.toml").is_file()
        await pilot.press("u")
        await pilot.pause()
    assert load(team.with_suffix("") / "anna.toml").ingevuld_door == "Anna"
