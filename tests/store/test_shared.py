"""Several processes on one store (PostgreSQL in production; here each store object is one process's
connection pool). Runs on PostgreSQL when TEST_DATABASE_URL is set, else on one SQLite file opened
non-exclusively, so the same guarantees are checked on both engines."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

import pytest

from bot.jobs import Job, JobKind, JobStatus, NewJob
from bot.jobs.limits import Limits, Refusal
from bot.store import Store
from bot.store.db import migrations
from tests.stores import ON_POSTGRES, needs_postgres, open_store

S = JobStatus


def _new(user: int = 7, guild: int | None = 1) -> NewJob:
    return NewJob(JobKind.VIDEO, guild, 2, user, "u", "a prompt")


def test_both_dialects_ship_the_same_migrations_numbered_alike() -> None:
    sqlite = [(n, name) for n, name, _ in migrations("sqlite")]
    postgres = [(n, name) for n, name, _ in migrations("postgres")]
    assert sqlite == postgres
    assert len({n for n, _ in sqlite}) == len(sqlite), "each number once"


@needs_postgres
async def test_processes_starting_together_migrate_once(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite3"
    stores = await asyncio.gather(*(open_store(path) for _ in range(4)))
    try:
        versions = await stores[0].fetch_raw("SELECT version FROM schema_version ORDER BY version")
        assert [int(r[0]) for r in versions] == [n for n, _, _ in migrations("postgres")]
        assert len({await s.install_id() for s in stores}) == 1
    finally:
        for s in stores:
            await s.close()


async def test_three_processes_claiming_at_once_claim_each_due_job_exactly_once(
    three_stores: list[Store],
) -> None:
    three = three_stores
    jobs = [await three[0].insert_job(_new(user=i)) for i in range(60)]
    for job in jobs:
        await three[0].update(job.id, S.ACCEPTED, next_poll_at=1e9)

    async def claim_all(store: Store, owner: str) -> list[int]:
        got: list[int] = []
        while True:
            batch = await store.claim_due(owner, now=1e9, limit=4, lease=30)
            if not batch:
                return got
            got += [j.id for j in batch]

    claimed = await asyncio.gather(*(claim_all(s, f"p{i}") for i, s in enumerate(three)))
    every = [job_id for got in claimed for job_id in got]
    assert sorted(every) == sorted(j.id for j in jobs), "every job claimed, none twice"
    owners = {j.id: j.claimed_by for j in [await three[0].get(j.id) for j in jobs] if j is not None}
    for i, got in enumerate(claimed):
        assert all(owners[job_id] == f"p{i}" for job_id in got)


async def test_start_up_takes_over_only_lapsed_leases_never_a_live_process_work(
    three_stores: list[Store],
) -> None:
    three = three_stores
    live, dead = await three[0].insert_job(_new(1)), await three[0].insert_job(_new(2))
    for job in (live, dead):
        await three[0].update(job.id, S.ACCEPTED, next_poll_at=1e9)
    alive = three[1].process_id  # a process that is still running (on PostgreSQL: its connections are open)
    assert [j.id for j in await three[0].claim_due("dead", now=1e9, limit=1, lease=30)] == [live.id]
    assert [j.id for j in await three[1].claim_due(alive, now=1e9, limit=1, lease=300)] == [dead.id]
    # A third process starts 60 s later: "dead"'s lease has lapsed, the live process's has not.
    assert await three[2].take_over_dead_claims(three[2].process_id, now=1e9 + 60) == 1
    after = {j.id: j for j in [await three[2].get(live.id), await three[2].get(dead.id)] if j is not None}
    assert after[live.id].claimed_by is None and after[dead.id].claimed_by == alive


async def test_admission_is_exact_across_processes(three_stores: list[Store]) -> None:
    three = three_stores
    """40 presses at once over three processes, per-member concurrency 3 (no line) and a server limit of 5:
    exactly the limits are admitted."""
    limits = Limits(
        user_daily=0, user_concurrent=3, user_queue=0, guild_daily=5, cooldown_seconds=0,
        daily_credit_budget=0,
    )  # fmt: skip
    results = await asyncio.gather(
        *(three[i % 3].admit(_new(user=100 + i % 4), limits=limits, now=1e9, credits=1.0) for i in range(40))
    )
    admitted = [r for r in results if isinstance(r, Job)]
    assert len(admitted) == 5, "the server's daily limit"
    per_member: dict[int, int] = {}
    for job in admitted:
        per_member[job.user_id] = per_member.get(job.user_id, 0) + 1
    assert max(per_member.values()) <= 3
    assert {r.limit for r in results if isinstance(r, Refusal)} <= {
        "guild_daily",
        "user_concurrent",
        "user_queue",
    }


async def test_the_global_queue_never_passes_its_slots_across_processes(three_stores: list[Store]) -> None:
    three = three_stores
    jobs = [await three[0].insert_job(_new(user=i)) for i in range(12)]
    for i, job in enumerate(jobs):
        await three[0].update(job.id, S.ACCEPTED, next_poll_at=1e9, claimed_by=f"p{i % 3}")

    async def take(i: int, job: Job) -> Job | None:
        return await three[i % 3].claim_slot(job.id, 4, owner=f"p{i % 3}", key=f"k{i}")

    moved = await asyncio.gather(*(take(i, j) for i, j in enumerate(jobs)))
    assert sum(1 for m in moved if m is not None) == 4


@pytest.mark.skipif(not ON_POSTGRES, reason="LISTEN/NOTIFY: PostgreSQL only")
async def test_a_job_made_claimable_in_one_process_wakes_the_others(three_stores: list[Store]) -> None:
    three = three_stores
    heard: asyncio.Queue[float] = asyncio.Queue()
    stop = await three[1].watch_due(heard.put_nowait)
    assert stop is not None
    try:
        admitted = await three[0].admit(_new(), limits=Limits(), now=1e9, credits=0.0)
        assert isinstance(admitted, Job)
        assert await asyncio.wait_for(heard.get(), 10) == pytest.approx(1e9)
        # A claim, then its release with the job due at once: heard again (a claimed job is not claimable).
        await three[0].claim_due("a", now=1e9, limit=1, lease=30)
        assert heard.empty()
        await three[0].release(admitted.id, "a", due_at=1e9 + 1)
        assert await asyncio.wait_for(heard.get(), 10) == pytest.approx(1e9 + 1)
    finally:
        await stop()


async def test_one_process_at_a_time_has_the_janitors_turn_and_a_dead_ones_turn_passes_on(
    three_stores: list[Store],
) -> None:
    three = three_stores
    turns = await asyncio.gather(
        *(s.take_turn("janitor", f"p{i}", until=1e9 + 5400, now=1e9) for i, s in enumerate(three))
    )
    assert turns.count(True) == 1
    holder = turns.index(True)
    other = (holder + 1) % 3
    assert await three[holder].take_turn("janitor", f"p{holder}", until=1e9 + 9000, now=1e9 + 3600)
    assert not await three[other].take_turn("janitor", f"p{other}", until=1e9 + 9000, now=1e9 + 3600)
    # The holder died (it renews no more): once its turn has run out, another process takes it.
    assert await three[other].take_turn("janitor", f"p{other}", until=1e9 + 20000, now=1e9 + 9001)


async def test_identify_turns_are_spaced_across_processes(three_stores: list[Store]) -> None:
    three = three_stores
    """Processes starting together take turns to IDENTIFY: never two within the spacing."""
    import time

    taken: list[float] = []

    async def identify(store: Store, shard: int) -> None:
        await store.wait_for_turn("identify", f"p:{shard}", spacing=0.3)
        taken.append(time.time())

    await asyncio.gather(*(identify(three[i % 3], i) for i in range(4)))
    taken.sort()
    gaps = [b - a for a, b in itertools.pairwise(taken)]
    assert len(taken) == 4 and min(gaps) >= 0.25


@pytest.mark.skipif(not ON_POSTGRES, reason="connection liveness: PostgreSQL only")
async def test_a_killed_process_claims_are_taken_over_without_waiting_for_its_lease(tmp_path: Path) -> None:
    path = tmp_path / "data" / "bot.sqlite3"
    survivor, victim = await open_store(path), await open_store(path)
    try:
        job = await victim.insert_job(_new())
        await victim.update(job.id, S.ACCEPTED, next_poll_at=1e9)
        [claimed] = await victim.claim_due(victim.process_id, now=1e9, limit=1, lease=600)
        assert await survivor.take_over_dead_claims(survivor.process_id, now=1e9 + 1) == 0, "alive: kept"
        await victim.close()  # its connections close, as a SIGKILLed process's do
        assert await survivor.take_over_dead_claims(survivor.process_id, now=1e9 + 2) == 1
        after = await survivor.get(claimed.id)
        assert after is not None and after.claimed_by is None and after.next_poll_at == 1e9 + 2
    finally:
        await survivor.close()


async def test_one_card_edit_per_interval_across_processes(three_stores: list[Store]) -> None:
    three = three_stores
    job = await three[0].insert_job(_new())
    edits = await asyncio.gather(
        *(s.take_card_edit(job.id, now=1e9 + i * 0.01, interval=5.0) for i, s in enumerate(three))
    )
    assert edits.count(True) == 1
    assert not await three[1].take_card_edit(job.id, now=1e9 + 4, interval=5.0)
    assert await three[2].take_card_edit(job.id, now=1e9 + 5.1, interval=5.0)
