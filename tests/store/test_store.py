"""The job store: conditional transitions, atomic admission, the queue, migrations on a real SQLite file."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot.jobs import IllegalTransition, JobKind, JobStatus, NewJob
from bot.jobs.limits import Limits, Refusal
from bot.store import Store

S = JobStatus


def _new(user: int = 7, guild: int | None = 1) -> NewJob:
    return NewJob(JobKind.VIDEO, guild, 2, user, "u", "a prompt")


@pytest.fixture
async def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = await Store.open(tmp_path / "data" / "bot.sqlite3")
    yield s
    await s.close()


async def test_a_job_moves_once_even_when_two_workers_race(store: Store) -> None:
    job = await store.insert_job(_new())
    first, second = await asyncio.gather(
        store.transition(job.id, S.ACCEPTED, S.SUBMITTING), store.transition(job.id, S.ACCEPTED, S.SUBMITTING)
    )
    assert [first is None, second is None].count(True) == 1
    with pytest.raises(IllegalTransition):
        await store.transition(job.id, S.SUBMITTING, S.DELIVERED)


async def test_migrations_are_numbered_and_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    for _ in range(2):
        s = await Store.open(path)
        await s.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_concurrent_admissions_never_pass_a_limit(store: Store) -> None:
    limits = Limits(user_daily=3, user_concurrent=0, guild_daily=0, cooldown_seconds=0, daily_credit_budget=0)
    results = await asyncio.gather(
        *(store.admit(_new(), limits=limits, now=1e9, credits=1.0) for _ in range(20))
    )
    admitted = [r for r in results if not isinstance(r, Refusal)]
    assert len(admitted) == 3
    refusal = next(r for r in results if isinstance(r, Refusal))
    assert refusal.limit == "user_daily" and "3 of your 3" in refusal.message and "<t:" in refusal.message


async def test_queue_keeps_order_and_never_exceeds_the_slots(store: Store) -> None:
    jobs = [await store.insert_job(_new(user=u)) for u in range(3)]
    assert await store.claim_slot(jobs[0].id, 1) is not None
    assert await store.claim_slot(jobs[1].id, 1) is None
    await store.park(jobs[1].id)
    assert await store.claim_slot(jobs[2].id, 1) is None  # no free slot
    await store.park(jobs[2].id)
    assert await store.queue_position(jobs[2].id) == 2
    await store.transition(jobs[0].id, S.SUBMITTING, S.SUBMIT_UNKNOWN)
    assert await store.unpark(1) == [jobs[1].id]
    assert await store.claim_slot(jobs[2].id, 1) is None, "a younger job cannot jump the queue"
    assert await store.claim_slot(jobs[1].id, 1) is not None
