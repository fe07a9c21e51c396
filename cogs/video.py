"""`/video` and the "Animate with AI" message menu: thin Discord glue over bot/."""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import discord
from discord import app_commands
from discord.ext import commands

from bot.i18n import Msg, text
from bot.jobs import JobKind, NewJob
from bot.media import pending, references
from bot.media.references import ReferenceError
from bot.ui.replies import member_locale, reply
from cogs.common import (
    PROMPT_MAX_CHARS,
    SOMETHING_WRONG,
    access_refusal,
    modal_values,
    permission_refusal,
    start_job,
)

if TYPE_CHECKING:
    from bot.ui.bot import VideoBot

log = logging.getLogger("cogs.video")

ASPECT_CHOICES = [
    app_commands.Choice(name="16:9 (landscape)", value="16:9"),
    app_commands.Choice(name="9:16 (portrait)", value="9:16"),
]
# The key of the media the menu saw (bot/media/pending.py); the older form named the message to re-fetch.
_ANIMATE_RE = re.compile(r"v:anim:(?P<key>[0-9]+)")
_OLD_ANIMATE_RE = re.compile(r"v:anim:[0-9]+:[0-9]+")
_IMAGE_EXT = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".jfif"}
_VIDEO_EXT = {".mp4", ".mov", ".webm", ".m4v", ".mkv"}
NOTHING_TO_ANIMATE = Msg("animate-nothing")
ANIMATE_AGAIN = Msg("animate-again")


@dataclass(frozen=True)
class RemoteFile:
    """An embed image, shaped like an attachment for the reference collector."""

    filename: str
    size: int
    url: str


def _kind(filename: str, content_type: str | None) -> str | None:
    ctype = (content_type or "").split(";")[0].strip().lower()
    ext = PurePosixPath(filename.lower()).suffix
    if ctype.startswith("image/") or ext in _IMAGE_EXT:
        return "image"
    if ctype.startswith("video/") or ext in _VIDEO_EXT:
        return "video"
    return None


def media_of(message: discord.Message) -> tuple[list[Any], list[Any]]:
    """The images and videos of a message: its attachments, then images shown by its embeds."""
    images: list[Any] = []
    videos: list[Any] = []
    for att in message.attachments:
        kind = _kind(att.filename, att.content_type)
        if kind == "image":
            images.append(att)
        elif kind == "video":
            videos.append(att)
    for embed in message.embeds:
        for media in (embed.image, embed.thumbnail):
            # Discord's media proxy URL, never the raw third-party URL: no fetching of arbitrary hosts.
            url = media.proxy_url or None
            if url:
                name = PurePosixPath(urlsplit(url).path).name or "embed.png"
                images.append(RemoteFile(filename=name, size=0, url=url))
    return images, videos


def animate_modal(key: int, locale: str) -> discord.ui.Modal:
    """The prompt box of Animate with AI, in the member's language; its submit is routed by custom_id."""
    modal = discord.ui.Modal(title=text(locale, "animate-modal-title"), custom_id=f"v:anim:{key}")
    modal.add_item(
        discord.ui.TextInput(
            label=text(locale, "animate-modal-label"),
            style=discord.TextStyle.paragraph,
            custom_id="prompt",
            placeholder=text(locale, "animate-modal-placeholder"),
            max_length=PROMPT_MAX_CHARS,
            required=False,
        )
    )
    return modal


class VideoCog(commands.Cog):
    def __init__(self, bot: VideoBot) -> None:
        self.bot = bot
        self.animate_menu = app_commands.ContextMenu(name="Animate with AI", callback=self.animate)
        contexts = app_commands.AppCommandContext(guild=True, dm_channel=bot.settings.allow_dms)
        self.video.allowed_contexts = contexts
        self.animate_menu.allowed_contexts = contexts

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.animate_menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.animate_menu.name, type=self.animate_menu.type)

    @app_commands.command(
        name="video", description="Make a short AI video from a prompt and optional references"
    )
    @app_commands.describe(
        prompt="What should happen in the video (optional when you attach a reference)",
        video="A reference clip, 1–24 s (3 s or less works best)",
        aspect_ratio="Landscape 16:9 (default) or portrait 9:16",
        private="Send the result to your direct messages instead of this channel",
        **{f"image{i}": "A reference image (PNG, JPEG, WebP or GIF)" for i in range(1, 17)},
    )
    @app_commands.choices(aspect_ratio=ASPECT_CHOICES)
    async def video(
        self,
        interaction: discord.Interaction[VideoBot],
        prompt: str | None = None,
        image1: discord.Attachment | None = None,
        image2: discord.Attachment | None = None,
        image3: discord.Attachment | None = None,
        image4: discord.Attachment | None = None,
        video: discord.Attachment | None = None,
        aspect_ratio: app_commands.Choice[str] | None = None,
        private: bool = False,
        image5: discord.Attachment | None = None,
        image6: discord.Attachment | None = None,
        image7: discord.Attachment | None = None,
        image8: discord.Attachment | None = None,
        image9: discord.Attachment | None = None,
        image10: discord.Attachment | None = None,
        image11: discord.Attachment | None = None,
        image12: discord.Attachment | None = None,
        image13: discord.Attachment | None = None,
        image14: discord.Attachment | None = None,
        image15: discord.Attachment | None = None,
        image16: discord.Attachment | None = None,
    ) -> None:
        # Answer first (Discord wants it within 3 s), work after.
        await interaction.response.defer(ephemeral=True, thinking=True)
        slots = [image1, image2, image3, image4, image5, image6, image7, image8]
        slots += [image9, image10, image11, image12, image13, image14, image15, image16]
        images = [a for a in slots if a is not None]
        videos = [video] if video is not None else []
        await self._make(
            interaction,
            kind=JobKind.VIDEO,
            prompt=(prompt or "").strip(),
            images=images,
            videos=videos,
            aspect_ratio=aspect_ratio.value if aspect_ratio else "16:9",
            private=private,
        )

    async def _make(
        self,
        interaction: discord.Interaction[VideoBot],
        *,
        kind: JobKind,
        prompt: str,
        images: list[Any],
        videos: list[Any],
        aspect_ratio: str,
        private: bool = False,
        credit_user_id: int | None = None,
    ) -> None:
        """Check, collect the references, admit and start: shared by /video and Animate with AI."""
        problem = await access_refusal(self.bot, interaction) or permission_refusal(
            interaction, private=private
        )
        if problem is not None:
            await reply(interaction, problem)
            return
        if not prompt and not images and not videos:
            await reply(interaction, Msg("video-nothing-to-make"))
            return
        if len(prompt) > PROMPT_MAX_CHARS:
            await reply(interaction, Msg("video-prompt-too-long", length=len(prompt), limit=PROMPT_MAX_CHARS))
            return
        try:
            collected = await references.collect(
                self.bot.session, images=images, videos=videos, data_dir=self.bot.settings.data_dir
            )
        except ReferenceError as exc:
            log.info("refused references from user %s: %s", interaction.user.id, exc.user_message)
            await reply(interaction, exc.sentence)
            return
        assert interaction.channel_id is not None
        new = NewJob(
            kind=kind,
            guild_id=interaction.guild_id,
            channel_id=interaction.channel_id,
            user_id=interaction.user.id,
            user_name=interaction.user.display_name,
            prompt=prompt,
            aspect_ratio=aspect_ratio,
            refs=collected.refs,
            credit_user_id=credit_user_id,
        )
        await start_job(self.bot, interaction, new, private=private)

    # ---- Animate with AI ---------------------------------------------------------------------------

    async def animate(self, interaction: discord.Interaction[VideoBot], message: discord.Message) -> None:
        problem = await access_refusal(self.bot, interaction) or permission_refusal(interaction)
        if problem is not None:
            await reply(interaction, problem)
            return
        # `message` is the interaction's resolved message: the only place the bot sees another member's
        # attachments and embeds without the Message Content intent. Keep what it shows for the submit.
        images, videos = media_of(message)
        if not images and not videos:
            await reply(interaction, NOTHING_TO_ANIMATE)
            return
        files = [pending.PendingFile(f.filename, f.size, f.url, "image") for f in images]
        files += [pending.PendingFile(f.filename, f.size, f.url, "video") for f in videos]
        record = pending.PendingAnimate(
            user_id=interaction.user.id,
            credit_user_id=message.author.id if message.author.id != interaction.user.id else None,
            files=tuple(files),
            created=self.bot.clock(),
        )
        await asyncio.to_thread(pending.save, self.bot.settings.data_dir, interaction.id, record)
        modal = animate_modal(interaction.id, member_locale(interaction))
        await interaction.response.send_modal(modal)
        modal.stop()  # the submit is routed by custom_id in on_interaction (survives a restart)

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction[VideoBot]) -> None:
        if interaction.type != discord.InteractionType.modal_submit or not interaction.data:
            return
        custom_id = str(interaction.data.get("custom_id", ""))
        match = _ANIMATE_RE.fullmatch(custom_id)
        if match is None:
            if _OLD_ANIMATE_RE.fullmatch(custom_id):
                await reply(interaction, ANIMATE_AGAIN)  # opened before this version: nothing was kept
            return
        values = modal_values(dict(interaction.data))
        try:
            await interaction.response.defer(ephemeral=True, thinking=True)
            await self._animate_submitted(interaction, int(match["key"]), values.get("prompt", "").strip())
        except Exception:
            log.exception("animate submit failed")
            await reply(interaction, SOMETHING_WRONG)

    async def _animate_submitted(
        self, interaction: discord.Interaction[VideoBot], key: int, prompt: str
    ) -> None:
        # What the menu saw; never a fetch of the message, which comes back blank without the intent.
        data_dir, now = self.bot.settings.data_dir, self.bot.clock()
        record = await asyncio.to_thread(pending.take, data_dir, key, interaction.user.id, now=now)
        if record is None:
            await reply(interaction, ANIMATE_AGAIN)
            return
        await self._make(
            interaction,
            kind=JobKind.ANIMATE,
            prompt=prompt,
            images=record.images,
            videos=record.videos,
            aspect_ratio="16:9",
            credit_user_id=record.credit_user_id,
        )


async def setup(bot: VideoBot) -> None:
    await bot.add_cog(VideoCog(bot))
