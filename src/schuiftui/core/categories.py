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
    """One fader of the mengpaneel; its texts are in the catalogs, under `category.<id>.*`.

    Attributes:
        id: The key under `[schuiven]` in a session file. Never translated.
    """

    id: str

    def _phrase(self, part: str) -> Phrase:
        return Phrase(f"category.{self.id}.{part}")

    @property
    def name(self) -> Phrase:
        """The category's name."""
        return self._phrase("name")

    @property
    def short(self) -> Phrase:
        """The name in at most two lines of at most ten characters, above a slider."""
        return self._phrase("short")

    @property
    def word(self) -> Phrase:
        """The name in one word of at most nine characters (the first of `short`,
        mostly), over a column of stands: a newcomer reads it where three letters
        are a code."""
        return self._phrase("word")

    @property
    def top(self) -> Phrase:
        """A short label for the top pole (stand +5): at most two rows of ten characters."""
        return self._phrase("top")

    @property
    def bottom(self) -> Phrase:
        """The same for the bottom pole (stand -5)."""
        return self._phrase("bottom")

    @property
    def description(self) -> Phrase:
        """One paragraph on what the top and the bottom mean."""
        return self._phrase("description")


CATEGORIES: tuple[Category, ...] = (
    Category("positionering_intern"),
    Category("proces_met_bewoners"),
    Category("proces_binnen_gemeente"),
    Category("bestuur_en_politiek"),
    Category("communicatie"),
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
