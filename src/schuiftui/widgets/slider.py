"""A vertical fader of the mengpaneel: eleven positions, the middle marked."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from ..core.session import format_stand

_STEP = Binding.Group("key.step", compact=True)
NAME_ROWS = 2
POLE_ROWS = 2


class Slider(Widget, can_focus=True):
    """A vertical slider from `minimum` (bottom) to `maximum` (top).

    | Key | Action |
    | :- | :- |
    | up, k | One step up. |
    | down, j | One step down. |
    | pageup / pagedown | Two steps up / down. |
    | end / home | To the top / the bottom (WAI-ARIA: End is the maximum). |
    | 0, m | Back to the middle. |
    | left, h / right, l | The previous / next slider. |
    | enter, t | Ask to edit the toelichting (posts `EditRequested`). |

    The thumb carries the stand as a number beside it ("━█━ +3").

    Only the rows whose content changes are redrawn when the value moves:
    a step costs two terminal rows, not the whole column.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "step(1)", "key.up", key_display="↑", group=_STEP),
        Binding("down,j", "step(-1)", "key.down", key_display="↓", group=_STEP),
        Binding("pageup", "step(2)", "key.pageup", show=False),
        Binding("pagedown", "step(-2)", "key.pagedown", show=False),
        Binding("end", "to_top", "key.end", show=False),
        Binding("home", "to_bottom", "key.home", show=False),
        Binding("0,m", "to_middle", "key.middle", key_display="0"),
        Binding("left,h", "neighbour(-1)", "key.left", show=False),
        Binding("right,l", "neighbour(1)", "key.right", show=False),
        Binding("enter,t", "edit", "key.toelichting", key_display="t"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "slider--name",
        "slider--pole",
        "slider--track",
        "slider--middle",
        "slider--thumb",
    }

    DEFAULT_CSS = """
    Slider {
        width: 10;
        height: auto;
        & > .slider--name { text-style: bold; }
        & > .slider--pole { color: $text-muted; }
        & > .slider--track { color: $text-muted; }
        & > .slider--middle { color: $text-muted; }
        & > .slider--thumb { color: $accent; text-style: bold; }
        &:focus {
            & > .slider--name { text-style: bold reverse; }
            & > .slider--track { color: $foreground; }
            & > .slider--thumb { color: $accent-lighten-1; }
        }
        &:ansi {
            & > .slider--thumb { color: ansi_bright_cyan; }
        }
    }
    """

    value: reactive[int] = reactive(0, init=False, repaint=False)
    """The position: `minimum` at the bottom, 0 in the middle, `maximum` at the top."""

    class Changed(Message):
        """Posted when the value of the slider changes."""

        def __init__(self, slider: Slider, value: int) -> None:
            super().__init__()
            self.slider = slider
            self.value = value

        @property
        def control(self) -> Slider:
            """The slider that changed."""
            return self.slider

    class EditRequested(Message):
        """Posted when the user asks to edit this slider's toelichting."""

        def __init__(self, slider: Slider) -> None:
            super().__init__()
            self.slider = slider

        @property
        def control(self) -> Slider:
            """The slider whose toelichting is to be edited."""
            return self.slider

    def __init__(
        self,
        label: str,
        top: str,
        bottom: str,
        value: int = 0,
        *,
        minimum: int = -5,
        maximum: int = 5,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """Create a slider.

        Args:
            label: The name above the slider; a newline splits it over two rows.
            top: What the top means, in two words at most.
            bottom: What the bottom means, in two words at most.
            value: The starting value; posts no `Changed`.
            minimum: The bottom value.
            maximum: The top value.
            name: The name of the widget.
            id: The ID of the widget in the DOM.
            classes: The CSS classes of the widget.
        """
        super().__init__(name=name, id=id, classes=classes)
        self.label = label
        self.top = top
        self.bottom = bottom
        self.minimum = minimum
        self.maximum = maximum
        self.set_reactive(Slider.value, self.validate_value(value))

    def validate_value(self, value: int) -> int:
        """Clamp the value to the slider's range."""
        return max(self.minimum, min(self.maximum, value))

    def watch_value(self, old: int, new: int) -> None:
        width = self.size.width
        self.refresh(Region(0, self._row_of(old), width, 1), Region(0, self._row_of(new), width, 1))
        self.post_message(self.Changed(self, new))

    def _row_of(self, value: int) -> int:
        return NAME_ROWS + POLE_ROWS + (self.maximum - value)

    def action_step(self, steps: int) -> None:
        """Move the slider `steps` positions up (negative: down)."""
        self.value += steps

    def action_to_top(self) -> None:
        """Move the slider to the top."""
        self.value = self.maximum

    def action_to_bottom(self) -> None:
        """Move the slider to the bottom."""
        self.value = self.minimum

    def action_to_middle(self) -> None:
        """Move the slider back to the middle: no choice."""
        self.value = 0

    def action_neighbour(self, direction: int) -> None:
        """Focus the slider to the left (-1) or right (+1) of this one."""
        if self.parent is None:
            return
        sliders = list(self.parent.query_children(Slider))
        index = sliders.index(self) + direction
        if 0 <= index < len(sliders):
            # Directly, not via focus() (which waits a turn): a key typed
            # right after must reach the newly focused slider.
            self.screen.set_focus(sliders[index])

    def action_edit(self) -> None:
        """Ask the screen to edit this slider's toelichting."""
        self.post_message(self.EditRequested(self))

    # Rendering, one row at a time (the Line API).

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # The name, the top pole, one row per position, the bottom pole.
        return NAME_ROWS + POLE_ROWS + (self.maximum - self.minimum + 1) + POLE_ROWS

    @property
    def _base_style(self) -> Style:
        # Textual caches the visual style until the styles change; the
        # `rich_style` property walks every ancestor on each call, and a
        # slider asks for it once or twice per row.
        return self.visual_style.rich_style

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self._base_style
        track_top = NAME_ROWS + POLE_ROWS
        track_bottom = track_top + (self.maximum - self.minimum)
        if y < NAME_ROWS:
            return self._text_row(self.label, y, "slider--name", width)
        if y < track_top:
            return self._text_row(_two_rows(self.top, width), y - NAME_ROWS, "slider--pole", width)
        if y <= track_bottom:
            return self._track_row(self.maximum - (y - track_top), width)
        pole_row = y - track_bottom - 1
        if pole_row < POLE_ROWS:
            return self._text_row(_two_rows(self.bottom, width), pole_row, "slider--pole", width)
        return Strip.blank(width, base)

    def _text_row(self, text: str, row: int, component: str, width: int) -> Strip:
        lines = text.split("\n")
        line = lines[row] if row < len(lines) else ""
        if not line:  # blank, so a reversed name style does not show as a bar
            return Strip.blank(width, self._base_style)
        style = self._base_style + self.get_component_rich_style(component)
        return Strip([Segment(line[:width].center(width), style)], width)

    def _track_row(self, level: int, width: int) -> Strip:
        base = self._base_style
        focused = self.has_focus
        centre = max(1, width // 2 - 1)
        if level == self.value:
            # The whole row, stand and blanks included, is one run in the
            # thumb's style (blanks look the same in any foreground): a step
            # then writes one style change per row, not five.
            thumb = base + self.get_component_rich_style("slider--thumb")
            cap = "◀█▶" if focused else "━█━"
            stand = format_stand(level)
            segments = [Segment(f"{' ' * (centre - 1)}{cap} {stand}".ljust(width), thumb)]
        elif level == 0:
            # Ruled across the whole column, so the five middles form one line.
            middle = base + self.get_component_rich_style("slider--middle")
            cross = "╋" if focused else "┼"
            rule = "╌" * centre + cross + "╌" * (width - centre - 1)
            segments = [Segment(rule, middle)]
        else:
            track = base + self.get_component_rich_style("slider--track")
            glyph = "┃" if focused else "│"
            segments = [Segment(" " * centre, base), Segment(glyph, track)]
        return Strip(segments).extend_cell_length(width, base).crop(0, width).simplify()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


def _two_rows(text: str, width: int) -> str:
    """Split a short label over at most two rows of `width` characters.

    A label stays on one row only when it leaves a blank column, so that it
    never runs into the label of the slider next to it.
    """
    if "\n" in text or len(text) < width or " " not in text:
        return text
    first, _, rest = text.partition(" ")
    return f"{first}\n{rest}"
