"""The questions around saving, asked on behalf of a `SessionEditor`.

A save may have to ask (a conflict, a deleted, read-only or invalid file);
a session opened with a draft asks what to do with it. The editor decides;
these only ask and return the answer.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from ..core.editing import Answer, Question
from ..i18n import Translator

if TYPE_CHECKING:
    from textual.app import App

    from ..core.drafts import Draft
    from ..core.session import Session


async def ask_about_save(app: App[object], _: Translator, question: Question) -> Answer:
    """Ask what a save must ask (see `SessionEditor.save`); the answer, or None."""
    from .dialogs.choices import ConfirmDialog
    from .dialogs.conflict import ConflictDialog

    if question.kind == "conflicts":
        return await app.push_screen_wait(ConflictDialog(question.conflicts, _))
    text, action = {
        "read_only": (_("save.read_only", path=question.path), _("save.as_new_file")),
        "invalid": (
            _("save.invalid", path=question.path, problem=question.problem),
            _("save.as_new_file"),
        ),
        "deleted": (_("save.deleted", path=question.path), _("save.write_again")),
    }[question.kind]
    return await app.push_screen_wait(ConfirmDialog(text, action, _)) == "yes"


async def ask_about_draft(app: App[object], _: Translator, session: Session, draft: Draft) -> str:
    """Show what a draft holds beyond `session`: "restore" (the default), or it is dropped."""
    # Only now: a session opened without a draft never needs them (memory).
    from ..core.diff import diff
    from ..core.render.text import diff_text
    from .dialogs.choices import DraftDialog

    when = datetime.datetime.fromtimestamp(draft.written).strftime("%Y-%m-%d %H:%M")
    difference = diff_text(diff(session, draft.session), _.lang)
    return await app.push_screen_wait(DraftDialog(when, difference, _))
