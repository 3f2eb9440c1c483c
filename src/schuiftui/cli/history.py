"""`schuiftui history DIR` or `history --git FILE`: every round of one gemeente."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import Translator
from .output import error, terminal, write
from .parser import EXIT_OK, EXIT_PROBLEM, Parser
from .parser import path as path_argument

if TYPE_CHECKING:
    from ..core.history import History

FORMATS = ("text", "csv", "json", "markdown")


def add_arguments(parser: Parser, _: Translator) -> None:
    parser.add_argument(
        "path", type=path_argument, metavar=_("cli.metavar.path"), help=_("cli.history.path")
    )
    parser.add_argument("--git", action="store_true", help=_("cli.history.git"))
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help=_("cli.format", default="text")
    )


def run(args: argparse.Namespace, _: Translator) -> int:
    from ..core.git import GitError
    from ..core.history import folder_history, git_history
    from ..core.paths import find_session_files, parse_session_file_name, rounds

    path: Path = args.path
    history: History
    if args.git:
        if path.is_dir() or not path.exists():
            error(_("cli.history.git_file", path=path))
            return EXIT_PROBLEM
        try:
            history = git_history(path)
        except GitError as problem:
            error(f"{path}: {problem}")
            return EXIT_PROBLEM
        if not history.rows and not history.problems:
            error(_("cli.history.no_versions", path=path))
            return EXIT_PROBLEM
    else:
        if path.is_file() and parse_session_file_name(path):
            path = path.parent  # a session file: the rounds of its gemeente
        if not path.is_dir():
            error(_("cli.history.no_folder", path=path))
            return EXIT_PROBLEM
        if not rounds(path):
            gemeenten = sorted({f.slug for f in find_session_files(path)})
            if gemeenten:
                examples = ", ".join(str(path / slug) for slug in gemeenten[:3])
                error(_("cli.history.pick_one", path=path, examples=examples))
            else:
                error(_("cli.check.none", path=path))
            return EXIT_PROBLEM
        history = folder_history(path)
    for problem in history.problems:
        error(problem)
    write(_render(history, args.format, _.lang))
    return EXIT_PROBLEM if history.problems else EXIT_OK


def _render(history: History, format: str, lang: str) -> str:
    if format == "csv":
        from ..core.render.csv import history_csv

        return history_csv(history)
    if format == "json":
        from ..core.render.json import history_json

        return history_json(history)
    if format == "markdown":
        from ..core.render.markdown import history_markdown

        return history_markdown(history, lang)
    from ..core.render.text import history_text

    return history_text(history, lang, ascii_only=terminal().ascii_only)
