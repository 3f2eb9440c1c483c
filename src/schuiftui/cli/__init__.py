"""The command line: one module per command, each a thin shell over the core.

Every command module has `add_arguments(parser, _)`, which declares its
arguments, and `run(args, _)`, which does the work and returns the exit code.
They import the core inside `run`, so building the parser stays cheap and a
command loads only what it uses (`diff` never loads Textual or tomlkit).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from .. import __version__
from ..i18n import Translator, set_messages_language
from .parser import Parser, language

COMMANDS: tuple[str, ...] = (
    "open",
    "check",
    "show",
    "new",
    "invullen",
    "serve",
    "diff",
    "history",
    "compare",
    "export",
    "git-setup",
    "git-textconv",
    "git-merge",
)
"""The commands, in the order `--help` lists them; `open` is the default."""


def command_module(command: str) -> ModuleType:
    """The module that implements `command`."""
    return importlib.import_module(f".{command.replace('-', '_')}", __name__)


def make_parser(lang: str, command: str = "") -> Parser:
    """The parser for the whole command line, its texts in `lang`.

    Every command is listed, but only `command` gets its arguments:
    declaring them imports the command's module, and a command should load
    no other command's.
    """
    _ = Translator(lang)
    Parser.translator = _
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-h", "--help", action="help", help=_("cli.help"))
    common.add_argument("--lang", choices=("nl", "en"), default=lang, help=_("cli.lang"))

    parser = Parser.titled(_, prog="schuiftui", description=_("cli.description"), parents=[common])
    parser.add_argument(
        "--version", action="version", version=f"schuiftui {__version__}", help=_("cli.version")
    )
    commands = parser.add_subparsers(
        dest="command",
        title=_("cli.commands"),
        parser_class=Parser,
        metavar=_("cli.metavar.command"),
    )
    for name in COMMANDS:
        if name != command:  # listed in the help and in errors, nothing more
            commands.add_parser(name, help=_(f"cli.{name}"), add_help=False)
            continue
        sub = commands.add_parser(
            name,
            help=_(f"cli.{name}"),
            description=_(f"cli.{name}"),
            add_help=False,
            parents=[common],
        )
        sub.retitle(_)
        command_module(name).add_arguments(sub, _)
    return parser


def get_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line (`sys.argv[1:]` when `argv` is None)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    named = _first_word(argv)
    if named is None and not any(t in ("-h", "--help", "--version") for t in argv):
        named = "open"  # `schuiftui` opens the app on ./sessions
        argv.insert(0, named)
    elif named is not None and named not in COMMANDS and not _looks_like_a_command(named):
        named = "open"  # `schuiftui PATH` opens the app on PATH
        argv.insert(0, named)
    command = named if named in COMMANDS else ""
    return make_parser(language(argv), command).parse_args(argv)


def _first_word(argv: list[str]) -> str | None:
    """The first argument that is no option (nor the value of --lang)."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--lang":
            next(tokens, None)
        elif not token.startswith("-"):
            return token
    return None


def _looks_like_a_command(token: str) -> bool:
    """A word that is no path on disk and no command: a mistyped command, not a folder."""
    from pathlib import Path

    return token.isidentifier() and not Path(token).exists()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the process exit code."""
    args = get_args(argv)
    set_messages_language(args.lang)  # problems with files, said by the core
    try:
        return int(command_module(args.command).run(args, Translator(args.lang)))
    except OSError as problem:
        # The file system refused what no command foresaw (a name too long for
        # it, a folder that cannot be read): one line, never a traceback.
        from ..core.reasons import reason
        from ..core.render.text import shorten
        from ..sanitize import visible
        from .output import error
        from .parser import EXIT_PROBLEM

        where = shorten(str(problem.filename), 80) if problem.filename else "schuiftui"
        error(visible(f"{where}: {reason(problem, args.lang)}"))
        return EXIT_PROBLEM
