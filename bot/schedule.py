"""When to poll a task next: plain arithmetic on what the API told us. No I/O, no clock of its own.

The idea: predict when the task will finish, stay sparse while the finish is far away, and cluster polls
around the prediction. `estimated_time` and `progress` are hints that may lie (progress can stall, jump
or go backwards), so the prediction blends them with what similar jobs actually took, and once a job is
overdue the planner polls steadily instead of trusting the hints any further.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_PRIOR_SECONDS = 90.0


@dataclass(frozen=True)
class PollPlan:
    delay: float
    predicted_finish: float  # absolute time (same clock as `now`)


def prior_duration(recent: Sequence[float]) -> float:
    """A typical duration from recent finished jobs (median), or a default when there is no history."""
    return float(statistics.median(recent)) if recent else DEFAULT_PRIOR_SECONDS


def predict_finish(
    *,
    now: float,
    submitted_at: float,
    estimated_time: float | None,
    progress_log: Sequence[tuple[float, int]],
    prior: float,
) -> float:
    """Absolute time the task is expected to finish."""
    estimate = estimated_time if estimated_time and estimated_time > 0 else prior
    finish = submitted_at + estimate
    # Progress rate over the observed window, when progress really moved forward.
    points = [(t, p) for t, p in progress_log if 0 < p < 100]
    if len(points) >= 2:
        (t0, p0), (t1, p1) = points[0], points[-1]
        if p1 > p0 and t1 > t0:
            rate = (p1 - p0) / (t1 - t0)  # percent per second
            by_rate = t1 + (100 - p1) / rate
            # Trust the measured rate more as more progress has been seen.
            weight = min(0.8, p1 / 100)
            finish = weight * by_rate + (1 - weight) * finish
    elif points:
        t1, p1 = points[-1]
        elapsed = t1 - submitted_at
        if p1 >= 10 and elapsed > 0:
            by_single = submitted_at + elapsed * 100 / p1
            finish = 0.5 * by_single + 0.5 * finish
    return finish


def plan_next_poll(
    *,
    now: float,
    submitted_at: float,
    estimated_time: float | None,
    progress_log: Sequence[tuple[float, int]],
    prior: float,
    min_interval: float,
    max_interval: float,
    rng: random.Random | None = None,
) -> PollPlan:
    """The delay until the next status poll of a running task."""
    finish = predict_finish(
        now=now,
        submitted_at=submitted_at,
        estimated_time=estimated_time,
        progress_log=progress_log,
        prior=prior,
    )
    remaining = finish - now
    if remaining > 0:
        # Halve the remaining time: sparse early, dense near the predicted finish.
        delay = remaining / 2
    else:
        # Overdue: the hints were wrong. Poll steadily, a little less often the longer it overruns.
        overdue = -remaining
        delay = min_interval + overdue * 0.1
    delay = max(min_interval, min(max_interval, delay))
    if rng is not None:
        delay *= rng.uniform(0.95, 1.05)  # de-synchronise jobs submitted together
    return PollPlan(delay=max(min_interval, delay), predicted_finish=finish)


def backoff_delay(attempt: int, *, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter for retrying after an error (attempt starts at 1)."""
    ceiling = min(cap, base * (2.0 ** max(0, attempt - 1)))
    if rng is None:
        return ceiling
    return max(base, rng.uniform(ceiling / 2, ceiling))
