"""What every vertical fader of the mengpaneel shares: name, poles, a track of levels.

`Slider` (one session's thumb) and `Overlay` (the markers of several
sessions) draw their own track rows; this base draws the rest, one row at a
time (the Line API), and moves focus to the fader next to it.

A fader fills the size it is given: in a wider column its full name and
poles fit on fewer rows, and given more height than it needs its levels
spread out, up to `MAX_STEP_ROWS` rows apart (the line of the track runs
through the rows between them).
"""

from __future__ import annotations

import textwrap
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from ..core.categories import Category, two_rows

NAME_ROWS = 2
"""Rows for the name above a fader."""
POLE_ROWS = 2
"""Rows for each pole label, above and below the track."""
MAX_STEP_ROWS = 3
"""The most rows from one level to the next, on a tall terminal."""
FULL_LABEL_WIDTH = 18
"""The column width from which a fader shows its full name (every category's fits)."""


def labels(category: Category, lang: str) -> tuple[str, str, str]:
    """A category's name and poles, as a fader's first three arguments."""
    return category.short.get(lang), category.top.get(lang), category.bottom.get(lang)


def full_label(category: Category, lang: str) -> str:
    """A category's name written out, as a fader's `full_label`."""
    return category.name.get(lang)


class Fader(Widget):
    """A vertical track from `minimum` (bottom) to `maximum` (top), named, with its poles.

    Subclasses write `_track_row(level, width)` and may add rows below the
    bottom pole (`FOOT_ROWS`, drawn by `_foot_row`).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "neighbour(-1)", "key.left", show=False),
        Binding("right,l", "neighbour(1)", "key.right", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "fader--name",
        "fader--pole",
        "fader--track",
        "fader--middle",
    }

    DEFAULT_CSS = """
    Fader {
        width: 10;
        height: auto;
        & > .fader--name { text-style: bold; }
        & > .fader--pole { color: $text-muted; }
        & > .fader--track { color: $text-muted; }
        & > .fader--middle { color: $text-muted; }
        &:focus {
            & > .fader--name { text-style: bold reverse; }
            & > .fader--track { color: $foreground; }
        }
    }
    """

    FOOT_ROWS: ClassVar[int] = 0
    """Rows below the bottom pole."""

    def __init__(
        self,
        label: str,
        top: str,
        bottom: str,
        *,
        full_label: str = "",
        minimum: int = -5,
        maximum: int = 5,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """Create a fader.

        Args:
            label: The name above it; a newline splits it over two rows.
            top: What the top means, in two words at most.
            bottom: What the bottom means, in two words at most.
            full_label: The name written out, shown instead of `label` where
                the column is wide enough for it on two rows.
            minimum: The bottom value.
            maximum: The top value.
            name: The name of the widget.
            id: The ID of the widget in the DOM.
            classes: The CSS classes of the widget.
        """
        super().__init__(name=name, id=id, classes=classes)
        self.label = label
        self.full_label = full_label
        self.top = top
        self.bottom = bottom
        self.minimum = minimum
        self.maximum = maximum

    def action_neighbour(self, direction: int) -> None:
        """Focus the fader to the left (-1) or right (+1) of this one."""
        if self.parent is None:
            return
        faders = list(self.parent.query_children(Fader))
        index = faders.index(self) + direction
        if 0 <= index < len(faders):
            # Directly, not via focus() (which waits a turn): a key typed
            # right after must reach the newly focused fader.
            self.screen.set_focus(faders[index])

    # Rendering, one row at a time (the Line API).

    @property
    def step_rows(self) -> int:
        """Rows from one level to the next: 1, or more when the fader has the height."""
        fixed = NAME_ROWS + 2 * POLE_ROWS + self.FOOT_ROWS
        steps = self.maximum - self.minimum
        return max(1, min(MAX_STEP_ROWS, (self.size.height - fixed - 1) // steps))

    def row_of(self, level: int) -> int:
        """The row on which `level` is drawn."""
        return NAME_ROWS + POLE_ROWS + (self.maximum - level) * self.step_rows

    def refresh_levels(self, *levels: int | None) -> None:
        """Redraw only the rows of these levels (None is skipped)."""
        width = self.size.width
        self.refresh(
            *(Region(0, self.row_of(level), width, 1) for level in levels if level is not None)
        )

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # The name, the top pole, one row per position, the bottom pole, the
        # foot: the least a fader needs (CSS may give it more; see `step_rows`).
        positions = self.maximum - self.minimum + 1
        return NAME_ROWS + POLE_ROWS + positions + POLE_ROWS + self.FOOT_ROWS

    @property
    def _base_style(self) -> Style:
        # Textual caches the visual style until the styles change; the
        # `rich_style` property walks every ancestor on each call, and a
        # fader asks for it once or twice per row.
        return self.visual_style.rich_style

    def component_style(self, component: str) -> Style:
        """The base style with a component class's style on top."""
        return self._base_style + self.get_component_rich_style(component)

    def name_rows(self, width: int) -> list[str]:
        """The name over at most two rows: written out when it fits, else the short one."""
        # The same width for every fader, so that all five show the same kind of name.
        if self.full_label and width >= FULL_LABEL_WIDTH:
            rows = textwrap.wrap(self.full_label, width - 1, break_long_words=False)
            if len(rows) <= NAME_ROWS and all(len(row) < width for row in rows):
                return rows
        return self.label.split("\n")

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        step_rows = self.step_rows
        track_top = NAME_ROWS + POLE_ROWS
        track_bottom = track_top + (self.maximum - self.minimum) * step_rows
        if y < NAME_ROWS:
            return self._text_row(self.name_rows(width), y, "fader--name", width)
        if y < track_top:
            return self._text_row(two_rows(self.top, width), y - NAME_ROWS, "fader--pole", width)
        if y <= track_bottom:
            steps, between = divmod(y - track_top, step_rows)
            if between:
                return self._level_row(None, width)
            return self._track_row(self.maximum - steps, width)
        pole_row = y - track_bottom - 1
        if pole_row < POLE_ROWS:
            return self._text_row(two_rows(self.bottom, width), pole_row, "fader--pole", width)
        if pole_row - POLE_ROWS < self.FOOT_ROWS:
            return self._foot_row(pole_row - POLE_ROWS, width)
        return Strip.blank(width, self._base_style)

    def _text_row(self, lines: list[str], row: int, component: str, width: int) -> Strip:
        line = lines[row] if row < len(lines) else ""
        if not line:  # blank, so a reversed name style does not show as a bar
            return Strip.blank(width, self._base_style)
        return Strip([Segment(line[:width].center(width), self.component_style(component))], width)

    def _track_row(self, level: int, width: int) -> Strip:
        """The row of one level of the track."""
        raise NotImplementedError

    def _level_row(
        self, level: int | None, width: int, marks: list[Segment] | None = None
    ) -> Strip:
        """A level of the track (None: a row between two): the rule at the middle, the line elsewhere.

        `marks` (a ghost, the letters of sessions) are drawn centred on the
        track instead of its line.
        """
        base = self._base_style
        focused = self.has_focus
        middle = level == 0
        line_style = self.component_style("fader--middle" if middle else "fader--track")
        centre = self.centre(width)
        if not marks:
            # The common row, drawn every time a fader is painted: as few
            # segments as possible (one for the ruled middle, two elsewhere).
            if middle:
                cross = "╋" if focused else "┼"
                rule = "╌" * centre + cross + "╌" * (width - centre - 1)
                return Strip([Segment(rule, line_style)], width)
            glyph = "┃" if focused else "│"
            segments = [Segment(" " * centre, base), Segment(glyph, line_style)]
            return Strip(segments).extend_cell_length(width, base).crop(0, width).simplify()
        length = sum(len(mark.text) for mark in marks)
        start = max(0, min(width - length, centre - (length - 1) // 2))
        fill, fill_style = ("╌", line_style) if middle else (" ", base)
        segments = [
            Segment(fill * start, fill_style),
            *marks,
            Segment(fill * (width - start - length), fill_style),
        ]
        return Strip(segments).crop(0, width).simplify()

    def _foot_row(self, row: int, width: int) -> Strip:
        """One of the `FOOT_ROWS` rows below the bottom pole."""
        return Strip.blank(width, self._base_style)

    def centre(self, width: int) -> int:
        """The column of the track."""
        return max(1, width // 2 - 1)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
