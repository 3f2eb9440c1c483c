"""The panel, driven by keys through Pilot; every check reads the saved file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from schuiftui.app import SchuifApp, make_app
from schuiftui.core.storage import load
from schuiftui.screens.dialogs.choices import QuitDialog
from schuiftui.screens.panel import PanelScreen
from schuiftui.widgets.keyline import KeyLine
from schuiftui.widgets.slider import NAME_ROWS, POLE_ROWS, Slider
from schuiftui.widgets.title import TitleBar

from .conftest import TODAY, notes_at_their_end, record_notifications

ALTENA_STANDS = {
    "positionering_intern": 3,
    "proces_met_bewoners": -2,
    "proces_binnen_gemeente": -4,
    "bestuur_en_politiek": 4,
    "communicatie": -2,
}


def app_for(path: Path, lang: str = "nl") -> SchuifApp:
    return make_app(path, lang=lang, today=lambda: TODAY)


def title_row(app: SchuifApp) -> str:
    """The text of the title bar as it is drawn."""
    return str(app.screen.query_one(TitleBar).render())


async def press_and_save(path: Path, *keys: str) -> dict[str, int]:
    """Press `keys` on the panel, save with Ctrl+S, return the stands on disk."""
    app = app_for(path)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in keys:
            await pilot.press(key)
        await pilot.press("ctrl+s")
        await pilot.pause()
    return load(path).stands()


@pytest.mark.parametrize(
    ("keys", "slider", "stand"),
    [
        (("up",), "positionering_intern", 4),
        (("k",), "positionering_intern", 4),
        (("down",), "positionering_intern", 2),
        (("j",), "positionering_intern", 2),
        (("pageup",), "positionering_intern", 5),
        (("pagedown",), "positionering_intern", 1),
        (("end",), "positionering_intern", 5),
        (("home",), "positionering_intern", -5),
        (("0",), "positionering_intern", 0),
        (("m",), "positionering_intern", 0),
        (("up", "up", "up", "up"), "positionering_intern", 5),
        (("home", "down", "j", "pagedown"), "positionering_intern", -5),
        (("right", "up"), "proces_met_bewoners", -1),
        (("l", "l", "down"), "proces_binnen_gemeente", -5),
        (("l", "l", "l", "h", "end"), "proces_binnen_gemeente", 5),
        (("left", "home"), "positionering_intern", -5),
        (("l", "l", "l", "l", "l", "m"), "communicatie", 0),
        (("tab", "up"), "proces_met_bewoners", -1),
        (("tab", "tab", "shift+tab", "k"), "proces_met_bewoners", -1),
    ],
)
async def test_slider_keys_end_up_in_the_saved_file(
    altena: Path, keys: tuple[str, ...], slider: str, stand: int
) -> None:
    expected = dict(ALTENA_STANDS, **{slider: stand})
    assert await press_and_save(altena, *keys) == expected


async def test_enter_and_t_edit_the_toelichting(altena: Path) -> None:
    app = app_for(altena)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "enter")
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        app.focused.text = "Nieuw: één loket."
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, Slider) and app.focused.id == "proces_met_bewoners"
        await pilot.press("l", "t")
        await pilot.pause()
        await pilot.press(*"Per sector.")
        await pilot.press("ctrl+s")  # done and save, from inside the dialog
        await pilot.pause()
    session = load(altena)
    assert session.sliders["proces_met_bewoners"].toelichting == "Nieuw: één loket."
    assert session.sliders["proces_binnen_gemeente"].toelichting.endswith(
        "sectoren verbindt.Per sector."
    )


async def test_typing_in_a_text_field_moves_no_slider(altena: Path) -> None:
    app = app_for(altena)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")  # typed ahead: before the side panel has been built
        assert isinstance(app.focused, TextArea)
        await pilot.press("k", "j", "0", "m", "a", "c", "question_mark")
        await pilot.press("escape")
        assert isinstance(app.focused, Slider)
        await pilot.press("ctrl+s")
        await pilot.pause()
    session = load(altena)
    assert session.stands() == ALTENA_STANDS
    assert session.casus.notities.startswith("kj0mac?Altena bestaat")


async def test_casus_title_and_notes_are_saved(altena: Path) -> None:
    app = app_for(altena)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the side panel is built right after the first paint
        titel = app.screen.query_one("#casus-titel", Input)
        titel.focus()
        await pilot.press("end", *" (kort)")
        await pilot.press("tab")
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"Nog een regel. ")
        await pilot.press("ctrl+s")
        await pilot.pause()
    session = load(altena)
    assert session.casus.titel == "Armoedepact in de kernen (kort)"
    assert session.casus.notities.startswith("Nog een regel. Altena")


async def test_agenda_add_edit_toggle_move_delete(altena: Path) -> None:
    app = app_for(altena)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Wethouder uitnodigen", "enter")
        await pilot.pause()
        await pilot.press("space")  # a4 (highlighted after adding) is now gedaan
        await pilot.press("shift+up", "K")  # a4 moves up twice: a1, a4, a2, a3
        await pilot.press("up", "d")  # delete a1
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end", *" (maart)", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    agenda = load(altena).agenda
    assert [(item.id, item.status) for item in agenda] == [
        ("a4", "gedaan"),
        ("a2", "open"),
        ("a3", "open"),
    ]
    assert agenda[0].tekst == "Wethouder uitnodigen (maart)"


async def test_ctrl_z_undoes_the_last_change(altena: Path) -> None:
    app = app_for(altena)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up", "up", "l", "end", "a", "d")
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PanelScreen)
        assert screen.query_one("#positionering_intern", Slider).value == 4
        await pilot.press("ctrl+s")
        await pilot.pause()
    session = load(altena)
    assert session.stands() == dict(ALTENA_STANDS, positionering_intern=4)
    assert len(session.agenda) == 3


async def test_title_marks_unsaved_changes(altena: Path) -> None:
    app = app_for(altena)
    async with app.run_test(size=(80, 24)) as pilot:
        assert title_row(app) == "Altena — 2020-02-12 — Werkplaats 2"
        await pilot.press("up")
        assert title_row(app) == "Altena — 2020-02-12 — ● niet opgeslagen"
        await pilot.press("down")  # back where the file is: nothing unsaved
        assert title_row(app) == "Altena — 2020-02-12 — Werkplaats 2"
        await pilot.press("up", "ctrl+s")
        assert title_row(app) == "Altena — 2020-02-12 — Werkplaats 2"


async def test_quit_without_changes_exits_at_once(altena: Path) -> None:
    app = app_for(altena)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


@pytest.mark.parametrize(("choice", "saved"), [("o", 5), ("n", 3)])
async def test_quit_with_unsaved_changes_asks(altena: Path, choice: str, saved: int) -> None:
    app = app_for(altena)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press(choice)
        await pilot.pause()
    assert app.return_code == 0
    assert load(altena).stands()["positionering_intern"] == saved


async def test_quit_dialog_cancel_keeps_the_app_running(altena: Path) -> None:
    app = app_for(altena)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end", "ctrl+q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
        assert app.return_code is None
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load(altena).stands()["positionering_intern"] == 5


async def test_save_failure_is_a_message_and_keeps_the_changes(
    altena: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(altena)
    shown = record_notifications(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end")
        altena.write_text("formaat = = 1\n", encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert title_row(app).endswith("● niet opgeslagen")
        messages = shown
        assert any("geen geldige TOML meer" in m for m in messages)
    assert altena.read_text(encoding="utf-8") == "formaat = = 1\n"


async def test_help_lists_every_key(altena: Path) -> None:
    app = app_for(altena)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = "\n".join(str(label.render()) for label in app.screen.query("#help-text Label"))
        for key in ("PgUp / PgDn", "End / Home", "0 / m", "Ctrl+Z", "Ctrl+Q", "Shift+↑↓, K, J"):
            assert key in text
        await pilot.press("escape")
        assert isinstance(app.screen, PanelScreen)


async def test_english_interface(altena: Path) -> None:
    app = app_for(altena, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up")
        assert title_row(app).endswith("● unsaved")


async def test_too_small_terminal_shows_a_message_and_recovers(altena: Path) -> None:
    app = app_for(altena)
    async with app.run_test(size=(60, 20)) as pilot:
        message = app.screen.query_one(".too-small")
        assert message.styles.display == "block"
        assert message.region.size == (60, 20)  # over the whole screen
        assert "te klein" in str(message.render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert message.styles.display == "none"


async def test_resizing_while_typing_keeps_focus_and_text(altena: Path) -> None:
    app = app_for(altena)
    async with app.run_test(size=(80, 24)) as pilot:
        notes = await notes_at_their_end(app, pilot)
        await pilot.press(*"abc")
        for _ in range(5):  # a resize storm
            await pilot.resize_terminal(50, 15)
            await pilot.press(*"x")
            await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.focused is notes
        await pilot.press(*"def", "ctrl+s")
        await pilot.pause()
    saved = load(altena)
    assert saved.casus.notities.endswith("abcxxxxxdef")
    assert [item.status for item in saved.agenda] == ["open", "open", "open"]


async def test_toelichting_is_shown_exactly_as_typed(altena: Path) -> None:
    text = altena.read_text(encoding="utf-8")
    altena.write_text(
        text.replace("Het team heeft een eigen programmabudget.", r"[b]niet vet[/b] \\[x] ["),
        encoding="utf-8",
    )
    app = app_for(altena)
    async with app.run_test(size=(80, 24)):
        shown = str(app.screen.query_one("#detail-text").render()).splitlines()
    assert shown[1] == r"[b]niet vet[/b] \[x] ["


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_labels_never_run_into_the_next_slider(altena: Path, lang: str) -> None:
    app = app_for(altena, lang=lang)
    async with app.run_test(size=(80, 24)):
        sliders = list(app.screen.query(Slider))
        height = sliders[0].size.height
        # The name and the top pole above the track, the bottom pole below it.
        label_rows = [*range(NAME_ROWS + POLE_ROWS), *range(height - POLE_ROWS, height)]
        for row in label_rows:
            texts = [slider.render_line(row).text for slider in sliders]
            for left, right in zip(texts, texts[1:]):
                touching = left.rstrip() == left and right.lstrip() == right and left and right
                assert not touching, f"row {row}: {left!r}{right!r}"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("focus", ["sliders", "casus", "agenda"])
async def test_every_footer_key_fits_at_80_columns(altena: Path, lang: str, focus: str) -> None:
    """The key line ends with F1 help; at 80 columns it must not be cut off."""
    app = app_for(altena, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press({"sliders": "m", "casus": "c", "agenda": "a"}[focus])
        await pilot.pause()
        shown = app.screen.query_one(KeyLine).shown()
        assert shown
        assert shown[-1].end <= 80
        assert (shown[-1].keys, shown[-1].description) == ("f1", "help")


async def test_clicking_a_key_on_the_key_line_presses_it(altena: Path) -> None:
    """The mouse stays optional, but works: a click on "^s opslaan" saves."""
    app = app_for(altena)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up")  # Positionering intern from +3 to +4, unsaved
        await pilot.pause()
        line = app.screen.query_one(KeyLine)
        save = next(item for item in line.shown() if item.keys == "^s")
        assert await pilot.click(KeyLine, offset=(save.start + 1, 0))
        await pilot.pause()
    assert load(altena).stands()["positionering_intern"] == 4


async def test_a_slider_is_as_tall_as_its_range() -> None:
    from textual.app import App, ComposeResult

    class OneSlider(App[None]):
        def compose(self) -> ComposeResult:
            yield Slider("Naam", "boven", "onder", minimum=-2, maximum=2)

    app = OneSlider()
    async with app.run_test(size=(40, 30)):
        slider = app.query_one(Slider)
        # Two rows of name, two of each pole, and five positions.
        assert slider.size.height == 11
        # Focused (the only focusable widget): the thumb in the middle row.
        assert [slider.render_line(row).text.strip() for row in (4, 6, 8)] == ["┃", "◀█▶ 0", "┃"]


def track_row(slider: Slider, stand: int) -> str:
    return slider.render_line(NAME_ROWS + POLE_ROWS + (5 - stand)).text


async def test_a_later_round_shows_the_previous_round_as_ghosts(sessions_dir: Path) -> None:
    app = app_for(sessions_dir / "altena" / "2020-10-07.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        bewoners = app.screen.query_one("#proces_met_bewoners", Slider)
        # Round 1 had bewoners at -2; now it stands at 0 (the thumb sits on the middle rule).
        assert track_row(bewoners, -2).strip() == "◇"
        assert track_row(bewoners, 0).strip() == "━█━ 0"
        # Where nothing moved, the thumb covers the ghost.
        positionering = app.screen.query_one("#positionering_intern", Slider)
        assert "◇" not in "".join(track_row(positionering, s) for s in range(-5, 6))
        await pilot.press("l")
        await pilot.pause()
        detail = str(app.screen.query_one("#detail-text").render()).splitlines()
        assert detail[2] == (
            "Vorige ronde (2020-02-12): -2. Signalen van bewoners komen overal in de"
            " organisatie binnen; risico op versnippering."
        )


async def test_a_first_round_has_no_ghosts(altena: Path) -> None:
    app = app_for(altena)
    async with app.run_test(size=(80, 24)):
        sliders = list(app.screen.query(Slider))
        drawn = "".join(track_row(s, stand) for s in sliders for stand in range(-5, 6))
        assert "◇" not in drawn
        assert "Vorige ronde" not in str(app.screen.query_one("#detail-text").render())


async def test_moving_far_from_the_previous_round_asks_why_once(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(sessions_dir / "altena" / "2020-10-07.toml")
    shown = record_notifications(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up")  # positionering +3 -> +4: one step, no question
        assert shown == []
        await pilot.press("up", "down", "up", "up")  # +5: two steps from round 1's +3
        await pilot.pause()
        assert shown == [
            "Positionering intern ging van +3 naar +5 sinds de vorige ronde."
            " Schrijf waarom: Enter of t."
        ]
        await pilot.press("down", "down", "up", "up")  # far again: asked once is enough
        await pilot.pause()
        assert len(shown) == 1
        assert isinstance(app.screen, PanelScreen)  # nothing forced; keys still move the slider
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load(sessions_dir / "altena" / "2020-10-07.toml").stands()["positionering_intern"] == 5


async def test_no_question_when_the_team_already_wrote_why(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Round 2 already has its own toelichting for proces binnen gemeente (-4 -> -2).
    app = app_for(sessions_dir / "altena" / "2020-10-07.toml")
    shown = record_notifications(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "l", "up", "up")  # -4 in round 1, now 0
        await pilot.pause()
    assert shown == []


async def test_x_exports_the_session_next_to_its_file(
    altena: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(altena)
    shown = record_notifications(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end", "x")  # exported as it is on the panel, saved or not
        await app.workers.wait_for_complete()
        await pilot.pause()
    md, svg = altena.with_suffix(".md"), altena.with_suffix(".svg")
    assert shown == [f"Verslag en plaat geschreven: {md} · {svg}"]
    assert "| Positionering intern | +5 |" in md.read_text(encoding="utf-8")
    assert svg.read_text(encoding="utf-8").startswith("<?xml")
    assert load(altena).stands()["positionering_intern"] == 3  # the session itself is not saved


async def test_v_without_a_previous_round_says_so(
    altena: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(altena)
    shown = record_notifications(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
    assert shown == ["Er is geen eerdere ronde van deze gemeente om mee te vergelijken."]


async def test_an_export_that_cannot_be_written_says_which_file(
    altena: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = altena.with_suffix(".md")
    blocked.mkdir()  # a folder where the report should go
    app = app_for(altena)
    shown = record_notifications(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)  # the app goes on
    assert shown == [f"{blocked}: is een map"]
    assert blocked.is_dir() and not altena.with_suffix(".svg").exists()


@pytest.mark.parametrize(
    "size, width, step_rows, name",
    [
        ((80, 24), 10, 1, "Positie"),
        ((120, 40), 14, 2, "Positie"),
        ((200, 60), 18, 3, "Positionering"),
    ],
)
async def test_sliders_grow_with_the_terminal(
    altena: Path, size: tuple[int, int], width: int, step_rows: int, name: str
) -> None:
    """Wider columns, the full name where it fits, and levels further apart on a tall terminal."""
    app = app_for(altena)
    async with app.run_test(size=size) as pilot:
        slider = app.screen.query_one("#positionering_intern", Slider)
        assert (slider.size.width, slider.step_rows) == (width, step_rows)
        assert slider.render_line(0).text.strip() == name
        thumb = slider.row_of(3)
        await pilot.press("up")
        await pilot.pause()
        assert slider.row_of(4) == thumb - step_rows
        assert "+4" in slider.render_line(slider.row_of(4)).text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_full_name_fits_two_rows_at_the_full_label_width(lang: str) -> None:
    """All five faders show the same kind of name: every full name fits, or none is tried."""
    from schuiftui.core.categories import CATEGORIES
    from schuiftui.widgets.fader import FULL_LABEL_WIDTH, full_label, labels

    for category in CATEGORIES:
        fader = Slider(*labels(category, lang), full_label=full_label(category, lang))
        assert fader.name_rows(FULL_LABEL_WIDTH) != fader.label.split("\n"), category.id
