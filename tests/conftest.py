"""Fixtures: the fakes, and the real bot (in-process or as a `python -m bot` subprocess) wired to them."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import re
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import discord
import pytest
import yarl

from bot.app import App, build_app
from bot.jobs import Job
from bot.settings import Settings
from bot.store import Store
from bot.ui.bot import ShardedVideoBot, VideoBot
from tests.fakes.fake_apimart import FakeApiMart
from tests.fakes.fake_discord import (
    FakeChannel,
    FakeDiscord,
    FakeFile,
    FakeInteraction,
    FakeMessage,
    FakeUser,
)
from tests.stores import ON_POSTGRES, database_url_for
from tests.stores import three_stores as three_stores  # a fixture for every test module

_LOOPBACK = {"127.0.0.1", "localhost", "::1", "0.0.0.0", "", None}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On PostgreSQL (TEST_DATABASE_URL), tests about the SQLite file itself are skipped, saying why."""
    if not ON_POSTGRES:
        return
    skip = pytest.mark.skip(reason="about the SQLite file; the suite runs on PostgreSQL")
    for item in items:
        if item.get_closest_marker("sqlite_only"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests talk to 127.0.0.1 only: resolving any other host fails loudly (never discord.com or the API)."""
    real = socket.getaddrinfo

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name not in _LOOPBACK and not str(name).startswith("127."):
            raise OSError(f"tests may only talk to 127.0.0.1, not {name!r}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)


class TestBot(VideoBot):
    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return None  # discord.py sleeps 5 s before a re-IDENTIFY; tests need not wait


class ShardedTestBot(TestBot, ShardedVideoBot):
    """TestBot holding SHARD_IDS of SHARD_COUNT shards (the fake does not limit IDENTIFYs either)."""


@dataclasses.dataclass
class Harness:
    """The real bot against the fakes. `start()`, `restart()`, act as users through `discord`."""

    discord: FakeDiscord
    api: FakeApiMart
    data_dir: Path
    monkeypatch: pytest.MonkeyPatch
    overrides: dict[str, Any] = dataclasses.field(default_factory=dict)
    clock: Callable[[], float] | None = None  # the bot's clock (e.g. the fake API's, to step time)
    # False: a second bot process on the same SQLite file (tests of several processes; production refuses it)
    exclusive_store: bool = True
    bot: VideoBot | None = None
    _task: asyncio.Task[None] | None = None
    _app: App | None = None
    _store: Store | None = None

    @property
    def settings(self) -> Settings:
        base: dict[str, Any] = {
            "discord_token": self.discord.token,
            "apimart_api_key": self.api.api_key,
            "apimart_base_url": self.api.base_url,
            "database_path": self.data_dir / "bot.sqlite3",
            "database_url": database_url_for(self.data_dir / "bot.sqlite3"),
            "dev_guild_id": self.discord.guild.id,
            "poll_first_delay": 0.05,
            "poll_min_interval": 0.05,
            "poll_max_interval": 0.5,
            "api_timeout_seconds": 5.0,
            # Tests poll every 50 ms: the production request budget (300/min) would only slow them down.
            "api_rate_per_minute": 100_000.0,
            "cooldown_seconds": 0.0,
            "card_edit_interval": 0.2,
            "discord_api_base": self.discord.api_base,
            "discord_gateway_url": self.discord.gateway_url,
        }
        base.update(self.overrides)
        return Settings(**base)

    @property
    def store(self) -> Store:
        assert self._store is not None
        return self._store

    async def start(self, **overrides: Any) -> VideoBot:
        self.overrides.update(overrides)
        settings = self.settings
        self.monkeypatch.setattr(discord.http.Route, "BASE", self.discord.api_base)
        self.monkeypatch.setattr(
            discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(self.discord.gateway_url)
        )
        clocked: dict[str, Any] = {"clock": self.clock} if self.clock is not None else {}
        bot_cls = ShardedTestBot if settings.sharded else TestBot
        self._app = await build_app(
            settings,
            bot_cls=bot_cls,
            exclusive_store=self.exclusive_store,
            guild_ready_timeout=0.05,
            **clocked,
        )
        bot = self._app.bot
        self._store = self._app.store
        self.bot = bot
        self._task = asyncio.create_task(bot.start(settings.discord_token))
        ready = asyncio.ensure_future(bot.wait_until_ready())
        done, _ = await asyncio.wait({self._task, ready}, timeout=15, return_when=asyncio.FIRST_COMPLETED)
        if self._task in done:
            ready.cancel()
            self._task.result()
            raise AssertionError("the bot stopped during start-up")
        if ready not in done:
            ready.cancel()
            raise AssertionError("the bot did not become ready")
        return bot

    async def stop(self) -> None:
        if self.bot is not None:
            await self.bot.close()
        if self._task is not None:
            await self._task
        if self._app is not None:
            await self._app.close()
        self.bot = self._task = self._store = self._app = None

    async def restart(self, **overrides: Any) -> VideoBot:
        await self.stop()
        return await self.start(**overrides)

    async def job_when(self, job_id: int, predicate: Callable[[Job], bool], timeout: float = 15) -> Job:
        """The job's row once `predicate` holds, re-read each time the worker finishes a step."""
        assert self.bot is not None
        worker = self.bot.worker
        async with asyncio.timeout(timeout):
            while True:
                seen = worker.steps_done
                job = await self.store.get(job_id)
                if job is not None and predicate(job):
                    return job
                await worker.step_finished(seen)

    async def ended(self, job_id: int, timeout: float = 15) -> Job:
        """The job's row once it has ended and its member has been told."""
        return await self.job_when(job_id, lambda j: j.status.terminal and j.announced, timeout)

    # ---- acting --------------------------------------------------------------------------------------

    async def video(
        self,
        user: FakeUser,
        prompt: str | None = "a cat surfing a wave",
        *,
        files: dict[str, FakeFile] | None = None,
        **options: Any,
    ) -> FakeInteraction:
        opts = dict(options)
        if prompt is not None:
            opts["prompt"] = prompt
        return await self.discord.slash(user, "video", opts, attachments=files or None)

    async def result_for(self, user: FakeUser, timeout: float = 15) -> FakeMessage:
        """The delivered card (a message with an MP4 or a download link) of `user`'s latest job."""

        def done(m: FakeMessage) -> bool:
            return asked_by(m) == user.id and _is_final(m)

        return await self.discord.wait_for_message(done, timeout=timeout)


async def answer(ia: FakeInteraction) -> FakeMessage:
    """The bot's (ephemeral) answer to `ia`, once it is more than "thinking…"."""
    msg = await ia.wait_original(lambda m: not m.loading)
    assert ia.ephemeral, "every answer is ephemeral"
    return msg


def job_number(message: FakeMessage) -> int | None:
    """The job a card belongs to (its footer "Job #N"), or None when the message is not a card."""
    if not message.embeds:
        return None
    found = re.match(r"Job #(\d+)", str((message.embeds[0].get("footer") or {}).get("text", "")))
    return int(found.group(1)) if found else None


async def card_of_job(
    h: Harness,
    job_id: int,
    *,
    channel: FakeChannel | None = None,
    timeout: float = 10,
    where: Callable[[FakeMessage], bool] | None = None,
) -> FakeMessage:
    """The bot's card of job `job_id` (optionally once `where` holds), waiting for it."""

    def match(m: FakeMessage) -> bool:
        return (
            m.author.id == h.discord.bot_user.id and job_number(m) == job_id and (where is None or where(m))
        )

    return await h.discord.wait_for_message(match, channel=channel, timeout=timeout)


async def delivered_card(
    h: Harness, job_id: int, *, channel: FakeChannel | None = None, timeout: float = 15
) -> FakeMessage:
    return await card_of_job(h, job_id, channel=channel, timeout=timeout, where=lambda m: bool(m.attachments))


def asked_by(message: FakeMessage) -> int | None:
    """The requester shown on a job card ("Asked by" field), or None when it is not a card."""
    for embed in message.embeds:
        for f in embed.get("fields", []):
            if f.get("name") == "Asked by":
                return int(str(f["value"]).strip("<@!>"))
    return None


def _is_final(message: FakeMessage) -> bool:
    title = (message.embeds[0].get("title") or "") if message.embeds else ""
    return not title.startswith(("⏳", "🎬", "📦"))


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    fake = await FakeDiscord().start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeApiMart]:
    fake = await FakeApiMart().start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def harness(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Harness]:
    h = Harness(discord=fake_discord, api=fake_api, data_dir=tmp_path / "data", monkeypatch=monkeypatch)
    try:
        yield h
    finally:
        await h.stop()


@pytest.fixture
async def bot_harness(harness: Harness) -> Harness:
    """A harness whose bot is already running with default test settings."""
    await harness.start()
    return harness


@dataclasses.dataclass
class BotProcess:
    """`python -m bot` as a real subprocess pointed at the fakes (for kill -9 / restart tests)."""

    env: dict[str, str]
    log_path: Path
    cwd: Path
    proc: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        log = self.log_path.open("ab")
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=str(self.cwd), env=self.env, stdout=log, stderr=log
        )
        log.close()

    async def kill(self) -> None:
        """SIGKILL: no clean-up of any kind runs in the bot."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()
        self.proc = None

    async def terminate(self) -> int:
        assert self.proc is not None
        self.proc.terminate()
        code = await self.proc.wait()
        self.proc = None
        return code

    def output(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


@pytest.fixture
async def bot_process(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, tmp_path: Path
) -> AsyncIterator[BotProcess]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "APIMART_"))}
    env.update(
        {
            "DISCORD_TOKEN": fake_discord.token,
            "APIMART_API_KEY": fake_api.api_key,
            "APIMART_BASE_URL": fake_api.base_url,
            "DATABASE_PATH": str(tmp_path / "data" / "bot.sqlite3"),
            "DATABASE_URL": database_url_for(tmp_path / "data" / "bot.sqlite3"),
            "DEV_GUILD_ID": str(fake_discord.guild.id),
            "POLL_FIRST_DELAY": "0.05",
            "POLL_MIN_INTERVAL": "0.05",
            "POLL_MAX_INTERVAL": "0.5",
            "COOLDOWN_SECONDS": "0",
            "DISCORD_API_BASE": fake_discord.api_base,
            "DISCORD_GATEWAY_URL": fake_discord.gateway_url,
            "LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
        }
    )
    proc = BotProcess(env=env, log_path=tmp_path / "bot.log", cwd=tmp_path)
    try:
        yield proc
    finally:
        if proc.proc is not None and proc.proc.returncode is None:
            await proc.kill()
        # pytest shows a test's captured output only when it fails: the bot's own log, to see why.
        print(f"--- the bot's output (the last 8,000 characters) ---\n{proc.output()[-8000:]}")
