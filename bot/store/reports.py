"""Reports for operators: usage per member and day."""

from __future__ import annotations

from dataclasses import dataclass

from bot.jobs import JobStatus
from bot.store.db import Database, locked


@dataclass(frozen=True)
class UsageRow:
    day: str
    user_id: int
    user_name: str
    clips: int
    delivered: int
    failures: int
    credits: float


class Reports(Database):
    @locked
    async def usage_report(self, guild_id: int, since: float) -> list[UsageRow]:
        """Per user and UTC day: clips asked for, clips delivered, failures, credits."""
        failed = ", ".join(
            f"'{s}'" for s in (JobStatus.FAILED, JobStatus.TIMED_OUT, JobStatus.SUBMIT_UNKNOWN)
        )
        day = (
            "to_char(to_timestamp(created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
            if self.dialect == "postgres"
            else "date(created_at, 'unixepoch')"
        )
        rows = await self._fetchall(
            f"SELECT {day} AS day, user_id, MAX(user_name),"
            " SUM(charged), SUM(CASE WHEN status = 'delivered' THEN 1 ELSE 0 END),"
            f" SUM(CASE WHEN status IN ({failed}) THEN 1 ELSE 0 END), COALESCE(SUM(credits), 0)"
            " FROM jobs WHERE guild_id = ? AND created_at >= ? AND status != 'rejected'"
            " GROUP BY day, user_id ORDER BY day DESC, SUM(credits) DESC",
            (guild_id, since),
        )
        return [
            UsageRow(r[0], int(r[1]), r[2] or "", int(r[3]), int(r[4]), int(r[5]), float(r[6])) for r in rows
        ]
