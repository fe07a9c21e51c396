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
from collections.abc import Callable
from dataclasses import dataclass, field

MIN_DURATION = 20.0
MAX_DURATION = 600.0


@dataclass(frozen=True)
class SynthJob:
    index: int
    duration: float  # seconds from submit to "completed"
    estimated_time: int  # what the API reports (whole seconds)
    kind: str  # "smooth" | "lumpy" | "sits99" | "silent" | "jumpy" | "racing"
    # (time since submit, progress) change points; progress holds until the next point.
    steps: tuple[tuple[float, int], ...] = field(repr=False)
    job_kind: str = "text"  # bot.jobs.learning.KINDS: what the planner learns durations by
    variant: str = ""  # which workload variant made it (make_variant)

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
    return _curved(duration, queue, gamma, lambda: rng.uniform(0.5, 1.5))


def _curved(
    duration: float, queue: float, gamma: float, gap: Callable[[], float]
) -> tuple[tuple[float, int], ...]:
    """Progress (t - queue) / span raised to `gamma`, read every `gap()` seconds, each change a step."""
    span = duration - queue
    steps: list[tuple[float, int]] = [(queue, 1)]
    t = queue
    while True:
        t += gap()
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


# ---- planner v2's workload model: variants that each break a different hint ------------------------------
# Independent of the generator above (which planner v1 was tuned on): a wider curve for smooth progress,
# jumpy progress that ends in a stall at 90-99 %, and estimates biased either way.

VARIANTS = ("as described", "estimate low", "estimate high", "no progress", "jumpy", "fast")
VARIANT_NOTES = (
    "as described: 20-600 s log-uniform, estimate = duration × U(0.5, 1.5), half smooth curved progress, "
    "half jumpy progress ending in a stall at 90-99 %",
    "estimate low / high: the same with estimate = duration × U(0.3, 0.9) / × U(1.2, 2.5)",
    "no progress: progress stays 0 until done",
    "jumpy: every job jumpy (noisy jumps, 1 in 8 backwards, stalls, then 90-99 % until done)",
    "fast: 5-120 s log-uniform while the estimate says 240-600 s, progress racing (steady, every 0.5-3 s)",
    "mix: each of the six variants in equal shares (1/6), drawn at random and interleaved",
)
JOB_KINDS = ("text", "images", "video", "extend")
# Issue 11 asks for "a mix of them": no production share of each failure mode is known, so each variant
# weighs the same (a 50 % "as described" share would flatter the planner on its easiest variants).
MIX_WEIGHTS = {v: 1.0 for v in VARIANTS}


def make_variant(variant: str, count: int = 1000, *, seed: int = 0) -> list[SynthJob]:
    """`count` jobs of one variant (or "mix": an equal share of each, interleaved), from `seed`."""
    if variant == "mix":
        # Each variant in an equal share (MIX_WEIGHTS), drawn at random and interleaved.
        rng = random.Random(f"mix:{seed}")
        pools = {v: make_variant(v, count, seed=seed + 1000) for v in VARIANTS}
        picks = rng.choices(VARIANTS, weights=[MIX_WEIGHTS[v] for v in VARIANTS], k=count)
        mixed = [pools[v][i] for i, v in enumerate(picks)]
        return [
            SynthJob(i, j.duration, j.estimated_time, j.kind, j.steps, j.job_kind, j.variant)
            for i, j in enumerate(mixed)
        ]
    rng = random.Random(f"{variant}:{seed}")
    jobs = []
    for i in range(count):
        if variant == "fast":
            # Done in seconds to a couple of minutes, while the API says 4-10 minutes; progress races.
            duration = math.exp(rng.uniform(math.log(5.0), math.log(120.0)))
            estimated = rng.randint(240, 600)
        else:
            duration = math.exp(rng.uniform(math.log(MIN_DURATION), math.log(MAX_DURATION)))
            low, high = {"estimate low": (0.3, 0.9), "estimate high": (1.2, 2.5)}.get(variant, (0.5, 1.5))
            estimated = max(1, round(duration * rng.uniform(low, high)))
        queue = duration * rng.uniform(0.0, 0.1)
        steps: tuple[tuple[float, int], ...]
        if variant == "no progress":
            kind, steps = "silent", ((queue, 0),)
        elif variant == "fast":
            kind, steps = "racing", _curve(rng, duration, queue)
        elif variant == "jumpy" or i % 2 == 1:
            kind, steps = "jumpy", _jumpy(rng, duration, queue)
        else:
            kind, steps = "smooth", _curve(rng, duration, queue)
        jobs.append(SynthJob(i, duration, estimated, kind, steps, rng.choice(JOB_KINDS), variant))
    return jobs


def _curve(rng: random.Random, duration: float, queue: float) -> tuple[tuple[float, int], ...]:
    """Monotone, updated every 0.5-3 s, curved either way (fast-then-slow or slow-then-fast)."""
    gamma = math.exp(rng.uniform(math.log(0.6), math.log(1.6)))
    every = rng.uniform(0.5, 3.0)
    return _curved(duration, queue, gamma, lambda: every * rng.uniform(0.7, 1.3))


def _jumpy(rng: random.Random, duration: float, queue: float) -> tuple[tuple[float, int], ...]:
    """Jumps near the true fraction (noisy, one in eight backwards) with stalls between, then a last jump
    to 90-99 % somewhere in the last 40 % of the run, where it sits until the end."""
    span = duration - queue
    sit = queue + span * rng.uniform(0.6, 0.97)
    steps: list[tuple[float, int]] = [(queue, rng.choice((1, 2, 5)))]
    t = queue
    while True:
        t += span * rng.uniform(0.04, 0.2)
        if t >= sit:
            break
        truth = 100 * (t - queue) / span
        p = steps[-1][1] - rng.randint(1, 8) if rng.random() < 0.125 else int(truth + rng.gauss(0, 8))
        steps.append((t, min(89, max(1, p))))
    steps.append((sit, rng.randint(90, 99)))
    return tuple(steps)
