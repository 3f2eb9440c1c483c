"""Snapshots of every screen at 80x24 and 120x40. Look at each SVG before accepting it."""

from __future__ import annotations

from pathlib import Path

import pytest

from schuiftui.app import make_app

from .conftest import TODAY

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
ALTENA = Path("sessions/altena/2020-02-12.toml")


@pytest.fixture
def in_scratch(sessions_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the folder holding the example copies, so paths on screen are short."""
    monkeypatch.chdir(sessions_dir.parent)
    return sessions_dir


@pytest.mark.parametrize("size", SIZES)
def test_start_screen(snap_compare, in_scratch: Path, size: tuple[int, int]) -> None:
    """Altena (two rounds, newest first), Schiedam and Venlo, each row with its
    date, title, five stands and open agenda items; the key hint and footer below."""
    assert snap_compare(make_app(Path("sessions"), today=lambda: TODAY), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_panel_on_an_example_session(snap_compare, in_scratch: Path, size: tuple[int, int]) -> None:
    """Altena: five sliders at +3 -2 -4 +4 -2 with the middle ruled across, the first
    slider focused (reverse name, heavy track, ◀█▶ thumb); its toelichting and pole
    description below; casus and lokale agenda on the right."""
    assert snap_compare(make_app(ALTENA, today=lambda: TODAY), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, in_scratch: Path, size: tuple[int, int]) -> None:
    """The help dialog with every key, grouped: sliders, everywhere, agenda, start."""
    assert snap_compare(make_app(ALTENA, today=lambda: TODAY), press=["f1"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_toelichting_editor(snap_compare, in_scratch: Path, size: tuple[int, int]) -> None:
    """The toelichting of Proces met bewoners in an editor, the pole description above
    it, the keys below; the panel behind it shows the slider moved up to -1."""
    assert snap_compare(
        make_app(ALTENA, today=lambda: TODAY), press=["l", "up", "t"], terminal_size=size
    )


@pytest.mark.parametrize("size", SIZES)
def test_agenda_while_editing(snap_compare, in_scratch: Path, size: tuple[int, int]) -> None:
    """The agenda item dialog for a new step, 'Wethouder uitnodigen' typed in."""
    assert snap_compare(
        make_app(ALTENA, today=lambda: TODAY),
        press=["a", "n", *"Wethouder uitnodigen"],
        terminal_size=size,
    )


@pytest.mark.parametrize("size", SIZES)
def test_quit_with_unsaved_changes(snap_compare, in_scratch: Path, size: tuple[int, int]) -> None:
    """After End on the first slider, Ctrl+Q asks: save (o), discard (w) or cancel;
    the title shows '● niet opgeslagen'."""
    assert snap_compare(
        make_app(ALTENA, today=lambda: TODAY), press=["end", "ctrl+q"], terminal_size=size
    )


@pytest.mark.parametrize("size", SIZES)
def test_panel_without_colour(
    snap_compare, in_scratch: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """NO_COLOR: the same panel in black and white; thumbs, middle line and the focused
    slider are still told apart by their glyphs (━█━, ┼ / ◀█▶, ┃, ╋) and bold."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(ALTENA, today=lambda: TODAY), press=["l"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_compare_three_gemeenten(snap_compare, in_scratch: Path, size: tuple[int, int]) -> None:
    """Altena (A, latest round), Schiedam (B) and Venlo (C) on five overlays, each letter in
    its own colour; communicatie shows ABC at -2; the spread below every track; the legend
    on the right; under the overlays, proces met bewoners (focused with l) with every
    session's stand and toelichting."""
    app = make_app(None, compare=[Path("sessions")], today=lambda: TODAY)
    assert snap_compare(app, press=["l"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_compare_two_rounds(snap_compare, in_scratch: Path, size: tuple[int, int]) -> None:
    """Altena's two rounds: A (2020-02-12) and B (2020-10-07); bewoners moved from -2 (A)
    to 0 (B), binnen gemeente from -4 to -2; the other sliders show AB together."""
    app = make_app(None, compare=[Path("sessions/altena")], today=lambda: TODAY)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_compare_without_colour(
    snap_compare, in_scratch: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """NO_COLOR: the three gemeenten in black and white, told apart by their letters."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(None, compare=[Path("sessions")], today=lambda: TODAY)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_panel_of_a_later_round(snap_compare, in_scratch: Path, size: tuple[int, int]) -> None:
    """Altena's second round: ◇ ghosts where round 1 stood elsewhere (bewoners -2, binnen
    gemeente -4); bewoners focused (l), its detail says 'Vorige ronde (2020-02-12): -2.'
    with that round's toelichting."""
    app = make_app(Path("sessions/altena/2020-10-07.toml"), today=lambda: TODAY)
    assert snap_compare(app, press=["l"], terminal_size=size)


def test_details_dialog(snap_compare, in_scratch: Path) -> None:
    """The session details: titel 'Werkplaats 2', deelnemers of the example with the
    trio's roles named below, the date 2020-02-12, and the keys."""
    assert snap_compare(make_app(ALTENA, today=lambda: TODAY), press=["g"], terminal_size=(80, 24))


def test_new_session_for_an_existing_gemeente(snap_compare, in_scratch: Path) -> None:
    """'altena' typed as a new session: Altena has 2 sessions, the latest of 2020-10-07;
    new round (Enter), empty session (l) or cancel."""
    assert snap_compare(
        make_app(Path("sessions"), today=lambda: TODAY),
        press=["n", *"altena", "enter"],
        terminal_size=(80, 24),
    )


def test_new_round_asks_the_date(snap_compare, in_scratch: Path) -> None:
    """r on Altena: 'Nieuwe ronde: Altena', the gemeente fixed, today's date selected,
    titel empty, the deelnemers of the latest round."""
    assert snap_compare(
        make_app(Path("sessions"), today=lambda: TODAY), press=["r"], terminal_size=(80, 24)
    )


def test_removing_a_session_names_the_file(snap_compare, in_scratch: Path) -> None:
    """d on Altena's latest round: the file, where it goes (.prullenbak) and that u brings it back."""
    assert snap_compare(
        make_app(Path("sessions"), today=lambda: TODAY), press=["d"], terminal_size=(80, 24)
    )


def test_compare_own_placements(snap_compare, in_scratch: Path) -> None:
    """Altena 2020-10-07 with Anna (+2, -1) and Bas (-3, +2) placing alone: T for the
    team's stand, A and B for them, the spread under each track, the legend with
    their names, and '+/- teamstand' on the key line."""
    from schuiftui.core.placements import start_placement
    from schuiftui.core.storage import save

    team = in_scratch / "altena" / "2020-10-07.toml"
    for naam, first, second in (("Anna", 2, -1), ("Bas", -3, 2)):
        session, path = start_placement(team, naam)
        path.parent.mkdir(exist_ok=True)
        session.sliders["positionering_intern"].stand = first
        session.sliders["proces_met_bewoners"].stand = second
        save(session, path)
    app = make_app(None, compare=[Path("sessions/altena/2020-10-07.toml")], today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(80, 24))


def test_casus_editor(snap_compare, in_scratch: Path) -> None:
    """C: the casus of Altena in an editor over the whole window: its title on the first
    line, the notes below with the cursor at their end, the keys at the bottom."""
    assert snap_compare(make_app(ALTENA, today=lambda: TODAY), press=["C"], terminal_size=(80, 24))
