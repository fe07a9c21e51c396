"""Poll: ask the API how a task is doing, apply what it says, and plan the next look.

Every branch meets the deadline: a task that stays unfinished — or says "completed" without a clip — is
ended at `deadline_at` and its member told. While the API refuses to answer (401/402) a clip it made and
billed may be waiting, so the operator gets a day's grace to fix the key or top up.
"""

from __future__ import annotations

import logging
from typing import Any

from bot import apimart
from bot.apimart import TaskStatus
from bot.i18n import Msg
from bot.jobs import Job, JobStatus
from bot.jobs.learning import Observation, job_kind, sightings
from bot.jobs.schedule import plan_next_poll, record_progress
from bot.jobs.sentences import CANCELLED_BY_API_SENTENCE, NO_CLIP_SENTENCE, TIMED_OUT_SENTENCE
from bot.worker.api_sentences import task_failure_sentence
from bot.worker.context import Context
from bot.worker.finish import deliver, end

log = logging.getLogger("bot.worker.poll")

S = JobStatus
RUNNING = (S.SUBMITTED, S.RUNNING)
# After a push callback whose task still looks unfinished at the status endpoint, look again this soon.
CALLBACK_RECHECK_SECONDS = 3.0
# Past its deadline, a job whose polls the API refuses (bad key, no credit) is kept this long more.
OPERATOR_GRACE_SECONDS = 24 * 3600.0
MAX_NOT_FOUND = 3
PROGRESS_LOG_KEEP = 8


def failure_sentence(status: TaskStatus) -> Msg:
    """Our sentence for a failed task; the API's own text goes to the log and `last_error`, never a card."""
    return task_failure_sentence(status.error_code, status.error_message)


def _overdue(ctx: Context, job: Job, *, grace: float = 0.0) -> bool:
    return job.deadline_at is not None and ctx.clock() >= job.deadline_at + grace


async def _finish(ctx: Context, job: Job, new: JobStatus, sentence: Msg, detail: str, **fields: Any) -> None:
    # A clip that never came does not count against the requester, unless the operator says so.
    fields.setdefault("charged", ctx.settings.failed_jobs_count)
    await end(ctx, job, RUNNING, new, sentence, detail, **fields)


async def _retry(ctx: Context, job: Job, error: str, *, when: float | None = None, **fields: Any) -> None:
    attempts = job.attempts + 1
    await ctx.store.update(
        job.id, job.status, owner=ctx.owner, attempts=attempts, last_error=error[:500],
        next_poll_at=when if when is not None else ctx.backoff(attempts), **fields,
    )  # fmt: skip


async def poll(ctx: Context, job: Job) -> None:
    assert job.task_id is not None
    task_id = job.task_id
    ctx.poked.discard(job.id)  # a callback that came before this question is answered by it
    try:
        status = await ctx.gate.call(lambda: ctx.api.get_task(task_id))
    except apimart.TaskNotFound as exc:
        if job.attempts + 1 >= MAX_NOT_FOUND:
            await _finish(ctx, job, S.FAILED, Msg("ending-task-unknown"), str(exc))
            return
        await _retry(ctx, job, str(exc))
        return
    except apimart.ApiError as exc:
        refused = isinstance(exc, apimart.AuthError | apimart.PaymentRequired)
        if refused:
            # The key was revoked or the account ran dry while jobs ran: say it loudly, stop starting new
            # ones, and keep polling this one gently (its task may still finish).
            await ctx.gate.pause_submits(exc)
        if _overdue(ctx, job, grace=OPERATOR_GRACE_SECONDS if refused else 0.0):
            await _finish(ctx, job, S.TIMED_OUT, TIMED_OUT_SENTENCE, f"deadline passed; last error {exc}")
            return
        log.info("%s poll failed (%s)", job.log_fields(), exc)
        await _retry(ctx, job, str(exc))
        return
    await apply_status(ctx, job, status)


async def _learn(ctx: Context, job: Job, status: TaskStatus, now: float) -> None:
    """Teach the planner how long this job took against what the API estimated (kept across restarts)."""
    actual = status.actual_time or (now - job.submitted_at if job.submitted_at is not None else None)
    if not actual or actual <= 0:
        return
    # Whether any poll saw progress before the finish (the log keeps only progress > 0, never empties).
    progressed = bool(job.progress_log)
    # When each progress level was first seen: what this API's progress means, learned from its record.
    # And how its progress moved (seconds since submit): what shape this API's progress takes.
    seen: tuple[tuple[int, float], ...] = ()
    read: tuple[tuple[float, int], ...] = ()
    if job.submitted_at is not None:
        seen = sightings(job.progress_log, job.submitted_at)
        read = tuple((t - job.submitted_at, int(p)) for t, p in job.progress_log if t > job.submitted_at)
    estimate = status.estimated_time or job.estimated_time
    obs = Observation(job_kind(job), estimate, actual, progressed, seen, read)
    ctx.planner.add(obs)
    try:
        await ctx.store.record_observation(obs)
    except Exception:
        log.exception("%s could not store the planner's observation", job.log_fields())


async def apply_status(ctx: Context, job: Job, status: TaskStatus) -> None:
    now = ctx.clock()
    polls = job.polls + 1
    poked = job.id in ctx.poked
    ctx.poked.discard(job.id)
    if status.status == "completed":
        if not status.video_url:
            if _overdue(ctx, job):
                await _finish(
                    ctx, job, S.FAILED, NO_CLIP_SENTENCE, "completed without a video URL", polls=polls
                )
                return
            await _retry(ctx, job, "completed without a video URL", polls=polls)
            return
        moved = await ctx.store.transition(
            job.id, RUNNING, S.COMPLETED, owner=ctx.owner, polls=polls, progress=100,
            video_url=status.video_url, video_expires_at=status.expires_at, credits_cost=status.credits_cost,
            credits=status.credits_cost if status.credits_cost is not None else job.credits,
            finished_at=now, attempts=0, next_poll_at=now,
        )  # fmt: skip
        if moved:
            log.info("%s %s -> completed", moved.log_fields(), job.status)
            await _learn(ctx, moved, status, now)
            await deliver(ctx, moved)
        return
    if status.status in ("failed", "cancelled"):
        new = S.FAILED if status.status == "failed" else S.CANCELLED
        sentence = failure_sentence(status) if new == S.FAILED else CANCELLED_BY_API_SENTENCE
        await _finish(
            ctx, job, new, sentence, status.error_message or status.status, polls=polls,
            credits=status.credits_cost or 0.0,
        )  # fmt: skip
        return
    # Still pending / processing.
    if _overdue(ctx, job):
        await _finish(ctx, job, S.TIMED_OUT, TIMED_OUT_SENTENCE, "deadline passed", polls=polls)
        return
    progress_log = record_progress(job.progress_log, now, status.progress, keep=PROGRESS_LOG_KEEP)
    estimated = status.estimated_time if status.estimated_time else job.estimated_time
    plan = plan_next_poll(
        now=now,
        submitted_at=job.submitted_at or now,
        estimated_time=estimated,
        progress_log=progress_log,
        prior=ctx.planner.prior(job_kind(job)),
        min_interval=ctx.settings.poll_min_interval,
        max_interval=ctx.settings.poll_max_interval,
        rng=ctx.rng,
        push_enabled=ctx.push,
    )
    next_at = now if poked else now + plan.delay
    if job.id in ctx.called_back:
        ctx.called_back.discard(job.id)  # one follow-up only: a forged callback costs one poll
        next_at = min(next_at, now + CALLBACK_RECHECK_SECONDS)
    if job.deadline_at is not None:
        next_at = min(next_at, max(job.deadline_at, now + ctx.settings.poll_min_interval))
    fields: dict[str, Any] = {
        "polls": polls,
        "progress": status.progress if status.progress is not None else job.progress,
        "estimated_time": estimated,
        "progress_log": progress_log,
        "attempts": 0,
        "next_poll_at": next_at,
    }
    if status.status == "processing" and job.status == S.SUBMITTED:
        updated = await ctx.store.transition(job.id, S.SUBMITTED, S.RUNNING, owner=ctx.owner, **fields)
        if updated:
            log.info("%s submitted -> running", updated.log_fields())
    else:
        updated = await ctx.store.update(job.id, job.status, owner=ctx.owner, **fields)
    if updated:
        await ctx.progress(updated)
