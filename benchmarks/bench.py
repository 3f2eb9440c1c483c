"""Benchmarks for schuiftui. Prints figures.

1. Time to first paint: the panel on an example session against a bare
   Textual app (a Static and a Footer), both started as a fresh process on a
   pseudo-terminal, timed until their first screen has been written. The
   panel paints the sliders first, and the side panel (casus, agenda) and
   the key line right after; both moments are timed.
2. Bytes written to the terminal for one slider step at 80x24.
3. The compare screen with 12 sessions: time to first paint against the
   bare app, in the same way.
4. `history` over 1,000 generated rounds of one gemeente against parsing
   the same files with `tomllib` alone, in one process and as commands.
5. `diff A B` as a whole process against `check A B`.
6. Resident memory of the running panel against the bare app, once each
   is complete and quiet.
7. The single-file build (`make pyz`): its size, its first start (which
   unpacks it into the cache folder) and its first paint afterwards,
   against the installed app.

Run with `make bench`. Not part of the test run.
"""

from __future__ import annotations

import compileall
import contextlib
import datetime
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
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
        terminal.write("n")  # do not save the steps (which also removes their draft)
        terminal.wait()
    finally:
        terminal.close()
    return start_up, counts


def generate_rounds(folder: Path, count: int) -> list[Path]:
    """`count` rounds of one gemeente, one a week, each with toelichtingen and an agenda."""
    from schuiftui.core.categories import CATEGORY_IDS
    from schuiftui.core.session import AgendaItem, new_session
    from schuiftui.core.storage import save

    paths = []
    start = datetime.date(2000, 1, 3)
    for number in range(count):
        session = new_session("Zaanstad", start + datetime.timedelta(weeks=number))
        session.titel = f"Ronde {number + 1}"
        for index, slider_id in enumerate(CATEGORY_IDS):
            session.sliders[slider_id].stand = (number + index) % 11 - 5
            session.sliders[slider_id].toelichting = f"Toelichting {number} bij {slider_id}."
        session.agenda = [AgendaItem(f"a{i}", f"Stap {i} van ronde {number}") for i in range(4)]
        path = folder / f"{session.datum.isoformat()}.toml"
        save(session, path)
        paths.append(path)
    return paths


def generate_workshop_years(folder: Path, gemeenten: int = 20, rounds: int = 50) -> Path:
    """A facilitator's sessions folder after years: `gemeenten` x `rounds` session files."""
    sessions = folder / "jaren"
    template = None
    for number in range(gemeenten):
        gemeente = sessions / f"gemeente-{number + 1:02d}"
        gemeente.mkdir(parents=True)
        if template is None:
            template = generate_rounds(gemeente, rounds)
            texts = [path.read_text(encoding="utf-8") for path in template]
            continue
        for path, text in zip(template, texts):
            renamed = text.replace(
                'gemeente = "Zaanstad"', f'gemeente = "Gemeente {number + 1:02d}"'
            )
            (gemeente / path.name).write_text(renamed, encoding="utf-8")
    first = sessions / "gemeente-01"
    for path in first.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace('gemeente = "Zaanstad"', 'gemeente = "Gemeente 01"'), encoding="utf-8"
        )
    return sessions


def bench_start_screen(folder: Path) -> None:
    """The start screen on 20 gemeenten x 50 rounds (1,000 files) against the bare app."""
    sessions = generate_workshop_years(folder)
    bare_times, start_times = [], []
    for _ in range(RUNS):
        bare_times += first_paint([sys.executable, "-c", BARE_APP], ["bare-ready"], folder)
        start_times += first_paint([SCHUIFTUI, str(sessions)], ["Gemeente 01"], folder)
    bare, start = statistics.median(bare_times), statistics.median(start_times)
    print(
        f"start screen with 20 gemeenten x 50 rounds (1,000 files), first paint, median of {RUNS} runs:"
    )
    print(f"  bare Textual app (Static + Footer):  {bare * 1000:7.1f} ms")
    print(
        f"  schuiftui start screen:              {start * 1000:7.1f} ms"
        f"  ratio {start / bare:.2f}x (target <= 1.5x)"
    )


def median_seconds(work: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process_seconds(argv: list[str], runs: int = RUNS) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def bench_history(folder: Path) -> None:
    """`history` over 1,000 rounds against `tomllib` parsing the same files."""
    from schuiftui.__main__ import main as schuiftui_main
    from schuiftui.core.storage import tomllib

    gemeente = folder / "zaanstad"
    paths = generate_rounds(gemeente, 1000)

    def parse_only() -> None:
        for path in sorted(gemeente.glob("*.toml")):
            tomllib.loads(path.read_text(encoding="utf-8"))

    def history() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            assert schuiftui_main(["history", str(gemeente)]) == 0

    parse_only()  # warm the file cache for both
    runs = 7
    parse, full = [], []
    for _ in range(runs):  # interleaved
        parse.append(median_seconds(parse_only, 1))
        full.append(median_seconds(history, 1))
    tomllib_time, history_time = statistics.median(parse), statistics.median(full)
    print(
        f"history over {len(paths)} rounds of one gemeente, median of {runs} runs, in one process:"
    )
    print(f"  tomllib alone (read + parse):        {tomllib_time * 1000:7.1f} ms")
    print(
        f"  schuiftui history (text):            {history_time * 1000:7.1f} ms"
        f"  ratio {history_time / tomllib_time:.2f}x (target <= 2x)"
    )
    parse_script = (
        "import pathlib, sys, tomllib\n"
        f"for p in sorted(pathlib.Path({str(gemeente)!r}).glob('*.toml')):\n"
        "    tomllib.loads(p.read_text(encoding='utf-8'))\n"
    )
    parse_cmd, history_cmd = [], []
    for _ in range(runs):
        parse_cmd += process_seconds([sys.executable, "-c", parse_script], 1)
        history_cmd += process_seconds([SCHUIFTUI, "history", str(gemeente)], 1)
    a, b = statistics.median(parse_cmd), statistics.median(history_cmd)
    print("  as commands (python -c tomllib loop / schuiftui history):")
    print(f"    {a * 1000:7.1f} ms / {b * 1000:7.1f} ms  ratio {b / a:.2f}x")


def bench_diff(sessions: Path) -> None:
    """`diff A B` against `check A B`, each as a whole process."""
    a = str(sessions / "altena" / "2020-02-12.toml")
    b = str(sessions / "altena" / "2020-10-07.toml")
    check_times, diff_times = [], []
    for _ in range(RUNS):  # interleaved
        check_times += process_seconds([SCHUIFTUI, "check", a, b], 1)
        diff_times += process_seconds([SCHUIFTUI, "diff", a, b], 1)
    check, difference = statistics.median(check_times), statistics.median(diff_times)
    print(f"diff A B against check A B, whole processes, median of {RUNS} runs:")
    print(f"  schuiftui check A B:                 {check * 1000:7.1f} ms")
    print(
        f"  schuiftui diff A B:                  {difference * 1000:7.1f} ms"
        f"  ratio {difference / check:.2f}x (target <= 1.3x)"
    )


def bench_compare(folder: Path) -> None:
    """The compare screen with 12 gemeenten against the bare app, first paint."""
    from schuiftui.core.session import new_session
    from schuiftui.core.storage import save

    workshop = folder / "werkplaats"
    for number in range(1, 13):
        session = new_session(f"Gemeente {number:02d}", datetime.date(2024, 3, 4))
        session.titel = "Werkplaats 1"
        for index, slider in enumerate(session.sliders.values()):
            slider.stand = (number * 3 + index) % 11 - 5
            slider.toelichting = f"Toelichting van gemeente {number}."
        save(session, workshop / f"gemeente-{number:02d}" / "2024-03-04.toml")
    bare_times, compare_times = [], []
    for _ in range(RUNS):  # interleaved
        bare_times += first_paint([sys.executable, "-c", BARE_APP], ["bare-ready"], folder)
        compare_times += first_paint([SCHUIFTUI, "compare", str(workshop)], ["Gemeente 12"], folder)
    bare, compare = statistics.median(bare_times), statistics.median(compare_times)
    print(f"compare screen with 12 sessions, first paint, median of {RUNS} runs:")
    print(f"  bare Textual app (Static + Footer):  {bare * 1000:7.1f} ms")
    print(
        f"  schuiftui compare, 12 gemeenten:     {compare * 1000:7.1f} ms"
        f"  ratio {compare / bare:.2f}x (target <= 1.3x)"
    )


def resident_kb(argv: list[str], marker: str, cwd: Path) -> int:
    """The resident memory (VmRSS) of `argv` once `marker` is out and it is quiet."""
    terminal = Terminal(argv, cwd=cwd)
    try:
        terminal.read_until(marker, timeout=60)
        terminal.drain(quiet=1.0)
        status = Path(f"/proc/{terminal.process.pid}/status").read_text()
        return int(
            next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))
        )
    finally:
        terminal.close()


def bench_memory(session: Path, folder: Path) -> None:
    """Resident memory of the panel against the bare app."""
    runs = 7
    bare = statistics.median(
        resident_kb([sys.executable, "-c", BARE_APP], "bare-ready", folder) for _ in range(runs)
    )
    panel = statistics.median(
        resident_kb([SCHUIFTUI, str(session)], SIDE_SHOWN, folder) for _ in range(runs)
    )
    print(f"resident memory once complete and quiet, median of {runs} runs:")
    print(f"  bare Textual app (Static + Footer):  {bare / 1024:7.1f} MB")
    print(
        f"  schuiftui panel:                     {panel / 1024:7.1f} MB"
        f"  ratio {panel / bare:.2f}x (target <= 1.2x)"
    )


def bench_pyz(session: Path, folder: Path) -> None:
    """The single file: size, first start (unpacking), first paint against the installed app."""
    pyz = ROOT / "dist" / "schuiftui.pyz"
    cache = folder / "pyz-cache"
    os.environ["XDG_CACHE_HOME"] = str(cache)
    try:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-I", str(pyz), "check", str(session)], check=True, capture_output=True
        )
        unpacking = time.perf_counter() - start
        installed_times, pyz_times = [], []
        for _ in range(RUNS):  # interleaved
            installed_times += first_paint([SCHUIFTUI, str(session)], [SLIDERS_SHOWN], folder)
            pyz_times += first_paint(
                [sys.executable, "-I", str(pyz), str(session)], [SLIDERS_SHOWN], folder
            )
        os.environ["XDG_CACHE_HOME"] = str(folder / "a-file" / "cache")  # no cache folder
        (folder / "a-file").write_text("")
        zipped_times = []
        for _ in range(5):
            zipped_times += first_paint(
                [sys.executable, "-I", str(pyz), str(session)], [SLIDERS_SHOWN], folder
            )
    finally:
        del os.environ["XDG_CACHE_HOME"]
    installed, from_pyz = statistics.median(installed_times), statistics.median(pyz_times)
    zipped = statistics.median(zipped_times)
    print(f"single file dist/schuiftui.pyz: {pyz.stat().st_size / 1e6:.2f} MB")
    print(f"  first start (check), unpacking into the cache folder: {unpacking * 1000:7.1f} ms")
    print(f"  first paint, median of {RUNS} runs:")
    print(f"    installed app:                     {installed * 1000:7.1f} ms")
    print(
        f"    python -I schuiftui.pyz:           {from_pyz * 1000:7.1f} ms"
        f"  ratio {from_pyz / installed:.2f}x (target <= 2x)"
    )
    print(
        f"    from the archive itself (no cache folder, median of 5): {zipped * 1000:7.1f} ms"
        f"  ratio {zipped / installed:.2f}x"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        # Recovery drafts and locks of the runs stay in the scratch folder.
        os.environ["SCHUIFTUI_STATE_DIR"] = str(Path(folder) / "state")
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
        bench_compare(Path(folder))
        bench_start_screen(Path(folder))
        bench_history(Path(folder))
        bench_diff(sessions)
        bench_memory(session, Path(folder))
        bench_pyz(session, Path(folder))


if __name__ == "__main__":
    main()
