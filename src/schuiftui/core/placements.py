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

import copy
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..sanitize import CONTROL
from .paths import parse_session_file_name, previous_round, rounds, slugify
from .problems import Problem
from .session import Session, Slider, normalize_text
from .storage import SessionError, load

if TYPE_CHECKING:
    from ..i18n import Translator

ANONYMOUS = "persoon"
"""The file name of an anonymous placement: `persoon-<number>.toml`."""


def placements_folder(team_path: Path) -> Path:
    """The folder of the placements of the team session at `team_path`."""
    return team_path.with_suffix("")


def team_of(placement_path: Path) -> Path:
    """The team's session file that the placement at `placement_path` belongs to."""
    return placement_path.parent.with_suffix(".toml")


def reveal_marker(team_path: Path) -> Path:
    """The file whose presence says the facilitator revealed the placements of `team_path`
    (in the state folder: it is no part of the sessions)."""
    from .drafts import session_key, state_dir

    return state_dir() / "serve" / f"revealed-{session_key(team_path)}"


def revealed(team_path: Path) -> bool:
    """Whether the facilitator revealed the placements of the team session at `team_path`."""
    return reveal_marker(team_path).exists()


def set_revealed(team_path: Path, shown: bool) -> None:
    """Reveal (or hide again) the placements of `team_path` to the participants.

    Raises:
        OSError: The state folder cannot be written.
    """
    marker = reveal_marker(team_path)
    if shown:
        marker.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        marker.touch()
    else:
        marker.unlink(missing_ok=True)


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


NAME_LENGTH = 64
"""The longest name a placement is filed under."""


def clean_name(naam: str) -> str:
    """A person's name as it is filed: one line, spaces collapsed, at most `NAME_LENGTH`.

    Raises:
        ValueError: `naam` holds control characters or is too long.
    """
    if CONTROL.search(naam) or "\n" in naam or "\r" in naam:
        raise ValueError(str(Problem("name_one_line", name=repr(naam))))
    cleaned = " ".join(unicodedata.normalize("NFC", naam).split())
    if len(cleaned) > NAME_LENGTH:
        raise ValueError(
            str(Problem("name_too_long", name=repr(cleaned[:20] + "…"), n=NAME_LENGTH))
        )
    return cleaned


def same_person(one: str, other: str) -> bool:
    """Whether two names are one person's: equal but for case and spacing ("anna", "Anna")."""
    return _canonical(one) == _canonical(other)


def _canonical(naam: str) -> str:
    return " ".join(unicodedata.normalize("NFC", naam).casefold().split())


def _fingerprint(text: str) -> str:
    """Eight hex digits of `text`'s SHA-256, without loading OpenSSL (see `drafts`)."""
    from .drafts import sha256_digest

    return str(sha256_digest(text.encode("utf-8")).hexdigest()[:8])


def _file_stem(naam: str) -> str:
    """The file name a name gets, different for any two different people.

    A name of plain letters and digits is its own file name ("Anna de Vries":
    `anna-de-vries`). Any other gets a short fingerprint of the exact name
    after its folded form, so "Jose" and "José", or "Persoon 1" and the
    anonymous `persoon-1`, never share a file.
    """
    canonical = _canonical(naam)
    plain = re.fullmatch(r"[a-z0-9]+( [a-z0-9]+)*", canonical) is not None
    if plain and re.fullmatch(rf"{ANONYMOUS} \d+", canonical) is None:
        return canonical.replace(" ", "-")
    digest = _fingerprint(canonical)
    try:
        return f"{slugify(naam)[:40]}-{digest}"
    except ValueError:  # no letter that folds to ASCII ("李")
        return f"naam-{digest}"


def placement_for(team_path: Path, naam: str | None) -> Placement:
    """The placement file of `naam` for the team session at `team_path` (None: anonymous).

    A named person always gets the same file (so they can go on with it),
    and two different names never get the same file; an anonymous placement
    gets the next free number.

    Raises:
        ValueError: `naam` is no usable name (see `clean_name`).
    """
    folder = placements_folder(team_path)
    if naam is not None and naam.strip():
        naam = clean_name(naam)
        for path, filed_under in _filed_names(folder):
            if same_person(filed_under, naam):
                return Placement(path, filed_under)
        path = folder / f"{_file_stem(naam)}.toml"
        if os.path.lexists(path):  # someone else's, from before names had fingerprints
            digest = _fingerprint(_canonical(naam))
            path = folder / f"{_file_stem(naam)}-{digest}.toml"
        return Placement(path, naam)
    number = 1
    while os.path.lexists(folder / f"{ANONYMOUS}-{number}.toml"):
        number += 1
    return Placement(folder / f"{ANONYMOUS}-{number}.toml", str(number))


def _filed_names(folder: Path) -> list[tuple[Path, str]]:
    """Each placement in `folder` and the name it is filed under (unreadable ones left out)."""
    found = []
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        try:
            naam = load(path).ingevuld_door
        except SessionError:
            continue
        if naam is not None:
            found.append((path, naam))
    return found


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


def set_team_slider(
    team_path: Path, slider_id: str, *, stand: int | None = None, toelichting: str | None = None
) -> Slider | None:
    """Set the team's stand or toelichting of one slider in the team's file.

    The file is read as it is now (someone may have saved since) and only
    that slider changes in it; a panel open on it merges this on its save.

    Returns:
        The slider as it was, for undo; None when nothing changed.

    Raises:
        SessionError: The team's file cannot be read or written.
    """
    from .session import clamp_stand
    from .storage import save

    team = load(team_path)
    slider = team.sliders[slider_id]
    before = copy.deepcopy(slider)
    if stand is not None:
        slider.stand = clamp_stand(stand)
    if toelichting is not None:
        slider.toelichting = normalize_text(toelichting)
    if slider == before:
        return None
    save(team, team_path)
    return before


def team_proposal(median: float) -> int:
    """The stand a median proposes: itself, or between two stands the one nearer the middle."""
    return int(median)  # int() rounds toward zero: -1.5 gives -1, +0.5 gives 0


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
    """A mark per person: their initial, or two letters where one would be ambiguous.

    Anna A; Bert and Bas Be and Ba; Tom To, since `reserved` (T) is the
    team's own stand. A name that is a number (an anonymous placement)
    keeps its number.
    """
    from .marks import short_marks

    return short_marks(names, reserved={reserved}, numbers=True)


def start_placement(team_path: Path, naam: str | None) -> tuple[Session, Path]:
    """The placement of `naam` (None: a new anonymous one) for the team session at
    `team_path`: as read when that person has one already, else a new one that
    is not written until the person saves it (leaving without a change leaves
    no file behind).

    A person's new placement in a later round starts from their own
    placement in the round before, as the team's new round does.

    Raises:
        SessionError: The team's file or the placement cannot be read.
        ValueError: `naam` is no usable name.
    """
    team = load(team_path)
    placement = placement_for(team_path, naam)
    if placement.path.exists():
        return load(placement.path), placement.path
    session = new_placement(team, placement.naam)
    if naam is not None:
        before = _previous_placement(team_path, placement.naam)
        if before is not None:
            session.sliders = before.sliders
    return session, placement.path


def _previous_placement(team_path: Path, naam: str) -> Session | None:
    """`naam`'s own placement of the gemeente's round before `team_path`, if any."""
    path = previous_placement(team_path, naam)
    try:
        return load(path) if path is not None else None
    except SessionError:
        return None


def previous_placement(team_path: Path, naam: str) -> Path | None:
    """The file of `naam`'s own placement of the round before `team_path`, if any."""
    before = previous_round(team_path)
    if before is None:
        return None
    for path, filed_under in _filed_names(placements_folder(before)):
        if same_person(filed_under, naam):
            return path
    return None
