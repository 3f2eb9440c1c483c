"""Load on `schuiftui serve`: 30 participants over loopback with the real OpenSSH client.

Prints:
- the echo of a slider step (from the key written into a participant's ssh
  to the first bytes of the repaint coming back), everyone typing a step a
  second, then five a second, then everyone pressing in the same
  millisecond: median and p95; and whether each screen shows the stand typed;
- memory per participant: the PSS of the serve process tree (server,
  zygote, the hosts running the participants' apps) with all connected,
  minus its idle PSS, divided by the number of participants; against the
  PSS of one `schuiftui invullen` started on its own;
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
    terminals: list[Terminal],
    moved: list[int],
    steps: int = 10,
    interval: float = 1.0,
    save_every: int = 0,
    watching: Terminal | None = None,
) -> list[float]:
    """Everyone steps once every `interval` seconds, spread over it as people type; each echo.

    `moved` gets, per participant, the steps typed (up minus down). With
    `save_every`, every so many steps is followed by Ctrl+S. `watching` (the
    facilitator's terminal) is read along, so its screen never waits for us.
    """
    count = len(terminals)
    start = time.monotonic()
    schedule = sorted(
        (
            start + (step + index / count) * interval,
            index,
            (UP if step % 2 == 0 else DOWN)
            + (CTRL_S if save_every and step % save_every == save_every - 1 else ""),
        )
        for step in range(steps)
        for index in range(count)
    )
    sent: dict[int, float] = {}
    echoes: list[float] = []
    by_fd = {terminal.master: terminal for terminal in terminals}
    if watching is not None:
        by_fd[watching.master] = watching
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
            moved[index] += 1 if key.startswith(UP) else -1
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
        # The facilitator's terminal: serve's own screen, with the SSH server in its event loop.
        server = Terminal(
            [
                *(*SCHUIFTUI, "serve", str(team), "--host", "127.0.0.1", "--port", str(port)),
                *("--code", CODE, "--max", str(participants + 5)),
            ],
            scratch,
            size=(100, 40),
            environment=env,
        )
        terminals: list[Terminal] = []
        try:
            server.drain_until(lambda: "SHA256:" in "\n".join(server.shown()), timeout=60)
            server.drain(quiet=1.0)  # the zygote has loaded before its idle size is measured
            idle = pss_kb(tree(server.process.pid))
            started = time.monotonic()
            for number in range(participants):
                terminals.append(join(port, f"deelnemer{number + 1}", scratch))
                server.drain(quiet=0.0, limit=0.1)
            joined = time.monotonic() - started
            quiet([*terminals, server])
            moved = [0] * participants
            typing = typing_echoes(terminals, moved, watching=server)
            quiet([*terminals, server])
            brisk = typing_echoes(terminals, moved, steps=50, interval=0.2, watching=server)
            quiet([*terminals, server])
            stale = sum(
                shown_stand(terminal) != moved[index] for index, terminal in enumerate(terminals)
            )
            echoes: list[float] = []
            for round_number in range(ROUNDS):
                echoes += echo_round(terminals, UP if round_number % 2 == 0 else DOWN)
                quiet([*terminals, server])
            full = pss_kb(tree(server.process.pid))

            # The facilitator shows the placements (v) and reveals them (r): the
            # compare screen in serve's own event loop follows every save.
            for terminal in terminals:
                terminal.write(UP + CTRL_S)
                moved[terminals.index(terminal)] += 1
            quiet(terminals)
            server.write("v")
            last = f"deelnemer{participants}"
            server.drain_until(lambda: last in "\n".join(server.shown()), timeout=30)
            server.write("r")
            server.drain(quiet=1.5, limit=10)
            # Everyone types on, and saves every third step (nine saves a second);
            # the last step is saved, so each save below changes what is shown.
            following = typing_echoes(terminals, moved, steps=9, save_every=3, watching=server)
            quiet([*terminals, server])
            repaints = []
            for terminal in terminals[:5]:
                terminal.write(UP + CTRL_S)
                moved[terminals.index(terminal)] += 1
                saved = time.monotonic()
                ready, _, _ = select.select([server.master], [], [], 10)
                assert ready, "the facilitator's compare screen did not repaint"
                repaints.append(time.monotonic() - saved)
                server.drain(quiet=1.5, limit=10)
                terminal.drain(quiet=0.2, limit=5)

            alone = single_app_pss(team, scratch, env)
            # Every key landed: each saved stand is what that person typed.
            wrong = 0
            for index in range(participants):
                placement = team.with_suffix("") / f"deelnemer{index + 1}.toml"
                stand = tomllib.loads(placement.read_text())["schuiven"]["positionering_intern"]
                wrong += stand["stand"] != moved[index]
        finally:
            for terminal in terminals:
                terminal.close()
            server.close()

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
        f"  echo while the facilitator's screen (in serve) follows the placements,"
        f" everyone saving every third step ({len(following)} steps):"
    )
    print(f"    {percentiles(following)}")
    print(
        "  facilitator's compare (in serve), a save to its repaint: "
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
