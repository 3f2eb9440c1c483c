"""`schuiftui new GEMEENTE`: a new session, or a new round from the latest one."""

from __future__ import annotations

import argparse
import datetime

from ..i18n import Translator
from .open import add_app_options, on_terminal, open_app
from .output import error, write
from .parser import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, Parser, date
from .parser import path as path_argument


def add_arguments(parser: Parser, _: Translator) -> None:
    from ..core.paths import DEFAULT_DIR

    parser.add_argument("gemeente", metavar=_("cli.metavar.gemeente"), help=_("cli.new.gemeente"))
    parser.add_argument(
        "--datum", type=date, default=None, metavar=_("cli.metavar.date"), help=_("cli.new.datum")
    )
    parser.add_argument(
        "--dir",
        type=path_argument,
        default=DEFAULT_DIR,
        metavar=_("cli.metavar.folder"),
        help=_("cli.dir"),
    )
    parser.add_argument("--from-latest", action="store_true", help=_("cli.new.from_latest"))
    add_app_options(parser, _)


def ask_date(today: datetime.date, _: Translator) -> datetime.date | None:
    """Ask the date of a new round at the terminal, today by default; None: not given."""
    from ..core.session import read_date

    while True:
        try:
            typed = input(_("cli.new.ask_date", today=today.isoformat())).strip()
        except (EOFError, KeyboardInterrupt):
            write("\n")
            return None
        if not typed:
            return today
        try:
            return read_date(typed, today)
        except ValueError as problem:
            error(str(problem))


def run(args: argparse.Namespace, _: Translator) -> int:
    from ..core import paths
    from ..core.overview import existing_gemeente, overview
    from ..core.session import new_session, next_round
    from ..core.storage import SessionError, save_new

    datum = args.datum or datetime.date.today()
    if args.from_latest and args.datum is None and on_terminal(stdout=True):
        asked = ask_date(datum, _)
        if asked is None:
            return EXIT_USAGE
        datum = asked
    try:
        paths.slugify(args.gemeente)
    except ValueError as problem:
        error(_("cli.error", prog="schuiftui new", message=_("cli.bad_gemeente", problem=problem)))
        return EXIT_USAGE
    # A gemeente that has sessions keeps its spelling and its folder ("zaanstad": "Zaanstad").
    try:
        existing = existing_gemeente(overview(args.dir), args.gemeente)
    except OSError:  # a folder name longer than the file system allows: said below
        existing = None
    folder = existing.path.parent if existing is not None else None
    done: list[str] = []
    try:
        if args.from_latest:
            if existing is None:
                error(_("cli.new.no_latest", gemeente=args.gemeente, dir=args.dir))
                return EXIT_PROBLEM
            # `existing` is the gemeente's newest readable round, as `r` uses on the start screen.
            assert existing.session is not None
            session = next_round(existing.session, datum)
            done = [item.tekst for item in existing.session.agenda if item.done]
        else:
            gemeente = existing.session.gemeente if existing and existing.session else None
            session = new_session(gemeente or args.gemeente.strip(), datum)
        path = paths.new_session_path(args.dir, session.gemeente, datum, folder)
        if paths.sessions_on(path.parent, datum):
            error(_("cli.new.same_day", gemeente=session.gemeente, datum=datum, file=path.name))
        path = save_new(session, args.dir, folder)
    except SessionError as problem:
        error(str(problem))
        return EXIT_PROBLEM
    if done:  # not carried over, and not dropped without a word
        error(_("round.done_since", items="; ".join(done)))
    write(f"{path}\n")
    if on_terminal(stdout=True):
        return open_app(path, args.lang, _, mouse=not args.no_mouse)
    return EXIT_OK
