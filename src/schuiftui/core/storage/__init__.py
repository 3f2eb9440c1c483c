"""Reading and writing session files, as `../FORMAT.md` describes them.

Reading uses the stdlib `tomllib` (fast, read-only) and checks every value,
with one clear message for what is wrong. Writing merges the session into
the document that is on disk (`document.py`, with tomlkit, imported only
when something is written) and replaces the file atomically.

By what each part does: `reading` (limits, tomllib), `toml_messages`
(tomllib's messages in our words), `validate`, `writing` (tomlkit, atomic)
and `errors`. Import from here.
"""

from __future__ import annotations

from .errors import BOM, FORMAAT, ReadOnlyError, SessionError, SessionProblems
from .reading import MAX_BYTES, is_toml, load, loads, read_bytes, tomllib, visible_session
from .writing import (
    SaveResult,
    dumps,
    is_read_only,
    save,
    save_new,
    tables_to_rewrite,
)

__all__ = [
    "BOM",
    "FORMAAT",
    "MAX_BYTES",
    "ReadOnlyError",
    "SaveResult",
    "SessionError",
    "SessionProblems",
    "dumps",
    "is_read_only",
    "is_toml",
    "load",
    "loads",
    "read_bytes",
    "save",
    "save_new",
    "tables_to_rewrite",
    "tomllib",
    "visible_session",
]
