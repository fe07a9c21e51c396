"""Admission: every limit checked and the job inserted in ONE write transaction, before any API call."""

from __future__ import annotations

from bot.jobs import ACTIVE, Job, NewJob
from bot.jobs.limits import Limits, Refusal, Usage, day_start, must_wait, refusal
from bot.store.db import locked
from bot.store.jobs import JobRows

_ACTIVE = ", ".join(f"'{s}'" for s in ACTIVE)


class Admission(JobRows):
    @locked
    async def admit(
        self,
        new: NewJob,
        *,
        limits: Limits,
        now: float,
        credits: float,
        owner: str | None = None,
        lease: float = 0.0,
    ) -> Job | Refusal:
        """Check every limit and insert the job in one transaction: nothing can slip in between.

        With `owner`, the new job starts claimed by it (the caller posts its card, then releases it); if the
        caller dies first, the claim lapses and a worker takes the job over. A member at their concurrent
        limit gets the job in their own line (`in_line`): admitted and counted now (daily limits, budget)
        like a started one, made due by `unline` when one of theirs finishes."""
        async with self._immediate():
            usage = await self._usage(new.user_id, new.guild_id, day_start(now))
            refused = refusal(limits, usage, now, in_guild=new.guild_id is not None)
            if refused is not None:
                return refused
            job_id = await self._insert(
                new, now=now, credits=credits, claimed_by=owner,
                lease_until=now + lease if owner is not None else None, in_line=must_wait(limits, usage),
            )  # fmt: skip
        job = await self._get(job_id)
        assert job is not None
        return job

    @locked
    async def usage(self, user_id: int, guild_id: int | None, now: float) -> Usage:
        return await self._usage(user_id, guild_id, day_start(now))

    async def _usage(self, user_id: int, guild_id: int | None, start: float) -> Usage:
        row = await self._fetchone(
            f"SELECT"
            f" (SELECT COUNT(*) FROM jobs WHERE user_id = ? AND status IN ({_ACTIVE}) AND in_line = 0),"
            " (SELECT COUNT(*) FROM jobs WHERE user_id = ? AND charged = 1 AND created_at >= ?),"
            " (SELECT COUNT(*) FROM jobs WHERE guild_id = ? AND charged = 1 AND created_at >= ?),"
            " (SELECT MAX(created_at) FROM jobs WHERE user_id = ? AND charged = 1),"
            " (SELECT COALESCE(SUM(credits), 0) FROM jobs WHERE created_at >= ?),"
            " (SELECT COUNT(*) FROM jobs WHERE user_id = ? AND status = 'accepted' AND in_line = 1)",
            (user_id, user_id, start, guild_id, start, user_id, start, user_id),
        )
        assert row is not None
        return Usage(
            user_active=int(row[0]),
            user_today=int(row[1]),
            guild_today=int(row[2]) if guild_id is not None else 0,
            last_request_at=float(row[3]) if row[3] is not None else None,
            credits_today=float(row[4]),
            user_lined=int(row[5]),
        )
