"""`schuiftui check PATH...`: validate session files and folders."""

from __future__ import annotations

import argparse

from ..i18n import Translator
from .output import write
from .parser import EXIT_OK, EXIT_PROBLEM, Parser
from .parser import path as path_argument


def add_arguments(parser: Parser, _: Translator) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        type=path_argument,
        metavar=_("cli.metavar.path"),
        help=_("cli.check.paths"),
    )


def run(args: argparse.Namespace, _: Translator) -> int:
    from ..core.paths import find_toml_files
    from ..core.reasons import reason
    from ..core.storage import SessionError, SessionProblems, load
    from ..sanitize import visible

    problems = 0
    checked = 0
    for target in args.paths:
        unreadable: list[OSError] = []
        files = find_toml_files([target], unreadable)
        for failure in unreadable:  # a folder not looked in is not "in orde"
            write(f"{visible(str(failure.filename))}: {reason(failure, _.lang)}\n")
            problems += 1
        if target.is_dir() and not files and not unreadable:
            write(_("cli.check.none", path=target) + "\n")
            problems += 1
        for file in files:
            checked += 1
            try:
                load(file)
            except SessionProblems as found:
                # Every problem in the file, each on its line, not only the first.
                for problem in found.problems:
                    write(f"{problem}\n")
                problems += 1
            except SessionError as error:
                write(f"{error}\n")
                problems += 1
    if problems:
        return EXIT_PROBLEM
    write(_("cli.check.ok", n=checked) + "\n")
    return EXIT_OK
