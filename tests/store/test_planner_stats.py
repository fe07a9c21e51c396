"""The planner's memory in the store: observations kept in order, bounded, and there after a reopen."""

from __future__ import annotations

from pathlib import Path

from bot.jobs.learning import Observation
from bot.store import stats
from tests.stores import open_store


async def test_observations_survive_a_reopen_in_order_and_stay_bounded(tmp_path: Path) -> None:
    path = tmp_path / "data" / "bot.sqlite3"
    store = await open_store(path)
    try:
        await store.record_observation(Observation("text", 60.0, 40.0))
        await store.record_observation(Observation("extend", None, 95.5))
        await store.record_observation(Observation("video", 300.0, 250.0, progressed=True))
        await store.record_observation(Observation("images", 80.0, 120.0, progressed=False))
    finally:
        await store.close()
    store = await open_store(path)
    try:
        assert await store.observations() == [
            Observation("text", 60.0, 40.0),
            Observation("extend", None, 95.5),
            Observation("video", 300.0, 250.0, progressed=True),
            Observation("images", 80.0, 120.0, progressed=False),
        ], "whether a job reported progress survives too (None: not recorded)"
        for i in range(stats.KEEP_OBSERVATIONS + 5):
            await store.record_observation(Observation("images", 100.0, float(i + 1)))
        kept = await store.observations(limit=10_000)
        assert len(kept) == stats.KEEP_OBSERVATIONS
        assert kept[-1].actual == stats.KEEP_OBSERVATIONS + 5, "the newest are kept"
    finally:
        await store.close()
