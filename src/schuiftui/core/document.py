"""A session merged into the TOML document of its file, with tomlkit.

Only values that differ are touched, in their place; comments, blank lines
and keys this program does not know survive, and an unchanged session gives
back the same text. tomlkit is imported only here, and only when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..sanitize import visible
from .categories import BY_ID, CATEGORIES, CATEGORY_IDS
from .session import AgendaItem, Session, Slider
from .tomlkit_adapter import container_of, insert_at, lines_of

if TYPE_CHECKING:
    from tomlkit.container import Container
    from tomlkit.items import Item, Table


def skeleton(formaat: int, casus: bool = True) -> str:
    """The text a new file starts from: every table, every slider in the middle.

    One person's own placement (`casus` False) has no casus: it belongs to
    the team's file.
    """
    lines = [
        "# Schuifoefening wijkgericht werken",
        f"formaat = {formaat}",
        "",
        "[sessie]",
        'gemeente = ""',
        "datum = 2000-01-01",
    ]
    if casus:
        lines += ["", "[casus]", 'titel = ""', 'notities = ""']
    for category in CATEGORIES:
        lines += [
            "",
            f"[schuiven.{category.id}]  # {category.name.nl}",
            "stand = 0",
            'toelichting = ""',
        ]
    return "\n".join(lines) + "\n"


TABLES: tuple[str, ...] = ("sessie", "organogram", "samenhang", "casus", "schuiven", "agenda")
"""The tables of a session file in their fixed order."""


def merge_into_document(document: Container, session: Session, formaat: int) -> tuple[str, ...]:
    """Write the values of `session` into `document`, touching only what differs.

    Returns:
        The tables that were written in a form this merge cannot edit in
        place (inline tables, dotted keys, `agenda` as an array), and so are
        written again from the session in the standard form.
    """
    comments: dict[tuple[str, ...], str] = {}
    rewritten = _standard_structures(document, comments)
    _set(document, "formaat", formaat)
    sessie = _ensure_table(document, "sessie", before=TABLES[1:])
    _set(sessie, "gemeente", session.gemeente)
    _set(sessie, "datum", session.datum)
    _set(sessie, "titel", session.titel)
    _set(sessie, "deelnemers", session.deelnemers)
    _set(sessie, "ingevuld_door", session.ingevuld_door)

    if "organogram" in document or session.organogram:
        organogram = _ensure_table(document, "organogram", before=TABLES[2:])
        _set(organogram, "notities", session.organogram, default=_default_if_sparse(organogram, ""))

    if "samenhang" in document or session.samenhang:
        samenhang = _ensure_table(document, "samenhang", before=TABLES[3:])
        _set(samenhang, "notities", session.samenhang, default=_default_if_sparse(samenhang, ""))

    casus_empty = not session.casus.titel and not session.casus.notities
    if "casus" in document or not casus_empty:
        casus = _ensure_table(document, "casus", before=("schuiven", "agenda"))
        default = _default_if_sparse(casus, "")
        _set(casus, "titel", session.casus.titel, default=default)
        _set(casus, "notities", session.casus.notities, default=default)

    for position, (slider_id, slider) in enumerate(session.sliders.items()):
        existing = document.get("schuiven", {}).get(slider_id)
        if existing is None and slider == Slider():
            continue  # a missing table already means: middle, no toelichting
        schuiven = _ensure_table(document, "schuiven", before=("agenda",), super_table=True)
        if existing is None and _has_inline(schuiven):
            # Written as `id = { stand = .., toelichting = .. }` lines: a new one
            # too, among them (a headed table there would take the lines after it).
            import tomlkit

            _insert_value(schuiven, slider_id, tomlkit.inline_table())
        table = _ensure_table(
            schuiven,
            slider_id,
            before=CATEGORY_IDS[position + 1 :],
            comment=BY_ID[slider_id].name.nl,
        )
        _set(table, "stand", slider.stand, default=_default_if_sparse(table, 0))
        _set(table, "toelichting", slider.toelichting, default=_default_if_sparse(table, ""))

    _merge_agenda(document, session.agenda)
    _put_comments(document, comments)
    return rewritten


def _has_inline(table: Any) -> bool:
    """Whether a table holds inline tables (sliders written one per line)."""
    from tomlkit.items import InlineTable

    return any(isinstance(item, InlineTable) for _, item in lines_of(table))


def _default_if_sparse(table: Table, default: Any) -> Any:
    """What a missing key means, for a table that already has keys; None for a new table.

    A new table is written in full, as in the example files; an existing
    one that leaves keys out stays that way.
    """
    return default if len(table) else None


KNOWN_KEYS: dict[str, frozenset[str]] = {
    "sessie": frozenset(("gemeente", "datum", "titel", "deelnemers", "ingevuld_door")),
    "organogram": frozenset(("notities",)),
    "samenhang": frozenset(("notities",)),
    "casus": frozenset(("titel", "notities")),
    "schuiven": frozenset(CATEGORY_IDS),
}
"""The keys the merge writes in each table; other keys, in any form, it leaves alone."""

SLIDER_KEYS = frozenset(("stand", "toelichting"))


def _standard_structures(
    document: Container, comments: dict[tuple[str, ...], str]
) -> tuple[str, ...]:
    """Remove the known tables written in a form the merge cannot edit; return their names.

    Headed tables, inline tables of plain values and keys the merge does not
    write (in any form) are edited in place, comments and unknown keys kept.
    What is left (a table split over dotted keys at the top, `agenda` as an
    inline array) is written again by `merge` in the standard form; the
    comments on its lines go into `comments`, by the key they were on, to
    move with their key (see `_put_comments`).
    """
    from tomlkit.items import AoT, InlineTable, Table

    rewritten = []
    for name in TABLES:
        entries = [item for key, item in document.body if key is not None and key.key == name]
        keys = [key for key, _ in document.body if key is not None and key.key == name]
        if not entries:
            continue
        standard = len(entries) == 1 and not keys[0].is_dotted()
        item = entries[0]
        if name == "agenda":
            standard = standard and isinstance(item, AoT)
        elif isinstance(item, InlineTable):
            standard = standard and name != "schuiven" and _plain_inline(item)
        else:
            standard = standard and isinstance(item, Table) and _editable(item, name)
        if not standard:
            for item in entries:
                _take_comments(item, (name,), comments)
            del document[name]
            rewritten.append(name)
    return tuple(rewritten)


def rewritten_tables(document: Container) -> tuple[str, ...]:
    """The tables a merge into `document` would write again (see `_standard_structures`).

    `document` is changed: pass one that is not written back.
    """
    return _standard_structures(document, {})


def _take_comments(item: Any, path: tuple[str, ...], comments: dict[tuple[str, ...], str]) -> None:
    """The comments at the end of `item`'s lines and those of the values in it, by key path."""
    trivia = getattr(item, "trivia", None)
    if trivia is not None and trivia.comment:
        comments[path] = trivia.comment.lstrip("# ").rstrip()
    if isinstance(item, dict):
        for key, value in lines_of(item):
            if key is not None:
                _take_comments(value, (*path, key.key), comments)
    elif isinstance(item, list):  # agenda items, matched by position
        for index, value in enumerate(item):
            _take_comments(value, (*path, str(index)), comments)


def _put_comments(document: Container, comments: dict[tuple[str, ...], str]) -> None:
    """Put each comment of a rewritten table back on its key, where the key still is."""
    for path, text in comments.items():
        item: Any = document
        for part in path:
            if isinstance(item, list) and part.isdigit() and int(part) < len(item):
                item = item[int(part)]
            elif isinstance(item, dict) and part in item:
                item = _item(item, part)
            else:
                item = None
                break
        if isinstance(item, list) and item:
            item = item[0]  # the agenda's comment: on its first table
        if item is None or not hasattr(item, "comment"):
            continue
        if not item.trivia.comment:
            item.comment(text)


def _item(container: Any, key: str) -> Any:
    """The tomlkit item under `key` (not its plain value)."""
    return container.item(key) if hasattr(container, "item") else container[key]


def _editable(table: Any, name: str) -> bool:
    """Whether the merge can write its keys of table `name` in place."""
    from tomlkit.items import InlineTable, Table

    known = KNOWN_KEYS[name]
    for key, item in lines_of(table):
        if key is None:
            continue
        if key.is_dotted():
            if key.key in known:
                return False  # a key the merge writes, split over dotted keys
            continue
        if name != "schuiven" or key.key not in known:
            continue  # a plain value, or a key the merge leaves alone
        if isinstance(item, InlineTable):
            if not _plain_inline(item):
                return False
        elif isinstance(item, Table) and any(
            k is not None and k.is_dotted() and k.key in SLIDER_KEYS for k, _ in lines_of(item)
        ):
            return False
    return True


def _plain_inline(table: Any) -> bool:
    """Whether an inline table holds only plain values under plain keys."""
    return all(
        key is None or (not key.is_dotted() and not isinstance(item, dict))
        for key, item in lines_of(table)
    )


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
        if not container_of(table).as_string().endswith("\n"):
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
        _pop_comments(lines_of(_last_table_in(before))) if isinstance(before, items.Table) else ""
    )
    comments = {str(tables[0].get("id")): above_first}
    for above, table in zip(tables, tables[1:]):
        comments[str(table.get("id"))] = _pop_comments(lines_of(above))
    return comments


def _last_table_in(table: Table) -> Table:
    """The table whose body ends where `table` ends: its last sub-table, if any."""
    from tomlkit import items

    while lines_of(table) and isinstance(lines_of(table)[-1][1], items.Table):
        table = lines_of(table)[-1][1]
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

    body = lines_of(table)
    while body and body[-1][0] is None and isinstance(body[-1][1], Whitespace):
        body.pop()  # keyless items are not in tomlkit's key index


def _fill_agenda_table(table: Table, item: AgendaItem) -> None:
    status_default = _default_if_sparse(table, "open")
    _set(table, "id", item.id)
    _set(table, "tekst", item.tekst)
    _set(table, "status", item.status, default=status_default)
    _set(table, "termijn", item.termijn)
    _set(table, "eigenaar", item.eigenaar)
    _set(table, "uiterlijk", item.uiterlijk)
    _set(table, "categorie", item.categorie)


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
    """Whether a value in the document already is `new` (true is not 1).

    Text with control characters is loaded as it is shown, with placeholders
    (see `sanitize`); when the session still holds it so, nobody edited it,
    and the file keeps its own bytes.
    """
    unwrapped = old.unwrap() if hasattr(old, "unwrap") else old
    if type(unwrapped) is not type(new):
        return False
    return unwrapped == new or _as_shown(unwrapped) == new


def _as_shown(value: Any) -> Any:
    """`value` as loading shows it: text, also in a list, with its control characters visible."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, list):
        return [visible(part) if isinstance(part, str) else part for part in value]
    return value


def _set(container: Container | Table, key: str, value: Any, default: Any = None) -> None:
    """Set `key` to `value` in place; None removes it; an equal value is left alone.

    Leaving equal values alone is what makes an unchanged save write
    identical bytes and keeps inline comments on untouched lines. A missing
    key that would get its `default` (what a missing key means) stays
    missing, so a sparse file stays sparse.
    """
    if value is None:
        if key in container:
            del container[key]
        return
    if key not in container and value == default and type(value) is type(default):
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
    body = lines_of(container)
    last_value = None
    for index, (key_in_body, existing) in enumerate(body):
        if key_in_body is not None and not _is_table(existing):
            last_value = index
    if last_value is None or last_value + 1 == len(body):
        container.add(key, item)
        return
    insert_at(container, last_value + 1, key, item)


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
    body = lines_of(container)
    later = [i for i, (k, _) in enumerate(body) if k is not None and k.key in before]
    if later:
        table.add(tomlkit.nl())
        insert_at(container, later[0], key, table)
    else:
        previous = body[-1][1].as_string() if body else ""
        table.trivia.indent = _gap_after(previous)
        container.append(key, table)
    return container[key]


def _is_table(item: Any) -> bool:
    from tomlkit.items import AoT, Table

    return isinstance(item, (Table, AoT))
