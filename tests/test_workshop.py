"""The whole workshop in the app: details, rounds, removal, organogram, huiswerk."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schuiftui.app import make_app
from schuiftui.core.session import AgendaItem
from schuiftui.core.storage import load, save
from schuiftui.screens.dialogs.agenda import AgendaItemDialog
from schuiftui.screens.dialogs.choices import ConfirmDialog, ExistingGemeenteDialog
from schuiftui.screens.dialogs.session import DetailsDialog, NewSessionDialog
from schuiftui.screens.panel import PanelScreen
from schuiftui.screens.start import StartScreen

from .conftest import TODAY, record_notifications
from .test_start import new_gemeente, shown_rows


def session_files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.glob("*.toml"))


# Session details


async def test_details_dialog_sets_titel_deelnemers_and_datum(
    altena: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = record_notifications(app, monkeypatch)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, DetailsDialog)
        await pilot.press("ctrl+u", *"Werkplaats 3", "tab")  # ctrl+u: clear the field
        await pilot.press("ctrl+u", *"Anna, soc", "right")  # → takes "sociaal domein"
        await pilot.press("tab", *"2020-02-13")  # the date field's text is selected on focus
        await pilot.press("ctrl+s")  # done and save
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
    assert any("het bestand blijft 2020-02-12.toml heten" in message for message in shown)
    session = load(altena)
    assert (session.titel, session.deelnemers) == ("Werkplaats 3", ["Anna", "sociaal domein"])
    assert session.datum == datetime.date(2020, 2, 13)


async def test_details_dialog_refuses_a_date_that_is_not_jjjj_mm_dd(altena: Path) -> None:
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "tab", "tab", *"20200213", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailsDialog)  # still open, saying why
        assert "schrijf 22-10-2026" in str(app.screen.query_one("#problem").render())
    assert load(altena).datum == datetime.date(2020, 2, 12)


async def test_a_new_session_gets_titel_and_deelnemers(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Zwolle", "tab", "tab", *"Werkplaats 1", "tab", *"wijk", "right")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
    session = load(sessions_dir / "zwolle" / f"{TODAY.isoformat()}.toml")
    assert (session.titel, session.deelnemers) == ("Werkplaats 1", ["wijkambtenaar"])


# Rounds


async def test_n_with_an_existing_gemeente_offers_a_new_round_in_its_spelling(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = record_notifications(app, monkeypatch)
        await new_gemeente(pilot, "altena")
        assert isinstance(app.screen, ExistingGemeenteDialog)
        assert "Altena heeft al 2 sessies; de laatste is van 2020-10-07" in str(
            app.screen.query_one("#question").render()
        )
        await pilot.press("enter")  # a new round (the default)
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
    session = load(sessions_dir / "altena" / f"{TODAY.isoformat()}.toml")
    assert session.gemeente == "Altena"
    assert [item.id for item in session.agenda] == ["a2", "a4"]
    # The actions done in the round before are said once, not silently dropped.
    done = [message for message in shown if message.startswith("Gedaan sinds de vorige ronde")]
    assert len(done) == 1
    assert "Wijkagenda" in done[0] or "Armoedepact" in done[0]


async def test_n_with_an_existing_gemeente_can_still_make_an_empty_session(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_gemeente(pilot, "ALTENA")
        await pilot.press("l")  # leeg
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
    session = load(sessions_dir / "altena" / f"{TODAY.isoformat()}.toml")
    assert session.gemeente == "Altena"
    assert set(session.stands().values()) == {0}
    assert session.agenda == []


async def test_a_new_round_asks_its_date(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionDialog)
        assert "Nieuwe ronde: Altena" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press(*"2027-01-15", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
    assert "2027-01-15.toml" in session_files(sessions_dir / "altena")


async def test_a_second_session_on_a_day_is_made_only_after_saying_so(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "enter")  # a round dated today
        await pilot.pause()
        await pilot.press("escape")  # back to the list
        await pilot.pause()
        await pilot.press("r", "enter")  # again today
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#question").render())
        assert f"{TODAY.isoformat()}-2.toml" in question
        await pilot.press("escape")  # no
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert f"{TODAY.isoformat()}-2.toml" not in session_files(sessions_dir / "altena")
        await pilot.press("r", "enter")
        await pilot.pause()
        await pilot.press("enter")  # yes, a second one
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
    assert f"{TODAY.isoformat()}-2.toml" in session_files(sessions_dir / "altena")


async def test_a_new_round_goes_into_the_folder_of_the_gemeente_it_continues(
    sessions_dir: Path,
) -> None:
    (sessions_dir / "altena").rename(sessions_dir / "land-van-altena")
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
    assert not (sessions_dir / "altena").exists()
    assert f"{TODAY.isoformat()}.toml" in session_files(sessions_dir / "land-van-altena")


async def test_a_copied_toelichting_is_marked_until_it_is_edited(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "enter")
        await pilot.pause()
        detail = str(app.screen.query_one("#detail-text").render())
        assert "overgenomen uit de vorige ronde" in detail
        await pilot.press("t", "ctrl+u", *"Nieuw budget", "escape")
        await pilot.pause()
        detail = str(app.screen.query_one("#detail-text").render())
        assert "overgenomen" not in detail


# Removal


async def test_removing_moves_the_file_to_the_trash_and_u_brings_it_back(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    newest = sessions_dir / "altena" / "2020-10-07.toml"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert str(newest) in str(app.screen.query_one("#question").render())
        await pilot.press("enter")
        await pilot.pause()
        assert not newest.exists()
        trashed = sessions_dir / ".prullenbak" / "altena" / "2020-10-07.toml"
        assert trashed.is_file()
        assert not any("2020-10-07" in row for row in shown_rows(app))
        await pilot.press("u")
        await pilot.pause()
        assert newest.is_file() and not trashed.exists()
        assert any("2020-10-07" in row for row in shown_rows(app))


async def test_cancelling_a_removal_keeps_the_file(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "escape")
        await pilot.pause()
    assert (sessions_dir / "altena" / "2020-10-07.toml").is_file()
    assert not (sessions_dir / ".prullenbak").exists()


# Organogram and huiswerk


async def test_organogram_is_typed_in_the_side_panel_and_saved(altena: Path) -> None:
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o", *"Onder Samenleving", "ctrl+s")
        await pilot.pause()
    assert load(altena).organogram == "Onder Samenleving"
    text = altena.read_text(encoding="utf-8")
    assert text.index("[organogram]") < text.index("[casus]")


def with_huiswerk(path: Path, uiterlijk: datetime.date) -> None:
    session = load(path)
    session.agenda.append(AgendaItem("a9", "Wethouder bellen", uiterlijk=uiterlijk))
    save(session, path)


async def test_huiswerk_past_its_date_is_marked_in_the_panel(altena: Path) -> None:
    with_huiswerk(altena, TODAY - datetime.timedelta(days=1))
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        agenda = app.screen.query_one("#agenda")
        last = str(agenda.get_option_at_index(agenda.option_count - 1).prompt)
        assert last.startswith("[!] Wethouder bellen")
        assert "te laat" in last


async def test_huiswerk_due_later_is_not_marked(altena: Path) -> None:
    with_huiswerk(altena, TODAY)
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        agenda = app.screen.query_one("#agenda")
        last = str(agenda.get_option_at_index(agenda.option_count - 1).prompt)
        assert last.startswith("[ ] Wethouder bellen")
        assert f"uiterlijk {TODAY.isoformat()}" in last


async def test_the_start_screen_counts_overdue_huiswerk_per_gemeente(sessions_dir: Path) -> None:
    newest = sessions_dir / "altena" / "2020-10-07.toml"
    with_huiswerk(newest, TODAY - datetime.timedelta(days=3))
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)):
        rows = shown_rows(app)
        assert rows[0].startswith("Altena") and "1 actie te laat" in rows[0]
        assert not any("te laat" in row for row in rows[1:])


async def test_an_agenda_item_gets_a_date_and_a_wrong_one_is_refused(altena: Path) -> None:
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "n")
        await pilot.pause()
        assert isinstance(app.screen, AgendaItemDialog)
        await pilot.press(*"Wethouder bellen")
        app.screen.query_one("#uiterlijk").focus()
        await pilot.press(*"31-02-2027", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaItemDialog)
        assert "de datum '31-02-2027' bestaat niet" in str(
            app.screen.query_one("#problem").render()
        )
        await pilot.press("ctrl+u", *"11-03-2027", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
    item = load(altena).agenda[-1]
    assert (item.tekst, item.uiterlijk) == ("Wethouder bellen", datetime.date(2027, 3, 11))


# The file format's optional additions, and the command line


ADDITIONS = """\
formaat = 1

[sessie]
gemeente = "Altena"
datum = 2026-03-04
ingevuld_door = "Anna"

[organogram]
notities = \"\"\"
Wijkteams onder de directeur Samenleving.
\"\"\"

[casus]
titel = ""
notities = ""

[[agenda]]
id = "a1"
tekst = "Wethouder bellen"
status = "open"
uiterlijk = 2026-03-11
"""


def test_the_optional_additions_load_and_save_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "2026-03-04.toml"
    path.write_text(ADDITIONS, encoding="utf-8")
    session = load(path)
    assert session.ingevuld_door == "Anna"
    assert session.organogram == "Wijkteams onder de directeur Samenleving.\n"
    assert session.agenda[0].uiterlijk == datetime.date(2026, 3, 11)
    session.agenda[0].uiterlijk = datetime.date(2026, 3, 18)
    save(session, path)
    changed = [
        line for line in path.read_text(encoding="utf-8").splitlines() if "2026-03-1" in line
    ]
    assert changed == ["uiterlijk = 2026-03-18"]
    assert path.read_text(encoding="utf-8") == ADDITIONS.replace("2026-03-11", "2026-03-18")


def test_a_wrong_uiterlijk_names_its_line(tmp_path: Path) -> None:
    from schuiftui.core.storage import SessionError

    path = tmp_path / "2026-03-04.toml"
    path.write_text(ADDITIONS.replace("2026-03-11", '"volgende week"'), encoding="utf-8")
    with pytest.raises(SessionError) as problem:
        load(path)
    assert str(problem.value).endswith(
        ":21: agenda[1].uiterlijk: moet een datum zijn zoals 2020-03-11, niet 'volgende week'"
    )


def test_show_has_the_organogram_the_person_and_overdue_huiswerk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from schuiftui.__main__ import main

    path = tmp_path / "2026-03-04.toml"
    path.write_text(ADDITIONS, encoding="utf-8")
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Ingevuld door: Anna" in out
    assert "Organogram:\n   Wijkteams onder de directeur Samenleving." in out
    # 2026-03-11 is past (the machine's today is later than that in this suite's world too).
    assert "Lokale agenda (1 te laat):\n[!] Wethouder bellen (te laat: uiterlijk 2026-03-11)" in out


@pytest.mark.parametrize(
    "datum, said",
    [
        (
            "20260101",
            "ongeldige datum '20260101': schrijf 22-10-2026, 22-10 (dit jaar) of 2026-10-22",
        ),
        ("2026-W01-1", "ongeldige datum '2026-W01-1': schrijf 22-10-2026"),
        ("2026-1-1", "ongeldige datum '2026-1-1': schrijf"),
        ("22/10/2026", "ongeldige datum '22/10/2026': schrijf"),
        ("2026-02-30", "de datum '2026-02-30' bestaat niet"),
        ("31-02-2026", "de datum '31-02-2026' bestaat niet"),
    ],
)
def test_new_refuses_what_is_no_date_and_a_date_that_does_not_exist(
    sessions_dir: Path, datum: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from schuiftui.__main__ import main

    with pytest.raises(SystemExit) as exit_code:
        main(["new", "Zwolle", "--datum", datum, "--dir", str(sessions_dir)])
    assert exit_code.value.code == 2
    assert said in capsys.readouterr().err
    assert not (sessions_dir / "zwolle").exists()


@pytest.mark.parametrize(
    "datum, file",
    [
        ("22-10-2026", "2026-10-22.toml"),
        ("2-3-2026", "2026-03-02.toml"),
        ("2026-10-22", "2026-10-22.toml"),
        ("22-10", f"{datetime.date.today().year}-10-22.toml"),
    ],
)
def test_dates_are_typed_the_dutch_way_or_as_iso_and_stored_as_toml_dates(
    sessions_dir: Path, datum: str, file: str
) -> None:
    from schuiftui.__main__ import main

    assert main(["new", "Zwolle", "--datum", datum, "--dir", str(sessions_dir)]) == 0
    path = sessions_dir / "zwolle" / file
    assert f"datum = {file[:10]}\n" in path.read_text(encoding="utf-8")


def test_check_finds_toml_files_in_upper_case_and_skips_the_trash(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from schuiftui.__main__ import main

    upper = sessions_dir / "venlo" / "2021-01-01.TOML"
    upper.write_text("formaat = 1\n", encoding="utf-8")  # no [sessie]: a problem
    trash = sessions_dir / ".prullenbak" / "venlo"
    trash.mkdir(parents=True)
    (trash / "2019-01-01.toml").write_text("kapot", encoding="utf-8")
    assert main(["check", str(sessions_dir)]) == 1
    out = capsys.readouterr().out
    assert "2021-01-01.TOML" in out
    assert ".prullenbak" not in out


@pytest.mark.parametrize("count, said", [(1, "1 bestand in orde"), (2, "2 bestanden in orde")])
def test_check_counts_in_dutch(
    sessions_dir: Path, count: int, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from schuiftui.__main__ import main

    files = [str(sessions_dir / "altena" / name) for name in ("2020-02-12.toml", "2020-10-07.toml")]
    assert main(["check", *files[:count]]) == 0
    assert capsys.readouterr().out == f"{said}\n"


SEVERAL_PROBLEMS = """\
formaat = 1

[sessie]
gemeente = "Altena"
datum = "12 februari"

[schuiven.communicatie]
stand = 7

[[agenda]]
tekst = "Wethouder bellen"

[[agenda]]
id = "a2"
tekst = "Buurtschouw"
status = "klaar"
"""


def test_check_reports_every_problem_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from schuiftui.__main__ import main

    path = tmp_path / "2020-02-12.toml"
    path.write_text(SEVERAL_PROBLEMS, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{path}:5: sessie.datum: moet een datum zijn zoals 2020-02-12, niet '12 februari'",
        f"{path}:8: schuiven.communicatie.stand: moet een geheel getal van -5 tot 5 zijn, niet 7",
        f'{path}:10: agenda[1]: heeft geen id; een id (zoals "a1") houdt een actie herkenbaar'
        " over de rondes heen",
        f'{path}:16: agenda[2].status: moet "open" of "gedaan" zijn, niet \'klaar\'',
    ]


def test_load_says_the_first_problem(tmp_path: Path) -> None:
    from schuiftui.core.storage import SessionError

    path = tmp_path / "2020-02-12.toml"
    path.write_text(SEVERAL_PROBLEMS, encoding="utf-8")
    with pytest.raises(SessionError) as problem:
        load(path)
    assert str(problem.value) == (
        f"{path}:5: sessie.datum: moet een datum zijn zoals 2020-02-12, niet '12 februari'"
    )


def test_new_keeps_the_spelling_and_folder_of_an_existing_gemeente(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from schuiftui.__main__ import main

    (sessions_dir / "altena").rename(sessions_dir / "land-van-altena")
    assert main(["new", "altena", "--datum", "2020-10-07", "--dir", str(sessions_dir)]) == 0
    path = sessions_dir / "land-van-altena" / "2020-10-07-2.toml"
    captured = capsys.readouterr()
    assert captured.out == f"{path}\n"
    assert "Altena heeft op 2020-10-07 al een sessie" in captured.err
    assert load(path).gemeente == "Altena"


@pytest.mark.parametrize(
    "number, nl, en",
    [(13, "geen rechten", "no permission"), (17, "bestaat al", "exists already")],
)
def test_reasons_are_one_phrase_per_language(number: int, nl: str, en: str) -> None:
    from schuiftui.core.reasons import reason

    error = OSError(number, os.strerror(number))
    assert (reason(error), reason(error, "en")) == (nl, en)
    assert reason(OSError(9999, "Odd")) == "Odd"


def test_a_save_that_fails_says_why_in_dutch(sessions_dir: Path, tmp_path: Path) -> None:
    from schuiftui.core.storage import SessionError

    session = load(sessions_dir / "altena" / "2020-02-12.toml")
    blocker = tmp_path / "bestand"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(SessionError) as problem:
        save(session, blocker / "2020-02-12.toml")  # a file where a folder should be
    assert str(problem.value).endswith("kan niet opslaan (een deel van het pad is geen map)")


def test_a_wrong_type_is_named_in_dutch(tmp_path: Path) -> None:
    from schuiftui.core.storage import SessionError

    path = tmp_path / "2020-02-12.toml"
    path.write_text('formaat = 1\n[sessie]\ngemeente = "A"\ndatum = 10:30:00\n', encoding="utf-8")
    with pytest.raises(SessionError) as problem:
        load(path)
    assert str(problem.value).endswith("niet een tijd")


@pytest.mark.parametrize("keys", [["C"], ["c", "f2"]], ids=["C on a slider", "F2 in the notes"])
async def test_the_casus_has_a_full_size_editor(altena: Path, keys: list[str]) -> None:
    from schuiftui.screens.dialogs.text import CasusDialog

    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CasusDialog)
        notes = dialog.query_one("#casus-notes")
        assert notes.size.width >= 70 and notes.size.height >= 12  # the whole window
        await pilot.press("enter", *"Nog een regel.", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
    notities = load(altena).casus.notities
    assert notities.startswith("Altena bestaat sinds")
    assert notities.rstrip().endswith("Nog een regel.")


def test_the_format_document_shows_a_valid_file(tmp_path: Path) -> None:
    import re

    text = (Path(__file__).parent.parent / "docs" / "FORMAT.md").read_text(encoding="utf-8")
    example = re.findall(r"```toml\n(.*?)```", text, re.DOTALL)[0]
    path = tmp_path / "2020-02-12.toml"
    path.write_text(example, encoding="utf-8")
    session = load(path)
    assert session.organogram.startswith("Het wijkteam")
    assert session.samenhang.startswith("Initiatieven van bewoners")
    assert session.agenda[0].uiterlijk == datetime.date(2020, 3, 11)
    assert session.agenda[0].categorie == "proces_met_bewoners"
    save(session, path)  # an unchanged session: the file stays byte for byte
    assert path.read_text(encoding="utf-8") == example


def test_problems_with_files_are_english_with_lang_en(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from schuiftui.__main__ import main

    path = tmp_path / "2020-02-12.toml"
    path.write_text(SEVERAL_PROBLEMS, encoding="utf-8")
    broken = tmp_path / "2020-02-13.toml"
    broken.write_text('formaat = 1\nx = "open', encoding="utf-8")
    assert main(["--lang", "en", "check", str(path), str(broken)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path}:5: sessie.datum: must be a date such as 2020-02-12, not '12 februari'"
    assert out[2] == (
        f'{path}:10: agenda[1]: has no id; an id (such as "a1") keeps an action'
        " recognisable over the rounds"
    )
    assert out[4] == f'{broken}:2: not valid TOML: a text is not closed (a " is missing)'
    assert main(["check", str(broken)]) == 1
    dutch = capsys.readouterr().out
    assert (
        dutch
        == f'{broken}:2: geen geldige TOML: een tekst is niet afgesloten (er ontbreekt een ")\n'
    )


async def test_a_long_casus_title_ends_in_an_ellipsis_until_it_is_edited(altena: Path) -> None:
    session = load(altena)
    session.casus.titel = "Armoedepact in de kernen met alle maatschappelijke partners"
    save(session, altena)
    app = make_app(altena, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#casus-titel")
        shown = field.render_line(0).text.rstrip()
        assert shown.endswith("…") and shown.startswith("Armoedepact in de kernen")
        field.focus()
        await pilot.pause()
        assert "…" not in field.render_line(0).text


@pytest.mark.pty
def test_new_from_latest_asks_the_date_at_a_terminal(sessions_dir: Path) -> None:
    from .terminal import SCHUIFTUI, Terminal

    argv = [SCHUIFTUI, "new", "schiedam", "--from-latest", "--dir", str(sessions_dir)]
    terminal = Terminal(argv, cwd=sessions_dir.parent)
    try:
        terminal.read_until(
            f"Datum van de nieuwe ronde (22-10-2026, 22-10 of 2026-10-22; Enter: {datetime.date.today()})"
        )
        terminal.write("2027-13-01\r")  # no such date: asked again
        terminal.read_until("de datum '2027-13-01' bestaat niet")
        terminal.write("2027-02-01\r")
        terminal.read_until("Lokale agenda")  # the new round, open on the panel
        terminal.drain()
        terminal.write("\x11")
        assert terminal.wait() == 0
    finally:
        terminal.close()
    assert load(sessions_dir / "schiedam" / "2027-02-01.toml").gemeente == "Schiedam"


def test_new_from_latest_names_the_actions_done_in_the_round_before(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from schuiftui.__main__ import main

    args = ["new", "altena", "--from-latest", "--datum", "2027-01-15", "--dir", str(sessions_dir)]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert captured.out == f"{sessions_dir / 'altena' / '2027-01-15.toml'}\n"
    previous = load(sessions_dir / "altena" / "2020-10-07.toml")
    done = [item.tekst for item in previous.agenda if item.done]
    assert len(done) == 2
    assert captured.err == f"Gedaan sinds de vorige ronde (niet meegenomen): {'; '.join(done)}\n"


@given(st.dates(min_value=datetime.date(1000, 1, 1)))
def test_a_date_reads_back_from_either_way_of_typing_it(date: datetime.date) -> None:
    from schuiftui.core.session import read_date, typed_date

    assert read_date(typed_date(date)) == date
    assert read_date(date.isoformat()) == date
    assert read_date(f"{date.day}-{date.month}", today=date) == date  # this year


async def test_every_way_to_a_new_round_keeps_the_organogram(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from schuiftui.__main__ import main

    latest = sessions_dir / "altena" / "2020-10-07.toml"
    session = load(latest)
    session.organogram = "Wijkteams onder de directeur Samenleving."
    save(session, latest)
    # The command line.
    assert (
        main(
            ["new", "Altena", "--from-latest", "--datum", "2026-01-05", "--dir", str(sessions_dir)]
        )
        == 0
    )
    assert load(sessions_dir / "altena" / "2026-01-05.toml").organogram == session.organogram
    # The start screen: r on the gemeente, the date typed.
    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionDialog)
        await pilot.press("ctrl+u", *"12-01-2026", "enter")  # the date field has the focus
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert load(sessions_dir / "altena" / "2026-01-12.toml").organogram == session.organogram
    # And diff says nothing about the organogram between these rounds.
    capsys.readouterr()
    main(
        [
            "diff",
            str(sessions_dir / "altena" / "2026-01-05.toml"),
            str(sessions_dir / "altena" / "2026-01-12.toml"),
        ]
    )
    assert "organogram" not in capsys.readouterr().out.lower()


@pytest.mark.parametrize(
    "typed, suggested",
    [
        ("Anna, soc", "Anna, sociaal domein"),
        ("fys", "fysiek domein"),
        ("Anna, teamleider wijk", "Anna, teamleider wijkambtenaar"),
        ("Bert (fys", "Bert (fysiek domein"),
        ("Anna sociaal d", "Anna sociaal domein"),
        ("Anna s", None),
        ("Anna, ", None),
        ("sociaal domein", None),
    ],
)
def test_a_role_is_suggested_wherever_it_is_being_typed(typed: str, suggested: str | None) -> None:
    from schuiftui.widgets.roles import suggested_role

    assert suggested_role(typed) == suggested
