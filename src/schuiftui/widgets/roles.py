"""The trio's roles, suggested while deelnemers are typed."""

from __future__ import annotations

from textual.suggester import Suggester

from ..core.session import ROLES


class RoleSuggester(Suggester):
    """Completes the last of the comma-separated deelnemers with a role of the trio."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        last = value.rpartition(",")[2]
        typed = last.lstrip()
        if not typed:
            return None
        for role in ROLES:
            if role.startswith(typed.lower()) and role != typed.lower():
                return value + role[len(typed) :]
        return None
