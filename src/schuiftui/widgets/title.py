"""The title row of a screen: a title and a sub-title, nothing else."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class TitleBar(Widget):
    """One row at the top with a title and a sub-title, centred.

    Textual's `Header` shows the same text with an icon (a button for the
    command palette, which this app does not have) and room for a clock, and
    takes its text from the screen's `title` and `sub_title`. Changing those
    repaints the whole screen; changing this bar's own reactives repaints
    one row, which matters when the first slider step marks the session
    unsaved.
    """

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        content-align: center middle;
    }
    """

    title: reactive[str] = reactive("")
    """The main text."""
    sub_title: reactive[str] = reactive("")
    """Shown dimmed after the title, when not empty."""

    def __init__(self, title: str = "", sub_title: str = "") -> None:
        super().__init__()
        self.set_reactive(TitleBar.title, title)
        self.set_reactive(TitleBar.sub_title, sub_title)

    def render(self) -> Content:
        return self.app.format_title(self.title, self.sub_title)
