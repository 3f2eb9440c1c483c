"""Modal dialogs; each returns a value through `dismiss`.

Escape leaves a text dialog and keeps what was typed (Ctrl+Z on the panel
takes it back), so nothing a user typed is lost by a reflex.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ..core.paths import slugify
from ..i18n import Translator

if TYPE_CHECKING:
    from ..core.locks import Holder
    from ..core.merge import Conflict

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


class QuitDialog(Dialog[str]):
    """Unsaved changes: save, discard or cancel. Returns "save", "discard" or "cancel"."""

    HEADING = "dialog.quit.title"
    FRAME = "dialog small"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('cancel')", "key.cancel"),
    ]

    def compose_body(self) -> ComposeResult:
        _ = self.translate
        yield Static(_("dialog.quit.question"))
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("dialog.quit.save"), id="save", variant="primary")
            yield Button(_("dialog.quit.discard"), id="discard", variant="error")
            yield Button(_("dialog.quit.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def on_key(self, event: events.Key) -> None:
        # The letters depend on the language ("o"/"w", "s"/"d"), so they are
        # looked up here rather than declared as class-level bindings.
        choices = {
            self.translate("dialog.quit.save_key"): "save",
            self.translate("dialog.quit.discard_key"): "discard",
        }
        if event.key in choices:
            self.dismiss(choices[event.key])

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


class ConfirmDialog(Dialog["bool | None"]):
    """A question with one action and cancel. Returns True for the action."""

    FRAME = "dialog small"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose(False)", "key.cancel"),
        Binding("enter", "choose(True)", "key.done", show=False),  # before a button has focus
    ]

    def __init__(self, question: str, action: str, translate: Translator) -> None:
        super().__init__(translate)
        self.question = question
        self.action = action

    def dialog_title(self) -> str:
        return self.translate("dialog.confirm.title")

    def compose_body(self) -> ComposeResult:
        _ = self.translate
        yield Static(self.question)
        with Horizontal(classes="dialog-buttons"):
            yield Button(f"{self.action} (Enter)", id="yes", variant="primary")
            yield Button(_("dialog.quit.cancel"), id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_choose(self, choice: bool) -> None:
        self.dismiss(choice)


@dataclass(frozen=True)
class ConflictAnswer:
    """How the user settled the conflicts of a save."""

    theirs: set[str]
    """The conflicts (by field) for which the version on disk wins; mine for the rest."""
    as_new_file: bool = False
    """Save my version as a new file instead, and leave the file on disk alone."""


class ConflictDialog(Dialog["ConflictAnswer | None"]):
    """Both I and someone else changed the same things: per conflict, mine or theirs.

    Enter or space switches the highlighted conflict between my version and
    the version on disk; then save, save mine as a new file, or cancel.
    """

    HEADING = "dialog.conflict.title"
    KEYS = "dialog.conflict.keys"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
    ]

    def __init__(self, conflicts: tuple[Conflict, ...], translate: Translator) -> None:
        super().__init__(translate)
        self.conflicts = conflicts
        self.theirs: set[str] = set()

    def compose_body(self) -> ComposeResult:
        from textual.widgets import OptionList

        _ = self.translate
        yield Static(_("dialog.conflict.explain"), classes="dialog-help")
        yield OptionList(*[self._prompt(c) for c in self.conflicts], id="conflicts")
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("dialog.conflict.save"), id="save", variant="primary")
            yield Button(_("dialog.conflict.new"), id="new")
            yield Button(_("dialog.quit.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#conflicts").focus()

    def _prompt(self, conflict: Conflict) -> str:
        _ = self.translate
        choice = _("conflict.theirs") if conflict.field in self.theirs else _("conflict.mine")
        return _(
            "dialog.conflict.line",
            what=describe_field(conflict.field, _),
            mine=describe_value(conflict.mine, _),
            theirs=describe_value(conflict.theirs, _),
            choice=choice,
        )

    def on_option_list_option_selected(self, event: events.Event) -> None:
        from textual.widgets import OptionList

        option_list = self.query_one("#conflicts", OptionList)
        index = option_list.highlighted
        if index is None:
            return
        field = self.conflicts[index].field
        self.theirs ^= {field}
        option_list.replace_option_prompt_at_index(index, self._prompt(self.conflicts[index]))

    def on_key(self, event: events.Key) -> None:
        keys = {
            self.translate("dialog.conflict.save_key"): "save",
            self.translate("dialog.conflict.new_key"): "new",
        }
        if event.key in keys:
            event.stop()
            self._answer(keys[event.key])
        elif event.key == "space":
            event.stop()
            self.on_option_list_option_selected(event)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self._answer(event.button.id or "cancel")

    def _answer(self, choice: str) -> None:
        if choice == "save":
            self.dismiss(ConflictAnswer(set(self.theirs)))
        elif choice == "new":
            self.dismiss(ConflictAnswer(set(), as_new_file=True))
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def describe_field(field: str, _: Translator) -> str:
    """What a conflict is about, in words: "Communicatie (stand)", "Lokale agenda a2 (tekst)"."""
    from ..core.categories import BY_ID

    parts = field.split(".")
    if parts[0] == "schuiven":
        return f"{BY_ID[parts[1]].name.get(_.lang)} ({_('conflict.' + parts[2])})"
    if parts[0] == "casus":
        return _("diff.field." + field)
    if parts[0] == "sessie":
        return _("conflict." + field)
    detail = f" ({_('diff.field.' + parts[2])})" if len(parts) > 2 else ""
    return f"{_('show.agenda')} {parts[1]}{detail}"


def describe_value(value: object, _: Translator, width: int = 40) -> str:
    """A value of a conflict on one short line."""
    from ..core.session import AgendaItem, format_stand

    if value is None:
        return _("conflict.deleted")
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_stand(value)
    if isinstance(value, AgendaItem):
        value = value.tekst
    if isinstance(value, list):
        value = ", ".join(map(str, value))
    if isinstance(value, datetime.date):
        value = value.isoformat()
    text = " ".join(str(value).split()) or '""'
    return text if len(text) <= width else text[: width - 1] + "…"


class DraftDialog(Dialog[str]):
    """Unsaved edits from before (a connection that dropped): restore, look, or discard.

    Returns "restore" (Enter, the default; Escape too, so nothing is lost by
    a reflex) or "discard". The differences with the file on disk show in
    the dialog on request.
    """

    DEFAULT_CSS = """
    #draft-difference {
        height: auto;
        max-height: 14;
        margin: 1 0;
        border: round $primary-muted;
        &.-hidden { display: none; }
    }
    """

    HEADING = "dialog.draft.title"
    FRAME = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Enter before a button has focus (typed ahead) restores too.
        Binding("enter,escape", "choose('restore')", "key.draft_restore"),
    ]

    def __init__(self, when: str, difference: str, translate: Translator) -> None:
        super().__init__(translate)
        self.when = when
        self.difference = difference

    def compose_body(self) -> ComposeResult:
        from textual.containers import VerticalScroll

        _ = self.translate
        yield Static(_("dialog.draft.question", when=self.when))
        with VerticalScroll(id="draft-difference", classes="-hidden"):
            yield Static(self.difference, markup=False)
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("dialog.draft.restore"), id="restore", variant="primary")
            yield Button(_("dialog.draft.show"), id="show")
            yield Button(_("dialog.draft.discard"), id="discard", variant="error")

    def on_mount(self) -> None:
        self.query_one("#restore", Button).focus()

    def on_key(self, event: events.Key) -> None:
        keys = {
            self.translate("dialog.draft.show_key"): "show",
            self.translate("dialog.draft.discard_key"): "discard",
        }
        if event.key in keys:
            event.stop()
            self.action_choose(keys[event.key])

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "restore")

    def action_choose(self, choice: str) -> None:
        if choice == "show":
            self.query_one("#draft-difference").toggle_class("-hidden")
            return
        self.dismiss(choice)


class LockDialog(Dialog[str]):
    """Someone else has this session open: open anyway (Enter) or only look.

    Returns "open" or "read_only". Opening anyway is safe: saves merge.
    """

    HEADING = "dialog.lock.title"
    FRAME = "dialog small"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose('open')", "key.open_anyway", show=False),
        Binding("escape", "choose('read_only')", "key.read_only"),
    ]

    def __init__(self, other: Holder, translate: Translator) -> None:
        super().__init__(translate)
        self.other = other

    def compose_body(self) -> ComposeResult:
        _ = self.translate
        other = self.other
        yield Static(
            id="lock-question",
            content=_(
                "dialog.lock.question",
                user=other.user,
                host=other.host,
                pid=other.pid,
                since=other.opened_at,
            ),
        )
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("dialog.lock.open"), id="open", variant="primary")
            yield Button(_("dialog.lock.read_only"), id="read_only")

    def on_mount(self) -> None:
        self.query_one("#open", Button).focus()

    def on_key(self, event: events.Key) -> None:
        if event.key == self.translate("dialog.lock.read_only_key"):
            event.stop()
            self.action_choose("read_only")

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "open")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
