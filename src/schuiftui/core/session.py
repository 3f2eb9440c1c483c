"""The session model: one round of the schuifoefening for one gemeente.

Plain dataclasses, no I/O: `storage` reads and writes them, the interface
shows and edits them.
"""

from __future__ import annotations

import copy
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Callable

from ..sanitize import without_controls
from .categories import CATEGORY_IDS

STAND_MIN = -5
"""The bottom of a slider."""
STAND_MAX = 5
"""The top of a slider."""
MIDDLE = 0
"""The middle of a slider: the gemeente has made no choice."""

STATUSES: tuple[str, ...] = ("open", "gedaan")
"""The values of an agenda item's `status`."""
TERMIJNEN: tuple[str, ...] = ("kort", "lang")
"""The values of an agenda item's optional `termijn`."""


def clamp_stand(stand: int) -> int:
    """Return `stand` limited to the range of a slider."""
    return max(STAND_MIN, min(STAND_MAX, stand))


def format_stand(stand: int) -> str:
    """Return a stand as people read it: "+3", "0" (the middle), "-2"."""
    return f"{stand:+d}" if stand else "0"


def format_change(steps: int) -> str:
    """A change of stand: "+2", "-1", or "0" when nothing moved."""
    return f"{steps:+d}" if steps else "0"


def format_median(value: float, lang: str = "nl") -> str:
    """A median stand: "+2", or "-1,5" between two stands (a decimal point in English)."""
    if value == int(value):
        return format_stand(int(value))
    text = f"{value:+.1f}"
    return text if lang == "en" else text.replace(".", ",")


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DUTCH_DATE = re.compile(r"(\d{1,2})-(\d{1,2})(?:-(\d{4}))?")


def typed_date(date: datetime.date) -> str:
    """A date the way it is typed in a field: 22-10-2026 (`read_date` reads it back)."""
    return f"{date.day:02d}-{date.month:02d}-{date.year:04d}"


def parse_date(text: str, today: datetime.date | None = None) -> datetime.date | None:
    """The date typed in `text` (see `read_date`), or None when it is none."""
    try:
        return read_date(text, today)
    except ValueError:
        return None


def read_date(text: str, today: datetime.date | None = None) -> datetime.date:
    """The date typed in `text`: `2026-10-22`, or the Dutch way `22-10-2026` and
    `22-10` (this year: the year of `today`, by default the real today).

    Python's `fromisoformat` also takes `20260101` and `2026-W01-1`; people
    type dates in these ways only.

    Raises:
        ValueError: No date in one of these forms, or one that does not exist
            (`31-02-2026`); its text says which, for the user.
    """
    from .problems import Problem

    text = text.strip()
    iso = _DATE.fullmatch(text)
    dutch = _DUTCH_DATE.fullmatch(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif dutch:
        day, month = int(dutch.group(1)), int(dutch.group(2))
        year = int(dutch.group(3)) if dutch.group(3) else (today or datetime.date.today()).year
    else:
        raise ValueError(str(Problem("bad_date", value=repr(text))))
    try:
        return datetime.date(year, month, day)
    except ValueError:  # 31-02-2026
        raise ValueError(str(Problem("no_such_date", value=repr(text)))) from None


def normalize_text(text: str) -> str:
    """Return `text` with every line break as a single `\\n`, and no control characters.

    A `\\r\\n` or lone `\\r` would be written raw into TOML and read back
    as something else, so text is normalised before it enters a session;
    other control characters (an escape typed or pasted) are left out.
    """
    return without_controls(text.replace("\r\n", "\n").replace("\r", "\n"))


@dataclass
class Slider:
    """The position of one fader and the reason for it."""

    stand: int = MIDDLE
    """-5 (bottom) .. 0 (middle: no choice) .. 5 (top)."""
    toelichting: str = ""
    """Why the team placed the fader here."""


@dataclass
class Casus:
    """The concrete problem the team brought."""

    titel: str = ""
    notities: str = ""


@dataclass
class AgendaItem:
    """One next step on the lokale agenda."""

    id: str
    """Stable across sessions: the same step keeps its id in every round."""
    tekst: str
    status: str = "open"
    """"open" or "gedaan"."""
    termijn: str | None = None
    """"kort", "lang" or not set."""
    eigenaar: str | None = None
    uiterlijk: datetime.date | None = None
    """The date by which it is due (huiswerk between meetings), if any."""
    categorie: str | None = None
    """The slider this action serves (one of the five category ids), if any."""

    @property
    def done(self) -> bool:
        """Whether the step is done."""
        return self.status == "gedaan"

    def overdue(self, today: datetime.date) -> bool:
        """Whether the step is open and its date has passed."""
        return not self.done and self.uiterlijk is not None and self.uiterlijk < today


def _middle_sliders() -> dict[str, Slider]:
    return {category_id: Slider() for category_id in CATEGORY_IDS}


@dataclass
class Session:
    """One session of the schuifoefening.

    `sliders` always holds all five categories, in file order.
    """

    gemeente: str
    datum: datetime.date
    titel: str | None = None
    deelnemers: list[str] | None = None
    ingevuld_door: str | None = None
    """Set in one person's own placement: their name, or a number when anonymous."""
    organogram: str = ""
    """Where wijkgericht werken sits in the gemeente's organogram, in free text."""
    samenhang: str = ""
    """The team's observations on how the categories hang together (see `samenhang`)."""
    casus: Casus = field(default_factory=Casus)
    sliders: dict[str, Slider] = field(default_factory=_middle_sliders)
    agenda: list[AgendaItem] = field(default_factory=list)

    def stands(self) -> dict[str, int]:
        """Return the stand of every slider, in file order."""
        return {category_id: slider.stand for category_id, slider in self.sliders.items()}

    def overdue(self, today: datetime.date) -> list[AgendaItem]:
        """The open agenda items whose date (`uiterlijk`) has passed."""
        return [item for item in self.agenda if item.overdue(today)]

    def next_agenda_id(self, taken: Iterable[str] = ()) -> str:
        """Return an agenda id after every one this session or `taken` uses.

        Ids are never reused (see FORMAT.md): a deleted action's id stays
        its own, so `taken` holds the ids of the version read and of earlier
        rounds, which a deleted action may still be in.
        """
        used = {item.id for item in self.agenda} | set(taken)
        numbers = [int(key[1:]) for key in used if key[:1] == "a" and key[1:].isdigit()]
        number = max(numbers, default=0) + 1
        while f"a{number}" in used:
            number += 1
        return f"a{number}"

    def texts(self) -> list[str]:
        """Every text the session holds, in no particular order."""
        found = [self.gemeente, self.titel or "", self.ingevuld_door or "", self.organogram]
        found.append(self.samenhang)
        found += [self.casus.titel, self.casus.notities]
        found += self.deelnemers or []
        found += [slider.toelichting for slider in self.sliders.values()]
        for item in self.agenda:
            found += [item.id, item.tekst, item.eigenaar or ""]
        return found

    def with_texts(self, change: Callable[[str], str]) -> Session:
        """A copy in which `change` was applied to every text (what `texts` lists)."""
        result = copy.deepcopy(self)
        result.gemeente = change(result.gemeente)
        if result.titel is not None:
            result.titel = change(result.titel)
        if result.deelnemers is not None:
            result.deelnemers = [change(name) for name in result.deelnemers]
        if result.ingevuld_door is not None:
            result.ingevuld_door = change(result.ingevuld_door)
        result.organogram = change(result.organogram)
        result.samenhang = change(result.samenhang)
        result.casus.titel = change(result.casus.titel)
        result.casus.notities = change(result.casus.notities)
        for slider in result.sliders.values():
            slider.toelichting = change(slider.toelichting)
        for item in result.agenda:
            item.id = change(item.id)
            item.tekst = change(item.tekst)
            if item.eigenaar is not None:
                item.eigenaar = change(item.eigenaar)
        return result

    def normalized(self) -> Session:
        """Return a copy whose texts all use `\\n` line breaks and hold no control characters."""
        return self.with_texts(normalize_text)


def edited_toelichting(session: Session, slider_id: str, text: str) -> Session:
    """A copy of `session` with the toelichting of one slider set to `text`."""
    result = copy.deepcopy(session)
    result.sliders[slider_id].toelichting = normalize_text(text)
    return result


def edited_agenda(
    session: Session,
    index: int | None,
    tekst: str,
    termijn: str | None,
    eigenaar: str | None,
    uiterlijk: datetime.date | None,
    taken: Iterable[str] = (),
    categorie: str | None = None,
) -> tuple[Session, int | None]:
    """A copy of `session` with agenda item `index` changed, or a new one (`index` None).

    An empty `tekst` changes nothing: a step needs words. A new item's id
    comes after the session's and `taken` (see `Session.next_agenda_id`).

    Returns:
        The session, and the index of the item that was changed or added.
    """
    tekst = normalize_text(tekst).strip()
    eigenaar = normalize_text(eigenaar).strip() or None if eigenaar else None
    if not tekst:
        return session, index
    result = copy.deepcopy(session)
    if index is None:
        result.agenda.append(
            AgendaItem(
                result.next_agenda_id(taken),
                tekst,
                termijn=termijn,
                eigenaar=eigenaar,
                uiterlijk=uiterlijk,
                categorie=categorie,
            )
        )
        return result, len(result.agenda) - 1
    item = result.agenda[index]
    item.tekst, item.termijn, item.eigenaar = tekst, termijn, eigenaar
    item.uiterlijk, item.categorie = uiterlijk, categorie
    return result, index


ROLES: tuple[str, ...] = ("wijkambtenaar", "fysiek domein", "sociaal domein")
"""The trio of the workshop, offered when deelnemers are typed."""


def parse_deelnemers(text: str) -> list[str] | None:
    """The deelnemers typed as "Anna (wijkambtenaar), sociaal domein": a list, or None if none."""
    names = [normalize_text(name).strip() for name in text.replace("\n", ",").split(",")]
    return [name for name in names if name] or None


def edited_details(
    session: Session, titel: str, deelnemers: list[str] | None, datum: datetime.date
) -> Session:
    """A copy of `session` with its titel (empty: none), deelnemers and datum set."""
    result = copy.deepcopy(session)
    result.titel = normalize_text(titel).strip() or None
    result.deelnemers = deelnemers
    result.datum = datum
    return result


def new_session(gemeente: str, datum: datetime.date) -> Session:
    """Return an empty session: all sliders in the middle, nothing written."""
    return Session(gemeente=gemeente, datum=datum)


def next_round(previous: Session, datum: datetime.date) -> Session:
    """Return a new round that continues from `previous`.

    Stands, toelichtingen, the organogram, casus and deelnemers are copied;
    of the agenda only the open items come along, with their ids, so they
    can be followed over rounds. The titel belongs to one meeting and starts
    empty, and so do the samenhang notes (this round's stands raise this
    round's questions).
    """
    return Session(
        gemeente=previous.gemeente,
        datum=datum,
        deelnemers=list(previous.deelnemers) if previous.deelnemers else None,
        organogram=previous.organogram,
        casus=copy.deepcopy(previous.casus),
        sliders=copy.deepcopy(previous.sliders),
        agenda=[copy.deepcopy(item) for item in previous.agenda if not item.done],
    )
