"""Drafts and locks: one instance's own, never a crash, never planted by someone else."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from schuiftui.core import drafts
from schuiftui.core.drafts import draft_files, read_draft, remove_draft, write_draft
from schuiftui.core.locks import holder, lock_path
from schuiftui.core.storage import load

ME = os.getpid()
"""This process, whatever a test makes drafts believe."""


def gone_pid() -> int:
    """The pid of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def as_process(monkeypatch: pytest.MonkeyPatch, pid: int) -> None:
    """Act as the schuiftui with `pid` from now on (drafts name their process)."""
    monkeypatch.setattr(drafts.os, "getpid", lambda: pid)


def test_two_instances_keep_their_own_drafts(altena: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second instance's save removes its own draft, not the first one's."""
    first, second = load(altena), load(altena)
    first.sliders["communicatie"].stand = 5
    second.sliders["communicatie"].stand = -5
    as_process(monkeypatch, os.getppid())  # the first: a process that runs
    write_draft(altena, first, load(altena))
    as_process(monkeypatch, ME)  # the second: this one
    write_draft(altena, second, load(altena))
    assert len(draft_files(altena)) == 2
    # The first instance still runs: its draft is its own, not offered here.
    assert read_draft(altena).session.stands()["communicatie"] == -5
    remove_draft(altena)  # the second saved
    assert len(draft_files(altena)) == 1
    assert read_draft(altena) is None  # the first one's runs on, and is still its own


def test_the_draft_of_an_instance_that_is_gone_is_offered(
    altena: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited = load(altena)
    edited.sliders["communicatie"].stand = 5
    with monkeypatch.context() as patch:
        as_process(patch, gone_pid())
        write_draft(altena, edited, load(altena))
    draft = read_draft(altena)
    assert draft is not None and draft.session.stands()["communicatie"] == 5
    remove_draft(altena, draft)
    assert draft_files(altena) == []


def test_a_draft_let_go_by_an_ending_app_is_offered_while_its_process_runs_on(
    altena: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workshop host runs on after one participant's app ended on a hang-up."""
    edited = load(altena)
    edited.sliders["communicatie"].stand = 5
    with monkeypatch.context() as patch:
        as_process(patch, os.getppid())  # the host: a process that runs
        write_draft(altena, edited, load(altena))
    assert read_draft(altena) is None  # its own while its app runs
    with monkeypatch.context() as patch:
        as_process(patch, os.getppid())
        write_draft(altena, edited, load(altena), let_go=True)  # the app ends
    draft = read_draft(altena)
    assert draft is not None and draft.session.stands()["communicatie"] == 5


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_a_draft_someone_else_can_write_is_never_offered(altena: Path) -> None:
    edited = load(altena)
    edited.sliders["communicatie"].stand = 5
    write_draft(altena, edited, load(altena))
    (file,) = draft_files(altena)
    file.chmod(0o666)  # anyone could have written this one
    assert read_draft(altena) is None
    file.chmod(0o600)
    file.parent.chmod(0o777)  # a state folder anyone can write
    try:
        assert read_draft(altena) is None
    finally:
        file.parent.chmod(0o700)


@pytest.mark.parametrize(
    "values",
    [
        {"pid": 2**70},
        {"pid": 0},
        {"pid": -1},
        {"since": "Infinity"},
        {"since": 1e300},
        {"since": time.time() + 365 * 24 * 3600},
        {"pid": "Infinity"},
    ],
    ids=[
        "pid 2**70",
        "pid 0",
        "pid -1",
        "since Infinity",
        "since 1e300",
        "a year ahead",
        "pid inf",
    ],
)
def test_a_lock_with_absurd_values_is_stale(altena: Path, values: dict[str, object]) -> None:
    lock = lock_path(altena)
    lock.parent.mkdir(parents=True, exist_ok=True)
    data = {"user": "x", "host": socket.gethostname(), "pid": os.getppid(), "since": time.time()}
    data.update(values)
    text = json.dumps(data).replace('"Infinity"', "Infinity")
    lock.write_text(text, encoding="utf-8")
    assert holder(altena) is None
