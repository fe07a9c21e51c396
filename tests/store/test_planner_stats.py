"""The planner's memory in the store: observations kept in order, bounded, and there after a reopen."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.jobs.learning import Observation
from bot.store import stats
from tests.stores import open_store, run_sql


async def test_observations_survive_a_reopen_in_order_and_stay_bounded(tmp_path: Path) -> None:
    path = tmp_path / "data" / "bot.sqlite3"
    store = await open_store(path)
    try:
        await store.record_observation(Observation("text", 60.0, 40.0))
        await store.record_observation(Observation("extend", None, 95.5))
        await store.record_observation(Observation("video", 300.0, 250.0, progressed=True))
        await store.record_observation(Observation("images", 80.0, 120.0, progressed=False))
        await store.record_observation(Observation("text", 90.0, 130.0, True, ((50, 61.25), (90, 97.125))))
        await store.record_observation(
            Observation("images", 90.0, 64.5, True, ((50, 30.5),), ((10.25, 12), (30.5, 55), (60.0, 97)))
        )
    finally:
        await store.close()
    store = await open_store(path)
    try:
        assert await store.observations() == [
            Observation("text", 60.0, 40.0),
            Observation("extend", None, 95.5),
            Observation("video", 300.0, 250.0, progressed=True),
            Observation("images", 80.0, 120.0, progressed=False),
            Observation("text", 90.0, 130.0, True, ((50, 61.25), (90, 97.125))),
            Observation("images", 90.0, 64.5, True, ((50, 30.5),), ((10.25, 12), (30.5, 55), (60.0, 97))),
        ], "whether a job reported progress, when it showed each level and its progress log survive too"
        for i in range(stats.KEEP_OBSERVATIONS + 5):
            await store.record_observation(Observation("images", 100.0, float(i + 1)))
        kept = await store.observations(limit=10_000)
        assert len(kept) == stats.KEEP_OBSERVATIONS
        assert kept[-1].actual == stats.KEEP_OBSERVATIONS + 5, "the newest are kept"
    finally:
        await store.close()


async def test_unreadable_sightings_teach_nothing_and_say_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "data" / "bot.sqlite3"
    store = await open_store(path)
    try:
        await store.record_observation(Observation("text", 90.0, 130.0, True, ((50, 61.25),)))
    finally:
        await store.close()
    run_sql(path, "UPDATE planner_observations SET sightings = ?", ("[[50, 61.25], [oops",), write=True)
    store = await open_store(path)
    try:
        with caplog.at_level(logging.WARNING, logger="bot.store.stats"):
            assert await store.observations() == [Observation("text", 90.0, 130.0, True)]
        assert "progress sightings could not be read" in caplog.text
    finally:
        await store.close()


async def test_unreadable_readings_teach_nothing_and_say_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "data" / "bot.sqlite3"
    store = await open_store(path)
    try:
        await store.record_observation(Observation("text", 90.0, 130.0, True, (), ((10.0, 5), (50.0, 40))))
    finally:
        await store.close()
    run_sql(path, "UPDATE planner_observations SET readings = ?", ('[[10.0, 5], ["x"]]',), write=True)
    store = await open_store(path)
    try:
        with caplog.at_level(logging.WARNING, logger="bot.store.stats"):
            assert await store.observations() == [Observation("text", 90.0, 130.0, True)]
        assert "progress readings could not be read" in caplog.text
    finally:
        await store.close()
