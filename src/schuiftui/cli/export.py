"""`schuiftui export FILE... --to md|csv|svg [-o OUT]`: a report, a table or a picture."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import Translator
from .output import error, save_text, write
from .parser import EXIT_OK, EXIT_PROBLEM, Parser


def add_arguments(parser: Parser, _: Translator) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PAD", help=_("cli.export.paths"))
    parser.add_argument(
        "--to", choices=("md", "csv", "svg"), required=True, help=_("cli.export.to")
    )
    parser.add_argument(
        "-o", "--output", type=Path, default=None, metavar="BESTAND", help=_("cli.export.output")
    )


def run(args: argparse.Namespace, _: Translator) -> int:
    from ..core.compare import compared, load_all, session_files
    from ..core.export import export_text

    paths = session_files(args.paths)
    if not paths:
        error(_("cli.check.none", path=", ".join(map(str, args.paths))))
        return EXIT_PROBLEM
    sessions, problems = load_all(paths)
    for problem in problems:
        error(problem)
    if problems:
        return EXIT_PROBLEM
    items = compared(sessions)
    if len(items) < len(sessions):
        error(_("compare.too_many", count=len(sessions), shown=len(items)))
        return EXIT_PROBLEM
    text = export_text(args.to, items, _.lang)
    if args.output is None:
        write(text)
        return EXIT_OK
    try:
        save_text(text, args.output)
    except OSError as problem:
        error(f"{args.output}: {_('cli.export.failed', reason=problem.strerror or problem)}")
        return EXIT_PROBLEM
    error(_("cli.export.written", path=args.output))
    return EXIT_OK
