"""Direct messages: off unless ALLOW_DMS says so; when on, the whole flow works in the DM."""

from __future__ import annotations

import pytest

from tests.conftest import Harness
from tests.fakes.fake_discord import FakeChannel, FakeUser

pytestmark = pytest.mark.e2e


def _dm(h: Harness, user: FakeUser) -> FakeChannel:
    channel = FakeChannel(h.discord.snowflake(), "", type=1, recipient=user)
    h.discord.dms[user.id] = channel
    h.discord.channels[channel.id] = channel
    return channel


async def test_video_in_dms_is_refused_by_default(harness: Harness) -> None:
    h = harness
    await h.start(dev_guild_id=None)  # global commands: the only kind a DM can see
    commands = {c["name"]: c for c in h.discord.commands[None]}
    assert commands["video"]["contexts"] == [0], "Discord hides /video in DMs"
    h.discord.enforce_command_permissions = False  # a stale client sends it anyway
    alice = h.discord.add_user("alice")
    interaction = await h.discord.slash(alice, "video", {"prompt": "in a DM"}, channel=_dm(h, alice))
    answer = await interaction.wait_original(lambda m: not m.loading)
    assert answer.content == "Videos can only be made on a server."
    assert h.api.submit_attempts == []


async def test_video_in_dms_works_when_allowed(harness: Harness) -> None:
    h = harness
    await h.start(dev_guild_id=None, allow_dms=True)
    commands = {c["name"]: c for c in h.discord.commands[None]}
    assert 1 in commands["video"]["contexts"]
    alice = h.discord.add_user("alice")
    dm = _dm(h, alice)
    interaction = await h.discord.slash(alice, "video", {"prompt": "a DM clip"}, channel=dm)
    await interaction.wait_original(lambda m: not m.loading)
    card = await h.discord.wait_for_message(lambda m: bool(m.attachments), channel=dm)
    assert card.button("Extend") is not None
    assert h.api.submits[0]["prompt"] == "a DM clip"
    assert not [m for m in h.discord.channel.messages if m.author.id == h.discord.bot_user.id]
