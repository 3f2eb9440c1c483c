"""`schuiftui export FILE... --to md|html|csv|svg|xlsx [-o OUT]`: a report, a table, a
picture, or an Excel workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import Translator
from .output import error, save_text, write
from .parser import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, Parser
from .parser import path as path_argument


def add_arguments(parser: Parser, _: Translator) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        type=path_argument,
        metavar=_("cli.metavar.path"),
        help=_("cli.export.paths"),
    )
    parser.add_argument(
        "--to",
        choices=("md", "html", "csv", "svg", "xlsx"),
        required=True,
        help=_("cli.export.to"),
    )
    parser.add_argument(
        "-o",
        "--output",
        type=path_argument,
        default=None,
        metavar=_("cli.metavar.file"),
        help=_("cli.export.output"),
    )


def run(args: argparse.Namespace, _: Translator) -> int:
    from ..core.compare import read_comparison
    from ..core.export import BINARY, export_bytes, export_text

    read = read_comparison(args.paths)
    if not read.found and not read.problems:
        error(_("cli.check.none", path=", ".join(map(str, args.paths))))
        return EXIT_PROBLEM
    for problem in read.problems:
        error(problem)
    if read.cut:
        error(_("compare.too_many", count=read.found, shown=len(read.items)))
    if read.problems or read.cut:
        return EXIT_PROBLEM
    if args.to in BINARY:
        return _write_binary(export_bytes(args.to, read.items, _.lang), args.output, _)
    text = export_text(args.to, read.items, _.lang)
    if args.output is None:
        write(text)
        return EXIT_OK
    try:
        save_text(text, args.output)
    except OSError as problem:
        from ..core.reasons import reason

        error(f"{args.output}: {_('cli.export.failed', reason=reason(problem, _.lang))}")
        return EXIT_PROBLEM
    error(_("cli.export.written", path=args.output))
    return EXIT_OK


def _write_binary(data: bytes, output: Path | None, _: Translator) -> int:
    """A workbook to `output`, or to stdout when that is no terminal (a pipe, a file)."""
    import sys

    if output is None:
        if sys.stdout.isatty():
            error(_("cli.export.needs_file"))
            return EXIT_USAGE
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    from ..core.files import write_atomically

    try:
        write_atomically(output, data)
    except OSError as problem:
        from ..core.reasons import reason

        error(f"{output}: {_('cli.export.failed', reason=reason(problem, _.lang))}")
        return EXIT_PROBLEM
    error(_("cli.export.written", path=output))
    return EXIT_OK
