"""The job store: conditional transitions, atomic admission, the queue, migrations on a real SQLite file."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot.jobs import IllegalTransition, JobKind, JobStatus, NewJob
from bot.jobs.limits import Limits, Refusal
from bot.store import DatabaseInUse, Store
from bot.store.db import latest_version
from tests.stores import open_store, sqlite_only

S = JobStatus


def _new(user: int = 7, guild: int | None = 1) -> NewJob:
    return NewJob(JobKind.VIDEO, guild, 2, user, "u", "a prompt")


@pytest.fixture
async def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = await open_store(tmp_path / "data" / "bot.sqlite3")
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


@sqlite_only
async def test_migrations_are_numbered_and_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    for _ in range(2):
        s = await open_store(path)
        await s.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_the_guilds_upload_limit_is_kept_with_the_job(store: Store) -> None:
    from dataclasses import replace

    known = await store.insert_job(replace(_new(), upload_limit=50 * 1024 * 1024))
    unknown = await store.insert_job(_new())
    assert (await store.get(known.id)).upload_limit == 50 * 1024 * 1024  # type: ignore[union-attr]
    assert (await store.get(unknown.id)).upload_limit is None  # type: ignore[union-attr]


@sqlite_only
async def test_a_second_process_on_the_same_file_is_refused_and_touches_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    first = await open_store(path)
    try:
        job = await first.insert_job(_new())
        before = path.read_bytes(), (tmp_path / "bot.sqlite3-wal").read_bytes()
        with pytest.raises(DatabaseInUse) as refused:
            await open_store(path)
        assert "DATABASE_PATH" in str(refused.value)
        assert (path.read_bytes(), (tmp_path / "bot.sqlite3-wal").read_bytes()) == before
        assert await first.get(job.id) is not None
    finally:
        await first.close()
    again = await open_store(path)  # the lock went with the first store
    await again.close()


def _limits(user_daily: int) -> Limits:
    return Limits(
        user_daily=user_daily, user_concurrent=0, guild_daily=0, cooldown_seconds=0, daily_credit_budget=0
    )


async def test_admissions_racing_on_several_connections_never_pass_a_limit(tmp_path: Path) -> None:
    """Four connections (as four processes on one store would have): only the admission transaction keeps
    check-then-insert atomic; the per-connection asyncio lock does not span them."""
    path = tmp_path / "bot.sqlite3"
    stores = [await open_store(path, exclusive=False) for _ in range(4)]
    try:
        # Five members press 24 times each, four presses at a time (one on each connection), all at once.
        presses = [
            stores[i % 4].admit(_new(user=100 + (i // 4) % 5), limits=_limits(3), now=1e9, credits=1.0)
            for i in range(120)
        ]
        results = await asyncio.gather(*presses)
    finally:
        for store in stores:
            await store.close()
    admitted = [r for r in results if not isinstance(r, Refusal)]
    assert {u: sum(1 for r in admitted if r.user_id == u) for u in range(100, 105)} == dict.fromkeys(
        range(100, 105), 3
    )
    refusal = next(r for r in results if isinstance(r, Refusal))
    assert (
        refusal.limit == "user_daily"
        and "3 of your 3" in refusal.message.render()
        and "<t:" in refusal.message.render()
    )


async def _claimed(store: Store, owner: str, now: float = 1e9) -> list[int]:
    return [j.id for j in await store.claim_due(owner, now=now, limit=10, lease=30)]


async def test_due_jobs_are_claimed_once_and_a_lapsed_lease_is_taken_over(store: Store) -> None:
    job = await store.insert_job(_new())
    await store.update(job.id, S.ACCEPTED, next_poll_at=1e9)
    assert await _claimed(store, "a") == [job.id]
    assert await _claimed(store, "b") == [], "held by a live lease"
    assert await store.next_due_at(1e9) == pytest.approx(1e9 + 30), "due again only when the lease lapses"
    # a's lease lapses (it died): b takes the job over, and a's late write does not commit.
    assert await _claimed(store, "b", now=1e9 + 31) == [job.id]
    assert await store.transition(job.id, S.ACCEPTED, S.REJECTED, owner="a") is None
    assert await store.transition(job.id, S.ACCEPTED, S.REJECTED, owner="b") is not None


async def test_a_released_job_keeps_the_due_time_its_step_wrote(store: Store) -> None:
    job = await store.insert_job(_new())
    await store.update(job.id, S.ACCEPTED, next_poll_at=1e9)
    await _claimed(store, "a")
    await store.update(job.id, S.ACCEPTED, owner="a", next_poll_at=1e9 + 5)
    assert await store.release(job.id, "a")
    assert await _claimed(store, "b", now=1e9 + 1) == []
    assert await _claimed(store, "b", now=1e9 + 5) == [job.id]


@sqlite_only
async def test_dead_claims_are_taken_over_at_start_and_nothing_waits_forever(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    store = await open_store(path)
    held = await store.insert_job(_new())
    await store.update(held.id, S.ACCEPTED, next_poll_at=1e9)
    await _claimed(store, "dead")
    limbo = await store.insert_job(_new(user=8))
    await store.update(limbo.id, S.ACCEPTED, next_poll_at=None)  # written by an older version, never due
    await store.close()

    store = await open_store(path)  # a new process: it holds the file lock, so "dead" is dead
    try:
        assert await store.take_over_dead_claims("new", now=2e9) == 1
        assert await store.make_reachable(now=2e9) == 1
        assert sorted(await _claimed(store, "new", now=2e9)) == [held.id, limbo.id]
    finally:
        await store.close()


async def test_queue_keeps_order_and_never_exceeds_the_slots(store: Store) -> None:
    jobs = [await store.insert_job(_new(user=u)) for u in range(3)]
    await _claimed(store, "w", now=2e9)

    async def slot(job_id: int) -> bool:
        return await store.claim_slot(job_id, 1, owner="w", key=f"k{job_id}") is not None

    assert await slot(jobs[0].id)
    assert not await slot(jobs[1].id)
    await store.park(jobs[1].id, owner="w")
    assert not await slot(jobs[2].id)  # no free slot
    await store.park(jobs[2].id, owner="w")
    assert await store.queue_position(jobs[2].id) == 2
    await store.transition(jobs[0].id, S.SUBMITTING, S.SUBMIT_UNKNOWN)
    assert await store.unpark(1) == [jobs[1].id]
    assert not await slot(jobs[2].id), "a younger job cannot jump the queue"
    assert await slot(jobs[1].id)
    started = await store.get(jobs[1].id)
    assert started is not None and started.idempotency_key == f"k{jobs[1].id}"
