"""Poll efficiency in simulated time: the real planner (bot/jobs/schedule.py) against plain baselines.

Each synthetic job is replayed on its own clock: a poll at time t sees what the API would have said at
t (status, progress, estimated_time), exactly as the worker records it (progress > 0 appended to a log
of the last 8 polls). Delay = time of the first poll that sees "completed" minus the true finish; the
fetch-and-post that follows costs every policy the same and is measured in the real-time run.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bench.stats import mean, percentile
from bench.workload import SynthJob
from bot.jobs import schedule
from bot.jobs.learning import Observation, PlannerMemory, Prior, sightings

PROGRESS_LOG_KEEP = 8  # as bot/worker/poll.py keeps it


@dataclass(frozen=True)
class Intervals:
    """The worker's settings that shape the schedule (defaults of bot/settings.py)."""

    first_delay: float = 5.0
    min_interval: float = 2.0
    max_interval: float = 60.0


class Policy(Protocol):
    name: str
    push: bool

    def first_delay(self, prior: Prior) -> float: ...

    def next_delay(
        self,
        *,
        now: float,
        estimated_time: float | None,
        progress_log: Sequence[tuple[float, int]],
        prior: Prior,
        polls: int,
    ) -> float: ...


@dataclass
class OurPlanner:
    """bot/jobs/schedule.py, called the way bot/worker/poll.py calls it (submitted_at = 0)."""

    iv: Intervals = field(default_factory=Intervals)
    push: bool = False
    seed: int = 7
    name: str = "ours"

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    def first_delay(self, prior: Prior) -> float:
        return schedule.plan_first_poll(
            prior=prior,
            first_delay=self.iv.first_delay,
            min_interval=self.iv.min_interval,
            max_interval=self.iv.max_interval,
            push_enabled=self.push,
        )

    def next_delay(
        self,
        *,
        now: float,
        estimated_time: float | None,
        progress_log: Sequence[tuple[float, int]],
        prior: Prior,
        polls: int,
    ) -> float:
        plan = schedule.plan_next_poll(
            now=now,
            submitted_at=0.0,
            estimated_time=estimated_time,
            progress_log=progress_log,
            prior=prior,
            min_interval=self.iv.min_interval,
            max_interval=self.iv.max_interval,
            rng=self._rng,
            push_enabled=self.push,
        )
        return plan.delay


@dataclass
class Fixed:
    """Poll every `every` seconds (vendor advice: 5-10 s; other bots 0.5-5 s)."""

    every: float = 5.0
    push: bool = False
    name: str = "fixed 5 s"

    def first_delay(self, prior: Prior) -> float:
        return self.every

    def next_delay(
        self,
        *,
        now: float,
        estimated_time: float | None,
        progress_log: Sequence[tuple[float, int]],
        prior: Prior,
        polls: int,
    ) -> float:
        return self.every


@dataclass
class Backoff:
    """First poll after `start`, each gap `factor` times the previous, capped."""

    start: float = 1.0
    factor: float = 1.5
    cap: float = 10.0
    push: bool = False
    name: str = "backoff 1 s×1.5 ≤10 s"

    def first_delay(self, prior: Prior) -> float:
        return self.start

    def next_delay(
        self,
        *,
        now: float,
        estimated_time: float | None,
        progress_log: Sequence[tuple[float, int]],
        prior: Prior,
        polls: int,
    ) -> float:
        return min(self.cap, self.start * self.factor**polls)


@dataclass(frozen=True)
class Outcome:
    job: SynthJob
    polls: int
    delay: float
    poll_times: tuple[float, ...]
    progressed: bool = False  # a poll saw progress > 0 before the finish (what the worker records)
    sightings: tuple[tuple[int, float], ...] = ()  # levels crossed and when (what the worker records)
    readings: tuple[tuple[float, int], ...] = ()  # the progress log at the finish (what the worker records)


@dataclass(frozen=True)
class Callbacks:
    """Push mode: the callback reaches us `latency` s after the finish, or never (probability `lost`)."""

    latency: float = 0.1
    lost: float = 0.01


def simulate(
    policy: Policy,
    jobs: Sequence[SynthJob],
    *,
    callbacks: Callbacks | None = None,
    seed: int = 11,
    scale: float = 1.0,
) -> list[Outcome]:
    """Replay every job under `policy`, in order, learning from each finished job as the worker does
    (from an empty memory: what a fresh database knows). `scale` shrinks job times (real-time run)."""
    rng = random.Random(seed)
    memory = PlannerMemory()
    out = []
    for job in jobs:
        prior = memory.prior(job.job_kind)
        cb = callbacks if policy.push else None
        cb_at = float("inf")
        if cb is not None and rng.random() >= cb.lost:
            cb_at = job.duration * scale + cb.latency
        out.append(_run_one(policy, job, prior, cb_at, scale))
        memory.add(
            Observation(
                job.job_kind,
                job.estimated_time * scale,
                job.duration * scale,
                out[-1].progressed,
                out[-1].sightings,
                out[-1].readings,
            )
        )
    return out


def _run_one(policy: Policy, job: SynthJob, prior: Prior, callback_at: float, scale: float) -> Outcome:
    end = job.duration * scale
    t = policy.first_delay(prior)
    log: list[tuple[float, int]] = []
    estimated: float | None = None
    times: list[float] = []
    while True:
        if callback_at <= t:
            t, callback_at = callback_at, float("inf")  # the callback pokes an immediate poll
        times.append(t)
        if t >= end:
            return Outcome(job, len(times), t - end, tuple(times), bool(log), sightings(log, 0.0), tuple(log))
        log = schedule.record_progress(log, t, job.progress_at(t / scale), keep=PROGRESS_LOG_KEEP)
        estimated = job.estimated_time * scale
        t += policy.next_delay(
            now=t, estimated_time=estimated, progress_log=log, prior=prior, polls=len(times)
        )


@dataclass(frozen=True)
class Summary:
    name: str
    calls: float
    p50: float
    p95: float
    max: float
    polls: tuple[int, ...] = ()  # each job's polls, in order (how the calls fall over the record's age)

    @classmethod
    def of(cls, name: str, outcomes: Sequence[Outcome]) -> Summary:
        delays = [o.delay for o in outcomes]
        return cls(
            name,
            mean([float(o.polls) for o in outcomes]),
            percentile(delays, 50),
            percentile(delays, 95),
            max(delays),
            tuple(o.polls for o in outcomes),
        )

    def row(self) -> list[object]:
        return [self.name, self.calls, self.p50, self.p95, self.max]
