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
from textual.suggester import Suggester
from textual.widgets import Input, Select, Static, TextArea

from ..core.paths import slugify
from ..core.session import ROLES, normalize_text, parse_date, parse_deelnemers
from ..i18n import Translator
from ..widgets.plain import Plain, PlainLabel

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
            yield PlainLabel(self.dialog_title(), classes="dialog-title")
            yield from self.compose_body()
            if self.KEYS:
                yield Plain(self.translate(self.KEYS), classes="dialog-keys")


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

    def problem(self) -> str | None:
        """What is wrong with what was typed, shown instead of finishing; None: nothing."""
        return None

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
        if not self.is_active:
            return
        problem = self.problem()
        if problem is not None:
            self.query_one("#problem", Static).update(problem)
            return
        self.dismiss(self.result(save))


def write_on(text_area: TextArea) -> None:
    """Focus `text_area` with the cursor at the end of its text, to write on."""
    text_area.focus()
    text_area.move_cursor(text_area.document.end)


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


@dataclass(frozen=True)
class AgendaFields:
    """What the agenda item dialog returns."""

    tekst: str
    termijn: str | None
    eigenaar: str | None
    uiterlijk: datetime.date | None
    """The date by which it is due (huiswerk), if any."""
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
        yield PlainLabel(_("dialog.agenda.tekst"))
        yield Input(self.fields.tekst, id="tekst")
        with Horizontal(classes="dialog-row"):
            with Vertical():
                yield PlainLabel(_("dialog.agenda.termijn"))
                yield Select(
                    [(_("termijn.kort"), "kort"), (_("termijn.lang"), "lang")],
                    value=self.fields.termijn or Select.NULL,
                    prompt=_("dialog.agenda.geen_termijn"),
                    id="termijn",
                )
            with Vertical():
                yield PlainLabel(_("dialog.agenda.eigenaar"))
                yield Input(self.fields.eigenaar or "", id="eigenaar")
            with Vertical():
                yield PlainLabel(_("dialog.agenda.uiterlijk"))
                uiterlijk = self.fields.uiterlijk
                yield Input(
                    uiterlijk.isoformat() if uiterlijk else "",
                    id="uiterlijk",
                    placeholder=_("dialog.date_placeholder"),
                )
        yield Plain("", id="problem", classes="dialog-problem")

    def on_mount(self) -> None:
        self.query_one("#tekst", Input).focus()

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_done(False)

    def problem(self) -> str | None:
        typed = self.query_one("#uiterlijk", Input).value.strip()
        if typed and parse_date(typed) is None:
            self.query_one("#uiterlijk", Input).focus()
            return self.translate("cli.bad_date", value=typed)
        return None

    def result(self, save: bool) -> AgendaFields:
        termijn = self.query_one("#termijn", Select).value
        eigenaar = self.query_one("#eigenaar", Input).value.strip()
        return AgendaFields(
            tekst=self.query_one("#tekst", Input).value.strip(),
            termijn=termijn if isinstance(termijn, str) else None,
            eigenaar=eigenaar or None,
            # A date still being typed (a recovery draft) keeps none yet.
            uiterlijk=parse_date(self.query_one("#uiterlijk", Input).value.strip()),
            save=save,
        )


class RoleSuggester(Suggester):
    """Completes the last of the comma-separated deelnemers with a role of the trio."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        last = value.rpartition(",")[2]
        typed = last.lstrip()
        if not typed:
            return None
        for role in ROLES:
            if role.startswith(typed.lower()) and role != typed.lower():
                return value + role[len(typed) :]
        return None


def deelnemers_input(deelnemers: list[str] | None, translate: Translator) -> Input:
    """The field for deelnemers: free text, comma-separated, the trio's roles suggested."""
    return Input(
        ", ".join(deelnemers or []),
        id="deelnemers",
        placeholder=translate("dialog.details.deelnemers_placeholder"),
        suggester=RoleSuggester(),
        compact=True,
    )


@dataclass(frozen=True)
class SessionDetails:
    """What the details dialog returns."""

    titel: str
    deelnemers: list[str] | None
    datum: datetime.date
    save: bool = False


class DetailsDialog(EditDialog[SessionDetails]):
    """The session's titel, deelnemers and datum."""

    HEADING = "dialog.details.title"
    KEYS = "dialog.details.keys"

    def __init__(
        self,
        titel: str | None,
        deelnemers: list[str] | None,
        datum: datetime.date,
        translate: Translator,
    ) -> None:
        super().__init__(translate)
        self.details = SessionDetails(titel or "", deelnemers, datum)

    def compose_body(self) -> ComposeResult:
        _ = self.translate
        yield PlainLabel(_("dialog.details.titel"))
        yield Input(self.details.titel, id="titel", compact=True)
        yield PlainLabel(_("dialog.details.deelnemers"))
        yield deelnemers_input(self.details.deelnemers, _)
        yield Plain(_("dialog.details.roles", roles=", ".join(ROLES)), classes="dialog-help")
        yield PlainLabel(_("dialog.new.datum"))
        yield Input(
            self.details.datum.isoformat(),
            id="datum",
            placeholder=_("dialog.date_placeholder"),
            compact=True,
        )
        yield Plain("", id="problem", classes="dialog-problem")

    def on_mount(self) -> None:
        self.query_one("#titel", Input).focus()

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_done(False)

    def problem(self) -> str | None:
        typed = self.query_one("#datum", Input).value.strip()
        if parse_date(typed) is None:
            self.query_one("#datum", Input).focus()
            return self.translate("cli.bad_date", value=typed)
        return None

    def result(self, save: bool) -> SessionDetails:
        datum = parse_date(self.query_one("#datum", Input).value)
        return SessionDetails(
            titel=self.query_one("#titel", Input).value,
            deelnemers=parse_deelnemers(self.query_one("#deelnemers", Input).value),
            # A date still being typed (a recovery draft) keeps the one there was.
            datum=datum or self.details.datum,
            save=save,
        )


@dataclass(frozen=True)
class NewSession:
    """What the new-session dialog returns."""

    gemeente: str
    datum: datetime.date
    titel: str | None = None
    deelnemers: list[str] | None = None
    """None: none typed (a new round then keeps those of the round before)."""


class NewSessionDialog(Dialog["NewSession | None"]):
    """Ask for a gemeente, a date (default today), a titel and deelnemers for a new session.

    For a new round the gemeente is given and cannot be changed.
    """

    HEADING = "dialog.new.title"
    KEYS = "dialog.new.keys"
    FRAME = "dialog small"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
    ]

    def __init__(
        self,
        translate: Translator,
        today: datetime.date,
        gemeente: str | None = None,
        deelnemers: list[str] | None = None,
    ) -> None:
        super().__init__(translate)
        self.today = today
        self.gemeente = gemeente
        self.deelnemers = deelnemers

    def dialog_title(self) -> str:
        if self.gemeente is None:
            return self.translate("dialog.new.title")
        return self.translate("dialog.round.title", gemeente=self.gemeente)

    def compose_body(self) -> ComposeResult:
        _ = self.translate
        yield PlainLabel(_("dialog.new.gemeente"))
        yield Input(self.gemeente or "", id="gemeente", compact=True, disabled=bool(self.gemeente))
        yield PlainLabel(_("dialog.new.datum"))
        yield Input(self.today.isoformat(), id="datum", compact=True)
        yield PlainLabel(_("dialog.details.titel"))
        yield Input(id="titel", compact=True)
        yield PlainLabel(_("dialog.details.deelnemers"))
        yield deelnemers_input(self.deelnemers, _)
        yield Plain("", id="problem", classes="dialog-problem")

    def on_mount(self) -> None:
        self.query_one("#datum" if self.gemeente else "#gemeente", Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
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
        datum = parse_date(datum_text)
        if datum is None:
            problem.update(_("cli.bad_date", value=datum_text))
            self.query_one("#datum", Input).focus()
            return
        titel = normalize_text(self.query_one("#titel", Input).value).strip()
        deelnemers = parse_deelnemers(self.query_one("#deelnemers", Input).value)
        self.dismiss(NewSession(gemeente, datum, titel or None, deelnemers))

    def action_cancel(self) -> None:
        self.dismiss(None)


class NameDialog(Dialog["str | None"]):
    """Ask whose own placement it is: a name, or empty for an anonymous one (a number).

    Returns the name ("" for anonymous), or None when cancelled.
    """

    HEADING = "dialog.name.title"
    KEYS = "dialog.name.keys"
    FRAME = "dialog small"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
    ]

    def __init__(self, translate: Translator, session_label: str) -> None:
        super().__init__(translate)
        self.session_label = session_label

    def compose_body(self) -> ComposeResult:
        _ = self.translate
        yield Plain(_("dialog.name.explain", session=self.session_label), classes="dialog-help")
        yield PlainLabel(_("dialog.name.naam"))
        yield Input(id="naam", compact=True)
        yield Plain("", id="problem", classes="dialog-problem")

    def on_mount(self) -> None:
        self.query_one("#naam", Input).focus()

    @on(Input.Submitted)
    def submitted(self) -> None:
        naam = normalize_text(self.query_one("#naam", Input).value).strip()
        if naam:
            try:
                slugify(naam)
            except ValueError:
                self.query_one("#problem", Static).update(self.translate("dialog.name.bad"))
                return
        self.dismiss(naam)

    def action_cancel(self) -> None:
        self.dismiss(None)
