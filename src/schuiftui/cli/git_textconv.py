"""`schuiftui git-textconv FILE`: a session as the text `git diff` compares.

`git-setup` makes git call this for session files, so that `git diff` and
`git log -p` show "-Communicatie: -2" / "+Communicatie: +1". A file that is
no valid session (a merge conflict, say) is passed through as it is, so a
diff never fails because of it.
"""

from __future__ import annotations

import argparse

from ..i18n import Translator
from .output import write
from .parser import EXIT_OK, EXIT_PROBLEM, Parser
from .parser import path as path_argument


def add_arguments(parser: Parser, _: Translator) -> None:
    parser.add_argument(
        "file", type=path_argument, metavar=_("cli.metavar.file"), help=_("cli.show.file")
    )


def run(args: argparse.Namespace, _: Translator) -> int:
    from ..core.render.text import git_text
    from ..core.storage import SessionError, load, read_bytes

    try:
        session = load(args.file)
    except SessionError:
        try:
            # Read as a session is: a FIFO or /dev/zero is never read.
            raw = read_bytes(args.file)
        except SessionError:
            return EXIT_PROBLEM
        # As it is (git shows it in a diff), but without raw control characters.
        write(raw.decode("utf-8", "replace"))
        return EXIT_OK
    write(git_text(session, _.lang))
    return EXIT_OK
