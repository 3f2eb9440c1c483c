"""Dialogs for text: a slider's toelichting, and the casus full size."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, TextArea

from ...i18n import Translator
from ...widgets.plain import Plain
from .base import EditDialog, write_on


@dataclass(frozen=True)
class Edited:
    """The text a dialog returns, and whether the session should be saved now."""

    text: str
    save: bool = False


class ToelichtingDialog(EditDialog[Edited]):
    """Edit the toelichting of one slider, with the meaning of both poles in view."""

    KEYS = "dialog.toelichting.keys"

    def __init__(self, heading: str, description: str, text: str, translate: Translator) -> None:
        super().__init__(translate)
        self._heading = heading
        self.description = description
        self.text = text

    def dialog_title(self) -> str:
        return self._heading

    def compose_body(self) -> ComposeResult:
        yield Plain(self.description, classes="dialog-help")
        yield TextArea(self.text, id="toelichting", soft_wrap=True, show_line_numbers=False)

    def on_mount(self) -> None:
        write_on(self.query_one(TextArea))

    def result(self, save: bool) -> Edited:
        return Edited(self.query_one(TextArea).text, save)


@dataclass(frozen=True)
class CasusFields:
    """What the casus editor returns."""

    titel: str
    notities: str
    save: bool = False


class CasusDialog(EditDialog[CasusFields]):
    """The casus, titel and notes, in an editor as large as the terminal."""

    HEADING = "dialog.casus.title"
    KEYS = "dialog.casus.keys"
    FRAME = "dialog full"
    DEFAULT_CSS = """
    .dialog.full {
        width: 100%;
        max-width: 100%;
        height: 100%;
        max-height: 100%;
    }

    .dialog.full #casus-notes {
        height: 1fr;
    }
    """

    def __init__(self, titel: str, notities: str, translate: Translator) -> None:
        super().__init__(translate)
        self.fields = CasusFields(titel, notities)

    def compose_body(self) -> ComposeResult:
        _ = self.translate
        yield Input(
            self.fields.titel,
            id="casus-title",
            compact=True,
            placeholder=_("panel.casus_titel"),
        )
        yield TextArea(self.fields.notities, id="casus-notes", soft_wrap=True)

    def on_mount(self) -> None:
        write_on(self.query_one("#casus-notes", TextArea))

    def result(self, save: bool) -> CasusFields:
        return CasusFields(
            self.query_one("#casus-title", Input).value,
            self.query_one("#casus-notes", TextArea).text,
            save,
        )
