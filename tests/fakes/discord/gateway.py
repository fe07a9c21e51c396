"""The fake gateway: HELLO, heartbeats, IDENTIFY/READY/GUILD_CREATE, RESUME, dispatches."""

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


@dataclass(eq=False)
class GatewaySession:
    """One gateway session (survives RESUMEs, dies on re-IDENTIFY)."""

    session_id: str
    seq: int = 0
    events: list[tuple[int, str]] = field(default_factory=list)
    ws: web.WebSocketResponse | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def connected(self) -> bool:
        return self.ws is not None and not self.ws.closed


class Gateway:
    """Gateway websocket handler plus the server-side controls tests use."""

    def __init__(self, fake: FakeDiscord, notify: Callable[[], None]) -> None:
        self._fake = fake
        self._notify = notify
        self.sessions: dict[str, GatewaySession] = {}
        self.current: GatewaySession | None = None
        self.sockets: set[web.WebSocketResponse] = set()
        self.identify_count = 0
        self.resume_count = 0
        self.heartbeat_count = 0
        self.frames_received: list[dict[str, Any]] = []

    @property
    def ready(self) -> bool:
        """A bot is connected and identified (or resumed)."""
        return self.current is not None and self.current.connected

    async def _send(self, ws: web.WebSocketResponse, frame: dict[str, Any]) -> None:
        if not ws.closed:
            await ws.send_str(json.dumps(frame))

    async def dispatch(self, event: str, data: dict[str, Any]) -> int:
        """Send a DISPATCH on the current session (buffered for RESUME if disconnected)."""
        session = self.current
        if session is None:
            raise AssertionError(f"no gateway session to dispatch {event} on (bot never identified)")
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

    async def _identify(self, ws: web.WebSocketResponse, d: dict[str, Any]) -> GatewaySession | None:
        fake = self._fake
        if d.get("token") != fake.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return None
        self.identify_count += 1
        fake.intents = int(d.get("intents") or 0)
        session = GatewaySession(session_id=secrets.token_hex(16))
        self.sessions[session.session_id] = session
        previous, self.current = self.current, session
        if previous is not None and previous.ws is not None and previous.ws is not ws:
            await previous.ws.close(code=4000)
        session.ws = ws
        ready = {
            "v": 10,
            "user": fake.bot_user.to_payload(),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in fake.guilds.values()],
            "session_id": session.session_id,
            "resume_gateway_url": fake.gateway_url,
            "application": {"id": str(fake.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        await self.dispatch("READY", ready)
        for guild in fake.guilds.values():
            await self.dispatch("GUILD_CREATE", guild.to_payload(fake.bot_user))
        return session

    async def _resume(self, ws: web.WebSocketResponse, d: dict[str, Any]) -> GatewaySession | None:
        session = self.sessions.get(str(d.get("session_id")))
        if d.get("token") != self._fake.token or session is None or session is not self.current:
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
        await self.dispatch("RESUMED", {})
        return session

    async def _members_chunk(self, ws: web.WebSocketResponse, d: dict[str, Any]) -> None:
        guild = self._fake.guilds.get(int(d.get("guild_id", 0)))
        members = [m.to_payload() for m in guild.members.values()] if guild else []
        await self.dispatch(
            "GUILD_MEMBERS_CHUNK",
            {
                "guild_id": str(d.get("guild_id")),
                "members": members,
                "chunk_index": 0,
                "chunk_count": 1,
                "nonce": d.get("nonce"),
            },
        )

    async def send_op(self, frame: dict[str, Any]) -> None:
        """Send a raw frame on the current connection."""
        if self.current is None or self.current.ws is None:
            raise AssertionError("no bot connected to the gateway")
        await self._send(self.current.ws, frame)

    async def close_current(self, code: int) -> None:
        if self.current is None or self.current.ws is None:
            raise AssertionError("no bot connected to the gateway")
        await self.current.ws.close(code=code)

    async def close_all(self) -> None:
        for ws in list(self.sockets):
            await ws.close(code=1001, message=b"fake shutting down")
