"""Reading and writing session files, as `../FORMAT.md` describes them.

Reading uses the stdlib `tomllib` (fast, read-only) and checks every value,
with one clear message for what is wrong. Writing merges the session into
the document that is on disk (`document.py`, with tomlkit, imported only
when something is written) and replaces the file atomically.
"""

from __future__ import annotations

import datetime
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..sanitize import CONTROL, visible
from .categories import BY_ID, CATEGORY_IDS
from .files import write_atomically
from .paths import new_session_path
from .problems import Problem
from .reasons import Reason
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

FORMAAT = 1
"""The newest file format this program reads and the one it writes."""

BOM = "\ufeff"
"""A byte order mark: some Windows editors start UTF-8 files with it."""


class SessionError(Exception):
    """A session file that cannot be read or written.

    `str(error)` is one line for the user: the file, the line where known,
    the key where known, and what is wrong, in Dutch.
    """

    def __init__(
        self,
        path: Path | str,
        problem: str | Problem,
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
        # A file name or a key from the file may hold an escape sequence.
        return visible(f"{where}: {what}")


# --------------------------------------------------------------------------
# Reading


def load(path: Path | str) -> Session:
    """Read and validate one session file.

    Raises:
        SessionError: The file cannot be read or breaks the format.
    """
    path = Path(path)
    return loads(_read_text(path), path)


def is_toml(path: Path) -> bool:
    """Whether the file at `path` can be read and is valid TOML, whatever it says."""
    try:
        tomllib.loads(_read_text(Path(path)))
    except (SessionError, ValueError, RecursionError):
        return False
    return True


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
    except RecursionError:
        raise SessionError(path, Problem("too_deep")) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = re.search(r"\(at line (\d+), column \d+\)$", message)
        line = int(found.group(1)) if found else None
        if message.endswith("(at end of document)"):
            line = text.count("\n") + 1
        detail = _in_our_words(re.sub(r"\s*\(at [^()]*\)$", "", message))
        raise SessionError(path, Problem("toml", detail=detail), line=line) from None
    # Text with control characters never leaves this module (see `sanitize`).
    return visible_session(_Validator(text, Path(path)).session(data))


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


def _in_our_words(message: str) -> object:
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


MAX_BYTES = 10 * 1024 * 1024
"""A session file is a few kilobytes; one of more than 10 MB is refused, not read."""


def _read_text(path: Path) -> str:
    return _decode(_read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The bytes of the file at `path`, as a session file is read.

    Raises:
        SessionError: A folder, FIFO, device or huge file (refused unread), or
            a file that cannot be read.
    """
    return _read_bytes(path)


def _read_bytes(path: Path) -> bytes:
    """The bytes of a session file; a folder, FIFO, device or huge file is refused unread."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise SessionError(path, Problem("is_folder"))
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device would block the read (and the app) forever.
            raise SessionError(path, Problem("not_regular"))
        if info.st_size > MAX_BYTES:
            megabytes = info.st_size / 1024 / 1024
            raise SessionError(path, Problem("too_large", size=f"{megabytes:.0f}"))
        return path.read_bytes()
    except FileNotFoundError:
        raise SessionError(path, Problem("missing_file")) from None
    except OSError as error:
        raise SessionError(path, Problem("unreadable", reason=Reason(error))) from None


def _decode(raw: bytes, path: Path) -> str:
    """The text of a session file's bytes, without a byte order mark."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SessionError(path, Problem("not_utf8"), line=line) from None
    return text.removeprefix(BOM)


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


class SessionProblems(SessionError):
    """A session file with several problems; `str()` is the first, `problems` all of them."""

    def __init__(self, problems: list[SessionError]) -> None:
        first = problems[0]
        super().__init__(first.path, first.problem, key=first.key, line=first.line)
        self.problems = problems


ID_PURPOSE = 'een id (zoals "a1") houdt een actie herkenbaar over de rondes heen'
"""Why an agenda item needs an id, for the message that says one is missing."""


class _Validator:
    """Turns parsed TOML into a Session, or explains everything that is wrong.

    Each problem is noted and checking goes on with a harmless stand-in, so
    one reading names them all (`check` lists every one; `load` says the first).
    """

    def __init__(self, text: str, path: Path) -> None:
        self.text = text
        self.path = path
        self.problems: list[SessionError] = []

    def fail(
        self,
        problem: str,
        table: str,
        key: str | None = None,
        index: int | None = None,
        *,
        at_header: bool = False,
    ) -> None:
        """Note a problem with `key` in `table` (the `index`-th of an array of tables)."""
        line_key = None if at_header else key
        if index is None:
            shown = f"{table}.{key}" if table and key else (table or key)
            line = _line_of(self.text, table, line_key)
        else:
            shown = f"{table}[{index + 1}]" + (f".{key}" if key else "")
            line = _line_of(self.text, table, line_key, index)
        self.problems.append(SessionError(self.path, problem, key=shown, line=line))

    def table(self, data: dict[str, Any], key: str, required: bool = False) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            if required:
                self.problems.append(SessionError(self.path, Problem("table_missing", table=key)))
            return {}
        if not isinstance(value, dict):
            self.fail(Problem("not_table"), "", key)
            return {}
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
                self.fail(Problem("missing"), table, key, index)
            return None
        if not isinstance(value, str):
            self.fail(Problem("not_text", value=_describe(value)), table, key, index)
            return None
        return value

    def date(
        self, data: dict[str, Any], table: str, key: str, index: int | None = None
    ) -> datetime.date | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            self.fail(
                Problem("not_date", example="2020-03-11", value=_describe(value)), table, key, index
            )
            return None
        return value

    def session(self, data: dict[str, Any]) -> Session:
        """The session in `data`.

        Raises:
            SessionProblems: What is wrong, every problem in file order.
        """
        formaat = data.get("formaat")
        if formaat is None:
            self.problems.append(SessionError(self.path, Problem("formaat_missing")))
        elif not _is_int(formaat) or formaat < 1:
            self.fail(Problem("formaat_not_number", value=repr(formaat)), "", "formaat")
        elif formaat > FORMAAT:
            # A newer format may mean anything: no point in reading on.
            self.fail(Problem("formaat_newer", formaat=formaat, known=FORMAAT), "", "formaat")
            raise SessionProblems(self.problems)
        sessie = self.table(data, "sessie", required=True)
        gemeente = self.string(sessie, "sessie", "gemeente", required="sessie" in data)
        if gemeente is not None and not gemeente.strip():
            self.fail(Problem("empty"), "sessie", "gemeente")
        datum = sessie.get("datum")
        if datum is None:
            if "sessie" in data:
                self.fail(Problem("missing"), "sessie", "datum")
        elif isinstance(datum, datetime.datetime) or not isinstance(datum, datetime.date):
            self.fail(
                Problem("not_date", example="2020-02-12", value=_describe(datum)), "sessie", "datum"
            )
        titel = self.string(sessie, "sessie", "titel")
        deelnemers = sessie.get("deelnemers")
        if deelnemers is not None and (
            not isinstance(deelnemers, list) or not all(isinstance(d, str) for d in deelnemers)
        ):
            self.fail(Problem("not_text_list"), "sessie", "deelnemers")
            deelnemers = None
        ingevuld_door = sessie.get("ingevuld_door")
        if _is_int(ingevuld_door):  # an anonymous placement may be filed under a number
            ingevuld_door = str(ingevuld_door)
        else:
            ingevuld_door = self.string(sessie, "sessie", "ingevuld_door")
        organogram = self.table(data, "organogram")
        organogram_notities = self.string(organogram, "organogram", "notities") or ""
        casus_data = self.table(data, "casus")
        casus = Casus(
            titel=self.string(casus_data, "casus", "titel") or "",
            notities=self.string(casus_data, "casus", "notities") or "",
        )
        sliders = self.sliders(self.table(data, "schuiven"))
        agenda = self.agenda(data.get("agenda"))
        if self.problems:  # in the order of the file's tables
            raise SessionProblems(self.problems)
        assert gemeente is not None and isinstance(datum, datetime.date)
        return Session(
            gemeente=gemeente,
            datum=datum,
            titel=titel,
            deelnemers=deelnemers,
            ingevuld_door=ingevuld_door,
            organogram=organogram_notities,
            casus=casus,
            sliders=sliders,
            agenda=agenda,
        )

    def sliders(self, schuiven: dict[str, Any]) -> dict[str, Slider]:
        for slider_id in schuiven:
            if slider_id not in BY_ID:
                known = ", ".join(CATEGORY_IDS)
                self.fail(Problem("unknown_slider", known=known), f"schuiven.{slider_id}")
        sliders = {}
        for slider_id in CATEGORY_IDS:
            table = f"schuiven.{slider_id}"
            data = schuiven.get(slider_id, {})
            if not isinstance(data, dict):
                self.fail(Problem("not_table"), "schuiven", slider_id)
                data = {}
            stand = data.get("stand", 0)
            if not _is_int(stand) or not STAND_MIN <= stand <= STAND_MAX:
                self.fail(
                    Problem(
                        "bad_stand", lowest=STAND_MIN, highest=STAND_MAX, value=_describe(stand)
                    ),
                    table,
                    "stand",
                )
                stand = 0
            toelichting = self.string(data, table, "toelichting") or ""
            sliders[slider_id] = Slider(stand=stand, toelichting=toelichting)
        return sliders

    def agenda(self, agenda: Any) -> list[AgendaItem]:
        if agenda is None:
            return []
        if not isinstance(agenda, list) or not all(isinstance(a, dict) for a in agenda):
            self.fail(Problem("not_agenda_list"), "", "agenda")
            return []
        items: list[AgendaItem] = []
        seen: set[str] = set()
        for index, data in enumerate(agenda):
            if "id" not in data:
                self.fail(Problem("no_id"), "agenda", None, index, at_header=True)
            item_id = self.string(data, "agenda", "id", index)
            if item_id is not None and not item_id.strip():
                self.fail(Problem("empty_id"), "agenda", "id", index)
            elif item_id is not None and item_id in seen:
                self.fail(Problem("twice", value=repr(item_id)), "agenda", "id", index)
            seen.add(item_id or "")
            tekst = self.string(data, "agenda", "tekst", index, required=True)
            status = self.string(data, "agenda", "status", index) or "open"
            if status not in STATUSES:
                self.fail(Problem("bad_status", value=repr(status)), "agenda", "status", index)
            termijn = self.string(data, "agenda", "termijn", index)
            if termijn is not None and termijn not in TERMIJNEN:
                self.fail(Problem("bad_termijn", value=repr(termijn)), "agenda", "termijn", index)
            eigenaar = self.string(data, "agenda", "eigenaar", index)
            uiterlijk = self.date(data, "agenda", "uiterlijk", index)
            items.append(
                AgendaItem(item_id or "", tekst or "", status, termijn, eigenaar, uiterlijk)
            )
        return items


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _describe(value: Any) -> object:
    """A value as a message names it: its text for numbers and texts, else its kind."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (int, float)):
        return str(value)
    kinds = {
        dict: "table",
        list: "list",
        datetime.datetime: "datetime",
        datetime.date: "date",
        datetime.time: "time",
    }
    kind = kinds.get(type(value))
    return Problem(f"a.{kind}") if kind else type(value).__name__


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
    return _dumps(session, previous)[0]


def _dumps(session: Session, previous: str | None) -> tuple[str, tuple[str, ...]]:
    """The text, and the tables that had to be rewritten in the standard form."""
    import tomlkit
    from tomlkit.exceptions import ParseError

    from .document import merge, skeleton

    try:
        new = skeleton(FORMAAT, casus=session.ingevuld_door is None)
        document = tomlkit.parse(previous if previous is not None else new)
    except ParseError as error:
        raise SessionError("<bestand>", Problem("disk_not_toml", detail=error)) from None
    rewritten = merge(document, session, FORMAAT)
    text = document.as_string()
    return (text if text.endswith("\n") else text + "\n"), rewritten


def tables_to_rewrite(path: Path) -> tuple[str, ...]:
    """The tables of the file at `path` that a save will write again in the standard form.

    Said when a session is opened, before anything is saved; () when the
    file cannot be read (a save then says why).
    """
    try:
        text = _read_text(Path(path)).replace("\r\n", "\n")
    except SessionError:
        return ()
    if not _MAYBE_UNEDITABLE.search(text):
        return ()  # only headed tables: tomlkit need not even be loaded (memory)
    import tomlkit
    from tomlkit.exceptions import ParseError

    from .document import rewritten_tables

    try:
        return rewritten_tables(tomlkit.parse(text))
    except ParseError:
        return ()


_MAYBE_UNEDITABLE = re.compile(
    r"^[ \t]*(?:[\"']?(?:sessie|organogram|casus|schuiven)[\"']?[ \t]*[.=]|[\"']?agenda[\"']?[ \t]*=)",
    re.MULTILINE,
)
"""A known table as a dotted key or a value (`sessie.gemeente = `, `agenda = [`): the forms
a merge may have to write again; headed tables never are."""


@dataclass(frozen=True)
class SaveResult:
    """What `save` did."""

    path: Path
    written: bool
    """False when the file already held exactly these bytes."""
    rewritten: tuple[str, ...] = ()
    """Tables written in a form the merge could not keep (inline, dotted keys),
    now in the standard form: "agenda", "schuiven", ..."""


class ReadOnlyError(SessionError):
    """The file may not be written: it has no write permission."""


def save(session: Session, path: Path | str) -> SaveResult:
    """Write `session` to `path` atomically, merging into what is there.

    The text is written to a temporary file in the same folder, flushed,
    synced, read back with `tomllib` and checked to be exactly `session`,
    then renamed over the target with the target's permissions and owner.
    A crash leaves the old file or the new one, never a broken one. A file
    keeps its line endings (CRLF stays CRLF) and its byte order mark.

    Raises:
        ReadOnlyError: The file has no write permission (also for root).
        SessionError: Nothing was written; the message says why.
    """
    path = Path(path)
    try:
        return _save(session, path)
    except OSError as error:  # a folder that became unreadable, a name too long, ...
        raise SessionError(path, Problem("cannot_save", reason=Reason(error))) from None


def _save(session: Session, path: Path) -> SaveResult:
    target = Path(os.path.realpath(path))
    if path.is_symlink() or path.parent.is_symlink():
        # A symbolic link may point anywhere: never write through one out of
        # the sessions folder (`<sessions>/<gemeente>/<file>`), as `new` refuses.
        inside = Path(os.path.realpath(path.parent.parent))
        if not target.is_relative_to(inside):
            raise SessionError(path, Problem("symlink_out"))
    intended = session.normalized()
    # Read once, through the checks of `load` (a FIFO would block a plain read).
    raw = _read_bytes(target) if target.exists() else None
    if raw is not None and is_read_only(target):
        raise ReadOnlyError(path, Problem("read_only"))
    previous = _decode(raw, target) if raw is not None else None
    if previous is not None and _holds(previous, intended):
        return SaveResult(path, written=False)  # the same session: its file stays as it is
    # Mixed line endings: the file's dominant one is kept (CRLF when most lines have it).
    crlf = previous is not None and previous.count("\r\n") * 2 > previous.count("\n")
    try:
        text, rewritten = _dumps(intended, previous.replace("\r\n", "\n") if previous else previous)
    except SessionError as error:
        raise SessionError(path, error.problem) from None
    if crlf:
        text = text.replace("\n", "\r\n")
    try:
        bom = BOM.encode("utf-8") if raw and raw.startswith(BOM.encode("utf-8")) else b""
        data = bom + text.encode("utf-8")
    except UnicodeEncodeError:
        raise SessionError(path, Problem("not_encodable")) from None
    if data == raw:
        return SaveResult(path, written=False)

    def check(written: Path) -> None:
        try:
            read_back = loads(_read_text(written), path)
        except SessionError as error:
            raise SessionError(path, Problem("internal", detail=error.problem)) from None
        if read_back != intended:
            raise SessionError(path, Problem("read_back"))

    try:
        write_atomically(target, data, check=check)
    except OSError as error:
        raise SessionError(path, Problem("cannot_save", reason=Reason(error))) from None
    return SaveResult(path, written=True, rewritten=rewritten)


def is_read_only(path: Path) -> bool:
    """Whether `path` is a file that nobody may write (mode 0444), also when we are root.

    Root may write any file, but a file someone made read-only is meant to
    stay as it is.
    """
    try:
        return path.is_file() and not os.stat(path).st_mode & 0o222
    except OSError:
        return False


def _holds(text: str, session: Session) -> bool:
    """Whether `text` is a valid session file of exactly `session`."""
    try:
        return loads(text) == session
    except SessionError:
        return False


def save_new(session: Session, sessions_dir: Path, folder: Path | None = None) -> Path:
    """Write `session` as a new file in `sessions_dir` and return its path.

    The file is `<gemeente-slug>/<datum>.toml`, or `<datum>-2.toml` and so on
    when that day already has a session: an existing file is never reused.
    A new round goes into `folder`, the folder of the round it continues.

    Raises:
        ValueError: The gemeente's name leaves no usable folder name.
        SessionError: Nothing was written; the message says why.
    """
    try:
        path = new_session_path(sessions_dir, session.gemeente, session.datum, folder)
    except OSError as error:  # a name or folder longer than the file system allows
        raise SessionError(sessions_dir, Problem("cannot_save", reason=Reason(error))) from None
    inside = Path(os.path.realpath(sessions_dir))
    if not Path(os.path.realpath(path)).is_relative_to(inside):
        raise SessionError(path, Problem("symlink_out"))
    save(session, path)
    return path


def visible_session(session: Session) -> Session:
    """`session` if no text in it holds a control character; else a copy where none does."""
    if any(CONTROL.search(text) for text in session.texts()):
        return session.with_texts(visible)
    return session
