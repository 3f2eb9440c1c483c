"""`schuiftui git-merge BASE OURS THEIRS [PATH]`: git's merge driver for session files.

`git-setup` sets it up; git calls it, not a person. See `core.git_merge`.
"""

from __future__ import annotations

import argparse

from ..i18n import Translator
from .parser import Parser
from .parser import path as path_argument


def add_arguments(parser: Parser, _: Translator) -> None:
    for name in ("base", "ours", "theirs"):
        parser.add_argument(name, type=path_argument, metavar=name.upper())
    parser.add_argument("path", nargs="?", default=None, metavar="PATH")


def run(args: argparse.Namespace, _: Translator) -> int:
    from ..core.git_merge import merge_session_files

    return min(merge_session_files(args.base, args.ours, args.theirs), 127)
