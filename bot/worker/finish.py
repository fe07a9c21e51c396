"""The end of a job: deliver the clip, show the ending, ping the requester once; cancel; give up.

One announcer per job: only the loop, under the job's claim, announces (see `loop.Worker._work`); every other
path just moves the job to its ending with `next_poll_at = now`. Each effect on Discord is recorded before it
is made (`result_started_at`, `ping_started_at` + a nonce derived from the job and the effect), so a repeat
after a crash is de-duplicated by Discord or found from what was recorded.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from typing import Any

from bot.i18n import Msg
from bot.jobs import ACTIVE, Job, JobStatus
from bot.jobs.sentences import (
    CANCELLED_BY_USER_SENTENCE,
    CANCELLED_QUEUED_SENTENCE,
    DELIVERY_FAILED_SENTENCE,
    GAVE_UP_BEFORE_START_SENTENCE,
    GAVE_UP_SENTENCE,
    SUBMIT_UNKNOWN_SENTENCE,
    ending_fields,
)
from bot.media.kept import remove_work_files
from bot.worker.context import Context
from bot.worker.ports import GiveUp, Incident, RetryLater

log = logging.getLogger("bot.worker.finish")

S = JobStatus
MAX_DELIVERY_ATTEMPTS = 8
DELIVERY_ALERT_ATTEMPTS = 3  # a clip that failed to reach Discord this often in a row: tell the operator


async def end(
    ctx: Context,
    job: Job,
    olds: JobStatus | Collection[JobStatus],
    new: JobStatus,
    sentence: Msg,
    detail: str,
    **fields: Any,
) -> Job | None:
    """Move a job (still claimed by us) to an ending; the loop announces it right after the step."""
    fields.setdefault("attempts", 0)  # the announcement counts its own attempts
    moved = await ctx.store.transition(
        job.id, olds, new, owner=ctx.owner, **ending_fields(sentence), last_error=detail[:500],
        finished_at=fields.pop("finished_at", ctx.clock()), next_poll_at=ctx.clock(), queued=False, **fields,
    )  # fmt: skip
    if moved:
        log.info("%s %s -> %s: %s", moved.log_fields(), job.status, new, detail)
    return moved


async def deliver(ctx: Context, job: Job) -> None:
    if job.status == S.COMPLETED:
        moved = await ctx.store.transition(job.id, S.COMPLETED, S.DELIVERING, owner=ctx.owner)
        if moved is None:
            return
        log.info("%s completed -> delivering", moved.log_fields())
        job = moved
    # Recorded before the effect: after a restart the presenter first looks whether it already landed.
    resumed = job.result_started_at is not None
    if not resumed:
        recorded = await ctx.store.update(
            job.id, S.DELIVERING, owner=ctx.owner, result_started_at=ctx.clock()
        )
        if recorded is None:
            return
    try:
        outcome = await ctx.presenter.deliver(job, nonce=ctx.nonce(job.id, "result"), resumed=resumed)
    except GiveUp as exc:
        await end(ctx, job, S.DELIVERING, S.FAILED, exc.user_message, str(exc))
        return
    except RetryLater as exc:
        attempts = job.attempts + 1
        if attempts >= DELIVERY_ALERT_ATTEMPTS:
            ctx.alerts.incident(Incident.DELIVERY_FAILING, f"job {job.id}, attempt {attempts}: {exc}")
        if attempts >= MAX_DELIVERY_ATTEMPTS:
            await end(
                ctx, job, S.DELIVERING, S.FAILED, DELIVERY_FAILED_SENTENCE, f"gave up after {attempts}: {exc}"
            )
            return
        log.warning("%s delivery will be retried: %s", job.log_fields(), exc)
        await ctx.store.update(
            job.id, S.DELIVERING, owner=ctx.owner, attempts=attempts, last_error=str(exc)[:500],
            next_poll_at=ctx.backoff(attempts),
        )  # fmt: skip
        return
    fields: dict[str, Any] = {
        "delivered_as": outcome.delivered_as,
        "next_poll_at": ctx.clock(),
        "attempts": 0,
    }
    if outcome.card_message_id is not None:
        fields["card_message_id"] = outcome.card_message_id
    moved = await ctx.store.transition(job.id, S.DELIVERING, S.DELIVERED, owner=ctx.owner, **fields)
    if moved:
        log.info("%s delivering -> delivered (%s)", moved.log_fields(), outcome.delivered_as)
        ctx.alerts.resolved(Incident.DELIVERY_FAILING)
        # Only now: until DELIVERED is stored, a retry or a restart needs the downloaded clip.
        await remove_work_files(ctx.settings.data_dir, job.id)


async def announce(ctx: Context, job: Job) -> None:
    """Show the ending on the card and ping the requester (unless they cancelled it themselves), once."""
    ctx.presenter.forget(job.id)
    attempts = job.attempts + 1
    give_up = attempts >= MAX_DELIVERY_ATTEMPTS
    try:
        await ctx.presenter.show_ending(job)
        ping_id = job.ping_message_id
        if ping_id is None and job.ended_by != job.user_id:
            resumed = job.ping_started_at is not None
            if not resumed:
                nonce = ctx.nonce(job.id, "ping")
                recorded = await ctx.store.update(
                    job.id, job.status, owner=ctx.owner, ping_started_at=ctx.clock(), ping_nonce=str(nonce)
                )
                if recorded is None:
                    return
                job = recorded
            ping_id = await ctx.presenter.ping(job, nonce=ctx.nonce(job.id, "ping"), resumed=resumed)
    except RetryLater as exc:
        if not give_up:
            await ctx.store.update(
                job.id, job.status, owner=ctx.owner, attempts=attempts, last_error=str(exc)[:500],
                next_poll_at=ctx.backoff(attempts),
            )  # fmt: skip
            return
        log.error("%s could not be announced: %s", job.log_fields(), exc)
        ping_id = job.ping_message_id
    await ctx.store.update(
        job.id, job.status, owner=ctx.owner, announced=True, ping_message_id=ping_id, next_poll_at=None,
        attempts=0,
    )  # fmt: skip


CANCEL_TRIES = 5  # a job moves a few steps at most while a member presses Cancel


async def cancel(ctx: Context, job: Job, *, by_user_id: int) -> Job | None:
    """A person cancelled: end the job whoever works it (the remote task, if any, cannot be stopped).

    Not claimed: a worker in the middle of a step simply finds the job moved. The loop announces it. A job
    that moved on meanwhile (submitted → running, say) is read again and cancelled from where it is now;
    None only when it has ended."""
    current: Job | None = job
    for _ in range(CANCEL_TRIES):
        if current is None or current.status not in ACTIVE:
            return None
        before_submit = current.status == S.ACCEPTED
        fields: dict[str, Any] = {
            **ending_fields(CANCELLED_QUEUED_SENTENCE if before_submit else CANCELLED_BY_USER_SENTENCE),
            "finished_at": ctx.clock(),
            "next_poll_at": ctx.clock(),
            "queued": False,
            "in_line": False,
            "ended_by": by_user_id,
        }
        if before_submit:
            fields.update(charged=False, credits=0.0)  # nothing reached the API: nothing counts
        moved = await ctx.store.transition(current.id, current.status, S.CANCELLED, **fields)
        if moved is not None:
            log.info("%s %s -> cancelled by user %s", moved.log_fields(), current.status, by_user_id)
            return moved
        current = await ctx.store.get(current.id)
    return None


async def unconfirmed(ctx: Context, job: Job, detail: str) -> None:
    """A submit whose answer we never stored: it may have been billed, so it is never re-sent. The member
    is not charged for our uncertainty; the credits stay reserved in the budget (they may have been spent)."""
    await end(ctx, job, S.SUBMITTING, S.SUBMIT_UNKNOWN, SUBMIT_UNKNOWN_SENTENCE, detail, charged=False)


async def give_up(ctx: Context, job: Job, detail: str) -> None:
    """The bounded way out of any state after repeated unexpected errors: ended, and the member told."""
    if job.status == S.ACCEPTED:
        await end(
            ctx,
            job,
            S.ACCEPTED,
            S.REJECTED,
            GAVE_UP_BEFORE_START_SENTENCE,
            detail,
            charged=False,
            credits=0.0,
        )
    elif job.status == S.SUBMITTING:
        await unconfirmed(ctx, job, detail)
    elif job.status in (S.SUBMITTED, S.RUNNING, S.COMPLETED, S.DELIVERING):
        await end(ctx, job, job.status, S.FAILED, GAVE_UP_SENTENCE, detail, charged=False)
    elif job.status.terminal:
        log.error("%s giving up announcing it: %s", job.log_fields(), detail)
        await ctx.store.update(job.id, job.status, owner=ctx.owner, announced=True, next_poll_at=None)
