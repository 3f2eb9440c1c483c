"""The dialog for a save that met someone else's change to the same things."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Callable, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, OptionList

from ...core.editing import ConflictAnswer
from ...i18n import Translator
from ...widgets.plain import Plain, plain
from .base import Dialog

if TYPE_CHECKING:
    from ...core.merge import Conflict


class ConflictList(OptionList):
    """The conflicts, handling the dialog's keys as they arrive, in the order typed.

    Textual checks bindings only once a key has bubbled up to the app, and a
    letter handled on its way could overtake an Enter bound there: `Enter o`
    typed ahead would save before switching. So this list, which has the
    focus, hands each key to `handle` first.
    """

    def __init__(self, *prompts: str, handle: Callable[[str], bool], id: str) -> None:
        super().__init__(*prompts, id=id)
        self._handle = handle

    def on_key(self, event: events.Key) -> None:
        if self._handle(event.key):
            event.stop()
            event.prevent_default()


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

    def __init__(
        self, conflicts: tuple[Conflict, ...], translate: Translator, *, git: bool = False
    ) -> None:
        """`git`: the conflicts of a git merge (this branch against the other),
        not of a save against the disk."""
        super().__init__(translate)
        self.git = git
        self.conflicts = conflicts
        self.theirs: set[str] = set()

    def compose_body(self) -> ComposeResult:
        _ = self.translate
        yield Plain(_(self._text("explain")), classes="dialog-help")
        prompts = [self._prompt(c) for c in self.conflicts]
        yield ConflictList(*prompts, handle=self._handle, id="conflicts")
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("dialog.conflict.save"), id="save", variant="primary")
            if not self.git:  # a merge is finished in its own file
                yield Button(_("dialog.conflict.new"), id="new")
            yield Button(_("dialog.quit.cancel"), id="cancel")

    def dialog_title(self) -> str:
        return self.translate(self._text("title"))

    def _text(self, part: str) -> str:
        return f"dialog.conflict.{'git_' if self.git else ''}{part}"

    def on_mount(self) -> None:
        self.query_one("#conflicts").focus()

    def _prompt(self, conflict: Conflict) -> Content:
        _ = self.translate
        side = "theirs" if conflict.field in self.theirs else "mine"
        choice = _(f"conflict.{'git_' if self.git else ''}{side}")
        return plain(
            _(
                self._text("line"),
                what=describe_field(conflict.field, _),
                mine=describe_value(conflict.mine, _),
                theirs=describe_value(conflict.theirs, _),
                choice=choice,
            )
        )

    def _switch(self) -> None:
        """The highlighted conflict goes to the other version."""
        option_list = self.query_one(ConflictList)
        index = option_list.highlighted
        if index is None:
            return
        self.theirs ^= {self.conflicts[index].field}
        option_list.replace_option_prompt_at_index(index, self._prompt(self.conflicts[index]))

    def _handle(self, key: str) -> bool:
        """A key typed in the list: Enter or space switches, a letter answers."""
        if key in ("enter", "space"):
            self._switch()
            return True
        return self._letter(key)

    def _letter(self, key: str) -> bool:
        """Answer if `key` is the letter of an answer; whether it was."""
        letters = {self.translate("dialog.conflict.save_key"): "save"}
        if not self.git:
            letters[self.translate("dialog.conflict.new_key")] = "new"
        if key not in letters:
            return False
        self._answer(letters[key])
        return True

    def on_key(self, event: events.Key) -> None:
        if self._letter(event.key):  # with a button focused
            event.stop()

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
    from ...core.categories import BY_ID

    parts = field.split(".")
    if parts[0] == "schuiven":
        return f"{BY_ID[parts[1]].name.get(_.lang)} ({_('conflict.' + parts[2])})"
    if parts[0] == "casus":
        return _("diff.field." + field)
    if parts[0] == "sessie":
        return _("conflict." + field)
    if parts[0] in ("organogram", "samenhang"):
        return _("diff.field." + parts[0])
    detail = f" ({_('diff.field.' + parts[2])})" if len(parts) > 2 else ""
    return f"{_('show.agenda')} {parts[1]}{detail}"


def describe_value(value: object, _: Translator, width: int = 40) -> str:
    """A value of a conflict on one short line."""
    from ...core.session import AgendaItem, format_stand

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
    from ...core.render.text import shorten

    return shorten(" ".join(str(value).split()) or '""', width)
