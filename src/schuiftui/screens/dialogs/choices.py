"""Dialogs that ask a question and return the choice: quit, confirm, draft, lock."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button

from ...i18n import Translator
from ...widgets.plain import Plain
from .base import Dialog

if TYPE_CHECKING:
    from ...core.locks import Holder


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

    Subclasses set `CHOICES` (the first has focus); the question is given
    when the dialog is made, or a subclass writes `question()`. Escape and
    Enter are bound per subclass.
    """

    FRAME = "dialog small"
    CHOICES: ClassVar[tuple[Choice, ...]] = ()

    def __init__(self, translate: Translator, question: str = "") -> None:
        super().__init__(translate)
        self._question = question

    def question(self) -> str:
        """The text above the buttons."""
        return self._question

    def label(self, choice: Choice) -> str:
        """A button's text."""
        return self.translate(choice.label)

    def compose_body(self) -> ComposeResult:
        yield Plain(self.question(), id="question")
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
        super().__init__(translate, question)
        self.action = action

    def label(self, choice: Choice) -> str:
        return f"{self.action} (Enter)" if choice.id == "yes" else super().label(choice)


class ExistingGemeenteDialog(ChoiceDialog):
    """A new session for a gemeente that has sessions: a new round (Enter), an empty one, or not.

    Returns "round", "blank" or "cancel".
    """

    HEADING = "dialog.existing.title"
    FRAME = "dialog"  # three buttons need more than the small frame's width
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('cancel')", "key.cancel"),
    ]
    CHOICES = (
        Choice("round", "dialog.existing.round", "dialog.existing.round_key", "primary"),
        Choice("blank", "dialog.existing.blank", "dialog.existing.blank_key"),
        Choice("cancel", "dialog.quit.cancel"),
    )


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
            yield Plain(self.difference, markup=False)

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
