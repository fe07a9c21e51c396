"""What a job looks like in Discord: its card (one message, edited through the job's life).

Prompts are user text: they only ever appear inside embeds (which never ping) and every message is sent
with mentions disabled, so `@everyone` in a prompt pings nobody. Every field is cut to Discord's limits.
"""

from __future__ import annotations

import time

import discord

from bot.i18n import Msg, render, text
from bot.jobs import Job, JobKind, JobStatus
from bot.jobs.limits import when
from bot.jobs.sentences import ending_of

S = JobStatus
NO_MENTIONS = discord.AllowedMentions.none()

PROMPT_SHOWN = 1000  # characters of the prompt shown on a card
_BAR_CELLS = 12

COLOR_ACTIVE = discord.Colour.blurple()
COLOR_DONE = discord.Colour.green()
COLOR_FAILED = discord.Colour.red()


def title_of(status: JobStatus, locale: object = None) -> str:
    """The start of a card's title in this status (a kind suffix may follow)."""
    return text(locale, f"card-status-{status.value.replace('_', '-')}")


def shorten(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def progress_bar(percent: int | None, locale: object = None) -> str:
    p = max(0, min(100, percent or 0))
    filled = round(p * _BAR_CELLS / 100)
    return "█" * filled + "░" * (_BAR_CELLS - filled) + " " + text(locale, "card-percent", percent=p)


def _describe_refs(job: Job, locale: object) -> str:
    parts = []
    if job.images:
        parts.append(text(locale, "card-refs-images", count=len(job.images)))
    if job.videos:
        parts.append(text(locale, "card-refs-videos", count=len(job.videos)))
    if not parts:
        return text(locale, "card-refs-none")
    return parts[0] if len(parts) == 1 else text(locale, "list-comma", first=parts[0], next=parts[1])


def card_title(job: Job, locale: object) -> str:
    title = title_of(job.status, locale)
    if job.kind in (JobKind.EXTEND, JobKind.REMIX, JobKind.RETRY):
        title = text(locale, "card-title-with-kind", title=title, kind=Msg(f"card-kind-{job.kind.value}"))
    return title


def footer_of(job_id: int, locale: object) -> str:
    """The start of a card's footer, by which the bot finds its own card again."""
    return text(locale, "card-footer", job=job_id)


def card_embed(
    job: Job,
    *,
    now: float | None = None,
    link: str | None = None,
    queue_position: int | None = None,
    line_position: int | None = None,
    waiting_reason: Msg | None = None,
    locale: object = None,
) -> discord.Embed:
    """The card in the job's own locale (the server's at admission) unless another is asked for."""
    loc = locale if locale is not None else job.locale
    now = time.time() if now is None else now
    colour = (
        COLOR_DONE if job.status == S.DELIVERED else COLOR_FAILED if job.status.terminal else COLOR_ACTIVE
    )
    prompt = shorten(job.prompt, PROMPT_SHOWN) if job.prompt else text(loc, "card-no-prompt")
    embed = discord.Embed(title=shorten(card_title(job, loc), 256), description=prompt, colour=colour)
    embed.add_field(name=text(loc, "card-asked-by"), value=f"<@{job.user_id}>", inline=True)
    embed.add_field(name=text(loc, "card-aspect-ratio"), value=job.aspect_ratio, inline=True)
    embed.add_field(name=text(loc, "card-references"), value=_describe_refs(job, loc), inline=True)
    if job.credit_user_id is not None and job.credit_user_id != job.user_id:
        credit = text(
            loc,
            "card-credit-from-job" if job.source_job_id else "card-credit",
            kind=job.kind.value,
            user=job.credit_user_id,
            source_job=job.source_job_id or 0,
        )
        embed.add_field(name=text(loc, "card-credit-title"), value=shorten(credit, 1024), inline=False)
    if job.status == S.ACCEPTED and queue_position is not None:
        # While submits are paused the line waits for that (the "Waiting" field says why), not for a slot.
        key = "card-queue-place" if waiting_reason else "card-queue-place-slot"
        embed.add_field(
            name=text(loc, "card-queue"), value=text(loc, key, place=queue_position), inline=False
        )
    if job.status == S.ACCEPTED and line_position is not None:
        embed.add_field(
            name=text(loc, "card-queue"),
            value=text(loc, "card-line-place", place=line_position),
            inline=False,
        )
    if job.status == S.ACCEPTED and waiting_reason:
        embed.add_field(
            name=text(loc, "card-waiting"), value=shorten(waiting_reason.render(loc), 1024), inline=False
        )
    if job.status in (S.SUBMITTED, S.RUNNING):
        embed.add_field(name=text(loc, "card-progress"), value=progress_bar(job.progress, loc), inline=False)
        eta = _eta(job, now)
        if eta is not None:
            embed.add_field(
                name=text(loc, "card-ready"), value=text(loc, "card-eta", when=when(eta)), inline=True
            )
    ending = ending_of(job)
    if job.status.terminal and job.status != S.DELIVERED and ending:
        embed.add_field(
            name=text(loc, "card-what-happened"), value=shorten(render(ending, loc), 1024), inline=False
        )
    if link is not None:
        key = "card-download-expires" if job.video_expires_at else "card-download"
        value = text(loc, key, link=link, when=when(job.video_expires_at or 0))
        embed.add_field(name=text(loc, "card-download-title"), value=shorten(value, 1024), inline=False)
    footer = footer_of(job.id, loc)
    if job.parent_job_id is not None:
        footer = text(loc, "card-footer-continues", footer=footer, parent=job.parent_job_id)
    embed.set_footer(text=shorten(footer, 2048))
    return embed


def _eta(job: Job, now: float) -> float | None:
    if job.submitted_at is None:
        return None
    if job.progress_log and len(job.progress_log) >= 2:
        (t0, p0), (t1, p1) = job.progress_log[0], job.progress_log[-1]
        if p1 > p0 and t1 > t0 and p1 < 100:
            return max(now, t1 + (100 - p1) * (t1 - t0) / (p1 - p0))
    if job.estimated_time:
        return max(now, job.submitted_at + job.estimated_time)
    return None


def ping_text(job: Job) -> str:
    """The reply that pings the requester, in the job's locale (the one its card is shown in)."""
    if job.status == S.DELIVERED:
        return text(job.locale, "ping-ready", user=job.user_id, job=job.id)
    ending = ending_of(job)
    why = shorten(render(ending, job.locale), 1500) if ending else text(job.locale, "ping-no-reason")
    return text(job.locale, "ping-ended", user=job.user_id, job=job.id, why=why)


def only_user(user_id: int) -> discord.AllowedMentions:
    return discord.AllowedMentions(
        everyone=False, roles=False, replied_user=False, users=[discord.Object(user_id)]
    )
