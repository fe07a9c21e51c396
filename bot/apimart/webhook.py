"""Optional push: a small aiohttp receiver for the API's completion callbacks.

The API POSTs the final task JSON to `<webhook>/callback`. There is no signature scheme, so a callback is
never trusted: all it carries into the bot is a task id, and all it does is ask for an immediate status
poll of that task (`on_task`, the poller's `poke`). The poll decides; a forged callback therefore costs
one status call and delivers nothing, and an exact duplicate within `repeat_window` costs nothing at all. A
callback for a task no job has yet may have overtaken the submit's answer: the poller keeps it for a while
(bot/store/callbacks.py) and polls once the task's id is stored.
Exact repeats of a callback (the API "may duplicate") within `repeat_window` are dropped; a different
body for the same task always pokes, so a forged callback can never mask the real one. The answer is 200
as soon as the id is read, before the poll runs, so the API does not retry.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
import time
import urllib.parse
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

log = logging.getLogger("bot.apimart.webhook")

MAX_BODY = 64 * 1024  # a task JSON is well under 4 KB
_TASK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")  # as bot/apimart.py accepts them
_REMEMBER = 10_000  # callbacks remembered for de-duplication


def callback_paths(public_url: str) -> list[str]:
    """`/callback`, plus `<path>/callback` when the public URL has a path (a reverse proxy may keep it)."""
    paths = ["/callback"]
    prefix = urllib.parse.urlsplit(public_url).path.rstrip("/")
    if prefix:
        paths.append(f"{prefix}/callback")
    return paths


def task_id_of(body: Any) -> str | None:
    """The task id in a callback body, read loosely (`data.id`, `data.task_id`, `id`, `task_id`)."""
    candidates: list[Any] = []
    data = body.get("data") if isinstance(body, dict) else None
    if isinstance(data, list) and data:
        data = data[0]
    if isinstance(data, dict):
        candidates += [data.get("id"), data.get("task_id")]
    if isinstance(body, dict):
        candidates += [body.get("id"), body.get("task_id")]
    for value in candidates:
        if isinstance(value, str) and _TASK_ID.fullmatch(value):
            return value
    return None


class WebhookReceiver:
    """Serves `POST /callback` on `host:port`; each accepted callback calls `on_task(task_id)` once."""

    def __init__(
        self,
        *,
        public_url: str,
        host: str,
        port: int,
        on_task: Callable[[str], Awaitable[object]],
        max_body: int = MAX_BODY,
        repeat_window: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
        health: Callable[[], tuple[bool, str]] | None = None,
    ) -> None:
        self.public_url = public_url
        self._health = health  # (healthy, why) for GET /healthz; None: no such route
        self._host = host
        self._port = port
        self._on_task = on_task
        self._max_body = max_body
        self._repeat_window = repeat_window
        self._clock = clock
        self._runner: web.AppRunner | None = None
        self._pending: set[asyncio.Task[None]] = set()
        self._seen: OrderedDict[tuple[str, str], float] = OrderedDict()  # (task id, body hash) → time
        self.accepted = 0  # callbacks that led to a poke (for logs and tests)

    @property
    def port(self) -> int:
        """The port actually bound (useful with port 0)."""
        if self._runner is None or not self._runner.addresses:
            return self._port
        return int(self._runner.addresses[0][1])

    async def start(self) -> None:
        app = web.Application(client_max_size=self._max_body)
        for path in callback_paths(self.public_url):
            app.router.add_post(path, self._callback)
        if self._health is not None:
            app.router.add_get("/healthz", self._healthz)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        try:
            await web.TCPSite(self._runner, self._host, self._port).start()
        except BaseException:
            await self._runner.cleanup()
            self._runner = None
            raise
        log.info("webhook receiver listening on %s:%d", self._host, self.port)

    async def stop(self) -> None:
        for task in list(self._pending):
            task.cancel()
        await asyncio.gather(*self._pending, return_exceptions=True)
        self._pending.clear()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def settled(self) -> None:
        """Wait until every callback received so far has been acted on (its poke returned)."""
        while self._pending:
            await asyncio.wait(list(self._pending))

    async def _healthz(self, request: web.Request) -> web.Response:
        """200 while the bot is healthy (gateway connected, worker loop alive), 503 otherwise."""
        assert self._health is not None
        healthy, reason = self._health()
        return web.json_response({"healthy": healthy, "reason": reason}, status=200 if healthy else 503)

    async def _callback(self, request: web.Request) -> web.Response:
        if request.content_length is not None and request.content_length > self._max_body:
            return web.Response(status=413, text="too large")
        try:
            raw = await request.read()  # aiohttp refuses bodies over client_max_size with a 413
            body = json.loads(raw)
        except web.HTTPRequestEntityTooLarge:
            return web.Response(status=413, text="too large")
        except ValueError:
            return web.Response(status=400, text="not JSON")
        task_id = task_id_of(body)
        if task_id is None:
            log.info("webhook: callback without a usable task id ignored")
            return web.Response(status=400, text="no task id")
        status = body.get("data", {}).get("status") if isinstance(body.get("data"), dict) else None
        log.info("webhook: callback for task %s (claims %r; will check)", task_id, status)
        if self._is_repeat(task_id, raw):
            return web.Response(text="ok")
        self.accepted += 1
        task = asyncio.create_task(self._poke(task_id), name=f"webhook-poke-{task_id}")
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)
        return web.Response(text="ok")

    def _is_repeat(self, task_id: str, raw: bytes) -> bool:
        """The very same callback seen within the window (a redelivery): nothing new to check."""
        now = self._clock()
        key = (task_id, hashlib.sha256(raw).hexdigest())
        last = self._seen.get(key)
        if last is not None and now - last < self._repeat_window:
            return True
        self._seen[key] = now
        self._seen.move_to_end(key)
        while len(self._seen) > _REMEMBER:
            self._seen.popitem(last=False)
        return False

    async def _poke(self, task_id: str) -> None:
        try:
            await self._on_task(task_id)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("webhook: could not act on the callback for task %s", task_id)
