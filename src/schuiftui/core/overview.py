"""What a sessions folder holds: every session loaded, or the reason it was not."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .paths import find_session_files
from .paths import previous_round as previous_round_path
from .problems import Problem
from .session import Session
from .storage import SessionError, load


@dataclass(frozen=True)
class Entry:
    """One session file: its session, or the one-line reason it cannot be read."""

    path: Path
    slug: str
    """The gemeente's folder name; entries of one gemeente share it."""
    session: Session | None
    problem: str | None

    @property
    def read(self) -> bool:
        """Whether the file was read (see `listing`): a session, or why there is none."""
        return self.session is not None or self.problem is not None


def overview(sessions_dir: Path) -> list[Entry]:
    """Load every session in `sessions_dir`, per gemeente, newest first.

    Reads with `tomllib` only (about a millisecond a file), so a folder of
    many rounds lists quickly.
    """
    return [read_entry(entry) for entry in listing(sessions_dir)]


def listing(sessions_dir: Path) -> list[Entry]:
    """Every session file in `sessions_dir`, per gemeente, newest first, not read yet.

    Only names are looked at: a facilitator's folder of years (1,000 files)
    lists at once, and `read_entry` reads the entries when they are needed.
    """
    entries = [
        Entry(folder, folder.name, None, f"{folder}: {Problem('folder_unreadable')}")
        for folder in _unreadable_folders(sessions_dir)
    ]
    entries += [
        Entry(found.path, found.slug, None, None)
        for found in reversed(find_session_files(sessions_dir))
    ]
    entries.sort(key=lambda entry: entry.slug)  # stable: newest stays first per gemeente
    return entries


def read_entry(entry: Entry) -> Entry:
    """`entry` with its session loaded, or the reason it cannot be; as it is when read."""
    if entry.read:
        return entry
    try:
        return Entry(entry.path, entry.slug, load(entry.path), None)
    except SessionError as error:
        return Entry(entry.path, entry.slug, None, str(error))


def _unreadable_folders(sessions_dir: Path) -> list[Path]:
    """The sessions folder or gemeente folders in it that cannot be listed.

    Listing skips them without a word; the start screen says so instead.
    """
    if sessions_dir.is_dir() and not os.access(sessions_dir, os.R_OK | os.X_OK):
        return [sessions_dir]
    try:
        folders = [entry for entry in sessions_dir.iterdir() if entry.is_dir()]
    except OSError:
        return []
    return sorted(f for f in folders if not os.access(f, os.R_OK | os.X_OK))


def round_before(entries: list[Entry], index: int) -> Session | None:
    """The newest readable session of the same gemeente older than `entries[index]`.

    `entries` as `overview` returns them: per gemeente, newest first.
    """
    slug = entries[index].slug
    for entry in entries[index + 1 :]:
        if entry.slug != slug:
            return None
        if entry.session is not None:
            return entry.session
    return None


def existing_gemeente(entries: list[Entry], name: str) -> Entry | None:
    """The newest readable session of the gemeente called `name`, however it is written.

    "zaanstad" finds "Zaanstad", and "Súdwest Fryslân" finds `sudwest-fryslan`.
    """
    from .paths import slugify

    try:
        slug = slugify(name)
    except ValueError:
        return None
    wanted = name.strip().casefold()
    for entry in entries:
        if entry.session is None:
            continue
        if entry.slug == slug or entry.session.gemeente.strip().casefold() == wanted:
            return entry
    return None


def latest(entries: list[Entry], slug: str) -> Entry | None:
    """The newest readable session of the gemeente with folder name `slug`.

    `entries` as `overview` returns them: per gemeente, newest first.
    """
    return next((e for e in entries if e.slug == slug and e.session is not None), None)


@dataclass(frozen=True)
class PreviousRound:
    """The round before a session, for showing what moved since."""

    path: Path
    session: Session


def previous_round(path: Path, session: Session | None = None) -> PreviousRound | None:
    """The readable round before the session at `path` in its gemeente's folder, or None.

    For a person's own placement (`session` says whose): their own placement
    in the round before.
    """
    if session is not None and session.ingevuld_door is not None:
        from .placements import previous_placement, team_of

        previous = previous_placement(team_of(path), session.ingevuld_door)
    else:
        previous = previous_round_path(path)
    if previous is None:
        return None
    try:
        return PreviousRound(previous, load(previous))
    except SessionError:
        return None
