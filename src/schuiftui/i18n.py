"""The interface texts, one catalog per language.

Dutch is the default; English is an option (`--lang en` or
`SCHUIFTUI_LANG=en`). File keys never change with the language.
"""

from __future__ import annotations

import os

LANGUAGES: tuple[str, ...] = ("nl", "en")
"""The interface languages, default first."""

NL: dict[str, str] = {
    # schuiftui show
    "show.deelnemers": "Deelnemers",
    "show.schuiven": "Schuiven",
    "show.geen_keuze": "(midden: geen keuze)",
    "show.casus": "Casus",
    "show.agenda": "Lokale agenda",
    "termijn.kort": "korte termijn",
    "termijn.lang": "lange termijn",
    # command line
    "cli.description": "De schuifoefening wijkgericht werken, in de terminal.",
    "cli.usage": "gebruik: ",
    "cli.commands": "opdrachten",
    "cli.options": "opties",
    "cli.arguments": "argumenten",
    "cli.help": "toon deze hulp en stop",
    "cli.version": "toon het versienummer en stop",
    "cli.lang": "taal van de interface: nl (standaard) of en",
    "cli.dir": "map met sessies (standaard: ./sessions)",
    "cli.path": "een sessiebestand, of een map met sessies (standaard: ./sessions)",
    "cli.check": "controleer sessiebestanden of mappen",
    "cli.check.paths": "bestanden of mappen",
    "cli.check.none": "{path}: geen sessiebestanden gevonden",
    "cli.check.ok": "{count} bestand(en) in orde",
    "cli.show": "toon een sessie als platte tekst",
    "cli.show.file": "het sessiebestand",
    "cli.new": "maak een nieuwe sessie aan",
    "cli.new.gemeente": "naam van de gemeente",
    "cli.new.datum": "datum van de sessie, JJJJ-MM-DD (standaard: vandaag)",
    "cli.new.from_latest": "begin een nieuwe ronde vanaf de laatste sessie van deze gemeente",
    "cli.new.no_latest": "{gemeente}: nog geen sessie om op voort te bouwen in {dir}",
    "cli.bad_date": "ongeldige datum {value!r}, verwacht JJJJ-MM-DD",
    "cli.bad_gemeente": "ongeldige gemeentenaam: {problem}",
    "cli.error": "{prog}: fout: {message}",
}

EN: dict[str, str] = {
    "show.deelnemers": "Participants",
    "show.schuiven": "Sliders",
    "show.geen_keuze": "(middle: no choice)",
    "show.casus": "Case",
    "show.agenda": "Local agenda",
    "termijn.kort": "short term",
    "termijn.lang": "long term",
    "cli.description": "The slider exercise for neighbourhood-oriented working, in the terminal.",
    "cli.usage": "usage: ",
    "cli.commands": "commands",
    "cli.options": "options",
    "cli.arguments": "arguments",
    "cli.help": "show this help and exit",
    "cli.version": "show the version number and exit",
    "cli.lang": "interface language: nl (default) or en",
    "cli.dir": "folder with sessions (default: ./sessions)",
    "cli.path": "a session file, or a folder of sessions (default: ./sessions)",
    "cli.check": "check session files or folders",
    "cli.check.paths": "files or folders",
    "cli.check.none": "{path}: no session files found",
    "cli.check.ok": "{count} file(s) valid",
    "cli.show": "show a session as plain text",
    "cli.show.file": "the session file",
    "cli.new": "create a new session",
    "cli.new.gemeente": "name of the municipality",
    "cli.new.datum": "date of the session, YYYY-MM-DD (default: today)",
    "cli.new.from_latest": "start a new round from this municipality's latest session",
    "cli.new.no_latest": "{gemeente}: no earlier session to build on in {dir}",
    "cli.bad_date": "invalid date {value!r}, expected YYYY-MM-DD",
    "cli.bad_gemeente": "invalid municipality name: {problem}",
    "cli.error": "{prog}: error: {message}",
}

CATALOGS: dict[str, dict[str, str]] = {"nl": NL, "en": EN}


def language_from_environment(default: str = "nl") -> str:
    """Return the language `SCHUIFTUI_LANG` asks for, if it is one we have."""
    wanted = os.environ.get("SCHUIFTUI_LANG", "").strip().lower()[:2]
    return wanted if wanted in CATALOGS else default


class Translator:
    """Looks up interface texts in one language.

    `_ = Translator("en")` then `_("cli.check.ok", count=3)`.
    """

    def __init__(self, lang: str = "nl") -> None:
        self.lang = lang if lang in CATALOGS else "nl"
        self._catalog = CATALOGS[self.lang]

    def __call__(self, key: str, **values: object) -> str:
        text = self._catalog.get(key, NL.get(key, key))
        return text.format(**values) if values else text
