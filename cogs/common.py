"""Glue shared by the cogs: who may act, admission, posting a job's card."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord

from bot.i18n import Msg, Text, text
from bot.jobs import Job, JobStatus, NewJob
from bot.jobs.limits import Refusal, access_problem
from bot.jobs.permissions import missing_to_post
from bot.jobs.sentences import SHUTTING_DOWN_SENTENCE, missing_permissions_sentence
from bot.media import references
from bot.ui.cards import NO_MENTIONS
from bot.ui.replies import member_locale, reply, server_locale
from bot.worker.intake import CardRefused

if TYPE_CHECKING:
    from bot.ui.bot import VideoBot

log = logging.getLogger("cogs.common")

S = JobStatus
PROMPT_MAX_CHARS = 4000
CANNOT_POST = Msg("refusal-cannot-post")
DMS_CLOSED = Msg("refusal-dms-closed")
NO_DMS = Msg("refusal-no-dms")
SOMETHING_WRONG = Msg("refusal-something-wrong")


def is_moderator(interaction: discord.Interaction[Any]) -> bool:
    perms = interaction.permissions
    return bool(perms.manage_guild or perms.manage_messages or perms.administrator)


def _role_ids(interaction: discord.Interaction[Any]) -> list[int]:
    user = interaction.user
    return [r.id for r in user.roles] if isinstance(user, discord.Member) else []


async def access_refusal(bot: VideoBot, interaction: discord.Interaction[Any]) -> Msg | None:
    """Why this person may not start a video here, as one sentence; None when they may."""
    if interaction.guild_id is None:
        return None if bot.settings.allow_dms else NO_DMS
    config = await bot.store.guild_config(interaction.guild_id)
    banned = await bot.store.is_banned(interaction.guild_id, interaction.user.id)
    return access_problem(
        config,
        channel_id=interaction.channel_id or 0,
        role_ids=_role_ids(interaction),
        banned=banned,
        is_moderator=is_moderator(interaction),
    )


def permission_refusal(interaction: discord.Interaction[Any], *, private: bool = False) -> Msg | None:
    """Why the bot can't post a job's card and clip in this interaction's channel, as one sentence; None when
    it can. Read from `app_permissions` (Discord's computed permissions, channel overrides applied); a private
    job goes to the requester's DMs and a DM needs no channel permission."""
    if private or interaction.guild_id is None:
        return None
    in_thread = isinstance(interaction.channel, discord.Thread)
    missing = missing_to_post(interaction.app_permissions.value, in_thread=in_thread)
    if not missing:
        return None
    me = interaction.client.user
    role = me.name if me else text(member_locale(interaction), "the-bot")
    return missing_permissions_sentence(missing, role_name=role, in_thread=in_thread)


async def iteration_refusal(bot: VideoBot, interaction: discord.Interaction[Any], source: Job) -> Msg | None:
    """Extend / Remix / Retry on someone's clip: server rules, the requester-only switch, then whether the
    new card can be posted here."""
    problem = await _iteration_rules(bot, interaction, source)
    return problem if problem is not None else permission_refusal(interaction, private=source.private)


async def _iteration_rules(bot: VideoBot, interaction: discord.Interaction[Any], source: Job) -> Msg | None:
    if source.private:
        # A private result lives in its owner's DMs: only they can build on it, under their server's rules.
        if interaction.user.id != source.user_id:
            return Msg("iterate-private-owner-only")
        if source.guild_id is None:
            return None
        if await bot.store.is_banned(source.guild_id, interaction.user.id):
            return Msg("iterate-banned-there")
        if (await bot.store.guild_config(source.guild_id)).paused:
            return Msg("iterate-paused-there")
        return None
    problem = await access_refusal(bot, interaction)
    if problem is not None:
        return problem
    if source.guild_id is not None and source.guild_id != interaction.guild_id:
        return Msg("iterate-other-server")
    if (
        interaction.guild_id is not None
        and source.user_id != interaction.user.id
        and not is_moderator(interaction)
    ):
        config = await bot.store.guild_config(interaction.guild_id)
        if config.requester_only:
            return Msg("iterate-requester-only")
    return None


async def start_job(
    bot: VideoBot,
    interaction: discord.Interaction[Any],
    new: NewJob,
    *,
    private: bool = False,
    owns_refs: bool = True,
) -> Job | None:
    """Admit the job (limits checked atomically), post its card, hand it to the worker, tell the requester.

    The interaction must already be deferred. On any refusal nothing is charged, and the kept files are
    removed when this job collected them (`owns_refs`); a Retry or Remix shares its source's files.
    """

    def drop_files() -> None:
        if owns_refs:
            references.remove_folder(bot.settings.data_dir, new.refs)

    # Before anything is admitted or reserved: a card or clip Discord would refuse must cost nothing.
    missing = permission_refusal(interaction, private=private)
    if missing is not None:
        drop_files()
        await reply(interaction, missing)
        return None
    if bot.worker.draining:
        drop_files()
        await reply(interaction, SHUTTING_DOWN_SENTENCE)
        return None
    pause = bot.worker.submit_pause
    if pause is not None:
        drop_files()
        await reply(interaction, pause)
        return None
    if private:
        try:
            dm = await interaction.user.create_dm()
        except discord.HTTPException:
            drop_files()
            await reply(interaction, DMS_CLOSED)
            return None
        new.channel_id = dm.id
        new.private = True
    # The card and the ping are public: the server's language (the member's own for a private video).
    locale = member_locale(interaction) if private or new.guild_id is None else server_locale(interaction)
    limits = bot.settings.limits
    if new.guild_id is not None:
        limits = (await bot.store.guild_config(new.guild_id)).apply(limits)
    admitted = await bot.worker.admit(new, limits, locale=locale)
    if isinstance(admitted, Refusal):
        log.info("user %s refused by limit %s", new.user_id, admitted.limit)
        drop_files()
        await reply(interaction, admitted.message)
        return None
    try:
        job = await bot.worker.post_card(admitted, refused_sentence=DMS_CLOSED if private else CANNOT_POST)
    except CardRefused as exc:
        drop_files()
        await reply(interaction, exc.sentence)
        return None
    log.info("%s accepted (%s)", job.log_fields(), job.kind)
    where: Text
    if private:
        where = Msg("started-where-dm")
    elif job.card_message_id is not None:
        channel = bot.get_partial_messageable(job.channel_id, guild_id=job.guild_id)
        where = channel.get_partial_message(job.card_message_id).jump_url
    else:
        where = Msg("started-where-soon")
    try:
        await interaction.edit_original_response(
            content=text(member_locale(interaction), "started", job=job.id, where=where),
            allowed_mentions=NO_MENTIONS,
        )
    except discord.HTTPException as exc:
        log.info("%s confirmation not shown: %s", job.log_fields(), exc.status)
    return job


def modal_values(data: dict[str, Any]) -> dict[str, str]:
    """The text inputs of a modal submit, by custom_id (plain and label-wrapped layouts)."""
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
