"""The mengpaneel: five sliders, the casus and the lokale agenda of one session."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, Label, Static, TextArea

from ..core.categories import BY_ID, CATEGORIES
from ..core.session import AgendaItem, Session, normalize_text
from ..core.storage import SessionError, save
from ..i18n import Translator
from ..widgets.agenda import AgendaEntry, AgendaList
from ..widgets.footer import TranslatedFooter
from ..widgets.slider import Slider
from .dialogs import AgendaFields, AgendaItemDialog, Edited, QuitDialog, ToelichtingDialog


class PanelScreen(Screen[None]):
    """Edit one session. The screen owns the session and saves it through the core."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "key.save", priority=True),
        Binding("ctrl+z", "undo", "key.undo", show=False),
        Binding("escape", "focus_sliders", "key.sliders", show=False, priority=True),
        Binding("c", "focus_casus", "key.casus", show=False),
        Binding("a", "focus_agenda", "key.agenda", show=False),
    ]

    def __init__(self, session: Session, path: Path, translate: Translator) -> None:
        super().__init__()
        self.session = session
        self.path = path
        self.translate = translate
        self.saved = copy.deepcopy(session)
        self.undo_stack: list[Session] = []
        self._typing_in: str | None = None
        self._last_slider = CATEGORIES[0].id

    @property
    def dirty(self) -> bool:
        """Whether the session differs from the file on disk."""
        return self.session != self.saved

    # Layout

    def compose(self) -> ComposeResult:
        _ = self.translate
        lang = _.lang
        yield Header()
        with Horizontal(id="body"):
            with Vertical(id="mixer"):
                with Horizontal(id="sliders"):
                    for category in CATEGORIES:
                        yield Slider(
                            category.short.get(lang),
                            category.top.get(lang),
                            category.bottom.get(lang),
                            self.session.sliders[category.id].stand,
                            id=category.id,
                        )
                with VerticalScroll(id="detail"):
                    yield Static(id="detail-text")
            with Vertical(id="side"):
                yield Label(_("panel.casus"), classes="side-title")
                yield Input(
                    self.session.casus.titel,
                    id="casus-titel",
                    compact=True,
                    placeholder=_("panel.casus_titel"),
                )
                yield TextArea(self.session.casus.notities, id="notities", soft_wrap=True)
                yield Label(_("panel.agenda"), classes="side-title")
                yield AgendaList(id="agenda")
        yield Static(_("app.too_small"), classes="too-small")
        yield TranslatedFooter(_)

    def on_mount(self) -> None:
        self._show_agenda()
        self._update_title()
        self.query_one(f"#{self._last_slider}", Slider).focus()

    # Showing the session

    def _update_title(self) -> None:
        _ = self.translate
        title = f"{self.session.gemeente} — {self.session.datum.isoformat()}"
        sub_title = _("panel.unsaved") if self.dirty else (self.session.titel or "")
        # Assign only on a real change: every assignment repaints the header.
        if self.title != title:
            self.title = title
        if self.sub_title != sub_title:
            self.sub_title = sub_title

    def _show_detail(self, slider_id: str) -> None:
        _ = self.translate
        lang = _.lang
        category = BY_ID[slider_id]
        toelichting = self.session.sliders[slider_id].toelichting or _("panel.no_toelichting")
        # Assembled, not markup: text the team typed is shown exactly as typed.
        self.query_one("#detail-text", Static).update(
            Content.assemble(
                (category.name.get(lang), "bold"),
                "  ",
                (_("panel.edit_hint"), "dim"),
                "\n",
                toelichting,
                "\n",
                (category.description.get(lang), "dim"),
            )
        )

    def _show_agenda(self, highlight: int | None = None) -> None:
        _ = self.translate
        entries = []
        for item in self.session.agenda:
            detail = [
                d for d in (item.termijn and _(f"termijn.{item.termijn}"), item.eigenaar) if d
            ]
            entries.append(AgendaEntry(item.tekst, item.done, ", ".join(detail)))
        agenda = self.query_one(AgendaList)
        if highlight is None:
            highlight = agenda.highlighted
        agenda.show(entries, highlight)

    def _show_session(self) -> None:
        """Bring every widget in line with the session (after undo)."""
        for slider_id, slider in self.session.sliders.items():
            self.query_one(f"#{slider_id}", Slider).value = slider.stand
        titel = self.query_one("#casus-titel", Input)
        if titel.value != self.session.casus.titel:
            titel.value = self.session.casus.titel
        notities = self.query_one("#notities", TextArea)
        if notities.text != self.session.casus.notities:
            notities.load_text(self.session.casus.notities)
        self._show_agenda()
        self._show_detail(self._last_slider)
        self._update_title()

    # Changes

    def _remember(self, typing_in: str | None = None) -> None:
        """Put the session on the undo stack before a change.

        Typing in one field counts as one change until another field or
        another kind of change comes along.
        """
        if typing_in is not None and typing_in == self._typing_in:
            return
        self._typing_in = typing_in
        self.undo_stack.append(copy.deepcopy(self.session))

    @on(Slider.Changed)
    def slider_changed(self, event: Slider.Changed) -> None:
        slider = self.session.sliders[event.slider.id or ""]
        if slider.stand == event.value:
            return  # the widget caught up with the session (undo)
        self._remember()
        slider.stand = event.value
        self._update_title()

    @on(Slider.EditRequested)
    @work
    async def edit_toelichting(self, event: Slider.EditRequested) -> None:
        _ = self.translate
        slider_id = event.slider.id or ""
        category = BY_ID[slider_id]
        edited: Edited = await self.app.push_screen_wait(
            ToelichtingDialog(
                f"{_('dialog.toelichting.title')}: {category.name.get(_.lang)}",
                category.description.get(_.lang),
                self.session.sliders[slider_id].toelichting,
                _,
            )
        )
        text = normalize_text(edited.text)
        if text != self.session.sliders[slider_id].toelichting:
            self._remember()
            self.session.sliders[slider_id].toelichting = text
            self._show_detail(slider_id)
            self._update_title()
        event.slider.focus()
        if edited.save:
            self.action_save()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        if isinstance(widget, Slider) and widget.id:
            self._last_slider = widget.id
            self._show_detail(widget.id)

    @on(Input.Changed, "#casus-titel")
    def titel_changed(self, event: Input.Changed) -> None:
        if event.value == self.session.casus.titel:
            return
        self._remember(typing_in="casus-titel")
        self.session.casus.titel = event.value
        self._update_title()

    @on(TextArea.Changed, "#notities")
    def notities_changed(self, event: TextArea.Changed) -> None:
        text = normalize_text(event.text_area.text)
        if text == self.session.casus.notities:
            return
        self._remember(typing_in="notities")
        self.session.casus.notities = text
        self._update_title()

    @on(AgendaList.Requested)
    def agenda_requested(self, event: AgendaList.Requested) -> None:
        if event.action in ("add", "edit"):
            self.edit_agenda_item(None if event.action == "add" else event.index)
            return
        agenda = self.session.agenda
        index = event.index
        if index is None:
            return
        target = {"up": index - 1, "down": index + 1}.get(event.action, index)
        if not 0 <= target < len(agenda):
            return  # moving past either end changes nothing
        self._remember()
        if event.action == "toggle":
            agenda[index].status = "open" if agenda[index].done else "gedaan"
        elif event.action == "delete":
            del agenda[index]
            target = min(index, len(agenda) - 1)
        else:
            agenda[index], agenda[target] = agenda[target], agenda[index]
        self._show_agenda(target)
        self._update_title()

    @work
    async def edit_agenda_item(self, index: int | None) -> None:
        """Write a new agenda item (`index` None) or change the one at `index`."""
        item = self.session.agenda[index] if index is not None else None
        fields = (
            AgendaFields(item.tekst, item.termijn, item.eigenaar)
            if item
            else AgendaFields("", None, None)
        )
        result: AgendaFields = await self.app.push_screen_wait(
            AgendaItemDialog(fields, self.translate, new=item is None)
        )
        tekst = normalize_text(result.tekst)
        if tekst and item is None:
            self._remember()
            item_id = self.session.next_agenda_id()
            self.session.agenda.append(
                AgendaItem(item_id, tekst, termijn=result.termijn, eigenaar=result.eigenaar)
            )
            index = len(self.session.agenda) - 1
        elif (
            tekst
            and item
            and (tekst, result.termijn, result.eigenaar)
            != (item.tekst, item.termijn, item.eigenaar)
        ):
            self._remember()
            item.tekst, item.termijn, item.eigenaar = tekst, result.termijn, result.eigenaar
        self._show_agenda(index)
        self._update_title()
        self.query_one(AgendaList).focus()
        if result.save:
            self.action_save()

    # Actions

    def action_undo(self) -> None:
        """Take back the last change."""
        if not self.undo_stack:
            self.notify(self.translate("panel.nothing_to_undo"), timeout=2)
            return
        self.session = self.undo_stack.pop()
        self._typing_in = None
        self._show_session()

    def action_save(self) -> bool:
        """Save the session; return whether it is safely on disk."""
        _ = self.translate
        try:
            result = save(self.session, self.path)
        except SessionError as error:
            self.notify(str(error), title=_("panel.save_failed"), severity="error", timeout=10)
            return False
        self.saved = copy.deepcopy(self.session)
        self._typing_in = None
        self._update_title()
        message = "panel.saved" if result.written else "panel.unchanged"
        self.notify(_(message, path=self.path), timeout=3)
        return True

    def action_focus_sliders(self) -> None:
        """Back to the slider that had focus last."""
        self.query_one(f"#{self._last_slider}", Slider).focus()

    def action_focus_casus(self) -> None:
        self.query_one("#notities", TextArea).focus()

    def action_focus_agenda(self) -> None:
        self.query_one(AgendaList).focus()

    @work
    async def confirm_quit(self) -> None:
        """Quit, asking first when there are unsaved changes."""
        if not self.dirty:
            self.app.exit()
            return
        choice = await self.app.push_screen_wait(QuitDialog(self.translate))
        if choice == "save":
            if self.action_save():
                self.app.exit()
        elif choice == "discard":
            self.app.exit()
