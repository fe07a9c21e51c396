"""Synthetic generation jobs with realistic spreads, from a seeded RNG (the same jobs for every policy).

A job has a true duration (20 s - 10 min, log-uniform), an `estimated_time` off by up to ±50 %, a short
queue (pending, progress 0) and a progress curve that is either *smooth* (monotone but not linear) or
*lumpy* (stalls, then jumps; sometimes steps back; some sit at 9x long before the end; a few never
report progress at all). Everything is a function of the time since submit, so the same job can be
replayed in simulated time or scripted into the fake API as a `Timeline`.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

MIN_DURATION = 20.0
MAX_DURATION = 600.0


@dataclass(frozen=True)
class SynthJob:
    index: int
    duration: float  # seconds from submit to "completed"
    estimated_time: int  # what the API reports (whole seconds)
    kind: str  # "smooth" | "lumpy" | "sits99" | "silent"
    # (time since submit, progress) change points; progress holds until the next point.
    steps: tuple[tuple[float, int], ...] = field(repr=False)

    def progress_at(self, elapsed: float) -> int:
        value = 0
        for at, progress in self.steps:
            if at > elapsed:
                break
            value = progress
        return value

    def status_at(self, elapsed: float) -> str:
        if elapsed >= self.duration:
            return "completed"
        return "processing" if self.progress_at(elapsed) > 0 or elapsed >= self.steps[0][0] else "pending"


def make_jobs(count: int = 500, *, seed: int = 2024) -> list[SynthJob]:
    rng = random.Random(seed)
    jobs = []
    for i in range(count):
        duration = math.exp(rng.uniform(math.log(MIN_DURATION), math.log(MAX_DURATION)))
        # ±50 % off the truth, in either direction; the API reports whole seconds.
        estimated = max(1, round(duration * rng.uniform(0.5, 1.5)))
        queue = duration * rng.uniform(0.0, 0.12)
        if i % 2 == 0:
            kind, steps = "smooth", _smooth(rng, duration, queue)
        else:
            roll = rng.random()
            if roll < 0.1:
                kind, steps = "silent", ((queue, 0),)
            elif roll < 0.3:
                kind, steps = "sits99", _sits(rng, duration, queue)
            else:
                kind, steps = "lumpy", _lumpy(rng, duration, queue)
        jobs.append(SynthJob(i, duration, estimated, kind, steps))
    return jobs


def _smooth(rng: random.Random, duration: float, queue: float) -> tuple[tuple[float, int], ...]:
    """Monotone, updated about once a second, but curved: fast-then-slow or slow-then-fast."""
    gamma = rng.uniform(0.7, 1.4)
    span = duration - queue
    steps: list[tuple[float, int]] = [(queue, 1)]
    t = queue
    while True:
        t += rng.uniform(0.5, 1.5)
        if t >= duration:
            break
        p = min(99, max(1, int(100 * ((t - queue) / span) ** gamma)))
        if p != steps[-1][1]:
            steps.append((t, p))
    return tuple(steps)


def _lumpy(rng: random.Random, duration: float, queue: float) -> tuple[tuple[float, int], ...]:
    """Long stalls, then jumps to roughly the true fraction (noisy); one step in ten goes backwards."""
    span = duration - queue
    steps: list[tuple[float, int]] = [(queue, rng.choice((1, 5, 10)))]
    t = queue
    while True:
        t += span * rng.uniform(0.08, 0.3)
        if t >= duration:
            break
        truth = 100 * (t - queue) / span
        p = steps[-1][1] - rng.randint(1, 10) if rng.random() < 0.1 else int(truth + rng.gauss(0, 6))
        steps.append((t, min(99, max(1, p))))
    return tuple(steps)


def _sits(rng: random.Random, duration: float, queue: float) -> tuple[tuple[float, int], ...]:
    """Progress jumps to 9x well before the end and sits there (the "1, 91, 100" pattern seen live)."""
    span = duration - queue
    jump = queue + span * rng.uniform(0.3, 0.7)
    return ((queue, 1), (jump, rng.randint(90, 99)))


def describe(jobs: list[SynthJob]) -> str:
    kinds: dict[str, int] = {}
    for job in jobs:
        kinds[job.kind] = kinds.get(job.kind, 0) + 1
    mean = sum(j.duration for j in jobs) / len(jobs)
    parts = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    return f"{len(jobs)} jobs, duration 20-600 s log-uniform (mean {mean:.0f} s), estimate ±50 %; {parts}"
