"""One request-rate limiter shared by every call to the video API (submits, uploads, status polls).

The key allows about 500 requests a minute across everything the bot does, so the bot spends at most
`rate_per_minute` (default 300: a margin for retries and other processes on the same key). A 429 with
`Retry-After` pauses *everyone* for that long: `pause()` moves a barrier that every waiter re-checks.

Shape: a token bucket in its GCRA form (one "theoretical arrival time", no timer task). `burst` requests
may go back to back after a quiet spell; the refill rate is (rate - burst) per minute, so any 60-second
window holds at most `rate_per_minute` requests, never more. Waiters are served first come, first served.
Clock and sleep are injectable, so behaviour can be checked in simulated time.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

WINDOW = 60.0


class RateLimiter:
    def __init__(
        self,
        rate_per_minute: float,
        *,
        burst: int | None = None,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        if rate_per_minute < 2:
            raise ValueError("rate_per_minute must be at least 2")
        if burst is None:
            burst = int(rate_per_minute // 30)  # about 2 s worth
        self.rate_per_minute = float(rate_per_minute)
        # At least 1; at most half the rate, so the refill (rate - burst per minute) stays positive.
        self.burst = max(1, min(int(burst), 10, int(rate_per_minute // 2)))
        self._interval = WINDOW / (self.rate_per_minute - self.burst)  # seconds per token
        self._tolerance = (self.burst - 1) * self._interval
        self._clock = clock
        self._sleep = sleep
        self._tat = -float("inf")  # theoretical arrival time of the next conforming request
        self._paused_until = -float("inf")
        self._lock = asyncio.Lock()
        self.acquired = 0

    async def nap(self, seconds: float) -> None:
        """Sleep on the limiter's clock (simulated in tests)."""
        await self._sleep(seconds)

    @property
    def interval(self) -> float:
        """Seconds of budget one request spends (the refill period of one token)."""
        return self._interval

    @property
    def tolerance(self) -> float:
        """How far ahead of the refill requests may run (the burst), in seconds."""
        return self._tolerance

    @property
    def paused_until(self) -> float:
        """The limiter's clock time before which no request starts (in the past when not paused)."""
        return self._paused_until

    def pause_remaining(self) -> float:
        """Seconds left of a Retry-After pause (0 when not paused); token waits are not included."""
        return max(0.0, self._paused_until - self._clock())

    def _ready_at(self) -> float:
        return max(self._tat - self._tolerance, self._paused_until)

    def delay(self) -> float:
        """How long a request made now would wait (0 when it could go at once), ignoring other waiters."""
        return max(0.0, self._ready_at() - self._clock())

    async def acquire(self) -> None:
        """Wait until one more request may start now, and count it."""
        async with self._lock:  # FIFO: one waiter at a time watches the clock
            while True:
                now = self._clock()
                ready = self._ready_at()
                if now >= ready:
                    self._tat = max(self._tat, now) + self._interval
                    self.acquired += 1
                    return
                # Re-check after waking: a pause may have moved the barrier while we slept.
                await self._sleep(ready - now)

    def pause_until(self, until: float) -> None:
        """No request starts before `until` (limiter clock); a later pause wins over an earlier one."""
        if until <= self._paused_until:
            return
        self._paused_until = until
        # After the pause, restart spaced out: one request at `until`, the next an interval later.
        self._tat = max(self._tat, until + self._tolerance)

    def pause(self, seconds: float) -> None:
        """Pause everyone for `seconds` from now (a 429's Retry-After)."""
        self.pause_until(self._clock() + max(0.0, seconds))
