"""SessionEditor, without Textual: every window in which someone else acts while a save asks."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest

from schuiftui.core import drafts
from schuiftui.core.editing import Answer, ConflictAnswer, Question, SessionEditor
from schuiftui.core.storage import load, save


def someone_else_sets(path: Path, slider_id: str, stand: int) -> None:
    session = load(path)
    session.sliders[slider_id].stand = stand
    save(session, path)


def editing(path: Path, slider_id: str = "positionering_intern", stand: int = 5) -> SessionEditor:
    """An editor on `path` with one unsaved step."""
    editor = SessionEditor(load(path), path)
    edited = copy.deepcopy(editor.session)
    edited.sliders[slider_id].stand = stand
    editor.change(edited)
    return editor


class Person:
    """Answers the questions of a save in turn, doing `meanwhile` while each is open."""

    def __init__(self, *answers: tuple[Answer, object]) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    async def __call__(self, question: Question) -> Answer:
        self.asked.append(question.kind)
        answer, meanwhile = self.answers.pop(0)
        if callable(meanwhile):
            meanwhile()
        return answer


async def test_a_save_without_questions_merges_what_was_saved_meanwhile(altena: Path) -> None:
    editor = editing(altena)
    someone_else_sets(altena, "communicatie", 3)
    saved = await editor.save(Person())
    assert saved is not None and saved.from_disk == 1
    assert load(altena).stands()["positionering_intern"] == 5
    assert load(altena).stands()["communicatie"] == 3
    assert not editor.dirty


async def test_a_save_landing_during_the_conflict_question_is_kept(altena: Path) -> None:
    editor = editing(altena)
    someone_else_sets(altena, "positionering_intern", -1)
    person = Person((ConflictAnswer(set()), lambda: someone_else_sets(altena, "communicatie", 3)))
    saved = await editor.save(person)
    assert saved is not None
    assert person.asked == ["conflicts"]
    stands = load(altena).stands()
    assert (stands["positionering_intern"], stands["communicatie"]) == (5, 3)


async def test_a_new_conflict_during_the_question_is_asked_about_too(altena: Path) -> None:
    editor = editing(altena)
    edited = copy.deepcopy(editor.session)
    edited.sliders["communicatie"].stand = 0
    editor.change(edited)
    someone_else_sets(altena, "positionering_intern", -1)
    person = Person(
        (ConflictAnswer(set()), lambda: someone_else_sets(altena, "communicatie", 4)),
        (ConflictAnswer({"schuiven.communicatie.stand"}), None),
    )
    assert await editor.save(person) is not None
    assert person.asked == ["conflicts", "conflicts"]
    stands = load(altena).stands()
    assert (stands["positionering_intern"], stands["communicatie"]) == (5, 4)


async def test_a_delete_during_the_question_asks_before_writing_again(altena: Path) -> None:
    editor = editing(altena)
    someone_else_sets(altena, "positionering_intern", -1)
    person = Person((ConflictAnswer(set()), altena.unlink), (True, None))
    assert await editor.save(person) is not None
    assert person.asked == ["conflicts", "deleted"]
    assert load(altena).stands()["positionering_intern"] == 5


async def test_a_file_restored_during_the_deleted_question_is_merged(altena: Path) -> None:
    editor = editing(altena)
    text = altena.read_text(encoding="utf-8")
    altena.unlink()

    def restored() -> None:
        altena.write_text(text, encoding="utf-8")
        someone_else_sets(altena, "communicatie", 3)

    person = Person((True, restored))
    assert await editor.save(person) is not None
    stands = load(altena).stands()
    assert (stands["positionering_intern"], stands["communicatie"]) == (5, 3)


async def test_stopping_at_a_question_writes_nothing_and_keeps_the_edits(altena: Path) -> None:
    editor = editing(altena)
    someone_else_sets(altena, "positionering_intern", -1)
    before = altena.read_bytes()
    assert await editor.save(Person((None, None))) is None
    assert altena.read_bytes() == before
    assert editor.dirty and editor.session.stands()["positionering_intern"] == 5


async def test_a_file_made_read_only_during_the_question_gets_mine_as_a_new_file(
    altena: Path,
) -> None:
    editor = editing(altena)
    someone_else_sets(altena, "positionering_intern", -1)
    person = Person(
        (ConflictAnswer(set()), lambda: altena.chmod(0o444)),
        (True, None),
    )
    saved = await editor.save(person)
    assert person.asked == ["conflicts", "read_only"]
    assert saved is not None and saved.moved_from == altena
    assert load(altena).stands()["positionering_intern"] == -1
    assert load(saved.path).stands()["positionering_intern"] == 5
    assert editor.path == saved.path


def test_undo_after_a_merge_takes_back_my_edit_only(altena: Path) -> None:
    editor = editing(altena)
    someone_else_sets(altena, "communicatie", 3)
    assert editor.save_at_once() is not None
    assert editor.undo()
    assert editor.session.stands()["positionering_intern"] == 3
    assert editor.session.stands()["communicatie"] == 3


def test_a_restored_draft_is_merged_with_what_was_saved_since(
    altena: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edits of an editor that is gone: restored, then saved without losing a later save."""
    gone = editing(altena)
    with monkeypatch.context() as patch:
        patch.setattr(drafts.os, "getpid", lambda: 2**22 - 1)  # a process that is gone
        gone.keep_draft()
    someone_else_sets(altena, "communicatie", 3)
    editor = SessionEditor(load(altena), altena)
    draft = editor.offered_draft()
    assert draft is not None
    editor.restore(draft)
    assert drafts.draft_files(altena) == [drafts.draft_path(altena, os.getpid())]
    assert editor.save_at_once() is not None
    stands = load(altena).stands()
    assert (stands["positionering_intern"], stands["communicatie"]) == (5, 3)
    assert drafts.draft_files(altena) == []


def test_every_change_is_told_to_what_shows_it(altena: Path) -> None:
    """The panel's title follows `on_change`: edits, undo, a save, a merge, read-only."""
    editor = SessionEditor(load(altena), altena)
    told: list[bool] = []
    editor.on_change = lambda: told.append(editor.dirty)
    editor.edit(lambda session: setattr(session.sliders["communicatie"], "stand", 3))
    assert told == [True]
    editor.undo()
    assert told[-1] is False
    edited = copy.deepcopy(editor.session)
    edited.titel = "Nieuw"
    editor.change(edited)
    assert told[-1] is True
    someone_else_sets(altena, "positionering_intern", 0)
    assert editor.save_at_once() is not None  # merged, then written
    assert told[-1] is False and len(told) == 5
    editor.look_only()
    assert len(told) == 6
