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
from ..core.overview import Entry, latest, overview, round_before
from ..core.render.text import shorten
from ..core.sanitize import visible
from ..core.session import Session, format_stand, new_session, next_round
from ..core.storage import SessionError, load, save_new
from ..i18n import Translator
from ..widgets.footer import TranslatedFooter
from ..widgets.title import TitleBar
from .dialogs import NewSession, NewSessionDialog
from .requests import CompareRequested

TITLE_WIDTH = 26
"""Characters of a session's title in the list; a longer one ends in "…"."""


class StartScreen(Screen[None]):
    """Pick a session, start one for a new gemeente, or start a new round."""

    DEFAULT_CSS = """
    #sessions-header {
        height: 1;
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
        Binding("space", "mark", "key.mark", key_display="spatie", show=False),
        Binding("v", "compare", "key.compare"),
    ]

    def __init__(
        self,
        sessions_dir: Path,
        translate: Translator,
        open_session: Callable[[Session, Path, Callable[[], None]], None],
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

    def compose(self) -> ComposeResult:
        yield TitleBar("schuiftui", self.translate("start.subtitle", dir=self.sessions_dir))
        yield Static(self._header(), id="sessions-header")
        yield OptionList(id="sessions")
        yield Static(id="start-hint")
        yield Static(self.translate("app.too_small"), classes="too-small")
        yield TranslatedFooter(self.translate)

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one(OptionList).focus()

    def refresh_list(self) -> None:
        """Read the sessions folder again and show what is there."""
        _ = self.translate
        self.rows = overview(self.sessions_dir)
        options: list[Option | None] = []
        for slug, group in groupby(enumerate(self.rows), key=lambda pair: pair[1].slug):
            group_rows = list(group)
            first = group_rows[0][1]
            name = first.session.gemeente if first.session else visible(slug)
            if options:
                options.append(None)
            options.append(Option(Text(name, style="bold"), id=f"group-{slug}", disabled=True))
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
        """The column headers: date, title and the five stands by their short names."""
        _ = self.translate
        stands = "".join(f"{c.abbr.get(_.lang):>3} " for c in CATEGORIES)
        return Text(
            f"  {_('md.datum'):<10}  {_('md.titel'):<{TITLE_WIDTH}}  {stands}", style="bold"
        )

    def _row_text(self, index: int) -> Text:
        """One session: date, title, the stands (with ↑ or ↓ where one moved since the round before)."""
        from ..core.drafts import has_draft

        row = self.rows[index]
        mark = "●" if row.path in self.marked else " "
        if row.session is None:
            return Text(f"{mark} ⚠ {row.problem}", style="italic")
        session = row.session
        before = round_before(self.rows, index)
        open_items = sum(not item.done for item in session.agenda)
        text = Text(f"{mark} {session.datum.isoformat()}")
        # ✎: unsaved edits were kept for this session (a connection that dropped).
        text.append("✎ " if has_draft(row.path) else "  ", style="bold")
        text.append(f"{shorten(session.titel or '-', TITLE_WIDTH):<{TITLE_WIDTH}}  ")
        for category_id in CATEGORY_IDS:
            stand = session.sliders[category_id].stand
            moved = stand - before.sliders[category_id].stand if before else 0
            text.append(f"{format_stand(stand):>2}", style="bold")
            text.append(f"{'↑' if moved > 0 else '↓' if moved < 0 else ' '} ")
        text.append(f" {self.translate('start.open_items', count=open_items)}", style="dim")
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
            self.notify(str(error), severity="error", timeout=8)
            self.refresh_list()
            return
        # Read the folder again once the session is left: it may have been saved.
        self.open_session(session, row.path, self.refresh_list)

    @work
    async def action_new_gemeente(self) -> None:
        """Ask for a gemeente and date, create the session file, open it."""
        answer: NewSession | None = await self.app.push_screen_wait(
            NewSessionDialog(self.translate, self.today())
        )
        if answer is not None:
            self._create(new_session(answer.gemeente, answer.datum))

    def action_new_round(self) -> None:
        """Start a new round, dated today, from the latest session of this gemeente."""
        row = self._highlighted_row()
        if row is None:
            return
        previous = latest(self.rows, row.slug)
        if previous is None:
            self.notify(self.translate("start.no_round"), severity="warning")
            return
        self._create(next_round(previous, self.today()))

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

    def _create(self, session: Session) -> None:
        try:
            path = save_new(session, self.sessions_dir)
        except (SessionError, ValueError) as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.open_session(session, path, self.refresh_list)
