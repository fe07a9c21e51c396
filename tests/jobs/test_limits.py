"""Limit rules: which limit, the numbers, and when it resets, in one sentence."""

from __future__ import annotations

from bot.i18n import render
from bot.jobs.limits import GuildConfig, Limits, Usage, access_problem, next_reset, refusal

NOW = 1_790_000_000.0


def _usage(**kw: float) -> Usage:
    base = {
        "user_active": 0,
        "user_today": 0,
        "guild_today": 0,
        "last_request_at": None,
        "credits_today": 0.0,
    }
    base.update(kw)
    return Usage(**base)  # type: ignore[arg-type]


def test_each_limit_names_itself_with_numbers() -> None:
    limits = Limits(
        user_daily=3,
        user_concurrent=2,
        user_queue=0,
        guild_daily=5,
        cooldown_seconds=30,
        daily_credit_budget=20,
    )
    assert refusal(limits, _usage(), NOW, in_guild=True) is None
    r = refusal(limits, _usage(user_active=2), NOW, in_guild=True)
    assert r and r.limit == "user_concurrent" and "2 of your 2" in r.message.render()
    r = refusal(limits, _usage(last_request_at=NOW - 10), NOW, in_guild=True)
    assert r and r.limit == "cooldown" and f"<t:{int(NOW + 20)}:R>" in r.message.render()
    r = refusal(limits, _usage(user_today=3), NOW, in_guild=True)
    assert r and r.limit == "user_daily" and f"<t:{int(next_reset(NOW))}:R>" in r.message.render()
    r = refusal(limits, _usage(guild_today=5), NOW, in_guild=True)
    assert r and r.limit == "guild_daily" and "5 of its 5" in r.message.render()
    assert refusal(limits, _usage(guild_today=5), NOW, in_guild=False) is None, "no server limit in DMs"
    r = refusal(limits, _usage(credits_today=12), NOW, in_guild=True)
    assert r and r.limit == "budget" and "12 of its 20" in r.message.render()


def test_zero_turns_a_limit_off() -> None:
    off = Limits(user_daily=0, user_concurrent=0, guild_daily=0, cooldown_seconds=0, daily_credit_budget=0)
    assert (
        refusal(
            off, _usage(user_active=99, user_today=99, guild_today=99, credits_today=1e9), NOW, in_guild=True
        )
        is None
    )


def test_server_overrides_apply_over_defaults() -> None:
    config = GuildConfig(guild_id=1, user_daily_limit=1, cooldown_seconds=0)
    effective = config.apply(Limits())
    assert effective.user_daily == 1 and effective.cooldown_seconds == 0
    assert effective.guild_daily == Limits().guild_daily


def test_access_rules() -> None:
    config = GuildConfig(guild_id=1, allowed_channels=[10], allowed_roles=[20])
    assert access_problem(None, channel_id=1, role_ids=[], banned=True) is not None
    assert "<#10>" in render(
        access_problem(config, channel_id=11, role_ids=[20], banned=False) or "", "en-US"
    )
    assert "roles" in render(access_problem(config, channel_id=10, role_ids=[], banned=False) or "", "en-US")
    assert access_problem(config, channel_id=10, role_ids=[], banned=False, is_moderator=True) is None
    paused = access_problem(GuildConfig(guild_id=1, paused=True), channel_id=1, role_ids=[], banned=False)
    assert "paused" in render(paused or "", "en-US")
