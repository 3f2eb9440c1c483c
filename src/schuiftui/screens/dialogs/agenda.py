"""The dialog for one action of the lokale agenda."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Select

from ...core.categories import CATEGORIES
from ...core.session import parse_date, typed_date
from ...i18n import Translator
from ...widgets.plain import Plain, PlainLabel
from .base import EditDialog, date_problem


@dataclass(frozen=True)
class AgendaFields:
    """What the agenda item dialog returns."""

    tekst: str
    termijn: str | None
    eigenaar: str | None
    uiterlijk: datetime.date | None
    """The date by which it is due (huiswerk), if any."""
    categorie: str | None = None
    """The slider the action serves, if any."""
    save: bool = False


class AgendaItemDialog(EditDialog[AgendaFields]):
    """Write or change one step of the lokale agenda."""

    KEYS = "dialog.agenda.keys"

    def __init__(self, fields: AgendaFields, translate: Translator, *, new: bool) -> None:
        super().__init__(translate)
        self.fields = fields
        self.new = new

    def dialog_title(self) -> str:
        return self.translate("dialog.agenda.new" if self.new else "dialog.agenda.edit")

    def compose_body(self) -> ComposeResult:
        _ = self.translate
        yield PlainLabel(_("dialog.agenda.tekst"))
        yield Input(self.fields.tekst, id="tekst")
        with Horizontal(classes="dialog-row"):
            with Vertical():
                yield PlainLabel(_("dialog.agenda.termijn"))
                yield Select(
                    [(_("termijn.kort"), "kort"), (_("termijn.lang"), "lang")],
                    value=self.fields.termijn or Select.NULL,
                    prompt=_("dialog.agenda.geen_termijn"),
                    id="termijn",
                )
            with Vertical():
                yield PlainLabel(_("dialog.agenda.eigenaar"))
                yield Input(self.fields.eigenaar or "", id="eigenaar")
            with Vertical():
                yield PlainLabel(_("dialog.agenda.uiterlijk"))
                uiterlijk = self.fields.uiterlijk
                yield Input(
                    typed_date(uiterlijk) if uiterlijk else "",
                    id="uiterlijk",
                    placeholder=_("dialog.date_placeholder"),
                )
        yield PlainLabel(_("dialog.agenda.categorie"))
        yield Select(
            [(category.name.get(_.lang), category.id) for category in CATEGORIES],
            value=self.fields.categorie or Select.NULL,
            prompt=_("dialog.agenda.geen_categorie"),
            id="categorie",
        )
        yield Plain("", id="problem", classes="dialog-problem")

    def on_mount(self) -> None:
        self.query_one("#tekst", Input).focus()

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_done(False)

    def problem(self) -> str | None:
        return date_problem(self.query_one("#uiterlijk", Input), required=False)

    def result(self, save: bool) -> AgendaFields:
        termijn = self.query_one("#termijn", Select).value
        categorie = self.query_one("#categorie", Select).value
        eigenaar = self.query_one("#eigenaar", Input).value.strip()
        return AgendaFields(
            tekst=self.query_one("#tekst", Input).value.strip(),
            termijn=termijn if isinstance(termijn, str) else None,
            eigenaar=eigenaar or None,
            # A date still being typed (a recovery draft) keeps none yet.
            uiterlijk=parse_date(self.query_one("#uiterlijk", Input).value.strip()),
            categorie=categorie if isinstance(categorie, str) else None,
            save=save,
        )
