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

from ..core.categories import CATEGORY_IDS
from ..core.overview import Entry, latest, overview
from ..core.session import Session, format_stand, new_session, next_round
from ..core.storage import SessionError, save_new
from ..i18n import Translator
from ..widgets.footer import TranslatedFooter
from ..widgets.title import TitleBar
from .dialogs import NewSession, NewSessionDialog


class StartScreen(Screen[None]):
    """Pick a session, start one for a new gemeente, or start a new round."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_gemeente", "key.start_new"),
        Binding("r", "new_round", "key.start_round"),
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

    def compose(self) -> ComposeResult:
        yield TitleBar("schuiftui", self.translate("start.subtitle", dir=self.sessions_dir))
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
            name = first.session.gemeente if first.session else slug
            if options:
                options.append(None)
            options.append(Option(Text(name, style="bold"), id=f"group-{slug}", disabled=True))
            for index, row in group_rows:
                options.append(Option(self._row_text(row), id=str(index)))
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(options)
        if self.rows:
            option_list.highlighted = highlighted if highlighted is not None else 1
        hint = _("start.empty", dir=self.sessions_dir) if not self.rows else _("start.hint")
        self.query_one("#start-hint", Static).update(hint)

    def _row_text(self, row: Entry) -> Text:
        if row.session is None:
            return Text(f"  ⚠ {row.problem}", style="italic")
        session = row.session
        stands = " ".join(f"{format_stand(session.sliders[i].stand):>2}" for i in CATEGORY_IDS)
        open_items = sum(not item.done for item in session.agenda)
        text = Text(f"  {session.datum.isoformat()}  ")
        text.append(f"{_shorten(session.titel or '-', 28):<28}", style="")
        text.append(f"  {stands}", style="bold")
        text.append(f"  {self.translate('start.open_items', count=open_items)}", style="dim")
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
        if row.session is None:
            self.notify(row.problem or "", severity="error", timeout=8)
            return
        # Read the folder again once the session is left: it may have been saved.
        self.open_session(row.session, row.path, self.refresh_list)

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

    def _create(self, session: Session) -> None:
        try:
            path = save_new(session, self.sessions_dir)
        except (SessionError, ValueError) as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.open_session(session, path, self.refresh_list)


def _shorten(text: str, width: int) -> str:
    """`text` in at most `width` characters, with "…" where it was cut."""
    return text if len(text) <= width else text[: width - 1] + "…"
