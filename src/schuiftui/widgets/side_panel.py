"""The side panel of a session: its organogram, its casus (title and notes), its lokale agenda.

It shows what it is given and reports nothing of its own: what is typed in
its fields reaches the screen as the fields' own `Changed` messages, and the
agenda's keys as `AgendaList.Requested`. It is filled after the panel's first
paint (`fill`): the sliders come first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.containers import Vertical
from textual.widgets import Input

from ..i18n import Translator
from .agenda import AgendaEntry, AgendaList
from .plain import Plain, PlainLabel
from .title_field import TitleField

if TYPE_CHECKING:
    from textual.widget import AwaitMount, Widget

LARGE_NOTES = 200_000
"""Casus notes longer than this (some 50 pages) are loaded into their editor on request."""


class SidePanel(Vertical):
    """The organogram, the casus and the lokale agenda of one session."""

    def __init__(self, translate: Translator, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.translate = translate

    @property
    def built(self) -> bool:
        """Whether its widgets are in the DOM (see `fill`)."""
        return bool(self.query("#agenda"))

    @property
    def notes_loaded(self) -> bool:
        """Whether the casus notes are in their editor: not waiting behind a hint."""
        return self.built and not self.query("#notities-hint")

    def fill(
        self,
        organogram: str,
        titel: str,
        notes: str,
        agenda: list[AgendaEntry],
        *,
        read_only: bool = False,
    ) -> AwaitMount | None:
        """Put the organogram, the casus and the agenda in, once.

        The widgets are in the DOM, and can take focus and keys, as soon as
        this returns; awaiting the result waits until they have started.
        """
        if self.built:
            return None
        from textual.widgets import TextArea  # after the first paint: not needed before

        _ = self.translate
        mounted = self.mount_all(
            [
                PlainLabel(_("panel.organogram"), classes="side-title"),
                TextArea(organogram, id="organogram", soft_wrap=True),
                PlainLabel(_("panel.casus"), classes="side-title"),
                TitleField(
                    titel, id="casus-titel", compact=True, placeholder=_("panel.casus_titel")
                ),
                *self._notes_widgets(notes),
                PlainLabel(_("panel.agenda"), classes="side-title"),
                AgendaList(agenda, id="agenda"),
            ]
        )
        if read_only:
            self.make_read_only()
        return mounted

    def _notes_widgets(self, notes: str) -> list[Widget]:
        """The editor of the casus notes; for very long notes, first a line that says so.

        Building an editor for megabytes of text takes seconds, in which the
        app would answer no key; such notes are loaded when asked for (c).
        """
        from textual.widgets import TextArea

        if len(notes) <= LARGE_NOTES:
            return [TextArea(notes, id="notities", soft_wrap=True)]
        size = self.translate("panel.large_notes", size=f"{len(notes) / 1_000_000:.1f}")
        return [
            Plain(size, id="notities-hint"),
            TextArea("", id="notities", soft_wrap=True, read_only=True),
        ]

    def load_notes(self, notes: str, *, read_only: bool = False) -> None:
        """Put very long notes into their editor, now that they are asked for."""
        from textual.widgets import TextArea

        hint = self.query("#notities-hint")
        if not hint:
            return
        editor = self.query_one("#notities", TextArea)
        editor.load_text(notes)
        editor.read_only = read_only
        hint.remove()

    def make_read_only(self) -> None:
        """Only looking: nothing in it can be changed."""
        from textual.widgets import TextArea

        self.query_one("#notities", TextArea).read_only = True  # also when not loaded yet
        self.query_one("#organogram", TextArea).read_only = True
        self.query_one("#casus-titel", Input).disabled = True

    def texts(self) -> dict[str, str]:
        """What its text fields show now, by field id (notes only once loaded)."""
        if not self.built:
            return {}
        from textual.widgets import TextArea

        shown = {
            "casus-titel": self.query_one("#casus-titel", Input).value,
            "organogram": self.query_one("#organogram", TextArea).text,
        }
        if self.notes_loaded:
            shown["notities"] = self.query_one("#notities", TextArea).text
        return shown

    def show(self, organogram: str, titel: str, notes: str, agenda: list[AgendaEntry]) -> None:
        """Bring every field in line with these values (after undo, a merge, a draft)."""
        if not self.built:
            return  # it will be filled with the session as it is by then
        from textual.widgets import TextArea

        title_field = self.query_one("#casus-titel", Input)
        if title_field.value != titel:
            title_field.value = titel
        editor = self.query_one("#notities", TextArea)
        if self.notes_loaded and editor.text != notes:
            editor.load_text(notes)
        organogram_editor = self.query_one("#organogram", TextArea)
        if organogram_editor.text != organogram:
            organogram_editor.load_text(organogram)
        self.show_agenda(agenda)

    def show_agenda(self, agenda: list[AgendaEntry], highlight: int | None = None) -> None:
        """Show these actions, the one at `highlight` (default: the same place) highlighted."""
        agenda_list = self.query_one(AgendaList)
        if highlight is None:
            highlight = agenda_list.highlighted
        agenda_list.show(agenda, highlight)
