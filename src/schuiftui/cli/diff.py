"""`schuiftui diff A B` or `diff DIR`: what moved between two sessions.

Exit 0 when the sessions are the same, 1 when they differ, 2 on an error,
as diff(1) does.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import Translator
from .output import error, terminal, write
from .parser import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, Parser
from .parser import path as path_argument

FORMATS = ("text", "markdown", "json")


def add_arguments(parser: Parser, _: Translator) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        type=path_argument,
        metavar=_("cli.metavar.path"),
        help=_("cli.diff.paths"),
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help=_("cli.format", default="text")
    )


def run(args: argparse.Namespace, _: Translator) -> int:
    from ..core.diff import diff
    from ..core.paths import rounds
    from ..core.storage import SessionError, load

    paths: list[Path] = args.paths
    if len(paths) == 1 and paths[0].is_dir():
        found = rounds(paths[0])
        if len(found) < 2:
            error(_("cli.diff.too_few", dir=paths[0], n=len(found)))
            return EXIT_USAGE
        paths = [found[-2].path, found[-1].path]
    if len(paths) != 2:
        error(_("cli.error", prog="schuiftui diff", message=_("cli.diff.two")))
        return EXIT_USAGE
    try:
        difference = diff(load(paths[0]), load(paths[1]))
    except SessionError as problem:
        error(str(problem))
        return EXIT_USAGE
    if args.format == "json":
        from ..core.render.json import diff_json

        write(diff_json(difference))
    elif args.format == "markdown":
        from ..core.render.markdown import diff_markdown

        write(diff_markdown(difference, _.lang))
    else:
        from ..core.render.text import diff_text

        write(diff_text(difference, _.lang, ascii_only=terminal().ascii_only))
    return EXIT_OK if difference.same else EXIT_PROBLEM
