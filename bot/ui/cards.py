"""What a job looks like in Discord: its card (one message, edited through the job's life).

Prompts are user text: they only ever appear inside embeds (which never ping) and every message is sent
with mentions disabled, so `@everyone` in a prompt pings nobody. Every field is cut to Discord's limits.
"""

from __future__ import annotations

import time

import discord

from bot.jobs import Job, JobKind, JobStatus
from bot.jobs.limits import ordinal

S = JobStatus
NO_MENTIONS = discord.AllowedMentions.none()

PROMPT_SHOWN = 1000  # characters of the prompt shown on a card
_BAR_CELLS = 12

COLOR_ACTIVE = discord.Colour.blurple()
COLOR_DONE = discord.Colour.green()
COLOR_FAILED = discord.Colour.red()

_STATUS_TITLES = {
    S.ACCEPTED: "⏳ Queued",
    S.SUBMITTING: "⏳ Starting",
    S.SUBMITTED: "⏳ Waiting for the video service",
    S.RUNNING: "🎬 Generating",
    S.COMPLETED: "📦 Finishing",
    S.DELIVERING: "📦 Posting the clip",
    S.DELIVERED: "✅ Your video",
    S.REJECTED: "⚠️ Not started",
    S.SUBMIT_UNKNOWN: "⚠️ Unconfirmed",
    S.FAILED: "❌ Failed",
    S.CANCELLED: "🛑 Cancelled",
    S.TIMED_OUT: "⌛ Timed out",
}


def title_of(status: JobStatus) -> str:
    """The start of a card's title in this status (a kind suffix may follow)."""
    return _STATUS_TITLES[status]


def shorten(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def progress_bar(percent: int | None) -> str:
    p = max(0, min(100, percent or 0))
    filled = round(p * _BAR_CELLS / 100)
    return "█" * filled + "░" * (_BAR_CELLS - filled) + f" {p}%"


def _describe_refs(job: Job) -> str:
    parts = []
    if job.images:
        n = len(job.images)
        parts.append(f"{n} image{'s' if n != 1 else ''}")
    if job.videos:
        parts.append("1 video")
    return ", ".join(parts) or "none"


_KIND_SUFFIX = {
    JobKind.EXTEND: " (extend)",
    JobKind.REMIX: " (remix)",
    JobKind.RETRY: " (retry)",
    JobKind.ANIMATE: "",
    JobKind.VIDEO: "",
}
_CREDIT_VERB = {
    JobKind.EXTEND: "Continues",
    JobKind.REMIX: "Remixed from",
    JobKind.RETRY: "Retried from",
    JobKind.ANIMATE: "Animated from",
    JobKind.VIDEO: "Based on",
}


def card_embed(
    job: Job,
    *,
    now: float | None = None,
    link: str | None = None,
    queue_position: int | None = None,
    line_position: int | None = None,
    waiting_reason: str | None = None,
) -> discord.Embed:
    now = time.time() if now is None else now
    title = _STATUS_TITLES[job.status] + _KIND_SUFFIX[job.kind]
    colour = (
        COLOR_DONE if job.status == S.DELIVERED else COLOR_FAILED if job.status.terminal else COLOR_ACTIVE
    )
    prompt = shorten(job.prompt, PROMPT_SHOWN) if job.prompt else "*(no prompt: references only)*"
    embed = discord.Embed(title=title, description=prompt, colour=colour)
    embed.add_field(name="Asked by", value=f"<@{job.user_id}>", inline=True)
    embed.add_field(name="Aspect ratio", value=job.aspect_ratio, inline=True)
    embed.add_field(name="References", value=_describe_refs(job), inline=True)
    if job.credit_user_id is not None and job.credit_user_id != job.user_id:
        what = "message" if job.kind == JobKind.ANIMATE else "clip"
        source = f" (job #{job.source_job_id})" if job.source_job_id else ""
        embed.add_field(
            name="Credit",
            value=f"{_CREDIT_VERB[job.kind]} <@{job.credit_user_id}>'s {what}{source}",
            inline=False,
        )
    if job.status == S.ACCEPTED and queue_position is not None:
        # While submits are paused the line waits for that (the "Waiting" field says why), not for a slot.
        why = "" if waiting_reason else ", waiting for a free slot"
        embed.add_field(name="Queue", value=f"Place {queue_position} in line{why}", inline=False)
    if job.status == S.ACCEPTED and line_position is not None:
        embed.add_field(
            name="Queue",
            value=f"{ordinal(line_position)} in your line — starts when one of yours finishes",
            inline=False,
        )
    if job.status == S.ACCEPTED and waiting_reason:
        embed.add_field(name="Waiting", value=shorten(waiting_reason, 1024), inline=False)
    if job.status in (S.SUBMITTED, S.RUNNING):
        embed.add_field(name="Progress", value=progress_bar(job.progress), inline=False)
        eta = _eta(job, now)
        if eta is not None:
            embed.add_field(name="Ready", value=f"<t:{int(eta)}:R> (estimate)", inline=True)
    if job.status.terminal and job.status != S.DELIVERED and job.error:
        embed.add_field(name="What happened", value=shorten(job.error, 1024), inline=False)
    if link is not None:
        expiry = f" (link expires <t:{int(job.video_expires_at)}:R>)" if job.video_expires_at else ""
        embed.add_field(
            name="Download",
            value=shorten(f"The clip is too large to upload here: [download it]({link}){expiry}", 1024),
            inline=False,
        )
    footer = f"Job #{job.id}"
    if job.parent_job_id is not None:
        footer += f" · continues job #{job.parent_job_id}"
    embed.set_footer(text=footer)
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
    if job.status == S.DELIVERED:
        return f"<@{job.user_id}> your video is ready (job #{job.id})."
    return (
        f"<@{job.user_id}> your video job #{job.id} ended: {shorten(job.error or 'it did not finish.', 1500)}"
    )


def only_user(user_id: int) -> discord.AllowedMentions:
    return discord.AllowedMentions(
        everyone=False, roles=False, replied_user=False, users=[discord.Object(user_id)]
    )
