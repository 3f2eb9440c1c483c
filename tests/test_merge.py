"""The three-way merge of a session with the version on disk."""

from __future__ import annotations

import copy
import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from schuiftui.core.merge import three_way_merge
from schuiftui.core.session import AgendaItem, Session, new_session


def session_with_agenda(count: int) -> Session:
    session = new_session("Zaanstad", datetime.date(2024, 1, 10))
    session.agenda = [AgendaItem(f"a{n}", f"Stap {n}") for n in range(1, count + 1)]
    return session


def base() -> Session:
    session = new_session("Zaanstad", datetime.date(2024, 1, 10))
    session.sliders["communicatie"].stand = -2
    session.agenda = [AgendaItem("a1", "Trekker benoemen"), AgendaItem("a2", "Budget bespreken")]
    return session


def test_changes_to_different_sliders_are_both_kept() -> None:
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine.sliders["communicatie"].stand = 1
    theirs.sliders["positionering_intern"].stand = 4
    theirs.casus.notities = "Nieuwe notities."
    result = three_way_merge(b, mine, theirs)
    assert result.conflicts == ()
    assert result.session.stands()["communicatie"] == 1
    assert result.session.stands()["positionering_intern"] == 4
    assert result.session.casus.notities == "Nieuwe notities."
    assert set(result.from_disk) == {"schuiven.positionering_intern.stand", "casus.notities"}


def test_the_same_slider_moved_both_ways_is_a_conflict() -> None:
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine.sliders["communicatie"].stand = 1
    theirs.sliders["communicatie"].stand = 3
    result = three_way_merge(b, mine, theirs)
    assert [(c.field, c.mine, c.theirs) for c in result.conflicts] == [
        ("schuiven.communicatie.stand", 1, 3)
    ]
    assert result.session.stands()["communicatie"] == 1  # mine until decided
    assert result.resolved({"schuiven.communicatie.stand"}).stands()["communicatie"] == 3
    assert result.resolved(set()).stands()["communicatie"] == 1


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine.sliders["communicatie"].stand = theirs.sliders["communicatie"].stand = 2
    assert three_way_merge(b, mine, theirs).conflicts == ()


def test_agenda_items_merge_by_id_and_field() -> None:
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine.agenda[0].status = "gedaan"
    theirs.agenda[0].eigenaar = "team"
    theirs.agenda[1].tekst = "Budget verdelen"
    result = three_way_merge(b, mine, theirs)
    assert result.conflicts == ()
    a1, a2 = result.session.agenda
    assert (a1.status, a1.eigenaar) == ("gedaan", "team")
    assert a2.tekst == "Budget verdelen"


def test_items_added_on_both_sides_with_the_same_new_id_are_both_kept() -> None:
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine.agenda.append(AgendaItem("a3", "Mijn stap"))
    theirs.agenda.append(AgendaItem("a3", "Hun stap"))
    result = three_way_merge(b, mine, theirs)
    assert result.conflicts == ()
    texts = [(item.id, item.tekst) for item in result.session.agenda]
    assert ("a3", "Hun stap") in texts
    assert [t for i, t in texts if i not in ("a1", "a2", "a3")] == ["Mijn stap"]
    assert len({i for i, _ in texts}) == 4


def test_an_item_deleted_on_disk_that_i_did_not_touch_goes() -> None:
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    del theirs.agenda[0]
    mine.sliders["communicatie"].stand = 0
    result = three_way_merge(b, mine, theirs)
    assert [item.id for item in result.session.agenda] == ["a2"]
    assert result.conflicts == ()


def test_deleted_on_one_side_and_changed_on_the_other_is_a_conflict() -> None:
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine.agenda[0].tekst = "Trekker benoemen, snel"
    del theirs.agenda[0]
    result = three_way_merge(b, mine, theirs)
    assert [(c.field, c.theirs) for c in result.conflicts] == [("agenda.a1", None)]
    assert [i.id for i in result.session.agenda] == ["a1", "a2"]
    assert [i.id for i in result.resolved({"agenda.a1"}).agenda] == ["a2"]


def test_an_item_added_on_disk_lands_after_its_neighbour() -> None:
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    theirs.agenda.insert(1, AgendaItem("a9", "Tussendoor"))
    mine.agenda.reverse()
    result = three_way_merge(b, mine, theirs)
    assert [i.id for i in result.session.agenda] == ["a2", "a1", "a9"]


def test_a_save_plan_says_what_must_be_asked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from schuiftui.core.saving import plan_save
    from schuiftui.core.storage import save

    path = tmp_path / "s.toml"
    b = base()
    save(b, path)
    mine = copy.deepcopy(b)
    mine.sliders["communicatie"].stand = 1
    assert plan_save(path, b, mine).ask is None  # nobody else saved: write

    theirs = copy.deepcopy(b)
    theirs.sliders["positionering_intern"].stand = 4
    save(theirs, path)
    plan = plan_save(path, b, mine)
    assert (plan.ask, plan.on_disk) == (None, theirs)  # merged without a question
    assert plan.merged is not None and plan.merged.session.stands()["positionering_intern"] == 4

    theirs.sliders["communicatie"].stand = 3
    save(theirs, path)
    assert plan_save(path, b, mine).ask == "conflicts"

    path.chmod(0o444)
    assert plan_save(path, b, mine).ask == "read_only"
    path.chmod(0o644)
    path.write_text("formaat = = 1\n", encoding="utf-8")
    assert plan_save(path, b, mine).ask is None  # the write reports the broken file
    path.write_text(
        "formaat = 1\n[sessie]\ngemeente = 'X'\ndatum = 2024-01-10\n[schuiven.communicatie]\nstand = 9\n",
        encoding="utf-8",
    )
    plan = plan_save(path, b, mine)
    assert plan.ask == "invalid" and "stand" in plan.problem  # valid TOML: never written over
    path.unlink()
    assert plan_save(path, b, mine).ask == "deleted"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(data=st.data(), count=st.integers(min_value=2, max_value=7))
def test_an_agenda_reordered_on_disk_keeps_its_order(data: st.DataObject, count: int) -> None:
    """Only the other side moved items (and I changed texts, or added one): their order stands."""
    base = session_with_agenda(count)
    theirs = copy.deepcopy(base)
    theirs.agenda = data.draw(st.permutations(theirs.agenda))
    mine = copy.deepcopy(base)
    for item in mine.agenda:
        if data.draw(st.booleans()):
            item.tekst += " (bijgewerkt)"
    added = data.draw(st.booleans())
    if added:
        mine.agenda.append(AgendaItem(mine.next_agenda_id(), "Nieuw"))
    merged = three_way_merge(base, mine, theirs)
    assert not merged.conflicts
    ids = [item.id for item in merged.session.agenda]
    on_disk = [item.id for item in theirs.agenda]
    assert [i for i in ids if i in on_disk] == on_disk
    assert len(ids) == count + added
    texts = {item.id: item.tekst for item in merged.session.agenda}
    assert all(texts[item.id] == item.tekst for item in mine.agenda)


def test_a_new_id_after_a_clash_is_never_a_deleted_one() -> None:
    base = session_with_agenda(3)
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    del mine.agenda[2], theirs.agenda[2]  # a3 deleted on both sides
    mine.agenda.append(AgendaItem("a4", "Van mij"))
    theirs.agenda.append(AgendaItem("a4", "Van hen"))
    merged = three_way_merge(base, mine, theirs)
    assert sorted(item.id for item in merged.session.agenda) == ["a1", "a2", "a4", "a5"]
