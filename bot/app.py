"""build_app(): the one composition root, used by `python -m bot` and by the tests alike.

Settings → one aiohttp session → the store (SQLite, one process per file) → the API client and its gate →
the Discord bot (which builds its presenter and the worker). `App.close()` unwinds in reverse order.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp

from bot.apimart import ApiMartClient
from bot.settings import Settings
from bot.startup import ENVIRONMENT, StartupError
from bot.store import Store
from bot.ui.bot import VideoBot, bot_class
from bot.worker.gate import ApiGate


@dataclass
class App:
    settings: Settings
    session: aiohttp.ClientSession
    store: Store
    api: ApiMartClient
    gate: ApiGate
    bot: VideoBot

    async def close(self) -> None:
        """Close the bot (it drains first), then the store, then the session."""
        try:
            if not self.bot.is_closed():
                await self.bot.close()
        finally:
            try:
                await self.store.close()
            finally:
                await self.session.close()


async def open_store(
    settings: Settings, *, clock: Callable[[], float] = time.time, exclusive: bool = True
) -> Store:
    """PostgreSQL when DATABASE_URL is set (shared by several processes), else the SQLite file (this process
    alone, unless `exclusive=False`: tests only)."""
    if settings.database_url:
        try:  # the data folder (kept references and clips, the health file) lives beside DATABASE_PATH
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StartupError(
                f"the data folder {settings.data_dir} (DATABASE_PATH's folder) cannot be created "
                f"({exc.strerror or type(exc).__name__}): make it writable, or choose another DATABASE_PATH",
                ENVIRONMENT,
            ) from None
        return await Store.connect(settings.database_url, clock=clock)
    return await Store.open(settings.database_path, clock=clock, exclusive=exclusive)


async def build_app(
    settings: Settings,
    *,
    bot_cls: type[VideoBot] | None = None,
    clock: Callable[[], float] = time.time,
    exclusive_store: bool = True,
    **bot_options: Any,
) -> App:
    """Build everything. Raises store.DatabaseInUse when another process holds the database (before
    anything else is opened). `bot_cls` defaults to VideoBot, sharded when SHARD_COUNT is set.
    `exclusive_store=False` only for tests that run several bots on one SQLite file."""
    store = await open_store(settings, clock=clock, exclusive=exclusive_store)
    session = aiohttp.ClientSession()
    try:
        api = ApiMartClient(
            session,
            base_url=settings.apimart_base_url,
            api_key=settings.apimart_api_key,
            model=settings.apimart_model,
            timeout=settings.api_timeout_seconds,
        )
        gate = ApiGate(settings, clock=clock, shared=store if store.shared else None)
        bot = (bot_cls or bot_class(settings))(
            settings=settings, session=session, store=store, api=api, gate=gate, clock=clock, **bot_options
        )
    except BaseException:
        await session.close()
        await store.close()
        raise
    return App(settings=settings, session=session, store=store, api=api, gate=gate, bot=bot)
