"""Restart: a process started on a database with 1,000 jobs in flight, all of them due.

Measured from the spawn of the process: when it is on the gateway, when the first and the last of the
1,000 jobs got their first status poll, and whether any job was polled a second time before every job
had been polled once (it should not: the due queue is ordered by due time).
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass

from bench.common import BotProcess, Fakes, bot_env, create_tasks, prefill_running, status_polls, workdir
from bench.load import long_timeline

JOBS = 1000


@dataclass(frozen=True)
class RestartResult:
    name: str
    jobs: int
    rate_per_minute: float
    ready_s: float
    first_poll_s: float
    all_polled_s: float  # NaN when the run stopped before every job was polled
    polled: int
    repeats_before_all: int
    polls_per_s: float


async def run(name: str, *, rate_per_minute: float, limit_s: float = 60.0, jobs: int = JOBS) -> RestartResult:
    rng = random.Random(4)
    async with Fakes.running() as fakes:
        with workdir("restart") as tmp:
            durations = [rng.uniform(600, 1500) for _ in range(jobs)]
            ages = [rng.uniform(0, 300) for _ in range(jobs)]
            ids = await create_tasks(fakes, [long_timeline(rng, d) for d in durations], ages=ages)
            users = [fakes.discord.add_user(f"user{i}") for i in range(50)]
            now = time.time()
            await prefill_running(
                tmp / "bot.sqlite3",
                fakes,
                ids,
                submitted_at=[now - a for a in ages],
                next_poll_at=[now - rng.uniform(1, 120) for _ in ids],  # all overdue: the process was down
                users=users,
            )
            env = bot_env(
                fakes, tmp / "bot.sqlite3", API_RATE_PER_MINUTE=rate_per_minute, LOG_LEVEL="WARNING"
            )
            bot = BotProcess(env, tmp)
            await bot.start()
            try:
                ready = await bot.wait_ready(fakes)
                deadline = bot.spawned_at + limit_s
                # The fake API has no change notification: look at its request log every 50 ms.
                while time.time() < deadline and len(status_polls(fakes)) < jobs:  # noqa: ASYNC110
                    await asyncio.sleep(0.05)
                stop_at = time.time()
            finally:
                await bot.stop()
    polls = status_polls(fakes)
    firsts = sorted(times[0] for times in polls.values())
    all_polled = firsts[-1] if len(polls) == jobs else float("nan")
    cutoff = all_polled if len(polls) == jobs else stop_at
    repeats = sum(1 for times in polls.values() if len(times) > 1 and times[1] < cutoff)
    spawn = bot.spawned_at
    window = (firsts[-1] - firsts[0]) if len(firsts) > 1 else float("nan")
    return RestartResult(
        name=name,
        jobs=jobs,
        rate_per_minute=rate_per_minute,
        ready_s=ready,
        first_poll_s=firsts[0] - spawn if firsts else float("nan"),
        all_polled_s=all_polled - spawn,
        polled=len(polls),
        repeats_before_all=repeats,
        polls_per_s=(len(firsts) - 1) / window if window and window > 0 else float("nan"),
    )
