"""A Footer that shows binding descriptions in the interface language."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.widgets import Footer, Label


class TranslatedFooter(Footer):
    """A `Footer` whose binding descriptions are catalog keys, translated here.

    Bindings are declared once per class, so their descriptions cannot depend
    on the language chosen at start-up; they hold a key ("key.up") instead.
    """

    def __init__(self, translate: Callable[[str], str]) -> None:
        super().__init__()
        self.translate = translate

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            description = getattr(widget, "description", None)
            if isinstance(description, str) and description:
                widget.description = self.translate(description)  # type: ignore[attr-defined]
            elif isinstance(widget, Label) and isinstance(widget.content, str):
                widget.update(self.translate(widget.content))  # a binding group's description
            yield widget
