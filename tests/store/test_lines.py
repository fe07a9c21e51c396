"""Members' own lines (issue 13): over the concurrent limit a job waits in its member's line, admitted and
counted in the same transaction, made due in order by `unline`, kept across a reopen."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.jobs import Job, JobKind, JobStatus, NewJob
from bot.jobs.limits import Limits, Refusal
from bot.store import Store
from tests.stores import open_store

S = JobStatus


def _new(user: int = 7, guild: int | None = 1) -> NewJob:
    return NewJob(JobKind.VIDEO, guild, 2, user, "u", "a prompt")


def _limits(*, daily: int = 0, budget: float = 0.0, concurrent: int = 2, line: int = 3) -> Limits:
    return Limits(
        user_daily=daily, user_concurrent=concurrent, user_queue=line, guild_daily=0, cooldown_seconds=0,
        daily_credit_budget=budget, credits_per_job=1.0,
    )  # fmt: skip


@pytest.fixture
async def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = await open_store(tmp_path / "data" / "bot.sqlite3")
    yield s
    await s.close()


async def _admit(store: Store, user: int = 7, limits: Limits | None = None) -> Job | Refusal:
    return await store.admit(_new(user), limits=limits or _limits(), now=1e9, credits=1.0)


async def _end(store: Store, job: Job) -> None:
    moved = await store.transition(job.id, S.ACCEPTED, S.REJECTED, next_poll_at=None, announced=True)
    assert moved is not None


async def test_over_the_concurrent_limit_jobs_wait_in_line_then_the_line_is_full(store: Store) -> None:
    jobs = [await _admit(store) for _ in range(5)]
    assert all(isinstance(j, Job) for j in jobs)
    started, lined = (
        [j for j in jobs if isinstance(j, Job) and not j.in_line],
        [j for j in jobs if isinstance(j, Job) and j.in_line],
    )
    assert len(started) == 2 and len(lined) == 3
    assert [await store.line_position(j.id) for j in lined] == [1, 2, 3]
    assert [await store.line_position(j.id) for j in started] == [None, None]
    sixth = await _admit(store)
    assert isinstance(sixth, Refusal) and sixth.limit == "user_queue"
    assert sixth.message.render() == (
        "You have 2 videos in progress and 3 waiting in your line (the most this server allows); "
        "wait for one to finish."
    )
    # Another member is not behind alice's line.
    other = await _admit(store, user=8)
    assert isinstance(other, Job) and not other.in_line
    # No line (0): refused as before.
    no_line = await _admit(store, user=8, limits=_limits(concurrent=1, line=0))
    assert isinstance(no_line, Refusal) and no_line.limit == "user_concurrent"


async def test_unline_moves_each_line_in_order_as_slots_free(store: Store) -> None:
    jobs = [j for j in [await _admit(store) for _ in range(5)] if isinstance(j, Job)]
    for j in jobs[2:]:
        await store.update(j.id, S.ACCEPTED, next_poll_at=None)  # resting in line (card posted)
    assert await store.unline(2) == [], "both slots are taken: nobody moves"
    assert await store.make_reachable(now=1e9) == 0, "a lined job is not made due behind unline's back"
    await _end(store, jobs[0])
    assert await store.unline(2) == [jobs[2].id], "one slot: the oldest in line, only"
    moved = await store.get(jobs[2].id)
    assert moved is not None and not moved.in_line and moved.next_poll_at is not None
    assert [await store.line_position(j.id) for j in jobs[3:]] == [1, 2]
    await _end(store, jobs[1])
    await _end(store, jobs[2])
    assert await store.unline(2) == [jobs[3].id, jobs[4].id]
    assert await store.lined() == []


async def test_a_servers_own_concurrent_limit_decides_the_line(store: Store) -> None:
    await store.set_guild_config(1, user_concurrent_limit=1)
    jobs = [j for j in [await _admit(store) for _ in range(3)] if isinstance(j, Job)]
    assert [j.in_line for j in jobs] == [False, False, True]  # admitted against limits with concurrent 2
    await _end(store, jobs[0])
    assert await store.unline(5) == [], "the server allows one in progress, not five: its setting wins"
    await _end(store, jobs[1])
    assert await store.unline(5) == [jobs[2].id]


async def test_cancelling_a_lined_job_moves_the_others_up(store: Store) -> None:
    jobs = [j for j in [await _admit(store) for _ in range(5)] if isinstance(j, Job)]
    cancelled = await store.transition(jobs[2].id, S.ACCEPTED, S.CANCELLED, in_line=False, charged=False)
    assert cancelled is not None
    assert [await store.line_position(j.id) for j in jobs[3:]] == [1, 2]
    assert [j.id for j in await store.lined(7)] == [jobs[3].id, jobs[4].id]


async def test_the_line_survives_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    first = await open_store(path)
    jobs = [j for j in [await _admit(first) for _ in range(4)] if isinstance(j, Job)]
    await first.close()
    again = await open_store(path)
    try:
        assert [j.id for j in await again.lined()] == [jobs[2].id, jobs[3].id]
        await again.make_reachable(now=1e9)
        assert await again.unline(2) == []
        await _end(again, jobs[1])
        assert await again.unline(2) == [jobs[2].id]
    finally:
        await again.close()


async def test_forty_presses_on_several_connections_never_pass_the_daily_limit_or_the_budget(
    tmp_path: Path,
) -> None:
    """A lined job counts toward the daily limit and the budget when it is admitted, in the same
    BEGIN IMMEDIATE transaction: four connections racing cannot overspend."""
    path = tmp_path / "bot.sqlite3"
    stores = [await open_store(path, exclusive=False) for _ in range(4)]
    try:
        # One member, forty presses at once: daily 4 binds (2 start, 2 wait), never a fifth.
        daily = _limits(daily=4)
        results = await asyncio.gather(
            *(stores[i % 4].admit(_new(7), limits=daily, now=1e9, credits=1.0) for i in range(40))
        )
        admitted = [r for r in results if isinstance(r, Job)]
        assert len(admitted) == 4
        assert sum(1 for j in admitted if j.in_line) == 2
        # Eight members, forty presses: the budget (10 credits) binds across lines and slots.
        budget = _limits(budget=10.0, line=3)
        results = await asyncio.gather(
            *(stores[i % 4].admit(_new(100 + i % 8), limits=budget, now=1e9, credits=1.0) for i in range(40))
        )
        admitted = [r for r in results if isinstance(r, Job)]
        assert len(admitted) == 6, "10 credits, 4 already reserved: 6 more, lined or not"
        per_member: dict[int, list[Job]] = {}
        for j in admitted:
            per_member.setdefault(j.user_id, []).append(j)
        for jobs in per_member.values():
            assert sum(1 for j in jobs if not j.in_line) <= 2
        assert {r.limit for r in results if isinstance(r, Refusal)} <= {"budget", "user_queue"}
    finally:
        for s in stores:
            await s.close()
    check = await open_store(path)
    try:
        total = await check.usage(7, 1, 1e9)
        assert total.credits_today == 10.0
    finally:
        await check.close()
