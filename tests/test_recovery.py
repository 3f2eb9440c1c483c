"""Recovery drafts: edits survive a dropped connection, a kill, a closed terminal."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from schuiftui.app import make_app
from schuiftui.core.drafts import draft_files, draft_path, read_draft
from schuiftui.core.storage import load
from schuiftui.screens.dialogs.choices import DraftDialog
from schuiftui.widgets.slider import Slider

from .conftest import TODAY
from .terminal import SCHUIFTUI, UP, Terminal, open_session, wait_until


def edit_and_wait_for_the_draft(terminal: Terminal, path: Path) -> None:
    terminal.write(UP)  # positionering intern +3 -> +4, not saved
    terminal.read_until("niet opgeslagen")
    wait_until(lambda: bool(draft_files(path)), "no draft within 10 s", timeout=10)


@pytest.mark.pty
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT])
def test_a_signal_keeps_the_edits_restores_the_terminal_and_exits(
    altena: Path, signum: int
) -> None:
    terminal = open_session(altena)
    try:
        terminal.write(UP)
        terminal.read_until("niet opgeslagen")
        terminal.process.send_signal(signum)  # at once: no time for the timer
        assert terminal.wait(timeout=10) == 128 + signum
        assert b"\x1b[?1049l" in terminal.output  # left the alternate screen
    finally:
        terminal.close()
    draft = read_draft(altena)
    assert draft is not None
    assert draft.session.stands()["positionering_intern"] == 4
    assert load(altena).stands()["positionering_intern"] == 3  # the file itself untouched


@pytest.mark.pty
def test_after_kill_9_the_next_start_offers_the_edits(altena: Path) -> None:
    terminal = open_session(altena)
    try:
        edit_and_wait_for_the_draft(terminal, altena)
        terminal.process.kill()
        terminal.process.wait()
    finally:
        terminal.close()
    again = Terminal([SCHUIFTUI, str(altena)], cwd=altena.parent)
    try:
        again.read_until("Niet-opgeslagen wijzigingen gevonden")
        again.write("\r")  # Enter: restore
        again.read_until("niet opgeslagen")  # the edits are back, not saved yet
        again.write("\x13")  # Ctrl+S
        again.read_until("Opgeslagen")
        again.write("\x11")  # Ctrl+Q
        assert again.wait() == 0
    finally:
        again.close()
    assert load(altena).stands()["positionering_intern"] == 4
    assert draft_files(altena) == []  # saved: the draft is gone


@pytest.mark.pty
def test_a_terminal_that_goes_away_does_not_spin_and_keeps_the_edits(altena: Path) -> None:
    terminal = open_session(altena)
    pid = terminal.process.pid
    terminal.write(UP)
    terminal.read_until("niet opgeslagen")
    os.close(terminal.master)  # the connection is gone, and no SIGHUP came
    try:
        assert terminal.process.wait(timeout=10) == 129
    finally:
        if terminal.process.poll() is None:
            os.kill(pid, signal.SIGKILL)
    draft = read_draft(altena)
    assert draft is not None and draft.session.stands()["positionering_intern"] == 4


async def test_restoring_a_draft_brings_back_the_edits(altena: Path) -> None:
    from schuiftui.core.drafts import write_draft

    edited = load(altena)
    edited.sliders["communicatie"].stand = 5
    edited.casus.notities = "Half getypt"
    write_draft(altena, edited, load(altena))
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DraftDialog)
        await pilot.press("v")  # the differences, in the dialog
        shown = str(app.screen.query_one("#draft-difference Static").render())
        assert "Communicatie            -2 -> +5  (+7)" in shown
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#communicatie", Slider).value == 5
        assert app.screen.dirty


async def test_discarding_a_draft_removes_it(altena: Path) -> None:
    from schuiftui.core.drafts import write_draft

    edited = load(altena)
    edited.sliders["communicatie"].stand = 5
    write_draft(altena, edited, load(altena))
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert app.screen.query_one("#communicatie", Slider).value == -2
    assert draft_files(altena) == []


async def test_text_typed_in_a_dialog_is_in_the_draft(altena: Path) -> None:
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", *"Nog niet klaar")
        app.screen.app.screen_stack[0].keep_draft()  # what the one-second timer does
    draft = read_draft(altena)
    assert draft is not None
    assert draft.session.sliders["positionering_intern"].toelichting.endswith("Nog niet klaar")


def test_drafts_are_private_and_kept_outside_the_sessions_folder(
    altena: Path, state_dir: Path
) -> None:
    from schuiftui.core.drafts import write_draft

    write_draft(altena, load(altena), None)
    path = draft_path(altena)
    assert path.is_relative_to(state_dir)
    assert path.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in altena.parent.iterdir()) == ["2020-02-12.toml", "2020-10-07.toml"]


async def test_the_start_screen_marks_sessions_with_a_draft(sessions_dir: Path) -> None:
    from textual.widgets import OptionList

    from schuiftui.core.drafts import write_draft

    path = sessions_dir / "altena" / "2020-02-12.toml"
    write_draft(path, load(path), None)
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)):
        option_list = app.screen.query_one(OptionList)
        rows = [str(option_list.get_option_at_index(i).prompt) for i in range(4)]
    assert rows[1].startswith("  2020-10-07  Terugkomdag")
    assert rows[2].startswith("  2020-02-12✎ Werkplaats 2")
