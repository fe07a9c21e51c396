"""Who may make clips and how many: pure rules over numbers the store reads in one transaction.

No Discord and no SQL here. The store calls `refusal()` inside the same `BEGIN IMMEDIATE` transaction that
inserts the job, so a double-click or forty people at once can never slip past a limit.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from bot.i18n import Msg

DAY = 86400.0
T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    """Effective limits for one request. 0 turns a count limit (or the budget, or the cooldown) off."""

    user_daily: int = 10
    user_concurrent: int = 2
    user_queue: int = 3  # jobs a member at their concurrent limit may have waiting in their own line
    guild_daily: int = 100
    cooldown_seconds: float = 30.0
    daily_credit_budget: float = 500.0
    credits_per_job: float = 8.8  # the most one clip can cost: 10 s x 0.88 credits/s


@dataclass(frozen=True)
class GuildConfig:
    """A server's own settings; None means "use the bot-wide default"."""

    guild_id: int
    user_daily_limit: int | None = None
    user_concurrent_limit: int | None = None
    user_queue_limit: int | None = None
    guild_daily_limit: int | None = None
    cooldown_seconds: float | None = None
    allowed_channels: list[int] = field(default_factory=list)
    allowed_roles: list[int] = field(default_factory=list)
    paused: bool = False
    requester_only: bool = False

    def apply(self, defaults: Limits) -> Limits:
        return replace(
            defaults,
            user_daily=_pick(self.user_daily_limit, defaults.user_daily),
            user_concurrent=_pick(self.user_concurrent_limit, defaults.user_concurrent),
            user_queue=_pick(self.user_queue_limit, defaults.user_queue),
            guild_daily=_pick(self.guild_daily_limit, defaults.guild_daily),
            cooldown_seconds=_pick(self.cooldown_seconds, defaults.cooldown_seconds),
        )

    @classmethod
    def from_row(cls, row: Any) -> GuildConfig:
        return cls(
            guild_id=row["guild_id"],
            user_daily_limit=row["user_daily_limit"],
            user_concurrent_limit=row["user_concurrent_limit"],
            user_queue_limit=row["user_queue_limit"],
            guild_daily_limit=row["guild_daily_limit"],
            cooldown_seconds=row["cooldown_seconds"],
            allowed_channels=[int(x) for x in json.loads(row["allowed_channels"] or "[]")],
            allowed_roles=[int(x) for x in json.loads(row["allowed_roles"] or "[]")],
            paused=bool(row["paused"]),
            requester_only=bool(row["requester_only"]),
        )


def _pick(override: T | None, default: T) -> T:
    return default if override is None else override


@dataclass(frozen=True)
class Usage:
    """What a user, their server and the whole bot have used, read in the admission transaction."""

    user_active: int  # in progress (a job waiting in the member's line is not)
    user_today: int
    guild_today: int
    last_request_at: float | None
    credits_today: float
    user_lined: int = 0  # waiting in the member's own line


@dataclass(frozen=True)
class Refusal:
    limit: str  # which limit: user_daily, user_concurrent, user_queue, guild_daily, cooldown, budget
    message: Msg  # one sentence for the requester, with the numbers and when it resets
    resets_at: float | None


def day_start(now: float) -> float:
    return float(int(now // DAY) * DAY)


def next_reset(now: float) -> float:
    """The next UTC midnight, when the daily limits and the budget start over."""
    return day_start(now) + DAY


def when(ts: float) -> str:
    """A Discord relative timestamp ("in 3 hours"), shown in each reader's own time."""
    return f"<t:{int(ts)}:R>"


def refusal(limits: Limits, usage: Usage, now: float, *, in_guild: bool) -> Refusal | None:
    """The first limit this request would break, or None when it may go ahead."""
    reset = next_reset(now)
    if must_wait(limits, usage) and usage.user_lined >= limits.user_queue:
        n = limits.user_concurrent
        if not limits.user_queue:
            return Refusal(
                "user_concurrent", Msg("limit-user-concurrent", active=usage.user_active, limit=n), None
            )
        return Refusal(
            "user_queue", Msg("limit-user-queue", active=usage.user_active, lined=usage.user_lined), None
        )
    if limits.cooldown_seconds and usage.last_request_at is not None:
        ready = usage.last_request_at + limits.cooldown_seconds
        if ready > now:
            return Refusal(
                "cooldown", Msg("limit-cooldown", seconds=limits.cooldown_seconds, when=when(ready)), ready
            )
    if limits.user_daily and usage.user_today >= limits.user_daily:
        return Refusal(
            "user_daily",
            Msg("limit-user-daily", made=usage.user_today, limit=limits.user_daily, when=when(reset)),
            reset,
        )
    if in_guild and limits.guild_daily and usage.guild_today >= limits.guild_daily:
        return Refusal(
            "guild_daily",
            Msg("limit-guild-daily", made=usage.guild_today, limit=limits.guild_daily, when=when(reset)),
            reset,
        )
    if (
        limits.daily_credit_budget
        and usage.credits_today + limits.credits_per_job > limits.daily_credit_budget
    ):
        return Refusal(
            "budget",
            Msg(
                "limit-budget",
                used=usage.credits_today,
                budget=limits.daily_credit_budget,
                when=when(reset),
            ),
            reset,
        )
    return None


def must_wait(limits: Limits, usage: Usage) -> bool:
    """Whether a new job of this member waits in their own line: they are at their concurrent limit, or
    older jobs of theirs already wait there (a new one never jumps their line)."""
    if not limits.user_concurrent:
        return False
    return usage.user_lined > 0 or usage.user_active >= limits.user_concurrent


def access_problem(
    config: GuildConfig | None,
    *,
    channel_id: int,
    role_ids: list[int],
    banned: bool,
    is_moderator: bool = False,
) -> Msg | None:
    """Why this member may not make videos here (one sentence), or None."""
    if banned:
        return Msg("access-banned")
    if config is None:
        return None
    if config.paused:
        return Msg("access-paused")
    if config.allowed_channels and channel_id not in config.allowed_channels:
        channels = ", ".join(f"<#{c}>" for c in config.allowed_channels[:10])
        return Msg("access-channel", channels=channels)
    if config.allowed_roles and not is_moderator and not set(role_ids) & set(config.allowed_roles):
        return Msg("access-role")
    return None


def utc_date(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%d")
