"""Text is only text: `[`, `]`, `[/x]`, `[@click=…]`, `\\` and control characters are shown as typed.

Every text from a file, a folder name, a lock file or a person reaches the
screen through `widgets.plain` or a notification with markup off; these tests
put such texts in each place they appear and read what the widgets show.
"""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from textual.widgets import OptionList, Static
from textual.widgets._toast import Toast

from schuiftui.app import SchuifApp, make_app
from schuiftui.core.locks import Holder
from schuiftui.core.merge import Conflict
from schuiftui.core.storage import load, save
from schuiftui.i18n import Translator
from schuiftui.sanitize import visible
from schuiftui.screens.dialogs.choices import ConfirmDialog, LockDialog
from schuiftui.screens.dialogs.conflict import ConflictDialog
from schuiftui.screens.panel import PanelScreen

from .conftest import EXAMPLES, TODAY

PIECES = [
    *("[", "]", "[/x]", "[/]", "[b]", "[@click=app.quit]klik[/]", "[concept]"),
    *("\\", "\x1b", "\x07", "a", " "),
]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join).filter(str.strip)


def shown(widget: Static) -> str:
    """What a text widget shows, as plain text."""
    return widget.render().plain  # type: ignore[union-attr]


def toasts(app: SchuifApp) -> list[str]:
    """The text of every notification on the screen."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


def hostile_session(folder: Path, text: str) -> Path:
    """Altena's first session with `text` in its toelichting, titel, casus titel and agenda."""
    path = folder / "altena" / "2020-02-12.toml"
    session = load(path)
    session.titel = "MARKER"
    session.casus.titel = "MARKER"
    session.sliders["positionering_intern"].toelichting = "MARKER"
    session.agenda[0].tekst = "MARKER"
    save(session, path)
    # Written as a TOML string with escapes: a file may hold any character.
    toml = path.read_text(encoding="utf-8").replace('"MARKER"', json.dumps(text))
    path.write_text(toml, encoding="utf-8")
    return path


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=texts)
async def test_texts_on_the_panel_dialogs_and_notifications_are_shown_as_typed(
    tmp_path_factory, text: str
) -> None:
    sessions = tmp_path_factory.mktemp("s") / "sessions"
    shutil.copytree(EXAMPLES, sessions)
    path = hostile_session(sessions, text)
    expected = visible(text)
    app = make_app(path, today=lambda: TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        panel = app.screen
        assert isinstance(panel, PanelScreen)
        # The toelichting in the detail area, the action in the agenda.
        assert expected in shown(panel.query_one("#detail-text", Static))
        agenda = panel.query_one("#agenda", OptionList)
        assert expected in str(agenda.get_option_at_index(0).prompt)
        # A notification, as the app makes them of file names and actions.
        app.notify(text, title=text)
        await pilot.pause()
        assert any(expected in toast for toast in toasts(app))
        # A question, a lock file's holder, a conflict.
        _ = Translator("nl")
        app.push_screen(ConfirmDialog(text, _("save.write_again"), _))
        await pilot.pause()
        assert expected in shown(app.screen.query_one("#question", Static))
        app.pop_screen()
        holder = Holder(user=text, host=text, pid=1, since=0.0)
        app.push_screen(LockDialog(holder, _))
        await pilot.pause()
        assert expected in shown(app.screen.query_one("#question", Static))
        assert app.is_running  # a [@click=app.quit] is no action
        app.pop_screen()
        conflict = Conflict("casus.titel", text, text + "x", lambda session: None)
        app.push_screen(ConflictDialog((conflict,), _))
        await pilot.pause()
        prompt = str(app.screen.query_one("#conflicts", OptionList).get_option_at_index(0).prompt)
        assert " ".join(expected.split())[:20] in prompt
        app.pop_screen()


async def test_a_new_round_after_an_action_with_a_closing_tag_says_it_was_done(
    tmp_path: Path,
) -> None:
    """`[/maand]` in a done action crashed the app when a new round named it."""
    sessions = tmp_path / "sessions"
    shutil.copytree(EXAMPLES, sessions)
    latest = sessions / "altena" / "2020-10-07.toml"
    session = load(latest)
    session.agenda[0].tekst = "Budget per [/maand] vastleggen"
    session.agenda[0].status = "gedaan"
    save(session, latest)
    app = make_app(sessions, today=lambda: TODAY)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
        assert any("[/maand]" in toast for toast in toasts(app))


async def test_a_save_in_a_folder_with_brackets_says_where(tmp_path: Path) -> None:
    """`[/]` in a folder name crashed the save's notification."""
    folder = tmp_path / "werk[b]x[" / "]plaats"  # the path reads .../werk[b]x[/]plaats/...
    folder.mkdir(parents=True)
    path = folder / "2020-02-12.toml"
    shutil.copy(EXAMPLES / "altena" / "2020-02-12.toml", path)
    app = make_app(path, today=lambda: TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("up", "ctrl+s")
        await pilot.pause()
        assert any("werk[b]x[/]plaats" in toast.replace("\n", "") for toast in toasts(app))
    assert load(path).stands()["positionering_intern"] == 4
    assert datetime.date(2020, 2, 12) == load(path).datum
