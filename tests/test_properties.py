"""Property tests: any text a user types survives save and load."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from schuiftui.core.session import AgendaItem, new_session, normalize_text
from schuiftui.core.storage import load, save

# Any Unicode but lone surrogates (which no UTF-8 file can hold); weighted
# towards the characters TOML treats specially.
texts = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(['"', "\\", "\n", "\r", "\t", "'", "ë", "🧭", "#", "="]),
    ),
    max_size=300,
)


@settings(max_examples=150, deadline=None)
@given(notities=texts, toelichting=texts, tekst=texts, titel=texts)
def test_any_text_survives_save_and_load(
    notities: str, toelichting: str, tekst: str, titel: str
) -> None:
    session = new_session("Súdwest-Fryslân", datetime.date(2024, 5, 1))
    session.casus.notities = notities
    session.casus.titel = titel
    session.sliders["proces_met_bewoners"].toelichting = toelichting
    session.agenda.append(AgendaItem("a1", tekst))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.toml"
        save(session, path)
        loaded = load(path)
        assert loaded.casus.notities == normalize_text(notities)
        assert loaded.casus.titel == normalize_text(titel)
        assert loaded.sliders["proces_met_bewoners"].toelichting == normalize_text(toelichting)
        assert loaded.agenda[0].tekst == normalize_text(tekst)
        assert save(loaded, path).written is False


@settings(max_examples=60, deadline=None)
@given(
    stands=st.lists(st.integers(-5, 5), min_size=5, max_size=5),
    which=st.integers(0, 4),
    to=st.integers(-5, 5),
)
def test_one_changed_stand_is_one_changed_line(stands: list[int], which: int, to: int) -> None:
    session = new_session("Altena", datetime.date(2024, 5, 1))
    for slider, stand in zip(session.sliders.values(), stands):
        slider.stand = stand
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.toml"
        save(session, path)
        before = path.read_text(encoding="utf-8").splitlines()
        list(session.sliders.values())[which].stand = to
        save(session, path)
        after = path.read_text(encoding="utf-8").splitlines()
        assert len(before) == len(after)
        differing = [(a, b) for a, b in zip(before, after) if a != b]
        assert differing == (
            [] if stands[which] == to else [(f"stand = {stands[which]}", f"stand = {to}")]
        )


EXAMPLE = (
    Path(__file__).resolve().parent.parent / "sessions" / "altena" / "2020-10-07.toml"
).read_bytes()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(EXAMPLE) - 1), st.integers(0, 255), st.booleans()),
        min_size=1,
        max_size=6,
    )
)
def test_a_damaged_file_is_refused_with_a_message_never_a_crash(
    mutations: list[tuple[int, int, bool]],
) -> None:
    """Random bytes changed, inserted or cut: only ever a valid session or a SessionError."""
    from schuiftui.core.storage import SessionError, loads

    data = bytearray(EXAMPLE)
    for position, value, insert in mutations:
        position %= len(data) or 1
        if insert:
            data.insert(position, value)
        elif value < 32:
            del data[position : position + value]
        else:
            data[position] = value
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        return  # load() refuses it before parsing (tested elsewhere)
    try:
        session = loads(text)
    except SessionError as error:
        assert str(error).count("\n") == 0  # one line
        return
    assert len(session.sliders) == 5
