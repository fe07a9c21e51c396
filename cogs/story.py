"""`/story job:` and the Story button: a clip's storyboard (one PNG) with a caption linking each segment.

The picture is the answer; the caption lists the segments in the picture's order with a link to each card.
Everything is ephemeral and sent with mentions disabled (names are display names, never pings).
"""

from __future__ import annotations

import asyncio
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.i18n import Msg, text
from bot.jobs import Job, JobStatus
from bot.media import storyboard
from bot.media.kept import kept_clip_path
from bot.media.video import clip_frame
from bot.store import LineageTree, tree_parent
from bot.ui.cards import NO_MENTIONS, shorten
from bot.ui.replies import member_locale, reply

if TYPE_CHECKING:
    from bot.ui.bot import VideoBot

S = JobStatus
CONTENT_MAX = 2000
NAME_SHOWN = 40
_NOTED = frozenset({S.FAILED, S.TIMED_OUT, S.CANCELLED, S.REJECTED, S.SUBMIT_UNKNOWN})


def may_see(job: Job, user_id: int, guild_id: int | None) -> bool:
    """Own jobs always; others' only when public and made in this server."""
    return job.user_id == user_id or (
        not job.private and job.guild_id is not None and job.guild_id == guild_id
    )


def card_link(job: Job) -> str | None:
    if job.card_message_id is None or job.private or job.guild_id is None:
        return None
    return f"https://discord.com/channels/{job.guild_id}/{job.channel_id}/{job.card_message_id}"


def _note(job: Job, locale: object) -> str | None:
    if job.status == S.DELIVERED:
        return None
    if job.status in _NOTED:
        return text(locale, f"story-note-{job.status.value.replace('_', '-')}")
    return text(locale, "story-note-in-progress")


def segments(data_dir: Path, jobs: list[Job], locale: object = None) -> list[storyboard.Segment]:
    """The storyboard's input: one segment per job, with a frame of its kept clip (blocking: PyAV)."""
    return [
        storyboard.Segment(
            job_id=job.id,
            parent_id=tree_parent(job),
            author=job.user_name or text(locale, "someone"),
            how=text(locale, f"kind-{job.kind.value}"),
            prompt=job.prompt,
            frame=clip_frame(kept_clip_path(data_dir, job.id)) if job.status == S.DELIVERED else None,
            note=_note(job, locale),
        )
        for job in jobs
    ]


def _safe(text: str) -> str:
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))


def caption(board: storyboard.Storyboard, jobs: dict[int, Job], locale: object = None) -> str:
    """The segments in the picture's order, each with a link to its card; always within 2000 characters."""
    key = "story-caption-head-large" if board.summarised else "story-caption-head"
    lines = [text(locale, key, job=board.path[-1], count=len(board.path))]
    size = len(lines[0])
    for i, job_id in enumerate(board.order):
        job = jobs[job_id]
        link = card_link(job)
        name = _safe(shorten(job.user_name or text(locale, "someone"), NAME_SHOWN))
        label = text(locale, "segment-label", job=job.id, kind=Msg(f"kind-{job.kind.value}"), name=name)
        if link:
            line = text(locale, "story-caption-line-link", place=i + 1, label=label, link=link)
        elif job.private:
            line = text(locale, "story-caption-line-dm", place=i + 1, label=label)
        else:
            line = text(locale, "story-caption-line", place=i + 1, label=label)
        left = len(board.order) - i
        tail = "\n" + text(locale, "story-caption-more", count=left)
        if size + 1 + len(line) + len(tail) > CONTENT_MAX:
            lines.append(tail.strip())
            break
        lines.append(line)
        size += 1 + len(line)
    if board.hidden:
        more = text(locale, "story-caption-hidden", count=board.hidden)
        if size + 1 + len(more) <= CONTENT_MAX:
            lines.append(more)
    return "\n".join(lines)[:CONTENT_MAX]


async def seen_lineage(
    bot: VideoBot, interaction: discord.Interaction[Any], job_id: int
) -> tuple[Job, LineageTree] | None:
    """Defer (ephemerally), then job `job_id` and its lineage if the presser may see it; else answer so."""
    if not interaction.response.is_done():
        await interaction.response.defer(ephemeral=True, thinking=True)
    job = await bot.store.get(job_id)
    seen = job is not None and may_see(job, interaction.user.id, interaction.guild_id)
    tree = await bot.store.lineage(job_id) if seen else None
    if job is None or tree is None:
        await reply(interaction, Msg("story-unknown-job", job=job_id))
        return None
    return job, tree


async def send_story(bot: VideoBot, interaction: discord.Interaction[Any], job_id: int) -> None:
    """Answer `interaction` (ephemerally) with job `job_id`'s storyboard."""
    found = await seen_lineage(bot, interaction, job_id)
    if found is None:
        return
    job, tree = found
    user, guild = interaction.user.id, interaction.guild_id
    visible = [j for j in tree.tree if j.id == job.id or may_see(j, user, guild)]
    locale = member_locale(interaction)  # only the presser sees it
    parts = await asyncio.to_thread(segments, bot.settings.data_dir, visible, locale)
    limit = min(storyboard.MAX_BYTES, int(getattr(interaction, "filesize_limit", 0) or storyboard.MAX_BYTES))
    board = await asyncio.to_thread(storyboard.render, parts, job.id, max_bytes=limit, locale=locale)
    picture = discord.File(io.BytesIO(board.png), f"story-{job.id}.png", description=board.alt_text)
    by_id = {j.id: j for j in visible}
    picker = bot.presenter.story_view(
        job.id, [by_id[i] for i in board.order if by_id[i].status == S.DELIVERED], locale
    )
    await interaction.edit_original_response(
        content=caption(board, by_id, locale),
        attachments=[picture],
        allowed_mentions=NO_MENTIONS,
        view=picker or discord.utils.MISSING,
    )


class StoryCog(commands.Cog):
    def __init__(self, bot: VideoBot) -> None:
        self.bot = bot

    @app_commands.command(name="story", description="How a clip came to be: a storyboard of its segments")
    @app_commands.describe(job="The job number (the card's footer says Job #N)")
    async def story(
        self, interaction: discord.Interaction[VideoBot], job: app_commands.Range[int, 1, 2**53]
    ) -> None:
        await send_story(self.bot, interaction, job)


async def setup(bot: VideoBot) -> None:
    await bot.add_cog(StoryCog(bot))
