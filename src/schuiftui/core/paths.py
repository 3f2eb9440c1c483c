"""Where session files live: slugs, file names and the sessions folder."""

from __future__ import annotations

import datetime
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..sanitize import CONTROL
from .problems import Problem

DEFAULT_DIR = Path("sessions")
"""The sessions folder, relative to the current directory."""

_FILE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:-(\d+))?\.toml$")
# Letters that do not decompose into ASCII plus a combining mark.
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i"})


def slugify(gemeente: str) -> str:
    """Return the folder name for a gemeente.

    Lower-case ASCII letters, digits and single hyphens; diacritics are folded
    ("Súdwest-Fryslân" -> "sudwest-fryslan"). Because dots and slashes never
    survive, a slug can never point outside the sessions folder.

    Raises:
        ValueError: When nothing usable is left of the name, or it is more
            than one line.
    """
    if any(char in gemeente for char in "\n\r") or CONTROL.search(gemeente):
        raise ValueError(str(Problem("name_one_line", name=repr(gemeente))))
    folded = unicodedata.normalize("NFKD", gemeente.lower().translate(_SPECIAL))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    if not slug:
        raise ValueError(str(Problem("name_unusable", name=repr(gemeente))))
    return slug


def session_file_name(datum: datetime.date, number: int = 1) -> str:
    """Return the file name of the `number`-th session on `datum`."""
    suffix = "" if number == 1 else f"-{number}"
    return f"{datum.isoformat()}{suffix}.toml"


def new_session_path(
    sessions_dir: Path, gemeente: str, datum: datetime.date, folder: Path | None = None
) -> Path:
    """Return a free path for a new session of `gemeente` on `datum`.

    The first session of a day is `<datum>.toml`, the next ones
    `<datum>-2.toml`, `<datum>-3.toml` and so on. The folder is the
    gemeente's slug in `sessions_dir`, or `folder` for a round that
    continues a gemeente whose folder has another name.
    """
    folder = folder if folder is not None else sessions_dir / slugify(gemeente)
    number = 1
    # lexists: a symbolic link, also one that points nowhere, is a name taken.
    while os.path.lexists(folder / session_file_name(datum, number)):
        number += 1
    return folder / session_file_name(datum, number)


def sessions_on(folder: Path, datum: datetime.date) -> int:
    """How many session files `folder` has for `datum` (a new one would be number this + 1)."""
    try:
        return sum(1 for found in rounds(folder) if found.datum == datum)
    except OSError:  # a name longer than the file system allows: nothing there
        return 0


def free_sibling(path: Path) -> Path:
    """A name next to `path` that is not taken: the next session number of its day.

    `2020-02-12.toml` gives `2020-02-12-2.toml` (or `-3`, ...); a file with
    another kind of name gets `-2`, `-3` after its stem.
    """
    named = parse_session_file_name(path)
    number = 2
    while True:
        if named is not None:
            candidate = path.with_name(session_file_name(named.datum, named.number + number - 1))
        else:
            candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


@dataclass(frozen=True)
class SessionFile:
    """A session file found in the sessions folder, known by its name only."""

    path: Path
    slug: str
    datum: datetime.date
    number: int

    @property
    def sort_key(self) -> tuple[datetime.date, int]:
        """Orders the sessions of one gemeente from old to new."""
        return (self.datum, self.number)


def parse_session_file_name(path: Path) -> SessionFile | None:
    """Return what the name of `path` says, or None when it is no session name."""
    match = _FILE_NAME.match(path.name)
    if match is None:
        return None
    try:
        datum = datetime.date.fromisoformat(match.group(1))
    except ValueError:
        return None
    number = int(match.group(2) or 1)
    return SessionFile(path=path, slug=path.parent.name, datum=datum, number=number)


def find_session_files(sessions_dir: Path) -> list[SessionFile]:
    """Return the session files in `sessions_dir`, per gemeente old to new."""
    found = []
    for path in sorted(sessions_dir.glob("*/*.toml"), key=str):  # strings sort faster than paths
        session_file = parse_session_file_name(path)
        if session_file is not None:
            found.append(session_file)
    found.sort(key=lambda f: (f.slug, f.sort_key))
    return found


def rounds(folder: Path) -> list[SessionFile]:
    """The session files directly in one gemeente's folder, old to new."""
    found = [
        session_file
        for path in folder.glob("*.toml")
        if (session_file := parse_session_file_name(path)) is not None
    ]
    found.sort(key=lambda f: f.sort_key)
    return found


def previous_round(path: Path) -> Path | None:
    """The session file of the round before the one at `path`, or None.

    Rounds are the session files in the same folder, ordered by date and
    number; a file whose name is no session name has no previous round.
    """
    this = parse_session_file_name(path)
    if this is None:
        return None
    earlier = [f for f in rounds(path.parent) if f.sort_key < this.sort_key]
    return earlier[-1].path if earlier else None


def find_toml_files(paths: list[Path], unreadable: list[OSError] | None = None) -> list[Path]:
    """Expand folders in `paths` into the `.toml` files below them, sorted.

    Folders whose name starts with a dot (`.git`, `.prullenbak`) are skipped.
    A folder that cannot be read is not skipped silently: its error goes into
    `unreadable`, when given.
    """
    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found = []
        errors = unreadable if unreadable is not None else []
        for folder, folders, names in os.walk(path, onerror=errors.append):
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            found += [
                Path(folder) / name
                for name in names
                if Path(name).suffix.lower() == ".toml" and (Path(folder) / name).is_file()
            ]
        files.extend(sorted(found))
    return files


def latest_session_file(sessions_dir: Path, gemeente: str) -> Path | None:
    """Return the newest session file of `gemeente`, or None when it has none."""
    try:
        slug = slugify(gemeente)
    except ValueError:
        return None
    files = [f for f in find_session_files(sessions_dir) if f.slug == slug]
    return files[-1].path if files else None
