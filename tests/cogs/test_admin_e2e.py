"""`/videoadmin …` through the real bot and the fakes: each setting changes what members can do."""

from __future__ import annotations

import csv
import io
import logging
from typing import Any

import pytest

from bot.jobs import Job, JobKind, JobStatus, NewJob
from bot.jobs.limits import Limits
from cogs.admin import NEED_MANAGE
from tests.conftest import Harness, answer
from tests.fakes.fake_discord import (
    ADMINISTRATOR,
    DEFAULT_USER_PERMISSIONS,
    MANAGE_GUILD,
    FakeMessage,
    FakeUser,
)

pytestmark = pytest.mark.e2e

DAY = 86400.0
NO_LIMITS = Limits(user_daily=0, user_concurrent=0, guild_daily=0, cooldown_seconds=0, daily_credit_budget=0)


async def start(h: Harness, **overrides: Any) -> None:
    await h.start(**overrides)


async def admin(h: Harness, who: FakeUser, command: str, **options: Any) -> FakeMessage:
    return await answer(await h.discord.slash(who, f"videoadmin {command}", options))


def moderator(h: Harness) -> FakeUser:
    return h.discord.add_user("mod", permissions=DEFAULT_USER_PERMISSIONS | MANAGE_GUILD)


async def video_refused(h: Harness, user: FakeUser) -> str:
    """Run /video as `user`; return the refusal and check that no job was made and nothing was sent."""
    before = len(h.api.submit_attempts), len(await h.store.recent_jobs(user.id, 1000))
    msg = await answer(await h.video(user, "a fox in the snow"))
    assert "job #" not in msg.content, f"/video was accepted: {msg.content}"
    after = len(h.api.submit_attempts), len(await h.store.recent_jobs(user.id, 1000))
    assert after == before
    return msg.content


async def video_accepted(h: Harness, user: FakeUser) -> None:
    """Run /video as `user` and wait until its job reaches the API."""
    before = len(h.api.submit_attempts)
    msg = await answer(await h.video(user, "a fox in the snow"))
    assert "job #" in msg.content, f"/video was refused: {msg.content}"
    await h.api.wait_until(lambda: len(h.api.submit_attempts) > before)


async def test_videoadmin_is_a_guild_only_group_hidden_from_members(harness: Harness) -> None:
    h = harness
    await start(h)
    cmd = h.discord.find_command("videoadmin", h.discord.guild.id)
    assert int(cmd["default_member_permissions"]) == MANAGE_GUILD
    assert cmd.get("contexts") == [0] or cmd.get("dm_permission") is False
    subs = {o["name"] for o in cmd["options"]}
    assert subs == {
        "show", "limits", "channel", "role", "ban", "unban", "pause", "resume", "requester_only", "usage",
    }  # fmt: skip
    member = h.discord.add_user("bob")
    with pytest.raises(AssertionError, match="default_member_permissions"):
        await h.discord.slash(member, "videoadmin show")


async def test_show_tells_defaults_overrides_and_bot_wide_settings(harness: Harness) -> None:
    h = harness
    await start(h, max_concurrent_jobs=7, daily_credit_budget=300.0)
    gid = h.discord.guild.id
    mod = moderator(h)
    text = (await admin(h, mod, "show")).text
    assert "Videos per member per day: **10** (default)" in text
    assert "Bot-wide" in text and "not per server" in text
    assert "**7**" in text and "300 credits" in text
    assert "Any channel" in text and "Everyone" in text and "running" in text

    await h.store.set_guild_config(gid, user_daily_limit=3, paused=True, requester_only=True)
    await h.store.ban(gid, 42, by=mod.id)
    text = (await admin(h, mod, "show")).text
    assert "Videos per member per day: **3** (this server's setting; bot default 10)" in text
    assert "paused" in text and "only the requester" in text and "<@42>" in text

    big = [10**18 + i for i in range(50)]
    await h.store.set_guild_config(gid, allowed_channels=big, allowed_roles=big)
    for user_id in range(1, 301):
        await h.store.ban(gid, 10**18 + user_id, by=mod.id)
    text = (await admin(h, mod, "show")).text
    assert not h.discord.errors, "the biggest settings still fit Discord's limits"
    assert "301: " in text and "more" in text


async def test_limits_set_refuse_with_numbers_and_reset(harness: Harness) -> None:
    h = harness
    await start(h, cooldown_seconds=0)
    gid = h.discord.guild.id
    mod, alice = moderator(h), h.discord.add_user("alice")

    said = (await admin(h, mod, "limits", user_daily=1, cooldown=0)).content
    assert (
        said == "Set videos per member per day to 1 and the cooldown between videos to none on this server."
    )
    config = await h.store.guild_config(gid)
    assert (config.user_daily_limit, config.cooldown_seconds, config.guild_daily_limit) == (1, 0, None)

    await video_accepted(h, alice)
    refusal = await video_refused(h, alice)
    assert "1 of your 1 videos today" in refusal and "<t:" in refusal

    said = (await admin(h, mod, "limits", reset=True)).content
    assert said == "Reset this server's limits to the bot's defaults."
    config = await h.store.guild_config(gid)
    assert config.user_daily_limit is None and config.cooldown_seconds is None
    await video_accepted(h, alice)

    said = (await admin(h, mod, "limits")).content
    assert said.startswith("Nothing changed")


async def test_channel_allow_list(harness: Harness) -> None:
    h = harness
    other = h.discord.add_channel("videos")  # before start: the bot learns channels from GUILD_CREATE
    await start(h, cooldown_seconds=0)
    gid = h.discord.guild.id
    mod, alice = moderator(h), h.discord.add_user("alice")

    said = (await admin(h, mod, "channel", action="allow", channel=other)).content
    assert said == f"Allowed <#{other.id}>: videos can now be made only in <#{other.id}>."
    assert (await h.store.guild_config(gid)).allowed_channels == [other.id]
    assert "can't be made in this channel" in await video_refused(h, alice)
    msg = await answer(await h.discord.slash(alice, "video", {"prompt": "a fox"}, channel=other))
    assert "job #" in msg.content

    assert "already allowed" in (await admin(h, mod, "channel", action="allow", channel=other)).content
    said = (await admin(h, mod, "channel", action="allow")).content  # no channel: the current one
    assert said.startswith(f"Allowed <#{h.discord.channel.id}>")
    assert (await h.store.guild_config(gid)).allowed_channels == [other.id, h.discord.channel.id]

    said = (await admin(h, mod, "channel", action="disallow", channel=other)).content
    here = h.discord.channel.id
    assert said == f"Removed <#{other.id}> from the allow-list: videos can now be made only in <#{here}>."
    said = (await admin(h, mod, "channel", action="clear")).content
    assert said == "Cleared the channel allow-list: videos can now be made in any channel."
    assert (await h.store.guild_config(gid)).allowed_channels == []
    await video_accepted(h, alice)


async def test_role_allow_list(harness: Harness) -> None:
    h = harness
    artists = h.discord.add_role("artists")
    await start(h, cooldown_seconds=0)
    gid = h.discord.guild.id
    mod = moderator(h)
    alice = h.discord.add_user("alice", roles=[artists.id])
    bob = h.discord.add_user("bob")

    said = (await admin(h, mod, "role", action="allow", role=str(artists.id))).content
    role = f"<@&{artists.id}>"
    assert said == f"Allowed {role}: only members with {role} (and moderators) can now make videos."
    assert (await h.store.guild_config(gid)).allowed_roles == [artists.id]
    assert "video roles" in await video_refused(h, bob)
    await video_accepted(h, alice)

    assert "Pick the role" in (await admin(h, mod, "role", action="allow")).content
    said = (await admin(h, mod, "role", action="disallow", role=str(artists.id))).content
    assert said == f"Removed <@&{artists.id}> from the allow-list: everyone may now make videos."
    assert (await h.store.guild_config(gid)).allowed_roles == []
    await video_accepted(h, bob)
    await admin(h, mod, "role", action="allow", role=str(artists.id))
    assert "Cleared" in (await admin(h, mod, "role", action="clear")).content
    assert (await h.store.guild_config(gid)).allowed_roles == []


async def test_ban_and_unban(harness: Harness, caplog: pytest.LogCaptureFixture) -> None:
    h = harness
    await start(h, cooldown_seconds=0)
    gid = h.discord.guild.id
    mod, bob = moderator(h), h.discord.add_user("bob")

    with caplog.at_level(logging.INFO, logger="cogs.admin"):
        said = (await admin(h, mod, "ban", user=bob)).content
    assert said == f"<@{bob.id}> can no longer make videos on this server."
    assert any(
        str(gid) in r.getMessage()
        and str(mod.id) in r.getMessage()
        and f"banned user {bob.id}" in r.getMessage()
        for r in caplog.records
    ), "each change is logged with the guild, the admin and what changed"
    assert await h.store.is_banned(gid, bob.id)
    assert "not allowed to make videos" in await video_refused(h, bob)
    assert "already banned" in (await admin(h, mod, "ban", user=bob)).content

    said = (await admin(h, mod, "unban", user=bob)).content
    assert said == f"<@{bob.id}> can make videos on this server again."
    assert not await h.store.is_banned(gid, bob.id)
    await video_accepted(h, bob)
    assert "isn't banned" in (await admin(h, mod, "unban", user=bob)).content


async def test_pause_and_resume(harness: Harness) -> None:
    h = harness
    await start(h, cooldown_seconds=0)
    gid = h.discord.guild.id
    mod, alice = moderator(h), h.discord.add_user("alice")

    assert (await admin(h, mod, "pause")).content.startswith("Paused video generation on this server")
    assert (await h.store.guild_config(gid)).paused
    assert "paused" in await video_refused(h, alice)
    assert "already paused" in (await admin(h, mod, "pause")).content

    assert (await admin(h, mod, "resume")).content.startswith("Resumed video generation")
    assert not (await h.store.guild_config(gid)).paused
    await video_accepted(h, alice)


async def test_requester_only_switch(harness: Harness) -> None:
    h = harness
    await start(h)
    gid = h.discord.guild.id
    mod = moderator(h)
    said = (await admin(h, mod, "requester_only", enabled=True)).content
    assert said.startswith("Only the person who asked for a clip")
    assert (await h.store.guild_config(gid)).requester_only
    said = (await admin(h, mod, "requester_only", enabled=False)).content
    assert said.startswith("Anyone who may make videos")
    assert not (await h.store.guild_config(gid)).requester_only
    assert "already off" in (await admin(h, mod, "requester_only", enabled=False)).content


async def _job(h: Harness, user: FakeUser, name: str, at: float, status: JobStatus) -> None:
    new = NewJob(JobKind.VIDEO, h.discord.guild.id, h.discord.channel.id, user.id, name, "a clip")
    job = await h.store.admit(new, limits=NO_LIMITS, now=at, credits=8.8)
    assert isinstance(job, Job)
    if status != JobStatus.ACCEPTED:
        await h.store.update(job.id, JobStatus.ACCEPTED, status=status)


async def test_usage_report_per_member_per_day_with_csv(harness: Harness) -> None:
    h = harness
    await start(h)
    mod = moderator(h)
    assert (await admin(h, mod, "usage")).content == "No videos were made on this server in the last 30 days."

    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    now = h.discord.now()
    await _job(h, alice, "Alice", now, JobStatus.DELIVERED)
    await _job(h, alice, "Alice", now, JobStatus.FAILED)
    await _job(h, bob, "Bob", now - DAY, JobStatus.DELIVERED)
    await _job(h, bob, "Bob", now - 40 * DAY, JobStatus.DELIVERED)  # older than the report

    msg = await admin(h, mod, "usage")
    assert "Alice" in msg.text and "Bob" in msg.text
    assert "3 clips by 2 members" in msg.text and "1 failed" in msg.text
    [attachment] = msg.attachments
    assert attachment.filename == "usage.csv"
    rows = list(csv.DictReader(io.StringIO(attachment.data.decode())))
    assert [(r["user_name"], r["clips"], r["delivered"], r["failures"]) for r in rows] == [
        ("Alice", "2", "1", "1"),
        ("Bob", "1", "1", "0"),
    ]
    assert rows[0]["day"] != rows[1]["day"]


async def test_huge_usage_report_fits_discord_limits(harness: Harness) -> None:
    h = harness
    await start(h)
    mod = moderator(h)
    users = [h.discord.add_user(f"user{i}") for i in range(40)]
    now = h.discord.now()
    name = "=@everyone `x` " + "🎬" * 60 + "n" * 200
    # Synthetic history for the report: no worker may pick these rows up (on PostgreSQL inserts wake it).
    assert h.bot is not None
    await h.bot.worker.stop()
    for day in range(30):
        for user in users:
            await _job(h, user, name, now - day * DAY, JobStatus.DELIVERED)

    msg = await admin(h, mod, "usage")
    assert not h.discord.errors, "Discord accepted the answer"
    assert "more rows in usage.csv" in msg.text
    assert "1,200 clips by 40 members" in msg.text  # numbers in the reader's locale
    rows = list(csv.DictReader(io.StringIO(msg.attachments[0].data.decode())))
    assert len(rows) == 1200
    assert all(r["user_name"].startswith("'=") for r in rows), "no spreadsheet formulas from names"


async def test_every_subcommand_refuses_members_without_manage_server(harness: Harness) -> None:
    """A server can override the command permissions; our own check still refuses and changes nothing."""
    h = harness
    artists = h.discord.add_role("artists")
    await start(h)
    gid = h.discord.guild.id
    h.discord.enforce_command_permissions = False
    bob = h.discord.add_user("bob")
    calls: list[tuple[str, dict[str, Any]]] = [
        ("show", {}),
        ("limits", {"user_daily": 1, "reset": True}),
        ("channel", {"action": "allow"}),
        ("role", {"action": "allow", "role": str(artists.id)}),
        ("ban", {"user": bob}),
        ("unban", {"user": bob}),
        ("pause", {}),
        ("resume", {}),
        ("requester_only", {"enabled": True}),
        ("usage", {}),
    ]
    for command, options in calls:
        msg = await admin(h, bob, command, **options)
        assert msg.content == NEED_MANAGE.render(), command
        assert not msg.embeds and not msg.attachments, command
    config = await h.store.guild_config(gid)
    assert config == type(config)(guild_id=gid), "nothing changed"
    assert await h.store.bans(gid) == []


async def test_administrator_without_manage_server_may_change_settings(harness: Harness) -> None:
    h = harness
    await start(h)
    boss = h.discord.add_user("boss", permissions=DEFAULT_USER_PERMISSIONS | ADMINISTRATOR)
    assert (await admin(h, boss, "pause")).content.startswith("Paused")
    assert (await h.store.guild_config(h.discord.guild.id)).paused
