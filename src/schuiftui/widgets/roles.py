"""The trio's roles, suggested while deelnemers are typed."""

from __future__ import annotations

from textual.suggester import Suggester

from ..core.session import ROLES


class RoleSuggester(Suggester):
    """Completes a role of the trio being typed at the end of the deelnemers: as a whole
    participant ("soc" after a comma) or as a word in one ("Anna, teamleider soc",
    "Bert (fys")."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return suggested_role(value)


def suggested_role(value: str) -> str | None:
    """`value` with the role it ends in the beginning of completed; None when there is none.

    The longest ending that starts a role wins: "sociaal d" is completed as
    "sociaal domein", not from "d". A word inside a participant needs two
    letters, so "Anna s" suggests nothing yet.
    """
    last = value.rpartition(",")[2]
    starts = [0] + [index + 1 for index, char in enumerate(last) if char in " ("]
    for start in starts:
        typed = last[start:].lstrip()
        if not typed or (start and len(typed) < 2):
            continue
        for role in ROLES:
            if role.startswith(typed.lower()) and role != typed.lower():
                return value + role[len(typed) :]
    return None
