"""A one-line text field whose value, too long to show whole, ends in "…" while not edited."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Input


class TitleField(Input):
    """An Input that shows a value longer than its width shortened with "…" when unfocused.

    A plain Input cuts such a value off where its width ends, and a reader
    cannot tell that there is more. While it has focus it is a plain Input.
    """

    @property
    def _value(self) -> Text:
        text = super()._value
        width = self.scrollable_content_region.width
        if self.has_focus or width <= 0 or text.cell_len <= width:
            return text
        text.truncate(width, overflow="ellipsis")
        return text

    def _on_blur(self, event: events.Blur) -> None:
        super()._on_blur(event)
        self.cursor_position = 0  # show the start of the value, not where typing ended
