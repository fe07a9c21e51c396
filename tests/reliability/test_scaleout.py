"""Many processes, one PostgreSQL (issue 12): three real `python -m bot` processes, shards 0, 1 and 2 of 3,
on one shared job store, one fake Discord (guilds on every shard) and one fake APIMart.

- a process SIGKILLed right after one of its submits reached the API, restarted a little later: the other
  two carry on, its jobs' leases lapse and are taken over → 0 lost, 0 duplicate posts, 0 double pings,
  0 blind re-submits (the storm's audit, tests/reliability/storm.py);
- a rolling restart of all three, one at a time (SIGTERM, wait, start), with jobs running → the same;
- 40 concurrent /video over the three processes against a per-user limit of 3 and a guild limit of 5 →
  exactly the limits, in the store and in what members were told;
- a daily credit budget that binds, many jobs over three processes → settled costs never exceed it.

Run with ``TEST_DATABASE_URL=postgresql://… python -m pytest -m scaleout`` (the default run leaves it out;
without TEST_DATABASE_URL every test here is skipped, saying why).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import random
import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.jobs.sentences import SHUTTING_DOWN_SENTENCE
from tests.fakes.fake_apimart import FakeApiMart, Timeline
from tests.fakes.fake_discord import FakeDiscord, FakeGuild, FakeUser
from tests.reliability.fleet import Fleet
from tests.reliability.storm import Issued, Tally, answered
from tests.stores import ON_POSTGRES

pytestmark = [
    pytest.mark.scaleout,
    pytest.mark.skipif(
        not ON_POSTGRES,
        reason="several bot processes share one PostgreSQL: set TEST_DATABASE_URL "
        "(scripts/postgres-for-tests starts one)",
    ),
]

# Only the kills decide the outcome: every member may run several jobs at once, nothing is refused.
NO_LIMITS = {
    "USER_DAILY_LIMIT": "0",
    "USER_CONCURRENT_LIMIT": "0",
    "GUILD_DAILY_LIMIT": "0",
    "DAILY_CREDIT_BUDGET": "100000",
    "MAX_CONCURRENT_JOBS": "50",
}
# A killed process's claims lapse after the worker's lease (60 s) before another process takes them over.
AFTER_A_KILL = 120.0


def _report(request: pytest.FixtureRequest, line: str) -> None:
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture is not None else contextlib.nullcontext():
        print(line, flush=True)


@pytest.fixture
async def make_fleet(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, tmp_path: Path
) -> AsyncIterator[Callable[..., Fleet]]:
    made: list[Fleet] = []

    def make(**kwargs: Any) -> Fleet:
        fleet = Fleet(fake_discord, fake_api, tmp_path, **kwargs)
        made.append(fleet)
        return fleet

    try:
        yield make
    finally:
        for fleet in made:
            await fleet.close()


def _check(
    tally: Tally, fleet: Fleet, fd: FakeDiscord, fa: FakeApiMart, request: pytest.FixtureRequest
) -> None:
    _report(request, "")
    _report(request, f"scaleout {request.node.name}: {tally.line()}")
    for problem in tally.problems:
        _report(request, f"    PROBLEM {problem}")
    for note in tally.notes:
        _report(request, f"    ok: {note}")
    logs = ", ".join(str(m.proc.log_path) for m in fleet.members)
    details = "\n".join(tally.problems) + f"\nbot logs: {logs}"
    tally.assert_nothing_lost(details, why_no_refusals="limits are off")
    assert not fd.internal_errors and not fa.hooks.errors and not fd.hooks.errors


class Members:
    """Who asks next: members of the guilds whose shard's process is taking commands, in turn."""

    def __init__(self, fleet: Fleet, label: str) -> None:
        self.fleet = fleet
        self.label = label
        self.count = itertools.count(1)
        self.turn = itertools.count()
        self.people = [
            (user, guild)
            for guilds in fleet.guilds.values()
            for guild in guilds
            for user in fleet.users[guild.id]
        ]

    def accepting(self, guild: FakeGuild) -> bool:
        shard = (guild.id >> 22) % self.fleet.shard_count
        holder = next(m for m in self.fleet.members if shard in m.shard_ids)
        return holder.alive and holder.stopped_at is None and self.fleet.shard_up(shard)

    async def ask(self, n: int) -> list[Issued]:
        asked = []
        for _ in range(n):
            live = [(u, g) for u, g in self.people if self.accepting(g)]
            assert live, "no process is taking commands"
            user, guild = live[next(self.turn) % len(live)]
            prompt = f"fleet {self.label}-{next(self.count):02d}: a kite"
            asked.append(await self.fleet.video(user, guild, prompt))
        return asked


def _said(job: Issued) -> str:
    original = job.interaction.original
    return original.text if original is not None and answered(job.interaction) else ""


def _delivered(fd: FakeDiscord) -> int:
    return sum(1 for m in fd.messages.values() if m.author.id == fd.bot_user.id and m.attachments)


async def test_a_killed_process_loses_nothing_and_the_others_carry_on(
    make_fleet: Callable[..., Fleet],
    fake_discord: FakeDiscord,
    fake_api: FakeApiMart,
    request: pytest.FixtureRequest,
) -> None:
    fd, fa = fake_discord, fake_api
    fleet = make_fleet(env=NO_LIMITS)
    rng = random.Random(12)
    fleet.observe()
    fleet.quick_timelines(rng, 60)
    await fleet.start_all()
    members = Members(fleet, "kill")
    victim = fleet.members[1]

    await members.ask(10)
    disarm = fleet.arm_kill_on_submit(victim)  # the next submit the victim sends is its last act
    try:
        for _ in range(8):
            if victim.stopped_at is not None:
                break
            await members.ask(1)
        with contextlib.suppress(TimeoutError):
            await fd.wait_until(lambda: victim.stopped_at is not None, timeout=10)
    finally:
        disarm()
    if victim.stopped_at is None:
        fleet.kill_now(victim, "random (no submit of its own within 10 s)", "jobs in flight")
    await fleet.reap(victim)
    kill = fleet.kills[-1]

    # The other two carry on: new jobs on their shards are delivered while the victim is down.
    before = _delivered(fd)
    await members.ask(6)
    await fd.wait_until(lambda: _delivered(fd) >= before + 4, timeout=30)
    assert victim.stopped_at is not None and not victim.alive
    await fleet.start(victim)  # an orchestrator restarts it
    await members.ask(30 - len(fleet.issued))

    await fleet.settle(timeout=AFTER_A_KILL)
    tally = await fleet.audit(await fleet.stop_all())
    _check(tally, fleet, fd, fa, request)
    assert kill.moment == "submit", f"the kill came at {kill.moment}: {kill.detail}"
    assert tally.jobs == 30 and len(tally.kills) == 1
    # Every job is delivered, except those whose submit the kill cut short: each of them ends "unconfirmed"
    # (its member told, never re-sent: it may have been billed) — the one that reached the API, and the
    # victim's other submits in flight then (it works up to POLL_CONCURRENCY jobs at once).
    assert tally.delivered + tally.told == 30 and tally.told == tally.unconfirmed
    assert 1 <= tally.unconfirmed <= len(kill.submitting), (tally.unconfirmed, kill.submitting)


async def test_a_rolling_restart_of_all_three_loses_nothing(
    make_fleet: Callable[..., Fleet],
    fake_discord: FakeDiscord,
    fake_api: FakeApiMart,
    request: pytest.FixtureRequest,
) -> None:
    fd, fa = fake_discord, fake_api
    fleet = make_fleet(env=NO_LIMITS)
    rng = random.Random(7)
    fleet.observe()
    fleet.quick_timelines(rng, 60, low=1.0, high=3.0)  # long enough to be in flight across a restart
    await fleet.start_all()
    members = Members(fleet, "roll")
    await members.ask(9)
    codes: list[int] = []
    retried: list[Issued] = []
    for member in fleet.members:
        await members.ask(3)  # the SIGTERM comes while these are on their way: they are answered first
        codes.append(await fleet.terminate(member))  # drains: answers, finishes steps, frees its claims
        await members.ask(2)  # to the two still running
        await fleet.start(member)
        # A member told "I'm restarting, try again in a minute" does so once the process is back.
        for job in [
            j for j in fleet.issued if _said(j) == SHUTTING_DOWN_SENTENCE.render() and j not in retried
        ]:
            retried.append(job)
            guild = fd.guilds[job.guild_id or 0]
            await fleet.video(job.user, guild, f"{job.prompt} (again)")
    await members.ask(30 - len(fleet.issued) + len(retried))
    await fleet.settle(timeout=60)
    tally = await fleet.audit(await fleet.stop_all())
    _check(tally, fleet, fd, fa, request)
    assert codes == [0, 0, 0], f"SIGTERM exit codes {codes}"
    assert tally.jobs == 30 + len(retried) and tally.not_admitted == len(retried)
    assert tally.delivered == 30 and tally.unconfirmed == 0 and tally.mid_command == 0


@dataclasses.dataclass
class Asked:
    user: FakeUser
    guild: FakeGuild
    job: Issued


async def test_forty_at_once_over_three_processes_admit_exactly_the_limits(
    make_fleet: Callable[..., Fleet], fake_discord: FakeDiscord, fake_api: FakeApiMart
) -> None:
    fd, fa = fake_discord, fake_api
    limits = {
        "USER_DAILY_LIMIT": "0",
        "USER_CONCURRENT_LIMIT": "3",
        "USER_QUEUE_LIMIT": "0",
        "GUILD_DAILY_LIMIT": "5",
        "DAILY_CREDIT_BUDGET": "0",
        "MAX_CONCURRENT_JOBS": "100",
    }
    fleet = make_fleet(env=limits, guilds_per_shard=2, members_per_guild=0)
    fa.default_timeline = Timeline.manual()  # every admitted job stays in progress
    user_guilds = [fleet.guilds[s][0] for s in range(3)]  # the per-user limit, across processes
    crowd_guilds = [fleet.guilds[s][1] for s in range(3)]  # the guild limit, one per process
    # Two members in a guild on each shard: their commands reach all three processes at once.
    roamers = [fd.add_user(f"roamer{i}", guild=user_guilds[0]) for i in range(2)]
    for user in roamers:
        for guild in user_guilds[1:]:
            fd.add_member(user, guild)
    crowd = [(fd.add_user(f"crowd{i}", guild=crowd_guilds[i % 3]), crowd_guilds[i % 3]) for i in range(28)]
    await fleet.start_all()

    plan = [(u, user_guilds[k % 3]) for u in roamers for k in range(6)] + crowd  # 12 + 28 = 40
    assert len(plan) == 40
    jobs = await asyncio.gather(
        *(fleet.video(u, g, f"crowd {i:02d}: forty at once") for i, (u, g) in enumerate(plan))
    )
    asked = [Asked(u, g, j) for (u, g), j in zip(plan, jobs, strict=True)]
    await fd.wait_until(lambda: all(answered(a.job.interaction) for a in asked), timeout=60)
    # Which processes admitted them: the interactions went to each guild's shard.
    seen_shards = {(a.guild.id >> 22) % 3 for a in asked}
    assert seen_shards == {0, 1, 2}

    def said(a: Asked) -> str:
        original = a.job.interaction.original
        assert original is not None
        return original.text

    admitted = [a for a in asked if re.search(r"on its way as job #\d+", said(a))]
    busy = [a for a in asked if "videos in progress" in said(a)]
    full = [a for a in asked if "This server has made 5 of its 5 videos today" in said(a)]
    assert len(admitted) + len(busy) + len(full) == 40, [said(a) for a in asked]

    rows = await fleet.reader.query("SELECT user_id, guild_id, status FROM jobs")
    by_user = {u.id: sum(1 for r in rows if r[0] == u.id) for u in roamers}
    by_guild = {g.id: sum(1 for r in rows if r[1] == g.id) for g in crowd_guilds}
    told_user = {u.id: sum(1 for a in admitted if a.user is u) for u in roamers}
    told_guild = {g.id: sum(1 for a in admitted if a.guild is g) for g in crowd_guilds}
    assert by_user == dict.fromkeys(by_user, 3), f"per-user limit 3 over three processes: {by_user}"
    assert by_guild == dict.fromkeys(by_guild, 5), f"guild limit 5: {by_guild}"
    assert told_user == by_user and told_guild == by_guild, "members were told what the store holds"
    assert len(rows) == len(admitted) == 2 * 3 + 3 * 5
    assert len(busy) == 2 * 6 - 2 * 3 and len(full) == 28 - 3 * 5
    assert {r[2] for r in rows} <= {"accepted", "submitting", "submitted", "running"}
    assert len(fa.submits) <= len(rows)
    codes = await fleet.stop_all()
    assert set(codes.values()) == {0}


async def test_settled_costs_never_exceed_the_daily_budget_over_three_processes(
    make_fleet: Callable[..., Fleet], fake_discord: FakeDiscord, fake_api: FakeApiMart
) -> None:
    fa = fake_api
    budget, reserve = 40.0, 8.8
    fleet = make_fleet(
        env={
            "USER_DAILY_LIMIT": "0",
            "USER_CONCURRENT_LIMIT": "0",
            "GUILD_DAILY_LIMIT": "0",
            "MAX_CONCURRENT_JOBS": "100",
            "DAILY_CREDIT_BUDGET": f"{budget:g}",
            "CREDITS_PER_JOB": f"{reserve:g}",
        },
        members_per_guild=4,
    )
    costs = itertools.cycle([2.2, 4.4, 8.8, 3.3, 6.6, 1.1])  # each clip's real price, at most the reserve
    fa.queue_timeline(
        *(dataclasses.replace(Timeline.quick(finish_at=0.4), credits_cost=next(costs)) for _ in range(80))
    )
    await fleet.start_all()
    members = Members(fleet, "budget")

    # What the store holds against the budget (reserved + settled), watched all along.
    spent_sql = "SELECT COALESCE(SUM(credits), 0) FROM jobs"
    seen: list[float] = []
    stop = asyncio.Event()

    async def watch() -> None:
        while not stop.is_set():  # a monitor: a sample whenever the bot talks to Discord, at least 5/s
            seen.append(float((await fleet.reader.query(spent_sql))[0][0]))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 0.2)

    watcher = asyncio.create_task(watch())
    refused_waves = 0
    try:
        for _ in range(12):
            wave = await asyncio.gather(*(members.ask(1) for _ in range(6)))
            jobs = [j for batch in wave for j in batch]
            await fleet.settle(timeout=30)
            texts = [j.interaction.original.text for j in jobs if j.interaction.original is not None]
            assert len(texts) == len(jobs)
            if not any("on its way" in t for t in texts):
                refused_waves += 1
                if refused_waves == 2:
                    break
    finally:
        stop.set()
        await watcher
    codes = await fleet.stop_all()
    assert set(codes.values()) == {0}

    rows = await fleet.reader.query("SELECT status, credits, credits_cost FROM jobs")
    settled_credits = sum(float(r[1]) for r in rows)
    refusals = [
        j for j in fleet.issued if j.interaction.original and "credits today" in j.interaction.original.text
    ]
    assert rows and all(r[0] == "delivered" for r in rows), rows
    assert all(abs(float(r[1]) - float(r[2])) < 1e-9 for r in rows), "each job settled to its real cost"
    assert settled_credits <= budget + 1e-9, f"settled {settled_credits} > budget {budget}"
    assert max(seen) <= budget + 1e-9, f"reserved + settled reached {max(seen)} > {budget}"
    assert len(rows) > budget // reserve, "settling to the real cost freed budget for more jobs"
    assert settled_credits > budget - reserve, f"the budget bound: {settled_credits} of {budget} spent"
    assert refusals, "members were told the budget is spent"
    assert len(fa.submits) == len(rows)
