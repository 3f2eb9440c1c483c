"""Who has a session open: a lock in the state folder; open anyway or only look."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from schuiftui.app import make_app
from schuiftui.core.drafts import draft_files, read_draft
from schuiftui.core.locks import holder, lock_path, take
from schuiftui.core.storage import load, loads
from schuiftui.screens.dialogs.choices import LockDialog
from schuiftui.screens.panel import PanelScreen
from schuiftui.widgets.slider import Slider

from .conftest import TODAY
from .terminal import SCHUIFTUI, Terminal, open_session


@pytest.fixture
def someone_else(altena: Path):  # type: ignore[no-untyped-def]
    """A lock of `altena` held by another live process on this machine."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    lock = lock_path(altena)
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(
        json.dumps(
            {"user": "anna", "host": socket.gethostname(), "pid": process.pid, "since": time.time()}
        ),
        encoding="utf-8",
    )
    yield process
    process.kill()
    process.wait()


async def test_opening_a_session_someone_has_open_says_who(altena: Path, someone_else) -> None:  # type: ignore[no-untyped-def]
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LockDialog)
        question = str(app.screen.query_one("#question").render())
        assert question.startswith(f"anna op {socket.gethostname()} (proces {someone_else.pid})")
        await pilot.press("enter")  # open anyway
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
        assert holder(altena) is not None and holder(altena).is_me
        await pilot.press("up", "ctrl+s")
        await pilot.pause()
    assert load(altena).stands()["positionering_intern"] == 4
    assert holder(altena) is None  # released when the app ended


async def test_read_only_changes_nothing(altena: Path, someone_else) -> None:  # type: ignore[no-untyped-def]
    before = altena.read_bytes()
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l")  # alleen lezen
        await pilot.pause()
        assert "alleen lezen" in str(app.screen.query_one("TitleBar").render())
        await pilot.press("up", "up", "ctrl+s", "a", "d")
        await pilot.pause()
        assert app.screen.query_one("#positionering_intern", Slider).value == 3
        assert not app.screen.dirty
    assert altena.read_bytes() == before
    assert holder(altena).pid == someone_else.pid  # their lock stays


def test_a_lock_whose_process_is_gone_is_stale(altena: Path) -> None:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    lock = lock_path(altena)
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(
        json.dumps({"user": "x", "host": socket.gethostname(), "pid": process.pid, "since": 0}),
        encoding="utf-8",
    )
    assert holder(altena) is None
    take(altena)
    assert holder(altena).is_me


def open_twice(path: Path) -> tuple[Terminal, Terminal]:
    """Two running apps on `path`; the second opened it anyway, as the lock offers."""
    first = open_session(path)
    try:
        second = Terminal([SCHUIFTUI, str(path)], cwd=path.parent)
    except BaseException:
        first.close()
        raise
    second.read_until("heeft deze sessie open")  # the first one has it
    second.write("\r")  # open anyway
    second.read_until("Lokale agenda")
    second.drain()
    return first, second


@pytest.mark.pty
def test_two_instances_on_one_file_merge_their_sliders(altena: Path) -> None:
    first, second = open_twice(altena)
    try:
        first.write("\x1b[A")  # first: positionering intern +3 -> +4
        first.read_until("niet opgeslagen")
        second.write("l\x1b[B")  # second: proces met bewoners -2 -> -3
        second.read_until("niet opgeslagen")
        first.write("\x13")
        first.read_until("Opgeslagen")
        second.write("\x13")
        second.read_until("Opgeslagen")  # after merging in what the first one saved
        assert [terminal.quit() for terminal in (first, second)] == [0, 0]
    finally:
        first.close()
        second.close()
    stands = load(altena).stands()
    assert (stands["positionering_intern"], stands["proces_met_bewoners"]) == (4, -3)


@pytest.mark.pty
@pytest.mark.parametrize(
    "keys, expected", [("o", 5), (" o", 4), ("\ro", 4)], ids=["mine", "theirs", "theirs by enter"]
)
def test_two_instances_moving_the_same_slider_ask_which_stays(
    altena: Path, keys: str, expected: int
) -> None:
    first, second = open_twice(altena)
    try:
        first.write("\x1b[A")  # positionering intern +3 -> +4, saved first
        first.read_until("niet opgeslagen")
        first.write("\x13")
        first.drain_until(lambda: load(altena).stands()["positionering_intern"] == 4)
        second.write("\x1b[A\x1b[A")  # the same slider, +3 -> +5
        second.read_until("+5")
        second.drain()
        second.write("\x13")
        second.read_until("Ook door iemand anders gewijzigd")
        second.drain()
        second.write(keys)  # keep this version (o), or first switch to the one on disk
        second.drain()
        assert [terminal.quit() for terminal in (first, second)] == [0, 0]
    finally:
        first.close()
        second.close()
    assert load(altena).stands()["positionering_intern"] == expected


def draft_holds(path: Path, slider_id: str, stand: int) -> bool:
    """Whether a draft of `path`, of any instance, has `slider_id` at `stand`."""
    return any(
        loads(json.loads(file.read_text(encoding="utf-8"))["sessie"]).stands()[slider_id] == stand
        for file in draft_files(path)
    )


@pytest.mark.pty
def test_the_second_instances_save_leaves_the_first_ones_draft(altena: Path) -> None:
    """Drafts belong to one instance: a hang-up of the first still keeps its edits."""
    import signal

    first, second = open_twice(altena)
    try:
        first.write("\x1b[A")  # first: positionering intern +3 -> +4, not saved
        first.read_until("niet opgeslagen")
        first.drain_until(lambda: len(draft_files(altena)) == 1)
        second.write("l\x1b[B")  # second: proces met bewoners -3, in its draft ...
        second.read_until("niet opgeslagen")
        second.drain_until(lambda: draft_holds(altena, "proces_met_bewoners", -3))
        second.write("\x13")  # ... and saved
        second.read_until("Opgeslagen")
        second.drain()
        os.kill(first.process.pid, signal.SIGHUP)  # the first one's connection drops
        first.wait()
        assert second.quit() == 0
    finally:
        first.close()
        second.close()
    draft = read_draft(altena)
    assert draft is not None
    assert draft.session.stands()["positionering_intern"] == 4
