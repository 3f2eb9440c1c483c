"""Keys that arrive in one read (typeahead over SSH) never crash or destroy anything."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import termios
from pathlib import Path

import pytest

from schuiftui.core.storage import load

from .terminal import SCHUIFTUI, Terminal, open_session, type_keys, wait_until

pytestmark = pytest.mark.pty
"""Every test here runs a program in a pseudo-terminal."""


def burst(path: Path, keys: str, then: str = "") -> None:
    """Start the app, write `keys` in one write, then `then` (slowly), then quit without saving."""
    terminal = open_session(path)
    try:
        terminal.write(keys)
        terminal.drain(quiet=0.5)
        assert terminal.process.poll() is None, terminal.output[-2000:]
        if then:
            terminal.write(then)
            terminal.drain(quiet=0.5)
        terminal.write("\x11")  # Ctrl+Q
        terminal.drain(quiet=0.5)
        if terminal.process.poll() is None:
            terminal.write("n")  # do not save, when asked
        assert terminal.wait() == 0
    finally:
        terminal.close()


@pytest.mark.parametrize("keys", ["aed", "anAgenda\r", "aeXd\r", "antoggle x, delete d\r"])
def test_keys_meant_for_an_agenda_dialog_never_change_the_list(altena: Path, keys: str) -> None:
    """`e` or `n` opens a dialog; the letters typed right after it are not agenda keys."""
    before = [(item.id, item.status) for item in load(altena).agenda]
    burst(altena, keys, then="\x13")
    after = [(item.id, item.status) for item in load(altena).agenda]
    assert after[: len(before)] == before


def test_up_then_ctrl_s_in_one_read_saves_the_step(altena: Path) -> None:
    burst(altena, "\x1b[A\x13")
    assert load(altena).stands()["positionering_intern"] == 4


def test_c_then_text_in_one_read_keeps_the_text(altena: Path) -> None:
    burst(altena, "cHallo daar", then="\x13")
    assert "Hallo daar" in load(altena).casus.notities


@pytest.mark.parametrize(
    "end",
    ["\r", "\r\x13", "\x1b\x13", "\x13"],
    ids=["enter, saved later", "enter", "escape", "ctrl+s"],
)
def test_text_then_done_in_one_read_keeps_every_letter(altena: Path, end: str) -> None:
    """`a` and `n` in one read open the new-step dialog; what is typed there is kept whole."""
    terminal = open_session(altena)
    try:
        terminal.write("an")  # to the agenda, and a new step, in one read
        terminal.read_until("Nieuwe actie")
        terminal.drain()
        terminal.write("Wethouder bellen" + end)  # the step, done (and saved), in one read
        terminal.drain()
        terminal.write("\x13")  # save (again)
        terminal.drain()
        terminal.write("\x11")
        terminal.drain()
        if terminal.process.poll() is None:
            terminal.write("n")  # unsaved after all: do not save, and the check below fails
        assert terminal.wait() == 0
    finally:
        terminal.close()
    assert [item.tekst for item in load(altena).agenda][-1] == "Wethouder bellen"


@pytest.mark.parametrize("pieces", [1, 3], ids=["one read", "split reads"])
def test_a_paste_holding_an_escape_keeps_its_order(altena: Path, pieces: int) -> None:
    """`ABC<ESC>XYZ` pasted is stored as `ABCXYZ`, not as the keys `^XYZ` before `ABC`."""
    paste = "\x1b[200~ABC\x1bXYZ\x1b[201~"
    terminal = open_session(altena)
    try:
        terminal.write("c")
        terminal.drain()
        if pieces == 1:
            terminal.write(paste)
        else:  # the closing sequence split over reads, as over a slow link
            for piece in (paste[:10], paste[10:-3], paste[-3:]):
                terminal.write(piece)
                terminal.drain(quiet=0.2)
        terminal.drain()
        terminal.write("\x13\x11")
        assert terminal.wait() == 0
    finally:
        terminal.close()
    notes = load(altena).casus.notities
    assert "ABCXYZ" in notes
    assert "^" not in notes


def test_ctrl_s_then_ctrl_q_in_one_read_saves_and_quits_without_asking(altena: Path) -> None:
    terminal = open_session(altena)
    try:
        terminal.write("cHallo daar")
        terminal.drain()
        terminal.write("\x13\x11")  # save, quit: the quit sees the save made
        assert terminal.wait() == 0  # a question "save first?" would keep it open
    finally:
        terminal.close()
    assert "Hallo daar" in load(altena).casus.notities


BURST = ["c", "Hallo daar", "\x1b", "l", "\x1b[A", "\x13"]
"""The casus notes, text, back to the sliders, the next slider, one step up, save."""


def typed(path: Path, keys: list[str], *, at_once: bool) -> bytes:
    """The file after `keys`, written in one write or one by one as the screen settles."""
    terminal = open_session(path)
    try:
        type_keys(terminal, keys, at_once=at_once)
        assert terminal.quit() == 0  # saved: quitting asks nothing
    finally:
        terminal.close()
    return path.read_bytes()


def test_a_burst_ends_in_the_same_file_as_the_same_keys_typed_slowly(
    altena: Path, tmp_path: Path
) -> None:
    slowly = tmp_path / "slowly.toml"
    shutil.copy(altena, slowly)
    assert typed(altena, BURST, at_once=True) == typed(slowly, BURST, at_once=False)
    saved = load(altena)
    assert "Hallo daar" in saved.casus.notities
    assert saved.stands()["proces_met_bewoners"] == -1  # was -2
    assert "^" not in saved.casus.notities


def raw(terminal: Terminal) -> bool:
    """Whether the program on `terminal` reads its keys raw (no line editing)."""
    return not termios.tcgetattr(terminal.master)[3] & termios.ICANON


def stopped(terminal: Terminal) -> bool:
    """Whether the program on `terminal` is stopped (job control), as /proc says."""
    status = Path(f"/proc/{terminal.process.pid}/stat").read_text()
    return status.rpartition(")")[2].split()[0] == "T"


HOLDING = """
import os, sys
from schuiftui.terminal.typeahead import held
with held():
    print("held", flush=True)
    print(repr(os.read(0, 100)), flush=True)
"""


def test_keys_typed_while_the_terminal_is_held_arrive_unchanged(tmp_path: Path) -> None:
    """Ctrl+S, Enter and Ctrl+U typed while the app loads reach it as they are.

    Without the hold the terminal takes Ctrl+S for flow control (the output
    stops), Ctrl+U for erasing the line and Enter as a line feed.
    """
    terminal = Terminal([sys.executable, "-c", HOLDING], cwd=tmp_path)
    try:
        before = termios.tcgetattr(terminal.master)
        terminal.read_until("held")
        assert raw(terminal)
        terminal.write("ab\x15c\x13\r")
        terminal.read_until("'ab\\x15c\\x13\\r'")
        assert terminal.wait() == 0
        assert termios.tcgetattr(terminal.master) == before
    finally:
        terminal.close()


@pytest.mark.parametrize(
    "keys, notes",
    [("j\x13", ""), ("cHallo daar\x1bj\x13", "Hallo daar")],
    ids=["a step, save", "casus notes, Escape, a step, save"],
)
def test_keys_typed_before_the_first_frame_are_kept(altena: Path, keys: str, notes: str) -> None:
    """Typed before anything is drawn: they wait for the panel, and do what they say.

    Escape used to reach the panel before its sliders existed, and the app crashed.
    """
    terminal = Terminal([SCHUIFTUI, str(altena)], cwd=altena.parent)
    try:
        wait_until(lambda: raw(terminal), "the app never read its keys raw")
        assert b"nicatie" not in terminal.drain(quiet=0.0)  # nothing drawn yet
        terminal.write(keys)
        terminal.read_until("Lokale agenda")
        terminal.drain(quiet=0.5)
        assert terminal.quit() == 0  # saved: quitting asks nothing
    finally:
        terminal.close()
    saved = load(altena)
    assert saved.stands()["positionering_intern"] == 2  # was 3
    assert saved.casus.notities.startswith(notes)


def test_a_suspended_app_gives_the_terminal_back_as_it_was(altena: Path) -> None:
    """Ctrl+Z from the shell's job control (SIGTSTP): the shell gets its terminal back."""
    terminal = Terminal([SCHUIFTUI, str(altena)], cwd=altena.parent)
    try:
        before = termios.tcgetattr(terminal.master)
        terminal.read_until("Lokale agenda")
        terminal.drain()
        assert raw(terminal)
        os.kill(terminal.process.pid, signal.SIGTSTP)
        wait_until(lambda: stopped(terminal), "the app did not stop")
        assert termios.tcgetattr(terminal.master) == before
        os.kill(terminal.process.pid, signal.SIGCONT)
        wait_until(lambda: raw(terminal), "the app did not come back")
        terminal.drain()
        assert terminal.quit() == 0
        assert termios.tcgetattr(terminal.master) == before
    finally:
        terminal.close()
