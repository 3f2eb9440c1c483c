"""The workshop room's rules, without SSH: codes, names, the cap, what reaches a panel."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from schuiftui.__main__ import main
from schuiftui.serve.room import MAX_TRIES, TRIES_WINDOW, Event, Refused, Room, new_code

TEAM = Path("altena") / "2020-10-07.toml"


def room(sessions_dir: Path, capacity: int = 40) -> tuple[Room, list[Event], list[float]]:
    now = [1000.0]
    events: list[Event] = []
    made = Room(sessions_dir / TEAM, "123456", capacity, _clock=lambda: now[0])
    made.listeners.append(events.append)
    return made, events, now


def test_codes_are_six_random_digits() -> None:
    codes = {new_code() for _ in range(50)}
    assert all(len(code) == 6 and code.isdigit() for code in codes)
    assert len(codes) > 40


def test_wrong_codes_block_an_address_for_a_while(sessions_dir: Path) -> None:
    workshop, events, now = room(sessions_dir)
    assert workshop.check_code("10.0.0.5", " 123456\n")
    for _ in range(MAX_TRIES):
        assert not workshop.check_code("10.0.0.5", "654321")
    assert not workshop.check_code("10.0.0.5", "123456")  # the right code, but blocked
    assert events[-1].kind == "blocked"
    assert workshop.check_code("10.0.0.6", "123456")  # another address is not
    now[0] += TRIES_WINDOW + 1
    assert workshop.check_code("10.0.0.5", "123456")


def test_a_name_joins_once_and_the_room_has_a_cap(sessions_dir: Path) -> None:
    workshop, events, _ = room(sessions_dir, capacity=2)
    anna = workshop.join("Anna", "10.0.0.5")
    with pytest.raises(Refused) as refused:
        workshop.join(" anna ", "10.0.0.6")
    assert refused.value.why == "name_taken"
    workshop.join("José", "10.0.0.7")
    with pytest.raises(Refused) as refused:
        workshop.join("Jose", "10.0.0.8")
    assert (refused.value.why, refused.value.values) == ("full", {"n": 2})
    workshop.leave(anna)
    assert workshop.join("anna", "10.0.0.6").placement.name == "anna.toml"
    with pytest.raises(Refused) as refused:
        workshop.join("x" * 65, "10.0.0.9")
    assert refused.value.why == "bad_name"
    assert [event.kind for event in events] == [
        "joined", "refused", "joined", "refused", "left", "joined", "refused"
    ]  # fmt: skip


def test_only_term_and_the_locale_reach_a_panel() -> None:
    from schuiftui.serve.server import participant_environment

    sent = {"LANG": "nl_NL.UTF-8", "LC_ALL": "C", "LD_PRELOAD": "/tmp/x.so", "PATH": "/tmp"}
    assert participant_environment("xterm", sent) == {
        "LANG": "nl_NL.UTF-8",
        "LC_ALL": "C",
        "TERM": "xterm",
    }
    assert participant_environment("", {})["TERM"] == "vt100"


def test_serve_without_the_extra_says_how_to_install_it(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "asyncssh", None)  # as if it were not installed
    assert main(["serve", str(sessions_dir / "altena")]) == 2
    assert capsys.readouterr().err.strip() == (
        "schuiftui serve heeft asyncssh nodig: pip install 'schuiftui[serve]'"
    )


def test_serve_refuses_a_code_that_is_no_number(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", str(sessions_dir / "altena"), "--code", "geheim"]) == 2
    assert "--code moet 4 tot 32 cijfers zijn" in capsys.readouterr().err


@pytest.mark.parametrize(
    "option", [["--idle", "0"], ["--idle", "-5"], ["--max", "0"], ["--port", "70000"]]
)
def test_serve_refuses_numbers_out_of_range_in_one_line(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str], option: list[str]
) -> None:
    assert main(["serve", str(sessions_dir / "altena"), *option]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "--port moet 1 tot 65535 zijn, --max minstens 1 en --idle meer dan 0" in error


def test_serve_says_in_dutch_that_a_number_is_expected(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as ended:  # as argparse ends on a usage error
        main(["serve", str(sessions_dir / "altena"), "--idle", "een uur"])
    assert ended.value.code == 2
    error = capsys.readouterr().err
    assert (
        error.splitlines()[-1] == "schuiftui serve: fout: --idle verwacht een getal, niet 'een uur'"
    )


async def test_the_facilitator_sees_how_to_join_who_is_in_and_reveals_the_positions(
    sessions_dir: Path, state_dir: Path
) -> None:
    from schuiftui.core.placements import start_placement
    from schuiftui.core.storage import save
    from schuiftui.screens.compare import CompareScreen
    from schuiftui.serve.facilitator import RoomApp
    from schuiftui.serve.server import host_key
    from schuiftui.widgets.keyline import KeyLine
    from schuiftui.widgets.overlay import Overlay

    from .test_serve import free_port

    workshop = Room(sessions_dir / TEAM, "123456")
    app = RoomApp(
        workshop,
        zygote=None,  # type: ignore[arg-type]  # nobody connects: nothing is forked
        host="127.0.0.1",
        port=free_port(),
        state=state_dir,
        addresses=["192.0.2.7", "198.51.100.3"],
        lang="nl",
    )
    async with app.run_test(size=(80, 24)) as pilot:
        shown = str(app.screen.query_one("#join").render())
        assert f"Doe mee: ssh -p {app.port} JOUWNAAM@192.0.2.7" in shown
        assert "Code: 123456" in shown and "Of via: 198.51.100.3" in shown
        fingerprint = host_key(state_dir).get_fingerprint("sha256")
        assert f"Sleutel van deze server: {fingerprint}" in shown
        assert fingerprint.startswith("SHA256:")
        assert "Nog niemand verbonden." in str(app.screen.query_one("#people-text").render())

        anna = workshop.join("Anna", "192.0.2.20")
        workshop.join("bert", "192.0.2.21")
        session, path = start_placement(workshop.team, "Anna")
        session.sliders["communicatie"].stand = -3
        path.parent.mkdir()
        save(session, path)
        app._look_for_saves()
        workshop.leave(anna)
        await pilot.pause()
        people = str(app.screen.query_one("#people-text").render())
        assert "1 verbonden, 1 opgeslagen" in people
        assert "Anna" in people and "niet verbonden · opgeslagen" in people
        assert "bert" in people and "bezig" in people

        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.query_one("#communicatie", Overlay).markers == ()
        detail = str(app.screen.query_one("#compare-detail-text").render())
        assert "standen verborgen tot de onthulling (r)" in detail and "-3" not in detail
        keys = [(item.keys, item.description) for item in app.screen.query_one(KeyLine).shown()]
        assert ("r", "onthullen") in keys and ("r", "verbergen") not in keys
        await pilot.press("r")
        await pilot.pause()
        markers = app.screen.query_one("#communicatie", Overlay).markers
        assert [(m.letter, m.stand) for m in markers] == [("T", -2), ("A", -3)]
        # The same key hides them again, and says so.
        keys = [(item.keys, item.description) for item in app.screen.query_one(KeyLine).shown()]
        assert ("r", "verbergen") in keys and ("r", "onthullen") not in keys
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one("#communicatie", Overlay).markers == ()
        await pilot.press("escape", "r")
        await pilot.pause()
        assert app.revealed
        keys = [(item.keys, item.description) for item in app.screen.query_one(KeyLine).shown()]
        assert ("r", "verbergen") in keys


async def test_a_participant_sees_the_spread_only_after_the_reveal_and_changes_nothing(
    sessions_dir: Path,
) -> None:
    from schuiftui.app import make_app
    from schuiftui.core.placements import set_revealed, start_placement
    from schuiftui.core.storage import load
    from schuiftui.screens.compare import CompareScreen
    from schuiftui.screens.panel import PanelScreen

    from .conftest import TODAY
    from .test_placements import placed

    placed(sessions_dir, "Bas", -1)
    team = sessions_dir / TEAM
    session, path = start_placement(team, "Anna")
    app = make_app(path, session=session, today=lambda: TODAY, participant=True)
    shown: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **_: shown.append(message)  # type: ignore[method-assign]
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
        assert shown == ["De begeleider heeft de standen van iedereen nog niet getoond."]
        await pilot.press("x")  # no export for a participant
        await pilot.pause()
        assert not list(path.parent.glob("*.md"))
        set_revealed(team, True)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert "spreiding" not in shown[-1]
        await pilot.press("enter", "plus", "t", "d")  # the team's keys do nothing here
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
    assert load(team).sliders["positionering_intern"].stand == 3
    assert (team.with_suffix("") / "bas.toml").exists()


async def test_the_key_line_is_never_cut_at_80_columns(sessions_dir: Path) -> None:
    """Opened from the start screen the panel has one key more (Escape back): a key
    that does not fit goes whole, and help, which lists every key, stays."""
    from schuiftui.app import make_app
    from schuiftui.screens.panel import PanelScreen
    from schuiftui.widgets.keyline import KeyLine

    from .conftest import TODAY

    app = make_app(sessions_dir, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen)
        line = str(app.screen.query_one(KeyLine).render())
        assert line.rstrip().endswith("f1 help")
        assert len(line.rstrip()) <= 80


def test_the_host_key_is_made_once_and_kept_private(state_dir: Path) -> None:
    import stat

    from schuiftui.serve.server import host_key

    first = host_key(state_dir).get_fingerprint("sha256")
    path = state_dir / "serve" / "host_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert host_key(state_dir).get_fingerprint("sha256") == first  # never "host key changed"


async def test_a_participants_screen_names_no_files(sessions_dir: Path) -> None:
    from schuiftui.app import make_app
    from schuiftui.core.placements import start_placement

    from .conftest import TODAY

    session, path = start_placement(sessions_dir / TEAM, "Anna")
    app = make_app(path, session=session, today=lambda: TODAY, participant=True)
    shown: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **_: shown.append(message)  # type: ignore[method-assign]
        await pilot.press("up", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen_text = "\n".join(
            str(widget.render()) for widget in app.screen.query("Static, TitleBar")
        )
    assert shown == ["Je plaatsing is opgeslagen."]
    assert ".toml" not in screen_text and "sessions" not in screen_text
