"""Submit: give the job's references URLs the API can fetch, take an API slot, POST once.

A POST whose outcome is unknown (timeout, 5xx, connection cut after sending) is never re-sent: the job ends
`submit_unknown` and its member is told. Only a POST that certainly created nothing (429, connection refused,
a 400 about a dead reference link) goes back to the queue. Each body carries an idempotency key stored on the
job before the POST; the key changes whenever the body does.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace
from functools import partial

from bot import apimart
from bot.i18n import Msg
from bot.jobs import Job, JobStatus
from bot.jobs.learning import job_kind
from bot.jobs.schedule import plan_first_poll
from bot.store import StoreUnavailable
from bot.worker.api_sentences import refusal_sentence
from bot.worker.context import Context
from bot.worker.finish import end, unconfirmed
from bot.worker.ports import GiveUp

log = logging.getLogger("bot.worker.submit")

S = JobStatus
# A reference clip whose Discord link expired goes inline (data: URI, built at submit time) up to this size.
VIDEO_INLINE_MAX_BYTES = 8 * 1024 * 1024
UPLOAD_URL_LIFETIME = 72 * 3600.0


def permanent_error_sentence(exc: apimart.ApiError) -> Msg | None:
    """The sentence for an API error that retrying cannot fix, or None when it is transient."""
    if isinstance(exc, apimart.AuthError):
        return Msg("rejected-key-refused")
    if isinstance(exc, apimart.PaymentRequired):
        return Msg("rejected-out-of-credit")
    if isinstance(exc, apimart.PermissionDenied):
        return Msg("rejected-model-not-allowed")
    if isinstance(exc, apimart.TaskNotFound):
        return Msg("rejected-parent-unknown")
    if isinstance(exc, apimart.TooLarge):
        return Msg("rejected-reference-too-large")
    if isinstance(exc, apimart.BadRequest):
        return refusal_sentence(exc)  # never the API's own text: that goes to the log and `last_error`
    return None


async def _reference_urls(ctx: Context, job: Job) -> tuple[list[str], list[str]]:
    """URLs the API can fetch now for every kept reference: images whose upload URL is missing or about to
    expire are uploaded again (the new URL is stored, with a new idempotency key: the body changed); a clip
    whose Discord link expired goes inline, built here from the kept file and never stored in the row."""
    now = ctx.clock()
    refs = list(job.refs)
    changed = False
    images: list[str] = []
    videos: list[str] = []
    for i, ref in enumerate(refs):
        fresh = ref.url and (ref.url_expires_at is None or ref.url_expires_at > now + 600)
        if fresh:
            (images if ref.kind == "image" else videos).append(str(ref.url))
            continue
        path = ctx.settings.data_dir / ref.path
        if not path.is_file():
            raise GiveUp(Msg("rejected-reference-gone", filename=ref.filename))
        if ref.kind == "video":
            if ref.size > VIDEO_INLINE_MAX_BYTES:
                raise GiveUp(Msg("rejected-reference-link-expired", filename=ref.filename))
            data = await asyncio.to_thread(path.read_bytes)
            videos.append(f"data:{ref.content_type};base64,{base64.b64encode(data).decode()}")
            continue
        data = await asyncio.to_thread(path.read_bytes)
        upload = partial(ctx.api.upload_image, data, filename=ref.filename, content_type=ref.content_type)
        url = await ctx.gate.call(upload)
        refs[i] = replace(ref, url=url, url_expires_at=now + UPLOAD_URL_LIFETIME)
        images.append(url)
        changed = True
    if changed:
        await ctx.store.update(job.id, S.ACCEPTED, owner=ctx.owner, refs=refs, idempotency_key=None)
    return images, videos


async def reject(ctx: Context, job: Job, sentence: Msg, detail: str, status: JobStatus = S.ACCEPTED) -> None:
    await end(ctx, job, status, S.REJECTED, sentence, detail, charged=False, credits=0.0)


async def _wait(ctx: Context, job: Job, exc: apimart.ApiError) -> None:
    """The API refuses the key or has no credit: the job waits in the queue (its card says why)."""
    await ctx.gate.pause_submits(exc)
    await ctx.store.update(job.id, S.ACCEPTED, owner=ctx.owner, last_error=str(exc)[:500])
    await _park_while_paused(ctx, job)


async def _park_while_paused(ctx: Context, job: Job) -> None:
    """Submits are paused (401/402): the job waits in line, in order; the loop unparks it on resume."""
    parked = await ctx.store.park(job.id, owner=ctx.owner)
    if parked is not None:
        await ctx.progress(parked)  # the card says why it waits


async def submit(ctx: Context, job: Job) -> None:
    if await ctx.gate.submits_paused():
        await _park_while_paused(ctx, job)
        return
    try:
        images, videos = await _reference_urls(ctx, job)
    except GiveUp as exc:
        await reject(ctx, job, exc.user_message, str(exc))
        return
    except apimart.ApiError as exc:
        if isinstance(exc, apimart.AuthError | apimart.PaymentRequired):
            await _wait(ctx, job, exc)
            return
        sentence = permanent_error_sentence(exc)
        if sentence is not None:
            await reject(ctx, job, sentence, str(exc))
            return
        attempts = job.attempts + 1
        await ctx.store.update(
            job.id, S.ACCEPTED, owner=ctx.owner, attempts=attempts, last_error=str(exc)[:500],
            next_poll_at=ctx.backoff(attempts),
        )  # fmt: skip
        return
    if ctx.draining:
        # Shutting down: no new POST. The next process picks it up at once.
        await ctx.store.update(job.id, S.ACCEPTED, owner=ctx.owner, next_poll_at=ctx.clock())
        return
    moving = await ctx.store.claim_slot(
        job.id, ctx.settings.max_concurrent_jobs, owner=ctx.owner, key=uuid.uuid4().hex
    )
    if moving is None:
        parked = await ctx.store.park(job.id, owner=ctx.owner)
        if parked is not None:
            if not job.queued:
                log.info("%s waits in the queue for a free slot", job.log_fields())
            await ctx.progress(parked)
        return
    await _post(ctx, moving, images, videos)


async def _post(ctx: Context, job: Job, images: list[str], videos: list[str]) -> None:
    log.info("%s accepted -> submitting", job.log_fields())
    try:
        task_id = await ctx.gate.call(
            lambda: ctx.api.submit(
                prompt=job.prompt or None,
                image_urls=images,
                video_urls=videos,
                aspect_ratio=job.aspect_ratio,
                extend_from_task_id=job.parent_task_id,
                webhook=ctx.webhook_url,
                idempotency_key=job.idempotency_key,
            )
        )
    except asyncio.CancelledError:
        # Our own shutdown cut the POST short: the outcome is unknown; say so truthfully after the restart.
        await asyncio.shield(ctx.store.update(job.id, S.SUBMITTING, owner=ctx.owner, interrupted=True))
        raise
    except apimart.SubmitOutcomeUnknown as exc:
        await unconfirmed(ctx, job, str(exc))
        return
    except apimart.ApiError as exc:
        await _refused(ctx, job, exc)
        return
    await _submitted(ctx, job, task_id)


async def _refused(ctx: Context, job: Job, exc: apimart.ApiError) -> None:
    """The API answered the POST with an error: nothing was created."""
    back = {"owner": ctx.owner, "last_error": str(exc)[:500]}
    if isinstance(exc, apimart.AuthError | apimart.PaymentRequired):
        await ctx.gate.pause_submits(exc)
        # Back in line, parked (no due time) until a balance probe resumes submits.
        moved = await ctx.store.transition(
            job.id, S.SUBMITTING, S.ACCEPTED, queued=True, next_poll_at=None, **back
        )
        if moved:
            log.info("%s submitting -> accepted (API refused: %s)", moved.log_fields(), type(exc).__name__)
            await ctx.progress(moved)
        return
    text = exc.message.lower() if isinstance(exc, apimart.BadRequest) else ""
    if (
        job.refs
        and job.id not in ctx.refreshed
        and any(w in text for w in ("download", "fetch", "url", "unreachable"))
    ):
        # The API could not fetch a reference (its link died early): upload the kept files again and send
        # once more. A 400 created nothing, so this cannot bill twice.
        ctx.refreshed.add(job.id)
        stale = [replace(r, url=None, url_expires_at=None) for r in job.refs]
        moved = await ctx.store.transition(
            job.id,
            S.SUBMITTING,
            S.ACCEPTED,
            refs=stale,
            idempotency_key=None,
            next_poll_at=ctx.clock(),
            **back,
        )
        if moved:
            log.info("%s submitting -> accepted (reference links refused: uploading again)", job.log_fields())
        return
    sentence = permanent_error_sentence(exc)
    if sentence is not None:
        await reject(ctx, job, sentence, str(exc), status=S.SUBMITTING)
        return
    # Certainly not created (429, connection refused before sending): safe to send again later.
    attempts = job.attempts + 1
    moved = await ctx.store.transition(
        job.id, S.SUBMITTING, S.ACCEPTED, attempts=attempts, next_poll_at=ctx.backoff(attempts), **back
    )
    if moved:
        log.info("%s submitting -> accepted (will retry: %s)", moved.log_fields(), type(exc).__name__)


STORE_RETRY_SECONDS = 30.0  # how long the task id the API returned is kept trying while the database is out


async def _store_task_id(
    ctx: Context, job: Job, task_id: str, write: Callable[[], Awaitable[Job | None]]
) -> Job | None:
    """Store the task id the API just returned. It exists only in memory until then, so a database that is
    out for a moment (PostgreSQL restarting, the network cut) is waited for instead of leaving the job
    "unconfirmed"; a write that committed although its answer was lost is recognised by the stored id."""
    delay, waited = 0.5, 0.0
    while True:
        try:
            moved = await write()
        except StoreUnavailable as exc:
            if waited >= STORE_RETRY_SECONDS:
                raise
            log.warning("%s task %s not stored yet (%s): trying again", job.log_fields(), task_id, exc)
            await asyncio.sleep(delay)
            waited += delay
            delay = min(delay * 2, 5.0)
            continue
        if moved is None and waited:
            fresh = await ctx.store.get(job.id)
            if fresh is not None and fresh.task_id == task_id and fresh.status == S.SUBMITTED:
                return fresh  # the earlier attempt committed; only its answer was lost
        return moved


async def _submitted(ctx: Context, job: Job, task_id: str) -> None:
    now = ctx.clock()
    first = plan_first_poll(
        prior=ctx.planner.prior(job_kind(job)),
        first_delay=ctx.settings.poll_first_delay,
        min_interval=ctx.settings.poll_min_interval,
        max_interval=ctx.settings.poll_max_interval,
        push_enabled=ctx.push,
    )
    moved = await _store_task_id(
        ctx, job, task_id,
        lambda: ctx.store.transition(
            job.id, S.SUBMITTING, S.SUBMITTED, owner=ctx.owner, task_id=task_id, submitted_at=now,
            deadline_at=now + ctx.settings.job_deadline_seconds,
            next_poll_at=now + max(ctx.settings.poll_min_interval, first), attempts=0, last_error=None,
        ),
    )  # fmt: skip
    await ctx.gate.key_works()
    if moved:
        log.info("%s submitting -> submitted", moved.log_fields())
        moved = await _called_back_early(ctx, moved, task_id)
        await ctx.progress(moved)
        return
    # Cancelled while the POST was in flight: keep the task id on the ended job (it may still be billed).
    await ctx.store.update(job.id, S.CANCELLED, task_id=task_id, submitted_at=now)
    log.info("%s cancelled while submitting; task %s recorded", job.log_fields(), task_id)


async def _called_back_early(ctx: Context, job: Job, task_id: str) -> Job:
    """The API called back for this task before its id was stored here (a very fast task, or a callback
    that reached another process): poll it now, as the callback's poke would have. Like every callback,
    only a reason to ask the API; the poll decides. Looked for after the id is stored (see Worker.poke)."""
    if not ctx.push:
        return job  # no webhook was sent with the submit: nothing calls back
    try:
        if not await ctx.store.take_early_callback(task_id, now=ctx.clock()):
            return job
        due = await ctx.store.update(job.id, S.SUBMITTED, owner=ctx.owner, next_poll_at=ctx.clock())
    except StoreUnavailable as exc:  # only a hint: the planned (safety-net) poll finds the clip
        log.warning("%s early callback for task %s not acted on (%s)", job.log_fields(), task_id, exc)
        return job
    if due is None:
        return job
    ctx.called_back.add(job.id)  # one quick follow-up if the poll still says running, as after a poke
    log.info("%s task %s called back before its id was stored: polling now", due.log_fields(), task_id)
    return due
