"""One session being edited: the version read, undo, what is unsaved, drafts, and the save.

The panel is a view of a `SessionEditor`: it shows `session` and asks the
user what a save must ask; everything that decides what ends up on disk is
here, without Textual, so each window in which someone else can act (a save
or a delete while a question is open, a draft restored) is tested as plain
code (tests/test_editing.py).
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Awaitable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Union

from .paths import free_sibling
from .session import Session
from .storage import SessionError, save

if TYPE_CHECKING:
    from .drafts import Draft
    from .merge import Conflict
    from .saving import SavePlan

# The save planning (and the merge) are imported when the first save is made,
# not before the panel's first paint, which an editor is made for.


@dataclass(frozen=True)
class ConflictAnswer:
    """How the user settled the conflicts of a save."""

    theirs: set[str]
    """The conflicts (by field) for which the version on disk wins; mine for the rest."""
    as_new_file: bool = False
    """Save my version as a new file instead, and leave the file on disk alone."""


@dataclass(frozen=True)
class Question:
    """What a save must ask before it can write.

    `kind` is "read_only" or "invalid" (answer True: save mine as a new file),
    "deleted" (True: write the file again) or "conflicts" (a `ConflictAnswer`).
    """

    kind: str
    path: Path
    problem: str = ""
    """What is wrong with the file on disk ("invalid")."""
    conflicts: tuple[Conflict, ...] = ()
    """What both sides changed ("conflicts")."""


Answer = Union[bool, ConflictAnswer, None]
"""None (or False): the user did not want it; the save stops and writes nothing."""

Ask = Callable[[Question], Awaitable[Answer]]


@dataclass(frozen=True)
class Saved:
    """A save that reached the disk."""

    path: Path
    """Where the session is now (a new file, when it was saved as one)."""
    written: bool
    """False: the file held this very session already and was left as it was."""
    rewritten: tuple[str, ...] = ()
    """Tables written again in the standard form (see `storage.save`)."""
    from_disk: int = 0
    """How many changes that someone else saved meanwhile were merged in."""
    moved_from: Path | None = None
    """The file it was meant for, when mine was saved as a new file instead."""


@dataclass
class SessionEditor:
    """A session being edited, and the file it belongs to.

    Args:
        session: The session as loaded.
        path: Its file.
    """

    session: Session
    path: Path
    saved: Session = field(init=False)
    """The version read (or last saved): what a save merges against."""
    undo_stack: list[Session] = field(default_factory=list, init=False)
    new: bool = False
    """The file is not written yet (a person's own placement that nothing was
    placed in): the first save creates it without asking, and leaving without
    a change leaves no file behind."""
    read_only: bool = field(default=False, init=False)
    """Only looking: nothing is saved, and no draft is kept (see `look_only`)."""
    on_change: Callable[[], None] | None = field(default=None, init=False, repr=False)
    """Called after every change to the session, the version read or `read_only`:
    what shows them (the panel's title) follows from here, not from each caller."""
    _typing_in: str | None = field(default=None, init=False, repr=False)
    _in_draft: Session | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.saved = copy.deepcopy(self.session)

    @property
    def dirty(self) -> bool:
        """Whether the session differs from the version on disk."""
        return self.session != self.saved

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def reset(self, session: Session) -> None:
        """Edit `session`, just written to the file, from a clean start (no undo)."""
        self.session = copy.deepcopy(session)
        self.saved = copy.deepcopy(session)
        self.undo_stack.clear()
        self.new = False
        self._typing_in = None
        self._changed()

    def look_only(self) -> None:
        """Only look from now on: nothing is saved, and no draft is kept."""
        self.read_only = True
        self._changed()

    # Changes and undo

    def remember(self, typing_in: str | None = None) -> None:
        """Put the session on the undo stack before a change.

        Typing in one field counts as one change until another field or
        another kind of change comes along.
        """
        if typing_in is not None and typing_in == self._typing_in:
            return
        self._typing_in = typing_in
        self.undo_stack.append(copy.deepcopy(self.session))

    def change(self, session: Session) -> bool:
        """Edit `session` from now on, as one undoable change; whether it differed."""
        if session == self.session:
            return False
        self.remember()
        self.session = copy.deepcopy(session)
        self._typing_in = None
        self._changed()
        return True

    def edit(self, apply: Callable[[Session], None], typing_in: str | None = None) -> None:
        """Change the session in place with `apply`, as one undoable change.

        Typing in one field (`typing_in`) is one change until another field
        or another kind of change comes along (see `remember`).
        """
        self.remember(typing_in)
        apply(self.session)
        self._changed()

    def undo(self) -> bool:
        """Take back the last change; False when there is none."""
        if not self.undo_stack:
            return False
        self.session = self.undo_stack.pop()
        self._typing_in = None
        self._changed()
        return True

    def taken_ids(self, previous: Session | None = None) -> set[str]:
        """Agenda ids a new action may not get: in the version read, in undo, in `previous`."""
        sessions = [self.saved, *self.undo_stack, *([previous] if previous else [])]
        return {item.id for session in sessions for item in session.agenda}

    # Saving

    def save_at_once(self) -> Saved | None:
        """Save now if nothing must be asked (merging what changed on disk); else None.

        Raises:
            SessionError: The write failed (see `save`).
        """
        from .saving import plan_save

        plan = plan_save(self.path, self.saved, self.session)
        if plan.ask == "deleted" and self.new:
            return self._write(0)
        if plan.ask is not None:
            return None
        return self._write(self._take_merge(plan))

    async def save(self, ask: Ask) -> Saved | None:
        """Save the session; None when the user stopped it at a question.

        What changed on disk since the session was read is merged in first.
        Where both sides changed the same thing, or the file was deleted,
        made read-only or became no valid session, `ask` asks the user. A
        question may take minutes, in which someone else may save or delete:
        after every answer the disk is looked at again, so the save decides
        on what is there at the moment it writes.

        Raises:
            SessionError: The write failed; nothing changed on disk, the
                edits are kept.
        """
        from .saving import plan_save

        write_deleted = False
        from_disk = 0
        while True:
            plan = plan_save(self.path, self.saved, self.session)
            if plan.ask is None:
                from_disk += self._take_merge(plan)
                return self._write(from_disk)
            if plan.ask in ("read_only", "invalid"):
                question = Question(plan.ask, self.path, plan.problem)
                return await self._as_new_file(from_disk) if await ask(question) else None
            if plan.ask == "deleted":
                if write_deleted or self.new:
                    return self._write(from_disk)
                if not await ask(Question("deleted", self.path)):
                    return None
                write_deleted = True
                continue  # it may have come back meanwhile: then merge with it
            assert plan.merged is not None and plan.on_disk is not None
            answer = await ask(Question("conflicts", self.path, conflicts=plan.merged.conflicts))
            if not isinstance(answer, ConflictAnswer):
                return None
            if answer.as_new_file:
                return await self._as_new_file(from_disk)
            # What is on disk now becomes the version read: a save that landed
            # while the question was open is merged in by the next round.
            resolved = plan.merged.resolved(answer.theirs)
            from_disk += self.adopt(resolved, plan.on_disk, len(plan.merged.from_disk))

    def _take_merge(self, plan: SavePlan) -> int:
        if plan.merged is None or plan.on_disk is None:
            return 0
        return self.adopt(plan.merged.session, plan.on_disk, len(plan.merged.from_disk))

    def adopt(self, merged: Session, theirs: Session, from_disk: int = 0) -> int:
        """Edit `merged` from now on: it holds changes someone else saved (`theirs`).

        What is on disk becomes the version read, so a save that fails now
        and is tried again merges against it. Undo takes back my edits, not
        the merge: each state on the undo stack gets the changes from disk too.

        Returns:
            `from_disk`, for counting.
        """
        from .merge import three_way_merge

        self.saved = copy.deepcopy(theirs)
        mine = self.session
        self.undo_stack = [
            three_way_merge(mine, state, merged).session for state in self.undo_stack
        ]
        if merged != mine:
            self.session = copy.deepcopy(merged)
            self._typing_in = None
        self._changed()
        return from_disk

    def _write(self, from_disk: int) -> Saved:
        if self.new:
            _make_folder(self.path.parent)
        result = save(self.session, self.path)
        self.new = False
        self.saved = copy.deepcopy(self.session)
        self._typing_in = None
        self.drop_draft()  # a saved session has no draft
        self._changed()
        return Saved(self.path, result.written, tuple(result.rewritten), from_disk)

    async def _as_new_file(self, from_disk: int) -> Saved:
        """Save my version next to the file, under a free name, and go on editing that."""
        from .drafts import remove_draft
        from .locks import release, take

        old_path = self.path
        self.path = free_sibling(old_path)
        try:
            saved = self._write(from_disk)
        except SessionError:
            self.path = old_path
            raise
        remove_draft(old_path)
        self._in_draft = None
        release(old_path)
        with contextlib.suppress(OSError):
            take(self.path)
        return Saved(saved.path, saved.written, saved.rewritten, from_disk, moved_from=old_path)

    # Recovery drafts

    def keep_draft(self, current: Session | None = None, *, let_go: bool = False) -> None:
        """Bring the recovery draft in line with `current` (default: the session).

        None when all is saved, the unsaved edits otherwise. `let_go`: this
        editor is ending, and says so in the draft (see `drafts.write_draft`).

        Raises:
            OSError, SessionError: The draft could not be written.
        """
        from .drafts import write_draft

        if self.read_only:
            return
        current = self.session if current is None else current
        if current == self.saved:
            self.drop_draft()
            return
        if current == self._in_draft and not let_go:
            return
        write_draft(self.path, current, self.saved, let_go=let_go)
        self._in_draft = copy.deepcopy(current)

    def drop_draft(self) -> None:
        """Remove this editor's draft, if it wrote one."""
        from .drafts import remove_draft

        if self._in_draft is not None:
            remove_draft(self.path)
            self._in_draft = None

    def offered_draft(self) -> Draft | None:
        """A draft left by an editor that is gone, with edits this session lacks; else None.

        A draft that holds nothing new is removed.
        """
        from .drafts import read_draft, remove_draft

        draft = read_draft(self.path)
        if draft is not None and draft.session == self.session:
            remove_draft(self.path, draft)
            return None
        return draft

    def restore(self, draft: Draft) -> None:
        """Take the edits of `draft` over (undoable), merged on the next save.

        The version read becomes the draft's base, so what was saved since
        the draft was written is merged in by the next save, not written over.

        Raises:
            OSError, SessionError: This editor's own draft could not be written;
                the old draft is then kept.
        """
        from .drafts import remove_draft

        self.change(draft.session)
        if draft.base is not None:
            self.saved = copy.deepcopy(draft.base)
            self._changed()
        # The edits are this editor's now: in its own draft, then the old one goes.
        self.keep_draft()
        remove_draft(self.path, draft)

    def discard(self, draft: Draft) -> None:
        """Remove `draft`: its edits are not wanted."""
        from .drafts import remove_draft

        remove_draft(self.path, draft)


def _make_folder(folder: Path) -> None:
    """Create the folder a new file goes in (a team session's placements folder).

    Raises:
        SessionError: It cannot be created.
    """
    from .problems import Problem
    from .reasons import Reason

    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise SessionError(folder, Problem("cannot_save", reason=Reason(error))) from None
