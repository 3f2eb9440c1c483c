"""What may reach a terminal or a widget: text without control characters.

It knows no session; `core.storage` applies it to what it loads.

A session file is written by people and programs we do not control. Text
from it that held an escape sequence could, printed raw, set the terminal's
title, write its clipboard (OSC 52), clear the screen or type into the
shell. Every control character (C0 but tab and newline, DEL, C1) read from a
file is therefore shown as a visible placeholder, and one typed or pasted
into a field is not stored.
"""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters, but tab and newline."""


def _placeholder(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return "^" + chr(code + 0x40)  # caret notation: ESC is ^[, BEL is ^G
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"  # C1, such as U+009B (CSI)


def visible(text: str) -> str:
    """`text` with every control character but tab and newline as a placeholder."""
    return CONTROL.sub(_placeholder, text) if CONTROL.search(text) else text


def without_controls(text: str) -> str:
    """`text` with every control character but tab and newline left out (for typed text)."""
    return CONTROL.sub("", text)
