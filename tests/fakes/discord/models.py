"""Data model of the fake Discord: users, guilds, channels, messages, interactions, request log."""

# The public API takes ``timeout=`` arguments on purpose (tests call them that way).

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

DISCORD_EPOCH_MS = 1420070400000

# Permission bits (https://discord.com/developers/docs/topics/permissions)
ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
USE_APPLICATION_COMMANDS = 1 << 31
SEND_MESSAGES_IN_THREADS = 1 << 38
ALL_PERMISSIONS = (1 << 53) - 1
ALL_BUT_ADMIN = ALL_PERMISSIONS & ~ADMINISTRATOR
# The bot's own role by default: exactly what the invite link asks for (the README's six permissions).
BOT_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | SEND_MESSAGES_IN_THREADS | EMBED_LINKS | ATTACH_FILES
BOT_PERMISSIONS |= READ_MESSAGE_HISTORY
# app_permissions in a DM with the app (no guild, no overwrites).
DM_APP_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY
MESSAGE_CONTENT_INTENT = 1 << 15  # the privileged gateway intent (IDENTIFY ``intents``)
THREAD_TYPES = (10, 11, 12)
DEFAULT_USER_PERMISSIONS = (
    VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | ADD_REACTIONS
    | USE_EXTERNAL_EMOJIS
    | USE_APPLICATION_COMMANDS
    | SEND_MESSAGES_IN_THREADS
)

MiB = 1024 * 1024
DEFAULT_UPLOAD_LIMIT = 10 * MiB
TIER_UPLOAD_LIMITS = {0: 10 * MiB, 1: 10 * MiB, 2: 50 * MiB, 3: 100 * MiB}

EPHEMERAL = 1 << 6
LOADING = 1 << 7


class FakeHTTPError(Exception):
    """A Discord error answer: HTTP status plus JSON ``{"code", "message"}``."""

    def __init__(self, status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> None:
        super().__init__(f"{status} code {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.errors:
            body["errors"] = self.errors
        return body


def invalid_form(detail: str) -> FakeHTTPError:
    """400 code 50035 with the violated rule in ``errors``."""
    return FakeHTTPError(400, 50035, "Invalid Form Body", {"_fake": detail})


class SnowflakeFactory:
    """Strictly increasing snowflakes whose timestamp is the fake clock."""

    def __init__(self, now: Callable[[], float]) -> None:
        self._now = now
        self._last = 0

    def __call__(self) -> int:
        ms = int(self._now() * 1000) - DISCORD_EPOCH_MS
        value = max(ms << 22, self._last + 1)
        self._last = value
        return value

    def on_shard(self, shard_id: int, shard_count: int) -> int:
        """A fresh snowflake Discord routes to ``shard_id`` of ``shard_count`` (``(id >> 22) % count``)."""
        value = self()
        while (value >> 22) % shard_count != shard_id:
            value = ((value >> 22) + 1) << 22
        self._last = value
        return value


def iso(ts: float) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(ts, UTC).isoformat()


@dataclass
class FakeFile:
    """A file a fake user uploads."""

    filename: str
    data: bytes
    content_type: str | None = None


@dataclass
class FakeAttachment:
    """An attachment stored on the fake CDN."""

    id: int
    filename: str
    size: int
    content_type: str | None
    url: str
    data: bytes = field(repr=False)
    channel_id: int = 0
    description: str | None = None
    ephemeral: bool = False
    cdn_path: str = ""


@dataclass(eq=False)
class FakeUser:
    """A Discord user (the bot or a fake human)."""

    id: int
    name: str
    global_name: str | None = None
    bot: bool = False
    locale: str = "en-US"  # the language of this user's Discord client (an interaction's `locale`)
    dms_closed: bool = False

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.name,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass(eq=False)
class FakeMember:
    """A user's membership of a guild."""

    user: FakeUser
    permissions: int
    roles: list[int]
    joined_at: float

    def to_payload(self, *, with_permissions: int | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "user": self.user.to_payload(),
            "roles": [str(r) for r in self.roles],
            "flags": 0,
            "joined_at": iso(self.joined_at),
            "nick": None,
            "deaf": False,
            "mute": False,
        }
        if with_permissions is not None:
            data["permissions"] = str(with_permissions)
        return data


@dataclass(eq=False)
class FakeRole:
    """A guild role."""

    id: int
    name: str
    permissions: int
    position: int = 0
    managed: bool = False
    mentionable: bool = True

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(self.permissions),
            "position": self.position,
            "color": 0,
            "hoist": False,
            "managed": self.managed,
            "mentionable": self.mentionable,
        }


@dataclass(eq=False)
class FakeGuild:
    """A guild with roles, channels and members."""

    id: int
    name: str
    owner_id: int
    premium_tier: int = 0
    channels: list[FakeChannel] = field(default_factory=list)
    roles: list[FakeRole] = field(default_factory=list)
    members: dict[int, FakeMember] = field(default_factory=dict)
    threads: list[FakeChannel] = field(default_factory=list)
    bot_role_id: int = 0
    bot_user_id: int = 0
    locale: str = "en-US"  # the server's preferred locale (an interaction's `guild_locale`)

    @property
    def upload_limit(self) -> int:
        return TIER_UPLOAD_LIMITS.get(self.premium_tier, DEFAULT_UPLOAD_LIMIT)

    def bot_base_permissions(self) -> int:
        """The bot's guild-level permissions: @everyone plus its roles (Administrator means all)."""
        member = self.members.get(self.bot_user_id)
        mine = set(member.roles) if member is not None else set()
        perms = 0
        for role in self.roles:
            if role.id == self.id or role.id in mine:
                perms |= role.permissions
        return ALL_PERMISSIONS if perms & ADMINISTRATOR else perms

    def channel_named(self, name: str) -> FakeChannel:
        for channel in self.channels:
            if channel.name == name:
                return channel
        raise KeyError(name)

    def to_payload(self, bot_user: FakeUser) -> dict[str, Any]:
        bot_member = self.members[bot_user.id]
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "owner_id": str(self.owner_id),
            "unavailable": False,
            "large": False,
            "member_count": len(self.members),
            "premium_tier": self.premium_tier,
            "premium_subscription_count": 0,
            "features": [],
            "preferred_locale": "en-US",
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "afk_timeout": 300,
            "system_channel_id": str(self.channels[0].id) if self.channels else None,
            "roles": [r.to_payload() for r in self.roles],
            "emojis": [],
            "stickers": [],
            "channels": [c.to_payload() for c in self.channels],
            "threads": [t.to_payload() for t in self.threads],
            "members": [bot_member.to_payload()],
            "voice_states": [],
            "presences": [],
            "joined_at": iso(bot_member.joined_at),
        }


@dataclass(eq=False)
class FakeChannel:
    """A guild text channel (type 0), a DM channel (type 1) or a public thread (type 11, with a parent).

    The bot's permissions here are computed like Discord's: its guild-level permissions (@everyone plus its
    roles), then this channel's overwrite for the bot's role (``bot_allow`` / ``bot_deny``); a thread
    inherits its parent's overwrites. ``deny_bot(ATTACH_FILES)`` takes one permission away here.
    """

    id: int
    name: str
    guild: FakeGuild | None = None
    type: int = 0
    position: int = 0
    bot_allow: int = 0
    bot_deny: int = 0
    recipient: FakeUser | None = None
    parent: FakeChannel | None = None
    owner_id: int = 0
    nonces: dict[str, tuple[int, float]] = field(default_factory=dict, repr=False)  # nonce → (message, when)
    _messages: dict[int, FakeMessage] = field(default_factory=dict, repr=False)

    @property
    def guild_id(self) -> int | None:
        return self.guild.id if self.guild else None

    @property
    def messages(self) -> list[FakeMessage]:
        """Current (not deleted) messages, oldest first."""
        return [m for m in self._messages.values() if not m.deleted]

    @property
    def upload_limit(self) -> int:
        return self.guild.upload_limit if self.guild else DEFAULT_UPLOAD_LIMIT

    @property
    def is_thread(self) -> bool:
        return self.type in THREAD_TYPES

    @property
    def bot_permissions(self) -> int:
        """The bot's computed permissions in this channel (what ``app_permissions`` carries)."""
        if self.guild is None:
            return DM_APP_PERMISSIONS
        base = self.guild.bot_base_permissions()
        if base & ADMINISTRATOR:
            return ALL_PERMISSIONS
        source = self.parent or self
        return (base & ~source.bot_deny) | source.bot_allow

    @bot_permissions.setter
    def bot_permissions(self, value: int) -> None:
        """Set the bot role's overwrite here (a thread's parent) so the computed permissions are ``value``."""
        assert self.guild is not None, "a DM has no permission overwrites"
        base = self.guild.bot_base_permissions()
        source = self.parent or self
        source.bot_allow, source.bot_deny = value & ~base, base & ~value

    def deny_bot(self, *perms: int) -> None:
        """A channel override that takes ``perms`` away from the bot here (and in this channel's threads)."""
        for perm in perms:
            self.bot_permissions = self.bot_permissions & ~perm

    def allow_bot(self, *perms: int) -> None:
        """A channel override that grants ``perms`` to the bot here."""
        for perm in perms:
            self.bot_permissions = self.bot_permissions | perm

    def member_permissions(self, member: FakeMember) -> int:
        """Permissions of a human member here (guild-level; the fake has no user overwrites)."""
        return member.permissions

    def to_payload(self) -> dict[str, Any]:
        if self.type == 1:
            assert self.recipient is not None
            return {
                "id": str(self.id),
                "type": 1,
                "last_message_id": None,
                "recipients": [self.recipient.to_payload()],
            }
        if self.parent is not None:
            return {
                "id": str(self.id),
                "type": self.type,
                "guild_id": str(self.guild_id),
                "parent_id": str(self.parent.id),
                "owner_id": str(self.owner_id),
                "name": self.name,
                "last_message_id": None,
                "rate_limit_per_user": 0,
                "message_count": len(self.messages),
                "member_count": 1,
                "total_message_sent": len(self.messages),
                "flags": 0,
                "thread_metadata": {
                    "archived": False,
                    "auto_archive_duration": 1440,
                    "archive_timestamp": iso(0),
                    "locked": False,
                },
            }
        overwrites: list[dict[str, Any]] = []
        if self.guild is not None and (self.bot_allow or self.bot_deny):
            overwrites.append(
                {
                    "id": str(self.guild.bot_role_id),
                    "type": 0,
                    "allow": str(self.bot_allow),
                    "deny": str(self.bot_deny),
                }
            )
        return {
            "id": str(self.id),
            "type": self.type,
            "guild_id": str(self.guild_id),
            "name": self.name,
            "position": self.position,
            "permission_overwrites": overwrites,
            "topic": None,
            "nsfw": False,
            "parent_id": None,
            "rate_limit_per_user": 0,
            "last_message_id": None,
        }


def walk_components(components: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every component dict, depth first (rows, containers, sections, label wrappers)."""
    for comp in components or []:
        yield comp
        yield from walk_components(comp.get("components") or [])
        if isinstance(comp.get("component"), dict):
            yield from walk_components([comp["component"]])
        if isinstance(comp.get("accessory"), dict):
            yield from walk_components([comp["accessory"]])


_MENTION_USER = re.compile(r"<@!?(\d+)>")
_MENTION_ROLE = re.compile(r"<@&(\d+)>")


@dataclass(eq=False)
class FakeMessage:
    """A stored message, as the fake sees it."""

    id: int
    channel_id: int
    guild_id: int | None
    author: FakeUser
    content: str = ""
    embeds: list[dict[str, Any]] = field(default_factory=list)
    components: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[FakeAttachment] = field(default_factory=list)
    allowed_mentions: dict[str, Any] | None = None
    flags: int = 0
    message_reference: dict[str, Any] | None = None
    created_at: float = 0.0
    edits: int = 0
    edit_times: list[float] = field(default_factory=list)
    deleted: bool = False
    webhook_id: int | None = None
    interaction: FakeInteraction | None = field(default=None, repr=False)
    pinged_user_ids: set[int] = field(default_factory=set)
    pinged_role_ids: set[int] = field(default_factory=set)
    pinged_everyone: bool = False
    tts: bool = False
    _url_for: Callable[[FakeAttachment], str] | None = field(default=None, repr=False)
    _user_for: Callable[[int], FakeUser | None] | None = field(default=None, repr=False)

    @property
    def author_id(self) -> int:
        return self.author.id

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def loading(self) -> bool:
        """True while this is a deferred "thinking…" placeholder."""
        return bool(self.flags & LOADING)

    @property
    def buttons(self) -> list[dict[str, Any]]:
        return [c for c in walk_components(self.components) if c.get("type") == 2]

    def button(self, label: str) -> dict[str, Any] | None:
        return next((b for b in self.buttons if b.get("label") == label), None)

    @property
    def custom_ids(self) -> list[str]:
        return [c["custom_id"] for c in walk_components(self.components) if "custom_id" in c]

    @property
    def text(self) -> str:
        """Content plus embed titles, descriptions, fields, footers and authors, newline-joined."""
        parts = [self.content] if self.content else []
        for embed in self.embeds:
            parts.extend(str(embed[k]) for k in ("title", "description") if embed.get(k))
            for f in embed.get("fields") or []:
                parts.extend([str(f.get("name", "")), str(f.get("value", ""))])
            for k in ("footer", "author"):
                sub = embed.get(k) or {}
                if sub.get("text") or sub.get("name"):
                    parts.append(str(sub.get("text") or sub.get("name")))
        for comp in walk_components(self.components):
            if comp.get("type") == 10 and comp.get("content"):  # components v2 text display
                parts.append(str(comp["content"]))
        return "\n".join(parts)

    def _mentioned(self, user_id: int) -> dict[str, Any]:
        user = self._user_for(user_id) if self._user_for else None
        if user is not None:
            return user.to_payload()
        return {"id": str(user_id), "username": f"user{user_id}", "discriminator": "0", "avatar": None}

    def attachment_payload(self, att: FakeAttachment) -> dict[str, Any]:
        url = self._url_for(att) if self._url_for else att.url
        data: dict[str, Any] = {
            "id": str(att.id),
            "filename": att.filename,
            "size": att.size,
            "url": url,
            "proxy_url": url,
        }
        if att.content_type:
            data["content_type"] = att.content_type
        if att.description:
            data["description"] = att.description
        return data

    def to_payload(self) -> dict[str, Any]:
        """The Discord JSON of this message (attachment URLs freshly signed)."""
        mentions = sorted(set(int(x) for x in _MENTION_USER.findall(self.content)))
        data: dict[str, Any] = {
            "id": str(self.id),
            "channel_id": str(self.channel_id),
            "type": 19 if self.message_reference else 0,
            "content": self.content,
            "author": self.author.to_payload(),
            "attachments": [self.attachment_payload(a) for a in self.attachments],
            "embeds": self.embeds,
            "components": self.components,
            "mentions": [self._mentioned(u) for u in mentions],
            "mention_roles": [str(r) for r in sorted(set(_MENTION_ROLE.findall(self.content)))],
            "mention_everyone": self.pinged_everyone,
            "pinned": False,
            "tts": self.tts,
            "timestamp": iso(self.created_at),
            "edited_timestamp": iso(self.edit_times[-1]) if self.edit_times else None,
            "flags": self.flags,
        }
        if self.guild_id is not None:
            data["guild_id"] = str(self.guild_id)
        if self.message_reference:
            data["message_reference"] = self.message_reference
        if self.webhook_id is not None:
            data["webhook_id"] = str(self.webhook_id)
            data["application_id"] = str(self.webhook_id)
        if self.interaction is not None:
            ia = self.interaction
            data["type"] = 20 if ia.type == 2 else 0
            data["interaction_metadata"] = {
                "id": str(ia.id),
                "type": ia.type,
                "user": ia.user.to_payload(),
                "authorizing_integration_owners": {},
            }
        return data


class FakeCallback(NamedTuple):
    """One interaction callback the bot sent: ``(type, data)``."""

    type: int
    data: dict[str, Any]


@dataclass(eq=False)
class FakeInteraction:
    """An interaction the fake dispatched, and everything the bot answered to it."""

    id: int
    token: str
    type: int
    user: FakeUser
    channel: FakeChannel
    created: float
    data: dict[str, Any]
    attachment_size_limit: int
    message: FakeMessage | None = None
    responses: list[FakeCallback] = field(default_factory=list)
    original: FakeMessage | None = None
    followups: list[FakeMessage] = field(default_factory=list)
    _waiter: Callable[..., Any] | None = field(default=None, repr=False)

    @property
    def acknowledged(self) -> bool:
        return bool(self.responses)

    @property
    def ephemeral(self) -> bool:
        return self.original is not None and self.original.ephemeral

    @property
    def modal(self) -> dict[str, Any] | None:
        return next((r.data for r in self.responses if r.type == 9), None)

    async def wait_response(self, timeout: float = 5) -> FakeCallback:
        """Wait for the first callback (ack, message, defer, modal…)."""
        assert self._waiter is not None
        await self._waiter(lambda: bool(self.responses), timeout, f"a response to interaction {self.id}")
        return self.responses[0]

    async def wait_original(
        self, predicate: Callable[[FakeMessage], bool] | None = None, timeout: float = 10
    ) -> FakeMessage:
        """Wait for the @original message to exist (and satisfy ``predicate``)."""
        assert self._waiter is not None

        def ok() -> bool:
            return self.original is not None and (predicate is None or predicate(self.original))

        await self._waiter(ok, timeout, f"the original response of interaction {self.id}")
        assert self.original is not None
        return self.original

    async def wait_followup(
        self, predicate: Callable[[FakeMessage], bool] | None = None, timeout: float = 10
    ) -> FakeMessage:
        """Wait for a followup (satisfying ``predicate``)."""
        assert self._waiter is not None

        def find() -> FakeMessage | None:
            return next((m for m in self.followups if predicate is None or predicate(m)), None)

        await self._waiter(lambda: find() is not None, timeout, f"a followup of interaction {self.id}")
        found = find()
        assert found is not None
        return found


@dataclass
class RequestRecord:
    """One HTTP request the fake handled."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: list[tuple[str, bytes]]
    headers: dict[str, str]
    status: int = 0
    time: float = 0.0
    error: dict[str, Any] | None = None
    injected: bool = False
    response_headers: dict[str, str] = field(default_factory=dict)  # what the fake answered with
