"""`/quota`, `/jobs` and `/help`: what a member may do right now and what they have made (all ephemeral)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.jobs import Job, JobKind, JobStatus
from bot.jobs.limits import Limits, Usage, next_reset, when
from bot.ui.cards import NO_MENTIONS, shorten
from bot.ui.replies import reply
from cogs.common import access_refusal

if TYPE_CHECKING:
    from bot.ui.bot import VideoBot

S = JobStatus
JOBS_SHOWN = 10
PROMPT_SHOWN = 60
DESCRIPTION_MAX = 4096
COLOUR = discord.Colour.blurple()
NO_JOBS = "You have no videos yet."

STATUS_LABELS: dict[JobStatus, str] = {
    S.ACCEPTED: "⏳ queued",
    S.SUBMITTING: "⏳ starting",
    S.SUBMITTED: "⏳ waiting for the video service",
    S.RUNNING: "🎬 generating",
    S.COMPLETED: "📦 finishing",
    S.DELIVERING: "📦 posting",
    S.DELIVERED: "✅ delivered",
    S.REJECTED: "⚠️ not started",
    S.SUBMIT_UNKNOWN: "⚠️ unconfirmed",
    S.FAILED: "❌ failed",
    S.CANCELLED: "🛑 cancelled",
    S.TIMED_OUT: "⌛ timed out",
}

HELP_ABOUT = (
    "I turn a prompt — and, if you like, reference images or a short clip — into a short AI video, "
    "posted in the channel with buttons to keep going. Every video costs real credits, so there are limits."
)
HELP_OPTIONS = (
    "`prompt` — what should happen (optional when you attach a reference)\n"
    "`image1` … `image16` — reference images (PNG, JPEG, WebP or GIF)\n"
    "`video` — a reference clip, 1–24 s (3 s or less works best)\n"
    "`aspect_ratio` — `16:9` landscape (default) or `9:16` portrait\n"
    "`private` — deliver the clip to your direct messages instead of the channel"
)
HELP_BUTTONS = (
    "**Extend** — continue the clip with what happens next\n"
    "**Remix** — a new take with a changed prompt\n"
    "**Retry** — the same request again\n"
    "**Delete** — remove the clip (the requester or a moderator)\n"
    "**Story** — a picture of how the clip came to be (also `/story job:`)\n"
    "**Full cut** — the whole path from the first clip to this one, as one clip\n"
    "**Cancel** — stop a video that is still in progress or waiting in your line\n"
    "Message menu **Apps → Animate with AI** — turn a message's images or clip into a video"
)
HELP_EXAMPLES = (
    "`/video prompt: a paper boat drifting down a rainy street, cinematic`\n"
    "`/video prompt: she waves at the camera image1: (your photo) aspect_ratio: 9:16`\n"
    "`/video video: (a 3 s clip) prompt: the camera flies up into the clouds private: True`"
)
HELP_MORE = (
    "`/quota` — your allowance · `/jobs` — your recent videos · `/videoadmin` — server settings\n"
    "Over your limit of videos in progress? A few more wait in your own line and start as yours finish."
)


# ---- the limit summary (shared by /quota and /help) ---------------------------------------------------


def limit_fields(limits: Limits, usage: Usage, now: float, *, in_guild: bool) -> list[tuple[str, str]]:
    """The caller's allowance right now, as (name, value) embed fields."""
    reset = f"resets {when(next_reset(now))}"
    fields = [
        ("Your videos today", _count(usage.user_today, limits.user_daily, reset)),
        ("Your videos in progress", _count(usage.user_active, limits.user_concurrent, None)),
        ("Cooldown", _cooldown(limits, usage, now)),
    ]
    if in_guild:
        fields.append(("This server's videos today", _count(usage.guild_today, limits.guild_daily, reset)))
    fields.append(("Bot-wide credit budget today", _budget(limits, usage, reset)))
    return fields


def _count(used: int, limit: int, reset: str | None) -> str:
    if not limit:
        return f"{used} (no limit)"
    text = f"{used} of {limit} used, {max(0, limit - used)} left"
    return f"{text} · {reset}" if reset else text


def _cooldown(limits: Limits, usage: Usage, now: float) -> str:
    if not limits.cooldown_seconds:
        return "None"
    gap = f"{limits.cooldown_seconds:g} s between videos"
    if usage.last_request_at is not None:
        ready = usage.last_request_at + limits.cooldown_seconds
        if ready > now:
            return f"{gap}; your next one can start {when(ready)}"
    return f"{gap}; you can start one now"


def _budget(limits: Limits, usage: Usage, reset: str) -> str:
    used = usage.credits_today
    if not limits.daily_credit_budget:
        return f"{used:.1f} credits used (no budget)"
    left = max(0.0, limits.daily_credit_budget - used)
    videos = int(left // limits.credits_per_job) if limits.credits_per_job else 0
    return (
        f"{used:.1f} of {limits.daily_credit_budget:g} credits used, {left:.1f} left "
        f"(about {videos} videos) · {reset}"
    )


async def add_limit_fields(
    bot: VideoBot, interaction: discord.Interaction[Any], embed: discord.Embed
) -> None:
    """Read the caller's limits (server overrides applied) and usage, and add them to `embed`."""
    guild_id = interaction.guild_id
    limits = bot.settings.limits
    if guild_id is not None:
        limits = (await bot.store.guild_config(guild_id)).apply(limits)
    now = bot.clock()
    usage = await bot.store.usage(interaction.user.id, guild_id, now)
    problem = await access_refusal(bot, interaction)
    if problem is not None:
        embed.add_field(name="Right now", value=shorten(problem, 1024), inline=False)
    for name, value in limit_fields(limits, usage, now, in_guild=guild_id is not None):
        embed.add_field(name=name, value=value, inline=False)


# ---- /jobs ---------------------------------------------------------------------------------------------


def card_link(job: Job) -> str | None:
    """A jump link to the job's card, or None before it has one."""
    if job.card_message_id is None:
        return None
    where = "@me" if job.private or job.guild_id is None else str(job.guild_id)
    return f"https://discord.com/channels/{where}/{job.channel_id}/{job.card_message_id}"


def job_line(job: Job) -> str:
    """One job in /jobs: number, status, age, card link, the start of the prompt."""
    parts = [f"**#{job.id}** {STATUS_LABELS.get(job.status, str(job.status))}", when(job.created_at)]
    if job.kind != JobKind.VIDEO:
        parts.insert(1, f"({job.kind})")
    link = card_link(job)
    if link is not None:
        parts.append(f"[card]({link})")
    line = " · ".join(parts)
    # Inline code shows the prompt as typed: no markdown, masked links or mentions can render from it.
    prompt = shorten(" ".join(job.prompt.split()), PROMPT_SHOWN).replace("`", "ˋ")
    return f"{line}\n`{prompt}`" if prompt else line


def jobs_embed(jobs: list[Job]) -> discord.Embed:
    lines: list[str] = []
    size = 0
    for job in jobs:
        line = job_line(job)
        if size + len(line) + 1 > DESCRIPTION_MAX:
            break
        lines.append(line)
        size += len(line) + 1
    embed = discord.Embed(title="Your recent videos", description="\n".join(lines), colour=COLOUR)
    embed.set_footer(text=f"Your {len(lines)} most recent jobs, newest first")
    return embed


# ---- the cog -------------------------------------------------------------------------------------------


class InfoCog(commands.Cog):
    def __init__(self, bot: VideoBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="quota", description="How many videos you can still make, and when that resets"
    )
    async def quota(self, interaction: discord.Interaction[VideoBot]) -> None:
        embed = discord.Embed(title="Your video allowance", colour=COLOUR)
        await add_limit_fields(self.bot, interaction, embed)
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="jobs", description="Your recent videos, with their status and a link to each")
    async def jobs(self, interaction: discord.Interaction[VideoBot]) -> None:
        jobs = await self.bot.store.recent_jobs(interaction.user.id, JOBS_SHOWN)
        if not jobs:
            await reply(interaction, NO_JOBS)
            return
        await interaction.response.send_message(
            embed=jobs_embed(jobs), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(name="help", description="What this bot does, how to use /video, and your limits")
    async def help(self, interaction: discord.Interaction[VideoBot]) -> None:
        embed = discord.Embed(title="Making videos", description=HELP_ABOUT, colour=COLOUR)
        embed.add_field(name="/video options", value=HELP_OPTIONS, inline=False)
        embed.add_field(name="On a clip", value=HELP_BUTTONS, inline=False)
        embed.add_field(name="Examples", value=HELP_EXAMPLES, inline=False)
        embed.add_field(name="More commands", value=HELP_MORE, inline=False)
        await add_limit_fields(self.bot, interaction, embed)
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def setup(bot: VideoBot) -> None:
    await bot.add_cog(InfoCog(bot))
