"""`schuiftui git-setup`: make `git diff` name the category of every moved slider,
and `git merge` merge sessions as sessions.

Adds `*.toml diff=schuiftui merge=schuiftui` to the sessions folder's
`.gitattributes`, points the repository's `diff.schuiftui.textconv` at
`schuiftui git-textconv` and its `merge.schuiftui.driver` at `schuiftui
git-merge`. Running it again changes nothing.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

from ..i18n import Translator
from .output import error, write
from .parser import EXIT_OK, EXIT_PROBLEM, Parser
from .parser import path as path_argument

RULE = "*.toml diff=schuiftui merge=schuiftui"
"""The `.gitattributes` line for session files."""
OLD_RULES = ("*.toml diff=schuiftui",)
"""Lines an earlier `git-setup` wrote: replaced by `RULE`."""


def add_arguments(parser: Parser, _: Translator) -> None:
    from ..core.paths import DEFAULT_DIR

    parser.add_argument(
        "--dir",
        type=path_argument,
        default=DEFAULT_DIR,
        metavar=_("cli.metavar.folder"),
        help=_("cli.dir"),
    )


def this_program() -> list[str]:
    """The command that runs this schuiftui, for git to call later from any folder."""
    program = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    if program is not None and program.is_file():
        if program.suffix == ".pyz":
            return [sys.executable, str(program)]
        if program.name == "schuiftui" and os.access(program, os.X_OK):
            return [str(program)]
    return [sys.executable, "-m", "schuiftui"]


def run(args: argparse.Namespace, _: Translator) -> int:
    from ..core.git import GitError, config, toplevel

    folder: Path = args.dir
    if not folder.is_dir():
        error(_("cli.git_setup.no_dir", dir=folder))
        return EXIT_PROBLEM
    try:
        root = toplevel(folder)
        command = shlex.join([*this_program(), "git-textconv"])
        changed, before = config(root, "diff.schuiftui.textconv", command)
        merging = shlex.join([*this_program(), "git-merge"]) + " %O %A %B %P"
        merge_changed, _before = config(root, "merge.schuiftui.driver", merging)
        name_changed, _before = config(
            root, "merge.schuiftui.name", "schuiftui: sessies samenvoegen"
        )
        changed = changed or merge_changed or name_changed
    except GitError as problem:
        error(f"{folder}: {problem}")
        return EXIT_PROBLEM
    if changed and before is not None:
        # Someone set it otherwise (another copy of schuiftui, a script): say what went.
        write(_("cli.git_setup.replaced", before=before, command=command) + "\n")
    attributes = folder / ".gitattributes"
    if attributes.is_symlink():
        # git itself does not follow a symbolic .gitattributes; nor is it written through.
        error(_("cli.git_setup.symlink", path=attributes))
        return EXIT_PROBLEM
    try:
        existing = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
        lines = existing.splitlines()
        if RULE not in (line.strip() for line in lines):
            kept = [line for line in lines if line.strip() not in OLD_RULES]
            text = "".join(line + "\n" for line in kept) + RULE + "\n"
            attributes.write_text(text, encoding="utf-8")
            write(_("cli.git_setup.attributes", path=attributes) + "\n")
            changed = True
    except OSError as problem:
        from ..core.reasons import reason

        error(f"{attributes}: {reason(problem, _.lang)}")
        return EXIT_PROBLEM
    write(_("cli.git_setup.done" if changed else "cli.git_setup.unchanged", command=command) + "\n")
    return EXIT_OK
