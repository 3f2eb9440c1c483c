"""The team's discussion on the compare screen of one session's placements.

With everyone's own placement in view, the team agrees on its stand: Enter
takes the people's median, + and - adjust it, t writes the team's
toelichting (starting from a person's if wanted), Ctrl+Z takes changes
back; d and u take a placement to the trash and back. Every change goes
straight into the team's file (`core.placements.set_team_slider`). The
compare screen (`compare`) inherits this, as the panel inherits its edits.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.screen import Screen

from ..core.categories import BY_ID, CATEGORIES
from ..core.compare import Compared, discussed, fingerprint, people, team_among
from ..core.placements import placed_by
from ..core.session import Slider, format_stand
from ..i18n import Translator

MOVED_FAR = 2
"""A team stand moved this far by the median asks (once, by a note) why, as the panel does."""


class TeamDiscussion(Screen[None]):
    """The team's keys on a compare screen (see the module); the screen shows, this changes."""

    translate: Translator
    items: list[Compared]
    problems: list[str]
    targets: list[Path]
    team: Path | None
    """The team's session file, when the screen shows one session's placements."""
    state: tuple[object, ...]
    _focused: str
    _team_undo: list[tuple[str, Slider]]
    _removed: list[tuple[Path, Path]]

    def _read(self) -> tuple[list[Compared], list[str]]:
        raise NotImplementedError

    def _show(self) -> None:
        raise NotImplementedError

    def action_team_step(self, steps: int) -> None:
        """Move the team's stand on the focused slider, and save it to the team's file."""
        team = team_among(self.items)
        if team is not None:
            self._change_team(stand=team.session.sliders[self._focused].stand + steps)

    def action_propose_median(self) -> None:
        """Take the people's median as the team's stand on the focused slider (Ctrl+Z undoes)."""
        from ..core.placements import team_proposal

        if not people(self.items):
            self.notify(self.translate("compare.no_people"), timeout=4)
            return
        of = discussed(self.items)[1][CATEGORIES.index(BY_ID[self._focused])]
        stand = team_proposal(of.median)
        before = self._change_team(stand=stand)
        if before is not None and abs(stand - before.stand) >= MOVED_FAR:
            _ = self.translate
            self.notify(
                _(
                    "compare.why_moved",
                    name=BY_ID[self._focused].name.get(_.lang),
                    before=format_stand(before.stand),
                    now=format_stand(stand),
                ),
                title=_("panel.why_moved_title"),
                timeout=8,
            )

    @work(exclusive=True, group="team-toelichting")
    async def action_team_toelichting(self) -> None:
        """The team's toelichting of the focused slider, starting from a person's if wanted."""
        from .dialogs.text import PickTextDialog, ToelichtingDialog

        _ = self.translate
        team = team_among(self.items)
        if team is None:
            return
        slider_id = self._focused
        category = BY_ID[slider_id]
        text = team.session.sliders[slider_id].toelichting
        offered = [
            (f"{placed_by(item.session.ingevuld_door or '', _)}: {toelichting}", toelichting)
            for item in people(self.items)
            if (toelichting := item.session.sliders[slider_id].toelichting.strip())
        ]
        if offered:
            own = (f"{_('compare.team_text')}: {text or _('panel.no_toelichting')}", text)
            picked = await self.app.push_screen_wait(
                PickTextDialog(
                    _("compare.pick_title", name=category.name.get(_.lang)), [own, *offered], _
                )
            )
            if picked is None:
                return
            text = picked
        edited = await self.app.push_screen_wait(
            ToelichtingDialog(
                f"{_('dialog.toelichting.title')}: {category.name.get(_.lang)} ({_('compare.team')})",
                category.description.get(_.lang),
                text,
                _,
            )
        )
        self._change_team(toelichting=edited.text, slider_id=slider_id)

    def _change_team(
        self, *, stand: int | None = None, toelichting: str | None = None, slider_id: str = ""
    ) -> Slider | None:
        """Change the team's slider in its file, remember it for undo, show it; the slider before."""
        from ..core.placements import set_team_slider
        from ..core.storage import SessionError

        if self.team is None:
            return None
        slider_id = slider_id or self._focused
        try:
            before = set_team_slider(self.team, slider_id, stand=stand, toelichting=toelichting)
        except SessionError as error:
            self.notify(str(error), severity="error", timeout=8)
            return None
        if before is not None:
            self._team_undo.append((slider_id, before))
            self._reread()
        return before

    def action_undo(self) -> None:
        """Take back the last change to the team's stand or toelichting made here."""
        from ..core.placements import set_team_slider
        from ..core.storage import SessionError

        if self.team is None or not self._team_undo:
            self.notify(self.translate("panel.nothing_to_undo"), timeout=2)
            return
        slider_id, before = self._team_undo.pop()
        try:
            set_team_slider(
                self.team, slider_id, stand=before.stand, toelichting=before.toelichting
            )
        except SessionError as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        self._reread()

    @work(exclusive=True, group="remove-placement")
    async def action_remove_placement(self) -> None:
        """Move one person's placement to the trash (after naming it); u brings it back."""
        from ..core.trash import move_to_trash
        from .dialogs.choices import ConfirmDialog
        from .dialogs.text import PickTextDialog

        _ = self.translate
        placements = [item for item in people(self.items) if item.path is not None]
        if self.team is None or not placements:
            return
        names = [
            (placed_by(item.session.ingevuld_door or "", _), str(item.path)) for item in placements
        ]
        picked = await self.app.push_screen_wait(
            PickTextDialog(_("compare.remove_title"), names, _)
        )
        if picked is None:
            return
        path = Path(picked)
        naam = next(shown for shown, where in names if where == picked)
        sessions_dir = self.team.parent.parent
        question = _("compare.remove", naam=naam, trash=f"{sessions_dir.name}/.prullenbak")
        if (
            await self.app.push_screen_wait(ConfirmDialog(question, _("start.remove.action"), _))
            != "yes"
        ):
            return
        try:
            trashed = move_to_trash(path, sessions_dir)
        except OSError as error:
            self.notify(
                _("start.cannot_move", file=path.name, problem=error.strerror), severity="error"
            )
            return
        self._removed.append((trashed, path))
        self._reread()
        self.notify(_("compare.removed", naam=naam), timeout=8)

    def action_restore_placement(self) -> None:
        """Bring back the placement removed last here."""
        from ..core.trash import restore

        _ = self.translate
        if not self._removed:
            self.notify(_("start.nothing_to_restore"), timeout=4)
            return
        trashed, original = self._removed[-1]
        try:
            restore(trashed, original)
        except OSError as error:
            self.notify(
                _("start.cannot_move", file=trashed.name, problem=error.strerror), severity="error"
            )
            return
        self._removed.pop()
        self._reread()
        self.notify(_("start.restored", file=original.stem), timeout=6)

    def _reread(self) -> None:
        self.state = fingerprint(self.targets)
        self.items, self.problems = self._read()
        self._show()

    def _reread(self) -> None:
        """The team's file changed here: read the sessions again and show them."""
        self.state = fingerprint(self.targets)
        self.items, self.problems = self._read()
        self._show()
