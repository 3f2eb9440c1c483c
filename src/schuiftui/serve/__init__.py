"""`schuiftui serve`: a workshop room over SSH, each participant placing from their own keyboard.

- `zygote`: the app loaded once, forking the hosts;
- `host`: the panels of up to four participants in one process, each on a
  pseudo-terminal of its own;
- `room`: the code, who is in, who may try again (no SSH, no Textual);
- `server`: the SSH server (asyncssh, the optional extra `schuiftui[serve]`);
- `facilitator`: the screen where `serve` runs; without a terminal, `headless`
  logs one line per event instead.

Only the `serve` command imports this package.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import socket
import sys
from pathlib import Path

from ..i18n import Translator


def addresses(host: str | None) -> list[str]:
    """The addresses participants can reach this machine on, the likeliest first."""
    if host and host not in ("0.0.0.0", "::"):
        return [host]
    found: list[str] = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 1))  # no packet is sent: it only picks a route
        found.append(probe.getsockname()[0])
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    found = [address for address in dict.fromkeys(found) if not address.startswith("127.")]
    return found or ["127.0.0.1"]


def serve(
    team: Path,
    *,
    host: str | None,
    port: int,
    code: str | None,
    capacity: int,
    idle_minutes: float,
    lang: str,
    interactive: bool,
) -> int:
    """Run the workshop room for the team session `team` until stopped; the exit code."""
    from ..core.drafts import state_dir
    from .room import Room, new_code
    from .zygote import Zygote

    _ = Translator(lang)
    zygote = Zygote.start(team)  # first: it must be forked before any thread starts
    room = Room(team, code or new_code(), capacity, idle_minutes)
    try:
        if interactive:
            from .facilitator import RoomApp

            app = RoomApp(
                room,
                zygote,
                host=host,
                port=port,
                state=state_dir(),
                addresses=addresses(host),
                lang=lang,
            )
            app.run()
            if app.problem:
                sys.stderr.write(app.problem + "\n")
            return app.return_code or 0
        with contextlib.suppress(KeyboardInterrupt):
            return asyncio.run(_headless(room, zygote, host, port, state_dir(), _))
        return 0
    finally:
        zygote.stop()


async def _headless(room, zygote, host, port, state, _: Translator) -> int:  # type: ignore[no-untyped-def]
    """`serve` without a terminal (a service, `nohup`): one log line per event."""
    import signal

    from .room import Event, SaveWatcher
    from .server import WorkshopServer

    def log(text: str) -> None:
        stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        sys.stdout.write(f"{stamp} {text}\n")
        sys.stdout.flush()

    def on_event(event: Event) -> None:
        log(
            _(
                f"serve.log.{event.kind}",
                naam=event.naam,
                address=event.address,
                detail=event.detail,
            )
        )

    room.listeners.append(on_event)
    server = WorkshopServer(room, zygote, _)
    try:
        await server.start(host, port, state)
    except OSError as error:
        sys.stderr.write(
            _("serve.cannot_listen", port=port, problem=error.strerror or error) + "\n"
        )
        return 1
    from .room import join_lines

    for line in join_lines(room, addresses(host), port, server.fingerprint, _):
        log(line)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        loop.add_signal_handler(signum, stop.set)
    watcher = SaveWatcher(room.team)
    while not stop.is_set():
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), 1.0)
        for _path, naam in watcher.saved():
            on_event(Event("saved", naam))
    server.close()
    log(_("serve.log.stopped"))
    return 0
