"""The start screen: sessions per gemeente, newest first; new session; new round."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from schuiftui.app import SchuifApp, make_app
from schuiftui.core.storage import load
from schuiftui.screens.dialogs.choices import QuitDialog
from schuiftui.screens.panel import PanelScreen
from schuiftui.screens.start import StartScreen

from .conftest import EXAMPLES, TODAY


def shown_rows(app: SchuifApp) -> list[str]:
    """The rows of the session list, as text."""
    option_list = app.screen.query_one(OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


def words(row: str) -> str:
    """A row with every run of spaces as one space."""
    return " ".join(row.split())


async def new_gemeente(pilot: Pilot[int], name: str) -> None:
    """Ask for a new gemeente on the start screen and type its name."""
    await pilot.press("n")
    await pilot.pause()
    await pilot.press(*name, "enter")
    await pilot.pause()


async def test_lists_sessions_per_gemeente_newest_first(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)):
        prompts = shown_rows(app)
    assert prompts[0] == "Altena"
    assert prompts[1].startswith("  2020-10-07  Terugkomdag")
    assert "  Terugkomdag met het hele …  " in prompts[1]  # a long title ends in "…"
    assert prompts[2].startswith("  2020-02-12  Werkplaats 2")
    assert "+3 -2 -4 +4 -2 3 open" in words(prompts[2])
    # The newer round marks what moved since: bewoners -2 -> 0, binnen -4 -> -2.
    assert "+3 0↑ -2↑ +4 -2 2 open" in words(prompts[1])
    assert [p for p in prompts if not p.startswith(" ")] == ["Altena", "Schiedam", "Venlo"]


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_each_column_of_stands_is_named_by_a_whole_word_over_it(
    sessions_dir: Path, lang: str
) -> None:
    """A newcomer reads "Bewoners" over its column at 80 columns, where "Bew" was a code."""
    from schuiftui.core.categories import CATEGORIES

    app = make_app(sessions_dir, lang=lang, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)):
        header = str(app.screen.query_one("#sessions-header").render()).splitlines()
        row = shown_rows(app)[2]  # Altena, Werkplaats 2: +3 -2 -4 +4 -2
    assert len(header) == 2
    assert all(len(line) <= 78 for line in header)  # inside an 80-column screen's padding
    stands = [row.index(stand) for stand in ("+3 ", "-2 ", "-4 ", "+4 ")]
    stands.append(row.index("-2 ", stands[3]))
    for category, column in zip(CATEGORIES, stands):
        word = category.word.get(lang)
        line = next(line for line in header if line[column:].startswith(word))
        # Whole: followed by a space or the end of the row, never by the next word.
        assert line[column + len(word) : column + len(word) + 1] in ("", " ")
    assert ("Datum" if lang == "nl" else "Date") in header[1]


async def test_enter_opens_the_highlighted_session(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
        assert app.screen.path == sessions_dir / "altena" / "2020-02-12.toml"


async def test_escape_on_a_slider_goes_back_to_the_sessions(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("c", "escape")  # from the notes back to the sliders
        assert isinstance(app.screen, PanelScreen)
        await pilot.press("escape")  # and from the sliders back to the list
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.screen.query_one(OptionList).highlighted == 2  # where it was


async def test_leaving_with_unsaved_changes_asks_and_the_list_shows_what_was_saved(
    sessions_dir: Path,
) -> None:
    path = sessions_dir / "altena" / "2020-02-12.toml"
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("up", "escape")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("escape")  # cancel: stay with the session
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("o")  # save
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "+4 -2 -4 +4 -2" in words(shown_rows(app)[2])
    assert load(path).sliders["positionering_intern"].stand == 4


async def test_escape_stays_on_a_session_opened_directly(altena: Path) -> None:
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)


async def test_new_round_copies_stands_and_open_items_into_a_file_dated_today(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")  # asks the date: today, as it stands
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
    path = sessions_dir / "altena" / f"{TODAY.isoformat()}.toml"
    session = load(path)
    previous = load(sessions_dir / "altena" / "2020-10-07.toml")
    assert session.stands() == previous.stands()
    assert session.casus == previous.casus
    assert [item.id for item in session.agenda] == ["a2", "a4"]


async def test_new_gemeente_creates_and_opens_a_middle_session(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_gemeente(pilot, "Súdwest-Fryslân")
        assert isinstance(app.screen, PanelScreen)
        await pilot.press("end", "ctrl+s")
        await pilot.pause()
    session = load(sessions_dir / "sudwest-fryslan" / f"{TODAY.isoformat()}.toml")
    assert session.gemeente == "Súdwest-Fryslân"
    assert session.stands()["positionering_intern"] == 5


async def test_new_gemeente_refuses_a_name_without_letters(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_gemeente(pilot, "../..")
        assert "minstens één letter" in str(app.screen.query_one("#problem").render())
    assert sorted(p.name for p in sessions_dir.iterdir() if p.is_dir()) == [
        "altena",
        "schiedam",
        "venlo",
    ]


async def test_an_invalid_file_is_listed_with_its_problem(sessions_dir: Path) -> None:
    (sessions_dir / "venlo" / "2021-01-01.toml").write_text("formaat = 1\n", encoding="utf-8")
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(100, 24)):
        prompts = shown_rows(app)
    assert any("2021-01-01.toml: de tabel [sessie] ontbreekt" in p for p in prompts)


async def test_a_folder_of_years_lists_every_round_once_read(tmp_path: Path) -> None:
    """Rows a screen does not show are read after the first paint, then listed too."""
    from textual.widgets import OptionList

    from schuiftui.core.storage import load, save

    sessions = tmp_path / "sessions"
    template = load(EXAMPLES / "altena" / "2020-02-12.toml")
    for number in range(80):
        template.datum = datetime.date(2000, 1, 1) + datetime.timedelta(weeks=number)
        save(template, sessions / "altena" / f"{template.datum.isoformat()}.toml")
    app = make_app(sessions, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        option_list = app.screen.query_one(OptionList)
        ids = [option_list.get_option_at_index(i).id for i in range(option_list.option_count)]
        assert len([i for i in ids if i and i.isdigit()]) == 80
        assert str(option_list.get_option_at_index(1).prompt).startswith("  2001-07-07")
