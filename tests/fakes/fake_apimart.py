"""A fake of APIMart's video API (see /work/shared/apimart-api.md), served on 127.0.0.1 by aiohttp.

It runs in the test's event loop. Task states are computed lazily from a clock (``advance_time`` moves
it), so tests never sleep to reach a state; only webhook callbacks use timers, and those wake up
whenever the clock is moved.

Usage::

    fake = await FakeApiMart().start()
    try:
        fake.queue_timeline(Timeline.quick(outcome="failed"))
        ...  # point the client at fake.base_url with fake.api_key
    finally:
        await fake.stop()

Routes: ``POST /v1/videos/generations``, ``GET /v1/tasks/{id}``, ``POST /v1/uploads/images``,
``GET /v1/balance`` (bearer auth), and without auth ``GET /files/<task>.mp4`` (results) and
``GET /uploads/<name>`` (uploaded images).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import io
import itertools
import json
import logging
import random
import secrets
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from tests.fakes.hooks import Hold, WireHooks
from tests.fakes.media import make_mp4

__all__ = [
    "ApiRequest",
    "CallbackAttempt",
    "FakeApiMart",
    "FakeTask",
    "Step",
    "Timeline",
]

log = logging.getLogger("tests.fakes.fake_apimart")

ROUTES = ("submit", "status", "upload", "balance", "file", "any")
# Wire moments for ``FakeApiMart.on`` (callbacks get the FakeTask, before the answer is sent):
# "submit": a submit POST was received and its task created; "completed": a status poll answering
# ``completed`` was built.
HOOK_MOMENTS = ("submit", "completed")
FAULT_KINDS = (
    "429",
    "500",
    "502",
    "503",
    "slow",
    "malformed",
    "drop",
    # Extras beyond the brief, for classification tests:
    "malformed_shape",  # 200 with valid JSON but no ``data``
    "403",  # key not allowed this model / IP
    "get_channel_failed",  # the one transient 400 seen in the wild
)
TERMINAL = ("completed", "failed", "cancelled")
MAX_UPLOAD = 20 * 1024 * 1024
DEFAULT_MODEL = "gemini-omni-flash-preview"
DEFAULT_ERROR = {
    "code": "generation_failed",
    "message": "The video could not be generated because the prompt was blocked by the safety filter.",
    "type": "generation_error",
}
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_INTERNAL_HEADER = "X-Fake-Apimart-Internal"
_BAD_GATEWAY_HTML = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)


# --------------------------------------------------------------------------------------------- model


@dataclass
class Step:
    """At ``at`` seconds after submit the task reports ``status`` with ``progress``."""

    at: float
    status: str
    progress: int


@dataclass
class Timeline:
    """How one task evolves. ``outcome="manual"`` stays at the last step until the test decides."""

    steps: list[Step]
    outcome: str = "completed"  # "completed" | "failed" | "cancelled" | "manual"
    finish_at: float = 0.3
    estimated_time: int = 60
    error: Any = None  # for "failed": {code, message, type} or a bare string; None → a default error
    video: bytes | None = None  # the result file; None → make_mp4()
    credits_cost: Any = 8.8
    cost: Any = 0.88

    @classmethod
    def quick(
        cls,
        finish_at: float = 0.3,
        outcome: str = "completed",
        *,
        estimated_time: int = 1,
        progress: Sequence[int] = (10, 50, 90),
        error: Any = None,
        video: bytes | None = None,
    ) -> Timeline:
        """Pending at 0, processing with ``progress`` values evenly spaced, ``outcome`` at ``finish_at``."""
        steps = [Step(0.0, "pending", 0)]
        n = len(progress)
        steps += [Step(finish_at * (i + 1) / (n + 1), "processing", p) for i, p in enumerate(progress)]
        return cls(
            steps=steps,
            outcome=outcome,
            finish_at=finish_at,
            estimated_time=estimated_time,
            error=error,
            video=video,
        )

    @classmethod
    def manual(cls, estimated_time: int = 60) -> Timeline:
        """Pending, then processing 10 (after 0.05 s); finishes only on complete/fail/cancel."""
        return cls(
            steps=[Step(0.0, "pending", 0), Step(0.05, "processing", 10)],
            outcome="manual",
            finish_at=float("inf"),
            estimated_time=estimated_time,
        )


@dataclass
class ApiRequest:
    """One request the fake saw. Headers are not kept (the Authorization value must never leak)."""

    method: str
    path: str
    time: float  # fake clock
    route: str  # "submit" | "status" | "upload" | "balance" | "file" | "other"
    status: int | None = None  # None: the connection was dropped or the client went away
    task_id: str | None = None  # for status polls and result files
    query: str = ""
    idempotency_key: str | None = None
    fault: str | None = None  # the injected fault kind, if any
    answered_at: float | None = None  # fake clock when the answer was handed to aiohttp (None: no answer)


@dataclass
class CallbackAttempt:
    task_id: str
    url: str
    status: int | None  # None: could not connect
    time: float  # fake clock
    body: dict[str, Any] = field(repr=False, default_factory=dict)


@dataclass
class FakeTask:
    id: str
    body: dict[str, Any]
    created: float  # fake clock
    created_unix: float
    timeline: Timeline
    webhook: str | None
    aspect_ratio: str
    polls: int = 0
    poll_times: list[float] = field(default_factory=list)
    video: bytes | None = field(default=None, repr=False)  # set by complete(video=...)
    error: Any = None  # set by fail(error=...)
    forced: tuple[str, float] | None = None  # (outcome, fake time) set by complete/fail/cancel
    peer_port: int | None = None  # the submitting client's TCP port (which process sent it, with psutil)
    _fake: FakeApiMart | None = field(default=None, repr=False, compare=False)

    def terminal_at(self) -> float | None:
        """Fake-clock time at which the task becomes terminal; None while it waits for the test."""
        if self.forced is not None:
            return self.forced[1]
        if self.timeline.outcome == "manual":
            return None
        return self.created + self.timeline.finish_at

    def _now(self) -> float:
        assert self._fake is not None
        return self._fake.now()

    @property
    def outcome(self) -> str:
        return self.forced[0] if self.forced is not None else self.timeline.outcome

    @property
    def is_terminal(self) -> bool:
        t = self.terminal_at()
        return t is not None and self._now() >= t

    def _step(self) -> Step:
        elapsed = self._now() - self.created
        current = self.timeline.steps[0] if self.timeline.steps else Step(0.0, "pending", 0)
        for step in self.timeline.steps:
            if step.at <= elapsed:
                current = step
        return current

    @property
    def status(self) -> str:
        return self.outcome if self.is_terminal else self._step().status

    @property
    def progress(self) -> int:
        if self.is_terminal and self.outcome == "completed":
            return 100
        return self._step().progress

    @property
    def result_video(self) -> bytes:
        if self.video is not None:
            return self.video
        if self.timeline.video is not None:
            return self.timeline.video
        # Real parts do not all sound alike: the n-th task's sound takes the n-th format of this cycle
        # (the first task's is make_mp4()'s default), so a chain of Extends joins unlike sound each time.
        sounds: tuple[dict[str, Any], ...] = (
            {},  # 48 kHz stereo, fltp
            {"audio_rate": 44_100, "audio_layout": "mono"},
            {"audio_rate": 24_000, "audio_layout": "stereo", "audio_format": "s16"},
            {"audio_rate": 32_000, "audio_layout": "mono", "audio_format": "s16p"},
        )
        index = list(self._fake.tasks).index(self.id) if self._fake and self.id in self._fake.tasks else 0
        return make_mp4(**sounds[index % len(sounds)])


@dataclass
class _Fault:
    route: str
    kind: str
    count: int
    retry_after: float | None
    delay: float
    creates_task: bool | None


@dataclass
class _RateFault:
    probability: float
    kinds: tuple[str, ...]
    rng: random.Random
    retry_after: float | None
    delay: float


class _Drop(Exception):
    """Raised inside the fake to close the connection without an answer."""


# ---------------------------------------------------------------------------------------------- fake


class FakeApiMart:
    def __init__(self, *, api_key: str = "test-key", clock: Callable[[], float] = time.monotonic) -> None:
        self.api_key = api_key
        self.model = DEFAULT_MODEL
        self._clock = clock
        self._offset = 0.0
        self._unix_offset = time.time() - clock()

        self.default_timeline: Timeline = Timeline.quick()
        self._queued: list[Timeline] = []
        self.tasks: dict[str, FakeTask] = {}
        self.submits: list[dict[str, Any]] = []
        self.submit_attempts: list[dict[str, Any]] = []
        self.requests: list[ApiRequest] = []
        self.uploads: dict[str, bytes] = {}  # url → bytes
        self.upload_types: dict[str, str] = {}  # url → content type
        self._expired_uploads: set[str] = set()
        self.fetched_urls: list[str] = []  # reference URLs fetched at submit time
        self.callbacks: list[CallbackAttempt] = []

        # knobs
        self.url_as_string = False
        self.numeric_strings = False
        self.payment_required = False
        self.credits: float = 105.0
        self.used_credits: float = 23.0
        self.balance_failure: str | None = None  # a message → 200 {"success": false, "message": ...}
        self.honour_idempotency = False  # the header is only rumoured; off = ignored like a plain POST
        self.file_chunked = False  # serve result files without Content-Length (chunked)
        self.callback_retry_delays: tuple[float, ...] = (0.2, 0.5, 1.0)
        self.callback_statuses: set[str] = {"completed", "failed", "cancelled"}
        self.fetch_timeout = 5.0
        self.video_duration_limits = (1.0, 24.0)  # seconds, with a little slack for encoder padding
        self.results_without_url: set[str] = set()  # tasks that say "completed" but give no clip (seen)

        self._faults: list[_Fault] = []
        self._rate_faults: dict[str, _RateFault] = {}
        self._idempotency: dict[str, str] = {}
        self._watchers: set[asyncio.Task[None]] = set()
        self._wake: asyncio.Event | None = None
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self._request_ids = itertools.count(1)
        self.hooks: WireHooks[FakeTask] = WireHooks("fake apimart", HOOK_MOMENTS)
        self.port = 0
        self.base_url = ""

    # ---------------------------------------------------------------------------- lifecycle

    async def start(self) -> FakeApiMart:
        app = web.Application(middlewares=[self._middleware], client_max_size=200 * 1024 * 1024)
        app.router.add_post("/v1/videos/generations", self._submit)
        app.router.add_get("/v1/tasks/{task_id}", self._status)
        app.router.add_post("/v1/uploads/images", self._upload)
        app.router.add_get("/v1/balance", self._balance)
        app.router.add_get("/files/{name}", self._file)
        app.router.add_get("/uploads/{name}", self._uploaded)
        # handler_cancellation: a client that gives up cancels a "slow" answer instead of leaving it
        # pending until shutdown; a short shutdown_timeout keeps stop() fast.
        self._runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=0.2, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._session = aiohttp.ClientSession()
        self._wake = asyncio.Event()
        self._waiters: list[asyncio.Event] = []
        return self

    async def stop(self) -> None:
        for task in list(self._watchers):
            task.cancel()
        if self._watchers:
            await asyncio.gather(*self._watchers, return_exceptions=True)
        self._watchers.clear()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> FakeApiMart:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ---------------------------------------------------------------------------- clock

    def now(self) -> float:
        return self._clock() + self._offset

    def unix_now(self) -> float:
        """The fake's idea of wall-clock time (moves with advance_time)."""
        return self._unix_offset + self.now()

    def advance_time(self, seconds: float) -> None:
        self._offset += seconds
        self._poke()

    def _poke(self) -> None:
        if self._wake is not None:
            old, self._wake = self._wake, asyncio.Event()
            old.set()

    def _to_unix(self, fake_time: float) -> float:
        return self._unix_offset + fake_time

    # ---------------------------------------------------------------------------- test knobs

    def queue_timeline(self, *timelines: Timeline) -> None:
        self._queued.extend(timelines)

    def fault_next(
        self,
        route: str,
        kind: str,
        *,
        count: int = 1,
        retry_after: float | None = 1.0,
        delay: float = 5.0,
        creates_task: bool | None = None,
    ) -> None:
        """Inject ``kind`` into the next ``count`` requests of ``route``.

        ``creates_task`` (submit only): whether the submit still creates (and bills) a task behind the
        fault. Default: yes for "slow"/"malformed"/"malformed_shape" (the server did the work), no
        for the others.
        """
        self._check_fault(route, kind)
        self._faults.append(_Fault(route, kind, count, retry_after, delay, creates_task))

    def fault_rate(
        self,
        route: str,
        probability: float,
        kinds: Sequence[str],
        *,
        seed: int = 0,
        retry_after: float = 0.2,
        delay: float = 0.5,
    ) -> None:
        """Random faults on a fraction of the requests of ``route`` (deterministic given ``seed``)."""
        for kind in kinds:
            self._check_fault(route, kind)
        if probability <= 0:
            self._rate_faults.pop(route, None)
            return
        self._rate_faults[route] = _RateFault(
            probability, tuple(kinds), random.Random(seed), retry_after, delay
        )

    def clear_faults(self) -> None:
        self._faults.clear()
        self._rate_faults.clear()

    def on(
        self,
        moment: str,
        callback: Callable[[FakeTask], object],
        *,
        when: Callable[[FakeTask], bool] | None = None,
        once: bool = False,
    ) -> Callable[[], None]:
        """Run ``callback(task)`` inside the handler at a wire moment (HOOK_MOMENTS), before answering.

        See tests/fakes/hooks.py. Returns a function that removes the hook.
        """
        return self.hooks.on(moment, callback, when=when, once=once)

    def hold(self, moment: str, *, when: Callable[[FakeTask], bool] | None = None) -> Hold[FakeTask]:
        """Hold the next request reaching a wire moment (HOOK_MOMENTS) before it answers, until released.

        "submit": the task exists (and calls back when it ends) while the client still waits for its id.
        """
        return self.hooks.hold(moment, when=when)

    @staticmethod
    def _check_fault(route: str, kind: str) -> None:
        if route not in ROUTES:
            raise ValueError(f"unknown route {route!r}; one of {ROUTES}")
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {FAULT_KINDS}")

    def polls(self, task_id: str) -> int:
        return sum(1 for r in self.requests if r.route == "status" and r.task_id == task_id)

    def poll_times(self, task_id: str) -> list[float]:
        return [r.time for r in self.requests if r.route == "status" and r.task_id == task_id]

    def expire_uploads(self) -> None:
        self._expired_uploads.update(self.uploads)

    def task(self, task_id: str) -> FakeTask:
        return self.tasks[task_id]

    def _finish(self, task_id: str, outcome: str) -> FakeTask:
        task = self.tasks[task_id]
        if task.is_terminal:
            raise ValueError(f"task {task_id} is already {task.status}")
        task.forced = (outcome, self.now())
        self._poke()
        return task

    def complete(self, task_id: str, *, video: bytes | None = None) -> None:
        task = self._finish(task_id, "completed")
        if video is not None:
            task.video = video

    def fail(self, task_id: str, error: Any = None) -> None:
        """Fail the task now; ``error`` as in Timeline.error (None → the timeline's, else a default)."""
        task = self._finish(task_id, "failed")
        if error is not None:
            task.error = error

    def cancel(self, task_id: str) -> None:
        self._finish(task_id, "cancelled")

    def file_url(self, task_id: str) -> str:
        return f"{self.base_url}/files/{task_id}.mp4"

    # ---------------------------------------------------------------------------- JSON

    def _request_id(self) -> str:
        stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime())
        return f"{stamp}{next(self._request_ids):06d}{secrets.token_hex(4)}"

    def _error(
        self,
        status: int,
        message: str,
        type_: str,
        code: Any = "",
        headers: dict[str, str] | None = None,
    ) -> web.Response:
        body = {
            "error": {
                "code": code,
                "message": f"{message} (request id: {self._request_id()})",
                "param": "",
                "type": type_,
            }
        }
        return web.json_response(body, status=status, headers=headers)

    def _bad(self, message: str, code: Any = "") -> web.Response:
        return self._error(400, message, "invalid_request_error", code)

    def _number(self, value: Any) -> Any:
        if self.numeric_strings and isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        return value

    def task_json(self, task: FakeTask) -> dict[str, Any]:
        """The ``data`` object of GET /v1/tasks/{id}, also the webhook callback body."""
        status = task.status
        data: dict[str, Any] = {
            "id": task.id,
            "status": status,
            "progress": task.progress,
            "created": int(task.created_unix),
            "estimated_time": task.timeline.estimated_time,
        }
        if status == "completed":
            finished = task.terminal_at()
            assert finished is not None
            completed_unix = int(self._to_unix(finished))
            url = self.file_url(task.id)
            data["completed"] = completed_unix
            data["actual_time"] = max(1, round(finished - task.created))
            data["result"] = {
                "videos": []
                if task.id in self.results_without_url
                else [
                    {
                        "url": url if self.url_as_string else [url],
                        "expires_at": completed_unix + 86400,
                    }
                ]
            }
            if task.timeline.cost is not None:
                data["cost"] = self._number(task.timeline.cost)
            if task.timeline.credits_cost is not None:
                data["credits_cost"] = self._number(task.timeline.credits_cost)
        elif status == "failed":
            error = task.error if task.error is not None else task.timeline.error
            data["error"] = error if error is not None else dict(DEFAULT_ERROR)
        return data

    # ---------------------------------------------------------------------------- middleware

    @staticmethod
    def _route(request: web.Request) -> str:
        path, method = request.path, request.method
        if path == "/v1/videos/generations" and method == "POST":
            return "submit"
        if path.startswith("/v1/tasks/") and method == "GET":
            return "status"
        if path == "/v1/uploads/images" and method == "POST":
            return "upload"
        if path == "/v1/balance" and method == "GET":
            return "balance"
        if (path.startswith("/files/") or path.startswith("/uploads/")) and method == "GET":
            return "file"
        return "other"

    def _take_fault(self, route: str) -> _Fault | None:
        for fault in self._faults:
            if fault.count > 0 and fault.route in (route, "any"):
                fault.count -= 1
                if fault.count == 0:
                    self._faults.remove(fault)
                return fault
        for key in (route, "any"):
            rate = self._rate_faults.get(key)
            if rate is not None and rate.rng.random() < rate.probability:
                kind = rate.rng.choice(rate.kinds)
                return _Fault(route, kind, 1, rate.retry_after, rate.delay, None)
        return None

    @web.middleware
    async def _middleware(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        if request.headers.get(_INTERNAL_HEADER):
            # The fake's own reference fetches: no faults, not recorded as client traffic.
            return await handler(request)
        route = self._route(request)
        task_id = request.match_info.get("task_id")
        if route == "file" and request.path.startswith("/files/"):
            task_id = request.match_info.get("name", "").removesuffix(".mp4")
        rec = ApiRequest(
            method=request.method,
            path=request.path,
            time=self.now(),
            route=route,
            task_id=task_id,
            query=request.query_string,
            idempotency_key=request.headers.get("Idempotency-Key"),
        )
        self.requests.append(rec)
        self._notify()
        if route == "status" and task_id in self.tasks:
            task = self.tasks[task_id]
            task.polls += 1
            task.poll_times.append(rec.time)
        if route == "submit":
            raw = await request.read()
            try:
                attempt = json.loads(raw)
            except ValueError:
                attempt = {"_raw": raw.decode("utf-8", "replace")}
            self.submit_attempts.append(attempt if isinstance(attempt, dict) else {"_raw": attempt})
            self._notify()
        try:
            response = await self._answer(request, handler, rec)
        except _Drop:
            rec.status = None
            rec.fault = "drop"
            assert request.transport is not None
            request.transport.close()
            # Nothing reaches the client: the transport is closed before any byte is written.
            return web.Response(status=499)
        except asyncio.CancelledError:
            rec.status = None
            raise
        rec.status = response.status
        rec.answered_at = self.now()
        self._notify()
        return response

    def _notify(self) -> None:
        waiters, self._waiters = self._waiters, []
        for event in waiters:
            event.set()

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 10) -> None:
        """Wait until ``predicate()`` holds; re-checked whenever a request arrives or is answered, and
        whenever a callback of ours was answered."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"fake apimart: timed out after {timeout}s waiting for a condition")
            event = asyncio.Event()
            self._waiters.append(event)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    async def _answer(
        self,
        request: web.Request,
        handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
        rec: ApiRequest,
    ) -> web.StreamResponse:
        route = rec.route
        fault = self._take_fault(route)
        if fault is None:
            return await self._guarded(request, handler)
        log.info("fake apimart: %s fault on %s %s", fault.kind, request.method, request.path)
        rec.fault = fault.kind
        creates = fault.creates_task
        if creates is None:
            creates = fault.kind in ("slow", "malformed", "malformed_shape")
        if fault.kind == "slow":
            response = await self._guarded(request, handler)
            await asyncio.sleep(fault.delay)
        else:
            if route == "submit" and creates:
                await self._guarded(request, handler)
            response = self._fault_response(fault)
        return response

    def _fault_response(self, fault: _Fault) -> web.Response:
        kind = fault.kind
        if kind == "drop":
            raise _Drop
        if kind == "429":
            headers = {} if fault.retry_after is None else {"Retry-After": f"{fault.retry_after:g}"}
            return self._error(
                429, "Too many requests, please slow down", "rate_limit_error", "rate_limit_exceeded", headers
            )
        if kind == "500":
            return self._error(500, "internal server error", "server_error", "internal_error")
        if kind == "502":
            return web.Response(status=502, text=_BAD_GATEWAY_HTML, content_type="text/html")
        if kind == "503":
            return self._error(503, "service temporarily unavailable", "server_error", "service_unavailable")
        if kind == "403":
            return self._error(403, "this key is not allowed to use this model", "permission_error", "")
        if kind == "get_channel_failed":
            return self._bad(
                "failed to get an available channel, please try again later", "get_channel_failed"
            )
        if kind == "malformed":
            return web.Response(
                status=200, text='{"code":200,"data":[{"status":', content_type="application/json"
            )
        if kind == "malformed_shape":
            return web.json_response({"code": 200, "msg": "ok"})
        raise AssertionError(kind)

    async def _guarded(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Auth, billing state and unknown routes for /v1; then the real handler."""
        if request.path.startswith("/v1/"):
            auth = request.headers.get("Authorization", "")
            if not auth:
                return self._error(401, "Unauthorized: no API key was provided", "authentication_error")
            if auth != f"Bearer {self.api_key}":
                return self._error(401, "Invalid API key", "authentication_error", "invalid_api_key")
            if self.payment_required:
                return self._error(
                    402, "insufficient balance, please top up your account", "payment_required", ""
                )
        try:
            return await handler(request)
        except web.HTTPNotFound:
            return self._error(404, "Invalid URL (not found)", "invalid_request_error")
        except web.HTTPMethodNotAllowed:
            return self._error(405, "method not allowed", "invalid_request_error")

    # ---------------------------------------------------------------------------- handlers

    async def _submit(self, request: web.Request) -> web.Response:
        try:
            body = await request.json()
        except ValueError:
            return self._bad("the request body is not valid JSON")
        if not isinstance(body, dict):
            return self._bad("the request body must be a JSON object")

        model = body.get("model")
        if not model:
            return self._bad("model is required")
        if model != self.model:
            return self._bad(f"model {model} is not supported", "model_not_found")

        prompt = body.get("prompt")
        if prompt is not None and not isinstance(prompt, str):
            return self._bad("prompt must be a string")
        image_urls = body.get("image_urls") or []
        video_urls = body.get("video_urls") or []
        extend = body.get("extend_from_task_id")
        if not isinstance(image_urls, list) or not all(isinstance(u, str) for u in image_urls):
            return self._bad("image_urls must be an array of URLs")
        if not isinstance(video_urls, list) or not all(isinstance(u, str) for u in video_urls):
            return self._bad("video_urls must be an array of URLs")
        if extend is not None and (not isinstance(extend, str) or not extend):
            return self._bad("extend_from_task_id must be a task id")
        if not prompt and not image_urls and not video_urls and not extend:
            return self._bad(
                "prompt is required when no image_urls, video_urls or extend_from_task_id is given"
            )
        if len(image_urls) > 16:
            return self._bad("image_urls supports at most 16 images")
        if len(video_urls) > 1:
            return self._bad("video_urls supports at most 1 video")
        if video_urls and extend:
            return self._bad("video_urls cannot be used together with extend_from_task_id")
        if extend:
            parent = self.tasks.get(extend)
            if parent is None:
                return self._bad(f"task not found: {extend}", "task_not_found")
            if parent.status != "completed":
                return self._bad(f"task {extend} is not completed and cannot be extended")
        resolution = body.get("resolution", "720p")
        if resolution != "720p":
            return self._bad(f"resolution {resolution} is not supported, only 720p")
        webhook = body.get("webhook")
        if webhook is not None and (
            not isinstance(webhook, str) or not webhook.startswith(("http://", "https://"))
        ):
            return self._bad("webhook must be an http(s) URL")
        aspect = body.get("aspect_ratio", "16:9")
        if aspect not in ("16:9", "9:16"):
            aspect = "16:9"  # silently, like the real service

        for url in image_urls:
            problem = await self._check_image_url(url)
            if problem:
                return self._bad(problem)
        for url in video_urls:
            problem, portrait = await self._check_video_url(url)
            if problem:
                return self._bad(problem)
            aspect = "9:16" if portrait else "16:9"  # follows the input video

        key = request.headers.get("Idempotency-Key")
        if self.honour_idempotency and key and key in self._idempotency:
            return self._submitted(self._idempotency[key])

        timeline = self._queued.pop(0) if self._queued else self.default_timeline
        task_id = self._new_task_id()
        now = self.now()
        task = FakeTask(
            id=task_id,
            body=body,
            created=now,
            created_unix=self._to_unix(now),
            timeline=timeline,
            webhook=webhook,
            aspect_ratio=aspect,
            peer_port=_peer_port(request),
            _fake=self,
        )
        self.tasks[task_id] = task
        self.submits.append(body)
        if key:
            self._idempotency[key] = task_id
        if webhook:
            watcher = asyncio.create_task(self._watch(task), name=f"fake-apimart-webhook-{task_id}")
            self._watchers.add(watcher)
            watcher.add_done_callback(self._watchers.discard)
        self.hooks.fire("submit", task)
        await self.hooks.held("submit", task)
        return self._submitted(task_id)

    @staticmethod
    def _submitted(task_id: str) -> web.Response:
        return web.json_response({"code": 200, "data": [{"status": "submitted", "task_id": task_id}]})

    @staticmethod
    def _new_task_id() -> str:
        ms = int(time.time() * 1000)
        head = "".join(_CROCKFORD[(ms >> (5 * i)) & 31] for i in reversed(range(10)))
        tail = "".join(secrets.choice(_CROCKFORD) for _ in range(16))
        return f"task_{head}{tail}"

    async def _fetch(self, url: str) -> tuple[bytes | None, str]:
        """GET a reference like the real service does; (bytes, "") or (None, why)."""
        if not url.startswith(("http://", "https://")):
            return None, f"unsupported URL scheme: {url[:40]}"
        self.fetched_urls.append(url)
        assert self._session is not None
        try:
            async with self._session.get(
                url,
                headers={_INTERNAL_HEADER: "1"},
                timeout=aiohttp.ClientTimeout(total=self.fetch_timeout),
            ) as resp:
                if not 200 <= resp.status < 300:
                    return None, f"failed to download {url}: HTTP {resp.status}"
                return await resp.read(), ""
        except (aiohttp.ClientError, TimeoutError) as exc:
            return None, f"failed to download {url}: {type(exc).__name__}"

    async def _check_image_url(self, url: str) -> str:
        if url.startswith("data:"):
            return "base64 images are no longer supported, upload the image and pass its URL"
        data, problem = await self._fetch(url)
        if data is None:
            return problem
        if not (data.startswith(b"\xff\xd8\xff") or data.startswith(b"\x89PNG\r\n\x1a\n")):
            return f"unsupported image format at {url}: only JPEG and PNG are accepted"
        return ""

    async def _check_video_url(self, url: str) -> tuple[str, bool]:
        if url.startswith("data:"):
            header, _, payload = url.partition(",")
            if not header.startswith("data:video/") or not header.endswith(";base64"):
                return "video data URIs must look like data:video/...;base64,", False
            try:
                data: bytes | None = base64.b64decode(payload, validate=True)
            except (binascii.Error, ValueError):
                return "the video data URI is not valid base64", False
        else:
            data, problem = await self._fetch(url)
            if data is None:
                return problem, False
        assert data is not None
        probed = await asyncio.to_thread(_probe_video, data)
        if probed is None:
            return "the reference video could not be decoded", False
        duration, width, height = probed
        low, high = self.video_duration_limits
        if not low - 0.05 <= duration <= high + 0.05:
            return f"the reference video must be {low:g}-{high:g} seconds long (got {duration:.1f} s)", False
        return "", height > width

    async def _status(self, request: web.Request) -> web.Response:
        task = self.tasks.get(request.match_info["task_id"])
        if task is None:
            return self._error(404, "task not found", "invalid_request_error", "task_not_found")
        data = self.task_json(task)
        if data["status"] == "completed":
            self.hooks.fire("completed", task)
            await self.hooks.held("completed", task)
        return web.json_response({"code": 200, "data": data})

    async def _upload(self, request: web.Request) -> web.Response:
        if not request.content_type.startswith("multipart/"):
            return self._bad("the request must be multipart/form-data with a file field")
        reader = await request.multipart()
        data: bytearray | None = None
        filename = ""
        too_large = False
        async for part in reader:
            if not isinstance(part, aiohttp.BodyPartReader) or part.name != "file" or data is not None:
                await part.release()  # type: ignore[union-attr]
                continue
            filename = part.filename or "image"
            data = bytearray()
            while chunk := await part.read_chunk(256 * 1024):
                if not too_large:
                    data += chunk
                    if len(data) > MAX_UPLOAD:
                        too_large = True
                        data = bytearray(b"x")  # keep draining, drop the bytes
        if too_large:
            return self._error(413, "file too large: the maximum size is 20 MB", "invalid_request_error", "")
        if data is None:
            return self._bad("the file field is required")
        content_type, ext = _image_type(bytes(data))
        if not content_type:
            return self._bad("unsupported file type: only JPEG, PNG, WebP and GIF images are accepted")
        url = f"{self.base_url}/uploads/{secrets.token_hex(8)}{ext}"
        self.uploads[url] = bytes(data)
        self.upload_types[url] = content_type
        return web.json_response(
            {
                "url": url,
                "filename": filename,
                "content_type": content_type,
                "bytes": len(data),
                "created_at": int(self.unix_now()),
            }
        )

    async def _balance(self, request: web.Request) -> web.Response:
        if self.balance_failure is not None:
            return web.json_response({"success": False, "message": self.balance_failure})
        return web.json_response(
            {
                "success": True,
                "remain_balance": round(self.credits / 10, 4),
                "remain_credits": self.credits,
                "used_balance": round(self.used_credits / 10, 4),
                "used_credits": self.used_credits,
                "unlimited_quota": False,
            }
        )

    async def _file(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        task = self.tasks.get(name.removesuffix(".mp4"))
        if task is None or not name.endswith(".mp4") or task.status != "completed":
            return web.Response(status=404, text="Not Found")
        finished = task.terminal_at()
        assert finished is not None
        if self.unix_now() > int(self._to_unix(finished)) + 86400:
            return web.Response(status=404, text="Not Found")  # expired
        video = task.result_video
        if not self.file_chunked:
            return web.Response(body=video, content_type="video/mp4")
        resp = web.StreamResponse(headers={"Content-Type": "video/mp4"})
        resp.enable_chunked_encoding()
        await resp.prepare(request)
        view = memoryview(video)
        for start in range(0, len(video), 64 * 1024):
            await resp.write(bytes(view[start : start + 64 * 1024]))
        await resp.write_eof()
        return resp

    async def _uploaded(self, request: web.Request) -> web.Response:
        url = f"{self.base_url}/uploads/{request.match_info['name']}"
        if url not in self.uploads or url in self._expired_uploads:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=self.uploads[url], content_type=self.upload_types[url])

    # ---------------------------------------------------------------------------- webhooks

    async def _watch(self, task: FakeTask) -> None:
        """Wait (reacting to advance_time/complete/...) until the task is terminal, then call back."""
        while True:
            assert self._wake is not None
            wake = self._wake
            at = task.terminal_at()
            if at is not None and self.now() >= at:
                break
            timeout = None if at is None else max(0.0, at - self.now())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), timeout)
        if task.status not in self.callback_statuses or task.webhook is None:
            return
        body = self.task_json(task)
        url = task.webhook.rstrip("/") + "/callback"
        for delay in (0.0, *self.callback_retry_delays):
            if delay:
                await asyncio.sleep(delay)
            status = await self._post_callback(task.id, url, body)
            if status is not None and 200 <= status < 300:
                return

    async def _post_callback(self, task_id: str, url: str, body: dict[str, Any]) -> int | None:
        assert self._session is not None
        status: int | None = None
        try:
            async with self._session.post(url, json=body, timeout=aiohttp.ClientTimeout(total=5)) as resp:
                status = resp.status
                await resp.read()
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.info("fake apimart: callback to %s failed: %s", url, type(exc).__name__)
        self.callbacks.append(CallbackAttempt(task_id, url, status, self.now(), body))
        self._notify()
        return status

    async def send_callback(
        self, task_id: str, *, webhook: str | None = None, body: dict[str, Any] | None = None
    ) -> int:
        """Forge or duplicate a callback now: POST <webhook>/callback; returns the HTTP status."""
        task = self.tasks.get(task_id)
        base = webhook or (task.webhook if task is not None else None)
        if base is None:
            raise ValueError(f"no webhook known for {task_id}")
        if body is None:
            if task is None:
                raise ValueError(f"unknown task {task_id}; pass body=")
            body = self.task_json(task)
        assert self._session is not None
        url = base.rstrip("/") + "/callback"
        async with self._session.post(url, json=body, timeout=aiohttp.ClientTimeout(total=5)) as resp:
            await resp.read()
            self.callbacks.append(CallbackAttempt(task_id, url, resp.status, self.now(), body))
            self._notify()
            return resp.status


# ------------------------------------------------------------------------------------------ helpers


def _image_type(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", ".jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", ".png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", ".webp"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif", ".gif"
    return "", ""


def _probe_video(data: bytes) -> tuple[float, int, int] | None:
    """(duration s, width, height) of a video held in memory, or None if it does not decode."""
    import av  # heavy import, only when a test uses reference videos

    try:
        with av.open(io.BytesIO(data)) as container:
            if not container.streams.video:
                return None
            stream = container.streams.video[0]
            width, height = stream.codec_context.width, stream.codec_context.height
            if container.duration is not None:
                duration = container.duration / 1_000_000
            elif stream.duration is not None and stream.time_base is not None:
                duration = float(stream.duration * stream.time_base)
            else:
                return None
            return duration, width, height
    except (av.FFmpegError, ValueError):
        return None


def _peer_port(request: web.Request) -> int | None:
    """The client's TCP port of this request (None when the transport is gone)."""
    peer = request.transport.get_extra_info("peername") if request.transport is not None else None
    return int(peer[1]) if isinstance(peer, tuple) and len(peer) >= 2 else None
