"""The compare screen: several sessions on one mengpaneel, following their files."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from ..core.categories import BY_ID, CATEGORIES
from ..core.compare import (
    Compared,
    discussed,
    fingerprint,
    moves,
    people,
    read_comparison,
    team_among,
)
from ..core.placements import placed_by
from ..core.render.text import shorten
from ..core.samenhang import questions
from ..core.session import Session, Slider, format_change, format_median, format_stand
from ..i18n import Translator
from ..widgets.fader import full_label, labels
from ..widgets.keyline import KeyLine
from ..widgets.layout import Row
from ..widgets.overlay import Marker, Overlay
from ..widgets.plain import Plain
from ..widgets.title import TitleBar
from .compare_team import TeamDiscussion
from .requests import ExportRequested

POLL_SECONDS = 1.0
"""How often the compared files are checked for changes (a change shows within 2 s)."""


class CompareScreen(TeamDiscussion):
    """Up to 26 sessions on five overlays, a legend, and per slider every stand and toelichting.

    The sessions are what `targets` name (files; a gemeente folder: all its
    rounds; a sessions folder: the latest of each gemeente), read again when
    a file changes or a session appears. `overrides` holds sessions that are
    open on a panel, shown as they are there rather than as saved.

    One team session that has people's own placements shows the team's
    stand (T) and every placement (by initial); + and - then move the
    team's stand on the focused slider, saved to the team's file at once.
    """

    # Here, not in app.tcss: rules in the app's stylesheet are matched
    # against every widget of every screen, also the panel at start-up.
    DEFAULT_CSS = """
    #compare-top {
        height: auto;
    }

    #overlays {
        width: auto;
        height: auto;
        padding: 0 1;
    }

    #compare-detail {
        height: 1fr;
        min-height: 3;
        padding: 0 1;
        border-top: solid $primary-muted;
    }

    #legend {
        width: 1fr;
        height: 100%;
        border-left: solid $primary-muted;
        padding: 0 0 0 1;
    }

    #legend-text {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "propose_median", "key.median", key_display="⏎"),
        Binding("plus,equals_sign", "team_step(1)", "key.team_step", key_display="+/-"),
        Binding("minus", "team_step(-1)", "key.team_step", show=False),
        Binding("t", "team_toelichting", "key.toelichting"),
        Binding("ctrl+z", "undo", "key.undo", show=False),
        Binding("d", "remove_placement", "key.start_remove", show=False),
        Binding("u", "restore_placement", "key.start_restore", show=False),
        Binding("r", "reveal", "key.serve_reveal"),
        Binding("r", "conceal", "key.serve_conceal"),
        Binding("x", "export", "key.export"),
        Binding("escape", "leave", "key.back"),
        Binding("up,k", "scroll_detail(-1)", "key.scroll", show=False),
        Binding("down,j", "scroll_detail(1)", "key.scroll", show=False),
        Binding("pageup", "scroll_detail(-5)", "key.scroll", show=False),
        Binding("pagedown", "scroll_detail(5)", "key.scroll", show=False),
    ]

    class Reloaded(Message):
        """The compared files changed on disk and were read again."""

        def __init__(
            self, state: tuple[object, ...], items: list[Compared], problems: list[str]
        ) -> None:
            super().__init__()
            self.state = state
            self.items = items
            self.problems = problems

    class RevealRequested(Message):
        """The facilitator asks to show (or hide again) the positions."""

    def __init__(
        self,
        targets: list[Path],
        translate: Translator,
        overrides: dict[Path, Session] | None = None,
        *,
        hidden: bool | None = None,
        looking: bool = False,
    ) -> None:
        """`hidden`: in a workshop, whether the positions are hidden for now
        (None: they are always shown). `looking`: a participant looks, and
        changes nothing (no team stand, no removing, no export)."""
        super().__init__()
        self._hidden = hidden
        self.looking = looking
        from ..core.compare import placement_targets

        self.targets, self.team = placement_targets(targets)
        """What is compared; the team's file when it is one session's placements."""
        self.translate = translate
        self.overrides = overrides or {}
        self.state = fingerprint(targets)
        self.items, self.problems = self._read()
        self._focused = CATEGORIES[0].id
        self._updated: datetime.datetime | None = None
        self._removed: list[tuple[Path, Path]] = []
        """Placements moved to the trash here (where it is, where it was), newest last."""
        self._team_undo: list[tuple[str, Slider]] = []
        """The team's slider before each change made here (Ctrl+Z), newest last."""

    def _read(self) -> tuple[list[Compared], list[str]]:
        """Every compared session, from disk or from `overrides`, and what went wrong."""
        read = read_comparison(self.targets, self.overrides)
        items = read.items
        if self.team is not None and items and not people(items) and items[0].path == self.team:
            # Before anyone placed: the team is T already, as it will be among the people.
            items = [dataclasses.replace(items[0], letter="T"), *items[1:]]
        problems = list(read.problems)
        if read.cut:
            problems.append(
                self.translate("compare.too_many", count=read.found, shown=len(read.items))
            )
        return items, problems

    # Layout

    def compose(self) -> ComposeResult:
        _ = self.translate
        lang = _.lang
        yield TitleBar(*self._titles())
        with Row(id="compare-top"):
            with Row(id="overlays"):
                for category in CATEGORIES:
                    overlay = Overlay(
                        *labels(category, lang),
                        self._markers(category.id),
                        full_label=full_label(category, lang),
                        id=category.id,
                    )
                    overlay.set_reactive(Overlay.foot, self._foot(category.id))
                    yield overlay
            with Vertical(id="legend"):
                yield Plain(_("compare.legend"), classes="side-title")
                yield Plain(self._legend(), id="legend-text")
        with VerticalScroll(id="compare-detail"):
            yield Plain(self._detail(), id="compare-detail-text")
        yield Plain(_("app.too_small"), classes="too-small")

    def on_mount(self) -> None:
        self.query_one(f"#{self._focused}", Overlay).focus()
        # The key line after the first paint, as on the panel: its styles are
        # read when it is first mounted.
        self.call_later(self.mount, KeyLine(self.translate))
        self.set_interval(POLL_SECONDS, self.poll)
        self._warn_problems()

    # Showing the sessions

    def _titles(self) -> tuple[str, str]:
        _ = self.translate
        if self.team is not None and self.items:
            team = self.items[0].session
            title = _(
                "compare.placements_title",
                gemeente=team.gemeente,
                datum=team.datum.isoformat(),
                n=len(self.items) - 1,
            )
        elif moves(self.items) is not None:  # rounds of one gemeente
            title = _("svg.rounds", gemeente=self.items[0].session.gemeente, n=len(self.items))
        else:
            title = _("compare.title", n=len(self.items))
        following = _("compare.following")
        if self._updated is not None:
            following += " · " + _("compare.updated", time=self._updated.strftime("%H:%M:%S"))
        return title, following

    @property
    def hidden(self) -> bool:
        """Whether the positions are hidden (on a beamer, before the discussion)."""
        return bool(self._hidden)

    @hidden.setter
    def hidden(self, hidden: bool) -> None:
        self._hidden = hidden
        if self.is_mounted:
            self._show()
            self.refresh_bindings()  # r reveals, or hides again

    def _markers(self, slider_id: str) -> tuple[Marker, ...]:
        if self.hidden:
            return ()
        team = team_among(self.items)  # among placements, the spread is the people's
        return tuple(
            Marker(item.session.sliders[slider_id].stand, item.letter, item.color, item is team)
            for item in self.items
        )

    def _letter_style(self, item: Compared) -> str:
        """A session's letter in its colour; in bold only, without colour."""
        return "bold" if self.app.no_color else f"bold {item.color}"

    def _legend(self) -> Content:
        """Letter, gemeente, date and title of every session, one line each."""
        lines = []
        for item in self.items:
            lines.append(
                Content.assemble((item.letter, self._letter_style(item)), " ", *self._who(item))
            )
        return Content("\n").join(lines)

    def _who(self, item: Compared) -> list[str | tuple[str, str]]:
        """Which session an item is: a person's name, the team, or gemeente, date and title."""
        _ = self.translate
        session = item.session
        if session.ingevuld_door:
            return [shorten(placed_by(session.ingevuld_door, _), 24)]
        if self.team is not None:
            return [(_("compare.team"), "bold")]
        gemeente = shorten(session.gemeente, 12)
        return [f"{gemeente} {session.datum.isoformat()} ", (session.titel or "", "dim")]

    def _detail(self) -> Content:
        """For the focused slider: its name, the spread, every session's stand and toelichting."""
        _ = self.translate
        lang = _.lang
        category = BY_ID[self._focused]
        parts: list[Content | str | tuple[str, str]] = [(category.name.get(lang), "bold")]
        if self.hidden:
            return self._hidden_detail(parts)
        if self.items:
            parts.append((f"  {self._spread_text(category.id)}", "dim"))
        for item in self.items:
            slider = item.session.sliders[self._focused]
            parts += [
                "\n",
                (item.letter, self._letter_style(item)),
                f" {format_stand(slider.stand):>2}  ",
            ]
            if self.team is not None:
                parts += [*self._who(item), ": "]
            parts.append(
                slider.toelichting.replace("\n", " ") or (_("panel.no_toelichting"), "dim")
            )
            if item.session.ingevuld_door is None:
                # Per gemeente: where this slider pulls apart from another, the question.
                for question in questions(item.session):
                    if question.concerns(self._focused):
                        parts += ["\n   ", (f"{_('samenhang.title')}:", "bold")]
                        parts += [" ", (question.text(_.lang), "italic")]
        if not self.items:
            parts += ["\n", _("compare.none")]
        elif self.team is not None and not people(self.items):
            parts += ["\n\n", (_("compare.no_people"), "italic")]
        return Content.assemble(*parts)

    def _hidden_detail(self, parts: list[Content | str | tuple[str, str]]) -> Content:
        """Before the reveal: who placed, not where."""
        _ = self.translate
        parts.append((f"  {_('compare.hidden')}", "dim"))
        for item in people(self.items):
            parts += ["\n", (item.letter, self._letter_style(item)), " ", *self._who(item)]
        if not people(self.items):
            parts += ["\n\n", (_("compare.no_people"), "italic")]
        return Content.assemble(*parts)

    def _spread_text(self, slider_id: str) -> str:
        """How the sessions spread on one slider; among placements: the people's, and the team apart.

        "spreiding -3 … -1 (2 stappen) · mediaan -2 · teamstand 0"
        """
        _ = self.translate
        moved = moves(self.items)
        if moved is not None:  # rounds of one gemeente: what moved, not a spread
            one = moved[CATEGORIES.index(BY_ID[slider_id])]
            since = one.since.isoformat()
            if not one.change:
                return _("compare.not_moved", stand=format_stand(one.now), since=since)
            return _(
                "compare.moved",
                before=format_stand(one.before),
                now=format_stand(one.now),
                change=format_change(one.change),
                since=since,
            )
        if self.team is not None and not people(self.items):
            stand = self.items[0].session.sliders[slider_id].stand
            return _("compare.team_stand", stand=format_stand(stand))
        spreads = discussed(self.items)[1]
        of = spreads[CATEGORIES.index(BY_ID[slider_id])]
        placements = bool(people(self.items))
        if of.width:
            line = _(
                "compare.spread_line",
                lowest=format_stand(of.lowest),
                highest=format_stand(of.highest),
                n=of.width,
            )
        else:
            key = "compare.people_none" if placements else "compare.spread_none"
            line = _(key, stand=format_stand(of.lowest))
        if placements:
            if of.width:
                line += " · " + _("compare.median", stand=format_median(of.median, _.lang))
            team = team_among(self.items)
            if team is not None:
                stand = team.session.sliders[slider_id].stand
                line += " · " + _("compare.team_stand", stand=format_stand(stand))
        return line

    def _foot(self, slider_id: str) -> str | None:
        """Below a track: for rounds of one gemeente the change since the round before."""
        moved = moves(self.items)
        if moved is None:
            return None
        return format_change(moved[CATEGORIES.index(BY_ID[slider_id])].change)

    def _show(self) -> None:
        for category in CATEGORIES:
            overlay = self.query_one(f"#{category.id}", Overlay)
            overlay.markers = self._markers(category.id)
            overlay.foot = self._foot(category.id)
        self.query_one("#legend-text", Static).update(self._legend())
        self.query_one("#compare-detail-text", Static).update(self._detail())
        bar = self.query_one(TitleBar)
        bar.title, bar.sub_title = self._titles()

    def _warn_problems(self) -> None:
        for problem in self.problems:
            self.notify(problem, severity="warning", timeout=8)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, Overlay) and event.widget.id != self._focused:
            self._focused = event.widget.id or self._focused
            self.query_one("#compare-detail-text", Static).update(self._detail())

    # Following the files

    def poll(self) -> None:
        """Check the compared files; read them again in a thread when something changed."""
        self._check_files()

    @work(thread=True, exclusive=True, group="compare-poll")
    def _check_files(self) -> None:
        # Stat calls and reads may be slow on a network disk: not on the UI thread.
        state = fingerprint(self.targets)
        if state == self.state:
            return
        items, problems = self._read()
        self.post_message(self.Reloaded(state, items, problems))

    @on(Reloaded)
    def reloaded(self, event: Reloaded) -> None:
        self.state = event.state
        new_problems = [p for p in event.problems if p not in self.problems]
        self.items, self.problems = event.items, event.problems
        self._updated = datetime.datetime.now()
        self._show()
        for problem in new_problems:
            self.notify(problem, severity="warning", timeout=8)

    # Actions

    def action_export(self) -> None:
        """Write the comparison as Markdown and SVG next to the compared files."""
        if self.items:
            self.post_message(ExportRequested(list(self.items)))

    def action_reveal(self) -> None:
        self.post_message(self.RevealRequested())

    def action_conceal(self) -> None:
        self.post_message(self.RevealRequested())  # the same key: hidden again

    def action_scroll_detail(self, lines: int) -> None:
        self.query_one("#compare-detail", VerticalScroll).scroll_relative(y=lines, animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.looking and action not in ("leave", "scroll_detail"):
            return False
        if action == "leave":
            return self.app.screen_stack.index(self) > 0
        if action in ("team_step", "propose_median", "team_toelichting", "undo"):
            return self.team is not None and not self.hidden
        if action in ("remove_placement", "restore_placement"):
            return self.team is not None
        if action == "reveal":
            return self._hidden is True
        if action == "conceal":
            return self._hidden is False
        return True

    def action_leave(self) -> None:
        self.dismiss()
