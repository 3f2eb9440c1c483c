"""The start screen: the sessions in the sessions folder, per gemeente."""

from __future__ import annotations

import datetime
from itertools import groupby
from pathlib import Path
from typing import Callable, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..core.categories import CATEGORIES, CATEGORY_IDS
from ..core.drafts import session_key
from ..core.overview import Entry, existing_gemeente, latest, listing, read_entry, round_before
from ..core.paths import new_session_path, session_file_name, sessions_on
from ..core.reasons import reason
from ..core.render.text import shorten
from ..core.session import Session, format_stand, new_session, next_round
from ..core.storage import SessionError, load, save_new
from ..core.trash import move_to_trash, restore, trash_path
from ..i18n import Translator
from ..sanitize import visible
from ..widgets.keyline import KeyLine
from ..widgets.plain import Plain
from ..widgets.title import TitleBar
from .dialogs.choices import ConfirmDialog, ExistingGemeenteDialog
from .dialogs.session import NewSession, NewSessionDialog
from .requests import CompareRequested

FIRST_ROWS = 24
"""Rows read before the first paint at least (more on a taller terminal: all it shows)."""

TITLE_WIDTH = 26
"""Characters of a session's title in the list; a longer one ends in "…"."""

LEAD = 2 + 10 + 2 + TITLE_WIDTH + 2
"""Columns before the stands: the mark, the date, the draft's mark, the title."""

STAND_WIDTH = 5
"""Columns per stand: the stand, its arrow and a gap."""


class StartScreen(Screen[None]):
    """Pick a session, start one for a new gemeente, or start a new round."""

    DEFAULT_CSS = """
    #sessions-header {
        height: 2;
        padding: 0 1;
        color: $text-muted;
    }

    #sessions {
        height: 1fr;
        border: none;
    }

    #start-hint {
        height: auto;
        padding: 0 1;
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_gemeente", "key.start_new"),
        Binding("r", "new_round", "key.start_round"),
        Binding("delete,d", "remove", "key.start_remove", key_display="d", show=False),
        Binding("u", "restore", "key.start_restore", show=False),
        Binding("space", "mark", "key.mark", key_display="spatie", show=False),
        Binding("v", "compare", "key.compare"),
        Binding("i", "invullen", "key.invullen", show=False),
        Binding("p", "placements", "key.placements", show=False),
    ]

    def __init__(
        self,
        sessions_dir: Path,
        translate: Translator,
        open_session: Callable[..., None],
        today: Callable[[], datetime.date] = datetime.date.today,
    ) -> None:
        super().__init__()
        self.sessions_dir = sessions_dir
        self.translate = translate
        self.open_session = open_session
        self.today = today
        self.rows: list[Entry] = []
        self.marked: set[Path] = set()
        """Sessions marked (with space) for comparing."""
        self._resumed = False
        self._drafted: set[str] = set()
        """The sessions (by `session_key`) with a recovery draft, when the list was shown."""
        self.removed: list[tuple[Path, Path]] = []
        """Sessions moved to the trash here: where each is now, and where it was."""

    def compose(self) -> ComposeResult:
        yield TitleBar("schuiftui", self.translate("start.subtitle", dir=self.sessions_dir))
        yield Plain(self._header(), id="sessions-header")
        yield OptionList(id="sessions")
        yield Plain(id="start-hint")
        yield Plain(self.translate("app.too_small"), classes="too-small")
        yield KeyLine(self.translate)

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        # Back from another screen (the compare screen's + and - save a team's
        # stand); the first time is the start, which on_mount has listed.
        if self._resumed:
            self.refresh_list()
        self._resumed = True

    def refresh_list(self) -> None:
        """Read the sessions folder again and show what is there.

        The rows a screen shows first are read now; the rest (years of rounds
        are a thousand files) in a thread after the first paint, and listed
        when they are in.
        """
        rows = listing(self.sessions_dir)
        # The rows one screen shows, and the round before the last of them.
        first = min(len(rows), max(self.app.size.height, FIRST_ROWS) + 1)
        self.rows = [read_entry(row) for row in rows[:first]] + rows[first:]
        self._show_rows()
        if first < len(rows):
            self.call_after_refresh(self._read_the_rest, list(self.rows))

    @work(thread=True, exclusive=True, group="listing")
    def _read_the_rest(self, rows: list[Entry]) -> None:
        # Only files are read here; the rows are shown by the screen itself.
        read = [read_entry(row) for row in rows]
        self.app.call_from_thread(self._rows_read, rows, read)

    def _rows_read(self, listed: list[Entry], read: list[Entry]) -> None:
        if [row.path for row in self.rows] != [row.path for row in listed]:
            return  # listed again meanwhile: that listing reads its own rows
        self.rows = read
        self._show_rows()

    def _show_rows(self) -> None:
        """Show `rows` in the list, keeping the highlighted row."""
        from ..core.drafts import drafted_keys

        self._drafted = drafted_keys()
        _ = self.translate
        options: list[Option | None] = []
        # Rows not read yet follow once they are (see `refresh_list`).
        shown = [(index, row) for index, row in enumerate(self.rows) if row.read]
        for slug, group in groupby(shown, key=lambda pair: pair[1].slug):
            group_rows = list(group)
            first = group_rows[0][1]
            name = first.session.gemeente if first.session else visible(slug)
            if options:
                options.append(None)
            header = Text(name, style="bold")
            # Huiswerk past its date, in the newest round (the older ones are history).
            overdue = len(first.session.overdue(self.today())) if first.session else 0
            if overdue:
                header.append(f"  ! {_('start.overdue', n=overdue)}", style="bold red")
            options.append(Option(header, id=f"group-{slug}", disabled=True))
            for index, _row in group_rows:
                options.append(Option(self._row_text(index), id=str(index)))
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(options)
        if self.rows:
            option_list.highlighted = highlighted if highlighted is not None else 1
        self._show_hint()

    def _show_hint(self) -> None:
        _ = self.translate
        if not self.rows:
            hint = _("start.empty", dir=self.sessions_dir)
        elif self.marked:
            hint = _("start.marked", count=len(self.marked))
        else:
            hint = _("start.hint")
        self.query_one("#start-hint", Static).update(hint)

    def _header(self) -> Text:
        """The column headers, in two rows: date and title, and over each column of
        stands its category in one word. The words take turns between the rows, so
        each starts over its own column and has two columns' width."""
        _ = self.translate
        words = [category.word.get(_.lang) for category in CATEGORIES]
        date_title = f"  {_('md.datum'):<10}  {_('md.titel'):<{TITLE_WIDTH}}  "
        top = " " * LEAD + "".join(f"{word:<{2 * STAND_WIDTH}}" for word in words[0::2])
        bottom = date_title + " " * STAND_WIDTH
        bottom += "".join(f"{word:<{2 * STAND_WIDTH}}" for word in words[1::2])
        return Text(f"{top.rstrip()}\n{bottom.rstrip()}", style="bold")

    def _row_text(self, index: int) -> Text:
        """One session: date, title, the stands (with ↑ or ↓ where one moved since the round before)."""
        row = self.rows[index]
        mark = "●" if row.path in self.marked else " "
        if row.session is None:
            return Text(f"{mark} ⚠ {row.problem}", style="italic")
        session = row.session
        before = round_before(self.rows, index)
        open_items = sum(not item.done for item in session.agenda)
        text = Text(f"{mark} {session.datum.isoformat()}")
        # ✎: unsaved edits were kept for this session (a connection that dropped).
        text.append("✎ " if session_key(row.path) in self._drafted else "  ", style="bold")
        text.append(f"{shorten(session.titel or '-', TITLE_WIDTH):<{TITLE_WIDTH}}  ")
        for category_id in CATEGORY_IDS:
            stand = session.sliders[category_id].stand
            moved = stand - before.sliders[category_id].stand if before else 0
            text.append(f"{format_stand(stand):>2}", style="bold")
            text.append(f"{'↑' if moved > 0 else '↓' if moved < 0 else ' '}".ljust(STAND_WIDTH - 2))
        text.append(f"{self.translate('start.open_items', count=open_items)}", style="dim")
        return text

    def _highlighted_row(self) -> Entry | None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None:
            return None
        option = option_list.get_option_at_index(option_list.highlighted)
        if option.id is None or not option.id.isdigit():
            return None
        return self.rows[int(option.id)]

    @on(OptionList.OptionSelected)
    def selected(self) -> None:
        row = self._highlighted_row()
        if row is None:
            return
        # What is on disk now, not what was listed: it may have been saved since.
        try:
            session = load(row.path)
        except SessionError as error:
            from ..core.git_merge import unfinished_merge_behind

            unfinished = unfinished_merge_behind(error)
            if unfinished is None:
                self.notify(str(error), severity="error", timeout=8)
                self.refresh_list()
                return
            # A git merge to finish: the panel asks per conflict first.
            self.open_session(unfinished.merge.session, row.path, self.refresh_list, unfinished)
            return
        # Read the folder again once the session is left: it may have been saved.
        self.open_session(session, row.path, self.refresh_list)

    @work
    async def action_new_gemeente(self) -> None:
        """Ask for a gemeente, date, titel and deelnemers; create the session file, open it.

        A gemeente that has sessions already gets the offer of a new round.
        """
        answer: NewSession | None = await self.app.push_screen_wait(
            NewSessionDialog(self.translate, self.today())
        )
        if answer is None:
            return
        existing = existing_gemeente(self.rows, answer.gemeente)
        if existing is None:
            session = new_session(answer.gemeente, answer.datum)
            await self._create(with_answers(session, answer), None)
            return
        assert existing.session is not None
        _ = self.translate
        count = sum(1 for row in self.rows if row.slug == existing.slug and row.session)
        question = _(
            "dialog.existing.question",
            gemeente=existing.session.gemeente,
            n=count,
            datum=existing.session.datum.isoformat(),
        )
        choice = await self.app.push_screen_wait(ExistingGemeenteDialog(_, question))
        if choice == "round":
            await self._new_round(existing, answer)
        elif choice == "blank":
            # The spelling of the gemeente as it is: "zaanstad" stays "Zaanstad".
            session = new_session(existing.session.gemeente, answer.datum)
            await self._create(with_answers(session, answer), existing.path.parent)

    @work
    async def action_new_round(self) -> None:
        """Start a new round of the highlighted gemeente, from its latest session; ask the date."""
        row = self._highlighted_row()
        if row is None:
            return
        newest = latest(self.rows, row.slug)
        if newest is None or newest.session is None:
            self.notify(self.translate("start.no_round"), severity="warning")
            return
        answer: NewSession | None = await self.app.push_screen_wait(
            NewSessionDialog(
                self.translate,
                self.today(),
                gemeente=newest.session.gemeente,
                deelnemers=newest.session.deelnemers,
            )
        )
        if answer is not None:
            await self._new_round(newest, answer)

    async def _new_round(self, latest_row: Entry, answer: NewSession) -> None:
        """A new round from `latest_row`, in its folder; say once which actions were done."""
        previous = latest_row.session
        assert previous is not None
        session = with_answers(next_round(previous, answer.datum), answer)
        done = [item.tekst for item in previous.agenda if item.done]
        if await self._create(session, latest_row.path.parent) and done:
            items = "; ".join(shorten(tekst, 60) for tekst in done)
            self.notify(self.translate("round.done_since", items=items), timeout=15)

    async def _create(self, session: Session, folder: Path | None) -> bool:
        """Write `session` as a new file (in `folder`, if given) and open it; whether it was.

        A second session on a day that has one is made only after saying so.
        """
        _ = self.translate
        try:
            path = new_session_path(self.sessions_dir, session.gemeente, session.datum, folder)
        except (OSError, ValueError) as error:
            self.notify(str(error), severity="error", timeout=10)
            return False
        if sessions_on(path.parent, session.datum):
            first = path.parent / session_file_name(session.datum)
            question = _(
                "dialog.same_day",
                gemeente=session.gemeente,
                datum=session.datum.isoformat(),
                file=first.name,
                new=path.name,
            )
            answer = await self.app.push_screen_wait(
                ConfirmDialog(question, _("dialog.same_day.action"), _)
            )
            if answer != "yes":
                return False
        try:
            path = save_new(session, self.sessions_dir, folder)
        except (SessionError, ValueError) as error:
            self.notify(str(error), severity="error", timeout=10)
            return False
        self.open_session(session, path, self.refresh_list)
        return True

    @work
    async def action_remove(self) -> None:
        """Move the highlighted session to the trash, after a question that names the file."""
        row = self._highlighted_row()
        if row is None:
            return
        _ = self.translate
        trash = trash_path(row.path, self.sessions_dir)
        answer = await self.app.push_screen_wait(
            ConfirmDialog(
                _("start.remove", file=row.path, trash=trash.parent),
                _("start.remove.action"),
                _,
            )
        )
        if answer != "yes":
            return
        try:
            trashed = move_to_trash(row.path, self.sessions_dir)
        except OSError as error:
            self.notify(
                _("start.cannot_move", file=row.path, problem=reason(error, self.translate.lang)),
                severity="error",
                timeout=10,
            )
            return
        self.removed.append((trashed, row.path))
        self.marked.discard(row.path)
        self.refresh_list()
        self.notify(_("start.removed", file=row.path.name, trash=trashed.parent), timeout=10)

    def action_restore(self) -> None:
        """Bring back the session removed last (from this screen)."""
        _ = self.translate
        if not self.removed:
            self.notify(_("start.nothing_to_restore"), timeout=4)
            return
        trashed, original = self.removed[-1]
        try:
            restore(trashed, original)
        except OSError as error:
            self.notify(
                _("start.cannot_move", file=trashed, problem=reason(error, _.lang)),
                severity="error",
                timeout=10,
            )
            return
        self.removed.pop()
        self.refresh_list()
        self.notify(_("start.restored", file=original), timeout=6)

    @work
    async def action_invullen(self) -> None:
        """One person's own placement for the highlighted session: ask the name, open it."""
        from ..core.placements import start_placement
        from .dialogs.session import NameDialog

        row = self._highlighted_row()
        if row is None or row.session is None:
            return
        naam = await self.app.push_screen_wait(NameDialog(self.translate, row.path.name))
        if naam is None:
            return
        try:
            session, path = start_placement(row.path, naam or None)
        except (SessionError, ValueError) as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.open_session(session, path, self.refresh_list)

    def action_placements(self) -> None:
        """Compare the team's stand of the highlighted session with everyone's own placement."""
        row = self._highlighted_row()
        if row is None:
            return
        # Also before anyone placed: the screen shows each placement once saved.
        self.post_message(CompareRequested([row.path]))

    def action_mark(self) -> None:
        """Mark the highlighted session for comparing, or take its mark away."""
        row = self._highlighted_row()
        if row is None:
            return
        self.marked ^= {row.path}
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted
        assert highlighted is not None
        index = int(option_list.get_option_at_index(highlighted).id or 0)
        option_list.replace_option_prompt_at_index(highlighted, self._row_text(index))
        self._show_hint()

    def action_compare(self) -> None:
        """Compare the marked sessions, or else every round of the highlighted gemeente."""
        if self.marked:
            targets = [row.path for row in self.rows if row.path in self.marked]
        else:
            row = self._highlighted_row()
            if row is None:
                return
            targets = [row.path.parent]
        self.post_message(CompareRequested(targets))


def with_answers(session: Session, answer: NewSession) -> Session:
    """`session` with the titel and deelnemers typed in the new-session dialog."""
    session.titel = answer.titel
    if answer.deelnemers is not None:
        session.deelnemers = answer.deelnemers
    return session
