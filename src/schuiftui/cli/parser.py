"""The argument parser in the interface language, and what every command shares."""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from ..i18n import LANGUAGES, Translator, language_from_environment

EXIT_OK = 0
"""Done; for `diff`: the sessions are the same."""
EXIT_PROBLEM = 1
"""A file is invalid or could not be read; for `diff`: the sessions differ."""
EXIT_USAGE = 2
"""The command line is wrong (for `diff`: any error, as diff(1) does)."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are in the interface language."""

    translator: Translator = Translator("nl")

    @classmethod
    def titled(cls, _: Translator, **kwargs: object) -> Parser:
        """A parser without argparse's own -h, its section titles translated."""
        parser = cls(add_help=False, **kwargs)  # type: ignore[arg-type]
        parser.retitle(_)
        return parser

    def retitle(self, _: Translator) -> None:
        """Translate the section titles ("options", "positional arguments")."""
        self._optionals.title = _("cli.options")  # argparse has no public setter
        self._positionals.title = _("cli.arguments")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        _ = self.translator
        said = in_our_words(message, _)
        self.exit(EXIT_USAGE, _("cli.error", prog=self.prog, message=said) + "\n")

    def _print_message(self, message: str, file: TextIO | None = None) -> None:
        # argparse writes help and usage itself; through `write`, a stream that
        # cannot encode "één" (PYTHONIOENCODING=ascii) gets "?", not a traceback.
        from .output import write

        if message:
            write(message, file or sys.stderr)

    def format_usage(self) -> str:
        return super().format_usage().replace("usage: ", self.translator("cli.usage"), 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage: ", self.translator("cli.usage"), 1)


ARGPARSE_MESSAGES: tuple[tuple[str, str], ...] = (
    (
        r"argument (?P<arg>.+?): invalid choice: (?P<value>.+) \(choose from (?P<choices>.*)\)",
        "choice",
    ),
    (r"the following arguments are required: (?P<args>.*)", "required"),
    (r"unrecognized arguments: (?P<args>.*)", "unrecognized"),
    (r"argument (?P<arg>.+?): expected one argument", "one_value"),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)", "ambiguous"),
    (r"argument (?P<arg>.+?): invalid (?:int|float) value: (?P<value>.+)", "number"),
    (r"argument (?P<arg>.+?): (?P<message>.*)", "argument"),
)
"""argparse's English error messages, and the catalog key (`cli.argparse.*`) of ours."""


def in_our_words(message: str, _: Translator) -> str:
    """An argparse error message in the interface language (as it is, if unknown)."""
    import re

    for pattern, key in ARGPARSE_MESSAGES:
        found = re.fullmatch(pattern, message, flags=re.DOTALL)
        if found:
            values = found.groupdict()
            if "choices" in values:
                values["choices"] = values["choices"].replace("'", "")
                if values["arg"] == _("cli.metavar.command"):
                    key = "command"  # `schuiftui shwo`
            return _(f"cli.argparse.{key}", **values)
    return message


def language(argv: Sequence[str]) -> str:
    """The interface language, read before parsing so help is translated too."""
    for index, token in enumerate(argv):
        if token == "--lang" and index + 1 < len(argv):
            return argv[index + 1] if argv[index + 1] in LANGUAGES else "nl"
        if token.startswith("--lang="):
            value = token.split("=", 1)[1]
            return value if value in LANGUAGES else "nl"
    return language_from_environment()


def path(text: str) -> Path:
    """A path argument: any name but the empty one (which would mean the current folder)."""
    if not text:
        raise argparse.ArgumentTypeError(Parser.translator("cli.empty_path"))
    return Path(text)


def date(text: str) -> datetime.date:
    """An argparse type: a date, `2026-10-22` or the Dutch way (see `read_date`)."""
    from ..core.session import read_date

    try:
        return read_date(text)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None
