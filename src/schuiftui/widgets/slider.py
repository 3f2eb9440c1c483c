"""A vertical fader of the mengpaneel: eleven positions, the middle marked."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from ..core.session import format_stand
from .fader import NAME_ROWS, POLE_ROWS, Fader

__all__ = ["NAME_ROWS", "POLE_ROWS", "Slider"]

_STEP = Binding.Group("key.step", compact=True)


class Slider(Fader, can_focus=True):
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

    The thumb carries the stand as a number beside it ("━█━ +3"). A ghost
    (◇) marks where the slider stood in the previous round, when that was
    elsewhere.

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
        Binding("enter,t", "edit", "key.toelichting", key_display="t"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"slider--thumb", "slider--ghost"}

    DEFAULT_CSS = """
    Slider {
        & > .slider--thumb { color: $accent; text-style: bold; }
        & > .slider--ghost { color: $text-muted; }
        &:focus > .slider--thumb { color: $accent-lighten-1; }
        &:ansi > .slider--thumb { color: ansi_bright_cyan; }
    }
    """

    value: reactive[int] = reactive(0, init=False, repaint=False)
    """The position: `minimum` at the bottom, 0 in the middle, `maximum` at the top."""
    ghost: reactive[int | None] = reactive(None, init=False, repaint=False)
    """Where the slider stood in the previous round; None when there was none."""

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
        ghost: int | None = None,
        full_label: str = "",
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
            ghost: The stand in the previous round, or None.
            full_label: The name written out, for a column wide enough.
            minimum: The bottom value.
            maximum: The top value.
            name: The name of the widget.
            id: The ID of the widget in the DOM.
            classes: The CSS classes of the widget.
        """
        super().__init__(
            label,
            top,
            bottom,
            full_label=full_label,
            minimum=minimum,
            maximum=maximum,
            name=name,
            id=id,
            classes=classes,
        )
        self.set_reactive(Slider.value, self.validate_value(value))
        self.set_reactive(Slider.ghost, ghost)

    def validate_value(self, value: int) -> int:
        """Clamp the value to the slider's range."""
        return max(self.minimum, min(self.maximum, value))

    def watch_value(self, old: int, new: int) -> None:
        self.refresh_levels(old, new)
        self.post_message(self.Changed(self, new))

    def watch_ghost(self, old: int | None, new: int | None) -> None:
        self.refresh_levels(old, new)

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

    def action_edit(self) -> None:
        """Ask the screen to edit this slider's toelichting."""
        self.post_message(self.EditRequested(self))

    def _track_row(self, level: int, width: int) -> Strip:
        if level == self.value:
            # The whole row, stand and blanks included, is one run in the
            # thumb's style (blanks look the same in any foreground): a step
            # then writes one style change per row, not five.
            cap = "◀█▶" if self.has_focus else "━█━"
            text = f"{' ' * (self.centre(width) - 1)}{cap} {format_stand(level)}".ljust(width)
            return Strip([Segment(text[:width], self.component_style("slider--thumb"))], width)
        if level == self.ghost:
            return self._level_row(
                level, width, [Segment("◇", self.component_style("slider--ghost"))]
            )
        # The middle is ruled across the whole column, so the five middles form one line.
        return self._level_row(level, width)
