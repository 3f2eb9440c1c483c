"""`export` to Markdown, CSV and SVG, and `compare` in a pipe."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from schuiftui.__main__ import main
from schuiftui.core.categories import CATEGORIES

from .conftest import EXAMPLES

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(svg: str) -> list[str]:
    root = ElementTree.fromstring(svg.encode("utf-8"))
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def test_svg_of_three_gemeenten_is_an_a4_mengpaneel(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(EXAMPLES), "--to", "svg"]) == 0
    svg = capsys.readouterr().out
    root = ElementTree.fromstring(svg.encode("utf-8"))  # well-formed XML
    assert (root.get("width"), root.get("height")) == ("297mm", "210mm")
    texts = svg_texts(svg)
    joined = " ".join(texts)
    for category in CATEGORIES:
        assert category.name.nl.split()[0] in joined
    for pole in ("eigen budget", "structureel", "per situatie", "hele gemeente"):
        assert pole in texts
    assert "midden (0): geen keuze" in texts
    # One marker per session and slider, each with its letter; a legend entry for each.
    letters = [t for t in texts if t in ("A", "S", "V")]
    assert sorted(letters) == sorted(["A", "S", "V"] * 6)
    assert {"Altena 2020-10-07", "Schiedam 2020-02-12", "Venlo 2020-02-12"} <= set(texts)
    colours = {c.get("fill") for c in root.iter(f"{SVG}circle")}
    assert len(colours) == 3


def test_svg_of_one_session_shows_its_stands(tmp_path: Path) -> None:
    out = tmp_path / "altena.svg"
    assert (
        main(
            ["export", str(EXAMPLES / "altena" / "2020-02-12.toml"), "--to", "svg", "-o", str(out)]
        )
        == 0
    )
    texts = svg_texts(out.read_text(encoding="utf-8"))
    assert texts[1] == "Altena — 2020-02-12 — Werkplaats 2"
    assert [t for t in texts if t in ("+3", "-2", "-4", "+4")].count("-2") >= 2


def test_svg_escapes_what_the_team_typed(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(
        'formaat = 1\n[sessie]\ngemeente = "A&B <gemeente>"\ndatum = 2024-01-01\n', encoding="utf-8"
    )
    out = tmp_path / "s.svg"
    assert main(["export", str(path), "--to", "svg", "-o", str(out)]) == 0
    assert "A&B <gemeente> — 2024-01-01" in svg_texts(out.read_text(encoding="utf-8"))


def test_csv_has_one_row_per_session_and_slider(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(EXAMPLES / "altena"), "--to", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 10
    assert list(rows[0]) == ["gemeente", "datum", "titel", "schuif", "stand", "toelichting"]
    assert rows[1] == {
        "gemeente": "Altena",
        "datum": "2020-02-12",
        "titel": "Werkplaats 2",
        "schuif": "proces_met_bewoners",
        "stand": "-2",
        "toelichting": "Signalen van bewoners komen overal in de organisatie binnen; risico op versnippering.",
    }


def test_markdown_of_one_session_is_a_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(EXAMPLES / "altena" / "2020-02-12.toml"), "--to", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Altena — 2020-02-12 — Werkplaats 2\n")
    chart = out.split("```text\n", 1)[1].split("```", 1)[0]
    assert "Positie" in chart and "bewoners" in chart and "(midden: geen keuze)" in chart
    assert "| Positionering intern | +3 | Het team heeft een eigen programmabudget. |" in out
    assert "## Casus: Armoedepact in de kernen" in out
    assert (
        "- [ ] Armoedepact gemeentebreed sluiten met de partners (korte termijn, sociaal domein)"
        in out
    )


def test_markdown_of_several_sessions_compares_and_shows_the_changes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["export", str(EXAMPLES / "altena"), str(EXAMPLES / "venlo"), "--to", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Schuifoefening: vergelijking\n")
    assert "| **A** | Altena | 2020-02-12 | Werkplaats 2 |" in out
    assert "| Proces met bewoners | -2 | 0 | +1 | -2 … +1 |" in out
    # A summary first, then the changes between rounds in sentences: no diff blocks, no ids.
    assert out.index("## Samenvatting") < out.index("| **A** |")
    assert "### Altena: van 12 februari 2020 naar 7 oktober 2020" in out
    assert "- Proces binnen gemeente ging van -4 naar -2 (+2)." in out
    assert "- Gedaan: Armoedepact gemeentebreed sluiten met de partners" in out
    assert "```diff" not in out and "[a1]" not in out
    assert "## C. Venlo — 2020-02-12 — Werkplaats 2" in out


def test_export_to_a_file_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "verslag" / "altena.md"
    assert main(["export", str(EXAMPLES / "altena"), "--to", "md", "-o", str(out)]) == 0
    assert capsys.readouterr().err == f"Geschreven: {out}\n"
    assert out.read_text(encoding="utf-8").startswith("# Schuifoefening: vergelijking")
    assert [p.name for p in out.parent.iterdir()] == ["altena.md"]  # no temporary file left


def test_export_of_an_invalid_file_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("formaat = 1\n", encoding="utf-8")
    out = tmp_path / "out.svg"
    assert main(["export", str(bad), "--to", "svg", "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"{bad}: de tabel [sessie] ontbreekt\n"
    assert not out.exists()


def test_compare_in_a_pipe_prints_the_comparison(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(EXAMPLES)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:5] == [
        "Vergelijking van 3 sessies",
        "",
        "A  Altena    2020-10-07  Terugkomdag met het hele team",
        "S  Schiedam  2020-02-12  Werkplaats 2",
        "V  Venlo     2020-02-12  Werkplaats 2",
    ]
    assert "  Communicatie            -2 … -2   A S V -2" in lines
    minus_two = next(line for line in lines if line.startswith(" -2  "))
    assert "ASV" in minus_two  # all three on communicatie's track at -2


def test_rounds_of_one_gemeente_show_what_moved_never_a_spread(
    capsys: pytest.CaptureFixture[str],
) -> None:
    altena = EXAMPLES / "altena"
    assert main(["compare", str(altena)]) == 0
    out = capsys.readouterr().out
    assert "Verschoven sinds de ronde van 2020-02-12" in out
    assert "  Proces met bewoners     -2 ->  0   +2" in out
    assert "Spreiding" not in out and "alle sessies op" not in out
    assert main(["export", str(altena), "--to", "svg"]) == 0
    texts = svg_texts(capsys.readouterr().out)
    assert texts.count("verschoven +2") == 2 and texts.count("verschoven 0") == 3
    assert not any("spreiding" in t or "allemaal op" in t for t in texts)


def test_a_placements_svg_is_titled_with_the_session_and_names_its_people(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from schuiftui.core.placements import start_placement
    from schuiftui.core.storage import save

    team = sessions_dir / "altena" / "2020-10-07.toml"
    for naam in ("Anna", "Bas"):
        session, path = start_placement(team, naam)
        path.parent.mkdir(exist_ok=True)
        save(session, path)
    assert main(["export", str(team), str(team.with_suffix("")), "--to", "svg"]) == 0
    texts = svg_texts(capsys.readouterr().out)
    assert "Eigen plaatsingen: Altena 2020-10-07" in texts
    assert {"Anna", "Bas"} <= set(texts)
