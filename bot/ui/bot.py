"""The discord.py Bot subclass: setup_hook wires everything, close() unwinds it."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.apimart import ApiMartClient
from bot.apimart.webhook import WebhookReceiver
from bot.media import janitor
from bot.settings import Settings
from bot.store import Store
from bot.ui.presenter import DiscordPresenter
from bot.ui.replies import reply
from bot.worker.engine import Poller
from bot.worker.ratelimit import RateLimiter

log = logging.getLogger("bot.ui.bot")

JANITOR_INTERVAL = 3600.0
EXTENSIONS = ("cogs.buttons", "cogs.video", "cogs.info", "cogs.admin")


class VideoTree(app_commands.CommandTree["VideoBot"]):
    async def on_error(
        self, interaction: discord.Interaction[VideoBot], error: app_commands.AppCommandError
    ) -> None:
        """Every unexpected error becomes one sentence for the user and a log line for the operator."""
        if isinstance(error, app_commands.CheckFailure):
            await reply(interaction, str(error) or "You can't use this command here.")
            return
        command = interaction.command.qualified_name if interaction.command else "?"
        log.error("command %s failed", command, exc_info=error)
        await reply(interaction, "Something went wrong on my side; nothing was charged. Please try again.")


class VideoBot(commands.Bot):
    """Owns nothing it did not create: the session, store and API client come from the composition root."""

    presenter: DiscordPresenter
    poller: Poller
    limiter: RateLimiter
    webhook: WebhookReceiver | None = None

    def __init__(
        self,
        *,
        settings: Settings,
        session: aiohttp.ClientSession,
        store: Store,
        api: ApiMartClient,
        clock: Callable[[], float] = time.time,
        **options: Any,
    ) -> None:
        intents = discord.Intents.none()
        intents.guilds = True  # channel and boost-tier cache: upload limits and permissions
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            tree_cls=VideoTree,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            **options,
        )
        self.settings = settings
        self.session = session
        self.store = store
        self.api = api
        self.clock = clock

    async def setup_hook(self) -> None:
        self.presenter = DiscordPresenter(
            self, api=self.api, store=self.store, settings=self.settings, clock=self.clock
        )
        # One request budget for every API call the process makes.
        self.limiter = RateLimiter(self.settings.api_rate_per_minute)
        push_url = self.settings.webhook_public_url or None
        self.poller = Poller(
            store=self.store,
            api=self.api,
            presenter=self.presenter,
            settings=self.settings,
            clock=self.clock,
            webhook_url=push_url,
            limiter=self.limiter,
        )
        self.presenter.waiting_reason = lambda: self.poller.submit_pause
        for name in EXTENSIONS:
            await self.load_extension(name)
        if self.settings.dev_guild_id:
            guild = discord.Object(self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to the dev guild %s", len(synced), self.settings.dev_guild_id)
        else:
            # A bulk overwrite: unchanged commands are not re-created, so this is safe on every start.
            synced = await self.tree.sync()
            log.info("synced %d global commands", len(synced))
        await self.poller.start()
        log.info("poller started")
        if push_url:
            self.webhook = WebhookReceiver(
                public_url=push_url,
                host=self.settings.webhook_listen_host,
                port=self.settings.webhook_listen_port,
                on_task=self.poller.poke,
            )
            await self.webhook.start()
        self._janitor = asyncio.create_task(self._sweep_forever(), name="janitor")

    async def _sweep_forever(self) -> None:
        """Trim kept reference files once an hour (and once at start-up)."""
        while True:
            try:
                await janitor.sweep(
                    self.store,
                    self.settings.data_dir,
                    now=self.clock(),
                    retention_days=self.settings.reference_retention_days,
                    max_mb=self.settings.reference_storage_max_mb,
                    kept_clip_hours=self.settings.extend_max_age_hours,
                )
            except Exception:
                log.exception("sweeping the data folder failed")
            await asyncio.sleep(JANITOR_INTERVAL)

    async def close(self) -> None:
        if self.webhook is not None:  # first: no callback may poke a stopping poller
            await self.webhook.stop()
            self.webhook = None
        sweeper = getattr(self, "_janitor", None)
        if sweeper is not None:
            sweeper.cancel()
            await asyncio.gather(sweeper, return_exceptions=True)
        poller = getattr(self, "poller", None)
        if poller is not None:
            await poller.stop()
        presenter = getattr(self, "presenter", None)
        if presenter is not None:
            await presenter.close()
        await super().close()
