"""The one door to the video API: the shared request budget, a 429's Retry-After, and the 401/402 pause.

Every API call the engine makes goes through `ApiGate.call`. A 429 pauses every caller (the key's limit is
per key); a 401 (key refused) or 402 (out of credit) pauses new submits — queued jobs wait, none is lost —
until the API answers again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot import apimart
from bot.jobs.sentences import MISCONFIGURED_SENTENCE, OUT_OF_CREDIT_SENTENCE
from bot.settings import Settings
from bot.worker.ratelimit import RateLimiter

log = logging.getLogger("bot.worker.gate")

T = TypeVar("T")


class ApiGate:
    def __init__(
        self,
        settings: Settings,
        *,
        clock: Callable[[], float] = time.time,
        limiter: RateLimiter | None = None,
    ) -> None:
        self._settings = settings
        self._clock = clock
        self.limiter = limiter or RateLimiter(settings.api_rate_per_minute)
        self._submit_pause_until = 0.0
        self._submit_pause_reason: str | None = None
        self._auth_logged = False

    def hold_remaining(self) -> float:
        """Seconds left of a Retry-After pause (0 when none)."""
        return self.limiter.pause_remaining()

    @property
    def submit_pause(self) -> str | None:
        """Why new jobs cannot start right now (bad API key, no credit), as a sentence; None if they can."""
        if self._submit_pause_until > self._clock():
            return self._submit_pause_reason
        return None

    @property
    def submit_pause_until(self) -> float:
        return self._submit_pause_until

    def pause_submits(self, exc: apimart.ApiError) -> float:
        """A 401/402: stop starting jobs for a while, say it loudly once; returns when to look again."""
        already = self._submit_pause_until > self._clock()
        if isinstance(exc, apimart.AuthError):
            seconds, reason = self._settings.auth_pause_seconds, MISCONFIGURED_SENTENCE
            if not self._auth_logged:
                log.critical(
                    "the video API refused the API key (401): submits paused; fix APIMART_API_KEY. %s", exc
                )
                self._auth_logged = True
        else:
            seconds, reason = self._settings.payment_pause_seconds, OUT_OF_CREDIT_SENTENCE
            if not (already and self._submit_pause_reason == reason):
                log.error(
                    "the video API says the account is out of credit (402): pausing submits for %.0f s",
                    seconds,
                )
        self._submit_pause_until = max(self._submit_pause_until, self._clock() + seconds)
        self._submit_pause_reason = reason
        return self._submit_pause_until

    def key_works(self) -> None:
        """A submit was accepted: a later 401 deserves a loud line again."""
        self._auth_logged = False

    async def call(self, call: Callable[[], Awaitable[T]]) -> T:
        await self.limiter.acquire()  # the shared request budget; also waits out a Retry-After
        try:
            result = await call()
        except apimart.RateLimited as exc:
            pause = exc.retry_after if exc.retry_after is not None else self._settings.poll_min_interval * 2
            self.limiter.pause(pause)
            log.warning("API rate limit: pausing all API calls for %.1f s", pause)
            raise
        if self._submit_pause_until > self._clock():
            # The API answers again (key fixed, account topped up): new jobs may start right away.
            log.info("the video API answers again: submits resume")
            self._submit_pause_until = 0.0
        return result
