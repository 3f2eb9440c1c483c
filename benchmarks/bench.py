"""Benchmarks for schuiftui, through a real pseudo-terminal. Prints figures.

1. Time to first paint: the panel on an example session against a bare
   Textual app (a Static and a Footer), both started as a fresh process on a
   pseudo-terminal, timed until their first screen has been written.
2. Bytes written to the terminal for one slider step at 80x24.

Run with `make bench`. Not part of the test run.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.terminal import Terminal  # noqa: E402

RUNS = 7
SCHUIFTUI = str(Path(sys.executable).parent / "schuiftui")
BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App):
    def compose(self):
        yield Static("bare-ready")
        yield Footer()

Bare().run()
"""


def first_paint(argv: list[str], marker: str, cwd: Path) -> float:
    start = time.perf_counter()
    terminal = Terminal(argv, cwd=cwd)
    try:
        terminal.read_until(marker, timeout=60)
        return time.perf_counter() - start
    finally:
        terminal.close()


STEPS = "UUUUDDUD"
"""Up and down, never back to the saved stand, so the title stays the same."""


def bytes_per_step(session: Path) -> list[int]:
    terminal = Terminal([SCHUIFTUI, str(session)], cwd=session.parent)
    counts = []
    try:
        terminal.read_until("Lokale agenda", timeout=60)
        terminal.drain(quiet=1.0)
        for step in STEPS:
            terminal.write("\x1b[A" if step == "U" else "\x1b[B")
            counts.append(len(terminal.drain(quiet=0.5)))
        terminal.write("\x11")
        terminal.drain(quiet=0.5)
        terminal.write("w")  # discard the steps
    finally:
        terminal.close()
    return counts


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        sessions = Path(folder) / "sessions"
        shutil.copytree(ROOT / "sessions", sessions)
        session = sessions / "venlo" / "2020-02-12.toml"
        bare_times, panel_times = [], []
        for _ in range(RUNS):  # interleaved, so both see the same machine load
            bare_times.append(
                first_paint([sys.executable, "-c", BARE_APP], "bare-ready", Path(folder))
            )
            panel_times.append(
                first_paint([SCHUIFTUI, str(session)], "Lokale agenda", Path(folder))
            )
        bare = statistics.median(bare_times)
        panel = statistics.median(panel_times)
        print(f"first paint, median of {RUNS} runs:")
        print(f"  bare Textual app (Static + Footer): {bare * 1000:7.1f} ms")
        print(f"  schuiftui panel (Venlo session):    {panel * 1000:7.1f} ms")
        print(f"  ratio: {panel / bare:.2f}x (target <= 1.2x)")
        counts = bytes_per_step(session)
        print("bytes written per slider step at 80x24:")
        print(f"  first step (also marks the title unsaved): {counts[0]}")
        rest = counts[1:]
        print(f"  later steps: {rest}; median {statistics.median(rest):.0f} (target <= 150)")


if __name__ == "__main__":
    main()
