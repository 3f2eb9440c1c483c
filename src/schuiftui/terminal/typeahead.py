"""Keys typed before the app has started keep their meaning.

Until Textual switches the terminal to raw mode, some 100 ms after the
command starts, the terminal's line discipline handles what is typed: it
takes Ctrl+S and Ctrl+Q for flow control (output stops), Ctrl+C and Ctrl+Z
for signals, Backspace, Ctrl+U and Ctrl+W for line editing, turns Enter into
a line feed (Ctrl+J) and echoes everything. Over a slow SSH link people
type ahead, and those keys were lost or changed. `held()` puts the terminal
in the same mode Textual will, at once, and gives the original settings
back when the app is done (Textual restores what it found, which is then
ours: `original()` tells the driver what to restore instead).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any

_original: list[Any] | None = None


def original() -> list[Any] | None:
    """The terminal's settings from before `held()`, or None when it holds nothing."""
    return _original


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Read keys raw from now on, as the app will; restore the terminal afterwards.

    Does nothing where there is no terminal to hold, or no termios (Windows).
    """
    global _original
    fd = sys.__stdin__.fileno() if sys.__stdin__ is not None else -1
    try:
        import termios
    except ImportError:  # Windows: the console has no line discipline to race
        yield
        return
    try:
        if not os.isatty(fd):
            raise OSError
        before = termios.tcgetattr(fd)
        termios.tcsetattr(fd, termios.TCSANOW, raw(before))
    except (OSError, termios.error):
        yield
        return
    _original = before
    try:
        yield
    finally:
        _original = None
        with contextlib.suppress(OSError, termios.error):
            termios.tcsetattr(fd, termios.TCSANOW, before)


def raw(settings: list[Any]) -> list[Any]:
    """`settings` as Textual sets them: no line editing, echo, signals or flow control."""
    import termios

    changed = [*settings[:6], list(settings[6])]
    changed[0] &= ~(termios.IXON | termios.IXOFF | termios.ICRNL | termios.INLCR | termios.IGNCR)
    changed[3] &= ~(termios.ECHO | termios.ICANON | termios.IEXTEN | termios.ISIG)
    changed[6][termios.VMIN] = 1
    changed[6][termios.VTIME] = 0
    return changed
