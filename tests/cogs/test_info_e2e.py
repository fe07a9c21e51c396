"""`/quota`, `/jobs` and `/help` through the real bot and the fakes."""

from __future__ import annotations

from typing import Any

import pytest

from bot.jobs import JobKind, JobStatus, NewJob
from cogs.info import NO_JOBS
from tests.conftest import Harness, answer
from tests.fakes.fake_discord import FakeMessage, FakeUser

pytestmark = pytest.mark.e2e


async def start(h: Harness, **overrides: Any) -> None:
    await h.start(**overrides)


async def run(h: Harness, user: FakeUser, command: str) -> FakeMessage:
    return await answer(await h.discord.slash(user, command))


def field(msg: FakeMessage, name: str) -> str:
    [embed] = msg.embeds
    values = [f["value"] for f in embed.get("fields") or [] if f["name"] == name]
    assert values, f"no field {name!r} in {[f['name'] for f in embed.get('fields') or []]}"
    return str(values[0])


async def test_quota_counts_change_after_a_video(harness: Harness) -> None:
    h = harness
    await start(h, cooldown_seconds=30)
    alice = h.discord.add_user("alice")

    before = await run(h, alice, "quota")
    assert field(before, "Your videos today").startswith("0 of 10 used, 10 left · resets <t:")
    assert field(before, "This server's videos today").startswith("0 of 100 used")
    assert field(before, "Cooldown") == "30 s between videos; you can start one now"
    assert "of 500 credits used" in field(before, "Bot-wide credit budget today")

    accepted = await answer(await h.video(alice, "a heron taking off"))
    assert "job #" in accepted.content
    after = await run(h, alice, "quota")
    assert field(after, "Your videos today").startswith("1 of 10 used, 9 left · resets <t:")
    assert field(after, "This server's videos today").startswith("1 of 100 used")
    assert "your next one can start <t:" in field(after, "Cooldown")


async def test_quota_applies_server_overrides_and_says_why_not(harness: Harness) -> None:
    h = harness
    await start(h)
    gid = h.discord.guild.id
    alice = h.discord.add_user("alice")
    await h.store.set_guild_config(
        gid, user_daily_limit=3, guild_daily_limit=0, cooldown_seconds=0, paused=True
    )
    msg = await run(h, alice, "quota")
    assert field(msg, "Your videos today").startswith("0 of 3 used, 3 left")
    assert field(msg, "This server's videos today") == "0 (no limit)"
    assert field(msg, "Cooldown") == "None"
    assert "paused" in field(msg, "Right now")


async def test_jobs_lists_recent_jobs_with_card_links(harness: Harness) -> None:
    h = harness
    await start(h, cooldown_seconds=0)
    alice = h.discord.add_user("alice")
    assert (await run(h, alice, "jobs")).content == NO_JOBS.render()

    await answer(await h.video(alice, "a heron taking off"))
    card = await h.result_for(alice)
    await h.discord.wait_for_message(lambda m: m.pinged_user_ids == {alice.id})  # sent once delivered
    msg = await run(h, alice, "jobs")
    text = msg.text
    guild, channel = h.discord.guild.id, h.discord.channel.id
    assert "**#1** ✅ delivered" in text
    assert f"https://discord.com/channels/{guild}/{channel}/{card.id}" in text
    assert "a heron taking off" in text and "<t:" in text


async def test_fifty_long_jobs_still_fit(harness: Harness) -> None:
    h = harness
    await start(h)
    alice = h.discord.add_user("alice")
    prompt = "@everyone [click](https://evil.example) `code`\n" + "a very long prompt " * 300
    # These rows are only for /jobs to list: no worker may pick them up (on PostgreSQL an insert wakes it).
    assert h.bot is not None
    await h.bot.worker.stop()
    for i in range(50):
        new = NewJob(
            JobKind.VIDEO, h.discord.guild.id, h.discord.channel.id, alice.id, "Alice", prompt[:4000]
        )
        new.private = i == 49
        job = await h.store.insert_job(new)
        await h.store.update(job.id, JobStatus.ACCEPTED, card_message_id=10**18 + i)
    msg = await run(h, alice, "jobs")
    assert not h.discord.errors
    [embed] = msg.embeds
    description = str(embed["description"])
    assert description.count("**#") == 10 and "**#50**" in description and "**#41**" in description
    # The prompt shows as typed, on one line, inside inline code: no link, mention or markdown renders.
    assert "\n`@everyone [click](https://evil.example) ˋcodeˋ a very long" in description
    assert f"https://discord.com/channels/@me/{h.discord.channel.id}/{10**18 + 49})" in description
    assert not msg.pinged_everyone


async def test_help_tells_options_buttons_examples_and_current_limits(harness: Harness) -> None:
    h = harness
    await start(h)
    alice = h.discord.add_user("alice")
    await h.store.set_guild_config(h.discord.guild.id, user_daily_limit=4)
    text = (await run(h, alice, "help")).text
    for word in ("prompt", "image1", "image16", "video", "aspect_ratio", "private"):
        assert f"`{word}`" in text, word
    for word in ("Extend", "Remix", "Retry", "Delete", "Cancel", "Animate with AI", "/video prompt:"):
        assert word in text, word
    assert "0 of 4 used, 4 left" in text, "the limits that apply to this member right now"
