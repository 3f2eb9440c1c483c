"""How a compared session is marked on the chart: a person's initials, a gemeente's short name.

A room reads "Be" as Bert and "Ve" as Venlo; it reads "B" as nothing in
particular. So a mark is the first letter of the name where no other name
shares it, and two letters where it does. Letters A, B, C stay only where
there is no name to go by (the rounds of one gemeente).
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Collection


def short_marks(
    names: list[str], reserved: Collection[str] = (), *, numbers: bool = False
) -> list[str]:
    """One mark of one or two characters per name, all different and none in `reserved`.

    `numbers`: a name that is a number is marked by it ("3"), as anonymous
    placements are.
    """
    taken = set(reserved)
    letters = [[char for char in name if char.isalnum()] for name in names]
    firsts = Counter(chars[0].upper() for chars in letters if chars)
    shared = {
        first: _common_start(
            ["".join(chars).lower() for chars in letters if chars and chars[0].upper() == first]
        )
        for first in firsts
    }

    def _shared(index: int) -> str:
        chars = letters[index]
        return shared[chars[0].upper()] if chars else ""

    marks: list[str] = [""] * len(names)
    # Shorter distinguishing parts choose first: "Gemeente 2" gets G2 before
    # "Gemeente 12" could take it.
    order = sorted(range(len(names)), key=lambda i: len(letters[i]) - len(_shared(i)))
    for index in order:
        name, chars = names[index], letters[index]
        if numbers and name.isdigit():
            candidates = [name[-2:], name[-1]]
        elif not chars:
            candidates = []
        else:
            first = chars[0].upper()
            candidates = [first] if firsts[first] == 1 else []
            # What sets the name apart first: "Gemeente 7" is G7, not Ge.
            own = chars[max(1, len(shared[first])) :]
            candidates += [first + char.lower() for char in [*own, *chars[1:]]]
            candidates += [first + char for char in string.ascii_lowercase + string.digits]
        spare = list(string.ascii_uppercase + string.digits)
        mark = next(c for c in candidates + spare if c not in taken)
        taken.add(mark)
        marks[index] = mark
    return marks


def _common_start(words: list[str]) -> str:
    """The longest beginning all `words` share ("gemeente" of "gemeente1", "gemeente2")."""
    start = min(words, key=len) if words else ""
    for other in words:
        while not other.startswith(start):
            start = start[:-1]
    return start
