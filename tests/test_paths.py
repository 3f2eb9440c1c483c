"""Slugs and session file names."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from schuiftui.core.paths import (
    find_session_files,
    latest_session_file,
    new_session_path,
    slugify,
)

DAY = datetime.date(2020, 2, 12)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Súdwest-Fryslân", "sudwest-fryslan"),
        ("Altena", "altena"),
        ("'s-Hertogenbosch", "s-hertogenbosch"),
        ("Bergen (NH)", "bergen-nh"),
        ("Nuenen, Gerwen en Nederwetten", "nuenen-gerwen-en-nederwetten"),
        ("../x", "x"),
        ("/etc", "etc"),
        ("a/../../b", "a-b"),
        ("Straße", "strasse"),
    ],
)
def test_slugify_folds_and_keeps_inside(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize("name", ["", "   ", "...", "/", "..", "ÿ̈"[1:], "中文", "🏘️"])
def test_slugify_refuses_names_with_nothing_usable(name: str) -> None:
    with pytest.raises(ValueError):
        slugify(name)


@pytest.mark.parametrize("name", ["../x", "/etc", "...x", "..\\..\\win", "a/../../b"])
def test_new_session_path_never_leaves_the_sessions_folder(tmp_path: Path, name: str) -> None:
    path = new_session_path(tmp_path, name, DAY)
    assert path.resolve().parent.parent == tmp_path.resolve()


def test_second_session_on_one_day_gets_a_number(tmp_path: Path) -> None:
    first = new_session_path(tmp_path, "Altena", DAY)
    assert first == tmp_path / "altena" / "2020-02-12.toml"
    first.parent.mkdir()
    first.write_text("")
    second = new_session_path(tmp_path, "Altena", DAY)
    assert second.name == "2020-02-12-2.toml"
    second.write_text("")
    assert new_session_path(tmp_path, "Altena", DAY).name == "2020-02-12-3.toml"


def test_latest_session_file_orders_by_date_then_number(tmp_path: Path) -> None:
    folder = tmp_path / "altena"
    folder.mkdir()
    for name in ["2020-02-12.toml", "2020-02-12-2.toml", "2019-12-01.toml", "notes.toml"]:
        (folder / name).write_text("")
    assert [f.path.name for f in find_session_files(tmp_path)] == [
        "2019-12-01.toml",
        "2020-02-12.toml",
        "2020-02-12-2.toml",
    ]
    assert latest_session_file(tmp_path, "Altena") == folder / "2020-02-12-2.toml"
    assert latest_session_file(tmp_path, "Venlo") is None
