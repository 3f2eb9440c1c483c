"""Saving a session that changed on disk meanwhile: merge, ask about conflicts, never overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest

from schuiftui.app import make_app
from schuiftui.core.storage import load, save
from schuiftui.screens.dialogs.choices import ConfirmDialog
from schuiftui.screens.dialogs.conflict import ConflictDialog
from schuiftui.screens.panel import PanelScreen
from schuiftui.widgets.slider import Slider

from .conftest import TODAY, record_notifications


def someone_else_sets(path: Path, slider_id: str, stand: int) -> None:
    """Another schuiftui (or an editor) saves a change to the same file."""
    session = load(path)
    session.sliders[slider_id].stand = stand
    save(session, path)


async def test_changes_to_different_sliders_are_merged(
    altena: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(altena, today=lambda: TODAY)
    shown = record_notifications(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up")  # positionering intern +3 -> +4
        someone_else_sets(altena, "communicatie", 1)
        await pilot.press("ctrl+s")
        await pilot.pause()
        # The panel now shows the other person's change too.
        assert app.screen.query_one("#communicatie", Slider).value == 1
        assert not app.screen.dirty
    stands = load(altena).stands()
    assert (stands["positionering_intern"], stands["communicatie"]) == (4, 1)
    assert (
        shown[0] == "Samengevoegd met 1 wijziging die intussen door iemand anders was opgeslagen."
    )


async def test_the_same_slider_asks_and_the_choice_is_saved(altena: Path) -> None:
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up")  # +4 here
        someone_else_sets(altena, "positionering_intern", -1)  # -1 there
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        line = str(dialog.query_one("#conflicts").get_option_at_index(0).prompt)
        assert line == "Positionering intern (stand): jij +4 · op schijf -1  →  jouw versie"
        await pilot.press("enter")  # switch to the version on disk
        line = str(dialog.query_one("#conflicts").get_option_at_index(0).prompt)
        assert line.endswith("→  versie op schijf")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
        assert app.screen.query_one("#positionering_intern", Slider).value == -1
    assert load(altena).stands()["positionering_intern"] == -1


async def test_a_conflict_can_be_saved_as_a_new_file(altena: Path) -> None:
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up")
        someone_else_sets(altena, "positionering_intern", -1)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.path == altena.with_name("2020-02-12-2.toml")
    assert load(altena).stands()["positionering_intern"] == -1  # theirs, untouched
    assert load(altena.with_name("2020-02-12-2.toml")).stands()["positionering_intern"] == 4


async def test_cancelling_a_conflict_keeps_every_edit_and_writes_nothing(altena: Path) -> None:
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up")
        someone_else_sets(altena, "positionering_intern", -1)
        before = altena.read_bytes()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
        assert app.screen.dirty
        assert app.screen.query_one("#positionering_intern", Slider).value == 4
    assert altena.read_bytes() == before


async def test_a_file_deleted_underneath_is_written_again_only_after_asking(altena: Path) -> None:
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up")
        altena.unlink()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert not altena.exists()
        await pilot.press("enter")
        await pilot.pause()
    assert load(altena).stands()["positionering_intern"] == 4


async def test_the_start_screen_opens_what_is_on_disk_now(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        someone_else_sets(sessions_dir / "altena" / "2020-10-07.toml", "communicatie", 5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#communicatie", Slider).value == 5


# A save that waited for a question decides on what is on disk when it writes.


async def test_a_save_that_lands_while_the_conflict_dialog_is_open_is_kept(altena: Path) -> None:
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up")  # +4 here
        someone_else_sets(altena, "positionering_intern", -1)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        someone_else_sets(altena, "communicatie", 3)  # lands while I choose
        await pilot.press("o")  # mine
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
        assert app.screen.query_one("#communicatie", Slider).value == 3
    stands = load(altena).stands()
    assert (stands["positionering_intern"], stands["communicatie"]) == (4, 3)


async def test_a_save_that_lands_while_asked_to_write_a_deleted_file_again_is_kept(
    altena: Path,
) -> None:
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up")
        text = altena.read_text(encoding="utf-8")
        altena.unlink()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        altena.write_text(text, encoding="utf-8")  # someone brings it back ...
        someone_else_sets(altena, "communicatie", 3)  # ... and saves a change
        await pilot.press("enter")
        await pilot.pause()
    stands = load(altena).stands()
    assert (stands["positionering_intern"], stands["communicatie"]) == (4, 3)


async def test_a_conflict_that_appears_while_the_dialog_is_open_is_asked_again(
    altena: Path,
) -> None:
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up")  # positionering intern +4
        await pilot.press("right", "up")  # proces met bewoners -1
        someone_else_sets(altena, "positionering_intern", -1)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        someone_else_sets(altena, "proces_met_bewoners", 5)  # a new conflict meanwhile
        await pilot.press("o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        line = str(dialog.query_one("#conflicts").get_option_at_index(0).prompt)
        assert line.startswith("Proces met bewoners (stand)")
        await pilot.press("o")
        await pilot.pause()
    stands = load(altena).stands()
    assert (stands["positionering_intern"], stands["proces_met_bewoners"]) == (4, -1)


async def test_a_new_action_after_a_delete_gets_a_new_id(altena: Path) -> None:
    """Ids are never reused: the other side's "gedaan" for a deleted action stays with it."""
    ids_before = [item.id for item in load(altena).agenda]
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "end", "d")  # the last action goes
        await pilot.press("n", *"Nieuw", "enter", "ctrl+s")
        await pilot.pause()
    ids_after = [item.id for item in load(altena).agenda]
    assert ids_after[:-1] == ids_before[:-1]
    assert ids_after[-1] not in ids_before


async def test_undo_after_a_merged_save_undoes_my_edit_and_keeps_theirs(altena: Path) -> None:
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up")  # positionering intern +3 -> +4
        someone_else_sets(altena, "communicatie", 1)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        panel = app.screen
        assert panel.query_one("#positionering_intern", Slider).value == 3
        assert panel.query_one("#communicatie", Slider).value == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
    stands = load(altena).stands()
    assert (stands["positionering_intern"], stands["communicatie"]) == (3, 1)


async def test_a_file_that_became_invalid_is_never_written_over(altena: Path) -> None:
    """A typo or a duplicate id after a git merge: say what is wrong, offer a new file."""
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("up")
        broken = altena.read_text(encoding="utf-8").replace('id = "a2"', 'id = "a1"')
        altena.write_text(broken, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        question = str(dialog.query_one("#question").render())
        assert "geen geldige sessie" in question and "a1" in question
        assert altena.read_text(encoding="utf-8") == broken
        await pilot.press("enter")  # mine as a new file
        await pilot.pause()
    assert altena.read_text(encoding="utf-8") == broken
    assert load(altena.with_name("2020-02-12-2.toml")).stands()["positionering_intern"] == 4
