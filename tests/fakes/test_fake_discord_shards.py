"""The fake Discord's sharding: IDENTIFY with ``shard``, routing by ``(guild_id >> 22) % count``, 4010/4011,
GET /gateway/bot, several sessions at once, and the count of command syncs."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands

from tests.fakes.discord_conftest_helpers import point_discord_at, running_bot
from tests.fakes.fake_discord import FakeDiscord

pytestmark = pytest.mark.e2e


@pytest.fixture
async def fake(fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> FakeDiscord:
    point_discord_at(monkeypatch, fake_discord)
    return fake_discord


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


class Socket:
    """A raw gateway client: IDENTIFY, then read what Discord sends up to a heartbeat ACK (a barrier: the
    fake answers frames in order, so everything sent before the ACK has arrived)."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws

    @classmethod
    async def identify(
        cls, http: aiohttp.ClientSession, fake: FakeDiscord, shard: Any = None, *, token: str | None = None
    ) -> Socket:
        ws = await http.ws_connect(fake.gateway_url)
        hello = await ws.receive_json(timeout=5)
        assert hello["op"] == 10
        d: dict[str, Any] = {"token": token or fake.token, "intents": 1, "properties": {}}
        if shard is not None:
            d["shard"] = shard
        await ws.send_json({"op": 2, "d": d})
        return cls(ws)

    async def drain(self) -> list[dict[str, Any]]:
        """Every dispatch received up to now (by type and data)."""
        await self.ws.send_json({"op": 1, "d": None})
        got: list[dict[str, Any]] = []
        while True:
            msg = await self.ws.receive(timeout=5)
            assert msg.type == aiohttp.WSMsgType.TEXT, f"socket closed: {msg.type} {msg.data} {msg.extra}"
            frame = msg.json()
            if frame["op"] == 11:
                return got
            got.append(frame)

    async def closed_with(self) -> int | None:
        msg = await self.ws.receive(timeout=5)
        assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED), msg
        return self.ws.close_code

    async def close(self) -> None:
        await self.ws.close()


def guild_ids(frames: list[dict[str, Any]], event: str = "GUILD_CREATE") -> set[int]:
    return {int(f["d"].get("guild_id") or f["d"]["id"]) for f in frames if f.get("t") == event}


async def test_a_shard_gets_only_its_guilds_and_ready_says_which_shard(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    on0 = fake.add_guild("zero", shard=(0, 2))
    on1 = fake.add_guild("one", shard=(1, 2))
    every = set(fake.guilds)
    want0 = {g for g in every if (g >> 22) % 2 == 0}
    assert on0.id in want0 and on1.id not in want0

    zero, one = await Socket.identify(http, fake, [0, 2]), await Socket.identify(http, fake, [1, 2])
    frames0, frames1 = await zero.drain(), await one.drain()
    ready0 = next(f["d"] for f in frames0 if f["t"] == "READY")
    ready1 = next(f["d"] for f in frames1 if f["t"] == "READY")
    assert (ready0["shard"], ready1["shard"]) == ([0, 2], [1, 2])
    assert {int(g["id"]) for g in ready0["guilds"]} == want0 == guild_ids(frames0)
    assert {int(g["id"]) for g in ready1["guilds"]} == every - want0 == guild_ids(frames1)
    assert sorted(fake.shard_sessions()) == [(0, 2), (1, 2)]  # both live at once

    # Guild events go to the guild's shard only; DM events to shard 0.
    await fake.dispatch("GUILD_UPDATE", on1.to_payload(fake.bot_user))
    await fake.dispatch(
        "MESSAGE_CREATE", {"id": "1", "channel_id": str(on0.channels[0].id), "guild_id": str(on0.id)}
    )
    await fake.dispatch("MESSAGE_CREATE", {"id": "2", "channel_id": "3"})
    after0, after1 = await zero.drain(), await one.drain()
    assert [(f["t"], f["d"]["id"]) for f in after0] == [("MESSAGE_CREATE", "1"), ("MESSAGE_CREATE", "2")]
    assert [(f["t"], f["d"]["id"]) for f in after1] == [("GUILD_UPDATE", str(on1.id))]
    await zero.close()
    await one.close()


async def test_unsharded_identify_gets_every_guild_and_no_shard_in_ready(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    fake.add_guild("zero", shard=(0, 2))
    fake.add_guild("one", shard=(1, 2))
    sock = await Socket.identify(http, fake)
    frames = await sock.drain()
    ready = next(f["d"] for f in frames if f["t"] == "READY")
    assert "shard" not in ready and guild_ids(frames) == set(fake.guilds)
    await sock.close()


@pytest.mark.parametrize("shard", [[2, 2], [0, 0], [-1, 2], [1], "0,1"])
async def test_an_invalid_shard_closes_with_4010(
    fake: FakeDiscord, http: aiohttp.ClientSession, shard: Any
) -> None:
    sock = await Socket.identify(http, fake, shard)
    assert await sock.closed_with() == 4010
    assert fake.identify_count == 0 and fake.shard_sessions() == {}


async def test_too_few_shards_for_the_guilds_closes_with_4011(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    fake.max_guilds_per_shard = 1  # Discord: 2,500
    fake.add_guild("second")
    unsharded = await Socket.identify(http, fake)
    assert await unsharded.closed_with() == 4011
    one_shard = await Socket.identify(http, fake, [0, 1])
    assert await one_shard.closed_with() == 4011
    enough = await Socket.identify(http, fake, [1, 2])
    assert next(f["t"] for f in await enough.drain()) == "READY"
    await enough.close()


async def test_gateway_bot_recommends_shards_and_gives_the_start_limit(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    url = fake.api_base + "/gateway/bot"
    async with http.get(url) as resp:
        assert resp.status == 401  # a bot token is required
    headers = {"Authorization": f"Bot {fake.token}"}
    async with http.get(url, headers=headers) as resp:
        body = await resp.json()
    assert body["url"] == fake.gateway_url and body["shards"] == 1
    assert body["session_start_limit"]["max_concurrency"] == 1
    fake.recommended_shards, fake.max_concurrency = 3, 16
    async with http.get(url, headers=headers) as resp:
        body = await resp.json()
    assert body["shards"] == 3 and body["session_start_limit"]["max_concurrency"] == 16
    assert body["session_start_limit"]["remaining"] == body["session_start_limit"]["total"]


class ShardedBot(discord.AutoShardedClient):
    """A sharded client with one slash command that says which shard answered."""

    def __init__(self, **options: Any) -> None:
        super().__init__(intents=discord.Intents(guilds=True), guild_ready_timeout=0.05, **options)
        self.tree = app_commands.CommandTree(self)
        self.answered: list[int] = []

        @self.tree.command(name="where", description="which shard")
        async def where(interaction: discord.Interaction[ShardedBot]) -> None:
            self.answered.append(interaction.guild_id or 0)
            shard = interaction.guild.shard_id if interaction.guild else None
            await interaction.response.send_message(f"shard {shard}")

    async def setup_hook(self) -> None:
        if self.shard_ids is None or 0 in self.shard_ids:
            await self.tree.sync()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return None  # discord.py waits 5 s between two shards' IDENTIFYs; the fake does not limit them


async def test_real_sharded_clients_each_get_their_own_guilds(fake: FakeDiscord) -> None:
    on1 = fake.add_guild("one", shard=(1, 2))
    first, second = ShardedBot(shard_count=2, shard_ids=[0]), ShardedBot(shard_count=2, shard_ids=[1])
    async with running_bot(first, fake), running_bot(second, fake):
        assert sorted(fake.shard_sessions()) == [(0, 2), (1, 2)]
        on_shard1 = {g for g in fake.guilds if (g >> 22) % 2 == 1}
        assert on1.id in on_shard1 and {g.id for g in second.guilds} == on_shard1
        assert {g.id for g in first.guilds} == set(fake.guilds) - on_shard1
        assert fake.command_syncs == [None]  # only the process holding shard 0 synced
        ia = await fake.slash(fake.owner, "where", channel=on1.channels[0])
        assert (await ia.wait_original()).content == "shard 1"
        assert (first.answered, second.answered) == ([], [on1.id])


async def test_one_client_holding_every_shard_uses_the_recommended_count(fake: FakeDiscord) -> None:
    fake.recommended_shards = 2
    on1 = fake.add_guild("one", shard=(1, 2))
    async with running_bot(ShardedBot(), fake) as client:
        assert client.shard_count == 2 and sorted(fake.shard_sessions()) == [(0, 2), (1, 2)]
        assert {g.id for g in client.guilds} == set(fake.guilds)
        assert client.get_guild(on1.id) is not None and client.get_guild(on1.id).shard_id == 1  # type: ignore[union-attr]
        assert any(r.path == "/gateway/bot" for r in fake.requests)
        await fake.gateway_reconnect(shard_id=1)  # each shard resumes on its own
        await fake.wait_until(lambda: fake.resume_count == 1 and fake.gateway.ready)
        ia = await fake.slash(fake.owner, "where", channel=on1.channels[0])
        assert (await asyncio.wait_for(ia.wait_original(), 5)).content == "shard 1"


async def test_command_syncs_are_counted_per_bulk_overwrite(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    headers = {"Authorization": f"Bot {fake.token}"}
    body = [{"name": "ping", "description": "p", "type": 1}]
    base = f"{fake.api_base}/applications/{fake.application_id}"
    for url in (f"{base}/commands", f"{base}/commands", f"{base}/guilds/{fake.guild.id}/commands"):
        async with http.put(url, json=body, headers=headers) as resp:
            assert resp.status == 200
    async with http.get(f"{base}/commands", headers=headers) as resp:
        assert resp.status == 200  # reading is not syncing
    assert fake.command_syncs == [None, None, fake.guild.id]
