"""Text as text: the one way the app puts words into widgets.

Texts on the screen come from files, folder names, lock files, git and
people: `[concept]`, `[/maand]`, `[b]` or `[@click=app.quit]` are words
there, not markup. Textual's `Static` and `Label` read a string as markup by
default, so `[/maand]` in an action crashed the app, `[concept]` vanished and
a lock file could put a clickable action on the screen. The app's own texts
hold no markup either, so every widget that shows text is made from here,
with markup off and control characters shown as placeholders (see
`schuiftui.sanitize`); styled text is assembled as `Content`, never parsed.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets import Label, Static

from ..sanitize import visible


def _shown(content: Any) -> Any:
    return visible(content) if isinstance(content, str) else content


class Plain(Static):
    """A `Static` that shows its text as it is: never read as markup."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        super().__init__(_shown(content), **kwargs)

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        super().update(_shown(content), layout=layout)


class PlainLabel(Label):
    """A `Label` that shows its text as it is: never read as markup."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        super().__init__(_shown(content), **kwargs)

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        super().update(_shown(content), layout=layout)


def plain(text: str) -> Content:
    """`text` for a widget that takes a prompt or label (an option, a button): never markup."""
    return Content(visible(text))
