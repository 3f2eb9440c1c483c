"""`schuiftui [PATH]`: the app, on a sessions folder or one session."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import Translator
from .output import error
from .parser import EXIT_PROBLEM, EXIT_USAGE, Parser
from .parser import path as path_argument

if TYPE_CHECKING:
    from ..app import SchuifApp
    from ..core.session import Session


def add_arguments(parser: Parser, _: Translator) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=path_argument,
        default=None,
        metavar=_("cli.metavar.path"),
        help=_("cli.path"),
    )
    add_app_options(parser, _)


def add_app_options(parser: Parser, _: Translator) -> None:
    """The options of every command that opens the app."""
    parser.add_argument("--no-mouse", action="store_true", help=_("cli.no_mouse"))


def run(args: argparse.Namespace, _: Translator) -> int:
    return open_app(args.path, args.lang, _, mouse=not args.no_mouse)


def on_terminal(stdout: bool = False) -> bool:
    """Whether a person is at a terminal. Textual draws on stderr and reads stdin."""
    streams = [sys.stdin, sys.stderr] + ([sys.stdout] if stdout else [])
    return all(stream is not None and stream.isatty() for stream in streams)


def _not_openable(target: Path | None, _: Translator) -> str | None:
    """Why `target` cannot be opened: no session file and no folder; None when it can."""
    if target is None:
        return None  # ./sessions, which a first new session creates
    try:
        if target.is_dir():
            return None
        if target.exists():
            if target.suffix.lower() == ".toml":
                return None
            return _("cli.open.not_a_session", path=target)
    except OSError as failure:
        from ..core.reasons import reason

        return _("cli.open.unreadable", path=target, problem=reason(failure, _.lang))
    if target.suffix.lower() == ".toml":
        return None  # loading says that the file does not exist
    return _("cli.open.no_folder", path=target)


def open_app(
    target: Path | None,
    lang: str,
    _: Translator,
    *,
    compare: Sequence[Path] | None = None,
    session: Session | None = None,
    mouse: bool = True,
) -> int:
    """Run the app on `target` (or compare `compare`); return its exit code.

    `session`: edit this as the file `target` (see `make_app`).
    """
    problem = _not_openable(target, _) if session is None else None
    if problem is not None:
        error(problem)
        return EXIT_USAGE
    if not on_terminal():
        error(_("cli.no_terminal"))
        return EXIT_USAGE
    from ..terminal.glyphs import limited
    from ..terminal.keys import holds_lone_escape
    from ..terminal.typeahead import held

    # GNU screen holds a lone Escape back while mouse reporting is on: there,
    # Escape working at once comes first (every action has a key).
    mouse = mouse and not holds_lone_escape(os.environ)

    if limited(os.environ.get("TERM")):
        # Textual would send 24-bit colour to a terminal that names itself
        # dumb, vt100 or nothing: 16 colours are the most such a one may show.
        os.environ.setdefault("TEXTUAL_COLOR_SYSTEM", "standard")

    # Keys typed while the app loads are read raw at once, as the app will
    # read them (Ctrl+S is no flow control, Enter no line feed).
    with held():
        app = _load_app(target, lang, compare, session)
        if not isinstance(app, str):
            # Without mouse reporting the terminal keeps its own text
            # selection, and no mouse moves travel over SSH; every action has
            # a key.
            app.run(mouse=mouse)
            return app.return_code or 0
    error(app)  # the terminal is itself again
    return EXIT_PROBLEM


def _load_app(
    target: Path | None,
    lang: str,
    compare: Sequence[Path] | None,
    session: Session | None = None,
) -> SchuifApp | str:
    """The app on `target`, or why `target` cannot be loaded."""
    # Loading Textual and the session creates many objects that live as long
    # as the app. Collecting garbage among them finds little and took 8 to
    # 15 ms before the first paint (timed with gc.callbacks), so pause the
    # collector while they load and then freeze them out of later collections.
    gc.disable()
    try:
        from ..app import make_app
        from ..core.storage import SessionError

        try:
            return make_app(target, lang=lang, compare=compare, session=session)
        except SessionError as problem:
            return str(problem)
    finally:
        gc.freeze()
        gc.enable()
