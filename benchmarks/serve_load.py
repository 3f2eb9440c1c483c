"""Load on `schuiftui serve`: 30 participants over loopback with the real OpenSSH client.

Prints:
- the echo of a slider step (from the key written into a participant's ssh
  to the first bytes of the repaint coming back), everyone typing a step a
  second, then five a second, then everyone pressing in the same
  millisecond: median and p95; and whether each screen shows the stand typed;
- memory per participant: the PSS of the serve process tree (server,
  zygote, every participant's app) with all connected, minus its idle PSS,
  divided by the number of participants; against the PSS of one `schuiftui
  invullen` started on its own;
- the facilitator's live compare of the placements (`schuiftui compare`
  on the team's session): from a participant's Ctrl+S to the repaint.

Run with `make bench` (or `python benchmarks/serve_load.py [PARTICIPANTS]`).
Needs the `ssh` client and the extra `schuiftui[serve]`.
"""

from __future__ import annotations

import os
import select
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

try:
    import tomllib
except ImportError:  # Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.terminal import Terminal  # noqa: E402

CODE = "424242"
_INSTALLED = Path(sys.executable).parent / "schuiftui"
SCHUIFTUI = [str(_INSTALLED)] if _INSTALLED.exists() else [sys.executable, "-m", "schuiftui"]
"""The installed command (or the package, for a Python it is not installed for)."""
ROUNDS = 20
UP, DOWN, CTRL_S = "\x1b[A", "\x1b[B", "\x13"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def pss_kb(pids: list[int]) -> int:
    """The proportional set size of `pids` together, in kB (shared pages counted once)."""
    total = 0
    for pid in pids:
        try:
            text = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1])
    return total


def tree(root: int) -> list[int]:
    """`root` and all its descendants."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += parents.get(pid, [])
    return found


def wait_for_line(stream: int, text: str, timeout: float = 30.0) -> None:
    seen = b""
    deadline = time.monotonic() + timeout
    while text.encode() not in seen:
        ready, _, _ = select.select([stream], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise TimeoutError(text)
        seen += os.read(stream, 65536)


def join(port: int, naam: str, cwd: Path) -> Terminal:
    argv = [
        "ssh", "-F", "/dev/null", "-o", "StrictHostKeyChecking=no",
        "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
        "-p", str(port), "-t", f"{naam}@127.0.0.1",
    ]  # fmt: skip
    terminal = Terminal(argv, cwd, controlling=True)
    terminal.read_until("Workshopcode:", timeout=60)
    terminal.write(CODE + "\r")
    terminal.read_until("Eigen plaatsing van", timeout=120)
    return terminal


def quiet(terminals: list[Terminal]) -> None:
    for terminal in terminals:
        terminal.drain(quiet=0.2, limit=5)


def echo_round(terminals: list[Terminal], key: str) -> list[float]:
    """Every participant steps at once; seconds from each key to its first repaint bytes."""
    sent: dict[int, float] = {}
    for terminal in terminals:
        terminal.write(key)
        sent[terminal.master] = time.monotonic()
    echoes: list[float] = []
    waiting = {terminal.master: terminal for terminal in terminals}
    deadline = time.monotonic() + 30
    while waiting and time.monotonic() < deadline:
        ready, _, _ = select.select(list(waiting), [], [], 1.0)
        now = time.monotonic()
        for fd in ready:
            terminal = waiting.pop(fd)
            terminal.output += os.read(fd, 65536)
            echoes.append(now - sent[fd])
    if waiting:
        raise TimeoutError(f"{len(waiting)} participants saw no echo")
    return echoes


def typing_echoes(
    terminals: list[Terminal], moved: list[int], steps: int = 10, interval: float = 1.0
) -> list[float]:
    """Everyone steps once every `interval` seconds, spread over it as people type; each echo.

    `moved` gets, per participant, the steps typed (up minus down).
    """
    count = len(terminals)
    start = time.monotonic()
    schedule = sorted(
        (start + (step + index / count) * interval, index, UP if step % 2 == 0 else DOWN)
        for step in range(steps)
        for index in range(count)
    )
    sent: dict[int, float] = {}
    echoes: list[float] = []
    by_fd = {terminal.master: terminal for terminal in terminals}
    while schedule or sent:
        timeout = max(0.0, schedule[0][0] - time.monotonic()) if schedule else 5.0
        ready, _, _ = select.select(list(by_fd), [], [], timeout)
        if not ready and not schedule and sent:  # five seconds without a byte
            print(f"  ({len(sent)} steps showed no echo within 5 s)")
            break
        now = time.monotonic()
        for fd in ready:
            by_fd[fd].output += os.read(fd, 65536)
            if fd in sent:
                echoes.append(now - sent.pop(fd))
        while schedule and schedule[0][0] <= time.monotonic():
            _at, index, key = schedule.pop(0)
            terminal = terminals[index]
            if terminal.master in sent:
                continue  # the previous step has not shown yet: a person waits for it
            terminal.write(key)
            sent[terminal.master] = time.monotonic()
            moved[index] += 1 if key == UP else -1
    return echoes


def shown_stand(terminal: Terminal) -> int | None:
    """The stand the participant's screen shows on the focused (first) slider."""
    for line in terminal.shown():
        if "◀█▶" in line:
            number = line.split("◀█▶", 1)[1].split()[0]
            return int(number.replace("−", "-"))
    return None


def percentiles(echoes: list[float]) -> str:
    echoes = sorted(echoes)
    p95 = echoes[int(0.95 * (len(echoes) - 1))]
    return (
        f"median {statistics.median(echoes) * 1000:4.0f} ms   p95 {p95 * 1000:4.0f} ms"
        f"   max {echoes[-1] * 1000:4.0f} ms"
    )


def main(participants: int = 30) -> None:
    if shutil.which("ssh") is None:
        print("serve load: skipped, no ssh client")
        return
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        shutil.copytree(ROOT / "sessions", scratch / "sessions")
        env = {**os.environ, "SCHUIFTUI_STATE_DIR": str(scratch / "state")}
        team = scratch / "sessions" / "altena" / "2020-10-07.toml"
        port = free_port()
        server = subprocess.Popen(
            [
                *(*SCHUIFTUI, "serve", str(team), "--host", "127.0.0.1", "--port", str(port)),
                *("--code", CODE, "--max", str(participants + 5)),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=scratch,
        )
        terminals: list[Terminal] = []
        compare: Terminal | None = None
        try:
            assert server.stdout is not None
            wait_for_line(server.stdout.fileno(), "SHA256:")
            time.sleep(1.0)  # let the zygote finish loading before measuring its idle size
            idle = pss_kb(tree(server.pid))
            started = time.monotonic()
            for number in range(participants):
                terminals.append(join(port, f"deelnemer{number + 1}", scratch))
            joined = time.monotonic() - started
            quiet(terminals)
            moved = [0] * participants
            typing = typing_echoes(terminals, moved)
            quiet(terminals)
            brisk = typing_echoes(terminals, moved, steps=50, interval=0.2)
            quiet(terminals)
            stale = sum(
                shown_stand(terminal) != moved[index] for index, terminal in enumerate(terminals)
            )
            echoes: list[float] = []
            for round_number in range(ROUNDS):
                echoes += echo_round(terminals, UP if round_number % 2 == 0 else DOWN)
                quiet(terminals)
            full = pss_kb(tree(server.pid))

            # Everyone saves; the facilitator's compare screen follows the placements.
            for terminal in terminals:
                terminal.write(UP + CTRL_S)
            quiet(terminals)
            compare = Terminal(
                [*SCHUIFTUI, "compare", str(team)], scratch, size=(100, 40), environment=env
            )
            compare.read_until("deelnemer", timeout=30)
            compare.drain(quiet=1.5, limit=10)
            repaints = []
            for terminal in terminals[:5]:
                terminal.write(UP + CTRL_S)
                saved = time.monotonic()
                ready, _, _ = select.select([compare.master], [], [], 10)
                assert ready, "the compare screen did not repaint"
                repaints.append(time.monotonic() - saved)
                compare.drain(quiet=1.5, limit=10)
                terminal.drain(quiet=0.2, limit=5)

            alone = single_app_pss(team, scratch, env)
            # Every key landed: each saved stand is what that person typed.
            wrong = 0
            for index in range(participants):
                placement = team.with_suffix("") / f"deelnemer{index + 1}.toml"
                expected = moved[index] + 1 + (1 if index < 5 else 0)
                stand = tomllib.loads(placement.read_text())["schuiven"]["positionering_intern"]
                wrong += stand["stand"] != expected
        finally:
            for terminal in terminals:
                terminal.close()
            if compare is not None:
                compare.close()
            server.terminate()
            server.wait(timeout=10)

    print(f"serve, {participants} participants over loopback with OpenSSH, all typing:")
    print(f"  joined (code typed to panel shown), all {participants}:  {joined:6.1f} s")
    print(f"  echo of a slider step, everyone a step a second ({len(typing)} steps):")
    print(f"    {percentiles(typing)}")
    print(f"  the same, everyone five steps a second ({len(brisk)} steps):")
    print(f"    {percentiles(brisk)}")
    print(f"  screens not showing the stand typed, once quiet: {stale} of {participants}")
    print(f"  echo when all {participants} press in the same millisecond ({len(echoes)} steps):")
    print(f"    {percentiles(echoes)}")
    per = (full - idle) / participants / 1024
    print(
        f"  memory: serve tree idle {idle / 1024:.1f} MB PSS, with {participants}: {full / 1024:.1f} MB;"
        f" per participant {per:.1f} MB PSS"
    )
    print(f"  one `schuiftui invullen` process on its own: {alone / 1024:.1f} MB PSS")
    print(f"  saved placements whose stand is not what was typed: {wrong} of {participants}")
    print(
        "  facilitator's compare, a save to its repaint: "
        + ", ".join(f"{r:.2f}" for r in repaints)
        + " s"
    )


def single_app_pss(team: Path, cwd: Path, env: dict[str, str]) -> int:
    """The PSS of one participant's app started as a process of its own."""
    terminal = Terminal(
        [*SCHUIFTUI, "invullen", str(team), "--naam", "alleen"], cwd, environment=env
    )
    try:
        terminal.read_until("Eigen plaatsing van", timeout=30)
        terminal.drain(quiet=1.0, limit=10)
        return pss_kb([terminal.process.pid])
    finally:
        terminal.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
