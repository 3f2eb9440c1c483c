"""`export --to html`: the report for a wethouder, self-contained, in sentences."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from schuiftui.__main__ import main
from schuiftui.core.storage import load, save


class Text(HTMLParser):
    """The visible text of an HTML document, and every address it would load."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.addresses: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "title"):
            self._skip += 1
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.addresses.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def report(
    sessions_dir: Path, *targets: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[str, Text]:
    assert main(["export", *map(str, targets), "--to", "html"]) == 0
    html = capsys.readouterr().out
    parsed = Text()
    parsed.feed(html)
    return html, parsed


def test_the_report_summarises_in_sentences_and_marks_what_is_late(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latest = sessions_dir / "altena" / "2020-10-07.toml"
    session = load(latest)
    open_action = next(item for item in session.agenda if not item.done)
    open_action.uiterlijk = datetime.date(2021, 3, 1)
    save(session, latest)
    html, parsed = report(sessions_dir, sessions_dir / "altena", capsys=capsys)
    text = " ".join(" ".join(parsed.text).split())
    assert html.startswith("<!DOCTYPE html>")
    assert "@page { size: A4;" in html
    assert not parsed.addresses and "http" not in html.replace("http://www.w3.org", "")
    # Samenvatting first: the biggest moves, the samenhang questions, the actions.
    summary = text[text.index("Samenvatting") : text.index("Altena, 12 februari 2020")]
    assert (
        "Altena: Proces met bewoners ging van -2 naar 0, 2 stappen omhoog sinds 12 februari 2020."
        in summary
    )
    assert "Komen gebiedsoplossingen van de grond?" in summary
    assert "waarvan 1 te laat." in summary
    # Then each session: the chart, stands with toelichtingen, casus, agenda.
    assert text.count("Standen en toelichtingen") == 2
    assert html.count("<svg") == 2
    assert "te laat sinds 1 maart 2021" in text
    assert not re.search(r"\ba\d+\b", text)  # no action ids
    assert "spreiding" not in text


def test_a_placement_is_under_the_persons_name(
    sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from schuiftui.core.placements import start_placement

    session, path = start_placement(sessions_dir / "altena" / "2020-10-07.toml", "Anna")
    path.parent.mkdir()
    save(session, path)
    _html, parsed = report(sessions_dir, path, capsys=capsys)
    assert "Eigen plaatsing van Anna (Altena, 7 oktober 2020)" in " ".join(parsed.text)
