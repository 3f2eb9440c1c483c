"""Loading and saving session files as FORMAT.md describes them."""

from __future__ import annotations

import datetime
import difflib
import os
import stat
import sys
from pathlib import Path

import pytest

from schuiftui.core.categories import CATEGORY_IDS
from schuiftui.core.session import AgendaItem, new_session
from schuiftui.core.storage import SessionError, dumps, load, loads, save, writing

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

MINIMAL = 'formaat = 1\n\n[sessie]\ngemeente = "Venlo"\ndatum = 2021-03-04\n'


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_example_sessions_load_with_their_values(altena: Path) -> None:
    session = load(altena)
    assert session.gemeente == "Altena"
    assert session.datum == datetime.date(2020, 2, 12)
    assert session.stands() == {
        "positionering_intern": 3,
        "proces_met_bewoners": -2,
        "proces_binnen_gemeente": -4,
        "bestuur_en_politiek": 4,
        "communicatie": -2,
    }
    assert [item.id for item in session.agenda] == ["a1", "a2", "a3"]
    assert session.agenda[1].termijn == "lang"


def test_saving_an_unchanged_session_writes_identical_bytes(altena: Path) -> None:
    before = altena.read_bytes()
    mtime = altena.stat().st_mtime_ns
    result = save(load(altena), altena)
    assert result.written is False
    assert altena.read_bytes() == before
    assert altena.stat().st_mtime_ns == mtime


def test_changing_one_stand_changes_exactly_one_line(altena: Path) -> None:
    before = altena.read_text(encoding="utf-8")
    session = load(altena)
    session.sliders["communicatie"].stand = 1
    save(session, altena)
    assert changed_lines(before, altena.read_text(encoding="utf-8")) == [
        "-stand = -2",
        "+stand = 1",
    ]


def test_save_keeps_hand_written_comments_and_blank_lines(altena: Path) -> None:
    text = altena.read_text(encoding="utf-8")
    text = text.replace("stand = 3\n", "stand = 3  # besproken met de teamleider\n")
    text = text.replace(
        "[schuiven.communicatie]", "# Hierover was discussie\n\n\n[schuiven.communicatie]"
    )
    text = text.replace('titel = "Werkplaats 2"\n', 'titel = "Werkplaats 2"\n# notulist: Sam\n')
    altena.write_text(text, encoding="utf-8")
    session = load(altena)
    session.sliders["positionering_intern"].stand = 4
    session.sliders["bestuur_en_politiek"].stand = 2
    save(session, altena)
    after = altena.read_text(encoding="utf-8")
    assert "stand = 4  # besproken met de teamleider\n" in after
    assert "# Hierover was discussie\n\n\n[schuiven.communicatie]" in after
    assert "# notulist: Sam\n" in after
    assert len(changed_lines(text, after)) == 4


def test_new_key_goes_above_a_comment_that_belongs_to_the_next_header(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(
        MINIMAL + "\n[schuiven.positionering_intern]\nstand = 1\n# over proces met bewoners\n"
        "[schuiven.proces_met_bewoners]\nstand = 2\n",
        encoding="utf-8",
    )
    session = load(path)
    session.sliders["positionering_intern"].toelichting = "Eigen budget."
    save(session, path)
    assert (
        'stand = 1\ntoelichting = "Eigen budget."\n# over proces met bewoners\n'
        "[schuiven.proces_met_bewoners]" in path.read_text(encoding="utf-8")
    )


def test_new_files_are_byte_for_byte_deterministic(tmp_path: Path) -> None:
    session = new_session("Altena", datetime.date(2020, 2, 12))
    session.agenda.append(AgendaItem("a1", "Eerste stap", termijn="kort"))
    save(session, tmp_path / "one.toml")
    save(session, tmp_path / "two.toml")
    one = (tmp_path / "one.toml").read_bytes()
    assert one == (tmp_path / "two.toml").read_bytes()
    assert one.startswith(b"# Schuifoefening wijkgericht werken\nformaat = 1\n\n[sessie]\n")
    headers = [line for line in one.decode().splitlines() if line.startswith("[")]
    assert headers == ["[sessie]", "[casus]"] + [
        f"[schuiven.{i}]  # {n}"
        for i, n in zip(
            CATEGORY_IDS,
            [
                "Positionering intern",
                "Proces met bewoners",
                "Proces binnen gemeente",
                "Bestuur en politiek",
                "Communicatie",
            ],
        )
    ] + ["[[agenda]]"]


def test_a_new_file_from_scratch_matches_the_example_byte_for_byte(altena: Path) -> None:
    assert dumps(load(altena)) == altena.read_text(encoding="utf-8")


def test_multiline_text_is_written_as_a_multiline_string(tmp_path: Path) -> None:
    session = new_session("Altena", datetime.date(2020, 2, 12))
    session.casus.notities = "Eerste regel.\nTweede regel.\n"
    path = tmp_path / "s.toml"
    save(session, path)
    assert 'notities = """\nEerste regel.\nTweede regel.\n"""\n' in path.read_text(encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    session.casus.notities = "Eerste regel.\nTweede regel, aangepast.\n"
    save(session, path)
    assert changed_lines(before, path.read_text(encoding="utf-8")) == [
        "-Tweede regel.",
        "+Tweede regel, aangepast.",
    ]


def test_windows_line_breaks_are_normalised_before_writing(tmp_path: Path) -> None:
    session = new_session("Altena", datetime.date(2020, 2, 12))
    session.casus.notities = "een\r\ntwee\rdrie\n"
    path = tmp_path / "s.toml"
    save(session, path)
    assert b"\r" not in path.read_bytes()
    assert load(path).casus.notities == "een\ntwee\ndrie\n"


@pytest.mark.parametrize(
    "text",
    [
        'quote " and """ triple and """" four',
        'ends with a quote"',
        'ends with three"""',
        "back\\slash at end\\",
        "tab\there\nand\ttab",
        "Dutch: café, ë, ï, ĳ — “quotes”",
        "emoji 🧭🏘️ and zero-width\u200bspace",
        "control \x00 \x07 \x1b[31m \x7f",
        "x" * 5000,
        "line\n" * 3 + "x" * 3000,
        "",
        "\n",
        '"\n"',
    ],
)
def test_difficult_text_survives_save_and_load(tmp_path: Path, text: str) -> None:
    session = new_session("Altena", datetime.date(2020, 2, 12))
    session.casus.notities = text
    session.sliders["communicatie"].toelichting = text
    session.agenda.append(AgendaItem("a1", text, eigenaar=text))
    path = tmp_path / "s.toml"
    save(session, path)
    tomllib.loads(path.read_text(encoding="utf-8"))
    assert load(path) == session.normalized()  # the same, but without control characters


def test_agenda_item_is_added_with_a_blank_line_before_it(altena: Path) -> None:
    # No newline at the end of the file: a naive append glues the header on.
    altena.write_text(altena.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")
    session = load(altena)
    session.agenda.append(AgendaItem("a4", "Nieuwe stap"))
    save(session, altena)
    text = altena.read_text(encoding="utf-8")
    assert (
        'eigenaar = "team"\n\n[[agenda]]\nid = "a4"\ntekst = "Nieuwe stap"\nstatus = "open"\n'
        in text
    )
    assert text.endswith('status = "open"\n')
    assert load(altena).agenda[-1].id == "a4"


def test_moving_an_agenda_item_moves_its_block(altena: Path) -> None:
    before = altena.read_text(encoding="utf-8")
    session = load(altena)
    session.agenda.insert(0, session.agenda.pop(2))
    save(session, altena)
    after = altena.read_text(encoding="utf-8")
    assert [item.id for item in load(altena).agenda] == ["a3", "a1", "a2"]
    assert "\n\n\n" not in after
    assert sorted(before.splitlines()) == sorted(after.splitlines())


def test_deleting_an_agenda_item_removes_only_its_lines(altena: Path) -> None:
    before = altena.read_text(encoding="utf-8")
    session = load(altena)
    del session.agenda[1]
    save(session, altena)
    removed = changed_lines(before, altena.read_text(encoding="utf-8"))
    assert all(line.startswith("-") for line in removed)
    assert '-id = "a2"' in removed
    assert len(removed) == 7  # header, five keys, one blank line


def with_agenda_comments(path: Path) -> str:
    """Put a hand-written comment above the headers of a1 and a2, and one inside a3."""
    text = path.read_text(encoding="utf-8")
    for item_id, comment in (("a1", "# a1: uit de werkplaats"), ("a2", "# a2: met de wethouder")):
        text = text.replace(
            f'[[agenda]]\nid = "{item_id}"', f'{comment}\n[[agenda]]\nid = "{item_id}"'
        )
    text = text.replace('[[agenda]]\nid = "a3"', '[[agenda]]\n# binnen a3\nid = "a3"')
    path.write_text(text, encoding="utf-8")
    return text


def comment_above(text: str, item_id: str) -> str | None:
    """The comment line right above the header of agenda item `item_id`, if any."""
    lines = text.splitlines()
    header = lines.index(f'id = "{item_id}"') - 1
    above = lines[header - 1]
    return above if above.startswith("#") else None


def test_deleting_an_agenda_item_keeps_the_comment_above_the_next_one(altena: Path) -> None:
    before = with_agenda_comments(altena)
    session = load(altena)
    del session.agenda[0]
    save(session, altena)
    after = altena.read_text(encoding="utf-8")
    assert comment_above(after, "a2") == "# a2: met de wethouder"
    assert "# a1: uit de werkplaats" not in after  # it went with its item
    assert "# binnen a3" in after
    assert all(line.startswith("-") for line in changed_lines(before, after))


def test_moving_agenda_items_moves_the_comments_above_them(altena: Path) -> None:
    before = with_agenda_comments(altena)
    session = load(altena)
    session.agenda[0], session.agenda[1] = session.agenda[1], session.agenda[0]
    save(session, altena)
    after = altena.read_text(encoding="utf-8")
    assert [item.id for item in load(altena).agenda] == ["a2", "a1", "a3"]
    assert comment_above(after, "a2") == "# a2: met de wethouder"
    assert comment_above(after, "a1") == "# a1: uit de werkplaats"
    assert comment_above(after, "a3") is None
    assert "\n\n\n" not in after
    assert sorted(before.splitlines()) == sorted(after.splitlines())
    session.agenda[0], session.agenda[1] = session.agenda[1], session.agenda[0]
    save(session, altena)
    assert altena.read_text(encoding="utf-8") == before  # and back, byte for byte


def test_adding_an_agenda_item_leaves_the_comments_where_they_are(altena: Path) -> None:
    before = with_agenda_comments(altena)
    session = load(altena)
    session.agenda.append(AgendaItem("a4", "Nieuwe stap"))
    save(session, altena)
    added = changed_lines(before, altena.read_text(encoding="utf-8"))
    assert all(line.startswith("+") for line in added)


def test_removing_the_last_agenda_item_drops_the_array(altena: Path) -> None:
    session = load(altena)
    session.agenda.clear()
    save(session, altena)
    text = altena.read_text(encoding="utf-8")
    assert "[[agenda]]" not in text
    assert load(altena).agenda == []


def test_missing_tables_mean_middle_and_empty(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    session = load(path)
    assert session.stands() == dict.fromkeys(CATEGORY_IDS, 0)
    assert session.casus.titel == session.casus.notities == ""
    assert session.agenda == []
    assert save(session, path).written is False


def test_a_missing_slider_table_is_added_in_its_place(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(
        MINIMAL
        + "\n[schuiven.positionering_intern]\nstand = 1\n\n[schuiven.communicatie]\nstand = 2\n",
        encoding="utf-8",
    )
    session = load(path)
    session.sliders["proces_binnen_gemeente"].stand = -3
    session.casus.titel = "Een casus"
    save(session, path)
    text = path.read_text(encoding="utf-8")
    headers = [line.split()[0] for line in text.splitlines() if line.startswith("[")]
    assert headers == [
        "[sessie]",
        "[casus]",
        "[schuiven.positionering_intern]",
        "[schuiven.proces_binnen_gemeente]",
        "[schuiven.communicatie]",
    ]
    assert load(path).stands()["proces_binnen_gemeente"] == -3


def test_unknown_keys_survive_a_save(altena: Path) -> None:
    text = altena.read_text(encoding="utf-8").replace(
        "[casus]\n", '[casus]\nbron = "verslag werkplaats"\n'
    )
    altena.write_text(text, encoding="utf-8")
    session = load(altena)
    session.casus.titel = "Nieuw"
    save(session, altena)
    assert 'bron = "verslag werkplaats"' in altena.read_text(encoding="utf-8")


def test_save_keeps_the_file_permissions(altena: Path) -> None:
    os.chmod(altena, 0o640)
    session = load(altena)
    session.sliders["communicatie"].stand = 0
    save(session, altena)
    assert stat.S_IMODE(altena.stat().st_mode) == 0o640
    assert [p.name for p in altena.parent.iterdir() if p.name.startswith(".")] == []


def test_a_failed_check_leaves_the_file_untouched(
    altena: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = altena.read_bytes()
    session = load(altena)
    session.sliders["communicatie"].stand = 5
    monkeypatch.setattr(
        writing, "_dumps", lambda s, p=None: (p.replace("stand = -2", "stand = 9", 1), ())
    )
    with pytest.raises(SessionError, match="interne fout, niet opgeslagen"):
        save(session, altena)
    assert altena.read_bytes() == before
    assert sorted(p.name for p in altena.parent.iterdir()) == ["2020-02-12.toml", "2020-10-07.toml"]


def test_save_refuses_when_the_file_on_disk_is_no_longer_toml(altena: Path) -> None:
    session = load(altena)
    altena.write_text("formaat = = 1\n", encoding="utf-8")
    with pytest.raises(SessionError, match="geen geldige TOML meer"):
        save(session, altena)
    assert altena.read_text(encoding="utf-8") == "formaat = = 1\n"


INVALID = [
    ("formaat = 1\n[sessie\n", r"s\.toml:2: geen geldige TOML"),
    ("gemeente = 1\n", r"s\.toml: de sleutel formaat ontbreekt"),
    (
        'formaat = 2\n[sessie]\ngemeente = "x"\ndatum = 2020-01-01\n',
        r"s\.toml:1: formaat: formaat 2 is nieuwer",
    ),
    ('formaat = "1"\n', r"s\.toml:1: formaat: moet een positief geheel getal zijn"),
    ("formaat = 1\n", r"s\.toml: de tabel \[sessie\] ontbreekt"),
    ("formaat = 1\n[sessie]\ndatum = 2020-01-01\n", r"s\.toml: sessie\.gemeente: ontbreekt"),
    (
        'formaat = 1\n[sessie]\ngemeente = "x"\ndatum = "2020-01-01"\n',
        r"s\.toml:4: sessie\.datum: moet een datum zijn",
    ),
    (
        'formaat = 1\n[sessie]\ngemeente = "x"\ndatum = 2020-01-01T10:00:00\n',
        r"s\.toml:4: sessie\.datum: moet een datum zijn",
    ),
    (
        'formaat = 1\n[sessie]\ngemeente = "x"\ndatum = 2020-01-01\ndeelnemers = [1]\n',
        r"s\.toml:5: sessie\.deelnemers: moet een lijst",
    ),
    (
        MINIMAL + "[schuiven.communicatie]\nstand = 6\n",
        r"s\.toml:7: schuiven\.communicatie\.stand: moet een geheel getal van -5 tot 5 zijn, niet 6",
    ),
    (
        MINIMAL + "[schuiven.communicatie]\nstand = 2.5\n",
        r"s\.toml:7: schuiven\.communicatie\.stand: .* niet 2\.5",
    ),
    (
        MINIMAL + "[schuiven.communicatie]\nstand = true\n",
        r"s\.toml:7: schuiven\.communicatie\.stand: .* niet true",
    ),
    (
        MINIMAL + '[schuiven.communicatie]\nstand = "3"\n',
        r"s\.toml:7: schuiven\.communicatie\.stand: .* niet '3'",
    ),
    (MINIMAL + "[schuiven.budget]\nstand = 1\n", r"s\.toml:6: schuiven\.budget: onbekende schuif"),
    (
        MINIMAL + "[schuiven.communicatie]\ntoelichting = 3\n",
        r"s\.toml:7: schuiven\.communicatie\.toelichting: moet tekst zijn",
    ),
    (MINIMAL + '[casus]\nnotities = ["a"]\n', r"s\.toml:7: casus\.notities: moet tekst zijn"),
    ("formaat = 1\ncasus = 3\n" + MINIMAL[12:], r"s\.toml:2: casus: moet een tabel zijn"),
    (
        MINIMAL + '[[agenda]]\nid = "a1"\ntekst = "x"\nstatus = "klaar"\n',
        r"s\.toml:9: agenda\[1\]\.status: moet \"open\" of \"gedaan\" zijn",
    ),
    (
        MINIMAL + '[[agenda]]\nid = "a1"\ntekst = "x"\n[[agenda]]\nid = "a1"\ntekst = "y"\n',
        r"s\.toml:10: agenda\[2\]\.id: 'a1' komt twee keer voor",
    ),
    (MINIMAL + '[[agenda]]\nid = "a1"\n', r"s\.toml: agenda\[1\]\.tekst: ontbreekt"),
    (
        MINIMAL + '[[agenda]]\nid = "a1"\ntekst = "x"\ntermijn = "middel"\n',
        r"s\.toml:9: agenda\[1\]\.termijn",
    ),
]


@pytest.mark.parametrize(("text", "message"), INVALID)
def test_invalid_files_give_one_clear_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SessionError) as caught:
        load(path)
    shown = str(caught.value)
    assert "\n" not in shown
    assert shown.startswith(str(path))
    import re

    assert re.search(message, shown), shown


def test_not_utf8_and_missing_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_bytes(b'formaat = 1\n[sessie]\ngemeente = "\xe9"\n')
    with pytest.raises(SessionError, match=r"s\.toml:3: is geen UTF-8-tekst"):
        load(path)
    with pytest.raises(SessionError, match="bestand bestaat niet"):
        load(tmp_path / "weg.toml")


def test_loads_names_the_given_path() -> None:
    with pytest.raises(SessionError, match=r"^x\.toml: de tabel"):
        loads("formaat = 1\n", "x.toml")
