"""Modal dialogs; each returns a value through `dismiss`.

Escape leaves a text dialog and keeps what was typed (Ctrl+Z on the panel
takes it back), so nothing a user typed is lost by a reflex.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static, TextArea

from ..core.paths import slugify
from ..i18n import Translator

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """A framed dialog: a title, the body a subclass composes, a line of keys.

    Subclasses set `HEADING` and `KEYS` (catalog keys for the heading and
    the line of keys, or "") and `FRAME` (the frame's CSS classes), and
    write `compose_body()`. A heading that is not a fixed text comes from
    overriding `dialog_title()` (not `title`: that is the Screen's reactive).
    """

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
    }

    .dialog {
        width: 80%;
        max-width: 90;
        height: auto;
        max-height: 90%;
        border: thick $primary;
        background: $panel;
        padding: 0 1;
    }

    .dialog.small {
        max-width: 60;
    }

    .dialog-title {
        text-style: bold;
        width: 1fr;
        margin-bottom: 1;
    }

    .dialog-help {
        color: $text-muted;
        margin-bottom: 1;
    }

    .dialog-keys {
        color: $text-muted;
        margin-top: 1;
    }

    .dialog-problem {
        color: $error;
        text-style: bold;
    }

    .dialog #toelichting {
        height: 8;
    }

    .dialog-row {
        height: auto;
    }

    .dialog-row > Vertical {
        height: auto;
        width: 1fr;
    }

    .dialog-buttons {
        height: auto;
        align: center middle;
    }

    .dialog-buttons Button {
        margin: 0 1;
    }
    """

    HEADING: ClassVar[str] = ""
    KEYS: ClassVar[str] = ""
    FRAME: ClassVar[str] = "dialog"

    def __init__(self, translate: Translator) -> None:
        super().__init__()
        self.translate = translate

    def dialog_title(self) -> str:
        """The dialog's heading."""
        return self.translate(self.HEADING)

    def compose_body(self) -> ComposeResult:
        """The widgets between the heading and the line of keys."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes=self.FRAME):
            yield Label(self.dialog_title(), classes="dialog-title")
            yield from self.compose_body()
            if self.KEYS:
                yield Static(self.translate(self.KEYS), classes="dialog-keys")


class EditDialog(Dialog[ResultType]):
    """A dialog that edits: Escape is done, Ctrl+S is done and save the session.

    Subclasses write `result(save)`, what the dialog returns.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "done(False)", "key.done", priority=True),
        Binding("ctrl+s", "done(True)", "key.save", priority=True),
    ]

    def result(self, save: bool) -> ResultType:
        """What was edited, and whether to save the session now."""
        raise NotImplementedError

    def current(self) -> ResultType | None:
        """What the dialog holds right now (for a recovery draft); None before it is built."""
        from textual.css.query import NoMatches

        try:
            return self.result(False)
        except NoMatches:
            return None

    def action_done(self, save: bool) -> None:
        # Escape and Ctrl+S are priority keys and overtake the letters typed
        # just before them (in one read over SSH), which wait in the focused
        # field's queue: read the fields after those letters.
        (self.focused or self).call_later(self._finish, save)

    def _finish(self, save: bool) -> None:
        if self.is_active:
            self.dismiss(self.result(save))


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
        yield Static(self.description, classes="dialog-help")
        yield TextArea(self.text, id="toelichting", soft_wrap=True, show_line_numbers=False)

    def on_mount(self) -> None:
        text_area = self.query_one(TextArea)
        text_area.focus()
        text_area.move_cursor(text_area.document.end)

    def result(self, save: bool) -> Edited:
        return Edited(self.query_one(TextArea).text, save)


@dataclass(frozen=True)
class AgendaFields:
    """What the agenda item dialog returns."""

    tekst: str
    termijn: str | None
    eigenaar: str | None
    save: bool = False


class AgendaItemDialog(EditDialog[AgendaFields]):
    """Write or change one step of the lokale agenda."""

    KEYS = "dialog.agenda.keys"

    def __init__(self, fields: AgendaFields, translate: Translator, *, new: bool) -> None:
        super().__init__(translate)
        self.fields = fields
        self.new = new

    def dialog_title(self) -> str:
        return self.translate("dialog.agenda.new" if self.new else "dialog.agenda.edit")

    def compose_body(self) -> ComposeResult:
        _ = self.translate
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

    def on_mount(self) -> None:
        self.query_one("#tekst", Input).focus()

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_done(False)

    def result(self, save: bool) -> AgendaFields:
        termijn = self.query_one("#termijn", Select).value
        eigenaar = self.query_one("#eigenaar", Input).value.strip()
        return AgendaFields(
            tekst=self.query_one("#tekst", Input).value.strip(),
            termijn=termijn if isinstance(termijn, str) else None,
            eigenaar=eigenaar or None,
            save=save,
        )


@dataclass(frozen=True)
class NewSession:
    """What the new-session dialog returns."""

    gemeente: str
    datum: datetime.date


class NewSessionDialog(Dialog["NewSession | None"]):
    """Ask for a gemeente and a date (default today) for a new session."""

    HEADING = "dialog.new.title"
    KEYS = "dialog.new.keys"
    FRAME = "dialog small"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
    ]

    def __init__(self, translate: Translator, today: datetime.date) -> None:
        super().__init__(translate)
        self.today = today

    def compose_body(self) -> ComposeResult:
        _ = self.translate
        yield Label(_("dialog.new.gemeente"))
        yield Input(id="gemeente")
        yield Label(_("dialog.new.datum"))
        yield Input(self.today.isoformat(), id="datum")
        yield Static("", id="problem", classes="dialog-problem")

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
