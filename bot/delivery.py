"""Fetch the finished clip and put it in the channel; keep the job card up to date.

Everything here uses the bot token (channel messages and edits), never an interaction token, so it works
the same one minute or one day after the command. Delivery is an edit of the job's card, which is safe to
repeat after a crash; the requester's ping is a separate reply, de-duplicated through channel history.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import discord

from bot import apimart, cards
from bot.apimart import ApiMartClient
from bot.jobs import Job, JobStatus
from bot.poller import Delivered, GiveUp, RetryLater, clip_path
from bot.settings import Settings
from bot.store import Store

log = logging.getLogger("bot.delivery")

S = JobStatus
DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024
CARD_EDIT_INTERVAL = 5.0  # seconds between two progress edits of one card
PING_SENDING = 0  # ping_message_id while the ping is being sent (to de-duplicate after a crash)


class DiscordPresenter:
    def __init__(
        self,
        client: discord.Client,
        *,
        api: ApiMartClient,
        store: Store,
        settings: Settings,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._client = client
        self._api = api
        self._store = store
        self._settings = settings
        self._clock = clock
        self._last_edit: dict[int, tuple[float, JobStatus]] = {}
        # Set by the video cog: the buttons under a delivered clip.
        self.view_for_result: Callable[[Job], discord.ui.View | None] = lambda job: None

    # ---- helpers -----------------------------------------------------------------------------------

    def _channel(self, job: Job) -> discord.PartialMessageable:
        return self._client.get_partial_messageable(job.channel_id, guild_id=job.guild_id)

    def upload_limit(self, job: Job) -> int:
        guild = self._client.get_guild(job.guild_id) if job.guild_id else None
        return guild.filesize_limit if guild is not None else DEFAULT_UPLOAD_LIMIT

    async def post_card(self, job: Job) -> discord.Message:
        """The first appearance of a job: raises discord.HTTPException when the channel refuses it."""
        return await self._channel(job).send(embed=cards.card_embed(job), allowed_mentions=cards.NO_MENTIONS)

    # ---- Presenter protocol ------------------------------------------------------------------------

    async def job_progress(self, job: Job) -> None:
        if job.card_message_id is None:
            return
        now = self._clock()
        last = self._last_edit.get(job.id)
        if last is not None and last[1] == job.status and now - last[0] < CARD_EDIT_INTERVAL:
            return
        self._last_edit[job.id] = (now, job.status)
        card = self._channel(job).get_partial_message(job.card_message_id)
        await card.edit(embed=cards.card_embed(job, now=now), allowed_mentions=cards.NO_MENTIONS)

    async def deliver(self, job: Job) -> Delivered:
        self._last_edit.pop(job.id, None)
        if not job.video_url:
            raise GiveUp(cards.shorten("The video service finished but gave no clip.", 200))
        path = clip_path(self._settings.data_dir, job.id)
        too_big_to_fetch = False
        if not path.is_file():
            if job.video_expires_at is not None and job.video_expires_at <= self._clock():
                raise GiveUp("The clip expired at the video service before I could fetch it.")
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                await self._api.download(job.video_url, path, max_bytes=self._settings.max_clip_bytes)
            except apimart.TooLarge:
                too_big_to_fetch = True
            except apimart.ApiError as exc:
                if exc.retryable:
                    raise RetryLater(f"download: {exc}") from exc
                raise GiveUp(
                    "The clip expired at the video service before I could fetch it.", str(exc)
                ) from exc
        if not too_big_to_fetch and path.stat().st_size <= self.upload_limit(job):
            try:
                result = await self._post_result(job, path=path)
            except _UploadRefused:
                log.warning("%s upload refused as too large; posting a link instead", job.log_fields())
            else:
                await asyncio.to_thread(path.unlink, missing_ok=True)
                return result
        result = await self._post_result(job, path=None)
        await asyncio.to_thread(path.unlink, missing_ok=True)
        return result

    async def _post_result(self, job: Job, *, path: Path | None) -> Delivered:
        done = _as_delivered(job)
        embed = cards.card_embed(done, link=None if path is not None else job.video_url)
        view = self.view_for_result(done)
        files = [discord.File(path, filename=f"video-{job.id}.mp4")] if path is not None else []
        delivered_as = "file" if path is not None else "link"
        channel = self._channel(job)
        try:
            if job.card_message_id is not None:
                try:
                    msg = channel.get_partial_message(job.card_message_id)
                    kwargs: dict[str, object] = {"embed": embed, "allowed_mentions": cards.NO_MENTIONS}
                    kwargs["attachments"] = files
                    kwargs["view"] = view
                    await msg.edit(**kwargs)  # type: ignore[arg-type]
                    return Delivered(delivered_as)
                except discord.NotFound as exc:
                    if exc.code != 10008:  # unknown message: the card was deleted, post a new one
                        raise
                    files = [discord.File(path, filename=f"video-{job.id}.mp4")] if path is not None else []
            sent = await channel.send(
                embed=embed,
                files=files,
                view=view or discord.utils.MISSING,
                allowed_mentions=cards.NO_MENTIONS,
            )
            return Delivered(delivered_as, card_message_id=sent.id)
        except discord.HTTPException as exc:
            if exc.status == 413 or exc.code == 40005:
                raise _UploadRefused from exc
            if isinstance(exc, discord.Forbidden) or exc.code in (10003, 50001, 50013):
                raise GiveUp(
                    "I can no longer post in that channel.", f"discord {exc.status} {exc.code}"
                ) from exc
            raise RetryLater(f"discord {exc.status} {exc.code}") from exc
        except (OSError, TimeoutError) as exc:
            raise RetryLater(f"discord: {type(exc).__name__}") from exc

    async def announce(self, job: Job) -> int | None:
        channel = self._channel(job)
        if job.status != S.DELIVERED and job.card_message_id is not None:
            try:
                await channel.get_partial_message(job.card_message_id).edit(
                    embed=cards.card_embed(job), view=None, attachments=[], allowed_mentions=cards.NO_MENTIONS
                )
            except discord.NotFound:
                pass
            except discord.HTTPException as exc:
                if exc.status >= 500:
                    raise RetryLater(f"discord {exc.status}") from exc
                log.warning("%s card could not be updated: %s %s", job.log_fields(), exc.status, exc.code)
        self._last_edit.pop(job.id, None)
        if job.ping_message_id not in (None, PING_SENDING):
            return job.ping_message_id
        if job.ping_message_id == PING_SENDING:
            found = await self._find_ping(job)
            if found is not None:
                return found
        await self._store.update(job.id, job.status, ping_message_id=PING_SENDING)
        reference = (
            discord.MessageReference(
                message_id=job.card_message_id, channel_id=job.channel_id, fail_if_not_exists=False
            )
            if job.card_message_id is not None
            else None
        )
        try:
            sent = await channel.send(
                cards.ping_text(job),
                reference=reference or discord.utils.MISSING,
                allowed_mentions=cards.only_user(job.user_id),
            )
        except discord.HTTPException as exc:
            if exc.status >= 500:
                raise RetryLater(f"discord {exc.status}") from exc
            log.warning("%s ping not sent: %s %s", job.log_fields(), exc.status, exc.code)
            return None
        return sent.id

    async def _find_ping(self, job: Job) -> int | None:
        """After a crash mid-ping: look for the ping we may already have sent (a reply to the card)."""
        if job.card_message_id is None:
            return None
        me = self._client.user
        try:
            after = discord.Object(job.card_message_id)
            async for message in self._channel(job).history(limit=50, after=after):
                ref = message.reference
                if (
                    me is not None
                    and message.author.id == me.id
                    and ref
                    and ref.message_id == job.card_message_id
                ):
                    return message.id
        except discord.HTTPException as exc:
            log.warning(
                "%s could not read history to de-duplicate the ping: %s", job.log_fields(), exc.status
            )
        return None


class _UploadRefused(Exception):
    pass


def _as_delivered(job: Job) -> Job:
    return replace(job, status=S.DELIVERED)
