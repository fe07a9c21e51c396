"""Two bot processes, each holding one of 2 shards, on one fake Discord and one job store.

An interaction reaches only the process holding its guild's shard; any process may claim and deliver a job
(over REST), with the guild's upload limit stored at admission; commands are synced once, by shard 0.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import discord
import pytest

from bot.jobs import Job, JobStatus
from bot.ui.bot import ShardedVideoBot, VideoBot
from tests.conftest import Harness, asked_by, job_number
from tests.fakes.fake_apimart import Timeline
from tests.fakes.fake_discord import FakeChannel, FakeDiscord, FakeGuild, FakeMessage, FakeUser

pytestmark = pytest.mark.e2e

MiB = 1024 * 1024


@pytest.fixture
async def pair(harness: Harness) -> AsyncIterator[tuple[Harness, Harness]]:
    """Two processes' worth of bot (not started): the second opens the same SQLite file non-exclusively,
    as both would share one PostgreSQL in production."""
    second = Harness(
        discord=harness.discord,
        api=harness.api,
        data_dir=harness.data_dir,
        monkeypatch=harness.monkeypatch,
        exclusive_store=False,
    )
    try:
        yield harness, second
    finally:
        await second.stop()


def record_interactions(bot: VideoBot) -> list[int]:
    """The ids of the interactions this bot process received over its gateway connection(s)."""
    seen: list[int] = []

    async def on_interaction(interaction: discord.Interaction[VideoBot]) -> None:
        seen.append(interaction.id)

    bot.add_listener(on_interaction, "on_interaction")
    return seen


async def start_both(h0: Harness, h1: Harness) -> tuple[list[int], list[int]]:
    # Global commands (no DEV_GUILD_ID), so /video exists in every guild.
    await h0.start(shard_count=2, shard_ids=(0,), dev_guild_id=None)
    await h1.start(shard_count=2, shard_ids=(1,), dev_guild_id=None)
    assert h0.bot is not None and h1.bot is not None
    return record_interactions(h0.bot), record_interactions(h1.bot)


def member_of(fake: FakeDiscord, guild: FakeGuild, name: str) -> FakeUser:
    return fake.add_user(name, guild=guild)


async def settled(h0: Harness, h1: Harness, job_id: int, timeout: float = 15) -> Job:
    """The job's row once it has ended and been announced, whichever of the two processes worked it: the
    ping lands on the wire a moment before `announced` is stored, so the row is re-read after each step
    either worker finishes."""
    assert h0.bot is not None and h1.bot is not None
    workers = (h0.bot.worker, h1.bot.worker)
    async with asyncio.timeout(timeout):
        while True:
            done = [w.steps_done for w in workers]
            job = await h0.store.get(job_id)
            if job is not None and job.status.terminal and job.announced:
                return job
            waits = [asyncio.ensure_future(w.step_finished(n)) for w, n in zip(workers, done, strict=True)]
            try:
                await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for wait in waits:
                    wait.cancel()


def results(fake: FakeDiscord, channel: FakeChannel, user: FakeUser) -> list[FakeMessage]:
    """The delivered cards (with the clip) of `user` in `channel`."""
    return [m for m in channel.messages if m.attachments and asked_by(m) == user.id]


def pings(channel: FakeChannel, user: FakeUser) -> list[FakeMessage]:
    return [m for m in channel.messages if m.pinged_user_ids == {user.id}]


async def test_each_process_gets_its_shards_guilds_and_every_job_is_delivered_once(
    pair: tuple[Harness, Harness],
) -> None:
    h0, h1 = pair
    fake = h0.discord
    g0, g1 = fake.add_guild("Zero", shard=(0, 2)), fake.add_guild("One", shard=(1, 2))
    seen0, seen1 = await start_both(h0, h1)
    assert h0.bot is not None and h1.bot is not None
    assert isinstance(h0.bot, ShardedVideoBot) and h0.bot.shard_ids == [0] and h1.bot.shard_ids == [1]
    assert sorted(fake.shard_sessions()) == [(0, 2), (1, 2)]
    assert h0.bot.get_guild(g0.id) is not None and h0.bot.get_guild(g1.id) is None
    assert h1.bot.get_guild(g1.id) is not None and h1.bot.get_guild(g0.id) is None
    assert fake.command_syncs == [None], "commands synced once, by the process holding shard 0"

    alice, bob = member_of(fake, g0, "alice"), member_of(fake, g1, "bob")
    carol = member_of(fake, g1, "carol")
    channel0, channel1 = g0.channels[0], g1.channels[0]
    asked = [
        await fake.slash(alice, "video", {"prompt": "zero"}, channel=channel0),
        await fake.slash(bob, "video", {"prompt": "one"}, channel=channel1),
        await fake.slash(carol, "video", {"prompt": "one again"}, channel=channel1),
    ]
    for user, channel in ((alice, channel0), (bob, channel1), (carol, channel1)):
        await fake.wait_until(lambda u=user, c=channel: bool(results(fake, c, u) and pings(c, u)), timeout=30)

    assert seen0 == [asked[0].id], "shard 0's process got only the command from its guild"
    assert seen1 == [asked[1].id, asked[2].id], "shard 1's process got only the commands from its guild"
    for user, channel in ((alice, channel0), (bob, channel1), (carol, channel1)):
        assert len(results(fake, channel, user)) == 1 and len(pings(channel, user)) == 1
        cards = [m for m in channel.messages if asked_by(m) == user.id and job_number(m) is not None]
        assert len(cards) == 1, "one card per job, edited into the result"
    assert len(h0.api.submits) == 3, "nothing submitted twice"
    for job_id in (1, 2, 3):
        assert (await settled(h0, h1, job_id)).status == JobStatus.DELIVERED
    assert fake.command_syncs == [None]


async def test_a_process_without_the_guilds_shard_delivers_with_the_stored_upload_limit(
    pair: tuple[Harness, Harness],
) -> None:
    h0, h1 = pair
    fake, api = h0.discord, h0.api
    boosted = fake.add_guild("Boosted", premium_tier=2, shard=(1, 2))  # 50 MiB instead of 10
    await start_both(h0, h1)
    assert h0.bot is not None and h1.bot is not None
    bob = member_of(fake, boosted, "bob")
    channel = boosted.channels[0]

    # A file over Discord's default 10 MiB that cannot be re-encoded: with a guessed limit it could only be
    # a link; with the guild's real limit it is posted as it is.
    clip = b"\x00\x00\x00\x20ftypisom" + bytes(11 * MiB)
    api.queue_timeline(Timeline.manual(estimated_time=1))
    await fake.slash(bob, "video", {"prompt": "big and boosted"}, channel=channel)
    await api.wait_until(lambda: len(api.submits) == 1 and api.polls(next(iter(api.tasks))) >= 1, timeout=30)
    job = await h0.store.get(1)
    assert job is not None and job.upload_limit == 50 * MiB, "stored at admission by shard 1's process"

    # Shard 1's process stops (a rolling restart, say); the process holding only shard 0 finishes the job.
    await h1.stop()
    api.complete(next(iter(api.tasks)), video=clip)
    h0.bot.worker.wake()  # in production the shared store's notification does this
    done = await h0.ended(1, timeout=30)
    assert done.status == JobStatus.DELIVERED and done.delivered_as == "file"
    assert h0.bot.get_guild(boosted.id) is None, "the delivering process never held the guild"
    [result] = results(fake, channel, bob)
    [attachment] = result.attachments
    assert attachment.size == len(clip) > 10 * MiB
    assert len(pings(channel, bob)) == 1
    assert not [r for r in fake.requests if r.status == 413]


async def test_one_process_can_hold_every_shard(harness: Harness) -> None:
    fake = harness.discord
    g1 = fake.add_guild("One", shard=(1, 2))
    bot = await harness.start(shard_count=2, dev_guild_id=None)
    assert isinstance(bot, ShardedVideoBot) and sorted(fake.shard_sessions()) == [(0, 2), (1, 2)]
    assert bot.get_guild(g1.id) is not None and bot.get_guild(fake.guild.id) is not None
    assert fake.command_syncs == [None], "synced once, by the holder of shard 0"
    bob = member_of(fake, g1, "bob")
    await fake.slash(bob, "video", {"prompt": "any shard"}, channel=g1.channels[0])
    await fake.wait_until(lambda: bool(results(fake, g1.channels[0], bob)), timeout=30)


async def test_unsharded_by_default(bot_harness: Harness) -> None:
    fake, bot = bot_harness.discord, bot_harness.bot
    assert bot is not None and not isinstance(bot, discord.AutoShardedClient)
    assert list(fake.shard_sessions()) == [(0, 1)]
    identifies = [f["d"] for f in fake.gateway.frames_received if f.get("op") == 2]
    assert len(identifies) == 1 and "shard" not in identifies[0], "one plain connection, as before"
    assert fake.command_syncs == [fake.guild.id]
    assert not [r for r in fake.requests if r.path == "/gateway/bot"], "no shard count to ask for"


async def test_health_follows_every_shard(harness: Harness) -> None:
    fake = harness.discord
    bot = await harness.start(shard_count=2, dev_guild_id=None)
    seen: list[str] = []
    back = asyncio.Event()
    real_up, real_down = bot.health.gateway_up, bot.health.gateway_down

    def up() -> None:
        seen.append("up")
        real_up()
        back.set()

    def down() -> None:
        seen.append("down")
        real_down()

    harness.monkeypatch.setattr(bot.health, "gateway_up", up)
    harness.monkeypatch.setattr(bot.health, "gateway_down", down)
    if not bot.health.current().healthy:  # the bot's READY handler may still be on its way
        await asyncio.wait_for(back.wait(), 10)
    back.clear()
    seen.clear()
    assert bot.health.current().healthy

    # Shard 1 must IDENTIFY again: discord.py then dispatches shard 1's READY only, not the bot's.
    await fake.gateway_invalid_session(resumable=False, shard_id=1)
    await asyncio.wait_for(back.wait(), 10)
    assert seen == ["down", "up"] and bot.health.current().healthy


async def test_closing_a_sharded_bot_asleep_in_a_reconnect_backoff_does_not_wait_it_out(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The gateway is gone and the shard's reconnect failed: discord.py's connect loop sleeps its backoff
    (it doubles up to 1024 s over an outage). SIGTERM now must not wait that out: Docker SIGKILLs after its
    stop timeout. The backoff is pinned at 30 s (an outage some minutes old) so the wait cannot be short."""
    monkeypatch.setattr(discord.backoff.ExponentialBackoff, "delay", lambda self: 30.0)
    bot = await harness.start(shard_count=1, shard_ids=(0,))
    task = harness._task
    assert task is not None
    loop = asyncio.get_running_loop()
    asleep = asyncio.Event()

    class Backoff(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.getMessage().startswith("Attempting a reconnect"):
                loop.call_soon_threadsafe(asleep.set)

    seen = Backoff()
    logging.getLogger("discord.shard").addHandler(seen)
    try:
        await harness.discord.stop()
        await asyncio.wait_for(asleep.wait(), timeout=15)  # the shard's reconnect failed: in its backoff
        await bot.close()
        await asyncio.wait_for(asyncio.shield(task), timeout=5)  # not after the 30 s backoff
    finally:
        logging.getLogger("discord.shard").removeHandler(seen)
    assert task.exception() is None, "the client stopped cleanly"
