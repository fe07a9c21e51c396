"""The loop: claim due jobs from the store, work each under its claim, never die silently.

One loop for every job. It wakes at the earliest `next_poll_at` (or when poked), claims as many due jobs as
it has room for (`POLL_CONCURRENCY`), runs each job's next step as a task, and renews its leases while they
run. Any unexpected error in a step is recorded on the job and retried with a backoff; after
`MAX_STEP_ERRORS` in a row the job is ended and its member told. On shutdown it drains: no new claims, no
new submits, in-flight steps get a bounded time to finish, then every claim is released.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from bot.i18n import Msg
from bot.jobs import Job, JobStatus, NewJob
from bot.jobs.limits import Limits, Refusal
from bot.jobs.schedule import backoff_delay
from bot.jobs.sentences import with_operator_told
from bot.store import StoreUnavailable
from bot.worker import finish, intake, poll, recovery, submit
from bot.worker.context import MAX_STEP_ERRORS, Context
from bot.worker.ports import Incident, RetryLater

log = logging.getLogger("bot.worker.loop")

S = JobStatus
QUEUE_CARDS_SHOWN = 10  # queued cards refreshed when the line moves
DRAIN_SECONDS = 8.0  # well under Docker's 10 s between SIGTERM and SIGKILL
TAKE_OVER_SECONDS = 5.0  # on a shared store, how often the loop looks for the claims of dead processes
SHARED_LOOK_SECONDS = (
    2.0  # on a shared store, the loop looks at the gate and the schedule at least this often
)


class Worker:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._wake = asyncio.Event()
        self._steps: dict[int, asyncio.Task[None]] = {}
        self._main: asyncio.Task[None] | None = None
        self._heartbeat: asyncio.Task[None] | None = None
        self._queue_refresh: asyncio.Task[None] | None = None
        self._queue_refresh_again = False
        self._probe: asyncio.Task[None] | None = None  # the balance probe while submits are paused
        self._reported: Incident | None = None  # the pause the operator was alerted about
        self._pause_shown: tuple[Incident | None, bool] = (None, False)  # what queued cards say about it
        self.ticks = 0  # loop rounds (an idle loop must not spin)
        self.steps_done = 0  # job steps finished so far
        self._step_done = asyncio.Event()
        self._look_at = 0.0  # when the loop plans to look at the schedule next (clock time)
        self._took_over_at = 0.0  # shared store: when we last looked for claims of dead processes
        self._stop_listening: Callable[[], Awaitable[None]] | None = None

    # ---- lifecycle ---------------------------------------------------------------------------------

    async def start(self) -> None:
        await recovery.recover(self.ctx)
        self._stop_listening = await self.ctx.store.watch_due(self._heard_due)
        self._main = asyncio.create_task(self._run(), name="worker-loop")
        self._heartbeat = asyncio.create_task(self._renew_forever(), name="worker-leases")

    @property
    def draining(self) -> bool:
        return self.ctx.draining

    async def drain(self, timeout: float = DRAIN_SECONDS) -> None:
        """Stop taking work; give in-flight steps `timeout` to finish; cancel the rest; release claims."""
        self.ctx.draining = True
        self._wake.set()
        pending = [t for t in self._steps.values() if not t.done()]
        if pending:
            log.info("draining: waiting up to %.0f s for %d job step(s)", timeout, len(pending))
            _, late = await asyncio.wait(pending, timeout=timeout)
            if late:
                log.warning("draining: %d job step(s) did not finish in time; stopping them", len(late))
        await self.stop()

    async def stop(self) -> None:
        self.ctx.draining = True
        tasks = [t for t in (self._main, self._heartbeat, self._queue_refresh, self._probe) if t is not None]
        tasks += list(self._steps.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._main = self._heartbeat = self._queue_refresh = self._probe = None
        self._steps.clear()
        if self._stop_listening is not None:
            with contextlib.suppress(Exception):
                await self._stop_listening()
            self._stop_listening = None
        with contextlib.suppress(Exception):
            await self.ctx.store.release_all(self.ctx.owner, now=self.ctx.clock())

    async def step_finished(self, after: int) -> None:
        """Wait until more than `after` job steps have finished (for whoever watches jobs progress)."""
        while self.steps_done <= after:
            await self._step_done.wait()

    def wake(self) -> None:
        """Something became due (a new job, a callback, a cancel): look at the schedule now."""
        self._wake.set()

    def _heard_due(self, due_at: float) -> None:
        """Another process (or this one) made a job claimable at `due_at`: look sooner if we would not
        have looked by then anyway (most releases are due later than our next look: no query for those)."""
        if due_at < self._look_at:
            self._wake.set()

    # ---- what the Discord side asks of the engine ---------------------------------------------------

    @property
    def submit_pause(self) -> Msg | None:
        """Why new jobs cannot start (bad key, no credit); says the operator was told only once they were."""
        gate = self.ctx.gate
        reason, kind = gate.submit_pause, gate.paused_by
        if reason is None or kind is None:
            return reason
        return with_operator_told(reason, self.ctx.alerts.told(kind))

    async def admit(self, new: NewJob, limits: Limits, *, locale: str | None = None) -> Job | Refusal:
        return await intake.admit(self.ctx, new, limits, locale=locale)

    async def post_card(self, job: Job, *, refused_sentence: Msg) -> Job:
        """Post the card of a job `admit` returned, then hand the job to the loop (see intake.post_card)."""
        try:
            return await intake.post_card(self.ctx, job, refused_sentence=refused_sentence)
        except RetryLater as exc:
            log.info("%s card not posted yet (%s): the loop will post it", job.log_fields(), exc)
            return job
        finally:
            try:
                await self.ctx.store.release(job.id, self.ctx.owner)
            except StoreUnavailable as exc:  # the claim lapses instead; the job is admitted and safe
                log.warning("%s claim not released (%s)", job.log_fields(), exc)
            self.wake()

    async def cancel(self, job: Job, *, by_user_id: int) -> Job | None:
        moved = await finish.cancel(self.ctx, job, by_user_id=by_user_id)
        if moved is not None:
            if job.queued or job.in_line:
                self._refresh_queue_cards()  # everyone behind it moves up a place
            self.wake()  # the loop announces it; a slot may be free now
        return moved

    async def poke(self, task_id: str) -> bool:
        """Poll this task now (a push callback said it changed). A task no job has is remembered for a while
        if a submit is in flight (its answer may be that id, not stored yet), else ignored."""
        job = await self.ctx.store.get_by_task(task_id)
        if job is None:
            # A very fast task can call back before its submit's answer is stored: the store keeps the
            # callback, and whichever process stores that id polls at once (submit._submitted). Looked up
            # again afterwards, kept or not: an id stored in between may have missed the kept callback (or
            # ended the last submit in flight, so none was kept), and is then poked here.
            kept = await self.ctx.store.remember_early_callback(task_id, now=self.ctx.clock())
            job = await self.ctx.store.get_by_task(task_id)
            if job is None:
                if kept:
                    log.info("task %s not known yet: its callback is kept for the submit storing it", task_id)
                return False
        if job.status not in (S.SUBMITTED, S.RUNNING):
            return False
        self.ctx.called_back.add(job.id)
        if job.id in self._steps:
            # The step in flight may predate the change (a poll that asked already, the rest of the submit
            # that stored the id): poll again right after it (poll.apply_status, or its release in _work).
            self.ctx.poked.add(job.id)
        await self.ctx.store.update(job.id, job.status, next_poll_at=self.ctx.clock())
        self.wake()
        return True

    # ---- the loop ----------------------------------------------------------------------------------

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            self._look_at = float("inf")  # a job made due while we look: look again right after
            try:
                timeout = await self._tick()
            except Exception:
                log.exception("worker tick failed; retrying shortly")
                timeout = 1.0
            self._look_at = float("inf") if timeout is None else self.ctx.clock() + timeout
            # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancel that races a wake-up,
            # and a loop that ignores its cancel hangs shutdown.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._wake.wait()

    async def _tick(self) -> float | None:
        """Claim and start due jobs; return how long to wait before looking again (None: until woken)."""
        self.ticks += 1
        ctx = self.ctx
        if ctx.draining:
            return None
        await ctx.gate.sync()  # shared store: pauses another process started or ended
        hold = ctx.gate.hold_remaining()
        if hold > 0:
            return hold  # a Retry-After pause: nothing can be asked of the API before it ends
        probe_in = self._watch_submit_pause()
        if ctx.gate.shared and ctx.clock() - self._took_over_at >= TAKE_OVER_SECONDS:
            # Another process died: its claims are freed at once when it left no connection (PostgreSQL),
            # else when their leases lapse; either way its jobs come due now.
            self._took_over_at = ctx.clock()
            taken = await ctx.store.take_over_dead_claims(ctx.owner, now=ctx.clock())
            if taken:
                log.warning("took over %d job(s) from a process that stopped", taken)
        # A member whose job ended has a free slot: the oldest in their line becomes due (and its card moves).
        if await ctx.store.unline(ctx.settings.user_concurrent_limit):
            self._refresh_queue_cards()
        # While submits are paused, queued jobs stay parked (their cards say why); a resume unparks them.
        if ctx.gate.paused_by is None and await ctx.store.unpark(ctx.settings.max_concurrent_jobs):
            self._refresh_queue_cards()
        free = ctx.settings.poll_concurrency - len(self._steps)
        now = ctx.clock()
        for job in await ctx.store.claim_due(ctx.owner, now=now, limit=free, lease=ctx.lease):
            self._start(job)
        if len(self._steps) >= ctx.settings.poll_concurrency:
            return probe_in  # a finishing step sets the wake event
        next_at = await ctx.store.next_due_at(ctx.clock())
        wait = probe_in if next_at is None else max(0.0, next_at - ctx.clock())
        if probe_in is not None and wait is not None:
            wait = min(wait, probe_in)
        if ctx.gate.shared:
            # Other processes' pauses and probes are seen at least this often (their new jobs wake us).
            wait = SHARED_LOOK_SECONDS if wait is None else min(wait, SHARED_LOOK_SECONDS)
        return wait

    def _watch_submit_pause(self) -> float | None:
        """Alert the operator when a 401/402 pause starts (and say when it ends); start the balance probe
        when it is due. Returns seconds until the next probe (None: not paused, or a probe is running)."""
        ctx = self.ctx
        kind = ctx.gate.paused_by
        if kind != self._reported:
            # On a shared store only the process that started a pause alerts (and reports its end).
            if self._reported is not None:
                ctx.alerts.resolved(self._reported)
            if kind is not None and ctx.gate.pause_started_here:
                ctx.alerts.incident(kind, ctx.gate.pause_detail)
            self._reported = kind if kind is None or ctx.gate.pause_started_here else None
        shown = (kind, kind is not None and ctx.alerts.told(kind))
        if shown != self._pause_shown:
            self._pause_shown = shown
            self._refresh_queue_cards()  # waiting cards say why (and, once true, that the operator knows)
        due_in = ctx.gate.probe_due_in()
        if due_in is None or (self._probe is not None and not self._probe.done()):
            return None  # the running probe wakes the loop when it ends
        if due_in > 0:
            return due_in
        self._probe = asyncio.create_task(self._probe_balance(), name="balance-probe")
        return None

    async def _probe_balance(self) -> None:
        try:
            await self.ctx.gate.probe(self.ctx.api.balance)
        except Exception:
            log.exception("the balance probe failed; trying again later")
        finally:
            self._wake.set()

    def _start(self, job: Job) -> None:
        task = asyncio.create_task(self._work(job), name=f"job-{job.id}")
        self._steps[job.id] = task

        def done(_: asyncio.Task[None], job_id: int = job.id) -> None:
            self._steps.pop(job_id, None)
            self.steps_done += 1
            self._step_done.set()
            self._step_done = asyncio.Event()
            self._wake.set()

        task.add_done_callback(done)

    async def _renew_forever(self) -> None:
        while True:
            await asyncio.sleep(self.ctx.lease / 3)
            try:
                await self.ctx.store.renew(self.ctx.owner, until=self.ctx.clock() + self.ctx.lease)
            except Exception:
                log.exception("could not renew this worker's leases")

    async def _work(self, job: Job) -> None:
        ctx = self.ctx
        finished = False
        try:
            await self._step(job)
            fresh = await ctx.store.get(job.id)
            if job.queued and (fresh is None or not fresh.queued):
                # It left the queue (submitted, rejected): everyone behind it moves up a place. The refresh
                # at its unpark ran while it was still queued and showed the old places.
                self._refresh_queue_cards()
            # The one announcer: whatever ended the job (a step, a cancel, an error), it is told here.
            if (
                fresh is not None
                and fresh.claimed_by == ctx.owner
                and fresh.status.terminal
                and not fresh.announced
            ):
                await finish.announce(ctx, fresh)
            elif fresh is not None and fresh.step_errors and fresh.claimed_by == ctx.owner:
                await ctx.store.update(job.id, fresh.status, owner=ctx.owner, step_errors=0)
            finished = True
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            await self._step_failed(job, exc)
            finished = True
        finally:
            # Cut short (shutdown): the next process should look at it at once, not after the lease. A
            # callback during the step that the step did not act on (the rest of a submit, or a poll that had
            # planned its next one already): due at once too.
            poked = job.id in ctx.poked
            ctx.poked.discard(job.id)
            due_at = ctx.clock() if poked or not finished else None
            await asyncio.shield(self._release(job.id, due_at))

    async def _release(self, job_id: int, due_at: float | None) -> None:
        try:
            await self.ctx.store.release(job_id, self.ctx.owner, due_at=due_at)
        except Exception:
            log.exception("job=%s could not release its claim (it lapses by itself)", job_id)

    async def _step(self, job: Job) -> None:
        ctx = self.ctx
        if job.status == S.ACCEPTED:
            if job.card_message_id is None:
                # Admitted, but whoever admitted it stopped before its card was stored: post (or find) it.
                try:
                    job = await intake.post_card(
                        ctx, job, refused_sentence=intake.CARD_FAILED_SENTENCE, resumed=True
                    )
                except intake.CardRefused:
                    return
            if job.in_line:
                # Waiting in its member's line: no due time until `unline` (unless that happened already).
                if await ctx.store.rest_in_line(job.id, owner=ctx.owner) is not None:
                    return
                fresh = await ctx.store.get(job.id)
                if fresh is None or fresh.status != S.ACCEPTED or fresh.claimed_by != ctx.owner:
                    return
                job = fresh
            await submit.submit(ctx, job)
        elif job.status == S.SUBMITTING:
            # Claimable in `submitting`: its worker stopped during the POST. Never re-sent.
            cause = "shutdown" if job.interrupted else "the process stopped"
            await finish.unconfirmed(ctx, job, f"{cause} during the submit request")
        elif job.status in (S.SUBMITTED, S.RUNNING):
            await poll.poll(ctx, job)
        elif job.status in (S.COMPLETED, S.DELIVERING):
            await finish.deliver(ctx, job)
        elif not (job.status.terminal and not job.announced):
            await ctx.store.update(job.id, job.status, owner=ctx.owner, next_poll_at=None)
        # A terminal, unannounced job is announced by _work right after this.

    async def _step_failed(self, job: Job, exc: Exception) -> None:
        """Record the error, back off, and after MAX_STEP_ERRORS in a row end the job failed-and-told."""
        ctx = self.ctx
        log.error("%s step failed in status %s", job.log_fields(), job.status, exc_info=exc)
        try:
            fresh = await ctx.store.get(job.id)
            if fresh is None or fresh.claimed_by != ctx.owner:
                return
            errors = fresh.step_errors + 1
            detail = f"{type(exc).__name__}: {exc}"
            if errors >= MAX_STEP_ERRORS:
                await finish.give_up(ctx, fresh, f"gave up after {errors} errors; last {detail}")
                ended = await ctx.store.get(job.id)
                if ended is not None and ended.status.terminal and not ended.announced:
                    await finish.announce(ctx, ended)
                return
            delay = backoff_delay(
                errors, base=ctx.settings.poll_min_interval, cap=ctx.settings.poll_max_interval
            )
            await ctx.store.update(
                job.id, fresh.status, owner=ctx.owner, step_errors=errors, last_error=detail[:500],
                next_poll_at=ctx.clock() + delay,
            )  # fmt: skip
        except Exception:
            log.exception(
                "%s could not record its step error (the claim lapses and it is retried)", job.log_fields()
            )

    # ---- queued cards --------------------------------------------------------------------------------

    def _refresh_queue_cards(self) -> None:
        """Show the new places in line, off the loop (Discord may be slow), one refresh at a time."""
        if self._queue_refresh is not None and not self._queue_refresh.done():
            self._queue_refresh_again = True
            return
        self._queue_refresh = asyncio.create_task(self._show_queue(), name="queue-cards")

    async def _show_queue(self) -> None:
        try:
            while True:
                self._queue_refresh_again = False
                # The front of the line is what people watch; cards further back catch up as it moves.
                for job in (await self.ctx.store.queue())[:QUEUE_CARDS_SHOWN]:
                    await self.ctx.progress(job)
                for job in await self.ctx.store.lined():  # members' own lines: a few jobs each
                    await self.ctx.progress(job)
                if not self._queue_refresh_again:
                    return
        except Exception:
            log.exception("could not refresh the cards of queued jobs")
