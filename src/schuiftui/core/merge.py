"""A three-way merge of a session: what I changed, what changed on disk, against what I read.

When two people have the same file open, each save merges with what the
other saved: changes to different sliders, texts or agenda items are both
kept; where both changed the same thing, it is a conflict that the user
decides (mine or theirs). Data only; the panel asks the questions.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .categories import CATEGORY_IDS
from .session import AgendaItem, Session

AGENDA_FIELDS: tuple[str, ...] = (
    "tekst",
    "status",
    "termijn",
    "eigenaar",
    "uiterlijk",
    "categorie",
)
"""The fields of an agenda item that are merged one by one."""


@dataclass(frozen=True)
class Conflict:
    """One thing both sides changed, each in its own way."""

    field: str
    """Which: "schuiven.communicatie.stand", "casus.notities", "agenda.a2.tekst", "agenda.a2"."""
    mine: Any
    """My value (None: I deleted the agenda item)."""
    theirs: Any
    """The value on disk (None: it was deleted there)."""
    take_theirs: Callable[[Session], None] = field(compare=False, repr=False)
    """Puts their value into a session that holds mine."""


@dataclass(frozen=True)
class Merge:
    """The outcome of a three-way merge."""

    session: Session
    """Both sides' changes; where they conflict, mine."""
    conflicts: tuple[Conflict, ...]
    from_disk: tuple[str, ...]
    """The fields taken over from the version on disk, for telling the user."""

    def resolved(self, theirs: set[str]) -> Session:
        """The merged session with the disk's value for the conflicts named in `theirs`."""
        result = copy.deepcopy(self.session)
        for conflict in self.conflicts:
            if conflict.field in theirs:
                conflict.take_theirs(result)
        return result


def three_way_merge(base: Session, mine: Session, theirs: Session) -> Merge:
    """Merge my session and the one on disk, both descended from `base`.

    Args:
        base: The session as it was read (or last saved) by me.
        mine: The session as I have it now.
        theirs: The session as it is on disk now.
    """
    result = copy.deepcopy(mine)
    conflicts: list[Conflict] = []
    from_disk: list[str] = []

    def scalar(
        name: str, get: Callable[[Session], Any], put: Callable[[Session, Any], None]
    ) -> None:
        b, m, t = get(base), get(mine), get(theirs)
        if m == t or t == b:
            return  # the same, or only I changed it: mine stands
        if m == b:
            put(result, copy.deepcopy(t))
            from_disk.append(name)
            return
        value = copy.deepcopy(t)
        conflicts.append(Conflict(name, m, t, lambda s: put(s, copy.deepcopy(value))))

    scalar("sessie.gemeente", lambda s: s.gemeente, lambda s, v: setattr(s, "gemeente", v))
    scalar("sessie.datum", lambda s: s.datum, lambda s, v: setattr(s, "datum", v))
    scalar("sessie.titel", lambda s: s.titel, lambda s, v: setattr(s, "titel", v))
    scalar("sessie.deelnemers", lambda s: s.deelnemers, lambda s, v: setattr(s, "deelnemers", v))
    scalar(
        "sessie.ingevuld_door",
        lambda s: s.ingevuld_door,
        lambda s, v: setattr(s, "ingevuld_door", v),
    )
    scalar("organogram.notities", lambda s: s.organogram, lambda s, v: setattr(s, "organogram", v))
    scalar("samenhang.notities", lambda s: s.samenhang, lambda s, v: setattr(s, "samenhang", v))
    scalar("casus.titel", lambda s: s.casus.titel, lambda s, v: setattr(s.casus, "titel", v))
    scalar(
        "casus.notities", lambda s: s.casus.notities, lambda s, v: setattr(s.casus, "notities", v)
    )
    for slider_id in CATEGORY_IDS:
        for part in ("stand", "toelichting"):
            scalar(
                f"schuiven.{slider_id}.{part}",
                lambda s, i=slider_id, p=part: getattr(s.sliders[i], p),
                lambda s, v, i=slider_id, p=part: setattr(s.sliders[i], p, v),
            )
    result.agenda = _merge_agenda(base.agenda, mine.agenda, theirs.agenda, conflicts, from_disk)
    return Merge(result, tuple(conflicts), tuple(from_disk))


def _merge_agenda(
    base: list[AgendaItem],
    mine: list[AgendaItem],
    theirs: list[AgendaItem],
    conflicts: list[Conflict],
    from_disk: list[str],
) -> list[AgendaItem]:
    """Items matched by id; the order is mine, with items added on disk after their neighbour."""
    before = {item.id: item for item in base}
    on_disk = {item.id: item for item in theirs}
    result = [copy.deepcopy(item) for item in mine]
    used = {item.id for item in mine} | set(on_disk) | set(before)
    kept: list[AgendaItem] = []
    for item in result:
        b, t = before.get(item.id), on_disk.get(item.id)
        if b is None and t is not None and t != item:
            # Both added an item and gave it the same new id: keep both.
            item.id = _free_id(used)
            used.add(item.id)
            kept.append(item)
            continue
        if t is None and b is not None:
            if item == b:
                from_disk.append(f"agenda.{item.id}")
                continue  # deleted on disk, untouched by me
            conflicts.append(_deletion_conflict(item, None))
        elif t is not None and b is not None:
            _merge_item(b, item, t, conflicts, from_disk)
        kept.append(item)
    # Items that are only on disk: added there, or deleted by me.
    mine_ids = {item.id for item in result}  # after renaming clashing new ids
    for position, item in enumerate(theirs):
        if item.id in mine_ids:
            continue
        b = before.get(item.id)
        if b is not None:
            if item == b:
                continue  # I deleted it and nobody changed it
            conflicts.append(_deletion_conflict(None, item, position))
            continue
        index = _after_neighbour(kept, theirs, position)
        kept.insert(index, copy.deepcopy(item))
        from_disk.append(f"agenda.{item.id}")
    if _order(mine, before) == _order(base, before) != _order(theirs, before):
        # Only the disk moved items: their order stands.
        kept = _in_order_of(kept, theirs)
        from_disk.append("agenda")
    return kept


def _order(items: list[AgendaItem], among: dict[str, AgendaItem]) -> list[str]:
    """The ids of `items` that are in `among`, in their order."""
    return [item.id for item in items if item.id in among]


def _in_order_of(kept: list[AgendaItem], theirs: list[AgendaItem]) -> list[AgendaItem]:
    """`kept` with the items that are on disk in the disk's order; my new ones after
    the item they followed."""
    position = {item.id: index for index, item in enumerate(theirs)}
    ordered = sorted((item for item in kept if item.id in position), key=lambda i: position[i.id])
    for index, item in enumerate(kept):
        if item.id in position:
            continue
        before = next((kept[j].id for j in range(index - 1, -1, -1) if kept[j] in ordered), None)
        at = 0 if before is None else [i.id for i in ordered].index(before) + 1
        ordered.insert(at, item)
    return ordered


def _merge_item(
    base: AgendaItem,
    mine: AgendaItem,
    theirs: AgendaItem,
    conflicts: list[Conflict],
    from_disk: list[str],
) -> None:
    """Merge one agenda item field by field into `mine`."""
    for name in AGENDA_FIELDS:
        b, m, t = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        if m == t or t == b:
            continue
        label = f"agenda.{mine.id}.{name}"
        if m == b:
            setattr(mine, name, t)
            from_disk.append(label)
            continue
        item_id = mine.id

        def take(
            session: Session, item_id: str = item_id, name: str = name, value: Any = t
        ) -> None:
            for item in session.agenda:
                if item.id == item_id:
                    setattr(item, name, value)

        conflicts.append(Conflict(label, m, t, take))


def _deletion_conflict(
    mine: AgendaItem | None, theirs: AgendaItem | None, position: int = 0
) -> Conflict:
    """One side deleted an item that the other side changed."""
    item_id = (mine or theirs).id  # type: ignore[union-attr]

    def take(session: Session) -> None:
        if theirs is None:  # theirs deleted it
            session.agenda = [item for item in session.agenda if item.id != item_id]
        elif all(item.id != item_id for item in session.agenda):
            session.agenda.insert(min(position, len(session.agenda)), copy.deepcopy(theirs))

    return Conflict(f"agenda.{item_id}", mine, theirs, take)


def _after_neighbour(kept: list[AgendaItem], theirs: list[AgendaItem], position: int) -> int:
    """Where an item added on disk goes: after the item that precedes it there."""
    ids = [item.id for item in kept]
    for previous in reversed(theirs[:position]):
        if previous.id in ids:
            return ids.index(previous.id) + 1
    return 0 if position == 0 else len(kept)


def _free_id(used: set[str]) -> str:
    """An id after every one in `used`: never one that was deleted."""
    numbers = [int(key[1:]) for key in used if key[:1] == "a" and key[1:].isdigit()]
    number = max(numbers, default=0) + 1
    while f"a{number}" in used:
        number += 1
    return f"a{number}"
