"""`export --to xlsx`: a workbook Excel opens as it is, read back here with openpyxl."""

from __future__ import annotations

import datetime
import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from schuiftui.__main__ import main
from schuiftui.core.storage import load, save


def test_the_workbook_has_stands_toelichtingen_and_actions_with_accents_and_dates(
    sessions_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schiedam = sessions_dir / "schiedam" / "2020-02-12.toml"
    session = load(schiedam)
    session.gemeente = "Súdwest-Fryslân"
    session.sliders["communicatie"].toelichting = '=HYPERLINK("http://x") en +31 6 -1'
    session.agenda[0].uiterlijk = datetime.date(2020, 3, 1)  # long past: te laat
    session.agenda[0].categorie = "proces_met_bewoners"
    save(session, schiedam)
    out = tmp_path / "werkmap.xlsx"
    assert main(["export", str(sessions_dir), "--to", "xlsx", "-o", str(out)]) == 0
    assert capsys.readouterr().err == f"Geschreven: {out}\n"
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Standen", "Toelichtingen", "Acties"]

    stands = [list(row) for row in book["Standen"].iter_rows(values_only=True)]
    assert stands[0][:5] == ["Gemeente", "Datum", "Titel", "Wie", "Positionering intern"]
    row = next(r for r in stands if r[0] == "Súdwest-Fryslân")
    assert row[1] == datetime.datetime(2020, 2, 12)  # a real date in Excel
    assert row[4:] == [0, 5, -3, -1, -2]

    texts = list(book["Toelichtingen"].iter_rows(values_only=True))
    formula = next(r for r in texts if r[0] == "Súdwest-Fryslân" and r[3] == "Communicatie")
    assert formula[5] == '=HYPERLINK("http://x") en +31 6 -1'  # text, never a formula
    cell = next(
        c for row in book["Toelichtingen"].iter_rows() for c in row if c.value == formula[5]
    )
    assert cell.data_type == "s"

    actions = list(book["Acties"].iter_rows(values_only=True))
    assert actions[0] == (
        "Gemeente", "Datum", "Actie", "Status", "Termijn", "Wie trekt het", "Uiterlijk",
        "Te laat", "Schuif",
    )  # fmt: skip
    late = next(r for r in actions if r[0] == "Súdwest-Fryslân")
    assert late[6] == datetime.datetime(2020, 3, 1) and late[7] == "ja"
    assert late[8] == "Proces met bewoners"


def test_xlsx_goes_to_a_pipe_but_never_onto_a_terminal(sessions_dir: Path) -> None:
    altena = sessions_dir / "altena" / "2020-10-07.toml"
    result = subprocess.run(
        [sys.executable, "-m", "schuiftui", "--lang", "en", "export", str(altena), "--to", "xlsx"],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0
    book = openpyxl.load_workbook(io.BytesIO(result.stdout))
    assert book.sheetnames == ["Positions", "Explanations", "Actions"]
