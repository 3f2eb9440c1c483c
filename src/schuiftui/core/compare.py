"""Several sessions side by side: their spread per slider, letters and colours, what moved.

On the paper chart of a workshop every gemeente had its own colour; here
every compared session has a letter (readable without colour) and a colour.
"""

from __future__ import annotations

import datetime
import statistics
import string
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .categories import CATEGORY_IDS
from .paths import find_session_files, parse_session_file_name, rounds
from .session import Session
from .storage import SessionError, load

if TYPE_CHECKING:
    from .diff import SessionDiff

LETTERS = string.ascii_uppercase
"""The letters of compared sessions, in order; at most this many are compared."""

PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermilion
    "#8C6D31",  # brown
    "#7F3C8D",  # purple
    "#3B8B2E",  # green
    "#E7298A",  # pink
    "#555555",  # grey
    "#B8A000",  # ochre
)
"""One colour per compared session (Okabe-Ito first: told apart with colour blindness)."""


@dataclass(frozen=True)
class Spread:
    """Where N sessions stand on one slider."""

    id: str
    stands: tuple[int, ...]
    """The stand of each session, in the order the sessions were given."""

    @property
    def lowest(self) -> int:
        """The lowest stand."""
        return min(self.stands)

    @property
    def highest(self) -> int:
        """The highest stand."""
        return max(self.stands)

    @property
    def width(self) -> int:
        """How many steps lie between the lowest and the highest stand."""
        return self.highest - self.lowest

    @property
    def median(self) -> float:
        """The middle stand (between the two middle ones for an even number: may end in .5)."""
        return statistics.median(self.stands)

    def at(self, stand: int) -> list[int]:
        """The indexes of the sessions that sit at `stand`."""
        return [index for index, value in enumerate(self.stands) if value == stand]

    def levels(self) -> dict[int, list[int]]:
        """Per stand that is taken, top first, the indexes of the sessions there."""
        return {stand: self.at(stand) for stand in sorted(set(self.stands), reverse=True)}


def spread(sessions: Sequence[Session]) -> tuple[Spread, ...]:
    """How `sessions` (at least one) spread over each slider, in file order."""
    if not sessions:
        raise ValueError("spread needs at least one session")
    return tuple(
        Spread(slider_id, tuple(session.sliders[slider_id].stand for session in sessions))
        for slider_id in CATEGORY_IDS
    )


def people(items: Sequence[Compared]) -> list[Compared]:
    """The people's own placements among `items`."""
    return [item for item in items if item.session.ingevuld_door is not None]


def team_among(items: Sequence[Compared]) -> Compared | None:
    """The team's session among people's own placements; None when `items` are no placements."""
    if not people(items):
        return None
    return next((item for item in items if item.session.ingevuld_door is None), None)


@dataclass(frozen=True)
class Moved:
    """Rounds of one gemeente: where one slider stood in the round before, and stands now."""

    id: str
    before: int
    now: int
    since: datetime.date
    """The date of the round before."""

    @property
    def change(self) -> int:
        return self.now - self.before


def moves(items: Sequence[Compared]) -> tuple[Moved, ...] | None:
    """For rounds of one gemeente (two or more, no placements): what moved per slider between
    the round before the newest and the newest; None for any other comparison.

    Rounds show what moved, never a "spread": they are one team over time.
    """
    if len(items) < 2 or people(items):
        return None
    if len({item.session.gemeente for item in items}) != 1:
        return None
    ordered = sorted(items, key=_round_order)
    before, now = ordered[-2].session, ordered[-1].session
    return tuple(
        Moved(
            slider_id, before.sliders[slider_id].stand, now.sliders[slider_id].stand, before.datum
        )
        for slider_id in CATEGORY_IDS
    )


def discussed(items: Sequence[Compared]) -> tuple[list[Compared], tuple[Spread, ...]]:
    """The sessions the spread is over, and their spread per slider.

    Among people's own placements: the people only. The team's stand sits
    in the middle before the team decides; counted in, four people at -3 to
    -1 would read as "-3 to 0". Otherwise every session.
    """
    over = people(items) or list(items)
    return over, spread([item.session for item in over])


@dataclass(frozen=True)
class Compared:
    """One session in a comparison."""

    letter: str
    color: str
    """A colour as `#rrggbb`."""
    session: Session
    path: Path | None
    """Where it was read from; None for a session that is only in memory."""

    @property
    def label(self) -> str:
        """Which session, in a few words: "Altena 2020-02-12"."""
        return f"{self.session.gemeente} {self.session.datum.isoformat()}"


def compared(sessions: Sequence[tuple[Session, Path | None]]) -> list[Compared]:
    """Give each session its letter and colour, in the order given (at most 26).

    Among people's own placements, each person has their initial and the
    team's stand is T.
    """
    sessions = sessions[: len(LETTERS)]
    return [
        Compared(letter, PALETTE[index % len(PALETTE)], session, path)
        for index, ((session, path), letter) in enumerate(zip(sessions, _letters(sessions)))
    ]


def _letters(sessions: Sequence[tuple[Session, Path | None]]) -> list[str]:
    """People by their initials, the team T; gemeenten by a short name; else A, B, C."""
    names = [session.ingevuld_door for session, _ in sessions if session.ingevuld_door]
    if not names:
        gemeenten = [session.gemeente for session, _ in sessions]
        if len(gemeenten) > 1 and len(set(gemeenten)) == len(gemeenten):
            from .marks import short_marks

            return short_marks(gemeenten)
        return list(LETTERS[: len(sessions)])  # rounds of one gemeente: no name tells them apart
    from .placements import initials

    people = iter(initials(names, reserved="T"))
    letters = [next(people) if s.ingevuld_door else "" for s, _ in sessions]
    spare = iter(c for c in "T" + LETTERS if c not in letters)
    return [letter or next(spare) for letter in letters]


def session_files(targets: Sequence[Path]) -> list[Path]:
    """The session files that `targets` name, in order, each once.

    A file is itself; the folder of one gemeente means all its rounds, old to
    new; a sessions folder (of gemeente folders) means the latest round of
    every gemeente.
    """
    found: list[Path] = []
    for target in targets:
        if _is_placements_folder(target):
            # Each person's own placement (see `placements`): every file in
            # it, none while nobody has saved one yet.
            found += sorted(target.glob("*.toml"))
        elif not target.is_dir():
            found.append(target)
        elif any(True for _ in rounds(target)):
            found += [f.path for f in rounds(target)]
        else:
            latest: dict[str, Path] = {}
            for session_file in find_session_files(target):
                latest[session_file.slug] = session_file.path  # old to new: the last wins
            found += latest.values()
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path, None)
    return list(unique)


def _is_placements_folder(folder: Path) -> bool:
    """Whether `folder` holds the placements of the team session named like it."""
    if not folder.name or folder.suffix.lower() == ".toml":  # "." or "/", or a file
        return False
    team = folder.with_suffix(".toml")
    return parse_session_file_name(team) is not None and team.is_file()


def _is_placement(path: Path) -> bool:
    """Whether `path` is a person's own placement (it lies in a placements folder)."""
    return _is_placements_folder(path.parent)


def placement_targets(targets: Sequence[Path]) -> tuple[list[Path], Path | None]:
    """What to compare, and the team's session file when it is one session's placements.

    One team session means: the team's stand and every person's own
    placement, also those saved later (a screen follows the folder from
    before the first placement on); otherwise `targets` as they are.
    """
    if len(targets) == 1 and not targets[0].is_dir():
        folder = targets[0].with_suffix("")
        if _is_placements_folder(folder) and not _is_placement(targets[0]):
            return [targets[0], folder], targets[0]
    return list(targets), None


@dataclass(frozen=True)
class Comparison:
    """The sessions that some files and folders name, read and lettered."""

    items: list[Compared]
    problems: list[str]
    """One line per file that could not be read (left out of `items`)."""
    found: int
    """How many readable sessions there were: more than `items` holds when
    there were more than there are letters."""

    @property
    def cut(self) -> bool:
        """Whether sessions were left out for want of letters."""
        return self.found > len(self.items)


def read_comparison(
    targets: Sequence[Path], overrides: dict[Path, Session] | None = None
) -> Comparison:
    """Read the sessions that `targets` name (see `session_files`) and letter them.

    Args:
        targets: Session files and folders.
        overrides: Sessions open for editing, taken as they are instead of
            read from their file.
    """
    overrides = overrides or {}
    sessions: list[tuple[Session, Path | None]] = []
    problems: list[str] = []
    for path in session_files(targets):
        try:
            sessions.append((overrides[path] if path in overrides else load(path), path))
        except SessionError as error:
            problems.append(str(error))
    return Comparison(compared(sessions), problems, len(sessions))


def fingerprint(targets: Sequence[Path]) -> tuple[tuple[str, int, int, int], ...]:
    """What changes when a compared file is saved or a session appears in a compared folder.

    The path, modification time, size and inode of every session file the
    targets name (a save that replaces the file gives a new inode even where
    times are coarse); cheap enough to ask every second.
    """
    state = []
    for path in session_files(targets):
        try:
            info = path.stat()
        except OSError:
            state.append((str(path), -1, -1, -1))
            continue
        state.append((str(path), info.st_mtime_ns, info.st_size, info.st_ino))
    return tuple(state)


def round_changes(items: Sequence[Compared]) -> list[tuple[Compared, Compared, SessionDiff]]:
    """What moved between consecutive rounds of the same gemeente among `items`.

    People's own placements are left out: they are no rounds.
    """
    from .diff import diff  # only reports need it; the compare screen starts without

    by_gemeente: dict[str, list[Compared]] = {}
    for item in items:
        if item.session.ingevuld_door is not None:
            continue  # a person's own placement is no round of its own

        by_gemeente.setdefault(item.session.gemeente, []).append(item)
    changes = []
    for group in by_gemeente.values():
        group = sorted(group, key=_round_order)
        for older, newer in zip(group, group[1:]):
            changes.append((older, newer, diff(older.session, newer.session)))
    return changes


def _round_order(item: Compared) -> tuple[object, ...]:
    named = parse_session_file_name(item.path) if item.path else None
    return (item.session.datum, named.number if named else 0)
