"""A session file with git's conflict markers: a merge that someone has to finish.

When both sides of a `git merge` changed the same value, git leaves both in
the file between `<<<<<<<`, `=======` and `>>>>>>>` lines (with `|||||||`
and the base between them in diff3 style). Such a file is no TOML. Instead
of a parse error, `check`, the start screen and the app say which values
are in conflict and on which lines, and the app can take each side's
version apart (`ours`, `theirs`) to let the user choose per value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TABLE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"]+)\s*=")


@dataclass(frozen=True)
class Hunk:
    """One place where both sides differ."""

    first: int
    last: int
    """The lines of its markers, 1-based, `<<<<<<<` to `>>>>>>>`."""
    keys: tuple[str, ...]
    """The keys inside, with their table ("schuiven.communicatie.stand")."""


@dataclass(frozen=True)
class GitConflict:
    """Both sides of a conflicted file."""

    ours: str
    """The file with our side of every hunk."""
    theirs: str
    """The file with their side of every hunk."""
    hunks: tuple[Hunk, ...]

    def where(self) -> str:
        """The hunks in a few words: "36-40 (schuiven.communicatie.stand)"."""
        parts = []
        for hunk in self.hunks:
            keys = f" ({', '.join(hunk.keys)})" if hunk.keys else ""
            parts.append(f"{hunk.first}-{hunk.last}{keys}")
        return "; ".join(parts)


def split_conflict(text: str) -> GitConflict | None:
    """Our side and their side of `text`; None when it holds no complete conflict markers."""
    ours: list[str] = []
    theirs: list[str] = []
    hunks: list[Hunk] = []
    table = ""
    state = "both"
    first = 0
    keys: list[str] = []
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        if state == "both" and line.startswith("<<<<<<<"):
            state, first, keys = "ours", number, []
            continue
        if state == "ours" and line.startswith("|||||||"):
            state = "base"
            continue
        if state in ("ours", "base") and line.startswith("======="):
            state = "theirs"
            continue
        if state == "theirs" and line.startswith(">>>>>>>"):
            hunks.append(Hunk(first, number, tuple(dict.fromkeys(keys))))
            state = "both"
            continue
        found = _TABLE.match(line)
        if found:
            table = found.group(1).replace(" ", "")
        if state in ("ours", "theirs"):
            key = _KEY.match(line)
            if key:
                keys.append(f"{table}.{key.group(1).strip(chr(34))}" if table else key.group(1))
            elif found:
                keys.append(table)
        if state in ("both", "ours"):
            ours.append(line)
        if state in ("both", "theirs"):
            theirs.append(line)
    if state != "both" or not hunks:
        return None
    return GitConflict("".join(ours), "".join(theirs), tuple(hunks))
