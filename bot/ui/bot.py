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
from bot.i18n import Msg
from bot.media import janitor
from bot.ops.health import Heartbeat, health_file
from bot.settings import Settings
from bot.startup import listen_problem
from bot.store import Store
from bot.ui.alerts import DiscordAlerts
from bot.ui.presenter import DiscordPresenter
from bot.ui.ratelimits import DiscordLimits
from bot.ui.replies import reply
from bot.ui.startup import sync_problem
from bot.ui.translator import CatalogTranslator
from bot.worker.context import Context
from bot.worker.gate import ApiGate
from bot.worker.loop import DRAIN_SECONDS, Worker

log = logging.getLogger("bot.ui.bot")

JANITOR_INTERVAL = 3600.0
# discord.py runs each command, button and modal in a task of its own, named so: on SIGTERM the ones in flight
# get to answer (a new job is refused with "restarting") before the HTTP session closes under them.
_INTERACTION_TASKS = ("CommandTree-invoker", "discord-ui-view-dispatch-", "discord-ui-modal-dispatch-")
ANSWER_SECONDS = 3.0  # of the drain's time, at most this much for commands in flight to answer
EXTENSIONS = ("cogs.buttons", "cogs.video", "cogs.info", "cogs.admin", "cogs.story")


class VideoTree(app_commands.CommandTree["VideoBot"]):
    async def on_error(
        self, interaction: discord.Interaction[VideoBot], error: app_commands.AppCommandError
    ) -> None:
        """Every unexpected error becomes one sentence for the user and a log line for the operator."""
        if isinstance(error, app_commands.CheckFailure):
            # A check that explains itself carries its sentence as a catalog message.
            await reply(interaction, getattr(error, "sentence", None) or Msg("refusal-check-failed"))
            return
        command = interaction.command.qualified_name if interaction.command else "?"
        log.error("command %s failed", command, exc_info=error)
        await reply(interaction, Msg("refusal-something-wrong"))


class VideoBot(commands.Bot):
    """The Discord side. The session, store, API client and API gate come from the composition root
    (`bot.app.build_app`); the bot builds what needs the Discord client: the presenter and the worker."""

    STOP_GATEWAY_FIRST = True  # stop discord.py's connect loop before its close (see connect)

    webhook: WebhookReceiver | None = None

    def __init__(
        self,
        *,
        settings: Settings,
        session: aiohttp.ClientSession,
        store: Store,
        api: ApiMartClient,
        gate: ApiGate,
        clock: Callable[[], float] = time.time,
        **options: Any,
    ) -> None:
        intents = discord.Intents.none()
        intents.guilds = True  # channel and boost-tier cache: upload limits and permissions
        limits = DiscordLimits()  # Discord's rate-limit answers, seen through discord.py's HTTP session
        super().__init__(
            http_trace=limits.trace_config(),
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
        self.alerts = DiscordAlerts(
            self, channel_id=settings.operator_alert_channel_id, clock=clock,
            secrets=(settings.discord_token, settings.apimart_api_key),
        )  # fmt: skip
        self.presenter = DiscordPresenter(
            self, api=api, store=store, settings=settings, clock=clock, alerts=self.alerts, limits=limits
        )
        self.presenter.waiting_reason = lambda: self.worker.submit_pause
        self.worker = Worker(
            Context(
                store=store, api=api, gate=gate, presenter=self.presenter, settings=settings,
                owner=store.process_id, clock=clock, webhook_url=settings.webhook_public_url or None,
                alerts=self.alerts,
            )
        )  # fmt: skip
        self._janitor: asyncio.Task[None] | None = None
        self._gateway: asyncio.Task[None] | None = None  # discord.py's connect loop (see connect)
        self._closing = False
        self._closed = asyncio.Event()
        self.health = Heartbeat(
            health_file(settings.data_dir),
            worker=self.worker,
            ready=lambda: self.is_ready() and not self.is_closed(),
        )

    async def setup_hook(self) -> None:
        # Before the sync: command names and descriptions go out with their localizations.
        await self.tree.set_translator(CatalogTranslator())
        for name in EXTENSIONS:
            await self.load_extension(name)
        if not self.settings.syncs_commands:
            # Several processes share the bot: the one holding shard 0 syncs, the others would only repeat it.
            log.info("commands are synced by the process holding shard 0")
        elif self.settings.dev_guild_id:
            guild = discord.Object(self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self._sync(guild)
            log.info("synced %d commands to the dev guild %s", len(synced), self.settings.dev_guild_id)
        else:
            # A bulk overwrite: unchanged commands are not re-created, so this is safe on every start.
            synced = await self._sync(None)
            log.info("synced %d global commands", len(synced))
        await self.worker.start()
        log.info("worker started")
        self.health.start()
        push_url = self.settings.webhook_public_url or None
        if push_url:
            self.webhook = WebhookReceiver(
                public_url=push_url,
                host=self.settings.webhook_listen_host,
                port=self.settings.webhook_listen_port,
                on_task=self.worker.poke,
                health=self.health.current,
            )
            try:
                await self.webhook.start()
            except OSError as exc:  # one start-up sentence naming the setting, never a traceback
                self.webhook = None
                host, port = self.settings.webhook_listen_host, self.settings.webhook_listen_port
                raise listen_problem(host, port, exc) from exc
        self._janitor = asyncio.create_task(self._sweep_forever(), name="janitor")

    async def _sync(self, guild: discord.abc.Snowflake | None) -> list[app_commands.AppCommand]:
        """Sync the commands; Discord refusing (say, 403 for a DEV_GUILD_ID the bot is not in) becomes one
        start-up sentence."""
        try:
            return await self.tree.sync(guild=guild)
        except discord.HTTPException as exc:
            raise sync_problem(self.settings, self.application_id, exc) from exc

    # Gateway events drive the health signal (READY again after a re-IDENTIFY, RESUMED after a resume).
    async def on_ready(self) -> None:
        self.health.gateway_up()

    async def on_resumed(self) -> None:
        self.health.gateway_up()

    async def on_disconnect(self) -> None:
        self.health.gateway_down()

    async def _sweep_forever(self) -> None:
        """Trim kept reference files once an hour (and once at start-up). On a shared store the processes
        share the data folder too (a volume): one of them sweeps, the one whose turn it is."""
        while True:
            try:
                if self.store.shared and not await self.store.take_turn(
                    "janitor", self.worker.ctx.owner, until=self.clock() + 1.5 * JANITOR_INTERVAL,
                    now=self.clock(),
                ):  # fmt: skip
                    await asyncio.sleep(JANITOR_INTERVAL)
                    continue
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

    async def connect(self, *, reconnect: bool = True) -> None:
        """discord.py's gateway loop, run in a task of its own that close() stops before discord.py's close.

        That close unsets the client's event loop (`Client.loop = MISSING`) while the loop may still be
        reconnecting: a connect attempt in flight then fails (its connector closed), dispatches "disconnect"
        on the unset loop and raises AttributeError out of connect(), so SIGTERM during a gateway outage
        exited 1 with a traceback; and a loop in its backoff sleep (which doubles up to 1024 s) held the exit
        back."""
        self._gateway = gateway = asyncio.create_task(super().connect(reconnect=reconnect), name="gateway")
        try:
            await gateway
        except asyncio.CancelledError:
            me = asyncio.current_task()
            if not (gateway.cancelled() and self._closing and (me is None or not me.cancelling())):
                raise  # cancelled from outside, not stopped by close()
            # Stopped by close(): return once it is done (discord.py's loop returns once the client closed),
            # so that `async with bot` finds the client closing instead of closing it a second time.
            await self._closed.wait()

    async def _stop_gateway(self) -> None:
        """Stop the gateway loop (reconnect attempts and backoff sleeps included) unless it is the caller."""
        gateway = self._gateway
        if gateway is None or gateway.done() or gateway is asyncio.current_task():
            return
        gateway.cancel()
        await asyncio.wait([gateway])

    async def close(self) -> None:
        """Drain, then unwind: no new work; in-flight submits, deliveries and pings get a bounded time to
        finish while Discord's REST still works; then everything closes in reverse order."""
        if self._closing:
            return await self._close_client()
        self._closing = True
        try:
            await self._drain_and_close()
        finally:
            self._closed.set()

    async def _drain_and_close(self) -> None:
        await self.health.stop()  # draining counts as unhealthy
        if self.webhook is not None:  # first: no callback may poke a stopping worker
            await self.webhook.stop()
            self.webhook = None
        if self._janitor is not None:
            self._janitor.cancel()
            await asyncio.gather(self._janitor, return_exceptions=True)
        # No new job from here on; the commands already in flight answer first (a member whose /video
        # arrived just before SIGTERM is told to try again, not left "thinking" for ever), then the worker.
        self.worker.ctx.draining = True
        waited = await _answer_in_flight(ANSWER_SECONDS)
        await self.worker.drain(timeout=max(1.0, DRAIN_SECONDS - waited))
        await self.presenter.close()
        await self.alerts.close()
        await self._close_client()

    async def _close_client(self) -> None:
        """discord.py's close, with its gateway loop stopped around it."""
        if self.STOP_GATEWAY_FIRST:
            await self._stop_gateway()  # before discord.py's close: see connect()
        await super().close()
        await self._stop_gateway()  # a sharded client's loop may be asleep in a reconnect backoff


async def _answer_in_flight(timeout: float) -> float:
    """Wait (at most `timeout`) for the interaction handlers in flight; the seconds it took."""
    me = asyncio.current_task()
    pending = [
        t
        for t in asyncio.all_tasks()
        if t is not me and not t.done() and t.get_name().startswith(_INTERACTION_TASKS)
    ]
    if not pending:
        return 0.0
    started = time.monotonic()
    log.info("draining: waiting up to %.0f s for %d interaction(s) to be answered", timeout, len(pending))
    _, late = await asyncio.wait(pending, timeout=timeout)
    if late:
        log.warning("draining: %d interaction(s) not answered in time", len(late))
    return time.monotonic() - started


IDENTIFY_SPACING = 5.0  # Discord: one IDENTIFY per 5 s per max_concurrency bucket (1 for most bots)


class ShardedVideoBot(VideoBot, commands.AutoShardedBot):
    """The same bot holding `SHARD_IDS` (default: all) of `SHARD_COUNT` shards, one gateway connection each.

    Everything else is VideoBot's: jobs are claimed from the shared store and delivered over REST, so any
    process can deliver a job of any guild; an interaction only reaches the process holding its guild's shard.
    """

    def __init__(self, *, settings: Settings, **options: Any) -> None:
        if settings.shard_count is None:
            raise ValueError("ShardedVideoBot needs SHARD_COUNT")
        ids = list(settings.shard_ids) if settings.shard_ids is not None else None
        super().__init__(settings=settings, shard_count=settings.shard_count, shard_ids=ids, **options)
        self._shards_down: set[int] = set()

    # After discord.py's close, not before: AutoShardedClient.close keeps the client's event loop, and a
    # shard reconnecting swallows a cancel (its loop would then wait for the clean-close item that close puts
    # on its queue). What the cancel is for here: the loop sleeps a failed reconnect's backoff in its own
    # task (shard._handle_disconnect, up to 1024 s over an outage) and saw the close only after it.
    STOP_GATEWAY_FIRST = False

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """discord.py spaces the IDENTIFYs of one process's shards; on a shared store the spacing holds
        across every process (they start together after a deploy or a host's reboot)."""
        if not self.store.shared:
            return await super().before_identify_hook(shard_id, initial=initial)
        owner = f"{self.worker.ctx.owner}:{shard_id}"
        await self.store.wait_for_turn("identify", owner, spacing=IDENTIFY_SPACING, clock=self.clock)

    # Health per shard: discord.py dispatches READY once for all shards (not again after one shard's
    # re-IDENTIFY), and its shard-less resumed/disconnect events do not say which shard.
    async def on_ready(self) -> None:
        if not self._shards_down:
            self.health.gateway_up()

    async def on_resumed(self) -> None:
        return None

    async def on_disconnect(self) -> None:
        return None

    async def on_shard_ready(self, shard_id: int) -> None:
        self._shard_up(shard_id)

    async def on_shard_resumed(self, shard_id: int) -> None:
        self._shard_up(shard_id)

    async def on_shard_disconnect(self, shard_id: int) -> None:
        self._shards_down.add(shard_id)
        self.health.gateway_down()

    def _shard_up(self, shard_id: int) -> None:
        self._shards_down.discard(shard_id)
        if not self._shards_down and self.is_ready():
            self.health.gateway_up()


def bot_class(settings: Settings) -> type[VideoBot]:
    """VideoBot for one unsharded connection (SHARD_COUNT unset), else ShardedVideoBot."""
    return ShardedVideoBot if settings.sharded else VideoBot
