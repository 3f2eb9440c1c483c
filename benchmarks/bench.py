"""Benchmarks for schuiftui, through a real pseudo-terminal. Prints figures.

1. Time to first paint: the panel on an example session against a bare
   Textual app (a Static and a Footer), both started as a fresh process on a
   pseudo-terminal, timed until their first screen has been written. The
   panel paints the sliders first, and the side panel (casus, agenda) and
   the key line right after; both moments are timed.
2. Bytes written to the terminal for one slider step at 80x24.

Run with `make bench`. Not part of the test run.
"""

from __future__ import annotations

import compileall
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.terminal import Terminal  # noqa: E402

RUNS = 21
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


SLIDERS_SHOWN = "nicatie"
"""The end of the fifth slider's name: the first frame of the panel is out."""
SIDE_SHOWN = "Lokale agenda"
"""The heading of the agenda: the side panel is out too."""


def first_paint(argv: list[str], markers: list[str], cwd: Path) -> list[float]:
    """Start `argv`; return the seconds until each marker had been written."""
    start = time.perf_counter()
    terminal = Terminal(argv, cwd=cwd)
    try:
        times = []
        for marker in markers:
            if marker.encode() not in terminal.output:
                terminal.read_until(marker, timeout=60)
            times.append(time.perf_counter() - start)
        return times
    finally:
        terminal.close()


STEPS = "UUUUDDUD"
"""Up and down, never back to the saved stand, so the title stays the same."""


def bytes_written(session: Path) -> tuple[int, list[int]]:
    """Bytes written until the panel is complete and quiet, and for each step."""
    terminal = Terminal([SCHUIFTUI, str(session)], cwd=session.parent)
    counts = []
    try:
        terminal.read_until(SIDE_SHOWN, timeout=60)
        terminal.drain(quiet=1.0)
        start_up = len(terminal.output)
        for step in STEPS:
            terminal.write("\x1b[A" if step == "U" else "\x1b[B")
            counts.append(len(terminal.drain(quiet=0.5)))
        terminal.write("\x11")
        terminal.drain(quiet=0.5)
        terminal.write("w")  # discard the steps
    finally:
        terminal.close()
    return start_up, counts


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        sessions = Path(folder) / "sessions"
        shutil.copytree(ROOT / "sessions", sessions)
        session = sessions / "venlo" / "2020-02-12.toml"
        # Textual's modules were compiled to bytecode when pip installed them;
        # ours, installed in editable mode, only when first imported, and not
        # at all under PYTHONDONTWRITEBYTECODE. Compile them too, so both
        # apps start the way an installed program does.
        compileall.compile_dir(ROOT / "src" / "schuiftui", quiet=1)
        bare_times, sliders_times, side_times = [], [], []
        for _ in range(RUNS):  # interleaved, so both see the same machine load
            bare_times += first_paint(
                [sys.executable, "-c", BARE_APP], ["bare-ready"], Path(folder)
            )
            sliders, side = first_paint(
                [SCHUIFTUI, str(session)], [SLIDERS_SHOWN, SIDE_SHOWN], Path(folder)
            )
            sliders_times.append(sliders)
            side_times.append(side)
        bare = statistics.median(bare_times)
        sliders = statistics.median(sliders_times)
        side = statistics.median(side_times)
        print(f"first paint, median of {RUNS} runs:")
        print(f"  bare Textual app (Static + Footer):  {bare * 1000:7.1f} ms")
        print(
            f"  schuiftui panel, sliders shown:      {sliders * 1000:7.1f} ms"
            f"  ratio {sliders / bare:.2f}x (target <= 1.2x)"
        )
        print(
            f"  schuiftui panel, side panel shown:   {side * 1000:7.1f} ms"
            f"  ratio {side / bare:.2f}x"
        )
        start_up, counts = bytes_written(session)
        print(f"bytes written at 80x24 until the panel is complete and quiet: {start_up}")
        print("bytes written per slider step at 80x24:")
        print(f"  first step (also marks the title unsaved): {counts[0]}")
        rest = counts[1:]
        print(f"  later steps: {rest}; median {statistics.median(rest):.0f} (target <= 150)")


if __name__ == "__main__":
    main()
