"""Shared fixtures: example sessions copied into a scratch folder."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "sessions"


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled example sessions."""
    target = tmp_path / "sessions"
    shutil.copytree(EXAMPLES, target)
    return target


@pytest.fixture
def altena(sessions_dir: Path) -> Path:
    """A writable copy of Altena's first session."""
    return sessions_dir / "altena" / "2020-02-12.toml"


TODAY = datetime.date(2026, 11, 29)
"""The date the app believes it is, so new rounds and snapshots are stable."""

RENDERING_ENVIRONMENT = (
    "TEXTUAL_THEME",
    "NO_COLOR",
    "SCHUIFTUI_LANG",
    "TEXTUAL_ANIMATIONS",
    "COLUMNS",
    "LINES",
)


@pytest.fixture(autouse=True)
def _stable_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Clear environment that changes what the app looks like or says."""
    for name in RENDERING_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    # Problems with files are said in Dutch unless a test's command line asks otherwise.
    from schuiftui.i18n import set_messages_language

    set_messages_language("nl")


@pytest.fixture(autouse=True)
def state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A state folder of the test's own: drafts and locks never touch the real one."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("SCHUIFTUI_STATE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes snapshots depend on timing: switch it off."""
    from textual.widgets import Input, TextArea

    for widget_class in (Input, TextArea):

        def init(
            self: object, *args: object, __original=widget_class.__init__, **kwargs: object
        ) -> None:
            __original(self, *args, **kwargs)
            self.cursor_blink = False  # type: ignore[attr-defined]

        monkeypatch.setattr(widget_class, "__init__", init)


def record_notifications(app: Any, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message the app shows as a notification from now on, in order."""
    shown: list[str] = []
    notify = app.notify

    def recording_notify(message: str, **kwargs: Any) -> None:
        shown.append(message)
        notify(message, **kwargs)

    monkeypatch.setattr(app, "notify", recording_notify)
    return shown


async def notes_at_their_end(app: Any, pilot: Any) -> Any:
    """Press `c` on the panel and put the cursor at the end of the casus notes; return them."""
    from textual.widgets import TextArea

    await pilot.press("c")
    await pilot.pause()
    notes = app.screen.query_one("#notities", TextArea)
    notes.move_cursor(notes.document.end)
    return notes
