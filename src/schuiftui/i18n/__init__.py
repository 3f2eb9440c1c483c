"""The interface texts: the translator here, one catalog per language beside it.

Dutch is the default (`nl.py`); English is an option (`en.py`, `--lang en`
or `SCHUIFTUI_LANG=en`). File keys never change with the language.
"""

from __future__ import annotations

import os

from .en import EN
from .nl import NL

LANGUAGES: tuple[str, ...] = ("nl", "en")
"""The interface languages, default first."""

_messages_language = "nl"


def set_messages_language(lang: str) -> None:
    """Say the core's messages (problems with files) in `lang` from now on, in this process."""
    global _messages_language
    _messages_language = lang if lang in LANGUAGES else "nl"


def messages_language() -> str:
    """The language of the core's messages: the one the command line or the app chose."""
    return _messages_language


CATALOGS: dict[str, dict[str, str]] = {"nl": NL, "en": EN}


def language_from_environment(default: str = "nl") -> str:
    """Return the language `SCHUIFTUI_LANG` asks for, if it is one we have."""
    wanted = os.environ.get("SCHUIFTUI_LANG", "").strip().lower()[:2]
    return wanted if wanted in CATALOGS else default


class Translator:
    """Looks up interface texts in one language.

    `_ = Translator("en")` then `_("cli.check.ok", count=3)`. A key with a
    form for one (`key.1`) uses it when the value `n` is 1: "1 bestand",
    "2 bestanden".
    """

    def __init__(self, lang: str = "nl") -> None:
        self.lang = lang if lang in CATALOGS else "nl"
        self._catalog = CATALOGS[self.lang]

    def __call__(self, key: str, **values: object) -> str:
        if values.get("n") == 1 and f"{key}.1" in NL:
            key = f"{key}.1"
        text = self._catalog.get(key, NL.get(key, key))
        if not values:
            return text
        # Values are file names, paths and text from files: never raw control
        # characters on the screen (see `schuiftui.sanitize`).
        from ..sanitize import visible

        return text.format(**{name: visible(str(value)) for name, value in values.items()})
