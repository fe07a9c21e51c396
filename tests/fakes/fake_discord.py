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

from tests.fakes.discord import *  # noqa: F403 (this module is the public face of the package)
from tests.fakes.discord import __all__ as __all__
