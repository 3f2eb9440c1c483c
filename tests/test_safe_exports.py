"""Exports cannot attack their readers, and hostile arguments get a message, not a traceback."""

from __future__ import annotations

import csv
import io
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from schuiftui.core.compare import compared
from schuiftui.core.export import export_text
from schuiftui.core.render.csv import cell
from schuiftui.core.storage import load, save

from .conftest import EXAMPLES
from .test_hostile import run


def hostile(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "altena" / "2020-02-12.toml"
    path.parent.mkdir(parents=True)
    session = load(EXAMPLES / "altena" / "2020-02-12.toml")
    session.titel = text
    session.sliders["communicatie"].toelichting = text
    session.casus.notities = text
    save(session, path)
    return path


@pytest.mark.parametrize(
    "text, safe",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("-2 want", "-2 want"),
        ("+3", "+3"),
        ("gewoon", "gewoon"),
    ],
)
def test_a_csv_cell_that_would_be_a_formula_is_text(text: str, safe: str) -> None:
    assert cell(text) == safe


def test_an_exported_csv_has_no_formula(tmp_path: Path) -> None:
    path = hostile(tmp_path, "=1+1")
    rows = list(csv.reader(io.StringIO(export_text("csv", compared([(load(path), path)])))))
    assert not any(value.startswith(("=", "+", "@")) for row in rows for value in row)
    assert "'=1+1" in [value for row in rows for value in row]


def test_an_svg_with_characters_xml_forbids_is_still_valid_xml(tmp_path: Path) -> None:
    path = hostile(tmp_path, "a\ufffeb\uffffc")
    svg = export_text("svg", compared([(load(path), path)]))
    ElementTree.fromstring(svg.encode("utf-8"))  # raises on an invalid file
    assert "a\ufffdb\ufffdc" in svg


@pytest.mark.parametrize("fence", ["~~~", "```", "    ~~~python"])
def test_a_casus_line_that_opens_a_code_block_does_not_swallow_the_report(
    tmp_path: Path, fence: str
) -> None:
    path = hostile(tmp_path, f"voor\n{fence}\nna")
    report = export_text("md", compared([(load(path), path)]))
    tokens = MarkdownIt("commonmark").parse(report)
    fenced = "".join(t.content for t in tokens if t.type in ("fence", "code_block"))
    assert "Lokale agenda" not in fenced
    assert "Lokale agenda" in report


@pytest.mark.parametrize(
    "args",
    [
        ["compare", ""],
        ["export", "", "--to", "md"],
        ["check", ""],
        ["show", ""],
        ["diff", "", ""],
        ["history", ""],
        ["invullen", ""],
    ],
    ids=lambda args: " ".join(map(repr, args)),
)
def test_an_empty_path_is_refused_in_one_message(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert "een lege naam is geen pad" in result.stderr.decode()


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=x", "-c", "user.email=x@x", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.mark.parametrize("name", ["2020-02-12.toml", 'a "b.toml'])
def test_history_git_takes_any_commit_subject_and_file_name(tmp_path: Path, name: str) -> None:
    git(tmp_path, "init", "-q")
    target = tmp_path / name
    target.write_bytes((EXAMPLES / "altena" / "2020-02-12.toml").read_bytes())
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "ronde\x1een\x1fmeer")
    result = run("history", "--git", str(target))
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert "ronde^^en^_meer" in result.stdout.decode()
