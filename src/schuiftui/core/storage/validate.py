"""Whether what a session file says is a session: every key, type and range, with its line."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

from ..categories import BY_ID, CATEGORY_IDS
from ..problems import Problem
from ..session import (
    STAND_MAX,
    STAND_MIN,
    STATUSES,
    TERMIJNEN,
    AgendaItem,
    Casus,
    Session,
    Slider,
)
from .errors import FORMAAT, SessionError, SessionProblems

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


ID_PURPOSE = 'een id (zoals "a1") houdt een actie herkenbaar over de rondes heen'
"""Why an agenda item needs an id, for the message that says one is missing."""


class Validator:
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
        samenhang = self.table(data, "samenhang")
        samenhang_notities = self.string(samenhang, "samenhang", "notities") or ""
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
            samenhang=samenhang_notities,
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
            categorie = self.string(data, "agenda", "categorie", index)
            if categorie is not None and categorie not in BY_ID:
                known = ", ".join(CATEGORY_IDS)
                problem = Problem("bad_categorie", value=repr(categorie), known=known)
                self.fail(problem, "agenda", "categorie", index)
                categorie = None
            items.append(
                AgendaItem(
                    item_id or "", tekst or "", status, termijn, eigenaar, uiterlijk, categorie
                )
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
