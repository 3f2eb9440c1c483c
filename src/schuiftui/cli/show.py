"""`schuiftui show FILE`: one session as plain text."""

from __future__ import annotations

import argparse
import datetime

from ..i18n import Translator
from .output import error, terminal, write
from .parser import EXIT_OK, EXIT_PROBLEM, Parser
from .parser import path as path_argument


def add_arguments(parser: Parser, _: Translator) -> None:
    parser.add_argument(
        "file", type=path_argument, metavar=_("cli.metavar.file"), help=_("cli.show.file")
    )


def run(args: argparse.Namespace, _: Translator) -> int:
    from ..core.render.text import session_text
    from ..core.storage import SessionError, load

    try:
        session = load(args.file)
    except SessionError as problem:
        error(str(problem))
        return EXIT_PROBLEM
    shown = terminal()
    # The session's texts hold no control characters (storage made them
    # visible), so the only escapes in colour output are the chart's own.
    text = session_text(
        session,
        _.lang,
        ascii_only=shown.ascii_only,
        color=shown.color,
        today=datetime.date.today(),
    )
    write(text, own_escapes=shown.color)
    return EXIT_OK
