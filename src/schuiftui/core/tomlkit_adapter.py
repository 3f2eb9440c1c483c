"""The one place that reaches past tomlkit's public API.

tomlkit keeps a table's lines (keys, comments, blank lines) in a body list
and has no public "insert at": `document` needs both to put a key or a table
where it belongs instead of at the end. Should tomlkit change these, this
module is what to mend (see docs/TEXTUAL.md, "Not Textual").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tomlkit.container import Container
    from tomlkit.items import Item, Table


def container_of(container: Container | Table) -> Container:
    """The container that holds a table's lines (a document is its own)."""
    return container.value if hasattr(container, "trivia") else container  # type: ignore[return-value]


def lines_of(container: Container | Table) -> list[tuple[Any, Item]]:
    """Every line of `container` in order: (key or None, item), comments and blank lines too."""
    return container_of(container).body


def insert_at(container: Container | Table, index: int, key: str, item: Item) -> None:
    """Put `key = item` at line `index` of `container`, keeping tomlkit's key index right."""
    container_of(container)._insert_at(index, key, item)
