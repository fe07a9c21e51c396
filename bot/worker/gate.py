"""The one door to the video API: the shared request budget, a 429's Retry-After, and the 401/402 pause.

Every API call the engine makes goes through `ApiGate.call`. A 429 pauses every caller (the key's limit is
per key); a 401 (key refused) or 402 (out of credit) pauses new submits — queued jobs wait, none is lost —
while the engine probes `GET /v1/balance` (through this gate, so within the shared budget) on a backoff from
`PROBE_FIRST_SECONDS` up to `AUTH_PAUSE_SECONDS` / `PAYMENT_PAUSE_SECONDS`. Submits resume as soon as a probe
shows the key accepted and credit left.

With `shared` (a store several processes work on: PostgreSQL), the budget, the 429 pause and the 401/402
pause live in the store's `api_gate` row instead of this process's memory: every process spends from the
same budget (the key's limit is per key), waits out the same Retry-After, and stops submitting when any of
them meets a 401/402; exactly one of them sends each balance probe, and the one that started a pause is the
one that tells the operator. `sync()` refreshes this process's view of that row (the loop calls it each
round); the properties below answer from that view.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import TypeVar

from bot import apimart
from bot.i18n import Msg
from bot.jobs.sentences import MISCONFIGURED_SENTENCE, OUT_OF_CREDIT_SENTENCE
from bot.settings import Settings
from bot.store.gate import GateRows
from bot.worker.ports import Incident
from bot.worker.ratelimit import RateLimiter

log = logging.getLogger("bot.worker.gate")

T = TypeVar("T")

MAX_SLOT_WAIT = 2.0  # shared: look at the budget again at least this often (a pause may have ended early)
PROBE_FIRST_SECONDS = 3.0  # the first balance probe after a 401/402; each later one waits twice as long
_SENTENCES = {
    Incident.API_KEY_REFUSED: MISCONFIGURED_SENTENCE,
    Incident.OUT_OF_CREDIT: OUT_OF_CREDIT_SENTENCE,
}


class ApiGate:
    def __init__(
        self,
        settings: Settings,
        *,
        clock: Callable[[], float] = time.time,
        limiter: RateLimiter | None = None,
        shared: GateRows | None = None,
    ) -> None:
        self._settings = settings
        self._clock = clock
        self.limiter = limiter or RateLimiter(settings.api_rate_per_minute)
        self._shared = shared
        # Shared: this process started the current pause (it alerts the operator and reports the end).
        self.pause_started_here = True
        # Shared: a submit of this process started the current pause in the store (for this reason).
        self._began: Incident | None = None
        self._paused_by: Incident | None = None
        self._pause_detail = ""
        self._probe_at = 0.0
        # Probes (and pauses) since the last accepted submit: a pause that comes back right after a resume
        # (the balance said "credit" but submits still get 402) goes on with the longer wait.
        self._level = 0
        self._auth_logged = False
        self.probes = 0  # balance probes sent so far
        self._slot_lock = asyncio.Lock()
        # Shared: this process's own changes to the pause, going on and done. A row read while one of them
        # went on is older than what this process knows, and `sync` does not apply it.
        self._changing = 0
        self._changes = 0

    def hold_remaining(self) -> float:
        """Seconds left of a Retry-After pause (0 when none)."""
        return self.limiter.pause_remaining()

    @property
    def paused_by(self) -> Incident | None:
        """Why submits are paused (API_KEY_REFUSED or OUT_OF_CREDIT), or None when they may start."""
        return self._paused_by

    @property
    def pause_detail(self) -> str:
        """The API's error behind the pause, for the log and the operator (the client scrubs the key)."""
        return self._pause_detail if self._paused_by is not None else ""

    @property
    def submit_pause(self) -> Msg | None:
        """Why new jobs cannot start right now (bad API key, no credit), as a sentence; None if they can."""
        return _SENTENCES[self._paused_by] if self._paused_by is not None else None

    @property
    def submit_pause_until(self) -> float:
        """When the next balance probe is due while paused (0 when not paused)."""
        return self._probe_at if self._paused_by is not None else 0.0

    def probe_due_in(self) -> float | None:
        """Seconds until the next balance probe is due (0: now), or None when submits are not paused."""
        if self._paused_by is None:
            return None
        return max(0.0, self._probe_at - self._clock())

    def probe_delay(self, level: int, kind: Incident) -> float:
        """The wait before probe number `level` (0-based): doubling from a few seconds up to the setting."""
        cap = (
            self._settings.auth_pause_seconds
            if kind == Incident.API_KEY_REFUSED
            else self._settings.payment_pause_seconds
        )
        return min(cap, PROBE_FIRST_SECONDS * 2.0 ** min(level, 30))

    @property
    def shared(self) -> bool:
        return self._shared is not None

    async def sync(self) -> None:
        """Shared: adopt the store's view of the pauses (another process may have started or ended one)."""
        if self._shared is None:
            return
        changes = self._changes
        row = await self._shared.gate_state()
        now = self._clock()
        if row.paused_until > now:
            self.limiter.pause(row.paused_until - now)
        if self._changing or self._changes != changes:
            # This process paused or resumed submits while the row was on its way: the row is older than
            # what it knows (applied, it would undo the pause, or adopt this process's own pause as
            # another's and leave the operator untold). The next look reads a fresh one.
            return
        kind = Incident(row.paused_by) if row.paused_by else None
        if kind is None:
            if self._paused_by is not None:
                self._resume("another process saw the API accept again")
            return
        if self._paused_by is None:
            self.pause_started_here = False
        self._paused_by = kind
        self._pause_detail = row.pause_detail
        self._probe_at = row.probe_at
        self._level = row.level

    @contextlib.contextmanager
    def _change(self) -> Iterator[None]:
        """Around a change this process makes to the pause (in the store, then here, or the other way)."""
        self._changing += 1
        try:
            yield
        finally:
            self._changing -= 1
            self._changes += 1

    async def submits_paused(self) -> bool:
        """Are submits paused right now (shared: as the store says, read now)?"""
        await self.sync()
        return self._paused_by is not None

    async def pause_submits(self, exc: apimart.ApiError) -> float:
        """A 401/402: no new submit until a balance probe says otherwise; returns when the next probe is."""
        kind = Incident.API_KEY_REFUSED if isinstance(exc, apimart.AuthError) else Incident.OUT_OF_CREDIT
        if self._shared is not None:
            await self.sync()
            # The probe time this call would set; computed here, not on self: another submit of this process
            # may meet the same 402 while this one waits for the store.
            probe_at = self._clock() + self.probe_delay(self._level, kind)
            with self._change():
                began = await self._shared.gate_hold_submits(
                    kind.value, str(exc)[:500], probe_at=probe_at, now=self._clock()
                )
                if began:
                    self._began = kind
                    self.pause_started_here = True
                    self._probe_at = probe_at
                    self._level += 1
                    self._hold(kind, str(exc), began=True)
                elif self._began != kind:
                    # Already paused for this: by another process (its probe schedule stands, it alerts), or
                    # by this one (several submits in flight met the same 402, and one of them started it:
                    # this process still alerts, whichever of them came back first).
                    self.pause_started_here = False
            await self.sync()  # the store's level and probe time are the ones every process goes by
            return self._probe_at
        if self._paused_by is None:
            self._schedule_probe(kind)
        self._hold(kind, str(exc))
        return self._probe_at

    def _hold(self, kind: Incident, detail: str, *, began: bool = False) -> None:
        """Submits paused for `kind`; the log says so once per pause (`began`: this call started it, even
        if a sync already showed it here)."""
        if kind == Incident.API_KEY_REFUSED:
            if not self._auth_logged:
                log.critical(
                    "the video API refused the API key (401): submits paused; fix APIMART_API_KEY. %s", detail
                )
                self._auth_logged = True
        elif began or self._paused_by != kind:
            log.error(
                "the video API says the account is out of credit (402): submits paused, balance checked "
                "again in %.0f s",
                max(0.0, self._probe_at - self._clock()),
            )
        self._paused_by = kind
        self._pause_detail = detail[:500]

    def _schedule_probe(self, kind: Incident) -> None:
        self._probe_at = self._clock() + self.probe_delay(self._level, kind)
        self._level += 1

    def _resume(self, why: str) -> None:
        if self._paused_by is not None:
            log.info("the video API answers again (%s): submits resume", why)
        self._paused_by = None
        self._began = None
        self._pause_detail = ""
        self._probe_at = 0.0

    async def key_works(self) -> None:
        """A submit was accepted: a later 401 deserves a loud line again, and probing starts fast again."""
        self._auth_logged = False
        with self._change():
            if self._shared is not None and self._level:
                await self._shared.gate_resume(now=self._clock(), reset_level=True)
            self._level = 0

    async def probe(self, balance: Callable[[], Awaitable[apimart.Balance]]) -> bool:
        """While paused: ask the balance (through the gate). True when submits may start again."""
        kind = self._paused_by
        if kind is None:
            return True
        if self._shared is not None:
            now = self._clock()
            if not await self._shared.gate_take_probe(
                now=now, next_probe_at=now + self.probe_delay(self._level, kind)
            ):
                await self.sync()  # not due after all, or another process is probing
                return self._paused_by is None
        self.probes += 1
        try:
            answer = await self.call(balance)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            if not isinstance(exc, apimart.ApiError):
                self._schedule_probe(kind)  # whatever went wrong, never probe in a tight loop
                raise
            return await self._probe_failed(kind, exc)
        credits = answer.remain_credits
        if answer.unlimited or credits is None or credits > 0:
            await self._resume_everywhere(
                "key accepted, credit left" if credits is not None else "key accepted"
            )
            return True
        with self._change():
            self._schedule_probe(Incident.OUT_OF_CREDIT)
            self._hold(Incident.OUT_OF_CREDIT, f"balance: {credits:g} credits left")
            await self._publish_hold(Incident.OUT_OF_CREDIT)
        return False

    async def _resume_everywhere(self, why: str) -> None:
        with self._change():
            self._resume(why)
            if self._shared is not None:
                await self._shared.gate_resume(now=self._clock())

    async def _publish_hold(self, kind: Incident) -> None:
        """Shared: a probe found the pause still due (perhaps for another reason): the store says so too."""
        if self._shared is not None:
            await self._shared.gate_hold_submits(
                kind.value, self._pause_detail, probe_at=self._probe_at, now=self._clock()
            )

    async def _probe_failed(self, kind: Incident, exc: apimart.ApiError) -> bool:
        if isinstance(exc, apimart.AuthError | apimart.PaymentRequired):
            auth = isinstance(exc, apimart.AuthError)
            refused = Incident.API_KEY_REFUSED if auth else Incident.OUT_OF_CREDIT
            with self._change():
                self._schedule_probe(refused)
                self._hold(refused, str(exc))
                await self._publish_hold(refused)
            wait = self._probe_at - self._clock()
            log.info("balance probe: still refused (%s); next probe in %.0f s", exc.status, wait)
            return False
        if isinstance(exc, apimart.RateLimited):
            self._schedule_probe(kind)  # ask again after the Retry-After; submits would meet the same limit
            return False
        # The balance cannot tell (endpoint missing on a mirror, 5xx, odd answer): let the next submit try.
        # A refused submit creates nothing and pauses again, with the longer wait.
        log.info("balance probe inconclusive (%s): letting submits try again", exc)
        await self._resume_everywhere("balance unknown")
        return True

    async def call(self, call: Callable[[], Awaitable[T]]) -> T:
        await self._acquire()  # the request budget; also waits out a Retry-After
        try:
            result = await call()
        except apimart.RateLimited as exc:
            pause = exc.retry_after if exc.retry_after is not None else self._settings.poll_min_interval * 2
            self.limiter.pause(pause)
            if self._shared is not None:
                tolerance = self.limiter.tolerance
                await self._shared.gate_pause(until=self._clock() + pause, tolerance=tolerance)
            log.warning("API rate limit: pausing all API calls for %.1f s", pause)
            raise
        if self._paused_by == Incident.API_KEY_REFUSED:
            # Any answer proves the key is accepted again. (Credit is only known from the balance: a status
            # poll that works says nothing about whether a submit would be paid for.)
            await self._resume_everywhere("key accepted")
        return result

    async def _acquire(self) -> None:
        if self._shared is None:
            await self.limiter.acquire()
            return
        # One budget for every process: a slot is taken in the store, by a conditional update.
        async with self._slot_lock:  # this process's callers queue here, first come, first served
            while True:
                wait = await self._shared.gate_take_slot(
                    now=self._clock(), interval=self.limiter.interval, tolerance=self.limiter.tolerance
                )
                if wait <= 0:
                    self.limiter.acquired += 1
                    return
                await self.limiter.nap(min(wait, MAX_SLOT_WAIT))
