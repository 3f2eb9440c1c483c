"""A fader with the markers of several sessions: each one's letter at its stand."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.reactive import reactive
from textual.strip import Strip

from ..core.render.chart import marks_layout
from ..core.session import format_stand
from .fader import Fader


class Marker(NamedTuple):
    """One session on an overlay."""

    stand: int
    letter: str
    color: str
    """The session's colour, `#rrggbb`; without colour the letter tells them apart."""
    apart: bool = False
    """Shown, but not part of the spread below (the team's stand among people's placements)."""


class Overlay(Fader, can_focus=True):
    """A vertical track with one lettered marker per session, and their spread below.

    | Key | Action |
    | :- | :- |
    | left, h / right, l | The previous / next overlay. |

    Markers at one level stand side by side on the track ("ACF"); when more
    of them sit there than the column is wide, the last are counted ("ABCDEF+6").
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"overlay--marker", "overlay--spread"}

    DEFAULT_CSS = """
    Overlay {
        & > .overlay--marker { text-style: bold; }
        & > .overlay--spread { color: $text-muted; }
    }
    """

    FOOT_ROWS = 1

    markers: reactive[tuple[Marker, ...]] = reactive((), init=False, repaint=False)
    """The sessions' markers, in legend order."""
    foot: reactive[str | None] = reactive(None, init=False)
    """What the row below the track says instead of the spread (rounds: the change)."""

    def __init__(
        self,
        label: str,
        top: str,
        bottom: str,
        markers: tuple[Marker, ...] = (),
        *,
        full_label: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """Create an overlay.

        Args:
            label: The name above the track; a newline splits it over two rows.
            top: What the top means, in two words at most.
            bottom: What the bottom means, in two words at most.
            markers: The sessions' markers.
            full_label: The name written out, for a column wide enough.
            id: The ID of the widget in the DOM.
            classes: The CSS classes of the widget.
        """
        super().__init__(label, top, bottom, full_label=full_label, id=id, classes=classes)
        self.set_reactive(Overlay.markers, markers)

    def watch_markers(self) -> None:
        self.refresh()

    def _track_row(self, level: int, width: int) -> Strip:
        here = [marker for marker in self.markers if marker.stand == level]
        if not here:
            return self._level_row(level, width)
        text, owners = marks_layout([marker.letter for marker in here], width - 1)
        marker_style = self.component_style("overlay--marker")
        # Without colour the letters alone tell the sessions apart; greyed
        # session colours would only make some letters hard to read.
        colored = not self.app.no_color
        segments = [
            Segment(
                char,
                marker_style + Style(color=here[owner].color)
                if colored and owner >= 0
                else marker_style,
            )
            for char, owner in zip(text, owners)
        ]
        return self._level_row(level, width, segments)

    def _foot_row(self, row: int, width: int) -> Strip:
        stands = [marker.stand for marker in self.markers if not marker.apart]
        if self.foot is not None:
            text = self.foot
        elif len(stands) < 2:
            return Strip.blank(width, self._base_style)
        else:
            lowest, highest = min(stands), max(stands)
            text = (
                format_stand(lowest)
                if lowest == highest
                else f"{format_stand(lowest)}…{format_stand(highest)}"
            )
        return Strip(
            [Segment(text.center(width)[:width], self.component_style("overlay--spread"))], width
        )
