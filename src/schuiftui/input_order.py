"""Keys in the order typed: each key is handled, with all it causes, before the next.

Over SSH keys arrive in bursts: `t` and the toelichting's text, Up Up `c`,
Tab `x` in one read. Textual routes every key of such a burst the moment it
reads it, to whatever has focus *then*; a key that opens a dialog, moves the
focus or switches screens does that through messages that are handled later.
So the text typed after `t` went to the slider below the dialog, and `c`
(which moved the focus at once) overtook the two Ups that its slider had not
handled yet. Typed slowly, the same keys did what they said.

`InputOrder` gives the app one ordered stream of input instead: a key (or a
paste) is routed only when the one before it has settled, that is when every
message it caused has been handled, so it goes to whatever has focus after the
key before it, as if it were typed slowly. The app puts each key in with
`put`; a worker of the app routes them, one by one, while any wait.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Iterator
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from textual.app import App
    from textual.events import Event
    from textual.message_pump import MessagePump

LOST_CALLBACK_SECONDS = 1.0
"""How long a round waits at most: a widget removed meanwhile drops its callback."""

MAX_ROUNDS = 50
"""A key settles in a few rounds; a chain of messages that never ends must not stop the keys."""


class InputOrder:
    """Routes input events one at a time, each after the one before has settled.

    Args:
        app: The app whose message pumps must be quiet before the next key.
        route: Routes one event (the app's own routing: bindings, focus).
    """

    def __init__(self, app: App[object], route: Callable[[Event], Awaitable[None]]) -> None:
        self._app = app
        self._route = route
        self._waiting: deque[Event] = deque()
        self._open = False
        """Whether the app can take keys (its first screen is laid out)."""
        self._routing = False
        """Whether a worker is routing the waiting events."""

    def put(self, event: Event) -> None:
        """Route `event` after every event put before it has been routed and has settled."""
        self._waiting.append(event)
        self._start()

    def open(self) -> None:
        """The app can take keys now: route those that waited, and every later one."""
        self._open = True
        self._start()

    def _start(self) -> None:
        if self._open and not self._routing and self._waiting:
            self._routing = True
            # A worker that ends when no key waits: waiting for the app's
            # workers (as tests do) waits for the keys typed so far.
            self._app.run_worker(self._route_waiting(), name="keys", group="keys")

    async def _route_waiting(self) -> None:
        try:
            while self._waiting:
                await self._route(self._waiting.popleft())
                await self.settled()
        finally:
            self._routing = False

    async def settled(self) -> None:
        """Wait until the app has handled every message that the last key caused.

        A round passes a callback through message queues and waits until each
        has reached it: everything queued before it has then been handled.
        The first round, and every round after the screen or the focus
        changed, goes through the app, each screen and every widget on the
        screen on top; the others only through the app, the screens, the
        focused widget and the widgets with messages waiting, which is where
        what a key causes goes on. Two quiet rounds in a row, with the same
        screen and focus, mean that the key has settled; the second also
        waits for a handler that was still busy when the first one ended.
        """
        app = self._app
        quiet_rounds = 0
        everywhere = True
        for _ in range(MAX_ROUNDS):
            before = (app.screen, app.focused)
            await self._round(self._pumps() if everywhere else self._busy_pumps())
            moved = (app.screen, app.focused) != before
            quiet = not moved and not any(pump.message_queue_size for pump in self._pumps())
            quiet_rounds = quiet_rounds + 1 if quiet else 0
            if quiet_rounds == 2:
                return
            everywhere = moved

    def _pumps(self) -> Iterator[MessagePump]:
        """The app, its screens and the widgets on the screen on top."""
        app = self._app
        yield app
        yield from app.screen_stack
        yield from app.screen.walk_children()

    def _busy_pumps(self) -> Iterator[MessagePump]:
        """The app, its screens, the focused widget and the widgets with messages waiting."""
        app = self._app
        yield app
        yield from app.screen_stack
        focused = app.focused
        if focused is not None:
            yield focused
        for widget in app.screen.walk_children():
            if widget.message_queue_size and widget is not focused:
                yield widget

    async def _round(self, pumps: Iterator[MessagePump]) -> None:
        """Pass a callback through the queues of `pumps` and wait until all were reached."""
        from textual.events import Callback

        loop = asyncio.get_running_loop()
        reached: list[asyncio.Future[None]] = []
        for pump in pumps:
            future: asyncio.Future[None] = loop.create_future()
            if pump.post_message(Callback(callback=_Reach(future))):
                reached.append(future)
        if reached:
            # A widget removed meanwhile never reaches its callback: do not wait for it.
            await asyncio.wait(reached, timeout=LOST_CALLBACK_SECONDS)
        else:
            await asyncio.sleep(0)


class _Reach:
    """A callback that marks its future done: what `_round` passes through a queue.

    Posted as Textual's `Callback` event rather than with `call_later`, which
    wraps each callback in a new `partial` whose parameters Textual then
    counts with `inspect.signature`, every time; `_param_count` is where
    Textual keeps that count, so here it is given.
    """

    __slots__ = ("future",)
    _param_count = 0

    def __init__(self, future: asyncio.Future[None]) -> None:
        self.future = future

    def __call__(self) -> None:
        if not self.future.done():
            self.future.set_result(None)
