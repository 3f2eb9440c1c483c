"""Dialogs for text: a slider's toelichting, the casus full size, a text to start from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Input, OptionList, TextArea

from ...i18n import Translator
from ...widgets.plain import Plain, plain
from .base import Dialog, EditDialog, write_on


@dataclass(frozen=True)
class Edited:
    """The text a dialog returns, and whether the session should be saved now."""

    text: str
    save: bool = False


class ToelichtingDialog(EditDialog[Edited]):
    """Edit the toelichting of one slider, with the meaning of both poles in view."""

    KEYS = "dialog.toelichting.keys"

    def __init__(self, heading: str, description: str, text: str, translate: Translator) -> None:
        super().__init__(translate, heading)
        self.description = description
        self.text = text

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


class PickTextDialog(Dialog["str | None"]):
    """Choose one of several texts to start from (a person's toelichting for the team's)."""

    KEYS = "dialog.pick.keys"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, heading: str, choices: list[tuple[str, str]], translate: Translator) -> None:
        """`choices`: (what is shown, the text it stands for)."""
        super().__init__(translate, heading)
        self.choices = choices

    def compose_body(self) -> ComposeResult:
        yield OptionList(*(plain(shown) for shown, _text in self.choices), id="texts")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReadDialog(Dialog[None]):
    """A text to read whole, as large as the window (the focused slider's detail)."""

    KEYS = "dialog.read.keys"
    FRAME = "dialog full"
    DEFAULT_CSS = """
    .dialog.full #read {
        height: 1fr;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,d", "close", "key.back"),
        Binding("up,k", "scroll(-1)", "key.scroll", show=False),
        Binding("down,j", "scroll(1)", "key.scroll", show=False),
        Binding("pageup", "scroll(-10)", "key.scroll", show=False),
        Binding("pagedown", "scroll(10)", "key.scroll", show=False),
    ]

    def __init__(self, heading: str, content: Content, translate: Translator) -> None:
        super().__init__(translate, heading)
        self.content = content

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="read"):
            yield Plain(self.content, id="read-text")

    def action_scroll(self, lines: int) -> None:
        self.query_one("#read", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
