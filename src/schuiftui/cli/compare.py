"""`schuiftui compare FILE...|DIR`: several sessions on one mengpaneel.

At a terminal the compare screen, which follows the files as they change;
in a pipe the same comparison as plain text.
"""

from __future__ import annotations

import argparse

from ..i18n import Translator
from .open import add_app_options, on_terminal, open_app
from .output import error, terminal, write
from .parser import EXIT_OK, EXIT_PROBLEM, Parser
from .parser import path as path_argument


def add_arguments(parser: Parser, _: Translator) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        type=path_argument,
        metavar=_("cli.metavar.path"),
        help=_("cli.compare.paths"),
    )
    add_app_options(parser, _)


def run(args: argparse.Namespace, _: Translator) -> int:
    from ..core.compare import placement_targets, read_comparison, session_files

    if not session_files(args.paths):
        error(_("cli.check.none", path=", ".join(map(str, args.paths))))
        return EXIT_PROBLEM
    if on_terminal(stdout=True):
        return open_app(None, args.lang, _, compare=args.paths, mouse=not args.no_mouse)
    # One team session with people's own placements: the team and every placement.
    read = read_comparison(placement_targets(args.paths)[0])
    for problem in read.problems:
        error(problem)
    if read.cut:
        error(_("compare.too_many", count=read.found, shown=len(read.items)))
    if not read.items:
        return EXIT_PROBLEM
    from ..core.render.text import comparison_text

    shown = terminal()
    write(comparison_text(read.items, _.lang, ascii_only=shown.ascii_only))
    return EXIT_PROBLEM if read.problems or read.cut else EXIT_OK
