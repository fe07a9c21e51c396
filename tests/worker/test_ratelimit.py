"""The shared API rate limiter, in simulated time: the configured rate holds and a 429 pauses everyone."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Callable, Sequence

import pytest

from bot.worker.ratelimit import RateLimiter


class SimTime:
    """A virtual clock for asyncio code that takes `clock=` and `sleep=`: time jumps only when all wait."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(0.0, seconds), next(self._seq), future))
        await future

    async def run(self, until: float, *, done: Callable[[], bool] | None = None) -> None:
        """Let the tasks run, moving the clock from wake-up to wake-up, up to `until` (or `done()`)."""
        while True:
            await self._settle()
            if done is not None and done():
                return
            while self._sleepers and self._sleepers[0][2].done():
                heapq.heappop(self._sleepers)  # cancelled sleepers
            if not self._sleepers or self._sleepers[0][0] > until:
                self.now = max(self.now, until)
                return
            self.now = max(self.now, self._sleepers[0][0])
            while self._sleepers and self._sleepers[0][0] <= self.now:
                _, _, future = heapq.heappop(self._sleepers)
                if not future.done():
                    future.set_result(None)

    @staticmethod
    async def _settle() -> None:
        for _ in range(50):
            await asyncio.sleep(0)


def max_in_window(times: Sequence[float], window: float) -> int:
    """The most events in any half-open window [t, t + window)."""
    ordered = sorted(times)
    best = 0
    j = 0
    for i, start in enumerate(ordered):
        j = max(j, i)
        while j < len(ordered) and ordered[j] < start + window:
            j += 1
        best = max(best, j - i)
    return best


async def _hammer(
    limiter: RateLimiter, sim: SimTime, workers: int
) -> tuple[list[float], list[asyncio.Task[None]]]:
    """`workers` tasks acquiring as fast as the limiter lets them; returns the shared log of start times."""
    starts: list[float] = []

    async def worker() -> None:
        while True:
            await limiter.acquire()
            starts.append(sim.now)

    tasks = [asyncio.create_task(worker()) for _ in range(workers)]
    return starts, tasks


async def _stop(tasks: list[asyncio.Task[None]]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


@pytest.mark.parametrize("rate", [2, 60, 300, 1000])
async def test_never_more_than_the_configured_rate_in_any_minute(rate: int) -> None:
    sim = SimTime()
    limiter = RateLimiter(rate, clock=sim.clock, sleep=sim.sleep)
    starts, tasks = await _hammer(limiter, sim, workers=25)
    await sim.run(until=600)
    await _stop(tasks)

    assert max_in_window(starts, 60.0) <= rate
    # ...and short windows never see more than the burst plus the steady rate.
    assert max_in_window(starts, 1.0) <= limiter.burst + rate / 60 + 1
    # Not a starving limiter either: it spends (nearly) the whole budget.
    assert len(starts) >= (rate - limiter.burst) * 10 * 0.98


async def test_retry_after_pauses_everyone_until_it_ends() -> None:
    sim = SimTime()
    limiter = RateLimiter(600, clock=sim.clock, sleep=sim.sleep)
    starts, tasks = await _hammer(limiter, sim, workers=10)
    await sim.run(until=30)
    limiter.pause(25.0)  # a 429 said Retry-After: 25
    await sim.run(until=120)
    await _stop(tasks)

    assert [t for t in starts if 30 < t < 55] == []
    after = [t for t in starts if t >= 55]
    assert after and after[0] == pytest.approx(55.0)
    # The pause does not release a pent-up burst: requests restart at the steady spacing.
    assert max_in_window(after, 1.0) <= 600 / 60 + 1


async def test_a_waiter_sees_a_pause_that_starts_while_it_waits() -> None:
    sim = SimTime()
    limiter = RateLimiter(2, clock=sim.clock, sleep=sim.sleep)  # one request a minute after the first
    starts, tasks = await _hammer(limiter, sim, workers=2)
    await sim.run(until=10)
    assert starts == [0.0]
    limiter.pause_until(150.0)
    await sim.run(until=200)
    await _stop(tasks)
    assert starts[1] == pytest.approx(150.0), "the second request waited for the pause, not its slot at 60"


async def test_a_shorter_retry_after_does_not_cut_a_longer_pause() -> None:
    sim = SimTime()
    limiter = RateLimiter(300, clock=sim.clock, sleep=sim.sleep)
    limiter.pause(30.0)
    limiter.pause(5.0)
    assert limiter.paused_until == pytest.approx(30.0)
    assert limiter.delay() == pytest.approx(30.0)


async def test_after_a_quiet_spell_at_most_a_burst_goes_at_once() -> None:
    sim = SimTime()
    limiter = RateLimiter(300, burst=5, clock=sim.clock, sleep=sim.sleep)
    await sim.run(until=100)  # idle
    starts, tasks = await _hammer(limiter, sim, workers=50)
    await sim.run(until=100.0001)
    await _stop(tasks)
    assert len([t for t in starts if t == 100]) == 5


def test_a_rate_below_two_a_minute_is_refused() -> None:
    with pytest.raises(ValueError):
        RateLimiter(1)
