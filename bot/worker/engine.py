"""One scheduler for every job in flight (not a task per job).

The database is the schedule: each job row carries `next_poll_at`, the time its next step is due (submit,
status poll, delivery or announcement). One loop wakes at the earliest due time, runs the due jobs with
bounded concurrency and writes each job's next time back. A restart therefore resumes exactly where the
previous process stopped.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar

from bot import apimart
from bot.apimart import ApiMartClient, TaskStatus
from bot.jobs import Job, JobStatus, Reference
from bot.jobs.schedule import backoff_delay, plan_first_poll, plan_next_poll, prior_duration, record_progress
from bot.settings import Settings
from bot.store import Store
from bot.worker.ratelimit import RateLimiter

log = logging.getLogger("bot.worker.engine")

S = JobStatus
Clock = Callable[[], float]
T = TypeVar("T")

MAX_DELIVERY_ATTEMPTS = 8
QUEUE_CARDS_SHOWN = 10  # queued cards refreshed when the line moves
# After a push callback whose task still looks unfinished at the status endpoint, look again this soon.
CALLBACK_RECHECK_SECONDS = 3.0
# Past its deadline, a job whose polls the API refuses (bad key, no credit) is kept this long more.
OPERATOR_GRACE_SECONDS = 24 * 3600.0
# A reference clip whose Discord link expired is sent inline (data: URI) up to this size.
VIDEO_INLINE_MAX_BYTES = 8 * 1024 * 1024
MAX_NOT_FOUND = 3
PROGRESS_LOG_KEEP = 8


class RetryLater(Exception):
    """A transient problem (Discord hiccup, download cut short): try this step again after a backoff."""


class GiveUp(Exception):
    """A permanent problem with this step; carries the sentence shown to the requester."""

    def __init__(self, user_message: str, detail: str = "") -> None:
        super().__init__(detail or user_message)
        self.user_message = user_message


@dataclass(frozen=True)
class Delivered:
    delivered_as: str  # "file" | "link"
    card_message_id: int | None = None  # set when a new card had to be posted


class Presenter(Protocol):
    """The Discord side of a job, as the poller needs it."""

    async def job_progress(self, job: Job) -> None:
        """The job's status or progress changed (the card may be refreshed; may be throttled)."""

    async def deliver(self, job: Job) -> Delivered:
        """Fetch the clip and put it in the channel. Idempotent. Raises RetryLater or GiveUp."""

    async def announce(self, job: Job, *, ping: bool = True) -> int | None:
        """Tell the requester the job ended (result ready, or why not). Returns the ping message id."""


class Poller:
    def __init__(
        self,
        *,
        store: Store,
        api: ApiMartClient,
        presenter: Presenter,
        settings: Settings,
        clock: Clock = time.time,
        rng: random.Random | None = None,
        webhook_url: str | None = None,
        limiter: RateLimiter | None = None,
    ) -> None:
        self._store = store
        self._api = api
        self._presenter = presenter
        self._settings = settings
        self._clock = clock
        self._rng = rng or random.Random()
        self._webhook_url = webhook_url
        # Push mode: callbacks poke jobs, so the planner only keeps a sparse safety net of polls.
        self._push = webhook_url is not None
        self._limiter = limiter or RateLimiter(settings.api_rate_per_minute)
        self._poked: set[int] = set()  # jobs poked while their poll was in flight: poll again at once
        # Jobs a callback said had ended: if the status endpoint does not agree yet, look once more soon
        # instead of waiting for the sparse safety-net poll.
        self._called_back: set[int] = set()
        self._queue_refresh: asyncio.Task[None] | None = None
        self._queue_refresh_again = False
        self._wake = asyncio.Event()
        self._active: dict[int, asyncio.Task[None]] = {}
        self._main: asyncio.Task[None] | None = None
        self._prior_cache: list[float] = []
        self._submit_pause_until = 0.0
        self._submit_pause_reason: str | None = None
        self._auth_logged = False
        self._refreshed: set[int] = set()
        self._data_dir = settings.data_dir

    # ---- lifecycle ---------------------------------------------------------------------------------

    async def start(self) -> None:
        await self.recover()
        self._prior_cache = await self._store.recent_durations()
        self._main = asyncio.create_task(self._run(), name="poller")

    async def stop(self) -> None:
        tasks = list(self._active.values())
        if self._queue_refresh is not None:
            tasks.append(self._queue_refresh)
        if self._main is not None:
            self._main.cancel()
            tasks.append(self._main)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._main = None
        self._active.clear()

    def wake(self) -> None:
        """Something became due (a new job, a callback): look at the schedule now."""
        self._wake.set()

    @property
    def _hold_until(self) -> float:
        """When a Retry-After pause ends, on the poller's clock (the limiter owns the pause itself)."""
        return self._clock() + self._limiter.pause_remaining()

    @property
    def submit_pause(self) -> str | None:
        """Why new jobs cannot start right now (bad API key, no credit), as a sentence; None if they can."""
        if self._submit_pause_until > self._clock():
            return self._submit_pause_reason
        return None

    def _pause_submits(self, exc: apimart.ApiError) -> float:
        already = self._submit_pause_until > self._clock()
        if isinstance(exc, apimart.AuthError):
            seconds, reason = self._settings.auth_pause_seconds, MISCONFIGURED_SENTENCE
            if not self._auth_logged:
                log.critical(
                    "the video API refused the API key (401): submits paused; fix APIMART_API_KEY. %s",
                    exc,
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

    async def poke(self, task_id: str) -> bool:
        """Poll this task now (a push callback said it changed). Unknown tasks are ignored."""
        job = await self._store.get_by_task(task_id)
        if job is None or job.status not in (S.SUBMITTED, S.RUNNING):
            return False
        self._called_back.add(job.id)
        if job.id in self._active:
            self._poked.add(job.id)  # the poll in flight may predate the change: poll again right after
            return True
        await self._store.update(job.id, job.status, next_poll_at=self._clock())
        self.wake()
        return True

    async def cancel(self, job: Job, *, by_user_id: int) -> Job | None:
        """Stop tracking a job a person cancelled. The remote task (if any) cannot be stopped or refunded."""
        before_submit = job.status == S.ACCEPTED
        fields: dict[str, object] = {
            "error": CANCELLED_BY_USER_SENTENCE if not before_submit else CANCELLED_QUEUED_SENTENCE,
            "finished_at": self._clock(),
            "next_poll_at": self._clock(),
            "queued": False,
        }
        if before_submit:
            fields.update(charged=False, credits=0.0)  # nothing reached the API: nothing counts
        moved = await self._store.transition(job.id, job.status, S.CANCELLED, **fields)
        if moved is None:
            return None
        log.info("%s %s -> cancelled by user %s", moved.log_fields(), job.status, by_user_id)
        if job.queued:
            self._refresh_queue_cards()  # everyone behind it moves up a place
        # The requester pressed Cancel themselves: no need to ping them about it.
        await self._announce(moved, ping=by_user_id != job.user_id)
        self.wake()  # a slot may be free now
        return moved

    def _refresh_queue_cards(self) -> None:
        """Show the new places in line, off the poll loop (Discord may be slow), one refresh at a time."""
        if self._queue_refresh is not None and not self._queue_refresh.done():
            self._queue_refresh_again = True
            return
        self._queue_refresh = asyncio.create_task(self._show_queue(), name="queue-cards")

    async def _show_queue(self) -> None:
        try:
            while True:
                self._queue_refresh_again = False
                # The front of the line is what people watch; cards further back catch up as it moves.
                for job in (await self._store.queue())[:QUEUE_CARDS_SHOWN]:
                    await self._safe_progress(job)
                if not self._queue_refresh_again:
                    return
        except Exception:
            log.exception("could not refresh the cards of queued jobs")

    async def recover(self) -> None:
        """Jobs caught mid-submit by a crash may have been billed: never re-send them, tell the user."""
        now = self._clock()
        for job in await self._store.jobs_with_status([S.SUBMITTING]):
            moved = await self._store.transition(
                job.id,
                S.SUBMITTING,
                S.SUBMIT_UNKNOWN,
                error=SUBMIT_UNKNOWN_SENTENCE,
                last_error="process stopped during the submit request",
                next_poll_at=now,
            )
            if moved:
                log.warning("%s submitting -> submit_unknown (found after a restart)", moved.log_fields())
        for job in await self._store.jobs_with_status([S.ACCEPTED]):
            if job.card_message_id is None:
                # Crashed between writing the row and posting its card: the user saw an error, nothing
                # was sent to the API. Drop it quietly (and uncharged).
                log.warning("%s accepted -> rejected (no card: interrupted at start-up)", job.log_fields())
                await self._store.transition(
                    job.id, S.ACCEPTED, S.REJECTED, error="interrupted before it started",
                    charged=False, credits=0.0, announced=True, next_poll_at=None,
                )  # fmt: skip
            elif job.next_poll_at is None:
                await self._store.update(job.id, S.ACCEPTED, next_poll_at=now)

    # ---- the loop ----------------------------------------------------------------------------------

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            try:
                timeout = await self._tick()
            except Exception:
                log.exception("poller tick failed; retrying shortly")
                timeout = 1.0
            if timeout is not None and timeout <= 0:
                await asyncio.sleep(0)  # let others run before the next round
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)

    async def _tick(self) -> float | None:
        """Start due jobs; return how long to wait before looking again (None: until woken)."""
        now = self._clock()
        if self._hold_until > now:
            return self._hold_until - now
        moved = await self._store.unpark(self._settings.max_concurrent_jobs)
        if moved:
            self._refresh_queue_cards()
        free = self._settings.poll_concurrency - len(self._active)
        if free > 0:
            for job in await self._store.due_jobs(now, free, exclude=self._active):
                self._start_job(job)
        if len(self._active) >= self._settings.poll_concurrency:
            return None  # a finishing job sets the wake event
        next_at = await self._store.next_due_at(exclude=self._active)
        if next_at is None:
            return None
        return max(0.0, next_at - self._clock()) + 0.001

    def _start_job(self, job: Job) -> None:
        task = asyncio.create_task(self._handle(job), name=f"job-{job.id}")
        self._active[job.id] = task

        def done(_: asyncio.Task[None], job_id: int = job.id) -> None:
            self._active.pop(job_id, None)
            self._wake.set()

        task.add_done_callback(done)

    async def _handle(self, job: Job) -> None:
        try:
            if job.status == S.ACCEPTED:
                await self._submit(job)
            elif job.status in (S.SUBMITTED, S.RUNNING):
                await self._poll(job)
            elif job.status in (S.COMPLETED, S.DELIVERING):
                await self._deliver(job)
            elif job.status.terminal and not job.announced:
                await self._announce(job)
            else:
                await self._store.update(job.id, job.status, next_poll_at=None)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            # One job's bug must never stop the others: record it, back off, carry on.
            log.exception("%s step failed in status %s", job.log_fields(), job.status)
            attempts = job.attempts + 1
            delay = backoff_delay(
                attempts, base=self._settings.poll_min_interval, cap=self._settings.poll_max_interval
            )
            await self._store.update(
                job.id,
                job.status,
                attempts=attempts,
                last_error=f"{type(exc).__name__}: {exc}"[:500],
                next_poll_at=self._clock() + delay,
            )

    # ---- API access: one place that honours a global Retry-After -----------------------------------

    async def _api_call(self, call: Callable[[], Awaitable[T]]) -> T:
        await self._limiter.acquire()  # the shared request budget; also waits out a Retry-After
        try:
            result = await call()
        except apimart.RateLimited as exc:
            pause = exc.retry_after if exc.retry_after is not None else self._settings.poll_min_interval * 2
            self._limiter.pause(pause)
            log.warning("API rate limit: pausing all API calls for %.1f s", pause)
            raise
        if self._submit_pause_until > self._clock():
            # The API answers again (key fixed, account topped up): new jobs may start right away.
            log.info("the video API answers again: submits resume")
            self._submit_pause_until = 0.0
        return result

    def _reference_fetch_failed(self, job: Job, exc: apimart.ApiError) -> bool:
        if not isinstance(exc, apimart.BadRequest) or job.id in self._refreshed or not job.refs:
            return False
        text = exc.message.lower()
        return any(word in text for word in ("download", "fetch", "url", "unreachable"))

    def _backoff(self, job: Job) -> tuple[int, float]:
        attempts = job.attempts + 1
        delay = backoff_delay(
            attempts,
            base=self._settings.poll_min_interval,
            cap=self._settings.poll_max_interval,
            rng=self._rng,
        )
        return attempts, max(self._clock() + delay, self._hold_until)

    # ---- submit ------------------------------------------------------------------------------------

    async def _ensure_reference_urls(self, job: Job) -> list[Reference]:
        """Give every kept reference a URL the API can fetch now: upload images whose upload URL is missing
        or about to expire; send a small clip inline when its Discord link has expired."""
        now = self._clock()
        refs = list(job.refs)
        changed = False
        for ref in refs:
            if ref.url and (ref.url_expires_at is None or ref.url_expires_at > now + 600):
                continue
            path = self._data_dir / ref.path
            if not path.is_file():
                raise GiveUp(
                    f"The reference file {ref.filename} is no longer kept, so this can't be made again: "
                    "attach it again with /video."
                )
            if ref.kind == "video":
                if ref.size > VIDEO_INLINE_MAX_BYTES:
                    raise GiveUp(
                        f"The link to the reference clip {ref.filename} has expired and the clip is too "
                        "large to send inline: attach it again with /video."
                    )
                data = await asyncio.to_thread(path.read_bytes)
                ref.url = f"data:{ref.content_type};base64,{base64.b64encode(data).decode()}"
                ref.url_expires_at = None
                changed = True
                continue
            data = await asyncio.to_thread(path.read_bytes)
            upload = partial(
                self._api.upload_image, data, filename=ref.filename, content_type=ref.content_type
            )
            ref.url = await self._api_call(upload)
            ref.url_expires_at = now + 72 * 3600
            changed = True
        if changed:
            await self._store.update(job.id, S.ACCEPTED, refs=refs)
        return refs

    async def _submit(self, job: Job) -> None:
        if self._submit_pause_until > self._clock():
            waiting = await self._store.update(job.id, S.ACCEPTED, next_poll_at=self._submit_pause_until)
            if waiting is not None:
                await self._safe_progress(waiting)  # the card says why it waits
            return
        try:
            refs = await self._ensure_reference_urls(job)
        except GiveUp as exc:
            await self._reject(job, exc.user_message, str(exc))
            return
        except apimart.ApiError as exc:
            if isinstance(exc, apimart.AuthError | apimart.PaymentRequired):
                until = self._pause_submits(exc)
                await self._store.update(job.id, S.ACCEPTED, last_error=str(exc)[:500], next_poll_at=until)
                await self._safe_progress(job)
                return
            if await self._reject_if_permanent(job, exc):
                return
            attempts, when = self._backoff(job)
            await self._store.update(
                job.id, S.ACCEPTED, attempts=attempts, last_error=str(exc)[:500], next_poll_at=when
            )
            return
        moving = await self._store.claim_slot(job.id, self._settings.max_concurrent_jobs)
        if moving is None:
            parked = await self._store.park(job.id)
            if parked is not None:
                if not job.queued:
                    log.info("%s waits in the queue for a free slot", job.log_fields())
                await self._safe_progress(parked)
            return
        job = moving
        log.info("%s accepted -> submitting", job.log_fields())
        try:
            task_id = await self._api_call(
                lambda: self._api.submit(
                    prompt=job.prompt or None,
                    image_urls=[r.url for r in refs if r.kind == "image" and r.url],
                    video_urls=[r.url for r in refs if r.kind == "video" and r.url],
                    aspect_ratio=job.aspect_ratio,
                    extend_from_task_id=job.parent_task_id,
                    webhook=self._webhook_url,
                    idempotency_key=f"videobot-job-{job.id}",
                )
            )
        except apimart.SubmitOutcomeUnknown as exc:
            moved = await self._store.transition(
                job.id,
                S.SUBMITTING,
                S.SUBMIT_UNKNOWN,
                error=SUBMIT_UNKNOWN_SENTENCE,
                last_error=str(exc)[:500],
                next_poll_at=self._clock(),
            )
            if moved:
                log.warning("%s submitting -> submit_unknown: %s", moved.log_fields(), exc)
            return
        except apimart.ApiError as exc:
            if isinstance(exc, apimart.AuthError | apimart.PaymentRequired):
                until = self._pause_submits(exc)
                moved = await self._store.transition(
                    job.id, S.SUBMITTING, S.ACCEPTED, last_error=str(exc)[:500], next_poll_at=until
                )
                if moved:
                    log.info(
                        "%s submitting -> accepted (API refused: %s)", moved.log_fields(), type(exc).__name__
                    )
                    await self._safe_progress(moved)
                return
            if self._reference_fetch_failed(job, exc):
                # The API could not fetch a reference (its link died early): upload the kept files again
                # and send once more. A 400 created nothing, so this cannot bill twice.
                self._refreshed.add(job.id)
                stale = [replace(r, url=None, url_expires_at=None) for r in job.refs]
                moved = await self._store.transition(
                    job.id, S.SUBMITTING, S.ACCEPTED, refs=stale, last_error=str(exc)[:500],
                    next_poll_at=self._clock(),
                )  # fmt: skip
                if moved:
                    log.info(
                        "%s submitting -> accepted (reference links refused: uploading the kept files again)",
                        job.log_fields(),
                    )
                return
            if await self._reject_if_permanent(job, exc, status=S.SUBMITTING):
                return
            # Certainly not created (429, connection refused before sending): safe to send again later.
            attempts, when = self._backoff(job)
            moved = await self._store.transition(
                job.id,
                S.SUBMITTING,
                S.ACCEPTED,
                attempts=attempts,
                last_error=str(exc)[:500],
                next_poll_at=when,
            )
            if moved:
                log.info("%s submitting -> accepted (will retry: %s)", moved.log_fields(), type(exc).__name__)
            return
        now = self._clock()
        first = plan_first_poll(
            prior=prior_duration(self._prior_cache),
            first_delay=self._settings.poll_first_delay,
            min_interval=self._settings.poll_min_interval,
            max_interval=self._settings.poll_max_interval,
            push_enabled=self._push,
        )
        moved = await self._store.transition(
            job.id,
            S.SUBMITTING,
            S.SUBMITTED,
            task_id=task_id,
            submitted_at=now,
            deadline_at=now + self._settings.job_deadline_seconds,
            next_poll_at=now + max(self._settings.poll_min_interval, first),
            attempts=0,
            last_error=None,
        )
        self._auth_logged = False  # the key works (again): a later 401 deserves a loud line again
        if moved:
            log.info("%s submitting -> submitted", moved.log_fields())
            await self._safe_progress(moved)

    async def _reject_if_permanent(
        self, job: Job, exc: apimart.ApiError, status: JobStatus = S.ACCEPTED
    ) -> bool:
        sentence = permanent_error_sentence(exc)
        if sentence is None:
            return False
        await self._reject(job, sentence, str(exc), status=status)
        return True

    async def _reject(self, job: Job, sentence: str, detail: str, status: JobStatus = S.ACCEPTED) -> None:
        moved = await self._store.transition(
            job.id, status, S.REJECTED, error=sentence, last_error=detail[:500], next_poll_at=self._clock(),
            charged=False, credits=0.0, queued=False,
        )  # fmt: skip
        if moved:
            log.warning("%s %s -> rejected: %s", moved.log_fields(), status, detail)
            await self._announce(moved)

    # ---- poll --------------------------------------------------------------------------------------

    async def _poll(self, job: Job) -> None:
        assert job.task_id is not None
        task_id = job.task_id
        try:
            status = await self._api_call(lambda: self._api.get_task(task_id))
        except apimart.TaskNotFound as exc:
            attempts, when = self._backoff(job)
            if attempts >= MAX_NOT_FOUND:
                await self._finish(job, S.FAILED, "The video service no longer knows this job.", str(exc))
                return
            await self._store.update(
                job.id, job.status, attempts=attempts, last_error=str(exc), next_poll_at=when
            )
            return
        except apimart.ApiError as exc:
            refused = isinstance(exc, apimart.AuthError | apimart.PaymentRequired)
            if refused:
                # The key was revoked or the account ran dry while jobs ran: say it loudly, stop
                # starting new ones, and keep polling this one gently (its task may still finish).
                self._pause_submits(exc)
            attempts, when = self._backoff(job)
            # While the API refuses to answer (401/402), a clip it made (and billed) may be waiting: give
            # the operator a day to fix the key or top up before calling the job timed out.
            grace = OPERATOR_GRACE_SECONDS if refused else 0.0
            if self._overdue(job, grace=grace):
                await self._finish(job, S.TIMED_OUT, TIMED_OUT_SENTENCE, f"deadline passed; last error {exc}")
                return
            if isinstance(exc, apimart.RateLimited):
                when = max(when, self._hold_until)
            log.info("%s poll failed (%s); next try in %.1f s", job.log_fields(), exc, when - self._clock())
            await self._store.update(
                job.id, job.status, attempts=attempts, last_error=str(exc)[:500], next_poll_at=when
            )
            return
        await self._apply_status(job, status)

    def _overdue(self, job: Job, *, grace: float = 0.0) -> bool:
        return job.deadline_at is not None and self._clock() >= job.deadline_at + grace

    async def apply_status(self, job: Job, status: TaskStatus) -> None:
        """Apply a status the API reported (used by polls and by verified push callbacks)."""
        await self._apply_status(job, status)

    async def _apply_status(self, job: Job, status: TaskStatus) -> None:
        now = self._clock()
        polls = job.polls + 1
        poked = job.id in self._poked
        self._poked.discard(job.id)
        if status.status == "completed":
            if not status.video_url:
                attempts, when = self._backoff(job)
                await self._store.update(
                    job.id, job.status, polls=polls, attempts=attempts,
                    last_error="completed without a video URL", next_poll_at=when,
                )  # fmt: skip
                return
            moved = await self._store.transition(
                job.id,
                [S.SUBMITTED, S.RUNNING],
                S.COMPLETED,
                polls=polls,
                progress=100,
                video_url=status.video_url,
                video_expires_at=status.expires_at,
                credits_cost=status.credits_cost,
                credits=status.credits_cost if status.credits_cost is not None else job.credits,
                finished_at=now,
                attempts=0,
                next_poll_at=now,
            )
            if moved:
                log.info("%s %s -> completed", moved.log_fields(), job.status)
                if moved.submitted_at is not None:
                    self._prior_cache = [now - moved.submitted_at, *self._prior_cache][:50]
                await self._deliver(moved)
            return
        if status.status in ("failed", "cancelled"):
            new = S.FAILED if status.status == "failed" else S.CANCELLED
            sentence = failure_sentence(status) if new == S.FAILED else CANCELLED_BY_API_SENTENCE
            await self._finish(
                job, new, sentence, status.error_message or status.status, polls=polls,
                credits=status.credits_cost or 0.0,
            )  # fmt: skip
            return
        # Still pending / processing.
        if self._overdue(job):
            await self._finish(job, S.TIMED_OUT, TIMED_OUT_SENTENCE, "deadline passed", polls=polls)
            return
        progress_log = record_progress(job.progress_log, now, status.progress, keep=PROGRESS_LOG_KEEP)
        estimated = status.estimated_time if status.estimated_time else job.estimated_time
        plan = plan_next_poll(
            now=now,
            submitted_at=job.submitted_at or now,
            estimated_time=estimated,
            progress_log=progress_log,
            prior=prior_duration(self._prior_cache),
            min_interval=self._settings.poll_min_interval,
            max_interval=self._settings.poll_max_interval,
            rng=self._rng,
            push_enabled=self._push,
        )
        next_at = now if poked else now + plan.delay
        if job.id in self._called_back:
            self._called_back.discard(job.id)  # one follow-up only: a forged callback costs one poll
            next_at = min(next_at, now + CALLBACK_RECHECK_SECONDS)
        if job.deadline_at is not None:
            next_at = min(next_at, max(job.deadline_at, now + self._settings.poll_min_interval))
        fields = {
            "polls": polls,
            "progress": status.progress if status.progress is not None else job.progress,
            "estimated_time": estimated,
            "progress_log": progress_log,
            "attempts": 0,
            "next_poll_at": next_at,
        }
        if status.status == "processing" and job.status == S.SUBMITTED:
            updated = await self._store.transition(job.id, S.SUBMITTED, S.RUNNING, **fields)
            if updated:
                log.info("%s submitted -> running", updated.log_fields())
        else:
            updated = await self._store.update(job.id, job.status, **fields)
        if updated:
            await self._safe_progress(updated)

    async def _finish(self, job: Job, new: JobStatus, sentence: str, detail: str, **fields: object) -> None:
        # A clip that never came does not count against the requester, unless the operator says so.
        fields.setdefault("charged", self._settings.failed_jobs_count)
        moved = await self._store.transition(
            job.id,
            [S.SUBMITTED, S.RUNNING],
            new,
            error=sentence,
            last_error=detail[:500],
            finished_at=self._clock(),
            next_poll_at=self._clock(),
            **fields,
        )
        if moved:
            log.info("%s %s -> %s: %s", moved.log_fields(), job.status, new, detail)
            await self._announce(moved)

    async def _safe_progress(self, job: Job) -> None:
        try:
            await self._presenter.job_progress(job)
        except Exception:
            log.exception("%s could not refresh its card", job.log_fields())

    # ---- deliver and announce ------------------------------------------------------------------------

    async def _deliver(self, job: Job) -> None:
        if job.status == S.COMPLETED:
            moved = await self._store.transition(job.id, S.COMPLETED, S.DELIVERING)
            if moved is None:
                return
            log.info("%s completed -> delivering", moved.log_fields())
            job = moved
        try:
            outcome = await self._presenter.deliver(job)
        except GiveUp as exc:
            await self._delivery_failed(job, exc.user_message, str(exc))
            return
        except RetryLater as exc:
            attempts, when = self._backoff(job)
            if attempts >= MAX_DELIVERY_ATTEMPTS:
                await self._delivery_failed(job, DELIVERY_FAILED_SENTENCE, f"gave up after {attempts}: {exc}")
                return
            log.warning("%s delivery will be retried: %s", job.log_fields(), exc)
            await self._store.update(
                job.id, S.DELIVERING, attempts=attempts, last_error=str(exc), next_poll_at=when
            )
            return
        fields: dict[str, object] = {"delivered_as": outcome.delivered_as, "next_poll_at": self._clock()}
        if outcome.card_message_id is not None:
            fields["card_message_id"] = outcome.card_message_id
        moved = await self._store.transition(job.id, S.DELIVERING, S.DELIVERED, attempts=0, **fields)
        if moved:
            log.info("%s delivering -> delivered (%s)", moved.log_fields(), outcome.delivered_as)
            await self._announce(moved)

    async def _delivery_failed(self, job: Job, sentence: str, detail: str) -> None:
        moved = await self._store.transition(
            job.id,
            S.DELIVERING,
            S.FAILED,
            error=sentence,
            last_error=detail[:500],
            next_poll_at=self._clock(),
        )
        if moved:
            log.warning("%s delivering -> failed: %s", moved.log_fields(), detail)
            await self._announce(moved)

    async def _announce(self, job: Job, *, ping: bool = True) -> None:
        if job.announced:
            return
        try:
            ping_id = await self._presenter.announce(job, ping=ping)
        except RetryLater as exc:
            attempts, when = self._backoff(job)
            if attempts < MAX_DELIVERY_ATTEMPTS:
                await self._store.update(
                    job.id, job.status, attempts=attempts, last_error=str(exc), next_poll_at=when
                )
                return
            log.error("%s could not be announced: %s", job.log_fields(), exc)
            ping_id = None
        await self._store.update(
            job.id, job.status, announced=True, ping_message_id=ping_id, next_poll_at=None
        )


# ---- sentences -------------------------------------------------------------------------------------

SUBMIT_UNKNOWN_SENTENCE = (
    "The video service did not confirm this request, so it may or may not have started. "
    "I won't send it again on my own, to avoid paying twice: run /video again if no clip appears."
)
CANCELLED_BY_USER_SENTENCE = (
    "Cancelled. The video service cannot stop a job it has started, so it may still finish (and be paid "
    "for) on its side, but I stopped waiting for it and freed the slot."
)
CANCELLED_QUEUED_SENTENCE = "Cancelled before it started; nothing was sent to the video service."
MISCONFIGURED_SENTENCE = (
    "The video service is misconfigured right now (it refused this bot's API key); "
    "the operator has been told."
)
OUT_OF_CREDIT_SENTENCE = (
    "The video service is out of credit right now; jobs will wait until the operator tops it up."
)
TIMED_OUT_SENTENCE = "The video service took too long, so I stopped waiting for this clip."
CANCELLED_BY_API_SENTENCE = "The video service cancelled this job."
DELIVERY_FAILED_SENTENCE = "The clip was made, but I could not fetch it from the video service in time."


def failure_sentence(status: TaskStatus) -> str:
    reason = (status.error_message or "").strip()
    if reason:
        reason = reason.split(" (request id")[0].strip().rstrip(".")
        return f"The video service could not make this clip: {reason[:300]}."
    return "The video service could not make this clip, and gave no reason."


def permanent_error_sentence(exc: apimart.ApiError) -> str | None:
    """The sentence for an API error that retrying cannot fix, or None when it is transient."""
    if isinstance(exc, apimart.AuthError):
        return "The video service rejected this bot's API key; the operator needs to fix the bot's settings."
    if isinstance(exc, apimart.PaymentRequired):
        return "The video service is out of credit, so this job could not start. The operator has been told."
    if isinstance(exc, apimart.PermissionDenied):
        return "The video service does not allow this bot to use this model; the operator needs to check it."
    if isinstance(exc, apimart.TaskNotFound):
        return "The clip to continue is no longer known to the video service, so it cannot be extended."
    if isinstance(exc, apimart.TooLarge):
        return "A reference file is too large for the video service (20 MB at most)."
    if isinstance(exc, apimart.BadRequest):
        reason = exc.message.split(" (request id")[0].strip().rstrip(".")
        return f"The video service refused this request: {reason[:300]}."
    return None


def clip_path(data_dir: Path, job_id: int) -> Path:
    return data_dir / "clips" / f"{job_id}.mp4"
