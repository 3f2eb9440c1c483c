"""The compare screen: markers per session, the legend, the detail, following the files."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from textual.widgets import Static

from schuiftui.app import SchuifApp, make_app
from schuiftui.core.session import new_session
from schuiftui.core.storage import load, save
from schuiftui.screens.compare import CompareScreen
from schuiftui.screens.panel import PanelScreen
from schuiftui.widgets.overlay import Overlay
from schuiftui.widgets.slider import NAME_ROWS, POLE_ROWS

from .conftest import TODAY, record_notifications


def compare_app(*targets: Path) -> SchuifApp:
    return make_app(None, compare=list(targets), today=lambda: TODAY)


def letters_at(app: SchuifApp, slider_id: str, stand: int) -> str:
    """The letters on one overlay at one level, as drawn."""
    overlay = app.screen.query_one(f"#{slider_id}", Overlay)
    row = overlay.render_line(NAME_ROWS + POLE_ROWS + (5 - stand)).text
    return "".join(c for c in row if c.isalnum() or c == "+")


def text_of(app: SchuifApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def wait_for(pilot, condition, seconds: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    """Let the app run until `condition()` holds; False when it did not within `seconds`.

    The screen looks at the files once a second, so this waits on the app's
    own timer; `seconds` only bounds a hang.
    """
    for _ in range(int(seconds / 0.1)):
        if condition():
            return True
        await pilot.pause(0.1)
    return condition()


async def test_three_gemeenten_each_have_a_letter_on_every_slider(sessions_dir: Path) -> None:
    app = compare_app(sessions_dir)
    async with app.run_test(size=(80, 24)):
        assert isinstance(app.screen, CompareScreen)
        # Altena (latest round), Schiedam, Venlo: by their initials, A, S, V.
        legend = text_of(app, "#legend-text").splitlines()
        assert [line.split()[:3] for line in legend] == [
            ["A", "Altena", "2020-10-07"],
            ["S", "Schiedam", "2020-02-12"],
            ["V", "Venlo", "2020-02-12"],
        ]
        assert letters_at(app, "communicatie", -2) == "ASV"
        assert letters_at(app, "proces_met_bewoners", 5) == "S"
        assert letters_at(app, "proces_met_bewoners", 0) == "A"
        assert letters_at(app, "proces_binnen_gemeente", -3) == "SV"


async def test_focusing_a_slider_lists_every_stand_and_toelichting(sessions_dir: Path) -> None:
    app = compare_app(sessions_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        detail = text_of(app, "#compare-detail-text").splitlines()
        assert detail[0] == "Proces met bewoners  spreiding 0 … +5 (5 stappen)"
        assert detail[1].startswith("A  0  Er is nu één ingang voor signalen")
        assert detail[2].startswith("S +5  ")
        assert detail[3] == "V +1  Er is een budget voor bewonersinitiatieven."
        await pilot.press("l", "l", "l")
        await pilot.pause()
        assert text_of(app, "#compare-detail-text").splitlines()[0] == (
            "Communicatie  alle sessies op -2"
        )


async def test_two_rounds_of_one_gemeente(sessions_dir: Path) -> None:
    app = compare_app(sessions_dir / "altena")
    async with app.run_test(size=(80, 24)):
        assert letters_at(app, "proces_met_bewoners", -2) == "A"  # the first round
        assert letters_at(app, "proces_met_bewoners", 0) == "B"  # the second
        assert letters_at(app, "positionering_intern", 3) == "AB"


async def test_a_file_changed_on_disk_shows_up(sessions_dir: Path) -> None:
    app = compare_app(sessions_dir)
    venlo = sessions_dir / "venlo" / "2020-02-12.toml"
    async with app.run_test(size=(80, 24)) as pilot:
        assert letters_at(app, "communicatie", -2) == "ASV"
        session = load(venlo)
        session.sliders["communicatie"].stand = 3
        save(session, venlo)  # as a team on another connection would
        assert await wait_for(pilot, lambda: letters_at(app, "communicatie", 3) == "V")
        assert letters_at(app, "communicatie", -2) == "AS"
        assert "bijgewerkt" in str(app.screen.query_one("TitleBar").render())


async def test_a_new_round_in_a_compared_folder_appears(sessions_dir: Path) -> None:
    app = compare_app(sessions_dir / "altena")
    async with app.run_test(size=(80, 24)) as pilot:
        session = new_session("Altena", datetime.date(2021, 3, 3))
        session.sliders["bestuur_en_politiek"].stand = -5
        save(session, sessions_dir / "altena" / "2021-03-03.toml")
        assert await wait_for(pilot, lambda: letters_at(app, "bestuur_en_politiek", -5) == "C")
        assert text_of(app, "#legend-text").splitlines()[2].startswith("C Altena 2021-03-03")


async def test_twelve_sessions_fit_at_80x24(tmp_path: Path) -> None:
    folder = tmp_path / "werkplaats"
    for number in range(12):
        session = new_session(f"Gemeente {number + 1}", datetime.date(2024, 1, 1))
        session.sliders["communicatie"].stand = number % 3 - 1
        save(session, folder / f"gemeente-{number + 1}" / "2024-01-01.toml")
    app = compare_app(folder)
    async with app.run_test(size=(80, 24)):
        legend = app.screen.query_one("#legend-text", Static)
        assert len(text_of(app, "#legend-text").splitlines()) == 12
        assert legend.region.bottom <= 23  # above the key line
        # "Gemeente 7" is G7: what sets the names apart.
        marks = [line.split()[0] for line in text_of(app, "#legend-text").splitlines()]
        assert marks == ["G1", "G0", "Ge", "Gm", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9"]
        assert letters_at(app, "positionering_intern", 0) == "G1G0Ge+9"  # the rest counted


async def test_x_exports_markdown_and_svg_next_to_the_files(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = compare_app(sessions_dir / "altena")
    shown = record_notifications(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
    stem = sessions_dir / "altena" / "vergelijking-2020-02-12-2020-10-07"
    assert shown == [f"Verslag en plaat geschreven: {stem}.md · {stem}.svg"]
    assert (
        Path(f"{stem}.md").read_text(encoding="utf-8").startswith("# Schuifoefening: vergelijking")
    )
    assert Path(f"{stem}.svg").read_text(encoding="utf-8").startswith("<?xml")


async def test_marked_sessions_on_the_start_screen_are_compared(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        # Altena's first round (below its latest), then Venlo's only one (past Schiedam).
        await pilot.press("down", "space", "down", "down", "space")
        await pilot.pause()
        assert "2 gemarkeerd" in str(app.screen.query_one("#start-hint", Static).render())
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert [line.split()[:3] for line in text_of(app, "#legend-text").splitlines()] == [
            ["A", "Altena", "2020-02-12"],
            ["V", "Venlo", "2020-02-12"],
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)


async def test_v_on_the_start_screen_without_marks_compares_the_rounds(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")  # Altena's latest round is highlighted
        await pilot.pause()
        assert [line.split()[2] for line in text_of(app, "#legend-text").splitlines()] == [
            "2020-02-12",
            "2020-10-07",
        ]


async def test_v_on_the_panel_compares_with_the_previous_round_as_it_is_now(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir / "altena" / "2020-10-07.toml", today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end", "v")  # unsaved: positionering intern to +5
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert letters_at(app, "positionering_intern", 5) == "B"
        assert letters_at(app, "positionering_intern", 3) == "A"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
        assert app.screen.dirty


async def test_two_rounds_show_what_moved_on_the_screen(sessions_dir: Path) -> None:
    app = compare_app(sessions_dir / "altena")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # Proces met bewoners
        await pilot.pause()
        detail = text_of(app, "#compare-detail-text").splitlines()
        assert detail[0] == "Proces met bewoners  van -2 naar 0 (+2) sinds 2020-02-12"
        overlay = app.screen.query_one("#proces_met_bewoners", Overlay)
        assert overlay.render_line(overlay.size.height - 1).text.strip() == "+2"
        first = app.screen.query_one("#positionering_intern", Overlay)
        assert first.render_line(first.size.height - 1).text.strip() == "0"
