"""Wire hooks for the fakes: run a callback at a moment of the wire, inside the request handler.

A hook runs synchronously while the fake handles the request, after the request took effect on the fake's
side and before the answer is written back. A callback that SIGKILLs the client there models "the request
reached the other side, the answer never came back". Each fake lists its moments (``HOOK_MOMENTS``)::

    fake.on("submit", lambda task: os.kill(pid, signal.SIGKILL), once=True)

A callback that raises does not change the answer: the error is logged and kept in ``errors``.
"""

from __future__ import annotations

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


class WireHooks(Generic[T]):
    """Callbacks by wire moment; ``fire`` runs the matching ones in the order they were added."""

    def __init__(self, owner: str, moments: tuple[str, ...]) -> None:
        self._owner = owner
        self.moments = moments
        self._hooks: list[_Hook[T]] = []
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

    def clear(self) -> None:
        self._hooks.clear()

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
