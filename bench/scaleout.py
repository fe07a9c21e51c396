"""Scale-out: one request budget, shared — 1 bot process on SQLite, 1 on PostgreSQL, 3 on one PostgreSQL.

The same jobs in each run: `JOBS` /video commands at once from members of three guilds (one per shard of
3), each clip taking `FINISH_S` at the fake API, with `API_RATE_PER_MINUTE` low enough to bind. Measured:
jobs delivered per minute (all of them, from the first command to the last clip posted), API requests
(submit, status, upload, balance: what the gate spends) as the fake API counted them, both per minute
over the run and the most in any 60 s (the budget's own window; it must stay within the budget), the
delivery delay (the task finished at the fake API → its clip posted in the channel), and each process's
peak resident memory.

The PostgreSQL runs need a server: `BENCH_DATABASE_URL` (or `TEST_DATABASE_URL`), e.g. the one
`scripts/postgres-for-tests` starts; each run works in a fresh schema, dropped afterwards. Without one,
only the SQLite row is measured.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from bench.common import BotProcess, Fakes, RssSampler, bot_env, workdir
from bench.stats import percentile
from tests.fakes.fake_apimart import Timeline
from tests.fakes.fake_discord import FakeGuild, FakeUser

RATE = 120  # API_RATE_PER_MINUTE for every run: the budget binds (each run lasts over a minute)
JOBS = 72
FINISH_S = 4.0
SHARDS = 3
GATED = ("submit", "status", "upload", "balance")


@dataclass(frozen=True)
class ScaleResult:
    name: str
    processes: int
    jobs: int
    delivered: int
    seconds: float
    jobs_per_min: float
    req_per_min: float
    req_max_60s: int
    delay_p50: float
    delay_p95: float
    rss_mb: list[float]


def database_url() -> str:
    return (os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL") or "").strip()


def _with_schema(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}search_path={schema}"


async def _drop_schema(url: str, schema: str) -> None:
    import asyncpg  # the bot's own PostgreSQL driver

    conn = await asyncpg.connect(url)
    try:
        await conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    finally:
        await conn.close()


def _max_in_window(times: list[float], window: float = 60.0) -> int:
    times = sorted(times)
    best, lo = 0, 0
    for hi, t in enumerate(times):
        while t - times[lo] >= window:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


async def run(name: str, *, processes: int, postgres_url: str = "", jobs: int = JOBS) -> ScaleResult:
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    url = _with_schema(postgres_url, schema) if postgres_url else ""
    try:
        async with Fakes.running() as fakes:
            with workdir("scaleout") as tmp:
                return await _run(name, fakes, tmp, processes=processes, url=url, jobs=jobs)
    finally:
        if postgres_url:
            with contextlib.suppress(Exception):
                await _drop_schema(postgres_url, schema)


async def _run(name: str, fakes: Fakes, tmp: Path, *, processes: int, url: str, jobs: int) -> ScaleResult:
    fd, fa = fakes.discord, fakes.api
    guilds: list[FakeGuild] = [fd.add_guild(f"shard {s}", shard=(s, SHARDS)) for s in range(SHARDS)]
    users: list[tuple[FakeUser, FakeGuild]] = []
    for i in range(jobs):
        guild = guilds[i % SHARDS]
        users.append((fd.add_user(f"member{i}", guild=guild), guild))
    settings: dict[str, object] = {
        "API_RATE_PER_MINUTE": RATE,
        "POLL_FIRST_DELAY": 2,
        "POLL_MIN_INTERVAL": 1,
        "POLL_MAX_INTERVAL": 10,
        "LOG_LEVEL": "WARNING",
    }
    if url:
        settings["DATABASE_URL"] = url
    if processes > 1:
        settings["SHARD_COUNT"] = SHARDS
    bots: list[BotProcess] = []
    for p in range(processes):
        env = bot_env(fakes, tmp / "data" / "bot.sqlite3", **settings)
        env.pop("DEV_GUILD_ID", None)  # global commands: /video in every guild
        if processes > 1:
            env["SHARD_IDS"] = ",".join(str(s) for s in range(SHARDS) if s % processes == p)
        (tmp / f"p{p}").mkdir()
        bots.append(BotProcess(env, tmp / f"p{p}"))
    samplers = [RssSampler(b, interval=0.2) for b in bots]
    try:
        for i, bot in enumerate(bots):  # shard 0's process first: it syncs the commands
            await bot.start()
            await bot.wait_ready(fakes)
            if i == 0:
                await fd.wait_until(lambda: bool(fd.command_syncs), timeout=30)
        await fd.wait_until(lambda: all(fd.gateway.ready_for(g.id) for g in guilds), timeout=30)
        for s in samplers:
            s.start()
        clip = Timeline.quick(finish_at=FINISH_S, estimated_time=int(FINISH_S))
        fa.queue_timeline(*(clip for _ in range(jobs)))
        t0 = time.time()
        await asyncio.gather(
            *(
                fd.slash(user, "video", {"prompt": f"scale clip #{i}#"}, channel=guild.channels[0])
                for i, (user, guild) in enumerate(users)
            )
        )

        def posted() -> dict[int, float]:
            """job index -> when its clip reached the channel."""
            out: dict[int, float] = {}
            for m in fd.messages.values():
                if m.author.id != fd.bot_user.id or not m.attachments:
                    continue
                for i in range(jobs):
                    if f"#{i}#" in m.text:
                        out[i] = m.edit_times[-1] if m.edit_times else m.created_at
            return out

        with contextlib.suppress(TimeoutError):
            await fd.wait_until(lambda: len(posted()) >= jobs, timeout=240)
    finally:
        for s in samplers:
            await s.stop()
        for bot in bots:
            await bot.stop()
    clips = posted()
    end = max(clips.values()) if clips else time.time()
    seconds = end - t0
    gated = [r.time for r in fa.requests if r.route in GATED and t0 <= r.time <= end]
    delays: list[float] = []
    for task in fa.tasks.values():
        prompt = str(task.body.get("prompt"))
        index = int(prompt.split("#")[1]) if "#" in prompt else -1
        if index in clips:
            delays.append(clips[index] - (task.created + task.timeline.finish_at))
    return ScaleResult(
        name=name,
        processes=processes,
        jobs=jobs,
        delivered=len(clips),
        seconds=seconds,
        jobs_per_min=len(clips) / seconds * 60 if seconds > 0 else float("nan"),
        req_per_min=len(gated) / seconds * 60 if seconds > 0 else float("nan"),
        req_max_60s=_max_in_window(gated),
        delay_p50=percentile(delays, 50),
        delay_p95=percentile(delays, 95),
        rss_mb=[s.peak for s in samplers],
    )


async def run_all(quick: bool) -> list[ScaleResult]:
    jobs = 15 if quick else JOBS
    results = [await run("1 process, SQLite", processes=1, jobs=jobs)]
    url = database_url()
    if url:
        results.append(await run("1 process, PostgreSQL", processes=1, postgres_url=url, jobs=jobs))
        results.append(await run("3 processes, one PostgreSQL", processes=3, postgres_url=url, jobs=jobs))
    return results
