"""`schuiftui [PATH]`: the app, on a sessions folder or one session."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from ..i18n import Translator
from .output import error
from .parser import EXIT_PROBLEM, EXIT_USAGE, Parser


def add_arguments(parser: Parser, _: Translator) -> None:
    parser.add_argument(
        "path", nargs="?", type=Path, default=None, metavar="PAD", help=_("cli.path")
    )


def run(args: argparse.Namespace, _: Translator) -> int:
    return open_app(args.path, args.lang, _)


def on_terminal(stdout: bool = False) -> bool:
    """Whether a person is at a terminal. Textual draws on stderr and reads stdin."""
    streams = [sys.stdin, sys.stderr] + ([sys.stdout] if stdout else [])
    return all(stream is not None and stream.isatty() for stream in streams)


def open_app(
    target: Path | None, lang: str, _: Translator, *, compare: Sequence[Path] | None = None
) -> int:
    """Run the app on `target` (or compare `compare`); return its exit code."""
    if not on_terminal():
        error(_("cli.no_terminal"))
        return EXIT_USAGE
    # Loading Textual and the session creates many objects that live as long
    # as the app. Collecting garbage among them finds little and took 8 to
    # 15 ms before the first paint (timed with gc.callbacks), so pause the
    # collector while they load and then freeze them out of later collections.
    gc.disable()
    try:
        from ..app import make_app
        from ..core.storage import SessionError

        try:
            app = make_app(target, lang=lang, compare=compare)
        except SessionError as problem:
            error(str(problem))
            return EXIT_PROBLEM
    finally:
        gc.freeze()
        gc.enable()
    app.run()
    return app.return_code or 0
