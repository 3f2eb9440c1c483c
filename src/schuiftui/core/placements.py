"""Each person's own placement: one file per person, in a folder next to the team's session.

With more than three people the useful first step is that everyone places
the sliders alone; the team then discusses the spread and agrees on one
team stand per slider. Each placement is its own file (see FORMAT.md), so
people on different SSH connections never write the same file:

    sessions/altena/2026-03-04.toml            the team's session
    sessions/altena/2026-03-04/anna.toml       Anna's own placement
    sessions/altena/2026-03-04/persoon-2.toml  an anonymous one
"""

from __future__ import annotations

import os
import string
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .paths import parse_session_file_name, rounds, slugify
from .problems import Problem
from .reasons import Reason
from .session import Session
from .storage import SessionError, load

if TYPE_CHECKING:
    from ..i18n import Translator

ANONYMOUS = "persoon"
"""The file name of an anonymous placement: `persoon-<number>.toml`."""


def placements_folder(team_path: Path) -> Path:
    """The folder of the placements of the team session at `team_path`."""
    return team_path.with_suffix("")


def team_session_file(target: Path) -> Path | None:
    """The team's session file that `target` names: the file itself, or a gemeente
    folder's latest round; None when there is none."""
    if target.is_dir():
        found = rounds(target)
        return found[-1].path if found else None
    return target if parse_session_file_name(target) is not None else None


@dataclass(frozen=True)
class Placement:
    """Where one person's placement is, and the name it is filed under."""

    path: Path
    naam: str
    """The person's name, or the number of an anonymous placement ("2")."""


def placement_for(team_path: Path, naam: str | None) -> Placement:
    """The placement file of `naam` for the team session at `team_path` (None: anonymous).

    A named person always gets the same file (so they can go on with it); an
    anonymous placement gets the next free number.

    Raises:
        ValueError: `naam` leaves no usable file name.
    """
    folder = placements_folder(team_path)
    if naam is not None and naam.strip():
        return Placement(folder / f"{slugify(naam)}.toml", naam.strip())
    number = 1
    while os.path.lexists(folder / f"{ANONYMOUS}-{number}.toml"):
        number += 1
    return Placement(folder / f"{ANONYMOUS}-{number}.toml", str(number))


def new_placement(team: Session, naam: str) -> Session:
    """An empty placement for one person: the team's gemeente and datum, every slider
    in the middle (a person places without the team's stand in view)."""
    return Session(gemeente=team.gemeente, datum=team.datum, ingevuld_door=naam)


@dataclass(frozen=True)
class Placements:
    """The placements of one team session as read from disk."""

    sessions: list[tuple[Session, Path]]
    """Each readable placement and its file, by file name."""
    problems: list[str]
    """One line per file that could not be read."""


def has_placements(team_path: Path) -> bool:
    """Whether anyone filed an own placement next to the team session at `team_path`."""
    return any(placements_folder(team_path).glob("*.toml"))


def step_team_stand(team_path: Path, slider_id: str, steps: int) -> bool:
    """Move the team's agreed stand on one slider by `steps`, in the team's file; whether it moved.

    The file is read as it is now (someone may have saved since) and only
    that stand changes in it; a panel open on it merges this on its save.

    Raises:
        SessionError: The team's file cannot be read or written.
    """
    from .session import clamp_stand
    from .storage import save

    team = load(team_path)
    slider = team.sliders[slider_id]
    stand = clamp_stand(slider.stand + steps)
    if stand == slider.stand:
        return False
    slider.stand = stand
    save(team, team_path)
    return True


def read_placements(team_path: Path) -> Placements:
    """The placements filed next to the team session at `team_path`."""
    folder = placements_folder(team_path)
    sessions: list[tuple[Session, Path]] = []
    problems: list[str] = []
    if not folder.is_dir():
        return Placements(sessions, problems)
    for path in sorted(folder.glob("*.toml")):
        try:
            sessions.append((load(path), path))
        except SessionError as error:
            problems.append(str(error))
    return Placements(sessions, problems)


def is_anonymous(naam: str) -> bool:
    """Whether a placement's `ingevuld_door` is a number: someone who gave no name."""
    return naam.isdigit()


def placed_by(naam: str, _: Translator) -> str:
    """Who made a placement, as shown: the name, or "persoon 2" for an anonymous one."""
    return _("placement.anonymous", number=naam) if is_anonymous(naam) else naam


def initials(names: list[str], reserved: str = "T") -> list[str]:
    """One letter per person, their initial where it is free: Anna A, Bert B, Bas S.

    A name that is a number (an anonymous placement) keeps its last digit.
    `reserved` is left for the team's own stand.
    """
    taken = set(reserved)
    letters = []
    for name in names:
        candidates = [c.upper() for c in name if c.isalnum()]
        if is_anonymous(name):
            candidates = [name[-1]]
        candidates += list(string.ascii_uppercase + string.digits)  # `taken` skips `reserved`
        letter = next(c for c in candidates if c not in taken)
        taken.add(letter)
        letters.append(letter)
    return letters


def start_placement(team_path: Path, naam: str | None) -> tuple[Session, Path]:
    """The placement of `naam` (None: a new anonymous one) for the team session at
    `team_path`: read when that person has one already, else written new.

    Raises:
        SessionError: The team's file or the placement cannot be read or written.
        ValueError: `naam` leaves no usable file name.
    """
    from .storage import save

    team = load(team_path)
    placement = placement_for(team_path, naam)
    if placement.path.exists():
        return load(placement.path), placement.path
    session = new_placement(team, placement.naam)
    try:
        placement.path.parent.mkdir(exist_ok=True)
    except OSError as error:
        raise SessionError(
            placement.path.parent, Problem("cannot_save", reason=Reason(error))
        ) from None
    save(session, placement.path)
    return session, placement.path
