"""Reading and writing session files, as `../FORMAT.md` describes them.

Reading uses the stdlib `tomllib` (fast, read-only). Writing uses tomlkit,
imported only when something is written, and merges the session into the
document that is on disk, value by value, so that comments, blank lines and
keys this program does not know survive a save and an unchanged session
rewrites nothing.
"""

from __future__ import annotations

import datetime
import os
import re
import stat
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .categories import BY_ID, CATEGORIES, CATEGORY_IDS
from .paths import new_session_path
from .session import (
    STAND_MAX,
    STAND_MIN,
    STATUSES,
    TERMIJNEN,
    AgendaItem,
    Casus,
    Session,
    Slider,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on older Pythons only
    import tomli as tomllib

if TYPE_CHECKING:
    from tomlkit.container import Container
    from tomlkit.items import Item, Table

FORMAAT = 1
"""The newest file format this program reads and the one it writes."""


class SessionError(Exception):
    """A session file that cannot be read or written.

    `str(error)` is one line for the user: the file, the line where known,
    the key where known, and what is wrong, in Dutch.
    """

    def __init__(
        self,
        path: Path | str,
        problem: str,
        *,
        key: str | None = None,
        line: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.problem = problem
        self.key = key
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = str(self.path) if self.line is None else f"{self.path}:{self.line}"
        what = self.problem if self.key is None else f"{self.key}: {self.problem}"
        return f"{where}: {what}"


# --------------------------------------------------------------------------
# Reading


def load(path: Path | str) -> Session:
    """Read and validate one session file.

    Raises:
        SessionError: The file cannot be read or breaks the format.
    """
    path = Path(path)
    return loads(_read_text(path), path)


def loads(text: str, path: Path | str = "<tekst>") -> Session:
    """Parse and validate the text of a session file.

    Args:
        text: The file's contents.
        path: The name to use in error messages.

    Raises:
        SessionError: The text breaks the format.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = re.search(r"\(at line (\d+), column \d+\)", message)
        detail = re.sub(r"\s*\(at line.*\)$", "", message)
        line = int(found.group(1)) if found else None
        raise SessionError(path, f"geen geldige TOML ({detail})", line=line) from None
    return _Validator(text, Path(path)).session(data)


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SessionError(path, "bestand bestaat niet") from None
    except IsADirectoryError:
        raise SessionError(path, "is een map, geen sessiebestand") from None
    except OSError as error:
        raise SessionError(path, f"kan niet gelezen worden ({error.strerror})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SessionError(path, "is geen UTF-8-tekst", line=line) from None


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")
_KEY = re.compile(r'^\s*["\']?([A-Za-z0-9_-]+)["\']?\s*=')


def _line_of(text: str, table: str, key: str | None, index: int = 0) -> int | None:
    """Return the line (1-based) of `key` in `table`, or of the table's header.

    `table` is a dotted header name ("" for the top level); `index` picks the
    n-th element of an array of tables. A best effort for error messages:
    None when the key is written in a way this simple scan does not follow.
    """
    current = ""
    seen = -1
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = re.sub(r"[\s\"']", "", header.group(2))
            if current == table:
                seen += 1
                if key is None and seen == index:
                    return number
            continue
        if key is not None and current == table and max(seen, 0) == index:
            found = _KEY.match(line)
            if found and found.group(1) == key:
                return number
    return None


class _Validator:
    """Turns parsed TOML into a Session, or explains what is wrong."""

    def __init__(self, text: str, path: Path) -> None:
        self.text = text
        self.path = path

    def fail(
        self, problem: str, table: str, key: str | None = None, index: int | None = None
    ) -> SessionError:
        if index is None:
            shown = f"{table}.{key}" if table and key else (table or key)
            line = _line_of(self.text, table, key)
        else:
            shown = f"{table}[{index + 1}]" + (f".{key}" if key else "")
            line = _line_of(self.text, table, key, index)
        return SessionError(self.path, problem, key=shown, line=line)

    def table(self, data: dict[str, Any], key: str, required: bool = False) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            if required:
                raise SessionError(self.path, f"de tabel [{key}] ontbreekt")
            return {}
        if not isinstance(value, dict):
            raise self.fail("moet een tabel zijn", "", key)
        return value

    def string(
        self,
        data: dict[str, Any],
        table: str,
        key: str,
        index: int | None = None,
        required: bool = False,
    ) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail("ontbreekt", table, key, index)
            return None
        if not isinstance(value, str):
            raise self.fail(f"moet tekst zijn, niet {_describe(value)}", table, key, index)
        return value

    def session(self, data: dict[str, Any]) -> Session:
        formaat = data.get("formaat")
        if formaat is None:
            raise SessionError(self.path, "de sleutel formaat ontbreekt (verwacht: formaat = 1)")
        if not _is_int(formaat) or formaat < 1:
            raise self.fail(f"moet een positief geheel getal zijn, niet {formaat!r}", "", "formaat")
        if formaat > FORMAAT:
            raise self.fail(
                f"formaat {formaat} is nieuwer dan deze versie van schuiftui kent"
                f" ({FORMAAT}); werk schuiftui bij",
                "",
                "formaat",
            )
        sessie = self.table(data, "sessie", required=True)
        gemeente = self.string(sessie, "sessie", "gemeente", required=True)
        assert gemeente is not None
        if not gemeente.strip():
            raise self.fail("mag niet leeg zijn", "sessie", "gemeente")
        datum = sessie.get("datum")
        if datum is None:
            raise self.fail("ontbreekt", "sessie", "datum")
        if isinstance(datum, datetime.datetime) or not isinstance(datum, datetime.date):
            raise self.fail(
                f"moet een datum zijn zoals 2020-02-12, niet {_describe(datum)}",
                "sessie",
                "datum",
            )
        titel = self.string(sessie, "sessie", "titel")
        deelnemers = sessie.get("deelnemers")
        if deelnemers is not None and (
            not isinstance(deelnemers, list) or not all(isinstance(d, str) for d in deelnemers)
        ):
            raise self.fail("moet een lijst met teksten zijn", "sessie", "deelnemers")
        casus_data = self.table(data, "casus")
        casus = Casus(
            titel=self.string(casus_data, "casus", "titel") or "",
            notities=self.string(casus_data, "casus", "notities") or "",
        )
        return Session(
            gemeente=gemeente,
            datum=datum,
            titel=titel,
            deelnemers=deelnemers,
            casus=casus,
            sliders=self.sliders(self.table(data, "schuiven")),
            agenda=self.agenda(data.get("agenda")),
        )

    def sliders(self, schuiven: dict[str, Any]) -> dict[str, Slider]:
        for slider_id in schuiven:
            if slider_id not in BY_ID:
                known = ", ".join(CATEGORY_IDS)
                raise self.fail(f"onbekende schuif; bekend zijn: {known}", f"schuiven.{slider_id}")
        sliders = {}
        for slider_id in CATEGORY_IDS:
            table = f"schuiven.{slider_id}"
            data = schuiven.get(slider_id, {})
            if not isinstance(data, dict):
                raise self.fail("moet een tabel zijn", "schuiven", slider_id)
            stand = data.get("stand", 0)
            if not _is_int(stand) or not STAND_MIN <= stand <= STAND_MAX:
                raise self.fail(
                    f"moet een geheel getal van {STAND_MIN} tot {STAND_MAX} zijn,"
                    f" niet {_describe(stand)}",
                    table,
                    "stand",
                )
            toelichting = self.string(data, table, "toelichting") or ""
            sliders[slider_id] = Slider(stand=stand, toelichting=toelichting)
        return sliders

    def agenda(self, agenda: Any) -> list[AgendaItem]:
        if agenda is None:
            return []
        if not isinstance(agenda, list) or not all(isinstance(a, dict) for a in agenda):
            raise self.fail("moet een lijst van [[agenda]]-tabellen zijn", "", "agenda")
        items: list[AgendaItem] = []
        seen: set[str] = set()
        for index, data in enumerate(agenda):
            item_id = self.string(data, "agenda", "id", index, required=True)
            assert item_id is not None
            if not item_id.strip():
                raise self.fail("mag niet leeg zijn", "agenda", "id", index)
            if item_id in seen:
                raise self.fail(f"{item_id!r} komt twee keer voor", "agenda", "id", index)
            seen.add(item_id)
            tekst = self.string(data, "agenda", "tekst", index, required=True)
            assert tekst is not None
            status = self.string(data, "agenda", "status", index) or "open"
            if status not in STATUSES:
                raise self.fail(
                    f'moet "open" of "gedaan" zijn, niet {status!r}', "agenda", "status", index
                )
            termijn = self.string(data, "agenda", "termijn", index)
            if termijn is not None and termijn not in TERMIJNEN:
                raise self.fail(
                    f'moet "kort" of "lang" zijn, niet {termijn!r}', "agenda", "termijn", index
                )
            eigenaar = self.string(data, "agenda", "eigenaar", index)
            items.append(AgendaItem(item_id, tekst, status, termijn, eigenaar))
        return items


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (int, float)):
        return str(value)
    names = {dict: "een tabel", list: "een lijst", datetime.datetime: "een tijdstip"}
    return names.get(type(value), type(value).__name__)


# --------------------------------------------------------------------------
# Writing


def dumps(session: Session, previous: str | None = None) -> str:
    """Return the text of `session` as a session file.

    Args:
        session: What to write. Line breaks in its texts should already be
            normalised (`Session.normalized`).
        previous: The text on disk to merge into, so its comments, blank
            lines and unknown keys survive; None for a new file.

    Raises:
        SessionError: `previous` is not TOML.
    """
    import tomlkit
    from tomlkit.exceptions import ParseError

    try:
        document = tomlkit.parse(previous if previous is not None else _skeleton())
    except ParseError as error:
        raise SessionError(
            "<bestand>", f"het bestand op schijf is geen geldige TOML meer ({error})"
        ) from None
    _merge(document, session)
    text = document.as_string()
    return text if text.endswith("\n") else text + "\n"


def _skeleton() -> str:
    """The text a new file starts from: every table, every slider in the middle."""
    lines = [
        "# Schuifoefening wijkgericht werken",
        f"formaat = {FORMAAT}",
        "",
        "[sessie]",
        'gemeente = ""',
        "datum = 2000-01-01",
        "",
        "[casus]",
        'titel = ""',
        'notities = ""',
    ]
    for category in CATEGORIES:
        lines += [
            "",
            f"[schuiven.{category.id}]  # {category.name.nl}",
            "stand = 0",
            'toelichting = ""',
        ]
    return "\n".join(lines) + "\n"


def _merge(document: Container, session: Session) -> None:
    """Write the values of `session` into `document`, touching only what differs."""
    _set(document, "formaat", FORMAAT)
    sessie = _ensure_table(document, "sessie", before=("casus", "schuiven", "agenda"))
    _set(sessie, "gemeente", session.gemeente)
    _set(sessie, "datum", session.datum)
    _set(sessie, "titel", session.titel)
    _set(sessie, "deelnemers", session.deelnemers)

    casus_empty = not session.casus.titel and not session.casus.notities
    if "casus" in document or not casus_empty:
        casus = _ensure_table(document, "casus", before=("schuiven", "agenda"))
        _set(casus, "titel", session.casus.titel)
        _set(casus, "notities", session.casus.notities)

    for position, (slider_id, slider) in enumerate(session.sliders.items()):
        existing = document.get("schuiven", {}).get(slider_id)
        if existing is None and slider == Slider():
            continue  # a missing table already means: middle, no toelichting
        schuiven = _ensure_table(document, "schuiven", before=("agenda",), super_table=True)
        table = _ensure_table(
            schuiven,
            slider_id,
            before=CATEGORY_IDS[position + 1 :],
            comment=BY_ID[slider_id].name.nl,
        )
        _set(table, "stand", slider.stand)
        _set(table, "toelichting", slider.toelichting)

    _merge_agenda(document, session.agenda)


def _merge_agenda(document: Container, agenda: list[AgendaItem]) -> None:
    import tomlkit

    if not agenda:
        if "agenda" in document:
            del document["agenda"]
        return
    existing = document.get("agenda")
    tables = list(existing) if isinstance(existing, list) else []
    by_id = {str(table.get("id")): table for table in tables if isinstance(table, dict)}
    if [item.id for item in agenda] == [str(t.get("id")) for t in tables]:
        for item, table in zip(agenda, tables):
            _fill_agenda_table(table, item)
        return
    comments = _take_comments_above(document, tables)
    array = tomlkit.aot()
    for item in agenda:
        table = by_id.get(item.id)
        if table is None:
            table = tomlkit.table()
        _fill_agenda_table(table, item)
        array.append(table)
    # Blank lines are stored as the end of the table above them, and
    # appending adds its own; when tables move or come and go, give each
    # one exactly one blank line above it.
    for position, table in enumerate(array.body):
        _strip_trailing_whitespace(table)
        if not _container(table).as_string().endswith("\n"):
            table.add(tomlkit.nl())  # a last line without a newline
        if position < len(agenda) - 1:
            table.add(tomlkit.nl())
        gap = _gap_after(_text_before(document, "agenda")) if position == 0 else ""
        table.trivia.indent = gap + comments.get(agenda[position].id, "")
    if existing is None:
        document.append("agenda", array)
    else:
        document["agenda"] = array


def _take_comments_above(document: Container, tables: list[Table]) -> dict[str, str]:
    """Take the comment lines written right above each `[[agenda]]` header.

    tomlkit parses them as the end of what comes before the header (the
    item above, or the last slider table above the first item), so they
    would stay behind when items move and go when the item above is
    deleted. They belong to the item below; returned by its id.
    """
    from tomlkit import items

    body = document.body
    start = next((i for i, (k, _) in enumerate(body) if k is not None and k.key == "agenda"), None)
    if start is None or not tables:
        return {}
    before = body[start - 1][1] if start else None
    # A valid session has [sessie] at least, so a table comes before the first item.
    above_first = (
        _pop_comments(_body(_last_table_in(before))) if isinstance(before, items.Table) else ""
    )
    comments = {str(tables[0].get("id")): above_first}
    for above, table in zip(tables, tables[1:]):
        comments[str(table.get("id"))] = _pop_comments(_body(above))
    return comments


def _last_table_in(table: Table) -> Table:
    """The table whose body ends where `table` ends: its last sub-table, if any."""
    from tomlkit import items

    while _body(table) and isinstance(_body(table)[-1][1], items.Table):
        table = _body(table)[-1][1]
    return table


def _pop_comments(body: list[tuple[Any, Item]]) -> str:
    """Remove the comment lines at the very end of `body`; return them as text."""
    from tomlkit.items import Comment

    start = len(body)
    while start > 0 and body[start - 1][0] is None and isinstance(body[start - 1][1], Comment):
        start -= 1
    taken = body[start:]
    del body[start:]  # keyless items are not in tomlkit's key index
    return "".join(item.as_string() for _, item in taken)


def _strip_trailing_whitespace(table: Table) -> None:
    from tomlkit.items import Whitespace

    body = _body(table)
    while body and body[-1][0] is None and isinstance(body[-1][1], Whitespace):
        body.pop()  # keyless items are not in tomlkit's key index


def _fill_agenda_table(table: Table, item: AgendaItem) -> None:
    _set(table, "id", item.id)
    _set(table, "tekst", item.tekst)
    _set(table, "status", item.status)
    _set(table, "termijn", item.termijn)
    _set(table, "eigenaar", item.eigenaar)


def _text_before(document: Container, key: str) -> str:
    """The rendered text of what ends right before `key` would be added."""
    body = [(k, item) for k, item in document.body if k is None or k.key != key]
    if not body:
        return ""
    last = body[-1][1]
    return last.as_string() if not isinstance(last, list) else last[-1].as_string()


def _gap_after(previous_text: str) -> str:
    """What to put before a new table header so it has one blank line above it.

    Without this, tomlkit glues a new header straight onto the previous line
    when that line has no newline, and leaves no blank line otherwise.
    """
    if not previous_text or previous_text.endswith("\n\n"):
        return ""
    return "\n" if previous_text.endswith("\n") else "\n\n"


def _same(old: Any, new: Any) -> bool:
    """Whether a value in the document already is `new` (true is not 1)."""
    unwrapped = old.unwrap() if hasattr(old, "unwrap") else old
    return type(unwrapped) is type(new) and unwrapped == new


def _set(container: Container | Table, key: str, value: Any) -> None:
    """Set `key` to `value` in place; None removes it; an equal value is left alone.

    Leaving equal values alone is what makes an unchanged save write
    identical bytes and keeps inline comments on untouched lines.
    """
    if value is None:
        if key in container:
            del container[key]
        return
    if key in container and _same(container[key], value):
        return
    item = _to_item(value)
    if key in container:
        container[key] = item  # keeps the position and an inline comment
    else:
        _insert_value(container, key, item)


def _to_item(value: Any) -> Item:
    import tomlkit
    from tomlkit.items import String, StringType, Trivia

    if isinstance(value, str):
        if "\n" in value:
            # Opening with a newline puts the first line of text on a line of
            # its own, so a changed sentence is a changed line in a diff.
            raw = "\n" + _escape(value, multiline=True)
            return String(StringType.MLB, value, raw, Trivia())
        return String(StringType.SLB, value, _escape(value, multiline=False), Trivia())
    return tomlkit.item(value)


_SHORT_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _escape(text: str, *, multiline: bool) -> str:
    """Escape `text` for a TOML basic string (multi-line or not).

    In a multi-line string, newlines and tabs stay as they are; a quote is
    escaped only where it would otherwise close the string: as the third
    of a run, or in a run at the very end.
    """
    trailing_quotes_from = len(text.rstrip('"'))
    out: list[str] = []
    run = 0
    for position, char in enumerate(text):
        if char == '"':
            run += 1
            if not multiline or run == 3 or position >= trailing_quotes_from:
                out.append('\\"')
                run = 0
            else:
                out.append('"')
            continue
        run = 0
        if char == "\\":
            out.append("\\\\")
        elif multiline and char in "\n\t":
            out.append(char)
        elif char in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return "".join(out)


def _insert_value(container: Container | Table, key: str, item: Item) -> None:
    """Add a key after the last key of a table, above any trailing comments.

    A comment on its own line above a table header is parsed as the end of
    the previous table; tomlkit's `add` would put the new key below it, and
    so between the comment and the header it describes.
    """
    body = _body(container)
    last_value = None
    for index, (key_in_body, existing) in enumerate(body):
        if key_in_body is not None and not _is_table(existing):
            last_value = index
    if last_value is None or last_value + 1 == len(body):
        container.add(key, item)
        return
    # tomlkit has no public "insert at"; _insert_at keeps its key index right.
    _container(container)._insert_at(last_value + 1, key, item)


def _ensure_table(
    container: Container | Table,
    key: str,
    *,
    before: tuple[str, ...],
    super_table: bool = False,
    comment: str | None = None,
) -> Table:
    """Return the table `key`, creating it in its place in the fixed order."""
    import tomlkit

    existing = container.get(key)
    if existing is not None:
        return existing
    table = tomlkit.table(is_super_table=super_table)
    if comment and not super_table:
        table.comment(comment)
    body = _body(container)
    later = [i for i, (k, _) in enumerate(body) if k is not None and k.key in before]
    if later:
        table.add(tomlkit.nl())
        _container(container)._insert_at(later[0], key, table)
    else:
        previous = body[-1][1].as_string() if body else ""
        table.trivia.indent = _gap_after(previous)
        container.append(key, table)
    return container[key]


def _container(container: Container | Table) -> Container:
    return container.value if hasattr(container, "trivia") else container  # Table -> Container


def _body(container: Container | Table) -> list[tuple[Any, Item]]:
    return _container(container).body


def _is_table(item: Any) -> bool:
    from tomlkit.items import AoT, Table

    return isinstance(item, (Table, AoT))


_umask_lock = threading.Lock()


def _default_mode() -> int:
    """The permissions a newly created file gets from the current umask."""
    with _umask_lock:
        mask = os.umask(0)
        os.umask(mask)
    return 0o666 & ~mask


@dataclass(frozen=True)
class SaveResult:
    """What `save` did."""

    path: Path
    written: bool
    """False when the file already held exactly these bytes."""


def save(session: Session, path: Path | str) -> SaveResult:
    """Write `session` to `path` atomically, merging into what is there.

    The text is written to a temporary file in the same folder, flushed,
    synced, read back with `tomllib` and checked to be exactly `session`,
    then renamed over the target with the target's permissions. A crash
    leaves the old file or the new one, never a broken one.

    Raises:
        SessionError: Nothing was written; the message says why.
    """
    path = Path(path)
    target = Path(os.path.realpath(path))
    intended = session.normalized()
    previous = _read_text(target) if target.exists() else None
    try:
        text = dumps(intended, previous)
    except SessionError as error:
        raise SessionError(path, error.problem) from None
    if text == previous:
        return SaveResult(path, written=False)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise SessionError(path, "de tekst bevat tekens die geen UTF-8 kunnen zijn") from None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = stat.S_IMODE(target.stat().st_mode) if previous is not None else _default_mode()
        _write_atomically(target, data, mode, intended, path)
    except OSError as error:
        raise SessionError(path, f"kan niet opslaan ({error.strerror or error})") from None
    return SaveResult(path, written=True)


def save_new(session: Session, sessions_dir: Path) -> Path:
    """Write `session` as a new file in `sessions_dir` and return its path.

    The file is `<gemeente-slug>/<datum>.toml`, or `<datum>-2.toml` and so on
    when that day already has a session: an existing file is never reused.

    Raises:
        ValueError: The gemeente's name leaves no usable folder name.
        SessionError: Nothing was written; the message says why.
    """
    path = new_session_path(sessions_dir, session.gemeente, session.datum)
    save(session, path)
    return path


def _write_atomically(target: Path, data: bytes, mode: int, intended: Session, shown: Path) -> None:
    handle, temporary_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    temporary = Path(temporary_name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        try:
            written = loads(temporary.read_text(encoding="utf-8"), shown)
        except SessionError as error:
            raise SessionError(shown, f"interne fout, niet opgeslagen: {error.problem}") from None
        if written != intended:
            raise SessionError(shown, "interne fout, niet opgeslagen: teruggelezen sessie wijkt af")
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
