"""The interface catalogs: every text in both languages, every key text translated."""

from __future__ import annotations

import re
import string
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

import schuiftui
from schuiftui.app import SchuifApp
from schuiftui.i18n import CATALOGS, EN, NL
from schuiftui.screens import compare, help, panel, start
from schuiftui.screens.dialogs import agenda as agenda_dialog
from schuiftui.screens.dialogs import base, choices, conflict, session, text
from schuiftui.widgets import agenda, fader, overlay, slider


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_catalogs_have_the_same_texts() -> None:
    assert sorted(NL) == sorted(EN)


def test_translations_take_the_same_values() -> None:
    differ = [key for key in NL if placeholders(NL[key]) != placeholders(EN.get(key, ""))]
    assert differ == []


def _classes_with_bindings() -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = [SchuifApp]
    dialogs = (base, choices, conflict, session, text, agenda_dialog)
    for module in (*dialogs, compare, help, panel, start, agenda, fader, overlay, slider):
        found += [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, DOMNode)
            and value.__module__ == module.__name__
        ]
    return found


def test_every_key_description_is_in_both_catalogs() -> None:
    """Footer and help show binding descriptions through the catalogs."""
    descriptions = {
        binding.description
        for cls in _classes_with_bindings()
        for binding in cls.__dict__.get("BINDINGS", [])  # our own, not Textual's
        if isinstance(binding, Binding) and binding.description
    }
    assert descriptions, "no bindings found"
    for lang, catalog in CATALOGS.items():
        missing = sorted(d for d in descriptions if d not in catalog)
        assert missing == [], f"{lang}: {missing}"


# A key that is written in the code but missing from the catalog shows as the
# key itself ("save.invalid") on the screen: found here, not by a user.
KEY_USES = re.compile(
    r"""(?:\b_|translate|translator|Problem|_\.__call__)\(\s*["']([a-z_]+(?:\.[a-z0-9_]+)+)["']"""
)


def test_every_key_used_in_the_code_is_in_the_catalog() -> None:
    source = Path(schuiftui.__file__).parent
    used = {
        (path.relative_to(source).as_posix(), key)
        for path in source.rglob("*.py")
        for key in KEY_USES.findall(path.read_text(encoding="utf-8"))
    }
    assert len(used) > 200, "the pattern finds the keys"
    missing = sorted(
        (where, key) for where, key in used if key not in NL and f"problem.{key}" not in NL
    )
    assert missing == []


def test_the_categories_and_reasons_are_texts_of_the_catalogs() -> None:
    """One mechanism for texts in two languages: category names and reasons are catalog keys."""
    from schuiftui.core.categories import CATEGORIES
    from schuiftui.core.reasons import REASONS, WINDOWS_REASONS

    keys = [
        getattr(category, part).key
        for category in CATEGORIES
        for part in ("name", "short", "word", "top", "bottom", "description")
    ]
    keys += [*REASONS.values(), *WINDOWS_REASONS.values()]
    assert [key for key in keys if key not in NL or key not in EN] == []
    assert CATEGORIES[4].name.get("en") == "Communication"
    assert CATEGORIES[4].name.nl == "Communicatie"


def test_plurals_come_from_the_catalog_never_as_parentheses() -> None:
    """ "2 rondes", "1 ronde": a key with a form for one (`key.1`), never "ronde(s)"."""
    import re

    from schuiftui.i18n import Translator
    from schuiftui.i18n.en import EN
    from schuiftui.i18n.nl import NL

    for catalog in (NL, EN):
        for key, message in catalog.items():
            assert not re.search(r"\w\((s|en|n)\)", message), f"{key}: {message}"
    _ = Translator("nl")
    assert _("history.heading", gemeente="Altena", n=1) == "Altena: 1 ronde"
    assert _("history.heading", gemeente="Altena", n=2) == "Altena: 2 rondes"
    assert _("save.merged", n=3).startswith("Samengevoegd met 3 wijzigingen")
    assert Translator("en")("save.merged", n=1).startswith("Merged with 1 change ")
