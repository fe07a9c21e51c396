"""The Discord side of a job (implements bot.worker.ports.Presenter): its card, the clip, the ping.

Everything here uses the bot token (channel messages and edits), never an interaction token, so it works
the same one minute or one day after the command. Every effect is safe to repeat: the card and the ping are
sent with a nonce the engine derives from the job (Discord returns the earlier message for a repeated nonce
within a few minutes), and when the engine recorded that an earlier attempt may have sent one, it is first
looked for in the channel, after the recorded time. Delivery is an edit of the card, and a delivery that may
already have landed is checked on the card before anything is posted again.
"""

from __future__ import annotations

import asyncio
import datetime
import logging
import math
import shutil
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import discord

from bot import apimart, media
from bot.apimart import ApiMartClient
from bot.i18n import Msg
from bot.jobs import Job, JobStatus
from bot.media import stitch
from bot.media.kept import clip_path, kept_clip_path
from bot.settings import Settings
from bot.store import Store
from bot.ui import cards
from bot.ui.ratelimits import DiscordLimits
from bot.worker.ports import Alerts, Delivered, GiveUp, Incident, NoAlerts, RetryLater

log = logging.getLogger("bot.ui.presenter")

S = JobStatus
DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024
LOOKUP_SLACK = 5.0  # look for an earlier attempt's message from this long before its recorded time
LOOKUP_LIMIT = 100
MAX_EDIT_INTERVAL = 60.0
# A slowed card speeds back up (its interval halves with each edit, down to CARD_EDIT_INTERVAL) once Discord
# has limited nothing in its channel for this many of those intervals: a burst's slowing does not outlive the
# burst, and a channel that stays busy (limited more often than that) keeps its cards slow.
QUIET_EDITS = 10

ViewFactory = Callable[[Job], discord.ui.View | None]


class _CardState:
    """Per-card throttle: the last edit, the current interval, and at most one pending deferred edit."""

    __slots__ = ("channel_seen", "interval", "last", "last_shown", "limited_at", "pending")

    def __init__(self, interval: float, channel_seen: int = 0) -> None:
        self.last = 0.0
        self.interval = interval
        self.pending: asyncio.Task[None] | None = None
        self.last_shown: object = None  # what the card shows now (skip edits that change nothing)
        self.channel_seen = channel_seen  # the channel's limited edits this card has already slowed for
        self.limited_at = -math.inf  # when this card last slowed down for Discord


class DiscordPresenter:
    def __init__(
        self,
        client: discord.Client,
        *,
        api: ApiMartClient,
        store: Store,
        settings: Settings,
        clock: Callable[[], float] = time.time,
        alerts: Alerts | None = None,
        limits: DiscordLimits | None = None,
    ) -> None:
        self._client = client
        # What Discord's answers said of its rate limits (discord.py's http_trace): a card whose edits
        # Discord held back is edited less often. Without it (not wired to the client), never slowed.
        self._limits = limits or DiscordLimits()
        self._alerts: Alerts = alerts or NoAlerts()
        self._api = api
        self._store = store
        self._settings = settings
        self._clock = clock
        self._cards: dict[int, _CardState] = {}
        # One edit of a card at a time: discord.py may re-send a failed progress edit a second later, and
        # it must never land after (and undo) the final result or the cancellation.
        self._locks: dict[int, asyncio.Lock] = {}
        # Set by the buttons cog: which buttons a card carries in each state.
        self.views: ViewFactory = lambda job: None
        # Set by the buttons cog: the Story answer's menu to extend one of its (delivered) segments.
        self.story_view: Callable[[int, list[Job], object], discord.ui.View | None] = (
            lambda job_id, jobs, locale: None
        )
        # Set by the poller's owner: why submits are paused (shown on queued cards).
        self.waiting_reason: Callable[[], Msg | None] = lambda: None

    # ---- helpers -----------------------------------------------------------------------------------

    def _channel(self, job: Job) -> discord.PartialMessageable:
        guild_id = None if job.private else job.guild_id
        return self._client.get_partial_messageable(job.channel_id, guild_id=guild_id)

    def guild_upload_limit(self, guild_id: int) -> int | None:
        guild = self._client.get_guild(guild_id)
        return guild.filesize_limit if guild is not None else None

    def upload_limit(self, job: Job) -> int:
        """The guild's upload limit: from this process's cache when it holds the guild's shard (current),
        else the one stored at admission; Discord's default only when neither is known (a DM, an old row)."""
        if job.private or job.guild_id is None:
            return DEFAULT_UPLOAD_LIMIT
        known = self.guild_upload_limit(job.guild_id)
        if known is not None:
            return known
        if job.upload_limit is not None:
            return job.upload_limit
        log.info("%s upload limit of its server unknown here: using Discord's default", job.log_fields())
        return DEFAULT_UPLOAD_LIMIT

    async def _embed(self, job: Job, *, link: str | None = None) -> discord.Embed:
        position = await self._store.queue_position(job.id) if job.queued else None
        line = await self._store.line_position(job.id) if job.in_line else None
        return cards.card_embed(
            job, now=self._clock(), link=link, queue_position=position, line_position=line,
            waiting_reason=self.waiting_reason(),
        )  # fmt: skip

    async def post_card(self, job: Job, *, nonce: int, resumed: bool = False) -> int:
        """The first appearance of a job (or the one an interrupted attempt already posted)."""
        if resumed:
            found = await self._find(job, job.created_at, lambda m: _is_card_of(m, job))
            if found is not None:
                return found
        try:
            sent = await self._channel(job).send(
                embed=await self._embed(job),
                view=self.views(job) or discord.utils.MISSING,
                allowed_mentions=cards.NO_MENTIONS,
                nonce=nonce,
            )
        except discord.HTTPException as exc:
            if exc.status >= 500:
                raise RetryLater(f"discord {exc.status}") from exc
            self._permissions_missing(job, exc)
            raise GiveUp(Msg("giveup-cannot-post"), f"discord {exc.status} {exc.code}") from exc
        except (OSError, TimeoutError) as exc:
            raise RetryLater(f"discord: {type(exc).__name__}") from exc
        if not job.private:
            self._alerts.resolved(Incident.CHANNEL_FORBIDDEN, key=str(job.channel_id))
        return sent.id

    def _permissions_missing(self, job: Job, exc: discord.HTTPException) -> None:
        """A channel refused the bot (403 / 50001 / 50013): the operator should know (not for DMs: those are
        the member's choice)."""
        if job.private or not (exc.status == 403 or exc.code in (50001, 50013)):
            return
        self._alerts.incident(
            Incident.CHANNEL_FORBIDDEN,
            f"server {job.guild_id}, channel {job.channel_id}: discord {exc.status} {exc.code}",
            key=str(job.channel_id),
        )

    # ---- progress (throttled) ----------------------------------------------------------------------

    async def job_progress(self, job: Job) -> None:
        """Refresh the card, at most once per interval; a skipped refresh is flushed at the window's end."""
        if job.card_message_id is None or job.status.terminal:
            return
        state = self._cards.get(job.id)
        if state is None:
            # Limits Discord set on this channel before the card's first refresh are not news to it.
            seen = self._limits.channel_news(job.channel_id, 0).times
            state = self._cards[job.id] = _CardState(self._settings.card_edit_interval, seen)
        if state.pending is None:
            # Off the caller's path: a poll never waits on Discord (a busy channel may be rate limited).
            wait = max(0.0, state.last + state.interval - self._clock())
            state.pending = asyncio.create_task(self._flush_later(job.id, wait), name=f"card-{job.id}")

    async def _flush_later(self, job_id: int, wait: float) -> None:
        await asyncio.sleep(wait)
        state = self._cards.get(job_id)
        if state is None:
            return
        state.pending = None
        try:
            await self._edit_progress(job_id, state)
        except discord.HTTPException as exc:
            log.info("job=%s card refresh failed: %s %s", job_id, exc.status, exc.code)
        except Exception:
            log.exception("job=%s card refresh failed", job_id)

    def _lock(self, job_id: int) -> asyncio.Lock:
        return self._locks.setdefault(job_id, asyncio.Lock())

    async def _edit_progress(self, job_id: int, state: _CardState) -> None:
        async with self._lock(job_id):
            # Re-read under the lock: the job may have ended while this edit waited its turn.
            fresh = await self._store.get(job_id)
            if fresh is None or fresh.card_message_id is None:
                return
            if fresh.status.terminal or fresh.status in (S.COMPLETED, S.DELIVERING):
                return
            embed = await self._embed(fresh)
            view = self.views(fresh)
            shown = (embed.to_dict(), view.to_components() if view else None)
            if shown == state.last_shown:
                return  # nothing changed: don't spend Discord's rate limit on it
            # Discord limited another card's edit in this channel since this card last looked: the bucket is
            # the channel's, so this card slows down too, and waits its new interval before editing.
            if self._slowed_for_channel(job_id, fresh, state):
                state.pending = asyncio.create_task(
                    self._flush_later(job_id, state.interval), name=f"card-{job_id}"
                )
                return
            # On a shared store the throttle is also kept in the row: the job may have been worked by another
            # process that edited this card a moment ago. (0.9: our own timer already waited the interval.)
            # Alone on its database, this process's timer is the whole throttle: no write needed.
            if self._store.shared and not await self._store.take_card_edit(
                job_id, now=self._clock(), interval=0.9 * state.interval
            ):
                state.pending = asyncio.create_task(
                    self._flush_later(job_id, state.interval), name=f"card-{job_id}"
                )
                return
            state.last = self._clock()
            card = self._channel(fresh).get_partial_message(fresh.card_message_id)
            await card.edit(embed=embed, allowed_mentions=cards.NO_MENTIONS, view=view)
            state.last_shown = shown
        # Discord itself said this channel's edits are exhausted (or answered 429): edit this card less often.
        # Only Discord's word counts: an edit that was merely slow (a loaded host, a slow network) has nothing
        # to back off from, and had doubled the card's interval each time.
        if self._slowed_for_channel(job_id, fresh, state):
            return
        base = self._settings.card_edit_interval
        quiet = self._clock() - state.limited_at
        if state.interval > base and quiet >= QUIET_EDITS * base:
            state.interval = max(base, state.interval / 2)
            log.info(
                "job=%s card edits back to every %.1f s (Discord: channel not rate limited for %.0f s)",
                job_id, state.interval, quiet,
            )  # fmt: skip

    def _slowed_for_channel(self, job_id: int, job: Job, state: _CardState) -> bool:
        """If Discord limited an edit in the card's channel (this card's or another's) since the card last
        looked: double its interval (at least Discord's wait) and say so."""
        news = self._limits.channel_news(job.channel_id, state.channel_seen)
        state.channel_seen = news.times
        if news.wait <= 0:
            return False
        state.interval = min(MAX_EDIT_INTERVAL, max(state.interval, news.wait) * 2)
        state.limited_at = self._clock()
        log.info(
            "job=%s card edits slowed to every %.0f s (Discord: %s rate limited for %.1f s)",
            job_id, state.interval, "own edit" if news.message_id == job.card_message_id else "channel",
            news.wait,
        )  # fmt: skip
        return True

    def forget(self, job_id: int) -> None:
        state = self._cards.pop(job_id, None)
        if state is not None and state.pending is not None:
            state.pending.cancel()

    async def close(self) -> None:
        pending = [s.pending for s in self._cards.values() if s.pending is not None]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        self._cards.clear()

    # ---- delivery ----------------------------------------------------------------------------------

    async def deliver(self, job: Job, *, nonce: int, resumed: bool = False) -> Delivered:
        self.forget(job.id)
        if resumed:
            shown = await self._result_shown(job)
            if shown is not None:
                log.info("%s the result was already posted before a restart", job.log_fields())
                return shown
        path: Path | None = kept_clip_path(self._settings.data_dir, job.id)
        if path is None or not await asyncio.to_thread(path.is_file):
            # Not kept yet: fetch it (or reuse the download an interrupted attempt left) and keep it whole.
            path = await self._download(job)
            if path is not None:
                path = await self._whole_clip(job, path)
                await self._keep(job, path)
        if path is not None:
            upload = await self._fitting_file(job, path)
            if upload is not None:
                try:
                    return await self._post_result(job, path=upload, nonce=nonce)
                except _UploadRefused:
                    log.warning("%s upload refused as too large; posting a link instead", job.log_fields())
        return await self._post_result(job, path=None, nonce=nonce)

    async def _download(self, job: Job) -> Path | None:
        """The clip from the video service (None: too large to download, post the link)."""
        path = clip_path(self._settings.data_dir, job.id)
        if await asyncio.to_thread(path.is_file):
            return path
        if not job.video_url:
            raise GiveUp(Msg("giveup-no-clip"))
        if job.video_expires_at is not None and job.video_expires_at <= self._clock():
            raise GiveUp(Msg("giveup-clip-expired"))
        await asyncio.to_thread(path.parent.mkdir, parents=True, exist_ok=True)
        try:
            await self._api.download(job.video_url, path, max_bytes=self._settings.max_clip_bytes)
        except apimart.TooLarge:
            return None
        except apimart.ApiError as exc:
            if exc.retryable:
                raise RetryLater(f"download: {exc}") from exc
            raise GiveUp(Msg("giveup-clip-expired"), str(exc)) from exc
        return path

    async def _result_shown(self, job: Job) -> Delivered | None:
        """An earlier attempt may have posted the result before the process stopped: is it on the card?"""
        if job.card_message_id is None:
            return None
        try:
            card = await self._channel(job).fetch_message(job.card_message_id)
        except discord.NotFound:
            return None  # the card was deleted: a new one is sent (with the result's nonce)
        except discord.HTTPException as exc:
            raise RetryLater(f"discord {exc.status} {exc.code}") from exc
        except (OSError, TimeoutError) as exc:
            raise RetryLater(f"discord: {type(exc).__name__}") from exc
        if any(a.filename == _clip_name(job) for a in card.attachments):
            return Delivered("file")
        if card.embeds and (card.embeds[0].title or "").startswith(cards.title_of(S.DELIVERED, job.locale)):
            return Delivered("link")
        return None

    async def _whole_clip(self, job: Job, path: Path) -> Path:
        """For an extend: the parent's clip followed by the new part, unless the API already joined them."""
        mode = self._settings.extend_stitch
        # An extend — and a Retry or Remix of one, which continues the same parent — builds a longer video.
        if job.parent_job_id is None or not job.parent_task_id or mode == "never":
            return path
        parent = kept_clip_path(self._settings.data_dir, job.parent_job_id)
        if not await asyncio.to_thread(parent.is_file):
            log.info("%s parent clip not kept: posting the new part alone", job.log_fields())
            return path
        joined = path.with_suffix(".joined.mp4")
        if await asyncio.to_thread(joined.is_file):
            return joined
        try:
            if mode == "auto" and not await asyncio.to_thread(stitch.needs_stitch, parent, path):
                return path
            await asyncio.to_thread(stitch.concat, [parent, path], joined)
        except media.MediaError as exc:
            log.warning("%s could not join the clip to its parent: %s", job.log_fields(), exc)
            return path
        log.info("%s joined to the clip of job %s", job.log_fields(), job.parent_job_id)
        return joined

    async def _keep(self, job: Job, path: Path) -> None:
        """Keep the whole clip while it can still be extended (the janitor removes it later)."""
        kept = kept_clip_path(self._settings.data_dir, job.id)
        await asyncio.to_thread(kept.parent.mkdir, parents=True, exist_ok=True)
        await asyncio.to_thread(shutil.copyfile, path, kept)

    async def _fitting_file(self, job: Job, path: Path) -> Path | None:
        """The clip itself when it fits the upload limit, else a re-encoded copy that does, else None."""
        limit = self.upload_limit(job)
        size = (await asyncio.to_thread(path.stat)).st_size
        if size <= limit:
            return path
        fitted = path.with_suffix(".fit.mp4")
        if await asyncio.to_thread(_fits, fitted, limit):
            return fitted
        # Leave room for the multipart envelope Discord counts against the limit.
        target = limit - 64 * 1024
        try:
            ok = await asyncio.to_thread(media.fit_to_size, path, fitted, target)
        except media.MediaError as exc:
            log.warning("%s clip could not be re-encoded: %s", job.log_fields(), exc)
            return None
        log.info(
            "%s clip of %d bytes re-encoded to fit %d: %s",
            job.log_fields(), size, limit, "ok" if ok else "impossible",
        )  # fmt: skip
        return fitted if ok else None

    async def _post_result(self, job: Job, *, path: Path | None, nonce: int) -> Delivered:
        done = replace(job, status=S.DELIVERED)
        embed = cards.card_embed(done, now=self._clock(), link=None if path is not None else job.video_url)
        view = self.views(done)
        delivered_as = "file" if path is not None else "link"
        channel = self._channel(job)

        def files() -> list[discord.File]:
            return [discord.File(path, filename=_clip_name(job))] if path is not None else []

        try:
            async with self._lock(job.id):
                return await self._show_result(job, channel, embed, view, files, delivered_as, nonce)
        except discord.HTTPException as exc:
            if exc.status == 413 or exc.code == 40005:
                raise _UploadRefused from exc
            if isinstance(exc, discord.Forbidden) or exc.code in (10003, 50001, 50007, 50013):
                self._permissions_missing(job, exc)
                raise GiveUp(Msg("giveup-cannot-post-any-more"), f"discord {exc.status} {exc.code}") from exc
            raise RetryLater(f"discord {exc.status} {exc.code}") from exc
        except (OSError, TimeoutError) as exc:
            raise RetryLater(f"discord: {type(exc).__name__}") from exc

    async def _show_result(
        self,
        job: Job,
        channel: discord.PartialMessageable,
        embed: discord.Embed,
        view: discord.ui.View | None,
        files: Callable[[], list[discord.File]],
        delivered_as: str,
        nonce: int,
    ) -> Delivered:
        if job.card_message_id is not None:
            try:
                msg = channel.get_partial_message(job.card_message_id)
                await msg.edit(
                    embed=embed, attachments=files(), view=view, allowed_mentions=cards.NO_MENTIONS
                )
                return Delivered(delivered_as)
            except discord.NotFound as exc:
                if exc.code != 10008:  # unknown message: the card was deleted, post a new one
                    raise
        sent = await channel.send(
            embed=embed,
            files=files(),
            view=view or discord.utils.MISSING,
            allowed_mentions=cards.NO_MENTIONS,
            nonce=nonce,
        )
        return Delivered(delivered_as, card_message_id=sent.id)

    # ---- the end of a job --------------------------------------------------------------------------

    async def show_ending(self, job: Job) -> None:
        """The card shows how the job ended. Attachments are left alone: a posted clip is never wiped."""
        self.forget(job.id)
        if job.status == S.DELIVERED or job.card_message_id is None:
            return
        try:
            async with self._lock(job.id):
                await (
                    self._channel(job)
                    .get_partial_message(job.card_message_id)
                    .edit(
                        embed=cards.card_embed(job, now=self._clock()),
                        allowed_mentions=cards.NO_MENTIONS,
                        view=self.views(job),
                    )
                )
        except discord.NotFound:
            pass
        except discord.HTTPException as exc:
            if exc.status >= 500:
                raise RetryLater(f"discord {exc.status}") from exc
            log.warning("%s card could not be updated: %s %s", job.log_fields(), exc.status, exc.code)
        except (OSError, TimeoutError) as exc:
            raise RetryLater(f"discord: {type(exc).__name__}") from exc
        finally:
            self._locks.pop(job.id, None)

    async def ping(self, job: Job, *, nonce: int, resumed: bool = False) -> int | None:
        """One reply to the card that mentions only the requester."""
        channel = self._channel(job)
        if resumed and job.ping_started_at is not None:
            found = await self._find(job, job.ping_started_at, lambda m: _is_ping_of(m, job))
            if found is not None:
                return found
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
                nonce=nonce,
            )
        except discord.HTTPException as exc:
            if exc.status >= 500:
                raise RetryLater(f"discord {exc.status}") from exc
            log.warning("%s ping not sent: %s %s", job.log_fields(), exc.status, exc.code)
            return None
        except (OSError, TimeoutError) as exc:
            raise RetryLater(f"discord: {type(exc).__name__}") from exc
        return sent.id

    async def _find(self, job: Job, since: float, match: Callable[[discord.Message], bool]) -> int | None:
        """After an interrupted attempt: the bot's own message, looked for among the first ones posted
        from the recorded time on (never among the oldest after some earlier message)."""
        me = self._client.user
        if me is None:
            return None
        after = discord.Object(
            discord.utils.time_snowflake(
                datetime.datetime.fromtimestamp(since - LOOKUP_SLACK, tz=datetime.UTC)
            )
        )
        try:
            history = self._channel(job).history(limit=LOOKUP_LIMIT, after=after, oldest_first=True)
            async for message in history:
                if message.author.id == me.id and match(message):
                    return message.id
        except discord.HTTPException as exc:
            log.warning("%s could not read history to de-duplicate: %s", job.log_fields(), exc.status)
        return None


def _clip_name(job: Job) -> str:
    return f"video-{job.id}.mp4"


def _is_card_of(message: discord.Message, job: Job) -> bool:
    footer = message.embeds[0].footer.text if message.embeds else None
    mine = cards.footer_of(job.id, job.locale)  # the card was posted in the job's locale
    return bool(footer) and (footer == mine or str(footer).startswith(mine + " "))


def _is_ping_of(message: discord.Message, job: Job) -> bool:
    ref = message.reference
    if job.card_message_id is not None:
        return ref is not None and ref.message_id == job.card_message_id
    return job.user_id in message.raw_mentions


def _fits(path: Path, limit: int) -> bool:
    return path.is_file() and path.stat().st_size <= limit


class _UploadRefused(Exception):
    pass
