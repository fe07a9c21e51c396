"""The poll planner's memory: estimated vs actual durations of finished jobs, whether each reported
progress, when it first showed each level and its progress log (for bot.jobs.learning)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from bot.jobs.learning import Observation
from bot.store.db import Database, locked

KEEP_OBSERVATIONS = 1000  # the learner looks at a few hundred at most

log = logging.getLogger(__name__)
T = TypeVar("T")


def _pairs(text: object, pair: Callable[[Any, Any], T], what: str) -> tuple[T, ...]:
    """Stored JSON [[a, b], ...] back as `pair(a, b)`s; a row that cannot be read teaches nothing, loudly."""
    if text is None:
        return ()
    try:
        return tuple(pair(a, b) for a, b in json.loads(str(text)))
    except (ValueError, TypeError):
        log.warning("a planner observation's progress %s could not be read; ignored", what)
        return ()


class PlannerStats(Database):
    @locked
    async def record_observation(self, obs: Observation) -> None:
        """Keep one finished job's kind, last estimate, actual duration, whether it reported progress, when
        it first showed each level and its progress log; forget the oldest past a bound."""
        progressed = None if obs.progressed is None else int(obs.progressed)
        sightings = json.dumps([[level, at] for level, at in obs.sightings]) if obs.sightings else None
        readings = json.dumps([[at, p] for at, p in obs.readings]) if obs.readings else None
        async with self._immediate():
            await self._execute(
                "INSERT INTO planner_observations (kind, estimated, actual, progressed, sightings, readings,"
                " observed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (obs.kind, obs.estimated, obs.actual, progressed, sightings, readings, self._clock()),
            )
            await self._execute(
                "DELETE FROM planner_observations WHERE id <= (SELECT MAX(id) FROM planner_observations) - ?",
                (KEEP_OBSERVATIONS,),
            )

    @locked
    async def observations(self, limit: int = KEEP_OBSERVATIONS) -> list[Observation]:
        """The latest `limit` observations, oldest first."""
        rows = await self._fetchall(
            "SELECT kind, estimated, actual, progressed, sightings, readings FROM planner_observations"
            " ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [
            Observation(
                str(r[0]),
                float(r[1]) if r[1] is not None else None,
                float(r[2]),
                bool(r[3]) if r[3] is not None else None,
                _pairs(r[4], lambda level, at: (int(level), float(at)), "sightings"),
                _pairs(r[5], lambda at, progress: (float(at), int(progress)), "readings"),
            )
            for r in reversed(list(rows))
        ]
