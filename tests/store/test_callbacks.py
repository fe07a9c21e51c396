"""Early push callbacks in the store: kept only while a submit is in flight, taken once, bounded in age and
number (on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.jobs import JobKind, JobStatus, NewJob
from bot.store import Store
from bot.store.callbacks import EARLY_CALLBACK_KEEP, EARLY_CALLBACK_MAX_AGE
from tests.stores import open_store

S = JobStatus
NOW = 1_000_000.0


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    s = await open_store(tmp_path / "data" / "bot.sqlite3")
    yield s
    await s.close()


async def _submitting(store: Store) -> int:
    job = await store.insert_job(NewJob(JobKind.VIDEO, 1, 2, 7, "u", "a prompt"))
    assert await store.transition(job.id, S.ACCEPTED, S.SUBMITTING)
    return job.id


async def _kept(store: Store) -> list[str]:
    return [str(r[0]) for r in await store.fetch_raw("SELECT task_id FROM early_callbacks ORDER BY id")]


async def test_nothing_is_kept_while_no_submit_is_in_flight(store: Store) -> None:
    assert not await store.remember_early_callback("task_A", now=NOW)
    job = await store.insert_job(NewJob(JobKind.VIDEO, 1, 2, 7, "u", "queued, not sent"))
    assert not await store.remember_early_callback("task_A", now=NOW)
    assert await _kept(store) == []
    assert not await store.take_early_callback("task_A", now=NOW)
    assert job.status == S.ACCEPTED


async def test_a_kept_callback_is_taken_once(store: Store) -> None:
    await _submitting(store)
    assert await store.remember_early_callback("task_A", now=NOW)
    assert await store.remember_early_callback("task_A", now=NOW + 1), "a repeat: still one row"
    assert await _kept(store) == ["task_A"]
    assert not await store.take_early_callback("task_B", now=NOW + 2)
    assert await store.take_early_callback("task_A", now=NOW + 2)
    assert not await store.take_early_callback("task_A", now=NOW + 3), "taken already"
    assert await _kept(store) == []


async def test_a_callback_older_than_the_bound_is_not_taken_and_is_pruned(store: Store) -> None:
    await _submitting(store)
    assert await store.remember_early_callback("task_old", now=NOW)
    assert not await store.take_early_callback("task_old", now=NOW + EARLY_CALLBACK_MAX_AGE + 1)
    assert await store.remember_early_callback("task_stale", now=NOW)
    assert await store.remember_early_callback("task_new", now=NOW + EARLY_CALLBACK_MAX_AGE + 1)
    assert await _kept(store) == ["task_new"], "the stale one went when the next one came"


async def test_a_flood_keeps_only_the_newest(store: Store) -> None:
    await _submitting(store)
    ids = [f"task_{i:04d}" for i in range(EARLY_CALLBACK_KEEP + 25)]
    for i, task_id in enumerate(ids):
        assert await store.remember_early_callback(task_id, now=NOW + i * 0.001)
    assert await _kept(store) == ids[-EARLY_CALLBACK_KEEP:]
    assert not await store.take_early_callback(ids[0], now=NOW + 1)
    assert await store.take_early_callback(ids[-1], now=NOW + 1)
