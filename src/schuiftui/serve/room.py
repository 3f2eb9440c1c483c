"""The workshop room: the code, who is in, who may try again; and what happens, as events.

No SSH and no Textual here: the server asks the room (may this address try
a code, may this name join) and tells it what happened; the facilitator's
screen and the log line of a headless `serve` listen to it.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..core.placements import clean_name, placement_for, same_person
from ..i18n import Translator

MAX_TRIES = 5
"""Wrong codes from one address within `TRIES_WINDOW` seconds before it must wait."""
TRIES_WINDOW = 60.0
IDLE_MINUTES = 60.0
"""A connection nobody typed in for this long is closed (`serve --idle`)."""


def new_code() -> str:
    """A random workshop code of six digits."""
    return f"{secrets.randbelow(1_000_000):06d}"


def join_lines(
    room: Room, addresses: list[str], port: int, fingerprint: str, _: Translator
) -> list[str]:
    """How to join, in lines a facilitator can read out or put on the beamer."""
    where = addresses[0] if addresses else "HOST"
    port_option = "" if port == 22 else f"-p {port} "
    lines = [
        _("serve.join", command=f"ssh {port_option}{_('serve.your_name')}@{where}"),
        _("serve.code", code=room.code),
    ]
    if len(addresses) > 1:
        lines.append(_("serve.also", addresses=", ".join(addresses[1:])))
    lines.append(_("serve.fingerprint", fingerprint=fingerprint))
    return lines


@dataclass
class Participant:
    """Someone connected, and where their placement is."""

    naam: str
    address: str
    since: float
    placement: Path
    leaving: bool = False
    """The connection is gone; the app is still closing (writing the draft of unsaved steps)."""


@dataclass(frozen=True)
class Event:
    """Something that happened in the room, for the screen and the log."""

    kind: str
    """"joined", "left", "refused", "wrong_code", "blocked", "saved"."""
    naam: str = ""
    address: str = ""
    detail: str = ""
    at: float = field(default_factory=time.time)


@dataclass
class Room:
    """One workshop: the team session whose placements people make, and its rules."""

    team: Path
    code: str
    capacity: int = 40
    idle_minutes: float = IDLE_MINUTES
    participants: dict[str, Participant] = field(default_factory=dict)
    """Who is connected, by name."""
    listeners: list[Callable[[Event], None]] = field(default_factory=list)
    _failures: dict[str, list[float]] = field(default_factory=dict)
    _clock: Callable[[], float] = time.monotonic

    def tell(self, event: Event) -> None:
        for listener in self.listeners:
            listener(event)

    # The code

    def blocked(self, address: str) -> bool:
        """Whether `address` typed too many wrong codes lately and must wait."""
        now = self._clock()
        recent = [t for t in self._failures.get(address, []) if now - t < TRIES_WINDOW]
        self._failures[address] = recent
        return len(recent) >= MAX_TRIES

    def check_code(self, address: str, typed: str) -> bool:
        """Whether `typed` is the code; a wrong one counts against `address`."""
        if self.blocked(address):
            self.tell(Event("blocked", address=address))
            return False
        if hmac.compare_digest(typed.strip().encode("utf-8"), self.code.encode("utf-8")):
            return True
        self._failures.setdefault(address, []).append(self._clock())
        self.tell(Event("wrong_code", address=address))
        return False

    # Who is in

    def join(self, naam: str, address: str) -> Participant:
        """Let `naam` in.

        Raises:
            Refused: The name is no usable name, is connected already, or the room is full.
        """
        try:
            naam = clean_name(naam)
            path = placement_for(self.team, naam).path
        except ValueError as problem:
            raise self._refused("bad_name", naam, address, problem=str(problem)) from None
        if not naam:
            raise self._refused("bad_name", naam, address, problem="")
        if any(same_person(naam, other) for other in self.participants):
            raise self._refused("name_taken", naam, address)
        if len(self.participants) >= self.capacity:
            raise self._refused("full", naam, address, n=self.capacity)
        participant = Participant(naam, address, time.time(), path)
        self.participants[naam] = participant
        self.tell(Event("joined", naam, address))
        return participant

    def _refused(self, why: str, naam: str, address: str, **values: object) -> Refused:
        self.tell(Event("refused", naam, address, detail=why))
        return Refused(why, naam, values)

    def closing(self, naam: str) -> bool:
        """Whether `naam`'s previous app is still closing after its connection dropped."""
        return any(
            other.leaving and same_person(other.naam, naam) for other in self.participants.values()
        )

    def leave(self, participant: Participant) -> None:
        if self.participants.get(participant.naam) is participant:
            del self.participants[participant.naam]
            self.tell(Event("left", participant.naam, participant.address))


class Refused(Exception):
    """Someone may not join: `why` is a catalog key under `serve.refused.`."""

    def __init__(self, why: str, naam: str, values: dict[str, object]) -> None:
        super().__init__(why)
        self.why = why
        self.naam = naam
        self.values = values


class SaveWatcher:
    """Which placements were saved since it last looked (asked about once a second)."""

    def __init__(self, team: Path, since_start: bool = True) -> None:
        """`since_start`: only saves from now on; False: the first look finds every placement."""
        from ..core.placements import placements_folder

        self.folder = placements_folder(team)
        self.seen = self._state() if since_start else {}

    def _state(self) -> dict[Path, tuple[int, int]]:
        state = {}
        for path in self.folder.glob("*.toml") if self.folder.is_dir() else []:
            try:
                info = path.stat()
            except OSError:
                continue
            state[path] = (info.st_mtime_ns, info.st_ino)
        return state

    def saved(self) -> list[tuple[Path, str]]:
        """Each placement saved since the last call, and whose it is."""
        from ..core.storage import SessionError, load

        state = self._state()
        changed = [path for path, mark in state.items() if self.seen.get(path) != mark]
        self.seen = state
        found = []
        for path in sorted(changed):
            try:
                found.append((path, load(path).ingevuld_door or ""))
            except SessionError:
                continue
        return found
