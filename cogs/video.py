"""`/video` and the Extend button: thin Discord glue over bot/ (references, store, poller, cards)."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import references
from bot.cards import NO_MENTIONS
from bot.jobs import Job, JobKind, JobStatus, NewJob
from bot.references import ReferenceError
from bot.replies import reply

if TYPE_CHECKING:
    from bot.client import VideoBot

log = logging.getLogger("cogs.video")

S = JobStatus
PROMPT_MAX_CHARS = 4000
ASPECT_CHOICES = [
    app_commands.Choice(name="16:9 (landscape)", value="16:9"),
    app_commands.Choice(name="9:16 (portrait)", value="9:16"),
]
EXTEND_MODAL_PREFIX = "v:extm:"
_EXTEND_MODAL_RE = re.compile(r"v:extm:(?P<job>[0-9]+)")
CANNOT_POST = (
    "I can't post in this channel: I need the View Channel, Send Messages, Embed Links and Attach Files "
    "permissions here. Nothing was charged."
)


def result_view(job: Job) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(ExtendButton(job.id))
    return view


class ExtendButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"v:ext:(?P<job>[0-9]+)"):
    """Continue a delivered clip. State lives in the custom_id, so it works after any number of restarts."""

    def __init__(self, job_id: int) -> None:
        super().__init__(
            discord.ui.Button(label="Extend", style=discord.ButtonStyle.primary, custom_id=f"v:ext:{job_id}")
        )
        self.job_id = job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ExtendButton:
        return cls(int(match["job"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: VideoBot = interaction.client
        parent = await bot.store.get(self.job_id)
        problem = extend_problem(bot, parent, interaction)
        if problem is not None or parent is None:
            await reply(interaction, problem or "That clip cannot be extended.")
            return
        modal = ExtendModal(parent.id)
        await interaction.response.send_modal(modal)
        # The submit is handled by VideoCog.on_interaction (by custom_id), so it survives a restart too.
        modal.stop()


class ExtendModal(discord.ui.Modal, title="Extend this clip"):
    next_part: discord.ui.TextInput[ExtendModal] = discord.ui.TextInput(
        label="What happens next?",
        style=discord.TextStyle.paragraph,
        custom_id="prompt",
        placeholder="The camera pulls back to reveal…",
        max_length=PROMPT_MAX_CHARS,
        required=True,
    )

    def __init__(self, job_id: int) -> None:
        super().__init__(custom_id=f"{EXTEND_MODAL_PREFIX}{job_id}", timeout=None)


def extend_problem(bot: VideoBot, parent: Job | None, interaction: discord.Interaction[Any]) -> str | None:
    """Why this clip cannot be extended right now, as one sentence; None when it can."""
    if parent is None:
        return "I don't know that clip any more, so it cannot be extended."
    if parent.guild_id != interaction.guild_id:
        return "That clip belongs to another server, so it cannot be extended here."
    # The API task is finished from COMPLETED on; the card may show the clip before DELIVERED is written.
    if parent.status not in (S.COMPLETED, S.DELIVERING, S.DELIVERED) or not parent.task_id:
        return "Only a finished clip can be extended, and this one did not finish."
    age = bot.clock() - (parent.finished_at or parent.created_at)
    max_age = bot.settings.extend_max_age_hours * 3600
    if age > max_age:
        hours = bot.settings.extend_max_age_hours
        return (
            f"This clip is too old to extend: the video service keeps clips extendable for {hours:g} hours."
        )
    return None


def _modal_values(data: dict[str, Any]) -> dict[str, str]:
    values: dict[str, str] = {}

    def walk(components: list[dict[str, Any]]) -> None:
        for comp in components:
            if "components" in comp:
                walk(comp["components"])
            if "component" in comp:
                walk([comp["component"]])
            if comp.get("type") == 4 and "custom_id" in comp:
                values[comp["custom_id"]] = str(comp.get("value") or "")

    walk(data.get("components", []))
    return values


class VideoCog(commands.Cog):
    def __init__(self, bot: VideoBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(ExtendButton)
        self.bot.presenter.view_for_result = result_view

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(ExtendButton)

    @app_commands.command(
        name="video", description="Make a short AI video from a prompt and optional references"
    )
    @app_commands.guild_only()
    @app_commands.describe(
        prompt="What should happen in the video (optional when you attach a reference)",
        video="A reference clip, 1–24 s (3 s or less works best)",
        aspect_ratio="Landscape 16:9 (default) or portrait 9:16",
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
        text = (prompt or "").strip()
        if not text and not images and not videos:
            await reply(interaction, "Tell me what to make: give a prompt, or attach an image or a video.")
            return
        if len(text) > PROMPT_MAX_CHARS:
            await reply(
                interaction,
                f"Your prompt is {len(text)} characters long; please keep it to {PROMPT_MAX_CHARS}.",
            )
            return
        try:
            collected = await references.collect(
                self.bot.session, images=images, videos=videos, data_dir=self.bot.settings.data_dir
            )
        except ReferenceError as exc:
            log.info("refused references from user %s: %s", interaction.user.id, exc.user_message)
            await reply(interaction, exc.user_message)
            return
        new = NewJob(
            kind=JobKind.VIDEO,
            guild_id=interaction.guild_id,
            channel_id=_channel_id(interaction),
            user_id=interaction.user.id,
            user_name=interaction.user.display_name,
            prompt=text,
            aspect_ratio=aspect_ratio.value if aspect_ratio else "16:9",
            refs=collected.refs,
        )
        await start_job(self.bot, interaction, new)

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction[VideoBot]) -> None:
        if interaction.type != discord.InteractionType.modal_submit or not interaction.data:
            return
        match = _EXTEND_MODAL_RE.fullmatch(str(interaction.data.get("custom_id", "")))
        if match is None:
            return
        try:
            await self._extend_submitted(
                interaction, int(match["job"]), _modal_values(dict(interaction.data))
            )
        except Exception:
            log.exception("extend submit failed")
            await reply(
                interaction, "Something went wrong on my side; nothing was charged. Please try again."
            )

    async def _extend_submitted(
        self, interaction: discord.Interaction[VideoBot], parent_id: int, values: dict[str, str]
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        text = values.get("prompt", "").strip()
        parent = await self.bot.store.get(parent_id)
        problem = extend_problem(self.bot, parent, interaction)
        if problem is not None or parent is None:
            await reply(interaction, problem or "That clip cannot be extended.")
            return
        if not text:
            await reply(interaction, "Tell me what happens next, so I know how to continue the clip.")
            return
        new = NewJob(
            kind=JobKind.EXTEND,
            guild_id=interaction.guild_id,
            channel_id=_channel_id(interaction),
            user_id=interaction.user.id,
            user_name=interaction.user.display_name,
            prompt=text[:PROMPT_MAX_CHARS],
            aspect_ratio=parent.aspect_ratio,
            parent_job_id=parent.id,
            parent_task_id=parent.task_id,
        )
        await start_job(self.bot, interaction, new)


def _channel_id(interaction: discord.Interaction[Any]) -> int:
    assert interaction.channel_id is not None
    return interaction.channel_id


async def start_job(bot: VideoBot, interaction: discord.Interaction[Any], new: NewJob) -> Job | None:
    """Write the job, post its card, hand it to the poller, and tell the requester where to look."""
    job = await bot.store.insert_job(new)
    try:
        card = await bot.presenter.post_card(job)
    except discord.HTTPException as exc:
        log.warning("%s card refused by Discord (%s %s): job dropped", job.log_fields(), exc.status, exc.code)
        await bot.store.transition(
            job.id,
            S.ACCEPTED,
            S.REJECTED,
            error=CANNOT_POST,
            last_error=f"card: {exc.status}",
            announced=True,
        )
        references.remove_folder(bot.settings.data_dir, job.refs)
        await reply(interaction, CANNOT_POST)
        return None
    moved = await bot.store.update(job.id, S.ACCEPTED, card_message_id=card.id, next_poll_at=bot.clock())
    log.info("%s accepted (%s)", job.log_fields(), job.kind)
    bot.poller.wake()
    try:
        await interaction.edit_original_response(
            content=f"Your video is on its way as job #{job.id}: {card.jump_url}",
            allowed_mentions=NO_MENTIONS,
        )
    except discord.HTTPException as exc:
        log.info("%s confirmation not shown: %s", job.log_fields(), exc.status)
    return moved


async def setup(bot: VideoBot) -> None:
    await bot.add_cog(VideoCog(bot))
