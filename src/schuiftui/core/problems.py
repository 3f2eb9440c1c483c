"""What is wrong with a file, in the language of the interface.

The core says what is wrong as a `Problem`: a catalog key (`problem.*` in
`i18n`) and its values. It becomes text only when shown, in the language the
command line or the app chose (`i18n.set_messages_language`), Dutch unless
told otherwise.
"""

from __future__ import annotations

from ..i18n import Translator, messages_language


class Problem:
    """One problem, as a catalog key and values; `str()` says it in the interface language."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values

    def __str__(self) -> str:
        return Translator(messages_language())(f"problem.{self.key}", **self.values)

    def __repr__(self) -> str:
        return f"Problem({self.key!r}, {self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and (self.key, self.values) == (other.key, other.values)

    def __hash__(self) -> int:
        return hash(self.key)
