"""The help screen: every key, in the interface language."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ..i18n import Translator

KEYS: tuple[tuple[str, str], ...] = (
    ("help.section.sliders", ""),
    ("↑ / k", "help.up"),
    ("↓ / j", "help.down"),
    ("PgUp / PgDn", "help.page"),
    ("End / Home", "help.end_home"),
    ("0 / m", "help.middle"),
    ("← h / → l", "help.left_right"),
    ("Tab / Shift+Tab", "help.tab"),
    ("Enter / t", "help.toelichting"),
    ("help.section.everywhere", ""),
    ("c", "help.casus"),
    ("a", "help.agenda"),
    ("? / F1", "help.help"),
    ("Escape", "help.escape"),
    ("Ctrl+S", "help.save"),
    ("Ctrl+Z", "help.undo"),
    ("Ctrl+Q", "help.quit"),
    ("help.section.agenda", ""),
    ("n / Insert", "help.agenda_add"),
    ("Enter / e", "help.agenda_edit"),
    ("Spatie / x", "help.agenda_toggle"),
    ("Delete / d", "help.agenda_delete"),
    ("Shift+↑↓, K, J", "help.agenda_move"),
    ("help.section.start", ""),
    ("Enter", "help.start_open"),
    ("n", "help.start_new"),
    ("r", "help.start_round"),
)


class HelpScreen(ModalScreen[None]):
    """Every key of the app; Escape, F1, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss", "key.close"),
    ]

    def __init__(self, translate: Translator) -> None:
        super().__init__()
        self.translate = translate

    def compose(self) -> ComposeResult:
        _ = self.translate
        lines = []
        for key, meaning in KEYS:
            if not meaning:
                lines.append(f"\n[b]{_(key)}[/b]")
            else:
                lines.append(f"  [b]{key:<16}[/b] {_(meaning)}")
        with Vertical(classes="dialog help"):
            yield Label(_("help.title"), classes="dialog-title")
            with VerticalScroll():
                yield Static("\n".join(lines).lstrip("\n"), id="help-text")
            yield Static(_("help.close"), classes="dialog-keys")
