"""Load: 1,000 jobs in flight in one bot process, plus 20 new `/video` a second for a minute.

Measured on the bot process: how long from the fake gateway's dispatch of INTERACTION_CREATE to the
interaction's answer arriving at the fake Discord, event-loop lag (the probe in bench/botproc.py),
resident memory and CPU. The API rate limit is lifted for this run so the bot's own cost shows: the
baseline (fixed 5 s polling of 1,000 jobs) makes ~200 status calls a second, which a 500 RPM key could
never allow; with the limiter at its default the bot would simply queue them.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass

from bench.common import BotProcess, Fakes, RssSampler, bot_env, create_tasks, prefill_running, workdir
from bench.stats import percentile
from tests.fakes.fake_apimart import Step, Timeline

IN_FLIGHT = 1000
RATE = 20  # new /video a second
SECONDS = 60.0
WARM_UP = 5.0


@dataclass(frozen=True)
class LoadResult:
    name: str
    interactions: int
    answered: int
    ack_p50_ms: float
    ack_p99_ms: float
    lag_p99_ms: float
    lag_max_ms: float
    rss_peak_mb: float
    rss_idle_mb: float
    cpu_percent: float
    status_calls_per_s: float


def long_timeline(rng: random.Random, duration: float) -> Timeline:
    """A task that stays in flight for the whole run: smooth progress in 10 % steps."""
    steps = [Step(0.0, "pending", 0)] + [Step(duration * k / 10, "processing", 10 * k) for k in range(1, 10)]
    estimate = max(1, round(duration * rng.uniform(0.5, 1.5)))
    return Timeline(steps=steps, outcome="manual", finish_at=float("inf"), estimated_time=estimate)


async def run(
    name: str, *, policy: str = "", seconds: float = SECONDS, in_flight: int = IN_FLIGHT
) -> LoadResult:
    rng = random.Random(3)
    async with Fakes.running() as fakes:
        with workdir("load") as tmp:
            durations = [rng.uniform(600, 1500) for _ in range(in_flight)]
            ages = [rng.uniform(0, 300) for _ in range(in_flight)]
            ids = await create_tasks(fakes, [long_timeline(rng, d) for d in durations], ages=ages)
            fakes.api.default_timeline = long_timeline(rng, 900)
            users = [fakes.discord.add_user(f"user{i}") for i in range(200)]
            now = time.time()
            await prefill_running(
                tmp / "bot.sqlite3",
                fakes,
                ids,
                submitted_at=[now - a for a in ages],
                next_poll_at=[now + rng.uniform(0, 30) for _ in ids],  # as a previous process planned
                users=users,
            )
            env = bot_env(fakes, tmp / "bot.sqlite3", API_RATE_PER_MINUTE=1_000_000, LOG_LEVEL="WARNING")
            bot = BotProcess(env, tmp, policy=policy)
            await bot.start()
            sampler = RssSampler(bot, interval=0.25)
            try:
                await bot.wait_ready(fakes)
                await asyncio.sleep(WARM_UP)
                idle_rss = bot.rss_mb()
                sampler.start()
                bot.mark()
                cpu0, t0 = bot.cpu_seconds(), time.time()
                interactions = await _fire(fakes, users, seconds)
                await asyncio.sleep(2.0)  # let the last answers arrive
                cpu1, t1 = bot.cpu_seconds(), time.time()
            finally:
                await sampler.stop()
                stats = await bot.stop()
            acks = _ack_latencies(fakes, interactions)
            polls = sum(1 for r in fakes.api.requests if r.route == "status" and t0 <= r.time <= t1)
            return LoadResult(
                name=name,
                interactions=len(interactions),
                answered=len(acks),
                ack_p50_ms=percentile(acks, 50),
                ack_p99_ms=percentile(acks, 99),
                lag_p99_ms=float(stats.get("lag_p99_ms", float("nan"))),
                lag_max_ms=float(stats.get("lag_max_ms", float("nan"))),
                rss_peak_mb=sampler.peak,
                rss_idle_mb=idle_rss,
                cpu_percent=100 * (cpu1 - cpu0) / (t1 - t0),
                status_calls_per_s=polls / (t1 - t0),
            )


async def _fire(fakes: Fakes, users: list, seconds: float) -> list[tuple[int, float]]:  # type: ignore[type-arg]
    """RATE interactions a second on a fixed schedule; returns (interaction id, dispatch time)."""
    sent: list[tuple[int, float]] = []
    tasks: set[asyncio.Task[None]] = set()
    start = time.monotonic()

    async def one(i: int) -> None:
        ia = await fakes.discord.slash(users[i % len(users)], "video", {"prompt": f"load clip {i}"})
        sent.append((ia.id, ia.created))

    for i in range(int(seconds * RATE)):
        delay = start + i / RATE - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        task = asyncio.create_task(one(i))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    await asyncio.gather(*tasks)
    return sent


def _ack_latencies(fakes: Fakes, interactions: list[tuple[int, float]]) -> list[float]:
    """Milliseconds from dispatch to the first answer (the interaction callback) reaching the fake."""
    answered: dict[int, float] = {}
    for r in fakes.discord.requests:
        if r.method == "POST" and r.path.startswith("/interactions/") and r.path.endswith("/callback"):
            iid = int(r.path.split("/")[2])
            answered.setdefault(iid, r.time)
    return [(answered[iid] - created) * 1000 for iid, created in interactions if iid in answered]
