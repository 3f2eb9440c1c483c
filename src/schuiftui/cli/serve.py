"""`schuiftui serve SESSION|GEMEENTE`: a workshop room over SSH (the extra `schuiftui[serve]`)."""

from __future__ import annotations

import argparse
import importlib.util
import sys

from ..i18n import Translator
from .output import error
from .parser import EXIT_PROBLEM, EXIT_USAGE, Parser
from .parser import path as path_argument

DEFAULT_PORT = 2222


def add_arguments(parser: Parser, _: Translator) -> None:
    parser.add_argument(
        "session", type=path_argument, metavar=_("cli.metavar.session"), help=_("cli.serve.session")
    )
    parser.add_argument(
        "--host", default=None, metavar=_("cli.metavar.address"), help=_("cli.serve.host")
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        metavar=_("cli.metavar.port"),
        help=_("cli.serve.port"),
    )
    parser.add_argument("--code", default=None, help=_("cli.serve.code"))
    parser.add_argument(
        "--max",
        type=int,
        default=40,
        dest="capacity",
        metavar=_("cli.metavar.count"),
        help=_("cli.serve.max"),
    )
    parser.add_argument(
        "--idle",
        type=float,
        default=60.0,
        metavar=_("cli.metavar.minutes"),
        dest="idle_minutes",
        help=_("cli.serve.idle"),
    )


def run(args: argparse.Namespace, _: Translator) -> int:
    if not _has_asyncssh():
        error(_("cli.serve.no_asyncssh"))
        return EXIT_USAGE
    from ..core.placements import team_session_file

    team = team_session_file(args.session)
    if team is None:
        error(_("cli.invullen.no_session", path=args.session))
        return EXIT_PROBLEM
    if args.code is not None and not (args.code.isdigit() and 4 <= len(args.code) <= 32):
        error(_("cli.error", prog="schuiftui serve", message=_("cli.serve.bad_code")))
        return EXIT_USAGE
    if not 0 < args.port < 65536 or args.capacity < 1 or not args.idle_minutes > 0:
        error(_("cli.error", prog="schuiftui serve", message=_("cli.serve.bad_number")))
        return EXIT_USAGE
    from ..serve import serve
    from .open import on_terminal

    return serve(
        team.resolve(),
        host=args.host,
        port=args.port,
        code=args.code,
        capacity=args.capacity,
        idle_minutes=args.idle_minutes,
        lang=args.lang,
        interactive=on_terminal(stdout=True),
    )


def _has_asyncssh() -> bool:
    """Whether the extra is installed, without importing it (the zygote forks before)."""
    if "asyncssh" in sys.modules:
        return sys.modules["asyncssh"] is not None
    return importlib.util.find_spec("asyncssh") is not None
