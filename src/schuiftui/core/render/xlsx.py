"""An Excel workbook of sessions: stands, toelichtingen and actions, one sheet each.

For the facilitator or the management who work in Excel: Dutch Excel reads
a CSV in one column with garbled accents, a workbook as it is. Built with
xlsxwriter (pure Python, no dependencies). Every text is written as text,
never as a formula or a link, whatever it starts with.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ...i18n import Translator
from ..categories import BY_ID, CATEGORIES

if TYPE_CHECKING:
    from ..compare import Compared


def sessions_xlsx(
    items: Sequence[Compared], lang: str = "nl", today: datetime.date | None = None
) -> bytes:
    """The workbook of `items`: sheets Standen, Toelichtingen and Acties.

    `today` decides which open actions are late (by default the real today).
    """
    import xlsxwriter

    _ = Translator(lang)
    today = today or datetime.date.today()
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        output,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    formats = {
        "head": workbook.add_format({"bold": True, "bottom": 1}),
        "date": workbook.add_format({"num_format": "dd-mm-yyyy"}),
        "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
        "top": workbook.add_format({"valign": "top"}),
    }
    names = [category.name.get(lang) for category in CATEGORIES]

    stands = _sheet(
        workbook,
        _("xlsx.sheet.standen"),
        [_("xlsx.gemeente"), _("xlsx.datum"), _("xlsx.titel"), _("xlsx.wie"), *names],
        formats,
        widths=[18, 12, 30, 16, *[14] * len(names)],
    )
    for row, item in enumerate(items, start=1):
        session = item.session
        who = session.ingevuld_door or _("xlsx.team")
        cells = [session.gemeente, session.datum, session.titel or "", who]
        cells += [session.sliders[category.id].stand for category in CATEGORIES]
        _row(stands, row, cells, formats)

    texts = _sheet(
        workbook,
        _("xlsx.sheet.toelichtingen"),
        [
            _("xlsx.gemeente"),
            _("xlsx.datum"),
            _("xlsx.wie"),
            _("xlsx.schuif"),
            _("xlsx.stand"),
            _("xlsx.toelichting"),
        ],
        formats,
        widths=[18, 12, 16, 24, 7, 80],
    )
    row = 1
    for item in items:
        session = item.session
        for category in CATEGORIES:
            slider = session.sliders[category.id]
            who = session.ingevuld_door or _("xlsx.team")
            cells = [session.gemeente, session.datum, who, category.name.get(lang), slider.stand]
            _row(texts, row, [*cells, slider.toelichting], formats, wrap_last=True)
            row += 1

    actions = _sheet(
        workbook,
        _("xlsx.sheet.acties"),
        [
            _("xlsx.gemeente"),
            _("xlsx.datum"),
            _("xlsx.actie"),
            _("xlsx.status"),
            _("xlsx.termijn"),
            _("xlsx.eigenaar"),
            _("xlsx.uiterlijk"),
            _("xlsx.te_laat"),
            _("xlsx.schuif"),
        ],
        formats,
        widths=[18, 12, 50, 10, 14, 18, 12, 9, 24],
    )
    row = 1
    for item in items:
        session = item.session
        if session.ingevuld_door is not None:
            continue  # a person's own placement has no agenda
        for action in session.agenda:
            cells: list[Any] = [
                session.gemeente,
                session.datum,
                action.tekst,
                _(f"xlsx.status.{action.status}"),
                _(f"termijn.{action.termijn}") if action.termijn else "",
                action.eigenaar or "",
                action.uiterlijk,
                _("xlsx.ja") if action.overdue(today) else "",
                BY_ID[action.categorie].name.get(lang) if action.categorie else "",
            ]
            _row(actions, row, cells, formats)
            row += 1
    workbook.close()
    return output.getvalue()


def _sheet(
    workbook: Any, name: str, headers: list[str], formats: dict[str, Any], widths: list[int]
) -> Any:
    sheet = workbook.add_worksheet(name[:31])
    for column, (header, width) in enumerate(zip(headers, widths)):
        sheet.write_string(0, column, header, formats["head"])
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)
    return sheet


def _row(
    sheet: Any, row: int, cells: list[Any], formats: dict[str, Any], *, wrap_last: bool = False
) -> None:
    """One row: texts as text (never a formula), numbers as numbers, dates as dates."""
    for column, value in enumerate(cells):
        last = wrap_last and column == len(cells) - 1
        style = formats["wrap"] if last else formats["top"]
        if value is None:
            continue
        if isinstance(value, datetime.date):
            sheet.write_datetime(row, column, value, formats["date"])
        elif isinstance(value, int):
            sheet.write_number(row, column, value, style)
        else:
            sheet.write_string(row, column, str(value), style)
