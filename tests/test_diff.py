"""The diff of two sessions: as data, as text, Markdown and JSON, and its exit codes."""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path

import pytest

from schuiftui.__main__ import main
from schuiftui.core.compare import spread
from schuiftui.core.diff import diff
from schuiftui.core.session import AgendaItem, Session, new_session
from schuiftui.core.storage import load, save

from .conftest import EXAMPLES

ALTENA_1 = EXAMPLES / "altena" / "2020-02-12.toml"
ALTENA_2 = EXAMPLES / "altena" / "2020-10-07.toml"


def pair() -> tuple[Session, Session]:
    """A session with an agenda, and a copy to change."""
    a = new_session("Zaanstad", datetime.date(2024, 1, 10))
    a.sliders["communicatie"].stand = -2
    a.agenda = [
        AgendaItem("a1", "Trekker benoemen", termijn="kort", eigenaar="team"),
        AgendaItem("a2", "Wijkbudget bespreken"),
        AgendaItem("a3", "Bewonersavond", status="gedaan"),
        AgendaItem("a4", "Oud punt"),
    ]
    return a, copy.deepcopy(a)


def test_identical_sessions_are_the_same() -> None:
    a, b = pair()
    difference = diff(a, b)
    assert difference.same
    assert [s.verschil for s in difference.sliders] == [0, 0, 0, 0, 0]


def test_every_slider_is_reported_with_old_new_and_change() -> None:
    a, b = pair()
    b.sliders["communicatie"].stand = 1
    b.sliders["proces_met_bewoners"].toelichting = "Nieuw inzicht."
    difference = diff(a, b)
    assert not difference.same
    by_id = {s.id: s for s in difference.sliders}
    assert len(by_id) == 5
    assert (by_id["communicatie"].van, by_id["communicatie"].naar) == (-2, 1)
    assert by_id["communicatie"].verschil == 3
    assert by_id["proces_met_bewoners"].verschil == 0
    assert by_id["proces_met_bewoners"].toelichting_gewijzigd
    assert [s.id for s in difference.moved] == ["communicatie"]


def test_agenda_items_are_matched_by_id() -> None:
    a, b = pair()
    b.agenda[0].status = "gedaan"  # a1 done
    b.agenda[0].termijn = "lang"  # and its termijn changed
    b.agenda[1].tekst = "Wijkbudget verdelen"  # a2 reworded
    b.agenda[2].status = "open"  # a3 reopened
    del b.agenda[3]  # a4 removed
    b.agenda.append(AgendaItem("a5", "Nieuw punt"))  # a5 added
    difference = diff(a, b)
    assert difference.agenda_ids("gedaan") == ["a1"]
    assert difference.agenda_ids("heropend") == ["a3"]
    assert difference.agenda_ids("gewijzigd") == ["a1", "a2"]
    assert difference.agenda_ids("toegevoegd") == ["a5"]
    assert difference.agenda_ids("verwijderd") == ["a4"]
    fields = {change.id: change.fields for change in difference.agenda}
    assert fields["a1"] == ("termijn",)
    assert fields["a2"] == ("tekst",)


def test_a_new_order_of_the_agenda_is_a_difference() -> None:
    a, b = pair()
    b.agenda.reverse()
    difference = diff(a, b)
    assert difference.agenda == ()
    assert difference.agenda_reordered
    assert not difference.same


def test_casus_and_participants_changes() -> None:
    a, b = pair()
    b.casus.notities = "Eerste regel.\nTweede regel."
    b.deelnemers = ["wijkambtenaar"]
    difference = diff(a, b)
    assert difference.casus_gewijzigd
    assert [c.field for c in difference.casus] == ["casus.notities"]
    assert [c.field for c in difference.sessie] == ["deelnemers"]


def test_spread_over_many_sessions() -> None:
    sessions = [
        load(EXAMPLES / name / "2020-02-12.toml") for name in ("altena", "schiedam", "venlo")
    ]
    spreads = {s.id: s for s in spread(sessions)}
    bewoners = spreads["proces_met_bewoners"]
    assert bewoners.stands == (-2, 5, 1)
    assert (bewoners.lowest, bewoners.highest, bewoners.width) == (-2, 5, 7)
    assert spreads["communicatie"].levels() == {-2: [0, 1, 2]}
    assert spreads["positionering_intern"].levels() == {3: [0], 0: [1], -2: [2]}


def test_diff_text_names_each_category_with_old_new_and_change(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["diff", str(ALTENA_1), str(ALTENA_2)]) == 1
    out = capsys.readouterr().out
    assert "  Proces met bewoners     -2 ->  0  (+2)\n" in out
    assert "  Positionering intern    +3 -> +3\n" in out
    assert "Toelichtingen die veranderden\n  Proces met bewoners\n    - Signalen" in out
    assert "  gedaan: Armoedepact gemeentebreed sluiten met de partners (a1)\n" in out
    assert "  nieuw: Communicatieadviseur" in out
    assert "+ gesprekken met dorpsraden gestart." in out


def test_diff_of_a_gemeente_folder_compares_its_two_latest_rounds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["diff", str(EXAMPLES / "altena")]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Van: Altena — 2020-02-12 — Werkplaats 2\nNaar: Altena — 2020-10-07")


def test_diff_exits_0_for_the_same_session(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(ALTENA_1), str(ALTENA_1)]) == 0
    assert capsys.readouterr().out.endswith("\nGeen verschillen.\n")


def test_diff_exits_2_on_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_text("formaat = 1\nstand = \n", encoding="utf-8")
    assert main(["diff", str(ALTENA_1), str(broken)]) == 2
    assert (
        capsys.readouterr().err
        == f"{broken}:2: geen geldige TOML: ongeldige waarde (tekst hoort tussen aanhalingstekens)\n"
    )
    assert main(["diff", str(EXAMPLES / "venlo")]) == 2
    assert "1 ronde gevonden" in capsys.readouterr().err
    assert main(["diff", str(ALTENA_1)]) == 2
    assert "geef twee sessiebestanden" in capsys.readouterr().err


def test_diff_json_for_scripts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(ALTENA_1), str(ALTENA_2), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data["schuiven"]) == {
        "positionering_intern",
        "proces_met_bewoners",
        "proces_binnen_gemeente",
        "bestuur_en_politiek",
        "communicatie",
    }
    assert data["schuiven"]["proces_met_bewoners"] == {
        "van": -2,
        "naar": 0,
        "verschil": 2,
        "toelichting_gewijzigd": True,
    }
    assert data["schuiven"]["communicatie"]["verschil"] == 0
    assert data["casus_gewijzigd"] is True
    assert data["agenda"]["toegevoegd"] == ["a4"]
    assert data["agenda"]["gedaan"] == ["a1", "a3"]
    assert data["agenda"]["verwijderd"] == data["agenda"]["heropend"] == []
    assert data["agenda"]["gewijzigd"] == []


def test_diff_markdown_is_a_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(ALTENA_1), str(ALTENA_2), "--format", "markdown"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("# Schuifoefening: wat er verschoof\n")
    assert "| Proces met bewoners | -2 | 0 | +2 |" in out
    assert "```diff\n- Nog geen vaste werkwijze" in out


def test_diff_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "diff", str(ALTENA_1), str(ALTENA_2)]) == 1
    out = capsys.readouterr().out
    assert "  Process with residents           -2 ->  0  (+2)\n" in out
    assert "  Process within the municipality  -4 -> -2  (+2)\n" in out
    assert "  done: Armoedepact gemeentebreed sluiten met de partners (a1)" in out


def test_text_with_markdown_characters_is_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = pair()
    b.sliders["communicatie"].toelichting = "Kosten | baten *niet* <b>vet</b>"
    save(a, tmp_path / "a.toml")
    save(b, tmp_path / "b.toml")
    assert (
        main(["diff", str(tmp_path / "a.toml"), str(tmp_path / "b.toml"), "--format", "markdown"])
        == 1
    )
    out = capsys.readouterr().out
    assert "| Communicatie | -2 | -2 | 0 |" in out  # the table is not broken by the |
    assert "+ Kosten | baten *niet* <b>vet</b>" in out  # a diff block shows text as typed
