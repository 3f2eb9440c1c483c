"""tomllib's messages (English, technical) in our words."""

from __future__ import annotations

import re

from ..problems import Problem

TOML_PROBLEMS: tuple[tuple[str, str], ...] = (
    (r"Cannot overwrite a value", "overwrite"),
    (r"Cannot declare (.+) twice", "twice"),
    (r"Cannot redefine namespace (.+)", "redefine"),
    (r"Cannot mutate immutable namespace (.+)", "immutable"),
    (r"Duplicate inline table key (.+)", "inline_twice"),
    (r"Unterminated string", "unterminated"),
    (r"Unclosed inline table", "unclosed_table"),
    (r"Unclosed array", "unclosed_array"),
    (r"Invalid value", "value"),
    (r"Invalid statement", "statement"),
    (r"Invalid initial character for a key part", "key"),
    (r"Invalid date or datetime", "date"),
    (r"Invalid hex value", "hex"),
    (r"Escaped character is not a Unicode scalar value", "unicode"),
    (r"Unescaped '\\' in a string", "backslash"),
    (r"(?:Illegal|Found invalid) character (.+)", "character"),
    (r"Expected '=' after a key in a key/value pair", "equals"),
    (r"Expected '\]\]' at the end of an array declaration", "array_end"),
    (r"Expected '\]' at the end of a table declaration", "table_end"),
    (r"Expected (.+)", "expected"),
)
"""tomllib's messages (English) and the catalog keys (`problem.toml.*`) of ours."""


def in_our_words(message: str) -> object:
    """A tomllib message as a `Problem`; one not listed as it is."""
    for pattern, key in TOML_PROBLEMS:
        found = re.fullmatch(pattern, message)
        if found:
            return (
                Problem(f"toml.{key}", what=found.group(1))
                if found.groups()
                else Problem(f"toml.{key}")
            )
    return message
