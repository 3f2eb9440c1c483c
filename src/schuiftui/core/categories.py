"""The five categories of the schuifoefening, as data.

Everything that names a category or one of its poles reads it from here, so
the file format, the plain-text view and the interface cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Bilingual(NamedTuple):
    """A text in Dutch and English."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        """Return the text in `lang` ("nl" or "en"); Dutch for anything else."""
        return self.en if lang == "en" else self.nl


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
    name: Bilingual
    short: Bilingual
    abbr: Bilingual
    top: Bilingual
    bottom: Bilingual
    description: Bilingual


CATEGORIES: tuple[Category, ...] = (
    Category(
        id="positionering_intern",
        name=Bilingual("Positionering intern", "Internal positioning"),
        short=Bilingual("Positie\nintern", "Internal\nposition"),
        abbr=Bilingual("Pos", "Pos"),
        top=Bilingual("eigen budget", "own budget"),
        bottom=Bilingual("sectorteam", "sector team"),
        description=Bilingual(
            "Boven: wijkambtenaren hebben een brede, integrale opdracht en"
            " beschikken over een eigen budget en/of mandaat. Onder: zij maken"
            " deel uit van een sectoraal team en hebben geen eigen budget of"
            " mandaat; dat laat meer ruimte voor procesregie.",
            "Top: neighbourhood officers have a broad, integral assignment and"
            " their own budget and/or mandate. Bottom: they are part of a"
            " sector team without a budget or mandate of their own, which"
            " leaves more room for managing the process.",
        ),
    ),
    Category(
        id="proces_met_bewoners",
        name=Bilingual("Proces met bewoners", "Process with residents"),
        short=Bilingual("Met\nbewoners", "With\nresidents"),
        abbr=Bilingual("Bew", "Res"),
        top=Bilingual("struc-\ntureel", "structural"),
        bottom=Bilingual("per situatie", "case by case"),
        description=Bilingual(
            "Boven: bewonersinitiatieven en lokale democratie zijn structureel"
            " geregeld, met veel instrumenten en actieve aanmoediging. Onder:"
            " per situatie wordt bekeken wat nodig is; signalen van bewoners"
            " komen overal in de organisatie binnen.",
            "Top: resident initiatives and local democracy are arranged"
            " structurally, with many instruments and active encouragement."
            " Bottom: each situation is judged on its own; signals from"
            " residents arrive all over the organisation.",
        ),
    ),
    Category(
        id="proces_binnen_gemeente",
        name=Bilingual("Proces binnen gemeente", "Process within the municipality"),
        short=Bilingual("Binnen\ngemeente", "Within\nmunicip."),
        abbr=Bilingual("Bin", "Mun"),
        top=Bilingual("vaste processen", "clear processes"),
        bottom=Bilingual("per sector", "per sector"),
        description=Bilingual(
            "Boven: heldere, gestructureerde werkprocessen, bijvoorbeeld een"
            " gebiedscyclus; elk beleidsplan heeft een gebiedscomponent."
            " Onder: er is aandacht voor gebieden, maar nog geen soepele"
            " integrale processen; gebiedsagenda's worden per sector"
            " uitgevoerd.",
            "Top: clear, structured work processes, for example an area cycle;"
            " every policy plan has an area component. Bottom: areas get"
            " attention, but there are no smooth integral processes yet; area"
            " agendas are carried out per sector.",
        ),
    ),
    Category(
        id="bestuur_en_politiek",
        name=Bilingual("Bestuur en politiek", "Governance and politics"),
        short=Bilingual("Bestuur\npolitiek", "Govern-\nance"),
        abbr=Bilingual("Bes", "Gov"),
        top=Bilingual("hoog op agenda", "high on agenda"),
        bottom=Bilingual("weinig betrokken", "hardly involved"),
        description=Bilingual(
            "Boven: wijkgericht werken staat hoog op de bestuurlijke agenda,"
            " bijvoorbeeld met wijkwethouders, en is verankerd in de"
            " sturingsfilosofie. Onder: het bestuur is er weinig bij"
            " betrokken.",
            "Top: neighbourhood-oriented working is high on the administrative"
            " agenda, for example with area aldermen, and is part of the"
            " steering philosophy. Bottom: the administration is hardly"
            " involved.",
        ),
    ),
    Category(
        id="communicatie",
        name=Bilingual("Communicatie", "Communication"),
        short=Bilingual("Commu-\nnicatie", "Commu-\nnication"),
        abbr=Bilingual("Com", "Com"),
        top=Bilingual("per gebied", "per area"),
        bottom=Bilingual("hele gemeente", "whole mu-\nnicipality"),
        description=Bilingual(
            "Boven: communicatie is per gebied georganiseerd en de interne"
            " communicatie heeft oog voor gebieden. Onder: er wordt"
            " gemeentebreed gecommuniceerd, alleen per gebied als het nodig"
            " is.",
            "Top: communication is organised per area and internal"
            " communication pays attention to areas. Bottom: communication is"
            " municipality-wide, per area only when needed.",
        ),
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
