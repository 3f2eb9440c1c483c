"""What every dialog shares: a frame, a title, a line of keys; edit dialogs keep what is typed.

Escape leaves a text dialog and keeps what was typed (Ctrl+Z on the panel
takes it back), so nothing a user typed is lost by a reflex.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from ...i18n import Translator
from ...widgets.plain import Plain, PlainLabel

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

    /* FRAME = "dialog full": as large as the window (the casus, a text to read). */
    .dialog.full {
        width: 100%;
        max-width: 100%;
        height: 100%;
        max-height: 100%;
    }
    """

    HEADING: ClassVar[str] = ""
    KEYS: ClassVar[str] = ""
    FRAME: ClassVar[str] = "dialog"

    def __init__(self, translate: Translator, heading: str | None = None) -> None:
        """`heading`: a heading that is no fixed text (a slider's name), else `HEADING`."""
        super().__init__()
        self.translate = translate
        self._heading = heading

    def dialog_title(self) -> str:
        """The dialog's heading."""
        return self._heading if self._heading is not None else self.translate(self.HEADING)

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


def date_problem(field: Input, *, required: bool = True) -> str | None:
    """Why the date typed in `field` is no date, with the focus put there; None when it is one
    (or, not `required`, when nothing is typed)."""
    from ...core.session import read_date

    typed = field.value.strip()
    if not typed and not required:
        return None
    try:
        read_date(typed)
    except ValueError as problem:
        field.focus()
        return str(problem)
    return None
