"""Writing a command's result: to stdout or a file, in what the terminal can show."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple, TextIO


class Terminal(NamedTuple):
    """What the output stream can show."""

    ascii_only: bool
    """The stream's encoding is not UTF-8 (`LANG=C`): draw with ASCII only."""
    color: bool
    """The stream is a terminal and `NO_COLOR` is not set."""


def terminal(stream: TextIO | None = None) -> Terminal:
    """What `stream` (stdout by default) can show."""
    stream = stream or sys.stdout
    encoding = (getattr(stream, "encoding", None) or "ascii").lower().replace("-", "")
    color = stream.isatty() and not os.environ.get("NO_COLOR")
    return Terminal(ascii_only=encoding != "utf8", color=color)


def write(text: str, stream: TextIO | None = None, *, own_escapes: bool = False) -> None:
    """Write `text`; what the stream cannot encode loses its accents or becomes `?`.

    Control characters become visible placeholders (see `schuiftui.sanitize`),
    unless `own_escapes` says the text holds this program's own colour codes
    and nothing from a file that was not made visible already.
    """
    from ..sanitize import visible

    if not own_escapes:
        text = visible(text)
    stream = stream or sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        stream.write(text)
    except UnicodeEncodeError:
        from ..terminal.glyphs import fold

        stream.write(fold(text, encoding))
    stream.flush()


def error(message: str) -> None:
    """One line for the user on stderr."""
    write(message + "\n", sys.stderr)


def save_text(text: str, path: Path) -> None:
    """Write `text` to `path` (UTF-8) atomically: the old file or the new one, never half.

    Raises:
        OSError: Nothing was written.
    """
    from ..core.files import write_atomically

    write_atomically(path, text.encode("utf-8"))
