"""Hostile files: text from a file never reaches a terminal raw."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schuiftui.core.session import new_session
from schuiftui.core.storage import load, loads, save
from schuiftui.sanitize import visible

from .conftest import notes_at_their_end
from .terminal import Terminal

ESC = "\\u001b"
# The title of the terminal, the clipboard (OSC 52), clear screen, a bell, a C1 CSI.
ATTACK = f"{ESC}]0;GEHACKT\\u0007 {ESC}]52;c;ZWNobyBoaQ==\\u0007 {ESC}[2J \\u0007 \\u009b31m"
HOSTILE = f"""formaat = 1
[sessie]
gemeente = "Oss{ATTACK}"
datum = 2024-01-01
titel = "Titel{ATTACK}"
deelnemers = ["wijk{ATTACK}"]
"onbekend{ATTACK}" = "ook{ATTACK}"

[casus]
titel = "Casus{ATTACK}"
notities = "Notities{ATTACK}"

[schuiven.communicatie]
stand = 2
toelichting = "Toelichting{ATTACK}"

[[agenda]]
id = "a1"
tekst = "Stap{ATTACK}"
eigenaar = "team{ATTACK}"
"""
RAW = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
"""A control byte (C0 but tab and newline, DEL), or a C1 character in UTF-8."""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "oss" / "2024-01-01.toml"
    path.parent.mkdir()
    path.write_text(HOSTILE, encoding="utf-8")
    second = path.with_name("2024-02-01.toml")
    second.write_text(HOSTILE.replace("stand = 2", "stand = -1"), encoding="utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "schuiftui", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


@pytest.mark.parametrize(
    "command",
    [
        ["show", "{file}"],
        ["check", "{folder}"],
        ["diff", "{folder}"],
        ["history", "{folder}"],
        ["compare", "{folder}"],
        ["export", "{folder}", "--to", "md"],
        ["export", "{folder}", "--to", "csv"],
        ["export", "{folder}", "--to", "svg"],
    ],
    ids=lambda c: " ".join(c[:3]),
)
def test_no_control_character_reaches_the_output(hostile: Path, command: list[str]) -> None:
    args = [a.format(file=hostile, folder=hostile.parent) for a in command]
    result = run(*args)
    assert result.returncode in (0, 1), result.stderr
    assert not RAW.search(result.stdout), result.stdout[:300]
    assert not RAW.search(result.stderr)
    assert b"GEHACKT" in result.stdout or args[0] == "check"  # the text itself is shown


def test_control_characters_are_shown_as_placeholders(hostile: Path) -> None:
    session = load(hostile)
    assert session.gemeente.startswith("Oss^[]0;GEHACKT^G ^[]52;c;")
    assert session.casus.notities.endswith("^[[2J ^G <U+009B>31m")


def test_an_error_about_a_hostile_key_or_file_name_is_safe(tmp_path: Path) -> None:
    folder = tmp_path / "naam\x1b]0;GEHACKT\x07"
    folder.mkdir()
    path = folder / "2024-01-01.toml"
    path.write_text(
        HOSTILE.replace("[schuiven.communicatie]", f'[schuiven."x{ESC}[2J"]'), encoding="utf-8"
    )
    result = run("check", str(folder))
    assert result.returncode == 1
    assert not RAW.search(result.stdout)
    assert b"naam^[]0;GEHACKT^G" in result.stdout
    assert b"schuiven.x^[[2J: onbekende schuif" in result.stdout


def test_typed_control_characters_are_not_stored(tmp_path: Path) -> None:
    session = new_session("Oss", datetime.date(2024, 1, 1))
    session.casus.notities = "een\x1b[2Jtwee\x07drie\x9b"
    path = tmp_path / "s.toml"
    save(session, path)
    assert load(path).casus.notities == "een[2Jtweedrie"  # harmless without its ESC
    assert b"\\u001b" not in path.read_bytes() and b"\x1b" not in path.read_bytes()


@pytest.mark.pty
def test_the_app_never_writes_a_files_escape_sequences(hostile: Path) -> None:
    terminal = Terminal([sys.executable, "-m", "schuiftui", str(hostile)], cwd=hostile.parent)
    try:
        terminal.read_until("Lokale agenda")
        terminal.drain()
        output = terminal.output
    finally:
        terminal.close()
    assert b"GEHACKT" in output  # the title and the texts are shown ...
    assert b"\x1b]0;GEHACKT" not in output  # ... but never as escape sequences
    assert b"\x1b]52;" not in output
    assert b"\xc2\x9b" not in output


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2FF), max_size=60))
def test_visible_text_never_holds_a_control_character(text: str) -> None:
    shown = visible(text)
    assert not RAW.search(shown.encode("utf-8"))
    assert visible(shown) == shown


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet=st.characters(max_codepoint=0x2FF, blacklist_categories=("Cs",)), max_size=40)
)
def test_any_loaded_text_is_free_of_control_characters(text: str) -> None:
    escaped = "".join(f"\\u{ord(c):04x}" for c in text)
    session = loads(f'formaat = 1\n[sessie]\ngemeente = "G{escaped}"\ndatum = 2024-01-01\n')
    assert not RAW.search(session.gemeente.encode("utf-8"))


async def test_control_characters_leave_a_paste(altena: Path) -> None:
    from textual import events

    from schuiftui.app import make_app

    app = make_app(altena)
    async with app.run_test(size=(80, 24)) as pilot:
        notes = await notes_at_their_end(app, pilot)
        app.post_message(events.Paste("Plak\x07 dit\x1b[2J\r\nerbij"))
        await pilot.pause()
        assert notes.text.endswith("Plak dit[2J\nerbij")


def test_a_save_keeps_control_characters_that_nobody_edited(hostile: Path) -> None:
    """Shown as placeholders, but written back as they were: only edited text is cleaned."""
    before = hostile.read_bytes()
    session = load(hostile)
    session.sliders["communicatie"].stand = 3
    session.sliders["positionering_intern"].toelichting = "Nieuw"
    save(session, hostile)
    after = hostile.read_bytes()
    assert after.replace(b"stand = 3", b"stand = 2").count(b"GEHACKT") == before.count(b"GEHACKT")
    removed = [line for line in before.splitlines() if line not in after.splitlines()]
    assert removed == [b"stand = 2"]
    assert b"^[" not in after


def test_an_edited_text_with_control_characters_is_cleaned(hostile: Path) -> None:
    session = load(hostile)
    session.sliders["communicatie"].toelichting += " en meer"
    save(session, hostile)
    assert "en meer" in load(hostile).sliders["communicatie"].toelichting
    assert b"\\u001b]0;GEHACKT\\u0007 en meer" not in hostile.read_bytes()
