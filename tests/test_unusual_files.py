"""Valid files in unusual shapes can be opened, changed and saved; odd disks are handled."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

import pytest

from schuiftui.app import make_app
from schuiftui.core.session import AgendaItem
from schuiftui.core.storage import ReadOnlyError, SessionError, load, save
from schuiftui.screens.dialogs.choices import ConfirmDialog

from .conftest import TODAY, record_notifications

HEAD = 'formaat = 1\n[sessie]\ngemeente = "Oss"\ndatum = 2024-01-01\n'

UNUSUAL = {
    "agenda as an inline array": (
        'formaat = 1\nagenda = [{id = "a1", tekst = "Een"}, {id = "a2", tekst = "Twee"}]\n'
        '[sessie]\ngemeente = "Oss"\ndatum = 2024-01-01\n'
    ),
    "an empty agenda array": HEAD + "agenda = []\n",
    "a slider table above [sessie]": (
        'formaat = 1\n[schuiven.communicatie]\nstand = 2\n[sessie]\ngemeente = "Oss"\n'
        "datum = 2024-01-01\n"
    ),
    "schuiven = {}": 'formaat = 1\nschuiven = {}\n[sessie]\ngemeente = "Oss"\ndatum = 2024-01-01\n',
    "dotted keys": (
        'formaat = 1\nsessie.gemeente = "Oss"\nsessie.datum = 2024-01-01\n'
        'schuiven.communicatie.stand = 3\ncasus.titel = "Punt"\n'
    ),
    "an inline slider table": HEAD + "[schuiven]\ncommunicatie = {stand = 3}\n",
    "a sparse file": HEAD
    + '[schuiven.communicatie]\nstand = 3\n[[agenda]]\nid = "a1"\ntekst = "Een"\n',
}


@pytest.mark.parametrize("text", UNUSUAL.values(), ids=UNUSUAL.keys())
def test_an_unusual_valid_file_can_be_changed_and_saved(tmp_path: Path, text: str) -> None:
    path = tmp_path / "2024-01-01.toml"
    path.write_text(text, encoding="utf-8")
    session = load(path)
    assert save(session, path).written is False  # unchanged: not a byte rewritten
    assert path.read_text(encoding="utf-8") == text
    session.sliders["positionering_intern"].stand = 2
    session.sliders["communicatie"].toelichting = "Nu per wijk."
    session.agenda.append(AgendaItem("a9", "Nieuwe stap"))
    save(session, path)
    assert load(path) == session


async def test_the_panel_says_before_a_save_which_tables_it_rewrites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "oss" / "2024-01-01.toml"
    path.parent.mkdir()
    path.write_text(UNUSUAL["dotted keys"], encoding="utf-8")
    app = make_app(path, today=lambda: TODAY)
    shown = record_notifications(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(shown) == 1  # when it is opened, nothing saved yet
        assert shown[0].startswith("[sessie], [casus], [schuiven] staat in een vorm")
        assert path.read_text(encoding="utf-8") == UNUSUAL["dotted keys"]
        await pilot.press("up", "ctrl+s")
        await pilot.pause()
    assert shown[1:] == [f"Opgeslagen in {path}"]  # said before, not again after
    assert '[casus]\ntitel = "Punt"' in path.read_text(encoding="utf-8")
    assert load(path).stands()["positionering_intern"] == 1


def test_a_sparse_file_stays_sparse(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(UNUSUAL["a sparse file"], encoding="utf-8")
    session = load(path)
    session.sliders["communicatie"].stand = 4
    save(session, path)
    assert path.read_text(encoding="utf-8") == UNUSUAL["a sparse file"].replace(
        "stand = 3", "stand = 4"
    )


def test_a_crlf_file_keeps_crlf_on_every_line(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_bytes((HEAD + '[casus]\nnotities = """\nEen\n"""\n').replace("\n", "\r\n").encode())
    session = load(path)
    session.casus.notities = "Een\nTwee\n"
    session.agenda.append(AgendaItem("a1", "Stap"))
    save(session, path)
    raw = path.read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n") > 10
    assert load(path) == session


def test_a_file_with_a_byte_order_mark_loads_and_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_bytes(b"\xef\xbb\xbf" + HEAD.encode())
    session = load(path)
    assert session.gemeente == "Oss"
    session.sliders["communicatie"].stand = 1
    save(session, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfformaat = 1\n")


def test_a_read_only_file_is_never_replaced_also_by_root(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(HEAD, encoding="utf-8")
    path.chmod(0o444)
    session = load(path)
    session.sliders["communicatie"].stand = 1
    with pytest.raises(ReadOnlyError, match="is alleen-lezen"):
        save(session, path)
    assert path.read_text(encoding="utf-8") == HEAD


async def test_the_panel_offers_to_save_a_read_only_file_elsewhere(sessions_dir: Path) -> None:
    path = sessions_dir / "venlo" / "2020-02-12.toml"
    before = path.read_bytes()
    path.chmod(0o444)
    app = make_app(path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
    assert path.read_bytes() == before
    assert load(path.with_name("2020-02-12-2.toml")).stands()["positionering_intern"] == -1


def test_a_save_keeps_the_files_owner(tmp_path: Path) -> None:
    # Root (as on a shared server) saving someone else's file; anyone else
    # can only own the file themselves.
    owner = (1234, 5678) if os.geteuid() == 0 else (os.geteuid(), os.getegid())
    path = tmp_path / "s.toml"
    path.write_text(HEAD, encoding="utf-8")
    os.chown(path, *owner)
    session = load(path)
    session.sliders["communicatie"].stand = 1
    save(session, path)
    assert load(path).stands()["communicatie"] == 1
    info = path.stat()
    assert (info.st_uid, info.st_gid) == owner


def test_temporary_files_of_killed_saves_are_removed_at_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(HEAD, encoding="utf-8")
    for n in range(3):  # left by saves that were killed: nobody holds them
        (tmp_path / f".s.toml.killed{n}.tmp").write_text("formaat = 1\n[sess", encoding="utf-8")
    in_flight = tmp_path / ".s.toml.busy.tmp"  # another process writing right now
    in_flight.write_text("", encoding="utf-8")
    with in_flight.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        session = load(path)
        session.sliders["communicatie"].stand = 1
        save(session, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".s.toml.busy.tmp", "s.toml"]


def test_a_name_too_long_for_the_file_system_is_a_message_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(HEAD, encoding="utf-8")
    with pytest.raises(SessionError, match="kan niet opslaan"):
        save(load(path), tmp_path / ("x" * 300) / "s.toml")


def test_saves_killed_at_random_moments_never_leave_a_broken_file(tmp_path: Path) -> None:
    """200 saves killed with SIGKILL: the file is always the old or the new session."""
    import random
    import signal

    path = tmp_path / "s.toml"
    path.write_text(HEAD, encoding="utf-8")
    versions = []
    for stand in (-3, 4):
        session = load(path)
        session.sliders["communicatie"].stand = stand
        session.casus.notities = f"Versie {stand}\\n" * 200  # a write of some size
        versions.append(session)
    save(versions[0], path)
    shuffle = random.Random(20201007)
    left_behind = 0
    for _ in range(200):
        child = os.fork()
        if child == 0:  # pragma: no cover - the child only saves until it is killed
            try:
                while True:
                    for version in versions:
                        save(version, path)
            finally:
                os._exit(0)
        time.sleep(shuffle.uniform(0, 0.02))  # a random moment in the child's saves
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        assert load(path) in versions  # parses, and is one whole version
        left_behind = max(left_behind, len(list(tmp_path.glob(".s.toml.*.tmp"))))
    assert left_behind  # some kills did come in the middle of a save
    save(versions[1] if load(path) == versions[0] else versions[0], path)
    assert [p.name for p in tmp_path.iterdir()] == ["s.toml"]  # nothing left behind


INLINE_SLIDERS = """# Schuifoefening
formaat = 1

[sessie]
gemeente = "Altena"  # de gemeente
datum = 2020-02-12
bron.naam = "werkplaats"  # a key schuiftui does not know, dotted

[casus]
titel = "Armoedepact"
notities = ""

# Schuiven, kort geschreven
[schuiven]
positionering_intern = { stand = 3, toelichting = "Budget.", kleur = "rood" }  # intern
proces_met_bewoners = { stand = -2, toelichting = "" }
# binnen
proces_binnen_gemeente = { stand = -4, toelichting = "" }
bestuur_en_politiek = { stand = 4, toelichting = "" }  # bestuur
communicatie = { stand = -2, toelichting = "" }  # comm

[[agenda]]
id = "a1"
tekst = "Iets"
"""


def test_one_step_in_inline_slider_tables_changes_one_line(tmp_path: Path) -> None:
    """Inline slider tables are edited in place: comments, `kleur` and `bron.naam` stay."""
    path = tmp_path / "2020-02-12.toml"
    path.write_text(INLINE_SLIDERS, encoding="utf-8")
    session = load(path)
    session.sliders["communicatie"].stand = -1
    result = save(session, path)
    assert result.rewritten == ()
    before, after = INLINE_SLIDERS.splitlines(), path.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after)
    assert changed == [
        (
            'communicatie = { stand = -2, toelichting = "" }  # comm',
            'communicatie = { stand = -1, toelichting = "" }  # comm',
        )
    ]


def test_a_toelichting_in_an_inline_slider_table_is_written_in_place(tmp_path: Path) -> None:
    path = tmp_path / "2020-02-12.toml"
    path.write_text(INLINE_SLIDERS, encoding="utf-8")
    session = load(path)
    session.sliders["bestuur_en_politiek"].toelichting = "Twee\nregels"
    session.casus.titel = "Armoedepact in de kernen"
    save(session, path)
    assert load(path) == session
    text = path.read_text(encoding="utf-8")
    assert 'kleur = "rood" }  # intern' in text and "# binnen" in text
    assert 'bron.naam = "werkplaats"  # a key schuiftui does not know, dotted' in text


@pytest.mark.parametrize(
    "endings, expected", [(["\r\n"] * 5 + ["\n"], "\r\n"), (["\n"] * 5 + ["\r\n"], "\n")]
)
def test_mixed_line_endings_keep_the_dominant_one(
    tmp_path: Path, endings: list[str], expected: str
) -> None:
    lines = ["formaat = 1", "[sessie]", 'gemeente = "Oss"', "datum = 2024-01-01", "# een", "# twee"]
    path = tmp_path / "2024-01-01.toml"
    path.write_bytes("".join(a + b for a, b in zip(lines, endings)).encode())
    session = load(path)
    session.sliders["communicatie"].stand = 2
    save(session, path)
    raw = path.read_bytes().decode()
    other = "\n" if expected == "\r\n" else "\r\n"
    assert raw.count(expected) >= len(lines)
    assert (other == "\r\n" and "\r\n" not in raw) or (
        other == "\n" and "\n" not in raw.replace("\r\n", "")
    )


def test_comments_move_with_their_key_when_a_table_is_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "2024-01-01.toml"
    path.write_text(
        "formaat = 1\n"
        'sessie.gemeente = "Oss"  # de naam\n'
        "sessie.datum = 2024-01-01\n"
        "schuiven.communicatie.stand = 3  # per wijk\n"
        'agenda = [{id = "a1", tekst = "Een"}]  # acties\n',
        encoding="utf-8",
    )
    session = load(path)
    session.sliders["communicatie"].stand = 2
    assert save(session, path).rewritten == ("sessie", "schuiven", "agenda")
    text = path.read_text(encoding="utf-8")
    assert 'gemeente = "Oss" # de naam' in text
    assert "stand = 2 # per wijk" in text
    assert "[[agenda]] # acties" in text
    assert load(path) == session
