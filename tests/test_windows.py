"""Windows-safe code paths, tested here by giving the code what Windows would.

Windows cannot replace a file another program has open, has no SIGHUP, no
file locks (fcntl), cannot open a folder to sync it, and its os.kill(pid, 0)
is no question but a Ctrl+C to that process.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from schuiftui.core import files, locks, processes
from schuiftui.core.storage import SessionError, load, save


def sharing_violation(*args: object, **kwargs: object) -> None:
    """What `os.replace` raises on Windows over a file an editor has open."""
    error = PermissionError(13, "Access is denied")
    error.winerror = 32  # type: ignore[attr-defined]
    raise error


def test_a_file_open_in_another_program_is_named_and_left_as_it_was(
    altena: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = altena.read_bytes()
    session = load(altena)
    session.sliders["communicatie"].stand = 5
    monkeypatch.setattr(files.os, "replace", sharing_violation)
    with pytest.raises(SessionError) as problem:
        save(session, altena)
    assert str(problem.value).startswith(str(altena))
    assert "het bestand is geopend in een ander programma" in str(problem.value)
    assert altena.read_bytes() == before
    assert not list(altena.parent.glob(".*.tmp"))  # no temporary file left behind


def test_without_file_locks_a_save_still_works(
    altena: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No fcntl: temporary files are judged by their age instead of their lock."""
    import builtins

    real_import = builtins.__import__

    def no_fcntl(name: str, *args: object, **kwargs: object) -> object:
        if name == "fcntl":
            raise ImportError("no fcntl on Windows")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_fcntl)
    monkeypatch.setattr(files, "WINDOWS", True)  # and no folder to sync
    session = load(altena)
    session.sliders["communicatie"].stand = 5
    save(session, altena)
    assert load(altena).stands()["communicatie"] == 5


def test_on_windows_a_lock_is_judged_by_its_age_not_by_signalling_its_process(
    altena: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SCHUIFTUI_STATE_DIR", str(tmp_path / "state"))
    locks.take(altena)
    signalled: list[int] = []
    monkeypatch.setattr(processes.os, "kill", lambda pid, sig: signalled.append(pid))
    monkeypatch.setattr(processes, "WINDOWS", True)
    assert locks.holder(altena) is not None  # just taken: counts
    a_day_later = time.time() + 25 * 3600
    monkeypatch.setattr(processes.time, "time", lambda: a_day_later)
    assert locks.holder(altena) is None  # a day old: stale
    assert signalled == []


def test_the_signals_there_are_are_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """No SIGHUP (Windows): SIGTERM and SIGINT are caught all the same."""
    import signal

    from schuiftui.app import catch_signals

    class Loop:
        def __init__(self) -> None:
            self.handled: list[int] = []

        def add_signal_handler(self, signum: int, *args: object) -> None:
            self.handled.append(signum)

    monkeypatch.delattr(signal, "SIGHUP")
    loop = Loop()
    assert catch_signals(loop, print) == [signal.SIGTERM, signal.SIGINT]  # type: ignore[arg-type]
    assert loop.handled == [signal.SIGTERM, signal.SIGINT]


def test_an_event_loop_without_signal_handlers_is_no_problem() -> None:
    """Windows' event loop raises NotImplementedError for every signal."""
    from schuiftui.app import catch_signals

    class Loop:
        def add_signal_handler(self, *args: object) -> None:
            raise NotImplementedError

    assert catch_signals(Loop(), print) == []  # type: ignore[arg-type]
