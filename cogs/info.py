"""`/quota`, `/jobs` and `/help`: what a member may do right now and what they have made (all ephemeral)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.i18n import Msg, text
from bot.jobs import Job, JobKind, JobStatus
from bot.jobs.limits import Limits, Usage, next_reset, when
from bot.media.references import MAX_IMAGES
from bot.ui.cards import NO_MENTIONS, shorten
from bot.ui.replies import member_locale, reply
from cogs.common import access_refusal

if TYPE_CHECKING:
    from bot.ui.bot import VideoBot

S = JobStatus
JOBS_SHOWN = 10
PROMPT_SHOWN = 60
DESCRIPTION_MAX = 4096
COLOUR = discord.Colour.blurple()
NO_JOBS = Msg("jobs-none")


# ---- the limit summary (shared by /quota and /help) ---------------------------------------------------


def limit_fields(
    limits: Limits, usage: Usage, now: float, *, in_guild: bool, locale: object = None
) -> list[tuple[str, str]]:
    """The caller's allowance right now, as (name, value) embed fields."""
    reset = text(locale, "quota-resets", when=when(next_reset(now)))
    fields = [
        (text(locale, "quota-user-today"), _count(usage.user_today, limits.user_daily, reset, locale)),
        (text(locale, "quota-user-active"), _count(usage.user_active, limits.user_concurrent, None, locale)),
        (text(locale, "quota-cooldown"), _cooldown(limits, usage, now, locale)),
    ]
    if in_guild:
        fields.append(
            (text(locale, "quota-guild-today"), _count(usage.guild_today, limits.guild_daily, reset, locale))
        )
    fields.append((text(locale, "quota-budget"), _budget(limits, usage, reset, locale)))
    return fields


def _count(used: int, limit: int, reset: str | None, locale: object) -> str:
    if not limit:
        return text(locale, "quota-count-unlimited", used=used)
    shown = text(locale, "quota-count", used=used, limit=limit, left=max(0, limit - used))
    return text(locale, "quota-with-reset", text=shown, reset=reset) if reset else shown


def _cooldown(limits: Limits, usage: Usage, now: float, locale: object) -> str:
    if not limits.cooldown_seconds:
        return text(locale, "quota-cooldown-none")
    if usage.last_request_at is not None:
        ready = usage.last_request_at + limits.cooldown_seconds
        if ready > now:
            return text(locale, "quota-cooldown-wait", seconds=limits.cooldown_seconds, when=when(ready))
    return text(locale, "quota-cooldown-ready", seconds=limits.cooldown_seconds)


def _budget(limits: Limits, usage: Usage, reset: str, locale: object) -> str:
    used = round(usage.credits_today, 1)
    if not limits.daily_credit_budget:
        return text(locale, "quota-budget-none", used=used)
    left = max(0.0, limits.daily_credit_budget - usage.credits_today)
    videos = int(left // limits.credits_per_job) if limits.credits_per_job else 0
    shown = text(
        locale,
        "quota-budget-left",
        used=used,
        budget=limits.daily_credit_budget,
        left=round(left, 1),
        videos=videos,
    )
    return text(locale, "quota-with-reset", text=shown, reset=reset)


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
    locale = member_locale(interaction)
    problem = await access_refusal(bot, interaction)
    if problem is not None:
        embed.add_field(
            name=text(locale, "quota-right-now"), value=shorten(problem.render(locale), 1024), inline=False
        )
    for name, value in limit_fields(limits, usage, now, in_guild=guild_id is not None, locale=locale):
        embed.add_field(name=name, value=value, inline=False)


# ---- /jobs ---------------------------------------------------------------------------------------------


def card_link(job: Job) -> str | None:
    """A jump link to the job's card, or None before it has one."""
    if job.card_message_id is None:
        return None
    where = "@me" if job.private or job.guild_id is None else str(job.guild_id)
    return f"https://discord.com/channels/{where}/{job.channel_id}/{job.card_message_id}"


def job_line(job: Job, locale: object = None) -> str:
    """One job in /jobs: number, status, age, card link, the start of the prompt."""
    status = text(locale, f"jobs-status-{job.status.value.replace('_', '-')}")
    parts = [f"**#{job.id}** {status}", when(job.created_at)]
    if job.kind != JobKind.VIDEO:
        parts.insert(1, text(locale, "jobs-kind", kind=Msg(f"kind-{job.kind.value}")))
    link = card_link(job)
    if link is not None:
        parts.append(text(locale, "jobs-card-link", link=link))
    line = " · ".join(parts)
    # Inline code shows the prompt as typed: no markdown, masked links or mentions can render from it.
    prompt = shorten(" ".join(job.prompt.split()), PROMPT_SHOWN).replace("`", "ˋ")
    return f"{line}\n`{prompt}`" if prompt else line


def jobs_embed(jobs: list[Job], locale: object = None) -> discord.Embed:
    lines: list[str] = []
    size = 0
    for job in jobs:
        line = job_line(job, locale)
        if size + len(line) + 1 > DESCRIPTION_MAX:
            break
        lines.append(line)
        size += len(line) + 1
    embed = discord.Embed(title=text(locale, "jobs-title"), description="\n".join(lines), colour=COLOUR)
    embed.set_footer(text=text(locale, "jobs-footer", count=len(lines)))
    return embed


def help_embed(locale: object) -> discord.Embed:
    """/help without the member's limits (added by the command)."""
    embed = discord.Embed(
        title=text(locale, "help-title"), description=text(locale, "help-about"), colour=COLOUR
    )
    # Commands and options are named as the member's own command picker names them (the catalog's cmd-* ids).
    images = {
        "first_image": Msg("cmd-video-opt-image-n", n=1),
        "last_image": Msg("cmd-video-opt-image-n", n=MAX_IMAGES),
    }
    for part in ("options", "buttons", "examples", "more"):
        embed.add_field(
            name=text(locale, f"help-{part}-title"),
            value=text(locale, f"help-{part}", **images),
            inline=False,
        )
    return embed


# ---- the cog -------------------------------------------------------------------------------------------


class InfoCog(commands.Cog):
    def __init__(self, bot: VideoBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="quota", description="How many videos you can still make, and when that resets"
    )
    async def quota(self, interaction: discord.Interaction[VideoBot]) -> None:
        embed = discord.Embed(title=text(member_locale(interaction), "quota-title"), colour=COLOUR)
        await add_limit_fields(self.bot, interaction, embed)
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="jobs", description="Your recent videos, with their status and a link to each")
    async def jobs(self, interaction: discord.Interaction[VideoBot]) -> None:
        jobs = await self.bot.store.recent_jobs(interaction.user.id, JOBS_SHOWN)
        if not jobs:
            await reply(interaction, NO_JOBS)
            return
        await interaction.response.send_message(
            embed=jobs_embed(jobs, member_locale(interaction)), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(name="help", description="What this bot does, how to use /video, and your limits")
    async def help(self, interaction: discord.Interaction[VideoBot]) -> None:
        embed = help_embed(member_locale(interaction))
        await add_limit_fields(self.bot, interaction, embed)
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def setup(bot: VideoBot) -> None:
    await bot.add_cog(InfoCog(bot))
