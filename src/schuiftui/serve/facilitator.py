"""The facilitator's screen of `serve`: how to join, who is in, and the placements as they come.

It often is on the beamer: the positions stay hidden until the facilitator
reveals them (r), so nobody anchors on someone else's stand.
"""

from __future__ import annotations

import contextlib
import datetime
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen

from ..app import SchuifApp
from ..core.placements import placements_folder, same_person
from ..core.storage import SessionError, load
from ..i18n import Translator
from ..screens.compare import CompareScreen
from ..widgets.keyline import KeyLine
from ..widgets.plain import Plain
from ..widgets.title import TitleBar
from .room import Event, Room, SaveWatcher, join_lines
from .server import WorkshopServer
from .zygote import Zygote


class RoomScreen(Screen[None]):
    """How to join, and per person: connected, saved, gone."""

    DEFAULT_CSS = """
    #join {
        height: auto;
        padding: 0 1;
        border-bottom: solid $primary-muted;
    }
    #people {
        height: 1fr;
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "placements", "key.serve_placements"),
        Binding("r", "reveal", "key.serve_reveal"),
        Binding("r", "conceal", "key.serve_conceal"),
    ]

    def __init__(self, room: Room, translate: Translator, join: list[str]) -> None:
        super().__init__()
        self.room = room
        self.translate = translate
        self.join = join
        self.saved_at: dict[str, datetime.datetime] = {}
        """Who saved their placement, and when (by the name filed in it)."""
        self.seen: dict[str, str] = {}
        """Everyone who was connected, by name, and their state now."""

    def compose(self) -> ComposeResult:
        _ = self.translate
        team = self.room.team
        yield TitleBar(_("serve.title", session=_session_name(team)), _("serve.revealed_no"))
        yield Plain("\n".join(self.join), id="join")
        with VerticalScroll(id="people"):
            yield Plain(self._people(), id="people-text")

    def _people(self) -> Content:
        _ = self.translate
        if not self.seen:
            return Content(_("serve.nobody"))
        lines = []
        for naam, state in sorted(self.seen.items(), key=lambda item: item[0].casefold()):
            saved = self.saved_at.get(naam)
            text = _(f"serve.state.{state}")
            if saved is not None:
                text += " · " + _("serve.saved_at", time=saved.strftime("%H:%M:%S"))
            lines.append(Content.assemble((f"{naam:<24.24}", "bold"), " ", text))
        count = len(self.room.participants)
        done = sum(1 for naam in self.seen if naam in self.saved_at)
        head = Content(_("serve.counts", n=count, done=done))
        return Content("\n").join([head, Content(""), *lines])

    def on_mount(self) -> None:
        self.call_later(self.mount, KeyLine(self.translate))
        # Who placed before this room opened (an earlier workshop, `invullen`).
        for path, naam in SaveWatcher(self.room.team, since_start=False).saved():
            self.seen[naam] = "gone"
            with contextlib.suppress(OSError):
                self.saved_at[naam] = datetime.datetime.fromtimestamp(path.stat().st_mtime)
        self.query_one("#people-text", Plain).update(self._people())

    def _known(self, naam: str) -> str:
        """The name as first seen: "anna" who joins is the "Anna" who saved."""
        return next((known for known in self.seen if same_person(known, naam)), naam)

    def event(self, event: Event) -> None:
        """Something happened in the room: show it."""
        naam = self._known(event.naam)
        event = Event(event.kind, naam, event.address, event.detail, event.at)
        if event.kind == "joined":
            self.seen[event.naam] = "busy"
        elif event.kind == "left" and event.naam in self.seen:
            self.seen[event.naam] = "gone"
        elif event.kind == "saved":
            self.saved_at[event.naam] = datetime.datetime.now()
            self.seen.setdefault(event.naam, "gone")
        else:
            return
        self.query_one("#people-text", Plain).update(self._people())

    def show_revealed(self, revealed: bool) -> None:
        key = "serve.revealed_yes" if revealed else "serve.revealed_no"
        self.query_one(TitleBar).sub_title = self.translate(key)
        self.refresh_bindings()

    def action_placements(self) -> None:
        app = self.app
        assert isinstance(app, RoomApp)
        app.show_placements()

    def action_reveal(self) -> None:
        app = self.app
        assert isinstance(app, RoomApp)
        app.reveal()

    def action_conceal(self) -> None:
        self.action_reveal()  # the same key: hidden again

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        revealed = getattr(self.app, "revealed", False)
        if action == "reveal":
            return not revealed
        if action == "conceal":
            return revealed
        return True


def _session_name(team: Path) -> str:
    try:
        session = load(team)
    except SessionError:
        return team.name
    return f"{session.gemeente} {session.datum.isoformat()}"


class RoomApp(SchuifApp):
    """`serve` at a terminal: the SSH server runs in this app's event loop."""

    def __init__(
        self,
        room: Room,
        zygote: Zygote,
        *,
        host: str | None,
        port: int,
        state: Path,
        addresses: list[str],
        lang: str,
    ) -> None:
        super().__init__(sessions_dir=room.team.parent.parent, lang=lang)
        self.room = room
        self.server = WorkshopServer(room, zygote, self.translate)
        self.host, self.port, self.state, self.addresses = host, port, state, addresses
        self.revealed = False
        self.problem: str | None = None
        self._watcher = SaveWatcher(room.team)
        self._room_screen: RoomScreen | None = None

    def get_default_screen(self) -> Screen:
        # The join lines need the host key's fingerprint: read before the first frame.
        from .server import host_key

        fingerprint = host_key(self.state).get_fingerprint("sha256")
        join = join_lines(self.room, self.addresses, self.port, fingerprint, self.translate)
        self._room_screen = RoomScreen(self.room, self.translate, join)
        return self._room_screen

    async def on_mount(self) -> None:
        from ..core.placements import set_revealed

        super().on_mount()
        with contextlib.suppress(OSError):
            set_revealed(self.room.team, False)  # hidden at the start, whatever came before
        self.room.listeners.append(self._on_room_event)
        try:
            await self.server.start(self.host, self.port, self.state)
        except OSError as error:
            self.problem = self.translate(
                "serve.cannot_listen", port=self.port, problem=error.strerror or error
            )
            self.exit(return_code=1)
            return
        placements_folder(self.room.team)  # followed by the watcher below
        self.set_interval(1.0, self._look_for_saves)

    def _on_room_event(self, event: Event) -> None:
        if self._room_screen is not None:
            self._room_screen.event(event)

    def _look_for_saves(self) -> None:
        for _path, naam in self._watcher.saved():
            self._on_room_event(Event("saved", naam))

    def show_placements(self) -> None:
        if not isinstance(self.screen, CompareScreen):
            self.push_screen(
                CompareScreen([self.room.team], self.translate, hidden=not self.revealed)
            )

    def on_compare_screen_reveal_requested(self, _message: CompareScreen.RevealRequested) -> None:
        self.reveal()

    def reveal(self) -> None:
        """Show the positions, here and to the participants (again hidden when pressed again)."""
        from ..core.placements import set_revealed

        self.revealed = not self.revealed
        try:
            set_revealed(self.room.team, self.revealed)
        except OSError as error:
            self.notify(str(error), severity="warning")
        for screen in self.screen_stack:
            if isinstance(screen, CompareScreen):
                screen.hidden = not self.revealed
        if self._room_screen is not None:
            self._room_screen.show_revealed(self.revealed)

    def on_unmount(self) -> None:
        from ..core.placements import set_revealed

        self.server.close()
        with contextlib.suppress(OSError):
            set_revealed(self.room.team, False)  # a next workshop starts hidden
