"""The fake gateway: HELLO, heartbeats, IDENTIFY/READY/GUILD_CREATE, RESUME, dispatches, shards.

Sharding as Discord does it: an IDENTIFY may carry ``shard: [shard_id, shard_count]``; that session gets
GUILD_CREATE and guild events only for guilds with ``(guild_id >> 22) % shard_count == shard_id``, and DM
events only on shard 0. An IDENTIFY without ``shard`` is shard 0 of 1. Several sessions (one per shard, from
one or several bots) are live at once; a new IDENTIFY of the same shard replaces that shard's session.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

if TYPE_CHECKING:
    from .server import FakeDiscord

log = logging.getLogger("tests.fakes.discord.gateway")

HEARTBEAT_INTERVAL = 41250
INVALID_SHARD = 4010
SHARDING_REQUIRED = 4011
# Discord refuses a session that would hold more than 2,500 guilds (close code 4011).
MAX_GUILDS_PER_SHARD = 2500

Shard = tuple[int, int]  # (shard_id, shard_count)


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard Discord routes a guild's events to."""
    return (guild_id >> 22) % shard_count


def _guild_of(event: str, data: dict[str, Any]) -> int | None:
    """The guild an event belongs to (None: not a guild event, e.g. a DM; those go to shard 0)."""
    raw = data.get("id") if event.startswith("GUILD_") and "guild_id" not in data else data.get("guild_id")
    return int(raw) if raw is not None else None


@dataclass(eq=False)
class GatewaySession:
    """One gateway session (survives RESUMEs, dies on re-IDENTIFY)."""

    session_id: str
    shard: Shard = (0, 1)
    seq: int = 0
    events: list[tuple[int, str]] = field(default_factory=list)
    ws: web.WebSocketResponse | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def connected(self) -> bool:
        return self.ws is not None and not self.ws.closed

    def holds(self, guild_id: int | None) -> bool:
        """Whether Discord sends this guild's events on this session (``None``: DMs, on shard 0)."""
        shard_id, count = self.shard
        return shard_id == 0 if guild_id is None else shard_of(guild_id, count) == shard_id


class Gateway:
    """Gateway websocket handler plus the server-side controls tests use."""

    def __init__(self, fake: FakeDiscord, notify: Callable[[], None]) -> None:
        self._fake = fake
        self._notify = notify
        self.sessions: dict[str, GatewaySession] = {}
        self.live: dict[Shard, GatewaySession] = {}  # the current session of each shard
        self.sockets: set[web.WebSocketResponse] = set()
        self.identify_count = 0
        self.resume_count = 0
        self.heartbeat_count = 0
        self.frames_received: list[dict[str, Any]] = []

    @property
    def current(self) -> GatewaySession | None:
        """The one live session (unsharded use); with several shards live, name one (``session``)."""
        if len(self.live) > 1:
            raise AssertionError(f"shards {sorted(self.live)} are connected: say which one")
        return next(iter(self.live.values()), None)

    def session(self, shard_id: int | None = None) -> GatewaySession:
        """The live session of ``shard_id`` (None: the only one)."""
        if shard_id is None:
            session = self.current
        else:
            session = next((s for k, s in self.live.items() if k[0] == shard_id), None)
        if session is None:
            raise AssertionError(f"no bot connected to the gateway (shard {shard_id})")
        return session

    @property
    def ready(self) -> bool:
        """A bot is connected and identified (or resumed) on every live shard."""
        return bool(self.live) and all(s.connected for s in self.live.values())

    def ready_for(self, guild_id: int | None) -> bool:
        """A connected session receives this guild's events (``None``: DMs)."""
        return any(s.connected and s.holds(guild_id) for s in self.live.values())

    def holders(self, guild_id: int | None) -> list[GatewaySession]:
        return [s for s in self.live.values() if s.holds(guild_id)]

    async def _send(self, ws: web.WebSocketResponse, frame: dict[str, Any]) -> None:
        if not ws.closed:
            await ws.send_str(json.dumps(frame))

    async def dispatch(self, event: str, data: dict[str, Any]) -> int:
        """Send a DISPATCH on every session holding the event's guild (buffered for RESUME if disconnected);
        the seq of the last one."""
        guild_id = _guild_of(event, data)
        targets = self.holders(guild_id)
        if not targets:
            where = f"guild {guild_id}" if guild_id is not None else "DMs (shard 0)"
            raise AssertionError(
                f"no gateway session holds {where} to dispatch {event} on (shards {sorted(self.live)})"
            )
        seq = 0
        for session in targets:
            seq = await self.dispatch_on(session, event, data)
        return seq

    async def dispatch_on(self, session: GatewaySession, event: str, data: dict[str, Any]) -> int:
        """Send a DISPATCH on ``session`` (buffered for RESUME if disconnected); its seq."""
        async with session.lock:
            session.seq += 1
            frame = json.dumps({"op": 0, "t": event, "s": session.seq, "d": data})
            session.events.append((session.seq, frame))
            if session.connected:
                assert session.ws is not None
                try:
                    await session.ws.send_str(frame)
                except ConnectionError:
                    log.info("dispatch %s s=%d buffered: socket went away", event, session.seq)
            else:
                log.info("dispatch %s s=%d buffered: bot not connected", event, session.seq)
            return session.seq

    async def handle(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0, compress=False, timeout=1.0)
        await ws.prepare(request)
        self.sockets.add(ws)
        log.debug("gateway connection %s", request.query_string)
        session: GatewaySession | None = None
        try:
            await self._send(
                ws, {"op": 10, "s": None, "t": None, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL}}
            )
            async for msg in ws:
                if msg.type not in (WSMsgType.TEXT, WSMsgType.BINARY):
                    continue
                frame = json.loads(msg.data)
                self.frames_received.append(frame)
                op = frame.get("op")
                if op == 1:
                    self.heartbeat_count += 1
                    await self._send(ws, {"op": 11})
                elif op == 2:
                    session = await self._identify(ws, frame["d"])
                elif op == 6:
                    session = await self._resume(ws, frame["d"])
                elif op == 8:
                    await self._members_chunk(ws, frame["d"])
                self._notify()
        finally:
            self.sockets.discard(ws)
            if session is not None and session.ws is ws:
                session.ws = None
            self._notify()
        return ws

    def _shard_problem(self, raw: Any) -> tuple[int, bytes] | None:
        """Why Discord would refuse this IDENTIFY's ``shard`` (a close code and reason), or None."""
        if raw is None:
            count = 1
        else:
            if (
                not isinstance(raw, list)
                or len(raw) != 2
                or not all(isinstance(x, int) and not isinstance(x, bool) for x in raw)
            ):
                return INVALID_SHARD, b"Invalid shard."
            shard_id, count = raw
            if count < 1 or not 0 <= shard_id < count:
                return INVALID_SHARD, b"Invalid shard."
        if len(self._fake.guilds) > count * self._fake.max_guilds_per_shard:
            return SHARDING_REQUIRED, b"Sharding required."
        return None

    async def _identify(self, ws: web.WebSocketResponse, d: dict[str, Any]) -> GatewaySession | None:
        fake = self._fake
        if d.get("token") != fake.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return None
        problem = self._shard_problem(d.get("shard"))
        if problem is not None:
            await ws.close(code=problem[0], message=problem[1])
            return None
        self.identify_count += 1
        fake.intents = int(d.get("intents") or 0)
        shard: Shard = tuple(d["shard"]) if d.get("shard") is not None else (0, 1)  # type: ignore[assignment]
        session = GatewaySession(session_id=secrets.token_hex(16), shard=shard)
        self.sessions[session.session_id] = session
        previous = self.live.get(shard)
        self.live[shard] = session
        if previous is not None and previous.ws is not None and previous.ws is not ws:
            await previous.ws.close(code=4000)
        session.ws = ws
        guilds = [g for g in fake.guilds.values() if session.holds(g.id)]
        ready = {
            "v": 10,
            "user": fake.bot_user.to_payload(),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.session_id,
            "resume_gateway_url": fake.gateway_url,
            "application": {"id": str(fake.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        if d.get("shard") is not None:
            ready["shard"] = list(shard)
        await self.dispatch_on(session, "READY", ready)
        for guild in guilds:
            await self.dispatch_on(session, "GUILD_CREATE", guild.to_payload(fake.bot_user))
        return session

    async def _resume(self, ws: web.WebSocketResponse, d: dict[str, Any]) -> GatewaySession | None:
        session = self.sessions.get(str(d.get("session_id")))
        live = session is not None and self.live.get(session.shard) is session
        if d.get("token") != self._fake.token or session is None or not live:
            await self._send(ws, {"op": 9, "d": False})
            return None
        self.resume_count += 1
        if session.ws is not None and session.ws is not ws:
            await session.ws.close(code=4000)
        async with session.lock:
            session.ws = ws
            last = int(d.get("seq") or 0)
            for seq, frame in session.events:
                if seq > last:
                    await ws.send_str(frame)
        await self.dispatch_on(session, "RESUMED", {})
        return session

    async def _members_chunk(self, ws: web.WebSocketResponse, d: dict[str, Any]) -> None:
        guild = self._fake.guilds.get(int(d.get("guild_id", 0)))
        members = [m.to_payload() for m in guild.members.values()] if guild else []
        session = next((s for s in self.live.values() if s.ws is ws), None)
        if session is None:
            return
        await self.dispatch_on(
            session,
            "GUILD_MEMBERS_CHUNK",
            {
                "guild_id": str(d.get("guild_id")),
                "members": members,
                "chunk_index": 0,
                "chunk_count": 1,
                "nonce": d.get("nonce"),
            },
        )

    async def send_op(self, frame: dict[str, Any], shard_id: int | None = None) -> None:
        """Send a raw frame on the connection of ``shard_id`` (None: the only one)."""
        ws = self.session(shard_id).ws
        if ws is None:
            raise AssertionError("no bot connected to the gateway")
        await self._send(ws, frame)

    async def close_current(self, code: int, shard_id: int | None = None) -> None:
        ws = self.session(shard_id).ws
        if ws is None:
            raise AssertionError("no bot connected to the gateway")
        await ws.close(code=code)

    async def close_all(self) -> None:
        for ws in list(self.sockets):
            await ws.close(code=1001, message=b"fake shutting down")
