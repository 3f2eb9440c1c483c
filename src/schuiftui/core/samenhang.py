"""Samenhang: where two categories pull apart, the question the exercise asks. Never a verdict.

Placing all five side by side shows how the categories hang together and
explains the thresholds a team runs into (DOMAIN.md, "Samenhang"). Each rule
below names a pair that can pull apart, and why that is worth a question;
when a session's stands pull apart that way, the app asks the question,
naming both sliders and their stands. An unbalanced profile is not a bad
one: it is a place to look. No score, no grade: only questions.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Translator
from .categories import BY_ID
from .session import Session, format_stand

HIGH = 2
"""A stand this high or higher is "high" (the top half, clearly chosen)."""
LOW = -2
"""A stand this low or lower is "low"."""


@dataclass(frozen=True)
class Rule:
    """Two categories that can pull apart: one high while the other is low."""

    id: str
    """Its catalog key under `samenhang.`: the question, in both languages."""
    high: str
    """The category that stands high."""
    low: str
    """The category that stands low."""
    why: str
    """The reasoning, for the reader of this code and of `docs/FORMAT.md`."""


RULES: tuple[Rule, ...] = (
    Rule(
        "intern_bewoners",
        "positionering_intern",
        "proces_met_bewoners",
        "Officers well placed inside the organisation, yet resident initiatives are looked "
        "at case by case: initiatives find no structural home (the seed's first example).",
    ),
    Rule(
        "bestuur_binnen",
        "bestuur_en_politiek",
        "proces_binnen_gemeente",
        "Much administrative attention, yet the domains inside the gemeente do not meet "
        "structurally: area solutions stall (the seed's second example).",
    ),
    Rule(
        "communicatie_binnen",
        "communicatie",
        "proces_binnen_gemeente",
        "Communication is organised per area while area agendas are carried out per "
        "sector: what the gemeente tells per area may not match how it works "
        "(DOMAIN.md, 'other pairs follow the same logic').",
    ),
)
"""The pairs the app asks about, each with its reasoning in this one place."""


@dataclass(frozen=True)
class Question:
    """One pair that pulls apart in a session, and the question it raises."""

    rule: Rule
    high_stand: int
    low_stand: int

    def text(self, lang: str = "nl") -> str:
        """The question, naming both sliders and their stands."""
        _ = Translator(lang)
        return _(
            f"samenhang.{self.rule.id}",
            high=f"{BY_ID[self.rule.high].name.get(lang)} {format_stand(self.high_stand)}",
            low=f"{BY_ID[self.rule.low].name.get(lang)} {format_stand(self.low_stand)}",
        )

    def concerns(self, slider_id: str) -> bool:
        """Whether the question is about the slider `slider_id`."""
        return slider_id in (self.rule.high, self.rule.low)


def questions(session: Session) -> list[Question]:
    """The questions `session` raises; none where nothing pulls apart."""
    found = []
    for rule in RULES:
        high = session.sliders[rule.high].stand
        low = session.sliders[rule.low].stand
        if high >= HIGH and low <= LOW:
            found.append(Question(rule, high, low))
    return found
