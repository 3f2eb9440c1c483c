"""Messages with which a screen asks the app for another screen.

A screen does not know which screens the app has or how it builds them;
it posts a request, which bubbles up to the App.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from ..core.session import Session

if TYPE_CHECKING:
    from ..core.compare import Compared


class CompareRequested(Message):
    """Show the sessions that `targets` name side by side."""

    def __init__(self, targets: list[Path], overrides: dict[Path, Session] | None = None) -> None:
        super().__init__()
        self.targets = targets
        """Session files and folders, as for `schuiftui compare`."""
        self.overrides = overrides or {}
        """Sessions open for editing, shown as they are rather than as saved."""


class ExportRequested(Message):
    """Write `items` as a Markdown report and an SVG chart next to their files, and say where."""

    def __init__(self, items: list[Compared]) -> None:
        super().__init__()
        self.items = items
        """The sessions to export, with their letters, colours and paths."""
