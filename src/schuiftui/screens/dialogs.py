"""Modal dialogs; each returns a value through `dismiss`.

Escape leaves a text dialog and keeps what was typed (Ctrl+Z on the panel
takes it back), so nothing a user typed is lost by a reflex.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ..core.paths import slugify
from ..i18n import Translator


@dataclass(frozen=True)
class Edited:
    """The text a dialog returns, and whether the session should be saved now."""

    text: str
    save: bool = False


class ToelichtingDialog(ModalScreen[Edited]):
    """Edit the toelichting of one slider, with the meaning of both poles in view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "done(False)", "key.done", priority=True),
        Binding("ctrl+s", "done(True)", "key.save", priority=True),
    ]

    def __init__(self, title: str, description: str, text: str, translate: Translator) -> None:
        super().__init__()
        self.heading = title
        self.description = description
        self.text = text
        self.translate = translate

    def compose(self) -> ComposeResult:
        _ = self.translate
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog-title")
            yield Static(self.description, classes="dialog-help")
            yield TextArea(self.text, id="toelichting", soft_wrap=True, show_line_numbers=False)
            yield Static(_("dialog.toelichting.keys"), classes="dialog-keys")

    def on_mount(self) -> None:
        text_area = self.query_one(TextArea)
        text_area.focus()
        text_area.move_cursor(text_area.document.end)

    def action_done(self, save: bool) -> None:
        self.dismiss(Edited(self.query_one(TextArea).text, save))


@dataclass(frozen=True)
class AgendaFields:
    """What the agenda item dialog returns."""

    tekst: str
    termijn: str | None
    eigenaar: str | None
    save: bool = False


class AgendaItemDialog(ModalScreen[AgendaFields]):
    """Write or change one step of the lokale agenda."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "done(False)", "key.done", priority=True),
        Binding("ctrl+s", "done(True)", "key.save", priority=True),
    ]

    def __init__(self, fields: AgendaFields, translate: Translator, *, new: bool) -> None:
        super().__init__()
        self.fields = fields
        self.translate = translate
        self.new = new

    def compose(self) -> ComposeResult:
        _ = self.translate
        title = _("dialog.agenda.new") if self.new else _("dialog.agenda.edit")
        with Vertical(classes="dialog"):
            yield Label(title, classes="dialog-title")
            yield Label(_("dialog.agenda.tekst"))
            yield Input(self.fields.tekst, id="tekst")
            with Horizontal(classes="dialog-row"):
                with Vertical():
                    yield Label(_("dialog.agenda.termijn"))
                    yield Select(
                        [(_("termijn.kort"), "kort"), (_("termijn.lang"), "lang")],
                        value=self.fields.termijn or Select.NULL,
                        prompt=_("dialog.agenda.geen_termijn"),
                        id="termijn",
                    )
                with Vertical():
                    yield Label(_("dialog.agenda.eigenaar"))
                    yield Input(self.fields.eigenaar or "", id="eigenaar")
            yield Static(_("dialog.agenda.keys"), classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#tekst", Input).focus()

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_done(False)

    def action_done(self, save: bool) -> None:
        termijn = self.query_one("#termijn", Select).value
        eigenaar = self.query_one("#eigenaar", Input).value.strip()
        self.dismiss(
            AgendaFields(
                tekst=self.query_one("#tekst", Input).value.strip(),
                termijn=termijn if isinstance(termijn, str) else None,
                eigenaar=eigenaar or None,
                save=save,
            )
        )


class QuitDialog(ModalScreen[str]):
    """Unsaved changes: save, discard or cancel. Returns "save", "discard" or "cancel"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('cancel')", "key.cancel"),
    ]

    def __init__(self, translate: Translator) -> None:
        super().__init__()
        self.translate = translate

    def compose(self) -> ComposeResult:
        _ = self.translate
        with Vertical(classes="dialog small"):
            yield Label(_("dialog.quit.title"), classes="dialog-title")
            yield Static(_("dialog.quit.question"))
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("dialog.quit.save"), id="save", variant="primary")
                yield Button(_("dialog.quit.discard"), id="discard", variant="error")
                yield Button(_("dialog.quit.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        choice = {
            self.translate("dialog.quit.save_key"): "save",
            self.translate("dialog.quit.discard_key"): "discard",
        }.get(key)
        if choice:
            self.dismiss(choice)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "cancel")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


@dataclass(frozen=True)
class NewSession:
    """What the new-session dialog returns."""

    gemeente: str
    datum: datetime.date


class NewSessionDialog(ModalScreen["NewSession | None"]):
    """Ask for a gemeente and a date (default today) for a new session."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
    ]

    def __init__(self, translate: Translator, today: datetime.date) -> None:
        super().__init__()
        self.translate = translate
        self.today = today

    def compose(self) -> ComposeResult:
        _ = self.translate
        with Vertical(classes="dialog small"):
            yield Label(_("dialog.new.title"), classes="dialog-title")
            yield Label(_("dialog.new.gemeente"))
            yield Input(id="gemeente")
            yield Label(_("dialog.new.datum"))
            yield Input(self.today.isoformat(), id="datum")
            yield Static("", id="problem", classes="dialog-problem")
            yield Static(_("dialog.new.keys"), classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#gemeente", Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "gemeente" and not self.query_one("#datum", Input).value:
            self.query_one("#datum", Input).focus()
            return
        _ = self.translate
        gemeente = self.query_one("#gemeente", Input).value.strip()
        datum_text = self.query_one("#datum", Input).value.strip()
        problem = self.query_one("#problem", Static)
        try:
            slugify(gemeente)
        except ValueError:
            problem.update(_("dialog.new.bad_gemeente"))
            self.query_one("#gemeente", Input).focus()
            return
        try:
            datum = datetime.date.fromisoformat(datum_text)
        except ValueError:
            problem.update(_("cli.bad_date", value=datum_text))
            self.query_one("#datum", Input).focus()
            return
        self.dismiss(NewSession(gemeente, datum))

    def action_cancel(self) -> None:
        self.dismiss(None)
