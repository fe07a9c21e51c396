"""Members' own lines: a member at their concurrent limit waits in line instead of being refused.

A job in a member's line is ACCEPTED with `in_line = 1` and no due time (admitted, counted toward the daily
limits and the budget like a started one). `unline` makes the oldest of a member's line due as soon as they
have a free slot, reading each member's limit from their server's settings, so it is right across restarts
and whichever process runs it. The line is then behind the bot-wide queue (`claims`) like any other job.
"""

from __future__ import annotations

from bot.jobs import ACTIVE, Job
from bot.store.db import locked
from bot.store.jobs import JobRows
from bot.store.rows import JOB_COLUMNS, row_to_job

_ACTIVE = ", ".join(f"'{s}'" for s in ACTIVE)
_LINED = "status = 'accepted' AND in_line = 1"


class Lines(JobRows):
    @locked
    async def unline(self, default_concurrent: int) -> list[int]:
        """Make due the oldest lined jobs of every member with a free slot; return their ids.

        A member's limit is their job's server setting, else `default_concurrent` (0: no limit)."""
        # Most passes of the loop find no line at all: a read answers that without taking the write lock.
        if not await self._scalar(f"SELECT EXISTS (SELECT 1 FROM jobs WHERE {_LINED})"):
            return []
        now = self._clock()
        async with self._immediate():
            rows = await self._fetchall(
                "SELECT j.id, j.user_id, COALESCE(g.user_concurrent_limit, ?) FROM jobs j"
                " LEFT JOIN guild_settings g ON g.guild_id = j.guild_id"
                " WHERE j.status = 'accepted' AND j.in_line = 1 ORDER BY j.id",
                (default_concurrent,),
            )
            lined = [(int(r[0]), int(r[1]), int(r[2])) for r in rows]
            if not lined:
                return []
            users = sorted({u for _, u, _ in lined})
            marks = ", ".join("?" for _ in users)
            counts = await self._fetchall(
                f"SELECT user_id, COUNT(*) FROM jobs WHERE user_id IN ({marks}) AND status IN ({_ACTIVE})"
                " AND in_line = 0 GROUP BY user_id",
                users,
            )
            active = {int(r[0]): int(r[1]) for r in counts}
            blocked: set[int] = set()
            due: list[int] = []
            for job_id, user_id, limit in lined:
                if user_id in blocked:
                    continue  # a member's line moves in order: nobody jumps the one in front
                if limit and active.get(user_id, 0) >= limit:
                    blocked.add(user_id)
                    continue
                changed = await self._execute(
                    "UPDATE jobs SET in_line = 0, next_poll_at = ?, updated_at = ?"
                    f" WHERE id = ? AND {_LINED}",
                    (now, now, job_id),
                )
                if changed == 1:
                    active[user_id] = active.get(user_id, 0) + 1
                    due.append(job_id)
        return due

    @locked
    async def rest_in_line(self, job_id: int, *, owner: str) -> Job | None:
        """A lined job we hold (its card is posted) waits without a due time until `unline`; None if it was
        unlined meanwhile (then it is due: work it)."""
        changed = await self._execute(
            "UPDATE jobs SET next_poll_at = NULL, updated_at = ?"
            f" WHERE id = ? AND {_LINED} AND claimed_by = ?",
            (self._clock(), job_id, owner),
        )
        return await self._get(job_id) if changed == 1 else None

    @locked
    async def line_position(self, job_id: int) -> int | None:
        """1 for the oldest job waiting in its member's line, 2 for the next, …; None when not lined."""
        n = await self._scalar(
            f"SELECT COUNT(*) FROM jobs WHERE {_LINED} AND id <= ?"
            " AND user_id = (SELECT user_id FROM jobs WHERE id = ?)"
            f" AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND {_LINED})",
            (job_id, job_id, job_id),
        )
        return int(n or 0) or None

    @locked
    async def lined(self, user_id: int | None = None) -> list[Job]:
        """Jobs waiting in members' lines (one member's, with `user_id`), oldest first."""
        who = " AND user_id = ?" if user_id is not None else ""
        rows = await self._fetchall(
            f"SELECT {JOB_COLUMNS} FROM jobs WHERE {_LINED}{who} ORDER BY id",
            (user_id,) if user_id is not None else (),
        )
        return [row_to_job(r) for r in rows]
