"""`schuiftui new GEMEENTE`: a new session, or a new round from the latest one."""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

from ..i18n import Translator
from .open import on_terminal, open_app
from .output import error, write
from .parser import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, Parser, date


def add_arguments(parser: Parser, _: Translator) -> None:
    from ..core.paths import DEFAULT_DIR

    parser.add_argument("gemeente", metavar="GEMEENTE", help=_("cli.new.gemeente"))
    parser.add_argument(
        "--datum", type=date, default=None, metavar="JJJJ-MM-DD", help=_("cli.new.datum")
    )
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, metavar="MAP", help=_("cli.dir"))
    parser.add_argument("--from-latest", action="store_true", help=_("cli.new.from_latest"))


def run(args: argparse.Namespace, _: Translator) -> int:
    from ..core import paths
    from ..core.session import new_session, next_round
    from ..core.storage import SessionError, load, save_new

    datum = args.datum or datetime.date.today()
    try:
        paths.slugify(args.gemeente)
    except ValueError as problem:
        error(_("cli.error", prog="schuiftui new", message=_("cli.bad_gemeente", problem=problem)))
        return EXIT_USAGE
    try:
        if args.from_latest:
            latest = paths.latest_session_file(args.dir, args.gemeente)
            if latest is None:
                error(_("cli.new.no_latest", gemeente=args.gemeente, dir=args.dir))
                return EXIT_PROBLEM
            session = next_round(load(latest), datum)
        else:
            session = new_session(args.gemeente.strip(), datum)
        path = save_new(session, args.dir)
    except SessionError as problem:
        error(str(problem))
        return EXIT_PROBLEM
    write(f"{path}\n")
    if on_terminal(stdout=True):
        return open_app(path, args.lang, _)
    return EXIT_OK
