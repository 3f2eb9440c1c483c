"""The help screen: every key, in the interface language."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll

from ..widgets.plain import PlainLabel
from .dialogs.base import Dialog

SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "help.section.sliders",
        (
            ("↑ / k", "help.up"),
            ("↓ / j", "help.down"),
            ("PgUp / PgDn", "help.page"),
            ("End / Home", "help.end_home"),
            ("0 / m", "help.middle"),
            ("← h / → l", "help.left_right"),
            ("Tab / Shift+Tab", "help.tab"),
            ("Enter / t", "help.toelichting"),
        ),
    ),
    (
        "help.section.everywhere",
        (
            ("o", "help.organogram"),
            ("c", "help.casus"),
            ("C / F2", "help.casus_editor"),
            ("g", "help.details"),
            ("z", "help.samenhang"),
            ("d", "help.read_detail"),
            ("a", "help.agenda"),
            ("? / F1", "help.help"),
            ("Escape", "help.escape"),
            ("Ctrl+S", "help.save"),
            ("Ctrl+Z", "help.undo"),
            ("Ctrl+Q", "help.quit"),
            ("Ctrl+L", "help.redraw"),
            ("v", "help.compare_previous"),
            ("x", "help.export"),
        ),
    ),
    (
        "help.section.agenda",
        (
            ("n / Insert", "help.agenda_add"),
            ("Enter / e", "help.agenda_edit"),
            ("Spatie / x", "help.agenda_toggle"),
            ("Delete / d", "help.agenda_delete"),
            ("Shift+↑↓, K, J", "help.agenda_move"),
        ),
    ),
    (
        "help.section.start",
        (
            ("Enter", "help.start_open"),
            ("n", "help.start_new"),
            ("r", "help.start_round"),
            ("i", "help.start_invullen"),
            ("p", "help.start_placements"),
            ("d / Delete", "help.start_remove"),
            ("u", "help.start_restore"),
            ("Spatie", "help.start_mark"),
            ("v", "help.start_compare"),
        ),
    ),
    (
        "help.section.compare",
        (
            ("← h / → l", "help.compare_slider"),
            ("↑↓ PgUp PgDn", "help.compare_scroll"),
            ("Enter", "help.compare_median"),
            ("+ / -", "help.compare_team_step"),
            ("t", "help.compare_toelichting"),
            ("Ctrl+Z", "help.compare_undo"),
            ("d / u", "help.compare_remove"),
            ("r", "help.compare_reveal"),
            ("x", "help.compare_export"),
            ("Escape", "help.compare_back"),
        ),
    ),
)
"""Per section of the help: its heading and (keys, meaning) pairs, as catalog keys."""


class HelpScreen(Dialog[None]):
    """Every key of the app; Escape, F1, ? or q closes it."""

    DEFAULT_CSS = """
    .dialog.help {
        height: 90%;
    }

    #help-text .help-keys {
        grid-size: 2;
        grid-columns: 18 1fr;
        grid-rows: auto;
        height: auto;
    }

    #help-text .help-key {
        text-style: bold;
        padding-left: 2;
    }

    #help-text .help-meaning {
        width: 1fr;
    }

    #help-text .help-section {
        text-style: bold;
        margin-top: 1;
    }

    #help-text .help-section:first-child {
        margin-top: 0;
    }
    """

    HEADING = "help.title"
    KEYS = "help.close"
    FRAME = "dialog help"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss", "key.close"),
    ]

    def compose_body(self) -> ComposeResult:
        _ = self.translate
        with VerticalScroll(id="help-text"):
            for heading, keys in SECTIONS:
                yield PlainLabel(_(heading), classes="help-section")
                # A grid, so a long meaning wraps within its own column.
                with Grid(classes="help-keys"):
                    for key, meaning in keys:
                        yield PlainLabel(key, classes="help-key")
                        yield PlainLabel(_(meaning), classes="help-meaning")
