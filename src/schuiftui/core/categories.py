"""The five categories of the schuifoefening, as data.

Everything that names a category or one of its poles reads it from here, so
the file format, the plain-text view and the interface cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Phrase(NamedTuple):
    """A text of the interface, by its key in the catalogs (see `i18n`).

    The categories' names, poles and descriptions are in the catalogs, as
    every other text is: one place per language.
    """

    key: str

    def get(self, lang: str) -> str:
        """The text in `lang` ("nl" or "en"); Dutch for anything else."""
        from ..i18n import Translator

        return Translator(lang)(self.key)

    @property
    def nl(self) -> str:
        """The text in Dutch (the file format's own comments are Dutch)."""
        return self.get("nl")


@dataclass(frozen=True)
class Category:
    """One fader of the mengpaneel.

    Attributes:
        id: The key under `[schuiven]` in a session file. Never translated.
        name: The category's name.
        short: The name in at most two lines of at most ten characters,
            for the column above a slider.
        abbr: The name in three letters, for a column header of stands.
        top: A short label for the top pole (stand +5), at most two rows
            of at most ten characters (a space or newline splits them).
        bottom: The same for the bottom pole (stand -5).
        description: One paragraph on what the top and the bottom mean.
    """

    id: str
    name: Phrase
    short: Phrase
    abbr: Phrase
    top: Phrase
    bottom: Phrase
    description: Phrase


CATEGORIES: tuple[Category, ...] = (
    Category(
        id="positionering_intern",
        name=Phrase("category.positionering_intern.name"),
        short=Phrase("category.positionering_intern.short"),
        abbr=Phrase("category.positionering_intern.abbr"),
        top=Phrase("category.positionering_intern.top"),
        bottom=Phrase("category.positionering_intern.bottom"),
        description=Phrase("category.positionering_intern.description"),
    ),
    Category(
        id="proces_met_bewoners",
        name=Phrase("category.proces_met_bewoners.name"),
        short=Phrase("category.proces_met_bewoners.short"),
        abbr=Phrase("category.proces_met_bewoners.abbr"),
        top=Phrase("category.proces_met_bewoners.top"),
        bottom=Phrase("category.proces_met_bewoners.bottom"),
        description=Phrase("category.proces_met_bewoners.description"),
    ),
    Category(
        id="proces_binnen_gemeente",
        name=Phrase("category.proces_binnen_gemeente.name"),
        short=Phrase("category.proces_binnen_gemeente.short"),
        abbr=Phrase("category.proces_binnen_gemeente.abbr"),
        top=Phrase("category.proces_binnen_gemeente.top"),
        bottom=Phrase("category.proces_binnen_gemeente.bottom"),
        description=Phrase("category.proces_binnen_gemeente.description"),
    ),
    Category(
        id="bestuur_en_politiek",
        name=Phrase("category.bestuur_en_politiek.name"),
        short=Phrase("category.bestuur_en_politiek.short"),
        abbr=Phrase("category.bestuur_en_politiek.abbr"),
        top=Phrase("category.bestuur_en_politiek.top"),
        bottom=Phrase("category.bestuur_en_politiek.bottom"),
        description=Phrase("category.bestuur_en_politiek.description"),
    ),
    Category(
        id="communicatie",
        name=Phrase("category.communicatie.name"),
        short=Phrase("category.communicatie.short"),
        abbr=Phrase("category.communicatie.abbr"),
        top=Phrase("category.communicatie.top"),
        bottom=Phrase("category.communicatie.bottom"),
        description=Phrase("category.communicatie.description"),
    ),
)
"""The categories in the fixed order of the file format and the panel."""

CATEGORY_IDS: tuple[str, ...] = tuple(category.id for category in CATEGORIES)
"""The slider ids, in file order."""

BY_ID: dict[str, Category] = {category.id: category for category in CATEGORIES}
"""The categories by id."""


def one_line(label: str) -> str:
    """A label written over two rows ("struc-\\ntureel") as one line ("structureel")."""
    return label.replace("-\n", "").replace("\n", " ")


def two_rows(label: str, width: int) -> list[str]:
    """A short label over at most two rows of `width` characters.

    A label stays on one row only when it leaves a blank column, so that it
    never runs into the label next to it; otherwise it breaks where it was
    written over two rows, or at its first space.
    """
    if len(one_line(label)) < width:
        return [one_line(label)]
    if "\n" in label or " " not in label:
        return label.split("\n")
    first, _, rest = label.partition(" ")
    return [first, rest]
