"""The health signal: healthy only while the gateway is connected and the worker loop is alive.

The running bot keeps a `Heartbeat`: gateway events flip it at once (`gateway_up` on READY / RESUMED,
`gateway_down` on a disconnect), and every few seconds it checks the worker loop and rewrites
`<data dir>/health.json`. Two readers:
- `python -m bot --health` (`check_file`), for Docker's HEALTHCHECK and hosts without HTTP: exit 0 only when
  the file is fresh, says healthy, and its process is alive;
- `GET /healthz` on the push receiver when it runs (`Heartbeat.current`, computed live: 200 or 503).

An idle worker loop sleeps until woken, so "alive" cannot mean "ticked lately" on its own: when the loop
has not ticked for a beat, the heartbeat wakes it, and a loop that still has not ticked after
`worker_stale` seconds is dead or wedged.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, Protocol

log = logging.getLogger("bot.ops.health")

HEALTH_FILE = "health.json"
BEAT_SECONDS = 5.0
WORKER_STALE_SECONDS = 30.0  # woken and still no tick for this long: the loop is dead or wedged
FILE_STALE_SECONDS = 20.0  # a heartbeat file older than this was left by a stopped or stuck process


class WorkerLoop(Protocol):
    """What the heartbeat needs of the worker (bot.worker.loop.Worker)."""

    @property
    def ticks(self) -> int: ...

    def wake(self) -> None: ...


class Status(NamedTuple):
    healthy: bool
    reason: str


def health_file(data_dir: Path) -> Path:
    return data_dir / HEALTH_FILE


class Heartbeat:
    """Tracks the gateway and the worker loop; writes the health file every `interval` seconds."""

    def __init__(
        self,
        path: Path,
        *,
        worker: WorkerLoop,
        ready: Callable[[], bool],
        interval: float = BEAT_SECONDS,
        worker_stale: float = WORKER_STALE_SECONDS,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self._worker = worker
        self._ready = ready  # the client's own view: logged in, cache ready, not closed
        self._interval = interval
        self._worker_stale = worker_stale
        self._clock = clock
        self._monotonic = monotonic
        self._gateway = False
        self._stopped = False
        self._ticks = worker.ticks
        self._ticked_at = monotonic()
        self._task: asyncio.Task[None] | None = None

    def current(self) -> Status:
        """Healthy or not, and why, as of now."""
        if self._stopped:
            return Status(False, "shutting down")
        if not self._gateway or not self._ready():
            return Status(False, "not connected to the Discord gateway")
        idle = self._monotonic() - self._ticked_at
        if idle > self._worker_stale:
            return Status(False, f"the worker loop has not run for {idle:.0f} s")
        return Status(True, "gateway connected, worker loop running")

    def gateway_up(self) -> None:
        self._gateway = True
        self._write()

    def gateway_down(self) -> None:
        if self._gateway and not self._stopped:
            log.warning("gateway disconnected: unhealthy until it is back")
        self._gateway = False
        self._write()

    def start(self) -> None:
        self._stopped = False
        self._write()
        self._task = asyncio.create_task(self._beat_forever(), name="health-heartbeat")

    async def stop(self) -> None:
        """Unhealthy from now on (draining counts as down), and no more beats."""
        self._stopped = True
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        self._write()

    def beat(self) -> None:
        """One round: notice worker ticks (waking an idle loop to prove it answers), write the file."""
        ticks = self._worker.ticks
        now = self._monotonic()
        if ticks != self._ticks:
            self._ticks, self._ticked_at = ticks, now
        elif now - self._ticked_at >= self._interval:
            self._worker.wake()
        self._write()

    async def _beat_forever(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            try:
                self.beat()
            except Exception:
                log.exception("could not write the health file %s", self.path)

    def _write(self) -> None:
        status = self.current()
        body = {"healthy": status.healthy, "reason": status.reason, "at": self._clock(), "pid": os.getpid()}
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_text(json.dumps(body), encoding="utf-8")
            os.replace(tmp, self.path)  # a reader never sees half a file
        except OSError as exc:
            log.warning("could not write the health file %s: %s", self.path, exc)
            with contextlib.suppress(OSError):
                tmp.unlink()


def check_file(path: Path, *, now: float | None = None, stale: float = FILE_STALE_SECONDS) -> Status:
    """Read a heartbeat file as `python -m bot --health` does."""
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        healthy, reason, at, pid = bool(body["healthy"]), str(body["reason"]), float(body["at"]), body["pid"]
    except FileNotFoundError:
        return Status(
            False, f"unhealthy: no heartbeat at {path} (the bot is not running, or not logged in yet)"
        )
    except (OSError, ValueError, KeyError, TypeError):
        return Status(False, f"unhealthy: the heartbeat file {path} is unreadable")
    age = (time.time() if now is None else now) - at
    if age > stale:
        return Status(False, f"unhealthy: the last heartbeat is {age:.0f} s old (the bot stopped or hangs)")
    if isinstance(pid, int) and not _alive(pid):
        return Status(False, f"unhealthy: the bot process {pid} is gone")
    if not healthy:
        return Status(False, f"unhealthy: {reason}")
    return Status(True, f"healthy: {reason} ({max(age, 0):.0f} s ago)")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True
