"""Keys land where they were typed: a burst in one read does what the same keys typed slowly do.

Over a slow SSH link keys arrive in one read. Each case below once went wrong
in a burst (see `schuiftui.input_order`); each test types the same keys in
one write and one by one, in the installed app in a pty, and compares.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from schuiftui.core.storage import load

from .conftest import EXAMPLES
from .terminal import (
    CTRL_Q,
    CTRL_S,
    CTRL_Z,
    DOWN,
    ENTER,
    ESC,
    RIGHT,
    SCHUIFTUI,
    TAB,
    UP,
    Terminal,
    finish,
    same_screen_but_toasts,
    type_keys,
)

pytestmark = pytest.mark.pty


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by its path inside it."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def run(
    tmp_path: Path, argv: list[str], ready: str, keys: list[str], *, at_once: bool
) -> dict[str, bytes]:
    """The sessions folder after the app ran `keys`, in a fresh copy of the examples.

    Both ways run in the same folder, one after the other, so that what
    they show (paths included) can be compared too.
    """
    sessions = tmp_path / "sessions"
    shutil.rmtree(sessions, ignore_errors=True)
    shutil.copytree(EXAMPLES, sessions)
    terminal = Terminal([SCHUIFTUI, *argv], cwd=tmp_path)
    try:
        terminal.read_until(ready)
        terminal.drain()
        type_keys(terminal, keys, at_once=at_once)
        terminal.write(CTRL_Q)
        terminal.drain()
        if terminal.process.poll() is None:
            terminal.write("n")  # unsaved after all: leave it so; the files show it
        assert terminal.wait() == 0
    finally:
        terminal.close()
    return files_of(sessions)


def burst_and_slow(tmp_path: Path, argv: list[str], ready: str, keys: list[str]):
    """The sessions folder after `keys` typed in one write, and after typed one by one."""
    burst = run(tmp_path, argv, ready, keys, at_once=True)
    slow = run(tmp_path, argv, ready, keys, at_once=False)
    return burst, slow


ALTENA = "sessions/altena/2020-02-12.toml"


def test_up_up_then_c_keeps_both_steps(tmp_path: Path) -> None:
    """`c` moves the focus to the casus, but only after the slider took both Ups."""
    keys = [UP, UP, "c", "x", CTRL_S]
    burst, slow = burst_and_slow(tmp_path, [ALTENA], "Lokale agenda", keys)
    assert burst == slow
    saved = load(tmp_path / ALTENA)
    assert saved.stands()["positionering_intern"] == 5  # was 3
    assert saved.casus.notities.startswith("x")


@pytest.mark.parametrize(
    "keys, field",
    [
        (["t", *"want nu", ENTER, CTRL_S], "toelichting"),
        (["g", *"Ronde 1", ENTER, CTRL_S], "titel"),
        (["a", "n", *"Wethouder bellen", ENTER, CTRL_S], "actie"),
    ],
    ids=["t", "g", "a n"],
)
def test_text_typed_right_after_the_key_that_opens_a_dialog_goes_into_it(
    tmp_path: Path, keys: list[str], field: str
) -> None:
    burst, slow = burst_and_slow(tmp_path, [ALTENA], "Lokale agenda", keys)
    assert burst == slow
    saved = load(tmp_path / ALTENA)
    typed = "".join(key for key in keys if len(key) == 1 and key.isprintable())[1:].lstrip("n")
    shown = {
        "toelichting": saved.sliders["positionering_intern"].toelichting,
        "titel": saved.titel or "",
        "actie": saved.agenda[-1].tekst,
    }[field]
    assert typed.strip() in shown


def test_o_after_tab_is_a_letter_in_the_field_tab_went_to(tmp_path: Path) -> None:
    """Tab from the casus notes goes on to the next field; the `o` and what follows land there."""
    keys = ["c", TAB, *"ook", CTRL_S]
    burst, slow = burst_and_slow(tmp_path, [ALTENA], "Lokale agenda", keys)
    assert burst == slow
    saved = load(tmp_path / ALTENA)
    assert "ook" not in saved.organogram
    assert "ook" not in saved.casus.notities


def test_tab_then_a_letter_in_the_new_session_dialog_goes_to_the_next_field(
    tmp_path: Path,
) -> None:
    keys = ["n", *"Zwolle", TAB, TAB, "x", ENTER]
    burst, slow = burst_and_slow(tmp_path, ["sessions"], "Altena", keys)
    assert burst == slow
    made = [name for name in burst if name.startswith("zwolle/")]
    assert len(made) == 1
    session = load(tmp_path / "sessions" / made[0])
    assert session.gemeente == "Zwolle"
    assert session.titel == "x"


def test_right_then_plus_on_the_compare_screen_raises_the_next_slider(tmp_path: Path) -> None:
    placement = (EXAMPLES / "altena" / "2020-02-12.toml").read_text(encoding="utf-8")
    placement = placement.replace(
        "datum = 2020-02-12", 'datum = 2020-02-12\ningevuld_door = "Anna"'
    )
    keys = [RIGHT, "+"]
    results = []
    for at_once in (True, False):
        sessions = tmp_path / "sessions"
        shutil.rmtree(sessions, ignore_errors=True)
        shutil.copytree(EXAMPLES, sessions)
        (sessions / "altena" / "2020-02-12").mkdir()
        (sessions / "altena" / "2020-02-12" / "anna.toml").write_text(placement, encoding="utf-8")
        terminal = Terminal([SCHUIFTUI, "compare", ALTENA], cwd=tmp_path)
        try:
            terminal.read_until("Anna")
            terminal.drain()
            type_keys(terminal, keys, at_once=at_once)
            assert terminal.quit() == 0
        finally:
            terminal.close()
        results.append(load(tmp_path / ALTENA).stands())
    burst, slow = results
    assert burst == slow
    assert burst["proces_met_bewoners"] == -1  # was -2; positionering intern stays 3
    assert burst["positionering_intern"] == 3


# The property: any script of the app's own keys, typed in one write, ends in
# the same files and on the same screen as typed one key at a time.

VOCABULARY = [
    UP,
    DOWN,
    "h",
    "l",
    TAB,
    ENTER,
    ESC,
    "c",
    "a",
    "o",
    "g",
    "t",
    "n",
    "e",
    "d",
    "Hoi ",
    "Ja",
    CTRL_S,
    CTRL_Z,
]
"""Steps, neighbours, Tab, Enter, Escape, the panel's keys, text, save and undo."""

EXAMPLES_DRAWN = int(os.environ.get("SCHUIFTUI_KEY_EXAMPLES", "6"))
"""How many scripts `make test` draws (fixed seed); set it higher to search longer."""


def run_script(tmp_path: Path, keys: list[str], *, at_once: bool, state: str):
    """The files and the final screen after `keys` on Altena's first session."""
    sessions = tmp_path / "sessions"
    shutil.rmtree(sessions, ignore_errors=True)
    shutil.copytree(EXAMPLES, sessions)
    terminal = Terminal(
        [SCHUIFTUI, ALTENA],
        cwd=tmp_path,
        environment={"SCHUIFTUI_STATE_DIR": str(tmp_path / state)},
    )
    try:
        terminal.read_until("Lokale agenda")
        terminal.drain()
        type_keys(terminal, keys, at_once=at_once)
        screen = terminal.screen()
    finally:
        finish(terminal)
    return files_of(sessions), screen


@settings(
    max_examples=EXAMPLES_DRAWN,
    deadline=None,
    # Each example runs the app twice: report the script found, do not shrink it for minutes.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    derandomize="SCHUIFTUI_KEY_EXAMPLES" not in os.environ,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(keys=st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=14))
def test_a_key_script_in_one_write_does_what_it_does_typed_slowly(
    tmp_path: Path, keys: list[str]
) -> None:
    burst = run_script(tmp_path, keys, at_once=True, state="state-burst")
    slow = run_script(tmp_path, keys, at_once=False, state="state-slow")
    assert burst[0] == slow[0], "the saved files differ"
    assert same_screen_but_toasts(burst[1], slow[1]), "\n".join(
        ["the screens differ:", *burst[1].display, "", *slow[1].display]
    )
