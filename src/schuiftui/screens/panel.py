"""The mengpaneel: five sliders, the casus and the lokale agenda of one session."""

from __future__ import annotations

import contextlib
import copy
import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widgets import Input, Static

from ..core.categories import BY_ID, CATEGORIES
from ..core.editing import Answer, Question, Saved, SessionEditor
from ..core.session import (
    Session,
    format_stand,
    normalize_text,
)
from ..core.storage import SessionError
from ..i18n import Translator
from ..widgets.agenda import AgendaEntry
from ..widgets.fader import full_label, labels
from ..widgets.keyline import KeyLine
from ..widgets.layout import Column, Row
from ..widgets.plain import Plain
from ..widgets.side_panel import SidePanel
from ..widgets.slider import Slider
from ..widgets.title import TitleBar
from .panel_edits import EditingScreen
from .panel_view import agenda_entries, detail, titles
from .requests import CompareRequested, ExportRequested
from .save_questions import ask_about_save

if TYPE_CHECKING:
    from textual.widget import AwaitMount
    from textual.widgets import TextArea

    from ..core.git_merge import UnfinishedMerge
    from ..core.overview import PreviousRound


DRAFT_SECONDS = 1.0
"""How often unsaved edits are written to the recovery draft (a crash loses at most 2 s)."""


def _set_casus_titel(session: Session, text: str) -> None:
    session.casus.titel = text


def _set_notities(session: Session, text: str) -> None:
    session.casus.notities = text


def _set_organogram(session: Session, text: str) -> None:
    session.organogram = text


SIDE_TEXTS: dict[str, tuple[Callable[[Session], str], Callable[[Session, str], None]]] = {
    "casus-titel": (lambda session: session.casus.titel, _set_casus_titel),
    "notities": (lambda session: session.casus.notities, _set_notities),
    "organogram": (lambda session: session.organogram, _set_organogram),
}
"""The side panel's text fields, by widget id: how to read and write each in a session."""


PLACEMENT_LEAVES_OUT = frozenset(
    (
        "samenhang",
        "focus_casus",
        "focus_agenda",
        "focus_organogram",
        "casus_editor",
        "details",
        "compare",
        "export",
    )
)
"""What a person's own placement has not: the team's texts, and the team's views."""


class PanelScreen(EditingScreen):
    """Edit one session. The screen owns the session and saves it through the core."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority key: it then comes after the keys typed before it (Up,
        # then Ctrl+S, in one read over SSH), which a priority key overtakes.
        Binding("ctrl+s", "save", "key.save"),
        Binding("ctrl+z", "undo", "key.undo", show=False),
        Binding("escape", "focus_sliders", "key.sliders", show=False, priority=True),
        Binding("escape", "leave", "key.leave"),
        # Not priority keys: in a text field they are letters, and the field
        # takes them first. Text typed right after them (c, then notes, in one
        # read over SSH) reaches the field because keys are routed in turn
        # (see `input_order`), not because these overtake the keys before them.
        Binding("c", "focus_casus", "key.casus", show=False),
        Binding("a", "focus_agenda", "key.agenda", show=False),
        Binding("o", "focus_organogram", "key.organogram", show=False),
        Binding("g", "details", "key.details", show=False),
        Binding("C", "casus_editor", "key.casus", show=False),
        Binding("f2", "casus_editor(True)", "key.casus", show=False, priority=True),
        Binding("v", "compare", "key.compare", show=False),
        Binding("x", "export", "key.export", show=False),
        Binding("s", "spread", "key.spread"),
        Binding("z", "samenhang", "key.samenhang", show=False),
        Binding("d", "read_detail", "key.read_detail", show=False),
    ]

    MOVED_FAR = 2
    """Moving this many steps from the previous round's stand asks (once) why."""

    shown_titles: var[tuple[str, str]] = var(("", ""), init=False)
    """What the title bar says: gemeente and date; the session's title, or that it is
    unsaved or only looked at. Follows every change of the editor (`_editor_changed`);
    a `var`, not a `reactive`: the title bar repaints its one row, not the screen."""

    def __init__(
        self,
        session: Session,
        path: Path,
        translate: Translator,
        previous: PreviousRound | None = None,
        today: Callable[[], datetime.date] = datetime.date.today,
        *,
        participant: bool = False,
        unfinished: UnfinishedMerge | None = None,
    ) -> None:
        super().__init__()
        self.today = today
        self.unfinished = unfinished
        """A git merge left this file with conflict markers: finished here first."""
        self.participant = participant
        """A workshop participant over `serve`: a draft they left is taken back
        without asking, the spread can be looked at once the facilitator
        revealed it (s), and nothing is exported."""
        self.editor = SessionEditor(session, path, new=not path.exists())
        """The session, the version read, undo and drafts: what this screen shows."""
        self.translate = translate
        self.previous = previous
        """The round before this one, shown as ghosts and in the detail area."""
        self._asked_why: set[str] = set()
        self._pending: Callable[[], Session] | None = None
        """While an edit dialog is open: the session with what is typed in it."""
        self._draft_failed = False
        """Whether the last draft could not be written (said once)."""
        self._announced: tuple[str, ...] = ()
        """The tables a save rewrites, said when the session was opened."""
        self._last_slider = CATEGORIES[0].id
        self._shown_detail: Content | None = None
        """What the detail area shows (see `_show_detail`)."""
        self.placement = session.ingevuld_door is not None
        """One person's own placement: only the sliders and their toelichtingen."""
        if self.placement:
            self.add_class("-placement")
        self.set_reactive(PanelScreen.shown_titles, self._titles())
        self.editor.on_change = self._editor_changed

    def _editor_changed(self) -> None:
        self.shown_titles = self._titles()
        if self.is_mounted:  # the samenhang question beside a slider names the stands now
            self._show_detail(self._last_slider)

    @property
    def session(self) -> Session:
        """The session as it is being edited."""
        return self.editor.session

    @property
    def path(self) -> Path:
        """The session's file."""
        return self.editor.path

    @property
    def read_only(self) -> bool:
        """Only looking: chosen when someone else has the session open."""
        return self.editor.read_only

    @property
    def dirty(self) -> bool:
        """Whether the session differs from the file on disk."""
        return self.editor.dirty

    @property
    def _side(self) -> SidePanel:
        return self.query_one(SidePanel)

    @property
    def _side_built(self) -> bool:
        """Whether the side panel's widgets are in the DOM (see `_build_side`)."""
        return self._side.built

    # Layout

    def compose(self) -> ComposeResult:
        _ = self.translate
        lang = _.lang
        yield TitleBar(*self.shown_titles)
        with Row(id="body"):
            with Column(id="mixer"):
                with Row(id="sliders"):
                    for category in CATEGORIES:
                        yield Slider(
                            *labels(category, lang),
                            self.session.sliders[category.id].stand,
                            ghost=self._previous_stand(category.id),
                            full_label=full_label(category, lang),
                            id=category.id,
                        )
                with VerticalScroll(id="detail"):
                    yield Plain(self._detail(self._last_slider), id="detail-text")
            # Filled after the first paint: `_build_side`.
            yield SidePanel(self.translate, id="side")
        yield Plain(_("app.too_small"), classes="too-small")

    def on_mount(self) -> None:
        self.query_one(f"#{self._last_slider}", Slider).focus()
        # The sliders are what a team looks at first. The side panel (an
        # editor and a list, with their imports and styles) and the key line
        # follow right after the first paint, which then comes sooner.
        self.call_later(self._build_side)
        # The key line too: its styles are read when it is first mounted.
        self.call_later(self.mount, KeyLine(self.translate))
        self.set_interval(DRAFT_SECONDS, self.keep_draft)
        self.call_after_refresh(self._opened)

    def on_unmount(self) -> None:
        self.release()

    def release(self) -> None:
        """Say that this session is no longer open here (our lock goes; another's stays)."""
        from ..core.locks import release

        release(self.path)

    @work
    async def _opened(self) -> None:
        """After the first paint: who else has it open, and are there unsaved edits from before."""
        from ..core.locks import holder, take

        other = holder(self.path)
        if other is not None and not other.is_me:
            from .dialogs.choices import LockDialog

            choice = await self.app.push_screen_wait(LockDialog(other, self.translate))
            if choice == "read_only":
                self._enter_read_only()
                return
        with contextlib.suppress(OSError):  # a lock only informs; editing goes on without
            take(self.path)
        if self.unfinished is not None:
            await self._finish_git_merge(self.unfinished)
            return
        self._say_what_a_save_rewrites()
        await self._offer_draft()

    def _say_what_a_save_rewrites(self) -> None:
        """Before any save: the tables a save will write again in the standard form."""
        from ..core.storage import tables_to_rewrite

        self._announced = tables_to_rewrite(self.path)
        if self._announced and not self.read_only:
            tables = ", ".join(f"[{name}]" for name in self._announced)
            self.notify(self.translate("save.will_rewrite", tables=tables), timeout=15)

    def _enter_read_only(self) -> None:
        """Only look: nothing can be changed or saved, and no lock or draft is kept."""
        self.editor.look_only()
        if self._side_built:
            self._side.make_read_only()

    def _refuse_in_read_only(self) -> bool:
        """In read-only mode, say so and return True."""
        if self.read_only:
            self.notify(self.translate("panel.read_only_note"), timeout=3)
        return self.read_only

    def _build_side(self) -> AwaitMount | None:
        """Put the organogram, the casus and the agenda in the side panel, once (see `SidePanel.fill`)."""
        if self.placement:
            # Casus, organogram and agenda belong to the team's file.
            return None
        casus = self.session.casus
        return self._side.fill(
            self.session.organogram,
            casus.titel,
            casus.notities,
            self._agenda_entries(),
            read_only=self.read_only,
        )

    # Showing the session

    def _titles(self) -> tuple[str, str]:
        return titles(self.session, self.translate, read_only=self.read_only, dirty=self.dirty)

    def watch_shown_titles(self, shown: tuple[str, str]) -> None:
        for bar in self.query(TitleBar):  # none before compose
            bar.title, bar.sub_title = shown

    def _show_detail(self, slider_id: str) -> None:
        shown = self._detail(slider_id)
        # A step mostly changes nothing here: no repaint. (Content's == ignores styles.)
        if self._shown_detail is None or (shown.plain, shown.spans) != (
            self._shown_detail.plain,
            self._shown_detail.spans,
        ):
            self._shown_detail = shown
            self.query_one("#detail-text", Static).update(shown)

    def _previous_stand(self, slider_id: str) -> int | None:
        return self.previous.session.sliders[slider_id].stand if self.previous else None

    def _detail(self, slider_id: str) -> Content:
        return detail(self.session, slider_id, self.translate, self.previous)

    def _agenda_entries(self) -> list[AgendaEntry]:
        return agenda_entries(self.session, self.translate, self.today())

    def _show_agenda(self, highlight: int | None = None) -> None:
        self._side.show_agenda(self._agenda_entries(), highlight)

    def _show_session(self) -> None:
        """Bring every widget in line with the session (after undo)."""
        for slider_id, slider in self.session.sliders.items():
            self.query_one(f"#{slider_id}", Slider).value = slider.stand
        self._show_detail(self._last_slider)
        if self._side_built:
            session = self.session
            agenda = self._agenda_entries()
            self._side.show(session.organogram, session.casus.titel, session.casus.notities, agenda)

    # Changes

    @on(Slider.Changed)
    def slider_changed(self, event: Slider.Changed) -> None:
        self._take_stand(event.slider, event.value)

    def _take_stand(self, widget: Slider, value: int) -> None:
        """The slider `widget` shows `value`: put it in the session."""
        slider = self.session.sliders[widget.id or ""]
        if slider.stand == value:
            return  # the widget caught up with the session (undo), or was taken in already
        if self._refuse_in_read_only():
            widget.value = slider.stand
            return
        self.editor.edit(lambda session: setattr(session.sliders[widget.id or ""], "stand", value))
        self._ask_why_it_moved(widget.id or "")

    def _catch_up(self) -> None:
        """Take in what the widgets show but whose messages wait in the queue.

        Keys typed ahead (Up, then Ctrl+S in one read over SSH) are handled
        before the messages they cause; a save or a draft must not miss them.
        """
        for widget in self.query(Slider):
            self._take_stand(widget, widget.value)
        for field, value in self._side.texts().items():
            self._take_text(field, value)

    def _ask_why_it_moved(self, slider_id: str) -> None:
        """Once per slider: it moved far from the previous round; ask, not force, why."""
        if self.previous is None or slider_id in self._asked_why:
            return
        before = self.previous.session.sliders[slider_id].stand
        slider = self.session.sliders[slider_id]
        if abs(slider.stand - before) < self.MOVED_FAR:
            return
        if slider.toelichting not in ("", self.previous.session.sliders[slider_id].toelichting):
            return  # the team already wrote this round's reason
        self._asked_why.add(slider_id)
        _ = self.translate
        self.notify(
            _(
                "panel.why_moved",
                name=BY_ID[slider_id].name.get(_.lang),
                before=format_stand(before),
                now=format_stand(slider.stand),
            ),
            title=_("panel.why_moved_title"),
            timeout=8,
        )

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        if isinstance(widget, Slider) and widget.id and widget.id != self._last_slider:
            self._last_slider = widget.id
            self._show_detail(widget.id)

    @on(Input.Changed, "#casus-titel")
    def titel_changed(self, event: Input.Changed) -> None:
        self._take_text("casus-titel", event.value)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # A handler by name: TextArea is imported only when the side panel is built.
        if event.text_area.id in SIDE_TEXTS:
            self._take_text(event.text_area.id, event.text_area.text)

    def _take_text(self, field: str, value: str) -> None:
        """What is typed in the side panel's field `field` (see `SIDE_TEXTS`): into the session."""
        read, write = SIDE_TEXTS[field]
        text = normalize_text(value)
        if text == read(self.session):
            return
        self.editor.edit(lambda session: write(session, text), typing_in=field)

    # Actions

    def _taken_ids(self) -> set[str]:
        """Agenda ids a new action may not get (see `SessionEditor.taken_ids`)."""
        return self.editor.taken_ids(self.previous.session if self.previous else None)

    def action_undo(self) -> None:
        """Take back the last change."""
        if not self.editor.undo():
            self.notify(self.translate("panel.nothing_to_undo"), timeout=2)
            return
        self._show_session()

    def action_save(self) -> None:
        """Save; when the file changed on disk meanwhile, merge first (asking about conflicts)."""
        if self._refuse_in_read_only():
            return
        self._catch_up()
        # At once when nothing must be asked: a key typed after Ctrl+S sees the save.
        before = self.session
        try:
            saved = self.editor.save_at_once()
        except SessionError as error:
            self._save_failed(error)
            return
        if saved is None:
            self._save_after_asking()
        else:
            self._after_save(saved, before)

    @work(exclusive=True, group="save")
    async def _save_after_asking(self) -> None:
        await self.save_session()

    async def save_session(self) -> bool:
        """Save the session, asking what must be asked; return whether it is safely on disk."""
        before = self.session
        try:
            saved = await self.editor.save(self._ask)
        except SessionError as error:
            self._save_failed(error)
            return False
        if saved is None:
            if self.session is not before:
                self._show_session()  # a merge was taken in before the question was left
            return False
        self._after_save(saved, before)
        return True

    async def _ask(self, question: Question) -> Answer:
        return await ask_about_save(self.app, self.translate, question)

    def _save_failed(self, error: SessionError) -> None:
        _ = self.translate
        self.notify(str(error), title=_("panel.save_failed"), severity="error", timeout=10)

    def _after_save(self, saved: Saved, before: Session) -> None:
        """Show what a save did: the session (merged), the title, what was said."""
        _ = self.translate
        if self.session is not before:
            self._show_session()
        self.keep_draft()  # saved: the draft goes, unless a dialog holds more
        if saved.from_disk:
            self.notify(_("save.merged", n=saved.from_disk), timeout=6)
        message = "panel.saved" if saved.written else "panel.unchanged"
        if self.participant:  # a participant's screen names no files
            message = "panel.saved_placement" if saved.written else "panel.unchanged_placement"
        self.notify(_(message, path=saved.path), timeout=3)
        unannounced = [name for name in saved.rewritten if name not in self._announced]
        if unannounced:  # written in such a form by someone else since it was opened
            tables = ", ".join(f"[{name}]" for name in unannounced)
            self.notify(_("save.rewritten", tables=tables, n=len(unannounced)), timeout=10)
        if saved.moved_from is not None:
            self.notify(_("save.as_new", path=saved.path, old=saved.moved_from), timeout=8)

    def action_compare(self) -> None:
        """Compare this session, as it is now, with the previous round."""
        if self.previous is None:
            self.notify(self.translate("panel.no_previous"), timeout=4)
            return
        # A copy: the compare screen shows the session as it is now, not as it becomes.
        now = copy.deepcopy(self.session)
        self.post_message(CompareRequested([self.previous.path, self.path], {self.path: now}))

    def action_export(self) -> None:
        """Write this session, as it is now, as Markdown and SVG next to its file."""
        from ..core.compare import compared

        # A copy: the export is written in a thread, while the next keys change the session.
        now = copy.deepcopy(self.session)
        self.post_message(ExportRequested(compared([(now, self.path)])))

    def action_focus_sliders(self) -> None:
        """Back to the slider that had focus last."""
        # Directly, not via focus() (which waits a turn): a key typed right
        # after Escape is meant for the slider, not for the field just left.
        self.set_focus(self.query_one(f"#{self._last_slider}", Slider))

    def action_focus_casus(self) -> None:
        self._build_side()
        self._side.load_notes(self.session.casus.notities, read_only=self.read_only)
        self._focus_side("#notities")

    def action_focus_agenda(self) -> None:
        self._focus_side("#agenda")

    def action_focus_organogram(self) -> None:
        self._focus_side("#organogram")

    def _focus_side(self, selector: str) -> None:
        self._build_side()  # a key typed ahead may come before it was built
        # Directly, not via focus() (which waits a turn): keys typed right
        # after `c` or `a` must reach the field, not the slider.
        self.set_focus(self.query_one(selector))

    def _typing(self) -> bool:
        """Whether a text field has focus (where every letter is text)."""
        if not self._side_built:
            return False  # no text fields yet; and TextArea is not imported yet
        from textual.widgets import TextArea

        return isinstance(self.focused, (Input, TextArea))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.placement and action in PLACEMENT_LEAVES_OUT:
            return False
        if action == "spread":
            return self.participant and not self._typing()
        if action == "export":
            return not self.participant
        if action == "casus_editor":
            # F2 works in a text field too; C there is a capital letter.
            return parameters == (True,) or not self._typing()
        if action in ("focus_casus", "focus_agenda", "focus_organogram"):
            return not self._typing()
        on_a_slider = isinstance(self.focused, Slider)
        if action == "focus_sliders":
            return not on_a_slider  # so Escape on a slider goes on to `leave`
        if action == "leave":
            # Only back to where the session was opened: the start screen.
            return on_a_slider and self.app.screen_stack.index(self) > 0
        return True

    def action_read_detail(self) -> None:
        """The focused slider's detail (toelichting, the round before, samenhang) whole."""
        from .dialogs.text import ReadDialog

        slider_id = self._last_slider
        name = BY_ID[slider_id].name.get(self.translate.lang)
        whole = detail(self.session, slider_id, self.translate, self.previous, heading=False)
        self.app.push_screen(ReadDialog(name, whole, self.translate))

    def action_spread(self) -> None:
        """A participant looks at everyone's placements, once the facilitator revealed them."""
        from ..core.placements import revealed, team_of
        from .compare import CompareScreen

        team = team_of(self.path)
        if not revealed(team):
            self.notify(self.translate("panel.not_revealed"), timeout=5)
            return
        self.app.push_screen(CompareScreen([team], self.translate, looking=True))

    @work
    async def action_leave(self) -> None:
        """Back to the list of sessions, asking first when there are unsaved changes."""
        if await self._may_close():
            self.dismiss()

    @work
    async def confirm_quit(self) -> None:
        """Quit, asking first when there are unsaved changes."""
        if await self._may_close():
            self.app.exit()

    async def _may_close(self) -> bool:
        """Whether the session may be closed: nothing unsaved, or saved or discarded now."""
        from .dialogs.choices import QuitDialog

        if not self.dirty:
            self.editor.drop_draft()
            return True
        choice = await self.app.push_screen_wait(QuitDialog(self.translate))
        if choice == "save":
            return await self.save_session()
        if choice == "discard":
            self.editor.drop_draft()
            return True
        return False
