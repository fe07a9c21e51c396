"""The Full cut button's answer: one MP4 from the root clip to a segment, only to the member who asked.

Ephemeral on purpose: anyone may ask for any segment's cut, as often as they like, and a public post per
press would fill the channel with copies of clips already posted there; the presser can share it. The
caption credits every maker by display name, with mentions disabled (nobody is pinged).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord

from bot import media
from bot.i18n import Msg, text
from bot.jobs import Job, JobStatus
from bot.media import cut
from bot.ui.cards import NO_MENTIONS, shorten
from bot.ui.replies import member_locale, reply
from cogs.story import seen_lineage

if TYPE_CHECKING:
    from bot.ui.bot import VideoBot

log = logging.getLogger("cogs.fullcut")

ENVELOPE = 64 * 1024  # room for the multipart envelope Discord counts against the limit
NAME_SHOWN = 40


def credits(path: list[Job], locale: object = None) -> str:
    names: list[str] = []
    for job in path:
        name = discord.utils.escape_mentions(
            discord.utils.escape_markdown(shorten(job.user_name or text(locale, "someone"), NAME_SHOWN))
        )
        if name not in names:
            names.append(name)
    return ", ".join(names)


def caption(path: list[Job], locale: object = None) -> str:
    steps = " → ".join(f"#{j.id}" for j in path)
    return text(locale, "fullcut-caption", job=path[-1].id, steps=steps, names=credits(path, locale))[:2000]


def _render(data_dir: Path, path: list[Job], work: Path, limit: int) -> Path | None:
    """The cut, fitted to `limit` bytes (None: it cannot be made to fit). Blocking."""
    joined = cut.make(data_dir, path, work.with_suffix(".cut.mp4"))
    if joined.stat().st_size <= limit:
        return joined
    fitted = work.with_suffix(".fit.mp4")
    return fitted if media.fit_to_size(joined, fitted, limit - ENVELOPE) else None


async def send_full_cut(bot: VideoBot, interaction: discord.Interaction[Any], job_id: int) -> None:
    """Answer `interaction` (ephemerally) with the full cut of job `job_id`'s branch."""
    found = await seen_lineage(bot, interaction, job_id)
    if found is None:
        return
    job, tree = found
    if any(j.status != JobStatus.DELIVERED for j in tree.path):
        await reply(interaction, Msg("fullcut-undelivered"))
        return
    limit = min(bot.presenter.upload_limit(job), int(getattr(interaction, "filesize_limit", 0) or 1 << 62))
    cuts = bot.settings.data_dir / "clips" / "cuts"
    await asyncio.to_thread(cuts.mkdir, parents=True, exist_ok=True)
    work = cuts / f"{job.id}-{uuid.uuid4().hex}"
    try:
        try:
            made = await asyncio.to_thread(_render, bot.settings.data_dir, tree.path, work, limit)
        except cut.PartGone as gone:
            await reply(interaction, Msg("fullcut-part-gone", job=gone.job_id))
            return
        except media.MediaError as exc:
            log.warning("full cut of job %s failed: %s", job.id, exc)
            await reply(interaction, Msg("fullcut-join-failed"))
            return
        if made is None:
            await reply(interaction, Msg("fullcut-too-long"))
            return
        await interaction.edit_original_response(
            content=caption(tree.path, member_locale(interaction)),
            attachments=[discord.File(made, filename=f"full-cut-{job.id}.mp4")],
            allowed_mentions=NO_MENTIONS,
        )
    finally:
        for suffix in (".cut.mp4", ".fit.mp4"):
            with contextlib.suppress(FileNotFoundError):
                await asyncio.to_thread(work.with_suffix(suffix).unlink)
