"""A fake Discord (REST + gateway websocket + CDN on one 127.0.0.1 port) for the real discord.py client.

The implementation lives in ``tests/fakes/discord/`` (models, rules, gateway, interactions, server);
this module re-exports its public names. Typical use::

    fake = await FakeDiscord().start()
    monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url))
    ...start the bot (see tests/fakes/discord_conftest_helpers.running_bot)...
    alice = fake.add_user("alice")
    ia = await fake.slash(alice, "video", {"prompt": "cat"}, attachments={"image1": FakeFile("c.png", png)})
    card = await fake.wait_for_message(lambda m: "cat" in m.text)
    click = await fake.click(alice, card, card.button("Extend")["custom_id"])
    ...
    await fake.stop()   # after the bot is closed

Rule violations are answered like Discord (status + ``{"code", "message"}``), logged at WARNING and
kept in ``fake.errors``; ``fake.internal_errors`` holds bugs of the fake itself (answered 400, not 500).
"""

from tests.fakes.discord.models import (
    ADMINISTRATOR,
    ALL_BUT_ADMIN,
    ALL_PERMISSIONS,
    ATTACH_FILES,
    DEFAULT_USER_PERMISSIONS,
    EMBED_LINKS,
    EPHEMERAL,
    LOADING,
    MANAGE_GUILD,
    MANAGE_MESSAGES,
    MENTION_EVERYONE,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    FakeAttachment,
    FakeCallback,
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
)
from tests.fakes.discord.server import FakeDiscord

__all__ = [
    "ADMINISTRATOR",
    "ALL_BUT_ADMIN",
    "ALL_PERMISSIONS",
    "ATTACH_FILES",
    "DEFAULT_USER_PERMISSIONS",
    "EMBED_LINKS",
    "EPHEMERAL",
    "LOADING",
    "MANAGE_GUILD",
    "MANAGE_MESSAGES",
    "MENTION_EVERYONE",
    "READ_MESSAGE_HISTORY",
    "SEND_MESSAGES",
    "VIEW_CHANNEL",
    "FakeAttachment",
    "FakeCallback",
    "FakeChannel",
    "FakeDiscord",
    "FakeFile",
    "FakeGuild",
    "FakeHTTPError",
    "FakeInteraction",
    "FakeMember",
    "FakeMessage",
    "FakeRole",
    "FakeUser",
    "RequestRecord",
]
