"""Poll efficiency in real time, through the real bot and the fakes, to confirm the simulation.

The same synthetic jobs, time-scaled by `SCALE` (a 400 s job takes 40 s; poll intervals are scaled
alike), go through `/video` → submit → polls → delivery. For every task the fake API knows when it
really finished and when it was polled; the fake Discord knows when the clip was posted. The simulation
is run on the very same jobs and scale, so the two can be compared row by row.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from dataclasses import dataclass

from bench import pollsim
from bench.common import BotProcess, Fakes, bot_env, status_polls, workdir
from bench.stats import mean, percentile
from bench.workload import SynthJob
from tests.fakes.fake_apimart import Step, Timeline

SCALE = 0.1


@dataclass(frozen=True)
class RealResult:
    name: str
    jobs: int
    delivered: int
    calls: float
    detect_p50: float  # first poll that saw "completed" minus the finish, in unscaled seconds
    detect_p95: float
    overhead_ms: float  # median time from that poll to the clip in the channel (download + post), real
    sim_calls: float
    sim_p50: float
    sim_p95: float


def timeline_of(job: SynthJob, scale: float = SCALE) -> Timeline:
    steps = [Step(0.0, "pending", 0)]
    steps += [Step(at * scale, "processing", p) for at, p in job.steps]
    return Timeline(
        steps=steps,
        outcome="completed",
        finish_at=job.duration * scale,
        # The API reports whole seconds; scaled, that is tenths.
        estimated_time=round(job.estimated_time * scale, 1),  # type: ignore[arg-type]
    )


def pick(jobs: list[SynthJob], count: int, max_duration: float) -> list[SynthJob]:
    return [j for j in jobs if j.duration <= max_duration][:count]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def run_policy(name: str, jobs: list[SynthJob], *, policy: str = "", push: bool = False) -> RealResult:
    iv = pollsim.Intervals(first_delay=5.0 * SCALE, min_interval=2.0 * SCALE, max_interval=60.0 * SCALE)
    async with Fakes.running() as fakes:
        with workdir("poll") as tmp:
            settings: dict[str, object] = {
                "POLL_FIRST_DELAY": iv.first_delay,
                "POLL_MIN_INTERVAL": iv.min_interval,
                "POLL_MAX_INTERVAL": iv.max_interval,
                "POLL_CONCURRENCY": 32,
                "API_RATE_PER_MINUTE": 100_000,  # scaled time: the rate would scale too; keep it out
                "LOG_LEVEL": "WARNING",
            }
            if push:
                port = _free_port()
                settings |= {
                    "WEBHOOK_PUBLIC_URL": f"http://127.0.0.1:{port}",
                    "WEBHOOK_LISTEN_HOST": "127.0.0.1",
                    "WEBHOOK_LISTEN_PORT": port,
                }
            bot = BotProcess(bot_env(fakes, tmp / "bot.sqlite3", **settings), tmp, policy=policy)
            await bot.start()
            try:
                await bot.wait_ready(fakes)
                fakes.api.queue_timeline(*(timeline_of(j) for j in jobs))
                users = [fakes.discord.add_user(f"user{i}") for i in range(len(jobs))]
                await asyncio.gather(
                    *(
                        fakes.discord.slash(user, "video", {"prompt": f"bench clip #{i}#"})
                        for i, user in enumerate(users)
                    )
                )
                timeout = max(j.duration for j in jobs) * SCALE + 30

                def delivered() -> int:
                    return sum(1 for m in fakes.discord.channel.messages if m.attachments)

                with contextlib.suppress(TimeoutError):
                    await fakes.discord.wait_until(lambda: delivered() >= len(jobs), timeout=timeout)
            finally:
                await bot.stop()
            return _measure(name, fakes, jobs, iv, push)


def _measure(name: str, fakes: Fakes, jobs: list[SynthJob], iv: pollsim.Intervals, push: bool) -> RealResult:
    polls = status_polls(fakes)
    posted: dict[str, float] = {}  # prompt -> when the clip reached the channel
    for m in fakes.discord.channel.messages:
        if m.attachments:
            when = m.edit_times[-1] if m.edit_times else m.created_at
            for i in range(len(jobs)):
                if f"#{i}#" in m.text:
                    posted[f"bench clip #{i}#"] = when
    # A push callback travels in real time, not in scaled time: only the polling delays are unscaled.
    unscale = 1.0 if push else 1 / SCALE
    calls: list[float] = []
    detect: list[float] = []
    overhead: list[float] = []
    for task in fakes.api.tasks.values():
        finish = task.created + task.timeline.finish_at
        times = polls.get(task.id, [])
        calls.append(float(len(times)))
        after = [t for t in times if t >= finish]
        if not after:
            continue
        detect.append((after[0] - finish) * unscale)
        prompt = str(task.body.get("prompt"))
        if prompt in posted:
            overhead.append(1000 * (posted[prompt] - after[0]))
    planner: pollsim.Policy = pollsim.OurPlanner(iv=iv, push=push)
    if name.startswith("fixed"):
        planner = pollsim.Fixed(every=5.0 * SCALE)
    sim = pollsim.simulate(planner, jobs, callbacks=pollsim.Callbacks(latency=0.01, lost=0.0), scale=SCALE)
    sim_delays = [o.delay * unscale for o in sim]
    if push and not any(task.webhook for task in fakes.api.tasks.values()):
        name += " (push not wired: no webhook in the submits)"
    return RealResult(
        name=name,
        jobs=len(jobs),
        delivered=len(overhead),
        calls=mean(calls),
        detect_p50=percentile(detect, 50),
        detect_p95=percentile(detect, 95),
        overhead_ms=percentile(overhead, 50),
        sim_calls=mean([float(o.polls) for o in sim]),
        sim_p50=percentile(sim_delays, 50),
        sim_p95=percentile(sim_delays, 95),
    )
