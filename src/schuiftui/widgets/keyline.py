"""The key line: the keys that work where the focus is, on one row, in the interface language.

It shows what Textual's `Footer` shows, the same way (" ↑↓ stap  0 midden ..."),
as one widget. The `Footer` is a widget per key, nine on the panel, made anew
at every change of focus: some 1.4 MB of the app's 40 and a repaint of the row
each time. Clicking a key presses it, as in the `Footer`.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from typing import TYPE_CHECKING, Callable, ClassVar, NamedTuple

from rich.text import Text
from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.screen import Screen


class Shown(NamedTuple):
    """One key (or group of keys) on the line."""

    keys: str
    """What the key looks like ("^s", "↑↓")."""
    description: str
    key: str
    """The key to press when it is clicked."""
    enabled: bool
    start: int
    end: int
    """The columns it takes."""


class KeyLine(Widget):
    """The active keys of the screen, one line; binding descriptions are catalog keys.

    Bindings are declared once per class, so their descriptions cannot depend
    on the language chosen at start-up; they hold a key ("key.up") instead,
    translated here.
    """

    ALLOW_SELECT = False

    COMPONENT_CLASSES: ClassVar[set[str]] = {"keyline--key", "keyline--description"}

    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .keyline--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keyline--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self, translate: Callable[[str], str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.translate = translate
        self._shown: list[Shown] = []
        self._ready = False
        """Whether the screen has said which keys are active (after its first paint)."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self._ready = True
            self.refresh()

    def shown(self) -> list[Shown]:
        """The keys on the line now, left to right, as the `Footer` would show them."""
        by_action: defaultdict[str, list[tuple[Binding, bool]]] = defaultdict(list)
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled))
        shown: list[Shown] = []
        column = 0

        def add(keys: str, description: str, key: str, enabled: bool, width: int) -> None:
            nonlocal column
            shown.append(Shown(keys, description, key, enabled, column, column + width))
            column += width

        display = self.app.get_key_display
        for group, actions in groupby(by_action.values(), lambda bindings: bindings[0][0].group):
            first_bindings = [bindings[0] for bindings in actions]
            if group is not None and len(first_bindings) > 1:
                # " ↑↓ stap ": the group's keys together, then its description.
                keys = "".join(display(binding) for binding, _ in first_bindings)
                description = self.translate(group.description)
                enabled = all(enabled for _, enabled in first_bindings)
                key = first_bindings[0][0].key.split(",")[0]
                add(keys, description, key, enabled, len(keys) + len(description) + 3)
            else:
                for binding, enabled in first_bindings:
                    keys, description = display(binding), self.translate(binding.description)
                    key = binding.key.split(",")[0]
                    add(keys, description, key, enabled, len(keys) + len(description) + 3)
        return shown

    def render(self) -> Text:
        # Like Textual's Footer, nothing until the screen says which keys are
        # active: the first paint, of the sliders, comes sooner.
        self._shown = fitted(self.shown(), self.size.width) if self._ready else []
        key_style = self.get_component_rich_style("keyline--key")
        description_style = self.get_component_rich_style("keyline--description")
        line = Text(no_wrap=True, overflow="crop", end="")
        for item in self._shown:
            start = len(line)
            line.append(f" {item.keys} ", key_style)
            line.append(f"{item.description} ", description_style)
            if not item.enabled:
                line.stylize("dim", start)
        return line

    def on_click(self, event: events.Click) -> None:
        for item in self._shown:
            if item.start <= event.x < item.end:
                if item.enabled:
                    self.app.simulate_key(item.key)
                else:
                    self.app.bell()
                return


def fitted(shown: list[Shown], width: int) -> list[Shown]:
    """The keys that fit in `width` whole, never one cut off: the last (help,
    which lists every key) stays, the ones before it go from the right."""
    kept = list(shown)
    while len(kept) > 1 and kept[-1].end > width:
        del kept[-2]
        kept = _packed(kept)
    return kept


def _packed(shown: list[Shown]) -> list[Shown]:
    """The same keys, each starting where the one before it ends."""
    packed = []
    column = 0
    for item in shown:
        width = item.end - item.start
        packed.append(item._replace(start=column, end=column + width))
        column += width
    return packed
