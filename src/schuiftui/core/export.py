"""Exports of one or more sessions: which renderer, and where the files go."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from .compare import Compared
from .files import write_atomically

FORMATS: tuple[str, ...] = ("md", "html", "csv", "svg", "xlsx")
"""What `export` can write."""
BINARY: frozenset[str] = frozenset(("xlsx",))
"""The formats that are no text (`export_bytes` writes them)."""


def export_bytes(to: str, items: Sequence[Compared], lang: str = "nl") -> bytes:
    """`items` as `to`, as the bytes of the file: text formats in UTF-8."""
    if to == "xlsx":
        from .render.xlsx import sessions_xlsx

        return sessions_xlsx(items, lang)
    return export_text(to, items, lang).encode("utf-8")


def export_text(to: str, items: Sequence[Compared], lang: str = "nl") -> str:
    """`items` as `to` ("md", "html", "csv" or "svg").

    One session gives its own report; several give the comparison, the
    changes between rounds and every session.
    """
    if to == "csv":
        from .render.csv import sessions_csv

        return sessions_csv([item.session for item in items])
    if to == "svg":
        from .render.svg import mengpaneel_svg

        return mengpaneel_svg(items, lang)
    if to == "html":
        from .render.html import report_html

        return report_html(items, lang)
    if to != "md":
        raise ValueError(f"unknown export format {to!r}")
    from .render.markdown import comparison_markdown, session_markdown

    if len(items) == 1:
        return session_markdown(items[0].session, lang)
    return comparison_markdown(items, lang)


def beside(items: Sequence[Compared]) -> Path:
    """Where the exports of `items` go, without suffix.

    One session: next to its file, with its name (`altena/2020-02-12`).
    Several: in the folder they share, as `vergelijking-<oldest>-<newest>`.
    """
    paths = [item.path for item in items if item.path is not None]
    if not paths:
        raise ValueError("sessions that are only in memory have no place to export to")
    if len(items) == 1:
        return paths[0].with_suffix("")
    folder = Path(os.path.commonpath([str(path.parent) for path in paths]))
    dates = sorted(item.session.datum.isoformat() for item in items)
    name = f"vergelijking-{dates[0]}" + (f"-{dates[-1]}" if dates[-1] != dates[0] else "")
    return folder / name


def export_beside(items: Sequence[Compared], lang: str = "nl") -> list[Path]:
    """Write the Markdown report and the SVG chart of `items` next to their files.

    Returns:
        The files written.

    Raises:
        OSError: A file could not be written (those before it were); its
            `filename` is that file.
    """
    stem = beside(items)
    written = []
    for to in ("md", "svg"):
        path = stem.with_name(f"{stem.name}.{to}")
        try:
            write_atomically(path, export_text(to, items, lang).encode("utf-8"))
        except OSError as error:  # name the file the user asked for, not a temporary one
            raise OSError(error.errno, error.strerror or str(error), str(path)) from None
        written.append(path)
    return written
