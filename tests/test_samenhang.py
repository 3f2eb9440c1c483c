"""Samenhang: the questions the exercise asks where two categories pull apart (no Textual)."""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schuiftui.core.categories import CATEGORY_IDS
from schuiftui.core.samenhang import HIGH, LOW, RULES, questions
from schuiftui.core.session import Session
from schuiftui.core.storage import SessionError, load, save


def session_with(**stands: int) -> Session:
    session = Session(gemeente="Altena", datum=datetime.date(2026, 1, 1))
    for slider_id, stand in stands.items():
        session.sliders[slider_id].stand = stand
    return session


def test_well_placed_inside_but_residents_case_by_case_asks_the_seeds_question() -> None:
    asked = questions(session_with(positionering_intern=4, proces_met_bewoners=-3))
    assert [q.text("nl") for q in asked] == [
        "Intern staat het wijkgericht werken sterk (Positionering intern +4), maar "
        "bewonersinitiatieven worden per situatie bekeken (Proces met bewoners -3). "
        "Lukt het om initiatieven van bewoners te realiseren? Wat houdt ze tegen?"
    ]
    assert asked[0].text("en").startswith("Inside the organisation wijkgericht werken")


def test_administrative_attention_without_domains_meeting_asks_where_solutions_stall() -> None:
    asked = questions(session_with(bestuur_en_politiek=2, proces_binnen_gemeente=-2))
    assert [q.rule.id for q in asked] == ["bestuur_binnen"]
    assert "(Bestuur en politiek +2)" in asked[0].text()
    assert "(Proces binnen gemeente -2)" in asked[0].text()
    assert asked[0].concerns("proces_binnen_gemeente")
    assert not asked[0].concerns("communicatie")


def test_a_balanced_session_gets_no_questions() -> None:
    assert questions(session_with(positionering_intern=4, proces_met_bewoners=-1)) == []
    assert questions(Session(gemeente="Venlo", datum=datetime.date(2026, 1, 1))) == []


@given(st.lists(st.integers(-5, 5), min_size=5, max_size=5))
def test_a_question_comes_exactly_when_a_pair_pulls_apart_and_never_judges(
    stands: list[int],
) -> None:
    session = session_with(**dict(zip(CATEGORY_IDS, stands)))
    asked = {q.rule.id for q in questions(session)}
    for rule in RULES:
        pulls_apart = (
            session.sliders[rule.high].stand >= HIGH and session.sliders[rule.low].stand <= LOW
        )
        assert (rule.id in asked) == pulls_apart
    for question in questions(session):
        text = question.text("nl")
        assert text.endswith("?")  # a question, for the team to answer
        for verdict in ("goed", "slecht", "score", "cijfer", "zwak"):
            assert verdict not in text.lower()


@pytest.fixture
def altena2(sessions_dir: Path) -> Path:
    """Altena's latest round: Bestuur en politiek +4, Proces binnen gemeente -2."""
    return sessions_dir / "altena" / "2020-10-07.toml"


# The format: [samenhang] notities and an action's categorie


def test_samenhang_notes_and_an_actions_slider_are_saved_in_place(altena: Path) -> None:
    session = load(altena)
    session.samenhang = "Initiatieven stranden bij de vergunningen.\nNavragen bij VTH."
    session.agenda[0].categorie = "proces_met_bewoners"
    before = altena.read_text(encoding="utf-8")
    save(session, altena)
    text = altena.read_text(encoding="utf-8")
    assert load(altena) == session
    # In its fixed place: after the organogram (or sessie), before the casus.
    assert text.index("[samenhang]") < text.index("[casus]")
    assert text.index("[sessie]") < text.index("[samenhang]")
    added = [
        line for line in difflib.ndiff(before.splitlines(), text.splitlines()) if line[:1] == "+"
    ]
    assert '+ categorie = "proces_met_bewoners"' in added
    assert "+ [samenhang]" in added
    assert len(added) <= 7  # the table, its notities, and one line in the action


def test_an_unknown_slider_for_an_action_is_refused_naming_the_key(altena: Path) -> None:
    text = altena.read_text(encoding="utf-8")
    first_action = text.index("[[agenda]]")
    end = text.index("\n", text.index("tekst", first_action))
    altena.write_text(text[:end] + '\ncategorie = "budget"' + text[end:], encoding="utf-8")
    with pytest.raises(SessionError) as refused:
        load(altena)
    message = str(refused.value)
    assert "agenda[0].categorie" in message or "categorie" in message
    assert "onbekende schuif 'budget'" in message


# Where it appears


def test_show_and_the_report_ask_the_question_under_samenhang(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from schuiftui.__main__ import main

    altena = sessions_dir / "altena" / "2020-10-07.toml"  # Bestuur +4, Binnen gemeente -2
    assert main(["show", str(altena)]) == 0
    out = capsys.readouterr().out
    section = out[out.index("Samenhang:") : out.index("Casus:")]
    assert "(Bestuur en" in section and "Komen gebiedsoplossingen" in section
    assert main(["export", str(altena), "--to", "md"]) == 0
    report = capsys.readouterr().out
    assert "## Samenhang\n\n- Het wijkgericht werken staat hoog" in report
    schiedam = sessions_dir / "schiedam" / "2020-02-12.toml"  # nothing pulls apart there
    assert main(["show", str(schiedam)]) == 0
    assert "Samenhang" not in capsys.readouterr().out
    assert main(["--lang", "en", "export", str(altena), "--to", "md"]) == 0
    assert "## How the categories fit together" in capsys.readouterr().out


async def test_the_panel_asks_beside_the_slider_and_z_keeps_the_teams_notes(altena2: Path) -> None:
    from schuiftui.app import make_app
    from schuiftui.screens.dialogs.text import ToelichtingDialog
    from schuiftui.screens.panel import PanelScreen

    from .conftest import TODAY

    app = make_app(altena2, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.screen
        assert isinstance(panel, PanelScreen)
        await pilot.press("right", "right", "right")  # Bestuur en politiek
        await pilot.pause()
        detail = str(panel.query_one("#detail-text").render())
        assert "Samenhang (z): Het wijkgericht werken staat hoog" in detail
        await pilot.press("z")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ToelichtingDialog)
        assert "Komen gebiedsoplossingen van de grond?" in str(
            dialog.query_one(".dialog-help").render()
        )
        await pilot.press(*"Sociaal en fysiek overleggen apart.", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert load(altena2).samenhang == "Sociaal en fysiek overleggen apart."


async def test_the_question_beside_the_slider_follows_its_stand(altena: Path) -> None:
    """The question names the stands as they are now; a step that brings the pair
    together takes it away, and Ctrl+Z brings it back."""
    from schuiftui.app import make_app
    from schuiftui.screens.panel import PanelScreen

    from .conftest import TODAY

    app = make_app(altena, today=lambda: TODAY)  # Positionering intern +3, bewoners -2
    async with app.run_test(size=(120, 40)) as pilot:
        panel = app.screen
        assert isinstance(panel, PanelScreen)

        def detail() -> str:
            return " ".join(str(panel.query_one("#detail-text").render()).split())

        assert "(Positionering intern +3)" in detail()
        await pilot.press("up")
        await pilot.pause()
        assert "(Positionering intern +4)" in detail() and "+3)" not in detail()
        await pilot.press("right", "up")  # Proces met bewoners -2 -> -1: no longer low
        await pilot.pause()
        assert "Samenhang" not in detail()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "(Proces met bewoners -2)" in detail()


async def test_d_shows_the_focused_sliders_toelichting_whole_at_80x24(altena2: Path) -> None:
    from schuiftui.app import make_app
    from schuiftui.screens.dialogs.text import ReadDialog
    from schuiftui.screens.panel import PanelScreen

    from .conftest import TODAY

    session = load(altena2)
    long_text = " ".join(f"Zin {number} van een lange toelichting." for number in range(1, 40))
    session.sliders["communicatie"].toelichting = long_text + " Het einde."
    save(session, altena2)
    app = make_app(altena2, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "l", "l", "l", "d")  # Communicatie, then read it whole
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReadDialog)
        read = dialog.query_one("#read")
        assert read.size.height >= 15  # the window, not the panel's few detail lines
        assert "Het einde." in str(dialog.query_one("#read-text").render())
        await pilot.press("pagedown")
        await pilot.pause()
        assert read.scroll_y > 0  # what does not fit, scrolls
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)


async def test_an_action_names_the_slider_it_serves_and_shows_with_it(altena2: Path) -> None:
    from schuiftui.app import make_app
    from schuiftui.screens.dialogs.agenda import AgendaItemDialog
    from schuiftui.screens.panel import PanelScreen

    from .conftest import TODAY

    app = make_app(altena2, today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        panel = app.screen
        assert isinstance(panel, PanelScreen)
        await pilot.press("a", "n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AgendaItemDialog)
        await pilot.press(*"Bewonersavond plannen")
        dialog.query_one("#categorie").value = "proces_met_bewoners"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape")  # back to the sliders
        await pilot.press("l")  # Proces met bewoners
        await pilot.pause()
        detail = str(panel.query_one("#detail-text").render())
        assert "Actie: [ ] Bewonersavond plannen" in detail
    saved = load(altena2)
    assert saved.agenda[-1].tekst == "Bewonersavond plannen"
    assert saved.agenda[-1].categorie == "proces_met_bewoners"


async def test_the_compare_screen_and_compare_in_a_pipe_ask_per_gemeente(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from schuiftui.__main__ import main
    from schuiftui.app import make_app

    from .conftest import TODAY

    assert main(["compare", str(sessions_dir)]) == 0
    out = capsys.readouterr().out
    section = out[out.index("\nSamenhang\n") :]
    assert "  A  Het wijkgericht werken staat hoog" in section  # Altena
    assert "  V  Het wijkgericht werken staat hoog" in section  # Venlo
    assert "  S  " not in section  # Schiedam: nothing pulls apart
    app = make_app(None, compare=[sessions_dir], today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "l", "l")  # Bestuur en politiek
        await pilot.pause()
        detail = str(app.screen.query_one("#compare-detail-text").render())
        assert detail.count("Samenhang: Het wijkgericht werken staat hoog") == 2
