"""Each person's own placement: its own file, a panel with only the sliders, the compare screen."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def test_invullen_files_a_placement_next_to_the_team_session(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["invullen", str(sessions_dir / "altena"), "--naam", "Anna"]) == 0
    path = sessions_dir / "altena" / "2020-10-07" / "anna.toml"
    assert capsys.readouterr().out == f"{path}\n"
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
    second = start_placement(team, None)
    assert [path.name for _, path in (first, second)] == ["persoon-1.toml", "persoon-2.toml"]
    assert [session.ingevuld_door for session, _ in (first, second)] == ["1", "2"]


def test_invullen_refuses_a_name_without_letters(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["invullen", str(sessions_dir / LATEST), "--naam", "../.."]) == 2
    assert "ongeldige naam" in capsys.readouterr().err
    assert not (sessions_dir / "altena" / "2020-10-07").exists()


def test_invullen_needs_a_session(sessions_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["invullen", str(sessions_dir / "nergens")]) == 1
    assert "geen sessiebestand" in capsys.readouterr().err


def test_people_are_lettered_by_initial_and_the_team_is_t(sessions_dir: Path) -> None:
    team = load(sessions_dir / LATEST)
    people = [new_placement(team, naam) for naam in ("Anna", "Bas", "Bert", "Tom", "3")]
    letters = [item.letter for item in compared([(team, None)] + [(p, None) for p in people])]
    assert letters == ["T", "A", "B", "E", "O", "3"]


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
        assert "spreiding -3 … +3 (6 stappen)" in detail
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


async def test_p_without_placements_says_how_to_make_one(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    shown: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **_: shown.append(message)  # type: ignore[method-assign]
        await pilot.press("p")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)
    assert shown == ["2020-10-07.toml heeft nog geen eigen plaatsingen; i om er een te beginnen."]


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
