"""The lokale agenda as a list: status per item, keys to change it."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList


class AgendaEntry(NamedTuple):
    """What the list shows of one agenda item."""

    tekst: str
    done: bool
    detail: str
    """Termijn, eigenaar and date, already in the interface language."""
    overdue: bool = False
    """Open, and its date (`uiterlijk`) has passed."""


class AgendaList(OptionList):
    """The agenda items, one per line, `[ ]` open, `[x]` gedaan, `[!]` open past its date.

    | Key | Request |
    | :- | :- |
    | n, insert | add an item |
    | enter, e | edit the highlighted item |
    | space, x | mark it open / gedaan |
    | delete, d | delete it |
    | shift+up, K / shift+down, J | move it up / down |

    The list changes nothing itself: it posts `Requested` and the screen,
    which owns the session, answers with `show`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,insert", "request('add')", "key.agenda_add", key_display="n"),
        Binding("enter,e", "request('edit')", "key.agenda_edit", key_display="e"),
        # Shown as "x": "spatie" would push F1 help off the key line at 80 columns.
        Binding("space,x", "request('toggle')", "key.agenda_toggle", key_display="x"),
        Binding("delete,d", "request('delete')", "key.agenda_delete", key_display="d"),
        Binding("shift+up,K", "request('up')", "key.agenda_up", key_display="K", show=False),
        Binding("shift+down,J", "request('down')", "key.agenda_down", key_display="J", show=False),
    ]

    def __init__(self, entries: list[AgendaEntry], *, id: str | None = None) -> None:
        """Create the list with its items, the first one highlighted.

        Args:
            entries: The items to show.
            id: The ID of the widget in the DOM.
        """
        super().__init__(id=id)
        self._waiting = False
        """An item dialog was requested and has not taken the keys yet."""
        self.show(entries)

    class Requested(Message):
        """The user asked to change the agenda."""

        def __init__(self, agenda: AgendaList, action: str, index: int | None) -> None:
            super().__init__()
            self.agenda = agenda
            self.action = action
            """One of add, edit, toggle, delete, up, down."""
            self.index = index
            """The highlighted item, or None when the list is empty."""

        @property
        def control(self) -> AgendaList:
            return self.agenda

    def show(self, entries: list[AgendaEntry], highlight: int | None = None) -> None:
        """Replace the shown items and highlight one of them; the list takes keys again."""
        self._waiting = False
        self.clear_options()
        self.add_options([self._prompt(entry) for entry in entries])
        if entries:
            self.highlighted = min(highlight or 0, len(entries) - 1)

    @staticmethod
    def _prompt(entry: AgendaEntry) -> Text:
        box = "[x] " if entry.done else "[!] " if entry.overdue else "[ ] "
        text = Text(box, style="bold $error" if entry.overdue else "bold")
        text.append(entry.tekst, style="strike dim" if entry.done else "")
        if entry.detail:
            text.append(f" ({entry.detail})", style="bold" if entry.overdue else "dim")
        return text

    def action_request(self, action: str) -> None:
        """Post a request to change the agenda."""
        if self._waiting:
            # A dialog was asked for and is not open yet: keys typed ahead
            # ("n" then "Agenda") are meant for it, so they must not delete
            # or toggle items here ("d", "x").
            return
        if action != "add" and self.highlighted is None:
            return
        if action in ("add", "edit"):
            self._waiting = True
        self.post_message(self.Requested(self, action, self.highlighted))
