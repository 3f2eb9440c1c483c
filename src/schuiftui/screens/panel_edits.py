"""Editing a session through dialogs (a toelichting, the details, an action, the casus,
the samenhang notes, an unfinished git merge) and keeping the edits as recovery drafts.

`EditingScreen` is the panel's base: each edit opens its dialog at once, puts
what is typed in it into the recovery drafts meanwhile, and takes the result
into the session as one undoable change; a draft left by an editor that is
gone is offered back. The panel (`panel.py`) provides what it uses:
`session`, `editor`, `translate`, the `_show_*` methods,
`_refuse_in_read_only`, `_enter_read_only`, `_catch_up`, `_taken_ids` and
`action_save`.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Callable

from textual import on
from textual.screen import Screen

from ..core.categories import BY_ID
from ..core.session import (
    Session,
    edited_agenda,
    edited_details,
    edited_toelichting,
    normalize_text,
)
from ..widgets.agenda import AgendaList
from ..widgets.slider import Slider

if TYPE_CHECKING:
    from ..core.git_merge import UnfinishedMerge
    from .dialogs.agenda import AgendaFields
    from .dialogs.base import EditDialog
    from .dialogs.session import SessionDetails
    from .dialogs.text import CasusFields, Edited


class EditingScreen(Screen[None]):
    """Edits through dialogs, for a screen that shows one session (see the module)."""

    _pending: Callable[[], Session] | None = None
    """While an edit dialog is open: the session with what is typed in it."""

    @on(Slider.EditRequested)
    def edit_toelichting(self, event: Slider.EditRequested) -> None:
        from .dialogs.text import ToelichtingDialog

        if self._refuse_in_read_only():
            return
        _ = self.translate
        widget = event.slider
        slider_id = widget.id or ""
        category = BY_ID[slider_id]
        dialog = ToelichtingDialog(
            f"{_('dialog.toelichting.title')}: {category.name.get(_.lang)}",
            category.description.get(_.lang),
            self.session.sliders[slider_id].toelichting,
            _,
        )

        def while_typing() -> Session:
            typed = dialog.current()
            return (
                edited_toelichting(self.session, slider_id, typed.text) if typed else self.session
            )

        def done(edited: Edited) -> None:
            changed = edited_toelichting(self.session, slider_id, edited.text)
            if self.editor.change(changed):
                self._show_detail(slider_id)
            widget.focus()
            if edited.save:
                self.action_save()

        self._open_dialog(dialog, while_typing, done)

    def action_details(self) -> None:
        """Edit the session's titel, deelnemers and datum."""
        from .dialogs.session import DetailsDialog

        if self._refuse_in_read_only():
            return
        session = self.session
        dialog = DetailsDialog(session.titel, session.deelnemers, session.datum, self.translate)

        def with_details(details: SessionDetails) -> Session:
            return edited_details(self.session, details.titel, details.deelnemers, details.datum)

        def while_typing() -> Session:
            typed = dialog.current()
            return with_details(typed) if typed else self.session

        def done(details: SessionDetails) -> None:
            changed = with_details(details)
            if changed.datum != self.session.datum:
                # Rounds are ordered by their file names, which a save does not change.
                self.notify(self.translate("panel.datum_changed", file=self.path.name), timeout=10)
            self.editor.change(changed)
            if details.save:
                self.action_save()

        self._open_dialog(dialog, while_typing, done)

    def _open_dialog(
        self,
        dialog: EditDialog[Any],
        while_typing: Callable[[], Session],
        done: Callable[[Any], None],
    ) -> None:
        """Show an edit dialog now; what is typed in it goes into recovery drafts meanwhile.

        Pushed at once, not from a worker: a key typed right after the one
        that opened it goes to the dialog, not to the widget below.
        """

        def finished(result: Any) -> None:
            self._pending = None
            done(result)

        self._pending = while_typing
        self.app.push_screen(dialog, finished)

    @on(AgendaList.Requested)
    def agenda_requested(self, event: AgendaList.Requested) -> None:
        if self._refuse_in_read_only():
            return
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
        action = event.action

        def apply(session: Session) -> None:
            agenda = session.agenda
            if action == "toggle":
                agenda[index].status = "open" if agenda[index].done else "gedaan"
            elif action == "delete":
                del agenda[index]
            else:
                agenda[index], agenda[target] = agenda[target], agenda[index]

        self.editor.edit(apply)
        if action == "delete":
            target = min(index, len(self.session.agenda) - 1)
        self._show_agenda(target)

    def edit_agenda_item(self, index: int | None) -> None:
        """Write a new agenda item (`index` None) or change the one at `index`."""
        from .dialogs.agenda import AgendaFields, AgendaItemDialog

        item = self.session.agenda[index] if index is not None else None
        item_id = item.id if item is not None else None
        fields = (
            AgendaFields(item.tekst, item.termijn, item.eigenaar, item.uiterlijk, item.categorie)
            if item
            else AgendaFields("", None, None, None)
        )
        dialog = AgendaItemDialog(fields, self.translate, new=item is None)

        def where() -> int | None:
            """The item's place now (it may have moved); -1 when it was deleted meanwhile."""
            if item_id is None:
                return None
            ids = [entry.id for entry in self.session.agenda]
            return ids.index(item_id) if item_id in ids else -1

        def while_typing() -> Session:
            typed, place = dialog.current(), where()
            if typed is None or place == -1:
                return self.session
            return edited_agenda(
                self.session,
                place,
                typed.tekst,
                typed.termijn,
                typed.eigenaar,
                typed.uiterlijk,
                self._taken_ids(),
                typed.categorie,
            )[0]

        def done(result: AgendaFields) -> None:
            place = where()
            if place == -1:  # deleted meanwhile (by a merge): nothing to change
                self._show_agenda()
                return
            changed, place = edited_agenda(
                self.session,
                place,
                result.tekst,
                result.termijn,
                result.eigenaar,
                result.uiterlijk,
                self._taken_ids(),
                result.categorie,
            )
            self.editor.change(changed)
            self._show_agenda(place)
            self.query_one(AgendaList).focus()
            if result.save:
                self.action_save()

        self._open_dialog(dialog, while_typing, done)

    async def _finish_git_merge(self, unfinished: UnfinishedMerge) -> None:
        """Ask per conflict of the git merge which branch's value stays, and write the file."""
        from ..core.editing import ConflictAnswer
        from ..core.git_merge import finish_merge
        from ..core.storage import SessionError
        from .dialogs.conflict import ConflictDialog

        _ = self.translate
        merge = unfinished.merge
        answer = await self.app.push_screen_wait(ConflictDialog(merge.conflicts, _, git=True))
        if not isinstance(answer, ConflictAnswer):
            # The file keeps git's markers: this panel only shows the merge.
            self._enter_read_only()
            self.notify(_("git.unfinished", file=self.path.name), severity="warning", timeout=10)
            return
        resolved = merge.resolved(answer.theirs)
        try:
            finish_merge(unfinished, resolved)
        except SessionError as error:
            self._enter_read_only()
            self.notify(str(error), severity="error", timeout=10)
            return
        self.unfinished = None
        self.editor.reset(resolved)
        self._show_session()
        self.notify(_("git.finished", file=self.path.name), timeout=10)

    def action_samenhang(self) -> None:
        """The questions where sliders pull apart, and the team's notes about them."""
        from ..core.samenhang import questions
        from .dialogs.text import ToelichtingDialog

        if self._refuse_in_read_only():
            return
        self._catch_up()
        _ = self.translate
        asked = [f"• {question.text(_.lang)}" for question in questions(self.session)]
        dialog = ToelichtingDialog(
            _("samenhang.title"),
            "\n".join(asked) if asked else _("samenhang.none"),
            self.session.samenhang,
            _,
        )

        def with_notes(text: str) -> Session:
            result = copy.deepcopy(self.session)
            result.samenhang = normalize_text(text)
            return result

        def while_typing() -> Session:
            typed = dialog.current()
            return with_notes(typed.text) if typed else self.session

        def done(edited: Edited) -> None:
            if self.editor.change(with_notes(edited.text)):
                self._show_session()
            if edited.save:
                self.action_save()

        self._open_dialog(dialog, while_typing, done)

    def action_casus_editor(self, from_anywhere: bool = False) -> None:
        """Edit the casus, titel and notes, in an editor as large as the terminal.

        `from_anywhere`: asked with F2, which also works in a text field.
        """
        from .dialogs.text import CasusDialog

        if self._refuse_in_read_only():
            return
        self._catch_up()  # what was typed in the side panel goes along
        casus = self.session.casus
        dialog = CasusDialog(casus.titel, casus.notities, self.translate)

        def with_casus(fields: CasusFields) -> Session:
            result = copy.deepcopy(self.session)
            result.casus.titel = normalize_text(fields.titel)
            result.casus.notities = normalize_text(fields.notities)
            return result

        def while_typing() -> Session:
            typed = dialog.current()
            return with_casus(typed) if typed else self.session

        def done(fields: CasusFields) -> None:
            if self.editor.change(with_casus(fields)):
                self._show_session()
            if fields.save:
                self.action_save()

        self._open_dialog(dialog, while_typing, done)

    # Recovery drafts

    def keep_draft(self, let_go: bool = False) -> None:
        """Bring the recovery draft in line: the unsaved edits, or none when all is saved.

        Called every `DRAFT_SECONDS`, after a save, and when the app must
        stop at once (a signal, a terminal that went away): then `let_go`,
        and the draft is for whoever opens the session next.
        """
        from ..core.storage import SessionError

        if self.read_only:
            return
        self._catch_up()
        current = self._pending() if self._pending is not None else self.session
        try:
            self.editor.keep_draft(current, let_go=let_go)
        except (OSError, SessionError) as error:
            if not self._draft_failed:  # say it once, not every second
                self.notify(str(error), title=self.translate("draft.failed"), severity="warning")
            self._draft_failed = True
            return
        self._draft_failed = False

    async def _offer_draft(self) -> None:
        """A draft newer than what is on disk: restore it (the default), show it, or drop it."""
        from ..core.storage import SessionError
        from .save_questions import ask_about_draft

        draft = self.editor.offered_draft()
        if draft is None:
            return
        _ = self.translate
        if self.participant or await ask_about_draft(self.app, _, self.session, draft) == "restore":
            try:
                self.editor.restore(draft)
            except (OSError, SessionError) as error:
                self.notify(str(error), title=_("draft.failed"), severity="warning")
            self._show_session()
            self.notify(_("draft.restored"), timeout=6)
        else:
            self.editor.discard(draft)
