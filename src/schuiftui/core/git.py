"""The `git` command: the versions of a file, and the repository's settings.

schuiftui never reads git's own files; it asks the `git` program, so what
it sees is what `git log` and `git diff` show.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..sanitize import visible
from .problems import Problem
from .reasons import Reason


class GitError(Exception):
    """git is missing, or the folder is no repository, or git refused; `str` says which."""


@dataclass(frozen=True)
class Version:
    """A file as one commit left it."""

    commit: str
    date: datetime.date
    """The commit date."""
    subject: str
    """The first line of the commit message."""
    text: str | None
    """The file's text, or None when it was not UTF-8."""


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    if shutil.which("git") is None:
        raise GitError("het programma git is niet gevonden")
    try:
        # git's own messages in English, so "not a git repository" is recognised
        # whatever language the user's git speaks; ours say it in Dutch.
        environment = {**os.environ, "LC_ALL": "C", "LANGUAGE": ""}
        result = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False, env=environment
        )
    except OSError as error:
        raise GitError(str(Problem("git_start", reason=Reason(error)))) from None
    if result.returncode != 0:
        message = visible(result.stderr.decode("utf-8", "replace")).strip().splitlines()
        detail = message[-1] if message else f"exit {result.returncode}"
        if "not a git repository" in detail:
            raise GitError(str(Problem("not_git")))
        raise GitError(f"git {args[0]}: {detail}")
    return result.stdout


def toplevel(folder: Path) -> Path:
    """The root of the git work tree that `folder` is in.

    Raises:
        GitError: `folder` is in no git work tree, or git is missing.
    """
    return Path(_git(["rev-parse", "--show-toplevel"], folder).decode("utf-8").strip())


_COMMIT = re.compile(r"[0-9a-f]{40,64}")
"""A commit's full hash (SHA-1 or SHA-256)."""


def versions(path: Path) -> list[Version]:
    """Every committed version of `path`, oldest first, following renames.

    One version per commit that changed the file on the current branch's
    first-parent line (a merge is one version: the state the branch had
    after it); commits that deleted it are left out. A symbolic link is
    followed to the session file it points to.

    Raises:
        GitError: git is missing, `path` is in no repository, or git failed.
    """
    if path.is_symlink():
        # git keeps a link as a link; the session's history is its target's.
        path = Path(os.path.realpath(path))
    folder = path.parent if path.parent != Path("") else Path(".")
    log = _git(
        [
            "-c",
            "core.quotePath=false",  # names with é as they are, not as \303\251
            "log",
            # The states the branch really had, a merge included: the commits
            # of a merged branch are no states of this one.
            "--first-parent",
            "--follow",
            "--diff-filter=d",
            # NUL between fields and after names: a subject may hold any other
            # character, and a name with a quote is not quoted with -z.
            "-z",
            "--format=%x00%H%x00%cs%x00%s",
            "--name-only",
            "--",
            path.name,
        ],
        folder,
    ).decode("utf-8", "replace")
    found = []
    parts = log.split("\x00")
    for at in range(len(parts) - 4):
        if parts[at] or not _COMMIT.fullmatch(parts[at + 1]):
            continue
        commit, date, subject, name = parts[at + 1 : at + 5]
        found.append(
            (commit, datetime.date.fromisoformat(date), visible(subject), name.strip("\n"))
        )
    found.reverse()
    if not found:
        return []
    request = "".join(f"{commit}:{name}\n" for commit, _, _, name in found).encode("utf-8")
    blobs = _read_blobs(_git(["cat-file", "--batch"], folder, stdin=request), len(found))
    return [
        Version(commit, date, subject, blob)
        for (commit, date, subject, _), blob in zip(found, blobs)
    ]


def _read_blobs(output: bytes, count: int) -> list[str | None]:
    """Split the output of `git cat-file --batch` into the texts it holds."""
    texts: list[str | None] = []
    position = 0
    for _ in range(count):
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) < 3:  # "<name> missing"
            texts.append(None)
            continue
        size = int(header[2])
        blob = output[position : position + size]
        position += size + 1
        try:
            texts.append(blob.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(None)
    return texts


def config(folder: Path, key: str, value: str) -> tuple[bool, str | None]:
    """Set `key` in the repository's own config.

    Returns:
        Whether it changed, and the value it had before (None: it had none).

    Raises:
        GitError: git failed.
    """
    try:
        current = _git(["config", "--local", "--get", key], folder).decode("utf-8").strip()
    except GitError:
        current = None
    if current == value:
        return False, current
    _git(["config", "--local", key, value], folder)
    return True, current


def merge_versions(path: Path) -> tuple[str, str, str] | None:
    """The base, our and their version of a file git left in conflict (its index
    stages 1, 2 and 3); None when one is no UTF-8 text.

    Raises:
        GitError: git is missing, `path` is in no repository, or in no unfinished merge.
    """
    folder = path.parent if path.parent != Path("") else Path(".")
    texts = []
    for stage in (1, 2, 3):
        blob = _git(["show", f":{stage}:./{path.name}"], folder)
        try:
            texts.append(blob.decode("utf-8"))
        except UnicodeDecodeError:
            return None
    return texts[0], texts[1], texts[2]
