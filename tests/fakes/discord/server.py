"""FakeDiscord: REST + gateway + CDN on one 127.0.0.1 port, in the test's event loop."""

# The public API takes ``timeout=`` arguments on purpose (tests call them that way).

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import math
import mimetypes
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from aiohttp import web

from tests.fakes.hooks import WireHooks

from .gateway import MAX_GUILDS_PER_SHARD, Gateway
from .interactions import InteractionsMixin
from .models import (
    ALL_PERMISSIONS,
    BOT_PERMISSIONS,
    DEFAULT_USER_PERMISSIONS,
    EPHEMERAL,
    LOADING,
    MESSAGE_CONTENT_INTENT,
    VIEW_CHANNEL,
    FakeAttachment,
    FakeChannel,
    FakeFile,
    FakeGuild,
    FakeHTTPError,
    FakeInteraction,
    FakeMember,
    FakeMessage,
    FakeRole,
    FakeUser,
    RequestRecord,
    SnowflakeFactory,
    invalid_form,
)
from .rules import check_command, check_message, check_post_permissions, compute_pings

log = logging.getLogger("tests.fakes.discord")

API = "/api/v10"
INTERACTION_ANSWER_WINDOW = 3.0
INTERACTION_TOKEN_LIFETIME = 15 * 60.0
NONCE_WINDOW = 5 * 60.0  # Discord remembers a message nonce "for a few minutes"
GUILDS_PER_RECOMMENDED_SHARD = 1000
SESSION_STARTS_PER_DAY = 1000
# Wire moments for ``FakeDiscord.on`` (callbacks get the FakeMessage, stored, before the answer is sent):
# "message": the bot created a message (channel POST, interaction response or followup);
# "edit": the bot edited a message (channel or webhook PATCH, or an update-message callback);
# "mp4": a message carrying an MP4 attachment was stored: created with one, or edited so it gained one;
# "ping": a message the bot created pings at least one user.
HOOK_MOMENTS = ("message", "edit", "mp4", "ping")
_FILES_FIELD = re.compile(r"files\[(\d+)\]")

Handler = Callable[[web.Request], Any]
UploadedFile = tuple[int, str, bytes, str | None]  # (index, filename, data, content type)


def _json(obj: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """JSON with exactly ``Content-Type: application/json`` (discord.py needs it)."""
    return web.Response(
        body=json.dumps(obj).encode(), status=status, content_type="application/json", headers=headers
    )


def _short(body: Any, limit: int = 600) -> str:
    text = json.dumps(body, default=str) if body is not None else ""
    return text if len(text) <= limit else text[:limit] + "…"


_CHANNEL_EDIT = re.compile(r"^/channels/(\d+)/messages/(\d+)$")


@dataclass
class _Fault:
    method: str
    pattern: re.Pattern[str]
    count: int | None
    kind: str  # "429" | "status" | "headers" | "slow"
    status: int = 0
    retry_after: float = 0.0
    global_: bool = False
    remaining: int = 0
    reset_after: float = 0.0
    limit: int = 5
    bucket: str = "fake-bucket"
    applied: bool = False
    delay: float = 0.0

    def matches(self, method: str, path: str) -> bool:
        return (self.method in ("*", method)) and bool(self.pattern.search(path))


class FakeDiscord(InteractionsMixin):
    """A fake Discord for the real discord.py client (see tests/fakes/fake_discord.py)."""

    _json_response = staticmethod(_json)

    def __init__(self, *, token: str = "fake-bot-token", clock: Callable[[], float] = time.time) -> None:
        self.token = token
        self._clock = clock
        self.time_offset = 0.0
        self.snowflake = SnowflakeFactory(self.now)
        self._secret = secrets.token_bytes(16)
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._waiters: list[asyncio.Event] = []
        self.gateway = Gateway(self, self._notify)

        self.users: dict[int, FakeUser] = {}
        self.guilds: dict[int, FakeGuild] = {}
        self.channels: dict[int, FakeChannel] = {}
        self.dms: dict[int, FakeChannel] = {}
        self.messages: dict[int, FakeMessage] = {}
        self.interactions: dict[int, FakeInteraction] = {}
        self._by_token: dict[str, FakeInteraction] = {}
        self.attachments: dict[int, FakeAttachment] = {}
        self.commands: dict[int | None, list[dict[str, Any]]] = {}
        self.requests: list[RequestRecord] = []
        self.errors: list[RequestRecord] = []
        self.internal_errors: list[BaseException] = []
        self._faults: list[_Fault] = []
        # Discord's edit bucket for bot messages is per channel (its major parameter): off unless a test turns
        # it on (`edit_bucket`), since its numbers are not documented.
        self._edit_bucket: tuple[int, float] | None = None
        self._edit_windows: dict[str, tuple[float, int]] = {}  # channel id -> (window start, edits in it)
        self.cdn_status_override: int | None = None
        self.cdn_url_ttl = 24 * 3600.0
        self._expired: dict[int, int] = {}
        self.enforce_command_permissions = True
        self.nonce_window = NONCE_WINDOW  # seconds on the fake clock (now()) a nonce is remembered
        self.hooks: WireHooks[FakeMessage] = WireHooks("fake discord", HOOK_MOMENTS)
        self._parsed: dict[int, tuple[Any, list[UploadedFile]]] = {}
        self.intents: int | None = None  # what the bot asked for in its last IDENTIFY
        # Sharding: a session holding more guilds than this is refused (4011); GET /gateway/bot recommends
        # ``recommended_shards`` (None: one per GUILDS_PER_RECOMMENDED_SHARD guilds, as Discord roughly does).
        self.max_guilds_per_shard = MAX_GUILDS_PER_SHARD
        self.recommended_shards: int | None = None
        self.max_concurrency = 1
        # Every bulk overwrite of application commands (PUT), by scope (None: global, else the guild id).
        self.command_syncs: list[int | None] = []

        self.application_id = self.snowflake()
        self.bot_user = FakeUser(self.application_id, "fakebot", global_name="Fake Bot", bot=True)
        self.users[self.bot_user.id] = self.bot_user
        self.owner = FakeUser(self.snowflake(), "owner", global_name="Owner")
        self.users[self.owner.id] = self.owner
        self.guild = self.add_guild("Fake Guild")
        self.channel = self.guild.channels[0]

    # ------------------------------------------------------------------ clock & lifecycle
    def now(self) -> float:
        """The fake clock: ``clock() + time_offset``."""
        return self._clock() + self.time_offset

    def advance_time(self, seconds: float) -> None:
        self.time_offset += seconds
        self._notify()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        return self.base_url + API

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    @property
    def identify_count(self) -> int:
        return self.gateway.identify_count

    @property
    def resume_count(self) -> int:
        return self.gateway.resume_count

    async def start(self) -> FakeDiscord:
        app = web.Application(middlewares=[self._middleware], client_max_size=256 * 1024 * 1024)
        self._routes(app)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ------------------------------------------------------------------ waiting (condition based)
    def _notify(self) -> None:
        waiters, self._waiters = self._waiters, []
        for event in waiters:
            event.set()

    async def _wait(self, predicate: Callable[[], bool], timeout: float, what: str = "condition") -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                recent = "\n".join(
                    f"  {r.method} {r.path} -> {r.status} {r.error or ''}" for r in self.requests[-12:]
                )
                raise TimeoutError(
                    f"fake discord: timed out after {timeout}s waiting for {what}; recent requests:\n{recent}"
                )
            event = asyncio.Event()
            self._waiters.append(event)
            try:
                async with asyncio.timeout(remaining):
                    await event.wait()
            except TimeoutError:
                pass

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 10) -> None:
        """Wait until ``predicate()`` holds; re-checked after every request/gateway frame."""
        await self._wait(predicate, timeout, getattr(predicate, "__name__", "predicate"))

    async def wait_for_message(
        self,
        predicate: Callable[[FakeMessage], bool] | None = None,
        *,
        channel: FakeChannel | None = None,
        timeout: float = 10,
        include_ephemeral: bool = False,
    ) -> FakeMessage:
        """The newest current message (of ``channel`` or any channel) matching ``predicate``; waits."""

        def find() -> FakeMessage | None:
            for msg in reversed(self.messages.values()):
                if msg.deleted or (msg.ephemeral and not include_ephemeral):
                    continue
                if channel is not None and msg.channel_id != channel.id:
                    continue
                if predicate is None or predicate(msg):
                    return msg
            return None

        await self._wait(lambda: find() is not None, timeout, "a matching message")
        found = find()
        assert found is not None
        return found

    async def wait_connected(self, timeout: float = 10) -> None:
        """Wait until a bot is connected and identified on the gateway (on every shard seen so far)."""
        await self._wait(lambda: self.gateway.ready, timeout, "a bot on the gateway")

    async def wait_connected_for(self, guild_id: int | None, timeout: float = 10) -> None:
        """Wait until a connected session receives ``guild_id``'s events (None: DMs, on shard 0)."""
        what = f"a shard holding guild {guild_id}"
        await self._wait(lambda: self.gateway.ready_for(guild_id), timeout, what)

    def shard_sessions(self) -> dict[tuple[int, int], str]:
        """The live gateway sessions by shard ``(shard_id, shard_count)``: their session ids."""
        return {shard: s.session_id for shard, s in self.gateway.live.items()}

    # ------------------------------------------------------------------ world building
    def add_guild(
        self, name: str = "Other", *, premium_tier: int = 0, shard: tuple[int, int] | None = None
    ) -> FakeGuild:
        """A guild the bot is in; ``shard=(shard_id, shard_count)``: an id Discord routes to that shard."""
        gid = self.snowflake() if shard is None else self.snowflake.on_shard(*shard)
        guild = FakeGuild(id=gid, name=name, owner_id=self.owner.id, premium_tier=premium_tier)
        guild.roles.append(FakeRole(gid, "@everyone", DEFAULT_USER_PERMISSIONS, position=0))
        bot_role = FakeRole(self.snowflake(), self.bot_user.name, BOT_PERMISSIONS, position=1, managed=True)
        guild.roles.append(bot_role)
        guild.bot_role_id = bot_role.id
        guild.bot_user_id = self.bot_user.id
        now = self.now()
        bot_perms = DEFAULT_USER_PERMISSIONS | BOT_PERMISSIONS
        guild.members[self.bot_user.id] = FakeMember(self.bot_user, bot_perms, [bot_role.id], now)
        guild.members[self.owner.id] = FakeMember(self.owner, ALL_PERMISSIONS, [], now)
        self.guilds[gid] = guild
        self.add_channel("general", guild=guild)
        return guild

    def add_channel(self, name: str, *, guild: FakeGuild | None = None) -> FakeChannel:
        guild = guild or self.guild
        channel = FakeChannel(self.snowflake(), name, guild=guild, position=len(guild.channels))
        guild.channels.append(channel)
        self.channels[channel.id] = channel
        return channel

    def add_thread(self, name: str, parent: FakeChannel | None = None) -> FakeChannel:
        """A public thread (type 11) in ``parent`` (default channel), with the parent's overwrites."""
        parent = parent or self.channel
        assert parent.guild is not None and parent.parent is None
        thread = FakeChannel(
            self.snowflake(), name, guild=parent.guild, type=11, parent=parent, owner_id=self.owner.id
        )
        parent.guild.threads.append(thread)
        self.channels[thread.id] = thread
        return thread

    # ------------------------------------------------------------------ the Message Content intent
    @property
    def message_content_intent(self) -> bool:
        """Whether the connected bot asked for the privileged Message Content intent."""
        return bool((self.intents or 0) & MESSAGE_CONTENT_INTENT)

    def content_visible(self, msg: FakeMessage) -> bool:
        """Discord shows a message's content to an app without the intent only in these cases."""
        if self.message_content_intent or msg.author_id == self.bot_user.id:
            return True
        if msg.guild_id is None:
            return True  # a DM with the app
        return f"<@{self.bot_user.id}>" in msg.content or f"<@!{self.bot_user.id}>" in msg.content

    def seen_by_bot(self, msg: FakeMessage) -> dict[str, Any]:
        """``msg`` as the bot receives it over REST or the gateway (blank without the intent)."""
        payload = msg.to_payload()
        if not self.content_visible(msg):
            payload |= {"content": "", "embeds": [], "attachments": [], "components": []}
            payload.pop("poll", None)
        return payload

    def add_user(
        self,
        name: str,
        *,
        guild: FakeGuild | None = None,
        permissions: int = DEFAULT_USER_PERMISSIONS,
        roles: list[int] | tuple[int, ...] = (),
    ) -> FakeUser:
        """A new user, member of ``guild`` (default guild)."""
        user = FakeUser(self.snowflake(), name, global_name=name.capitalize())
        self.users[user.id] = user
        self.add_member(user, guild or self.guild, permissions=permissions, roles=roles)
        return user

    def add_member(
        self,
        user: FakeUser,
        guild: FakeGuild,
        *,
        permissions: int = DEFAULT_USER_PERMISSIONS,
        roles: list[int] | tuple[int, ...] = (),
    ) -> FakeMember:
        member = FakeMember(user, permissions, list(roles), self.now())
        guild.members[user.id] = member
        return member

    def member(self, user: FakeUser, guild: FakeGuild | None = None) -> FakeMember:
        """``user``'s membership of ``guild`` (default guild): permissions and roles live here."""
        return (guild or self.guild).members[user.id]

    def add_role(self, name: str, *, guild: FakeGuild | None = None, permissions: int = 0) -> FakeRole:
        guild = guild or self.guild
        role = FakeRole(self.snowflake(), name, permissions, position=len(guild.roles))
        guild.roles.append(role)
        return role

    # ------------------------------------------------------------------ CDN
    def _sign(self, path: str, ex: str, is_: str) -> str:
        return hmac.new(self._secret, f"{path}|{ex}|{is_}".encode(), hashlib.sha256).hexdigest()

    def cdn_url(self, att: FakeAttachment) -> str:
        """A freshly signed URL for ``att`` (expires ``cdn_url_ttl`` after now())."""
        now = self.now()
        ex, is_ = format(int(now + self.cdn_url_ttl), "x"), format(int(now), "x")
        return f"{self.base_url}{att.cdn_path}?ex={ex}&is={is_}&hm={self._sign(att.cdn_path, ex, is_)}"

    def store_attachment(
        self, file: FakeFile, channel_id: int, *, description: str | None = None, ephemeral: bool = False
    ) -> FakeAttachment:
        aid = self.snowflake()
        ctype = file.content_type or mimetypes.guess_type(file.filename)[0]
        path = f"/cdn/attachments/{channel_id}/{aid}/{quote(file.filename)}"
        att = FakeAttachment(
            aid, file.filename, len(file.data), ctype, "", file.data, channel_id, description, ephemeral, path
        )
        att.url = self.cdn_url(att)
        self.attachments[aid] = att
        return att

    def expire_attachment(self, target: str | FakeAttachment, status: int = 404) -> None:
        """Make the CDN answer ``status`` for this attachment from now on."""
        aid = target.id if isinstance(target, FakeAttachment) else int(urlsplit(target).path.split("/")[4])
        self._expired[aid] = status

    async def _cdn(self, request: web.Request) -> web.Response:
        aid = int(request.match_info["aid"])
        att = self.attachments.get(aid)
        if att is None or (request.path != att.cdn_path and quote(request.path) != att.cdn_path):
            return web.Response(status=404, text="Not Found")
        if self.cdn_status_override is not None:
            return web.Response(status=self.cdn_status_override, text="fake: cdn_status_override")
        if aid in self._expired:
            return web.Response(status=self._expired[aid], text="This content is no longer available.")
        ex, is_, hm = (request.query.get(k, "") for k in ("ex", "is", "hm"))
        if not hm or not hmac.compare_digest(hm, self._sign(att.cdn_path, ex, is_)):
            return web.Response(status=403, text="fake: bad signature")
        if int(ex, 16) < self.now():
            return web.Response(status=404, text="This content is no longer available.")
        return web.Response(body=att.data, content_type=att.content_type or "application/octet-stream")

    # ------------------------------------------------------------------ faults
    def rate_limit_next(
        self,
        method: str,
        path_pattern: str,
        *,
        retry_after: float = 0.2,
        count: int = 1,
        global_: bool = False,
    ) -> None:
        """Answer the next ``count`` matching requests with a 429 (with ``Via`` and JSON retry_after)."""
        self._faults.append(
            _Fault(
                method.upper(),
                re.compile(path_pattern),
                count,
                "429",
                retry_after=retry_after,
                global_=global_,
            )
        )

    def fail_next(
        self, method: str, path_pattern: str, status: int = 500, count: int = 1, *, applied: bool = False
    ) -> None:
        """Answer the next ``count`` matching requests with ``status``.

        ``applied=True``: the request takes effect first and only the answer is lost (a timeout-like
        failure), e.g. the message is created but the bot sees a 5xx and retries.
        """
        self._faults.append(
            _Fault(method.upper(), re.compile(path_pattern), count, "status", status=status, applied=applied)
        )

    def ratelimit_headers(
        self,
        path_pattern: str,
        remaining: int = 0,
        reset_after: float = 0.3,
        *,
        method: str = "*",
        limit: int = 5,
        bucket: str = "fake-bucket",
        count: int | None = None,
    ) -> None:
        """Successful matching responses carry X-RateLimit-* headers (until clear_faults)."""
        self._faults.append(
            _Fault(
                method.upper(),
                re.compile(path_pattern),
                count,
                "headers",
                remaining=remaining,
                reset_after=reset_after,
                limit=limit,
                bucket=bucket,
            )
        )

    def slow_next(self, method: str, path_pattern: str, seconds: float, *, count: int = 1) -> None:
        """Answer the next ``count`` matching requests ``seconds`` late, normally otherwise: a slow network or
        a loaded Discord, not a rate limit (no X-RateLimit headers say so)."""
        self._faults.append(_Fault(method.upper(), re.compile(path_pattern), count, "slow", delay=seconds))

    def edit_bucket(self, limit: int | None = 5, per: float = 5.0) -> None:
        """Edits of bot messages (PATCH /channels/{channel}/messages/{message}) share one bucket per
        channel, as on Discord (its major parameter is the channel): `limit` edits per `per` seconds from the
        first edit of a window, whichever message they edit. Each answer carries the bucket's X-RateLimit-*
        headers; an edit past the limit is answered 429 (with ``Via`` and a JSON retry_after) until the
        window ends. Discord does not document the numbers ("about 5 edits per 5 s per channel" is folklore).
        `limit` None: no bucket (the default; a busy moment has passed).
        """
        self._edit_bucket = None if limit is None else (limit, per)
        self._edit_windows.clear()

    def _channel_edit(self, method: str, path: str) -> tuple[int, int, float] | None:
        """Count an edit in its channel's bucket: (the limit, edits left, seconds to the window's end); None
        when the bucket is off or this is not such an edit. Edits left < 0: the edit is refused."""
        if self._edit_bucket is None or method != "PATCH":
            return None
        match = _CHANNEL_EDIT.match(path)
        if match is None:
            return None
        limit, per = self._edit_bucket
        now = time.monotonic()
        start, count = self._edit_windows.get(match.group(1), (now, 0))
        if now >= start + per:
            start, count = now, 0
        if count < limit:
            count += 1
        else:
            return limit, -1, start + per - now
        self._edit_windows[match.group(1)] = (start, count)
        return limit, limit - count, start + per - now

    def clear_faults(self) -> None:
        self._faults.clear()

    # ------------------------------------------------------------------ wire hooks
    def on(
        self,
        moment: str,
        callback: Callable[[FakeMessage], object],
        *,
        when: Callable[[FakeMessage], bool] | None = None,
        once: bool = False,
    ) -> Callable[[], None]:
        """Run ``callback(message)`` inside the handler at a wire moment (HOOK_MOMENTS), before answering.

        See tests/fakes/hooks.py. Returns a function that removes the hook.
        """
        return self.hooks.on(moment, callback, when=when, once=once)

    def _stored(self, msg: FakeMessage, *, created: bool, added: list[FakeAttachment]) -> None:
        """A bot message was created or edited (``added``: attachments it gained): fire the hooks."""
        self.hooks.fire("message" if created else "edit", msg)
        if any(_is_mp4(a) for a in added):
            self.hooks.fire("mp4", msg)
        if created and msg.pinged_user_ids:
            self.hooks.fire("ping", msg)

    def _take_fault(self, method: str, path: str, kind: tuple[str, ...]) -> _Fault | None:
        for fault in self._faults:
            if fault.kind in kind and fault.matches(method, path):
                if fault.count is not None:
                    fault.count -= 1
                    if fault.count <= 0:
                        self._faults.remove(fault)
                return fault
        return None

    @staticmethod
    def _fault_response(fault: _Fault) -> web.Response:
        if fault.kind == "429":
            body = {
                "message": "You are being rate limited.",
                "retry_after": fault.retry_after,
                "global": fault.global_,
            }
            headers = {
                "Via": "1.1 google",
                "Retry-After": str(math.ceil(fault.retry_after)),
                "X-RateLimit-Scope": "global" if fault.global_ else "user",
            }
            if fault.global_:
                headers["X-RateLimit-Global"] = "true"
            return _json(body, 429, headers)
        return _json({"code": 0, "message": f"fake: injected {fault.status}"}, fault.status)

    # ------------------------------------------------------------------ plumbing
    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path == "/gateway":
            return await handler(request)  # type: ignore[no-any-return]
        path = request.path[len(API) :] if request.path.startswith(API) else request.path
        body, files = await self._read_body(request)
        record = RequestRecord(
            request.method,
            path,
            dict(request.query),
            body,
            [(f[1], f[2]) for f in files],
            dict(request.headers),
            time=self.now(),
        )
        self._parsed[id(request)] = (body, files)
        self.requests.append(record)
        try:
            slow = self._take_fault(request.method, path, ("slow",))
            if slow is not None:
                await asyncio.sleep(slow.delay)  # the fault itself: this answer is late
            bucket = self._channel_edit(request.method, path)
            fault = self._take_fault(request.method, path, ("429", "status"))
            if bucket is not None and bucket[1] < 0 and fault is None:
                fault = _Fault(request.method, _CHANNEL_EDIT, 1, "429", retry_after=round(bucket[2], 3))
            if fault is not None:
                record.injected = True
                if fault.applied:
                    await handler(request)
                response: web.StreamResponse = self._fault_response(fault)
            else:
                response = await handler(request)
                if bucket is not None and response.status < 400:
                    limit, left, reset = bucket
                    response.headers.update(
                        {
                            "X-RateLimit-Limit": str(limit),
                            "X-RateLimit-Remaining": str(left),
                            "X-RateLimit-Reset-After": f"{reset:.3f}",
                            "X-RateLimit-Reset": f"{time.time() + reset:.3f}",
                            "X-RateLimit-Bucket": "fake-channel-edits",
                        }
                    )
                headers = self._take_fault(request.method, path, ("headers",))
                if headers is not None and response.status < 400:
                    response.headers.update(
                        {
                            "X-RateLimit-Limit": str(headers.limit),
                            "X-RateLimit-Remaining": str(headers.remaining),
                            "X-RateLimit-Reset-After": str(headers.reset_after),
                            "X-RateLimit-Reset": str(time.time() + headers.reset_after),
                            "X-RateLimit-Bucket": headers.bucket,
                        }
                    )
        except FakeHTTPError as exc:
            record.error = exc.body()
            self.errors.append(record)
            log.warning("fake discord: %s %s -> %s %s", request.method, path, exc.status, exc.body())
            response = _json(exc.body(), exc.status)
        except Exception as exc:  # a bug in the fake: fail fast (a 500 would make discord.py retry slowly)
            log.exception("fake discord: internal error on %s %s", request.method, path)
            self.internal_errors.append(exc)
            record.error = {"code": 0, "message": f"fake: internal error {exc!r}"}
            self.errors.append(record)
            response = _json(record.error, 400)
        finally:
            self._parsed.pop(id(request), None)
        record.status = response.status
        record.response_headers = dict(response.headers)
        log.debug("fake discord: %s %s -> %s %s", request.method, path, record.status, _short(body))
        self._notify()
        return response

    @staticmethod
    async def _read_body(request: web.Request) -> tuple[Any, list[UploadedFile]]:
        files: list[UploadedFile] = []
        if not request.body_exists:
            return None, files
        if request.content_type.startswith("multipart/"):
            payload: Any = None
            reader = await request.multipart()
            index = 0
            async for part in reader:
                if part is None:
                    break
                if part.name == "payload_json":
                    payload = json.loads(await part.text())  # type: ignore[union-attr]
                elif part.filename is not None:  # type: ignore[union-attr]
                    data = bytes(await part.read(decode=False))  # type: ignore[union-attr]
                    m = _FILES_FIELD.fullmatch(part.name or "")
                    n = int(m.group(1)) if m else index
                    files.append((n, part.filename, data, part.headers.get("Content-Type")))  # type: ignore[union-attr]
                    index += 1
            return payload, files
        raw = await request.read()
        if request.content_type == "application/json" and raw:
            return json.loads(raw), files
        return raw.decode(errors="replace") or None, files

    def _body(self, request: web.Request) -> Any:
        """The parsed JSON body (``payload_json`` for multipart) of the request being handled."""
        return self._parsed[id(request)][0]

    def _files(self, request: web.Request) -> list[UploadedFile]:
        return self._parsed[id(request)][1]

    def _auth(self, request: web.Request) -> None:
        if request.headers.get("Authorization") != f"Bot {self.token}":
            raise FakeHTTPError(401, 0, "401: Unauthorized")

    def _routes(self, app: web.Application) -> None:
        r = app.router
        a = API
        r.add_get("/gateway", self.gateway.handle)
        r.add_get("/cdn/attachments/{cid}/{aid}/{filename}", self._cdn)
        r.add_get(a + "/users/@me", self._get_me)
        r.add_get(a + "/oauth2/applications/@me", self._get_app)
        r.add_get(a + "/gateway", self._get_gateway)
        r.add_get(a + "/gateway/bot", self._get_gateway_bot)
        for path in ("/applications/{app}/commands", "/applications/{app}/guilds/{gid}/commands"):
            r.add_put(a + path, self._put_commands)
            r.add_get(a + path, self._get_commands)
            r.add_post(a + path, self._post_command)
        r.add_post(a + "/interactions/{iid}/{token}/callback", self._callback)
        r.add_post(a + "/webhooks/{app}/{token}", self._followup)
        r.add_route("*", a + "/webhooks/{app}/{token}/messages/{mid}", self._webhook_message)
        r.add_post(a + "/users/@me/channels", self._open_dm)
        r.add_get(a + "/users/{uid}", self._get_user)
        r.add_get(a + "/channels/{cid}", self._get_channel)
        r.add_post(a + "/channels/{cid}/typing", self._typing)
        r.add_post(a + "/channels/{cid}/messages", self._post_message)
        r.add_get(a + "/channels/{cid}/messages", self._list_messages)
        r.add_route("*", a + "/channels/{cid}/messages/{mid}", self._channel_message)
        r.add_get(a + "/guilds/{gid}", self._get_guild)
        r.add_get(a + "/guilds/{gid}/channels", self._get_guild_channels)
        r.add_get(a + "/guilds/{gid}/members/{uid}", self._get_member)
        r.add_route("*", "/{tail:.*}", self._unhandled)

    async def _unhandled(self, request: web.Request) -> web.Response:
        raise FakeHTTPError(404, 0, f"fake: unhandled {request.method} {request.path}")

    # ------------------------------------------------------------------ identity
    async def _get_me(self, request: web.Request) -> web.Response:
        self._auth(request)
        return _json(self.bot_user.to_payload() | {"verified": True, "mfa_enabled": False, "flags": 0})

    async def _get_app(self, request: web.Request) -> web.Response:
        self._auth(request)
        return _json(
            {
                "id": str(self.application_id),
                "name": self.bot_user.name,
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": self.owner.to_payload(),
                "verify_key": "00" * 32,
                "flags": 0,
                "interactions_endpoint_url": None,
                "team": None,
                "bot": self.bot_user.to_payload(),
            }
        )

    @property
    def shards_recommended(self) -> int:
        """What GET /gateway/bot recommends: ``recommended_shards``, else one shard per 1,000 guilds."""
        if self.recommended_shards is not None:
            return self.recommended_shards
        return max(1, math.ceil(len(self.guilds) / GUILDS_PER_RECOMMENDED_SHARD))

    async def _get_gateway(self, request: web.Request) -> web.Response:
        return _json({"url": self.gateway_url})

    async def _get_gateway_bot(self, request: web.Request) -> web.Response:
        self._auth(request)
        return _json(
            {
                "url": self.gateway_url,
                "shards": self.shards_recommended,
                "session_start_limit": {
                    "total": SESSION_STARTS_PER_DAY,
                    "remaining": max(0, SESSION_STARTS_PER_DAY - self.identify_count),
                    "reset_after": 24 * 3600 * 1000,
                    "max_concurrency": self.max_concurrency,
                },
            }
        )

    async def _get_user(self, request: web.Request) -> web.Response:
        self._auth(request)
        user = self.users.get(int(request.match_info["uid"]))
        if user is None:
            raise FakeHTTPError(404, 10013, "Unknown User")
        return _json(user.to_payload())

    # ------------------------------------------------------------------ commands
    def _command_scope(self, request: web.Request) -> int | None:
        self._auth(request)
        if request.match_info["app"] != str(self.application_id):
            raise FakeHTTPError(403, 50001, "Missing Access")
        gid = request.match_info.get("gid")
        if gid is not None and int(gid) not in self.guilds:
            raise FakeHTTPError(403, 50001, "Missing Access")
        return int(gid) if gid is not None else None

    def _normalise_command(self, cmd: dict[str, Any], gid: int | None) -> dict[str, Any]:
        ctype = int(cmd.get("type", 1))
        check_command(cmd)  # names, descriptions, choices and their localizations, as Discord checks them
        old = next(
            (c for c in self.commands.get(gid, []) if c["name"] == cmd["name"] and c["type"] == ctype), None
        )
        out = dict(cmd) | {
            "id": old["id"] if old else str(self.snowflake()),
            "application_id": str(self.application_id),
            "type": ctype,
            "description": cmd.get("description", ""),
            "version": str(self.snowflake()),
            "default_member_permissions": cmd.get("default_member_permissions"),
        }
        if gid is not None:
            out["guild_id"] = str(gid)
        if len(out.get("options") or []) > 25:
            raise invalid_form("at most 25 options")
        return out

    async def _put_commands(self, request: web.Request) -> web.Response:
        gid = self._command_scope(request)
        body = self._body(request) or []
        stored = [self._normalise_command(c, gid) for c in body]
        self.commands[gid] = stored
        self.command_syncs.append(gid)
        return _json(stored)

    async def _post_command(self, request: web.Request) -> web.Response:
        gid = self._command_scope(request)
        cmd = self._normalise_command(self._body(request), gid)
        cmds = [c for c in self.commands.get(gid, []) if c["id"] != cmd["id"]]
        self.commands[gid] = [*cmds, cmd]
        return _json(cmd, 201)

    async def _get_commands(self, request: web.Request) -> web.Response:
        return _json(self.commands.get(self._command_scope(request), []))

    def find_command(self, name: str, guild_id: int | None, ctype: int = 1) -> dict[str, Any]:
        """A synced command by name (guild commands first, then global)."""
        for scope in (guild_id, None) if guild_id is not None else (None,):
            for cmd in self.commands.get(scope, []):
                if cmd["name"] == name and cmd["type"] == ctype:
                    return cmd
        synced = {k: [c["name"] for c in v] for k, v in self.commands.items()}
        raise AssertionError(f"no synced command {name!r} (type {ctype}); synced: {synced}")

    # ------------------------------------------------------------------ messages (shared)
    def _make_message(
        self,
        channel: FakeChannel,
        author: FakeUser,
        payload: dict[str, Any],
        files: list[UploadedFile],
        *,
        interaction: FakeInteraction | None = None,
        flags: int | None = None,
    ) -> FakeMessage:
        msg = FakeMessage(
            id=self.snowflake(),
            channel_id=channel.id,
            guild_id=channel.guild_id,
            author=author,
            content=str(payload.get("content") or ""),
            embeds=list(payload.get("embeds") or []),
            components=list(payload.get("components") or []),
            allowed_mentions=payload.get("allowed_mentions"),
            flags=int(payload.get("flags") or 0) if flags is None else flags,
            message_reference=payload.get("message_reference"),
            created_at=self.now(),
            tts=bool(payload.get("tts")),
            webhook_id=self.application_id if interaction is not None else None,
            interaction=interaction,
            _url_for=self.cdn_url,
            _user_for=self.users.get,
        )
        msg.attachments = self._new_attachments(payload, files, channel, msg.ephemeral)
        replied = None
        if msg.message_reference and msg.message_reference.get("message_id"):
            target = self.messages.get(int(msg.message_reference["message_id"]))
            if target is None:
                if msg.message_reference.get("fail_if_not_exists", True):
                    raise invalid_form("message_reference: Unknown message")
                msg.message_reference = None
            else:
                replied = target.author_id
                msg.message_reference = {
                    "message_id": str(target.id),
                    "channel_id": str(target.channel_id),
                    "guild_id": str(target.guild_id) if target.guild_id else None,
                    "type": 0,
                }
        msg.pinged_user_ids, msg.pinged_role_ids, msg.pinged_everyone = compute_pings(
            msg, msg.allowed_mentions, replied
        )
        self.messages[msg.id] = msg
        if not msg.ephemeral:
            channel._messages[msg.id] = msg
        return msg

    def _new_attachments(
        self, payload: dict[str, Any], files: list[UploadedFile], channel: FakeChannel, ephemeral: bool
    ) -> list[FakeAttachment]:
        meta = {str(a.get("id")): a for a in payload.get("attachments") or []}
        out = []
        for index, filename, data, _ctype in files:
            entry = meta.get(str(index), {})
            name = entry.get("filename") or filename
            out.append(
                self.store_attachment(
                    FakeFile(name, data),
                    channel.id,
                    description=entry.get("description"),
                    ephemeral=ephemeral,
                )
            )
        return out

    def _edit_message(
        self, msg: FakeMessage, payload: dict[str, Any], files: list[UploadedFile], upload_limit: int
    ) -> None:
        payload = payload or {}
        self._check(payload, files, upload_limit, creating=False)
        if "content" in payload:
            msg.content = str(payload["content"] or "")
        if "embeds" in payload:
            msg.embeds = list(payload["embeds"] or [])
        if "components" in payload:
            msg.components = list(payload["components"] or [])
        if "allowed_mentions" in payload:
            msg.allowed_mentions = payload["allowed_mentions"]
        if payload.get("flags") is not None:
            keep = msg.flags & EPHEMERAL
            msg.flags = (int(payload["flags"]) & ~(EPHEMERAL | LOADING)) | keep
        channel = self.channels[msg.channel_id]
        new = self._new_attachments(payload, files, channel, msg.ephemeral)
        if "attachments" in payload and payload["attachments"] is not None:
            keep_ids = {str(a.get("id")) for a in payload["attachments"]}
            msg.attachments = [a for a in msg.attachments if str(a.id) in keep_ids]
        msg.attachments = msg.attachments + new
        if len(msg.attachments) > 10:
            raise invalid_form("attachments: at most 10")
        msg.flags &= ~LOADING
        if not (msg.content or msg.embeds or msg.attachments or msg.components):
            raise FakeHTTPError(400, 50006, "Cannot send an empty message")
        msg.edits += 1
        msg.edit_times.append(self.now())

    @staticmethod
    def _check(
        payload: dict[str, Any], files: list[UploadedFile], upload_limit: int, *, creating: bool
    ) -> None:
        check_message(
            payload, [(f[1], f[2], f[3]) for f in files], upload_limit=upload_limit, creating=creating
        )

    # ------------------------------------------------------------------ channels
    def _channel(self, request: web.Request) -> FakeChannel:
        self._auth(request)
        try:
            channel = self.channels[int(request.match_info["cid"])]
        except (KeyError, ValueError):
            raise FakeHTTPError(404, 10003, "Unknown Channel") from None
        if channel.guild is not None and not channel.bot_permissions & VIEW_CHANNEL:
            raise FakeHTTPError(403, 50001, "Missing Access")
        return channel

    def _channel_msg(self, request: web.Request, channel: FakeChannel) -> FakeMessage:
        try:
            msg = channel._messages[int(request.match_info["mid"])]
        except (KeyError, ValueError):
            raise FakeHTTPError(404, 10008, "Unknown Message") from None
        if msg.deleted:
            raise FakeHTTPError(404, 10008, "Unknown Message")
        return msg

    async def _get_channel(self, request: web.Request) -> web.Response:
        return _json(self._channel(request).to_payload())

    async def _typing(self, request: web.Request) -> web.Response:
        self._channel(request)
        return web.Response(status=204)

    async def _post_message(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        payload, files = self._body(request) or {}, self._files(request)
        if channel.type == 1:
            assert channel.recipient is not None
            if channel.recipient.dms_closed:
                raise FakeHTTPError(403, 50007, "Cannot send messages to this user")
        else:
            check_post_permissions(
                channel.bot_permissions,
                has_files=bool(files),
                has_embeds=bool(payload.get("embeds")),
                in_thread=channel.is_thread,
                is_reply=bool(payload.get("message_reference")),
            )
        self._check(payload, files, channel.upload_limit, creating=True)
        nonce = str(payload["nonce"]) if payload.get("nonce") is not None else None
        now = self.now()
        for old, (_, at) in list(channel.nonces.items()):
            if now - at >= self.nonce_window:
                del channel.nonces[old]  # Discord forgets a nonce after a few minutes
        if nonce is not None and payload.get("enforce_nonce") and nonce in channel.nonces:
            earlier = self.messages[channel.nonces[nonce][0]]  # Discord: same nonce → the same message
            return _json(earlier.to_payload())
        flags = int(payload.get("flags") or 0) & ~(EPHEMERAL | LOADING)
        msg = self._make_message(channel, self.bot_user, payload, files, flags=flags)
        if nonce is not None:
            channel.nonces[nonce] = (msg.id, now)
        self._stored(msg, created=True, added=msg.attachments)
        return _json(msg.to_payload())

    async def _list_messages(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        limit = max(1, min(100, int(request.query.get("limit", 50))))
        msgs = channel.messages
        if "after" in request.query:
            after = int(request.query["after"])
            msgs = [m for m in msgs if m.id > after][:limit]
        elif "before" in request.query:
            before = int(request.query["before"])
            msgs = [m for m in msgs if m.id < before][-limit:]
        elif "around" in request.query:
            around = int(request.query["around"])
            older = [m for m in msgs if m.id <= around][-(limit // 2 + 1) :]
            newer = [m for m in msgs if m.id > around][: limit - len(older)]
            msgs = older + newer
        else:
            msgs = msgs[-limit:]
        return _json([self.seen_by_bot(m) for m in reversed(msgs)])

    async def _channel_message(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        msg = self._channel_msg(request, channel)
        if request.method == "GET":
            return _json(self.seen_by_bot(msg))
        if request.method == "DELETE":
            msg.deleted = True
            return web.Response(status=204)
        if request.method == "PATCH":
            if msg.author_id != self.bot_user.id:
                raise FakeHTTPError(403, 50005, "Cannot edit a message authored by another user")
            before = {a.id for a in msg.attachments}
            self._edit_message(msg, self._body(request) or {}, self._files(request), channel.upload_limit)
            self._stored(msg, created=False, added=[a for a in msg.attachments if a.id not in before])
            return _json(msg.to_payload())
        raise FakeHTTPError(405, 0, "405: Method Not Allowed")

    async def _open_dm(self, request: web.Request) -> web.Response:
        self._auth(request)
        body = self._body(request) or {}
        user = self.users.get(int(body.get("recipient_id", 0)))
        if user is None:
            raise invalid_form("recipient_id: unknown user")
        channel = self.dms.get(user.id)
        if channel is None:
            channel = FakeChannel(self.snowflake(), "", type=1, recipient=user)
            self.dms[user.id] = channel
            self.channels[channel.id] = channel
        return _json(channel.to_payload())

    # ------------------------------------------------------------------ guilds
    def _guild(self, request: web.Request) -> FakeGuild:
        self._auth(request)
        guild = self.guilds.get(int(request.match_info["gid"]))
        if guild is None:
            raise FakeHTTPError(404, 10004, "Unknown Guild")
        return guild

    async def _get_guild(self, request: web.Request) -> web.Response:
        return _json(self._guild(request).to_payload(self.bot_user))

    async def _get_guild_channels(self, request: web.Request) -> web.Response:
        return _json([c.to_payload() for c in self._guild(request).channels])

    async def _get_member(self, request: web.Request) -> web.Response:
        guild = self._guild(request)
        member = guild.members.get(int(request.match_info["uid"]))
        if member is None:
            raise FakeHTTPError(404, 10007, "Unknown Member")
        return _json(member.to_payload())


def _is_mp4(att: FakeAttachment) -> bool:
    return att.filename.lower().endswith(".mp4") or (att.content_type or "").startswith("video/mp4")
