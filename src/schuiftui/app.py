"""The App: screens, global keys and wiring; the work is in screens and core."""

from __future__ import annotations

import asyncio
import datetime
import os
import pkgutil
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Callable, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.screen import Screen

from .core.session import Session
from .i18n import Translator
from .input_order import InputOrder

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.notifications import SeverityLevel

    from .core.compare import Compared
    from .core.git_merge import UnfinishedMerge
    from .screens.panel import PanelScreen
    from .screens.requests import CompareRequested, ExportRequested
    from .terminal.hosted import TerminalClosed


def _load_css() -> str:
    # Read through the package's loader so a zipped single-file build works
    # too; `importlib.resources` does the same but costs 2 ms more to import.
    data = pkgutil.get_data("schuiftui", "styles/app.tcss")
    assert data is not None, "the package's loader cannot read files"
    return data.decode("utf-8")


class SchuifApp(App[int]):
    """The schuifoefening: a start screen of sessions, a panel for one session."""

    CSS = _load_css()
    TITLE = "schuiftui"
    ENABLE_COMMAND_PALETTE = False
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
        (0, "-too-narrow"),
        (70, "-wide-enough"),
        # Room for wider faders (see app.tcss).
        (110, "-wide"),
        (150, "-wider"),
    ]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
        (0, "-too-short"),
        (22, "-tall-enough"),
        # Room for faders two and three rows a step apart (see app.tcss).
        (37, "-tall"),
        (47, "-taller"),
    ]

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority binding: a Ctrl+Q typed right after Ctrl+S in a text
        # field reaches the app after the save, in the order typed.
        Binding("ctrl+q", "request_quit", "key.quit"),
        Binding("f1", "help", "key.help", priority=True),
        Binding("question_mark", "help", "key.help", show=False),
        Binding("ctrl+l", "redraw", "key.redraw", show=False),
    ]

    def __init__(
        self,
        *,
        sessions_dir: Path,
        open_path: Path | None = None,
        session: Session | None = None,
        compare: list[Path] | None = None,
        lang: str = "nl",
        today: Callable[[], datetime.date] = datetime.date.today,
        participant: bool = False,
        unfinished: UnfinishedMerge | None = None,
    ) -> None:
        super().__init__()
        self.first_unfinished = unfinished
        """A git merge left `open_path` with conflict markers: the panel finishes it first."""
        self.translate = Translator(lang)
        self.participant = participant
        """A workshop participant over `serve`: a draft they left is resumed without asking."""
        self.shares_process = False
        """One of several apps in a workshop host's process (see `serve.host`), on a
        terminal of its own: the process's signals are the host's to handle."""
        self.sessions_dir = sessions_dir
        self.open_path = open_path
        self.first_session = session
        self.compare_targets = compare
        self.today = today
        self._input = InputOrder(self, super().on_event)
        """Keys and pastes, routed one at a time in the order typed (see `input_order`)."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification, its text as it is: never read as markup.

        Notifications say file names, paths, gemeenten and actions: `[/maand]`
        is text there (see `widgets.plain`), and a control character is shown
        as a placeholder (see `schuiftui.sanitize`). Screens and widgets notify
        through here too.
        """
        from .sanitize import visible

        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    def get_driver_class(self) -> type[Driver]:
        driver_class = super().get_driver_class()
        from textual.drivers.linux_driver import LinuxDriver

        if driver_class is LinuxDriver:
            # Keys arrive as typed, frames send only what changed (see `terminal`).
            from .terminal.driver import TerminalDriver

            return TerminalDriver
        return driver_class

    def on_mount(self) -> None:
        if self.is_headless or self.shares_process:
            # Under test there is no terminal to lose, and pytest keeps its
            # signals; in a host, `on_terminal_closed` says the terminal went.
            return
        catch_signals(asyncio.get_running_loop(), self._stop_at_once)
        if sys.__stdin__ is not None and sys.__stdin__.isatty() and os.name == "posix":
            self.set_interval(1.0, self._check_terminal)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if isinstance(event, events.Paste):
                # Line breaks as one \n and no control characters, as
                # everything that enters a session, before the paste reaches a field.
                from .core.session import normalize_text

                event.text = normalize_text(event.text)
            # Routed in turn: each key after the one before has settled. Keys
            # typed while the app starts wait until the first screen is laid out.
            self._input.put(event)
            return
        await super().on_event(event)

    def on_ready(self) -> None:
        """The first screen is laid out: route the keys, those typed ahead first."""
        self._input.open()

    def rescue(self) -> None:
        """Write the recovery draft of every open session, now, and say they are closed.

        The app is ending: its drafts are let go, for whoever opens the
        session next, even while this process runs on (a workshop host).
        """
        from .screens.panel import PanelScreen

        for screen in self.screen_stack:
            if isinstance(screen, PanelScreen):
                screen.keep_draft(let_go=True)
                screen.release()

    def on_terminal_closed(self, _closed: TerminalClosed) -> None:
        """The terminal this app was given hung up (see `terminal.hosted`): keep the edits, end."""
        self.rescue()
        self.exit(return_code=129)

    def _stop_at_once(self, signum: int) -> None:
        """SIGHUP (the connection dropped), SIGTERM, SIGINT: keep the edits, restore, exit."""
        self.rescue()
        # Restoring the terminal writes to it; if it is gone, do not wait for that.
        fallback = threading.Timer(3.0, os._exit, (128 + signum,))
        fallback.daemon = True
        fallback.start()
        self.exit(return_code=128 + signum)

    def _check_terminal(self) -> None:
        """Stop when the terminal went away without a SIGHUP (`nohup`, a killed sshd).

        Textual's input thread would otherwise spin at 100% CPU on a closed
        terminal; asking the terminal for its settings fails once it is gone.
        """
        import termios

        try:
            termios.tcgetattr(sys.__stdin__.fileno())  # type: ignore[union-attr]
        except (termios.error, OSError, ValueError):
            self.rescue()
            os._exit(129)  # nothing to restore: there is no terminal

    def get_default_screen(self) -> Screen:
        # The first screen is the panel or the start screen itself, not an
        # empty screen with the real one pushed on top: one screen less to
        # mount and style before the first paint.
        screen: Screen
        if self.compare_targets is not None:
            from .screens.compare import CompareScreen

            screen = CompareScreen(self.compare_targets, self.translate)
        elif self.first_session is not None and self.open_path is not None:
            screen = self._panel(self.first_session, self.open_path, self.first_unfinished)
        else:
            # Imported here: opening one session never needs the start screen.
            from .screens.start import StartScreen

            screen = StartScreen(self.sessions_dir, self.translate, self.open_session, self.today)
        # Textual sets the breakpoint classes on the first resize, which comes
        # after the first paint; set them now, so the first frame already has
        # its final layout and is not restyled and sent again.
        screen.add_class(*self._breakpoint_classes(self.size))
        return screen

    def _breakpoint_classes(self, size: Size) -> list[str]:
        """The classes the breakpoints give a screen of `size`."""
        classes = []
        for extent, breakpoints in (
            (size.width, self.HORIZONTAL_BREAKPOINTS),
            (size.height, self.VERTICAL_BREAKPOINTS),
        ):
            reached = [name for minimum, name in sorted(breakpoints) if extent >= minimum]
            classes += reached[-1:]
        return classes

    def _panel(
        self, session: Session, path: Path, unfinished: UnfinishedMerge | None = None
    ) -> PanelScreen:
        """The panel for `session`, with the previous round of its gemeente when there is one."""
        from .core.overview import previous_round
        from .screens.panel import PanelScreen  # the compare screen alone never needs it

        return PanelScreen(
            session,
            path,
            self.translate,
            previous=previous_round(path, session),
            today=self.today,
            participant=self.participant,
            unfinished=unfinished,
        )

    def open_session(
        self,
        session: Session,
        path: Path,
        when_left: Callable[[], None],
        unfinished: UnfinishedMerge | None = None,
    ) -> None:
        """Show `session`, stored at `path`, on the panel; call `when_left` when it is left.

        `unfinished`: a git merge left the file with conflict markers; the
        panel asks how to finish it first.
        """
        self.push_screen(self._panel(session, path, unfinished), lambda _: when_left())

    def on_compare_requested(self, request: CompareRequested) -> None:
        """A screen asks to show sessions side by side."""
        from .screens.compare import CompareScreen

        self.push_screen(CompareScreen(request.targets, self.translate, request.overrides))

    def on_export_requested(self, request: ExportRequested) -> None:
        """A screen asks to export sessions next to their files."""
        self._export(request.items)

    @work(thread=True, group="export")
    def _export(self, items: list[Compared]) -> None:
        # Writing files may be slow on a network disk: not on the UI thread.
        from .core.export import export_beside
        from .core.reasons import reason

        _ = self.translate
        try:
            written = export_beside(items, _.lang)
        except OSError as error:
            problem = f"{error.filename}: {reason(error, _.lang)}"
            self.call_from_thread(
                self.notify, problem, title=_("export.failed"), severity="error", timeout=10
            )
            return
        done = _("export.done", paths=" · ".join(map(str, written)))
        self.call_from_thread(self.notify, done, timeout=6)

    def action_redraw(self) -> None:
        """Paint the whole screen again, for when something else wrote over it."""
        self.screen.refresh()

    def action_help(self) -> None:
        from .screens.help import HelpScreen  # not needed for the first paint

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.translate))

    def action_request_quit(self) -> None:
        from .screens.panel import PanelScreen

        panels = [screen for screen in self.screen_stack if isinstance(screen, PanelScreen)]
        if panels and panels[-1].dirty:
            if self.screen is not panels[-1]:
                return  # finish the dialog first
            panels[-1].confirm_quit()
        else:
            self.exit(0)


def catch_signals(loop: asyncio.AbstractEventLoop, handler: Callable[[int], None]) -> list[int]:
    """Call `handler(signum)` on a hang-up (SIGHUP), SIGTERM or SIGINT; return those caught.

    By name: Windows has no SIGHUP, and its event loop takes no signal handlers.
    """
    import signal

    caught = []
    for name in ("SIGHUP", "SIGTERM", "SIGINT"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        try:
            loop.add_signal_handler(signum, handler, signum)
        except (NotImplementedError, ValueError):
            break
        caught.append(signum)
    return caught


def make_app(
    target: Path | None,
    *,
    lang: str = "nl",
    today: Callable[[], datetime.date] = datetime.date.today,
    compare: Sequence[Path] | None = None,
    session: Session | None = None,
    participant: bool = False,
) -> SchuifApp:
    """Build the app the way the command line does.

    Args:
        target: A session file to open, or a sessions folder (None: ./sessions).
        lang: The interface language.
        today: Where "today" comes from (tests freeze it).
        compare: Files and folders to compare on the compare screen, instead
            of opening `target`.
        session: The session to edit as the file `target`, instead of
            reading it (a person's new placement, not on disk until saved).
        participant: A workshop participant over `serve` (see `SchuifApp`).

    Raises:
        SessionError: `target` is a session file that cannot be loaded.
    """
    from .core.paths import DEFAULT_DIR
    from .core.storage import SessionError, load
    from .i18n import set_messages_language

    set_messages_language(lang)

    if compare is not None:
        return SchuifApp(sessions_dir=DEFAULT_DIR, compare=list(compare), lang=lang, today=today)
    if target is not None and target.suffix.lower() == ".toml" and not target.is_dir():
        unfinished = None
        if session is None:
            try:
                session = load(target)
            except SessionError as error:
                from .core.git_merge import unfinished_merge_behind  # only then

                unfinished = unfinished_merge_behind(error)
                if unfinished is None:
                    raise
                session = unfinished.merge.session
        return SchuifApp(
            sessions_dir=target.parent.parent,
            open_path=target,
            session=session,
            lang=lang,
            today=today,
            participant=participant,
            unfinished=unfinished,
        )
    return SchuifApp(sessions_dir=target or DEFAULT_DIR, lang=lang, today=today)
