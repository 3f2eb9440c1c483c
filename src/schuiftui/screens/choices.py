"""Dialogs that ask a question and return the choice: quit, confirm, draft, lock, conflicts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Static

from ..i18n import Translator
from .dialogs import Dialog

if TYPE_CHECKING:
    from ..core.locks import Holder
    from ..core.merge import Conflict


class Choice(NamedTuple):
    """One answer to a question: a button, and maybe a letter."""

    id: str
    """What the dialog returns when this is chosen."""
    label: str
    """Catalog key of the button's text."""
    key: str = ""
    """Catalog key of the letter that chooses it (the letter differs per language)."""
    variant: str = "default"


class ChoiceDialog(Dialog[str]):
    """A question answered with one of its buttons (or a button's letter).

    Subclasses set `CHOICES` (the first has focus) and write `question()`;
    Escape and Enter are bound per subclass.
    """

    FRAME = "dialog small"
    CHOICES: ClassVar[tuple[Choice, ...]] = ()

    def question(self) -> str:
        """The text above the buttons."""
        raise NotImplementedError

    def label(self, choice: Choice) -> str:
        """A button's text."""
        return self.translate(choice.label)

    def compose_body(self) -> ComposeResult:
        yield Static(self.question(), id="question")
        yield from self.compose_extra()
        with Horizontal(classes="dialog-buttons"):
            for choice in self.CHOICES:
                yield Button(self.label(choice), id=choice.id, variant=choice.variant)

    def compose_extra(self) -> ComposeResult:
        """Widgets between the question and the buttons."""
        yield from ()

    def on_mount(self) -> None:
        self.query_one(f"#{self.CHOICES[0].id}", Button).focus()

    def on_key(self, event: events.Key) -> None:
        # The letters depend on the language ("o"/"w", "s"/"d"), so they are
        # looked up here rather than declared as class-level bindings.
        letters = {self.translate(c.key): c.id for c in self.CHOICES if c.key}
        if event.key in letters:
            event.stop()
            self.action_choose(letters[event.key])

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or self.CHOICES[-1].id)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


class QuitDialog(ChoiceDialog):
    """Unsaved changes: save, discard or cancel. Returns "save", "discard" or "cancel"."""

    HEADING = "dialog.quit.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('cancel')", "key.cancel"),
    ]
    CHOICES = (
        Choice("save", "dialog.quit.save", "dialog.quit.save_key", "primary"),
        Choice("discard", "dialog.quit.discard", "dialog.quit.discard_key", "error"),
        Choice("cancel", "dialog.quit.cancel"),
    )

    def question(self) -> str:
        return self.translate("dialog.quit.question")


class ConfirmDialog(ChoiceDialog):
    """A question with one action and cancel. Returns "yes" for the action, else "no"."""

    HEADING = "dialog.confirm.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('no')", "key.cancel"),
        Binding("enter", "choose('yes')", "key.done", show=False),  # before a button has focus
    ]
    CHOICES = (Choice("yes", "", variant="primary"), Choice("no", "dialog.quit.cancel"))

    def __init__(self, question: str, action: str, translate: Translator) -> None:
        super().__init__(translate)
        self._question = question
        self.action = action

    def question(self) -> str:
        return self._question

    def label(self, choice: Choice) -> str:
        return f"{self.action} (Enter)" if choice.id == "yes" else super().label(choice)


class DraftDialog(ChoiceDialog):
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
    CHOICES = (
        Choice("restore", "dialog.draft.restore", variant="primary"),
        Choice("show", "dialog.draft.show", "dialog.draft.show_key"),
        Choice("discard", "dialog.draft.discard", "dialog.draft.discard_key", "error"),
    )

    def __init__(self, when: str, difference: str, translate: Translator) -> None:
        super().__init__(translate)
        self.when = when
        self.difference = difference

    def question(self) -> str:
        return self.translate("dialog.draft.question", when=self.when)

    def compose_extra(self) -> ComposeResult:
        from textual.containers import VerticalScroll

        with VerticalScroll(id="draft-difference", classes="-hidden"):
            yield Static(self.difference, markup=False)

    def action_choose(self, choice: str) -> None:
        if choice == "show":
            self.query_one("#draft-difference").toggle_class("-hidden")
            return
        self.dismiss(choice)


class LockDialog(ChoiceDialog):
    """Someone else has this session open: open anyway (Enter) or only look.

    Returns "open" or "read_only". Opening anyway is safe: saves merge.
    """

    HEADING = "dialog.lock.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose('open')", "key.open_anyway", show=False),
        Binding("escape", "choose('read_only')", "key.read_only"),
    ]
    CHOICES = (
        Choice("open", "dialog.lock.open", variant="primary"),
        Choice("read_only", "dialog.lock.read_only", "dialog.lock.read_only_key"),
    )

    def __init__(self, other: Holder, translate: Translator) -> None:
        super().__init__(translate)
        self.other = other

    def question(self) -> str:
        other = self.other
        return self.translate(
            "dialog.lock.question",
            user=other.user,
            host=other.host,
            pid=other.pid,
            since=other.opened_at,
        )


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
        self._switch()

    def _switch(self) -> None:
        """The highlighted conflict goes to the other version."""
        from textual.widgets import OptionList

        option_list = self.query_one("#conflicts", OptionList)
        index = option_list.highlighted
        if index is None:
            return
        self.theirs ^= {self.conflicts[index].field}
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
            self._switch()

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
    from ..core.render.text import shorten

    return shorten(" ".join(str(value).split()) or '""', width)
