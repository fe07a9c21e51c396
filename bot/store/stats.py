"""The poll planner's memory: estimated vs actual durations of finished jobs, and whether each reported
progress (for bot.jobs.learning)."""

from __future__ import annotations

from bot.jobs.learning import Observation
from bot.store.db import Database, locked

KEEP_OBSERVATIONS = 1000  # the learner looks at a few hundred at most


class PlannerStats(Database):
    @locked
    async def record_observation(self, obs: Observation) -> None:
        """Keep one finished job's kind, last estimate, actual duration and whether it reported progress;
        forget the oldest past a bound."""
        progressed = None if obs.progressed is None else int(obs.progressed)
        async with self._immediate():
            await self._execute(
                "INSERT INTO planner_observations (kind, estimated, actual, progressed, observed_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (obs.kind, obs.estimated, obs.actual, progressed, self._clock()),
            )
            await self._execute(
                "DELETE FROM planner_observations WHERE id <= (SELECT MAX(id) FROM planner_observations) - ?",
                (KEEP_OBSERVATIONS,),
            )

    @locked
    async def observations(self, limit: int = KEEP_OBSERVATIONS) -> list[Observation]:
        """The latest `limit` observations, oldest first."""
        rows = await self._fetchall(
            "SELECT kind, estimated, actual, progressed FROM planner_observations ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [
            Observation(
                str(r[0]),
                float(r[1]) if r[1] is not None else None,
                float(r[2]),
                bool(r[3]) if r[3] is not None else None,
            )
            for r in reversed(list(rows))
        ]
