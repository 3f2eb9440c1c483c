"""The command line: `schuiftui`, `schuiftui check`, `show` and `new`."""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__
from .core import paths
from .i18n import LANGUAGES, Translator, language_from_environment

COMMANDS = ("open", "check", "show", "new")

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are in the interface language."""

    translator: Translator = Translator("nl")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        _ = self.translator
        self.exit(EXIT_USAGE, _("cli.error", prog=self.prog, message=message) + "\n")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage: ", self.translator("cli.usage"), 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage: ", self.translator("cli.usage"), 1)


def _language(argv: Sequence[str]) -> str:
    """The interface language, read before parsing so help is translated too."""
    for index, token in enumerate(argv):
        if token == "--lang" and index + 1 < len(argv):
            return argv[index + 1] if argv[index + 1] in LANGUAGES else "nl"
        if token.startswith("--lang="):
            value = token.split("=", 1)[1]
            return value if value in LANGUAGES else "nl"
    return language_from_environment()


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_Parser.translator("cli.bad_date", value=text)) from None


def _make_parser(lang: str) -> _Parser:
    _ = Translator(lang)
    _Parser.translator = _

    def parser_for(prog: str | None = None, **kwargs: object) -> _Parser:
        parser = _Parser(prog=prog, add_help=False, **kwargs)  # type: ignore[arg-type]
        parser._optionals.title = _("cli.options")  # argparse has no public setter
        parser._positionals.title = _("cli.arguments")
        return parser

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-h", "--help", action="help", help=_("cli.help"))
    common.add_argument("--lang", choices=LANGUAGES, default=lang, help=_("cli.lang"))

    parser = parser_for("schuiftui", description=_("cli.description"), parents=[common])
    parser.add_argument(
        "--version", action="version", version=f"schuiftui {__version__}", help=_("cli.version")
    )
    commands = parser.add_subparsers(dest="command", title=_("cli.commands"), parser_class=_Parser)

    open_ = commands.add_parser("open", help=_("cli.open"), add_help=False, parents=[common])
    open_.add_argument(
        "path", nargs="?", type=Path, default=None, metavar="PAD", help=_("cli.path")
    )

    check = commands.add_parser("check", help=_("cli.check"), add_help=False, parents=[common])
    check.add_argument("paths", nargs="+", type=Path, metavar="PAD", help=_("cli.check.paths"))

    show = commands.add_parser("show", help=_("cli.show"), add_help=False, parents=[common])
    show.add_argument("file", type=Path, metavar="BESTAND", help=_("cli.show.file"))

    new = commands.add_parser("new", help=_("cli.new"), add_help=False, parents=[common])
    new.add_argument("gemeente", metavar="GEMEENTE", help=_("cli.new.gemeente"))
    new.add_argument(
        "--datum", type=_date, default=None, metavar="JJJJ-MM-DD", help=_("cli.new.datum")
    )
    new.add_argument(
        "--dir", type=Path, default=paths.DEFAULT_DIR, metavar="MAP", help=_("cli.dir")
    )
    new.add_argument("--from-latest", action="store_true", help=_("cli.new.from_latest"))
    for sub in (open_, check, show, new):
        sub._optionals.title = _("cli.options")
        sub._positionals.title = _("cli.arguments")
    return parser


def get_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line (`sys.argv[1:]` when `argv` is None)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if _opens_the_app(argv):
        argv.insert(0, "open")
    return _make_parser(_language(argv)).parse_args(argv)


def _opens_the_app(argv: list[str]) -> bool:
    """Whether no command is named: `schuiftui` and `schuiftui PATH` open the app."""
    if any(token in ("-h", "--help", "--version") for token in argv):
        return False
    tokens = iter(argv)
    for token in tokens:
        if token == "--lang":
            next(tokens, None)
        elif not token.startswith("-"):
            return token not in COMMANDS
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the process exit code."""
    args = get_args(argv)
    _ = Translator(args.lang)
    if args.command == "open":
        return _open(args.path, args.lang, _)
    if args.command == "check":
        return _check(args.paths, _)
    if args.command == "show":
        return _show(args.file, args.lang)
    if args.command == "new":
        return _new(args, _)
    _make_parser(args.lang).print_help()
    return EXIT_OK


def _check(targets: list[Path], _: Translator) -> int:
    from .core.storage import SessionError, load

    problems = 0
    checked = 0
    for target in targets:
        files = paths.find_toml_files([target])
        if target.is_dir() and not files:
            print(_("cli.check.none", path=target))
            problems += 1
        for file in files:
            checked += 1
            try:
                load(file)
            except SessionError as error:
                print(error)
                problems += 1
    if problems:
        return EXIT_INVALID
    print(_("cli.check.ok", count=checked))
    return EXIT_OK


def _show(file: Path, lang: str) -> int:
    from .core.plain import render
    from .core.storage import SessionError, load

    try:
        session = load(file)
    except SessionError as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    encoding = (sys.stdout.encoding or "ascii").lower().replace("-", "")
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    text = render(session, lang, ascii_only=encoding != "utf8", color=color)
    sys.stdout.write(text)
    return EXIT_OK


def _new(args: argparse.Namespace, _: Translator) -> int:
    from .core.session import new_session, next_round
    from .core.storage import SessionError, load, save_new

    datum = args.datum or datetime.date.today()
    try:
        paths.slugify(args.gemeente)
    except ValueError as error:
        print(
            _("cli.error", prog="schuiftui new", message=_("cli.bad_gemeente", problem=error)),
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        if args.from_latest:
            latest = paths.latest_session_file(args.dir, args.gemeente)
            if latest is None:
                print(_("cli.new.no_latest", gemeente=args.gemeente, dir=args.dir), file=sys.stderr)
                return EXIT_INVALID
            session = next_round(load(latest), datum)
        else:
            session = new_session(args.gemeente.strip(), datum)
        path = save_new(session, args.dir)
    except SessionError as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    print(path)
    if _on_terminal(stdout=True):
        return _open(path, args.lang, _)
    return EXIT_OK


def _on_terminal(stdout: bool = False) -> bool:
    """Whether a person is at a terminal. Textual draws on stderr and reads stdin."""
    streams = [sys.stdin, sys.stderr] + ([sys.stdout] if stdout else [])
    return all(stream is not None and stream.isatty() for stream in streams)


def _open(target: Path | None, lang: str, _: Translator) -> int:
    if not _on_terminal():
        print(_("cli.no_terminal"), file=sys.stderr)
        return EXIT_USAGE
    # Loading Textual and the session creates many objects that live as long
    # as the app. Collecting garbage among them finds little and took 8 to
    # 15 ms before the first paint (timed with gc.callbacks), so pause the
    # collector while they load and then freeze them out of later collections.
    gc.disable()
    try:
        from .app import make_app
        from .core.storage import SessionError

        try:
            app = make_app(target, lang=lang)
        except SessionError as error:
            print(error, file=sys.stderr)
            return EXIT_INVALID
    finally:
        gc.freeze()
        gc.enable()
    app.run()
    return app.return_code or 0


def run() -> None:
    """The console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
