"""What changed between two sessions.

Data only: `render/` turns it into text, Markdown or JSON. Agenda items are
matched by their `id`, which stays the same from round to round. How N
sessions spread over each slider is in `compare`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .categories import CATEGORY_IDS
from .session import AgendaItem, Session


@dataclass(frozen=True)
class SliderChange:
    """One slider in both sessions (also when nothing changed)."""

    id: str
    van: int
    """The stand in the first (older) session."""
    naar: int
    """The stand in the second (newer) session."""
    toelichting_van: str
    toelichting_naar: str

    @property
    def verschil(self) -> int:
        """How far it moved: positive is up."""
        return self.naar - self.van

    @property
    def toelichting_gewijzigd(self) -> bool:
        """Whether the toelichting changed."""
        return self.toelichting_van != self.toelichting_naar

    @property
    def changed(self) -> bool:
        """Whether the stand or the toelichting changed."""
        return bool(self.verschil) or self.toelichting_gewijzigd


@dataclass(frozen=True)
class TextChange:
    """A text that differs: which one, and both versions."""

    field: str
    """"titel", "deelnemers", "datum" or "gemeente" (of the sessie);
    "organogram", "casus.titel" or "casus.notities"."""
    van: str
    naar: str


AGENDA_KINDS: tuple[str, ...] = ("toegevoegd", "verwijderd", "gedaan", "heropend", "gewijzigd")
"""The kinds of agenda change, in the order they are reported."""


@dataclass(frozen=True)
class AgendaChange:
    """One agenda item that differs, matched by id."""

    id: str
    van: AgendaItem | None
    """The item in the first session; None when it was added."""
    naar: AgendaItem | None
    """The item in the second session; None when it was removed."""

    @property
    def kinds(self) -> tuple[str, ...]:
        """What happened to it, from `AGENDA_KINDS` (an item can be done and reworded)."""
        if self.van is None:
            return ("toegevoegd",)
        if self.naar is None:
            return ("verwijderd",)
        kinds = []
        if self.naar.done and not self.van.done:
            kinds.append("gedaan")
        if self.van.done and not self.naar.done:
            kinds.append("heropend")
        if self.fields:
            kinds.append("gewijzigd")
        return tuple(kinds)

    @property
    def fields(self) -> tuple[str, ...]:
        """Which of tekst, termijn, eigenaar, uiterlijk and categorie differ (an item in both)."""
        if self.van is None or self.naar is None:
            return ()
        return tuple(
            name
            for name in ("tekst", "termijn", "eigenaar", "uiterlijk", "categorie")
            if getattr(self.van, name) != getattr(self.naar, name)
        )

    @property
    def item(self) -> AgendaItem:
        """The item as it is now (as it was, when it was removed)."""
        item = self.naar or self.van
        assert item is not None
        return item


@dataclass(frozen=True)
class SessionDiff:
    """Everything that differs between session `a` and session `b`."""

    a: Session
    b: Session
    sliders: tuple[SliderChange, ...]
    """All five sliders in file order, changed or not."""
    sessie: tuple[TextChange, ...]
    casus: tuple[TextChange, ...]
    agenda: tuple[AgendaChange, ...]
    """Items that differ: those of `b` in its order, then the removed ones."""

    @property
    def same(self) -> bool:
        """Whether the two sessions hold the same content."""
        return not (
            any(slider.changed for slider in self.sliders)
            or self.sessie
            or self.casus
            or self.agenda
            or self.agenda_reordered
        )

    @property
    def agenda_reordered(self) -> bool:
        """Whether items that are in both sessions stand in another order."""
        in_b = {item.id for item in self.b.agenda}
        in_a = {item.id for item in self.a.agenda}
        kept_a = [item.id for item in self.a.agenda if item.id in in_b]
        kept_b = [item.id for item in self.b.agenda if item.id in in_a]
        return kept_a != kept_b

    @property
    def moved(self) -> tuple[SliderChange, ...]:
        """The sliders whose stand changed."""
        return tuple(slider for slider in self.sliders if slider.verschil)

    @property
    def casus_gewijzigd(self) -> bool:
        """Whether the casus title or notes changed."""
        return bool(self.casus)

    def agenda_ids(self, kind: str) -> list[str]:
        """The ids of the agenda items with change `kind` (one of `AGENDA_KINDS`)."""
        return [change.id for change in self.agenda if kind in change.kinds]


def diff(a: Session, b: Session) -> SessionDiff:
    """Compare session `a` (usually the older) with session `b`."""
    sliders = tuple(
        SliderChange(
            slider_id,
            a.sliders[slider_id].stand,
            b.sliders[slider_id].stand,
            a.sliders[slider_id].toelichting,
            b.sliders[slider_id].toelichting,
        )
        for slider_id in CATEGORY_IDS
    )
    sessie = _texts(
        [
            ("gemeente", a.gemeente, b.gemeente),
            ("datum", a.datum.isoformat(), b.datum.isoformat()),
            ("titel", a.titel or "", b.titel or ""),
            ("deelnemers", ", ".join(a.deelnemers or []), ", ".join(b.deelnemers or [])),
        ]
    )
    casus = _texts(
        [
            ("organogram", a.organogram, b.organogram),
            ("samenhang", a.samenhang, b.samenhang),
            ("casus.titel", a.casus.titel, b.casus.titel),
            ("casus.notities", a.casus.notities, b.casus.notities),
        ]
    )
    return SessionDiff(a, b, sliders, sessie, casus, _agenda(a.agenda, b.agenda))


def _texts(pairs: list[tuple[str, str, str]]) -> tuple[TextChange, ...]:
    return tuple(TextChange(field, van, naar) for field, van, naar in pairs if van != naar)


def _agenda(old: list[AgendaItem], new: list[AgendaItem]) -> tuple[AgendaChange, ...]:
    before = {item.id: item for item in old}
    after = {item.id: item for item in new}
    changes = [AgendaChange(item.id, before.get(item.id), item) for item in new]
    changes += [AgendaChange(item.id, item, None) for item in old if item.id not in after]
    return tuple(change for change in changes if change.kinds)
