"""`schuiftui invullen SESSION [--naam NAAM]`: one person's own placement of the sliders."""

from __future__ import annotations

import argparse

from ..i18n import Translator
from .open import add_app_options, on_terminal, open_app
from .output import error, write
from .parser import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, Parser
from .parser import path as path_argument


def add_arguments(parser: Parser, _: Translator) -> None:
    parser.add_argument(
        "session",
        type=path_argument,
        metavar=_("cli.metavar.session"),
        help=_("cli.invullen.session"),
    )
    parser.add_argument(
        "--naam", default=None, metavar=_("cli.metavar.name"), help=_("cli.invullen.naam")
    )
    add_app_options(parser, _)


def run(args: argparse.Namespace, _: Translator) -> int:
    from ..core.placements import start_placement, team_session_file
    from ..core.storage import SessionError

    team = team_session_file(args.session)
    if team is None:
        error(_("cli.invullen.no_session", path=args.session))
        return EXIT_PROBLEM
    try:
        session, path = start_placement(team, args.naam)
    except ValueError as problem:
        message = _("cli.invullen.bad_naam", problem=problem)
        error(_("cli.error", prog="schuiftui invullen", message=message))
        return EXIT_USAGE
    except SessionError as problem:
        error(str(problem))
        return EXIT_PROBLEM
    write(f"{path}\n")
    if on_terminal(stdout=True):
        return open_app(path, args.lang, _, session=session, mouse=not args.no_mouse)
    return EXIT_OK
