"""Wire hooks for the fakes: run a callback at a moment of the wire, inside the request handler.

A hook runs synchronously while the fake handles the request, after the request took effect on the fake's
side and before the answer is written back. A callback that SIGKILLs the client there models "the request
reached the other side, the answer never came back". Each fake lists its moments (``HOOK_MOMENTS``)::

    fake.on("submit", lambda task: os.kill(pid, signal.SIGKILL), once=True)

A callback that raises does not change the answer: the error is logged and kept in ``errors``.

A hold keeps a request at its moment (the effect taken, the answer not sent) until the test releases it, so a
test can act while the client waits, without sleeping::

    hold = fake.hold("submit")
    task = await hold.reached()   # the task exists; the bot waits for the answer
    ...                           # e.g. let the task's callback arrive first
    hold.release()
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

log = logging.getLogger("tests.fakes.hooks")

T = TypeVar("T")


@dataclass(eq=False)
class _Hook(Generic[T]):
    moment: str
    callback: Callable[[T], object]
    when: Callable[[T], bool] | None
    once: bool


class Hold(Generic[T]):
    """The next request that reaches ``moment`` (and ``when`` holds) waits there until ``release()``."""

    def __init__(self, moment: str, when: Callable[[T], bool] | None) -> None:
        self.moment = moment
        self.when = when
        self.item: T | None = None
        self._reached = asyncio.Event()
        self._released = asyncio.Event()

    async def reached(self) -> T:
        """The item (a task, a message) once a request is held here."""
        await self._reached.wait()
        assert self.item is not None
        return self.item

    def release(self) -> None:
        """Let the held request answer (also fine before one arrived: then none is held)."""
        self._released.set()

    async def _keep(self, item: T) -> None:
        self.item = item
        self._reached.set()
        await self._released.wait()


class WireHooks(Generic[T]):
    """Callbacks by wire moment; ``fire`` runs the matching ones in the order they were added."""

    def __init__(self, owner: str, moments: tuple[str, ...]) -> None:
        self._owner = owner
        self.moments = moments
        self._hooks: list[_Hook[T]] = []
        self._holds: list[Hold[T]] = []
        self.errors: list[BaseException] = []

    def on(
        self,
        moment: str,
        callback: Callable[[T], object],
        *,
        when: Callable[[T], bool] | None = None,
        once: bool = False,
    ) -> Callable[[], None]:
        """Call ``callback(item)`` at ``moment`` (only when ``when(item)`` holds); returns a remover.

        ``once``: remove the hook after its first call.
        """
        if moment not in self.moments:
            raise ValueError(f"{self._owner}: unknown hook moment {moment!r}; one of {self.moments}")
        hook = _Hook(moment, callback, when, once)
        self._hooks.append(hook)

        def remove() -> None:
            if hook in self._hooks:
                self._hooks.remove(hook)

        return remove

    def hold(self, moment: str, *, when: Callable[[T], bool] | None = None) -> Hold[T]:
        """Hold the next request that reaches ``moment`` (with ``when(item)``) until the hold is released."""
        if moment not in self.moments:
            raise ValueError(f"{self._owner}: unknown hook moment {moment!r}; one of {self.moments}")
        hold: Hold[T] = Hold(moment, when)
        self._holds.append(hold)
        return hold

    async def held(self, moment: str, item: T) -> None:
        """Run by the fake right after ``fire``: wait while a hold keeps this request (one request each)."""
        for hold in [h for h in self._holds if h.moment == moment]:
            if hold.when is not None and not hold.when(item):
                continue
            self._holds.remove(hold)
            await hold._keep(item)

    def clear(self) -> None:
        self._hooks.clear()
        for hold in self._holds:
            hold.release()
        self._holds.clear()

    def fire(self, moment: str, item: T) -> None:
        for hook in [h for h in self._hooks if h.moment == moment]:
            if hook not in self._hooks:
                continue  # removed by an earlier callback of this same moment
            try:
                if hook.when is not None and not hook.when(item):
                    continue
                if hook.once:
                    self._hooks.remove(hook)
                hook.callback(item)
            except Exception as exc:
                log.exception("%s: %s hook failed", self._owner, moment)
                self.errors.append(exc)
