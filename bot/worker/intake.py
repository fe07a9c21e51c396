"""A new job's first moments: admitted under this worker's claim, its card posted, then handed to the loop.

The row is written (claimed, and already due) before the card is posted; the card carries a nonce derived
from the job, so if this process dies in between, the worker that takes the lapsed claim over posts the
card again and Discord returns the same message — or, past Discord's nonce memory, the earlier card is found
in the channel. A card that cannot be posted, whatever the reason, releases the admission.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.i18n import Msg
from bot.jobs import Job, JobStatus, NewJob
from bot.jobs.limits import Limits, Refusal
from bot.jobs.sentences import ending_fields
from bot.store import StoreUnavailable
from bot.worker.context import Context
from bot.worker.ports import GiveUp, RetryLater

log = logging.getLogger("bot.worker.intake")

S = JobStatus
CARD_FAILED_SENTENCE = Msg("ending-card-failed")


class CardRefused(Exception):
    """The job's card could not be posted; the admission was released. Carries the member's sentence."""

    def __init__(self, sentence: Msg) -> None:
        super().__init__(sentence.render())
        self.sentence = sentence


async def admit(ctx: Context, new: NewJob, limits: Limits, *, locale: str | None = None) -> Job | Refusal:
    """Admit under this worker's claim. `locale`: what its public card and ping are shown in, stored with
    the job in the same insert."""
    if new.upload_limit is None and new.guild_id is not None and not new.private:
        # Known here (the command came through this process's shard of the guild), maybe not where the job
        # is delivered: any process may claim it.
        new = replace(new, upload_limit=ctx.presenter.guild_upload_limit(new.guild_id))
    if locale is not None:
        new = replace(new, locale=locale)
    return await ctx.store.admit(
        new, limits=limits, now=ctx.clock(), credits=ctx.settings.credits_per_job, owner=ctx.owner,
        lease=ctx.lease,
    )  # fmt: skip


async def post_card(ctx: Context, job: Job, *, refused_sentence: Msg, resumed: bool = False) -> Job:
    """Post (or find) the card of an ACCEPTED job we hold; store its id. Raises CardRefused (admission
    released, nothing charged) or RetryLater (the job stays admitted; the loop posts it later)."""
    nonce = ctx.nonce(job.id, "card")
    try:
        card_id = await ctx.presenter.post_card(job, nonce=nonce, resumed=resumed)
    except RetryLater:
        raise
    except GiveUp as exc:
        await _release(ctx, job, refused_sentence, f"card refused: {exc}")
        raise CardRefused(refused_sentence) from exc
    except Exception as exc:
        log.exception("%s card could not be posted", job.log_fields())
        await _release(ctx, job, CARD_FAILED_SENTENCE, f"card: {type(exc).__name__}: {exc}")
        raise CardRefused(CARD_FAILED_SENTENCE) from exc
    try:
        moved = await ctx.store.update(
            job.id, S.ACCEPTED, owner=ctx.owner, card_message_id=card_id, card_nonce=str(nonce),
            next_poll_at=ctx.clock(),
        )  # fmt: skip
    except StoreUnavailable as exc:
        # The card is posted and the job admitted; whoever works it next finds the card by its nonce.
        log.warning("%s card posted, its id not stored (%s): the loop will find it", job.log_fields(), exc)
        return replace(job, card_message_id=card_id)
    return moved or job


async def _release(ctx: Context, job: Job, sentence: Msg, detail: str) -> None:
    """No card, no job: the admission is given back (nothing counts) and nobody needs telling in a channel."""
    moved = await ctx.store.transition(
        job.id, S.ACCEPTED, S.REJECTED, owner=ctx.owner, **ending_fields(sentence), last_error=detail[:500],
        announced=True, charged=False, credits=0.0, next_poll_at=None, finished_at=ctx.clock(),
    )  # fmt: skip
    if moved:
        log.warning("%s accepted -> rejected: %s", job.log_fields(), detail)
