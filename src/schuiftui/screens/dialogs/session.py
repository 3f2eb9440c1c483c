"""Dialogs about a session itself: its details, a new session or round, a person's name."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Static

from ...core.paths import slugify
from ...core.session import (
    ROLES,
    normalize_text,
    parse_date,
    parse_deelnemers,
    read_date,
    typed_date,
)
from ...i18n import Translator
from ...widgets.plain import Plain, PlainLabel
from ...widgets.roles import RoleSuggester
from .base import Dialog, EditDialog, date_problem


def deelnemers_input(deelnemers: list[str] | None, translate: Translator) -> Input:
    """The field for deelnemers: free text, comma-separated, the trio's roles suggested."""
    return Input(
        ", ".join(deelnemers or []),
        id="deelnemers",
        placeholder=translate("dialog.details.deelnemers_placeholder"),
        suggester=RoleSuggester(),
        compact=True,
    )


@dataclass(frozen=True)
class SessionDetails:
    """What the details dialog returns."""

    titel: str
    deelnemers: list[str] | None
    datum: datetime.date
    save: bool = False


class DetailsDialog(EditDialog[SessionDetails]):
    """The session's titel, deelnemers and datum."""

    HEADING = "dialog.details.title"
    KEYS = "dialog.details.keys"

    def __init__(
        self,
        titel: str | None,
        deelnemers: list[str] | None,
        datum: datetime.date,
        translate: Translator,
    ) -> None:
        super().__init__(translate)
        self.details = SessionDetails(titel or "", deelnemers, datum)

    def compose_body(self) -> ComposeResult:
        _ = self.translate
        yield PlainLabel(_("dialog.details.titel"))
        yield Input(self.details.titel, id="titel", compact=True)
        yield PlainLabel(_("dialog.details.deelnemers"))
        yield deelnemers_input(self.details.deelnemers, _)
        yield Plain(_("dialog.details.roles", roles=", ".join(ROLES)), classes="dialog-help")
        yield PlainLabel(_("dialog.new.datum"))
        yield Input(
            typed_date(self.details.datum),
            id="datum",
            placeholder=_("dialog.date_placeholder"),
            compact=True,
        )
        yield Plain("", id="problem", classes="dialog-problem")

    def on_mount(self) -> None:
        self.query_one("#titel", Input).focus()

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_done(False)

    def problem(self) -> str | None:
        return date_problem(self.query_one("#datum", Input))

    def result(self, save: bool) -> SessionDetails:
        datum = parse_date(self.query_one("#datum", Input).value)
        return SessionDetails(
            titel=self.query_one("#titel", Input).value,
            deelnemers=parse_deelnemers(self.query_one("#deelnemers", Input).value),
            # A date still being typed (a recovery draft) keeps the one there was.
            datum=datum or self.details.datum,
            save=save,
        )


@dataclass(frozen=True)
class NewSession:
    """What the new-session dialog returns."""

    gemeente: str
    datum: datetime.date
    titel: str | None = None
    deelnemers: list[str] | None = None
    """None: none typed (a new round then keeps those of the round before)."""


class NewSessionDialog(Dialog["NewSession | None"]):
    """Ask for a gemeente, a date (default today), a titel and deelnemers for a new session.

    For a new round the gemeente is given and cannot be changed.
    """

    HEADING = "dialog.new.title"
    KEYS = "dialog.new.keys"
    FRAME = "dialog small"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
    ]

    def __init__(
        self,
        translate: Translator,
        today: datetime.date,
        gemeente: str | None = None,
        deelnemers: list[str] | None = None,
    ) -> None:
        super().__init__(translate)
        self.today = today
        self.gemeente = gemeente
        self.deelnemers = deelnemers

    def dialog_title(self) -> str:
        if self.gemeente is None:
            return self.translate("dialog.new.title")
        return self.translate("dialog.round.title", gemeente=self.gemeente)

    def compose_body(self) -> ComposeResult:
        _ = self.translate
        yield PlainLabel(_("dialog.new.gemeente"))
        yield Input(self.gemeente or "", id="gemeente", compact=True, disabled=bool(self.gemeente))
        yield PlainLabel(_("dialog.new.datum"))
        yield Input(typed_date(self.today), id="datum", compact=True)
        yield PlainLabel(_("dialog.details.titel"))
        yield Input(id="titel", compact=True)
        yield PlainLabel(_("dialog.details.deelnemers"))
        yield deelnemers_input(self.deelnemers, _)
        yield Plain("", id="problem", classes="dialog-problem")

    def on_mount(self) -> None:
        self.query_one("#datum" if self.gemeente else "#gemeente", Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        _ = self.translate
        gemeente = self.query_one("#gemeente", Input).value.strip()
        datum_text = self.query_one("#datum", Input).value.strip()
        problem = self.query_one("#problem", Static)
        try:
            slugify(gemeente)
        except ValueError:
            problem.update(_("dialog.new.bad_gemeente"))
            self.query_one("#gemeente", Input).focus()
            return
        try:
            datum = read_date(datum_text)
        except ValueError as bad:
            problem.update(str(bad))
            self.query_one("#datum", Input).focus()
            return
        titel = normalize_text(self.query_one("#titel", Input).value).strip()
        deelnemers = parse_deelnemers(self.query_one("#deelnemers", Input).value)
        self.dismiss(NewSession(gemeente, datum, titel or None, deelnemers))

    def action_cancel(self) -> None:
        self.dismiss(None)


class NameDialog(Dialog["str | None"]):
    """Ask whose own placement it is: a name, or empty for an anonymous one (a number).

    Returns the name ("" for anonymous), or None when cancelled.
    """

    HEADING = "dialog.name.title"
    KEYS = "dialog.name.keys"
    FRAME = "dialog small"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
    ]

    def __init__(self, translate: Translator, session_label: str) -> None:
        super().__init__(translate)
        self.session_label = session_label

    def compose_body(self) -> ComposeResult:
        _ = self.translate
        yield Plain(_("dialog.name.explain", session=self.session_label), classes="dialog-help")
        yield PlainLabel(_("dialog.name.naam"))
        yield Input(id="naam", compact=True)
        yield Plain("", id="problem", classes="dialog-problem")

    def on_mount(self) -> None:
        self.query_one("#naam", Input).focus()

    @on(Input.Submitted)
    def submitted(self) -> None:
        naam = normalize_text(self.query_one("#naam", Input).value).strip()
        if naam:
            try:
                slugify(naam)
            except ValueError:
                self.query_one("#problem", Static).update(self.translate("dialog.name.bad"))
                return
        self.dismiss(naam)

    def action_cancel(self) -> None:
        self.dismiss(None)
