"""When to poll a task next: plain arithmetic on what the API told us. No I/O, no clock of its own.

The delay a user sees is the gap between two polls around the moment the task really finishes; the
cost is the number of polls. So the planner predicts the finish and makes the gap a fixed fraction of
the time still expected (`NEAR_FRACTION`): sparse while the finish is far, tightening geometrically
toward it, down to `min_interval`. Why a *fraction*: once progress is seen, the error of a prediction
of the remaining time shrinks with the remaining time, so a gap proportional to it keeps the chance of
overshooting the real finish roughly constant while costing only O(log(duration)) polls.

What the prediction is made of, each a hint that may lie:
- `estimated_time` (the API's guess; seen off by ±50 %), or the median of recent actual durations;
- progress, read robustly: the highest value seen (a step back is noise, not news), the rate over the
  observed window when it moves consistently, and a stall (no new high across polls) which slows the
  measured rate, so a stalled job is polled less often;
- once the prediction is overdue, the hints were wrong: poll at a steady short interval that widens
  only slowly with the overrun, so a job whose progress lies still finishes with a bounded delay.

With push (`push_enabled`), a callback triggers the real poll; polls here are only a safety net for a
lost callback: first well after the predicted finish, then every `max_interval`.
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_PRIOR_SECONDS = 90.0
# Gap = this fraction of the predicted remaining time (while the finish is ahead).
NEAR_FRACTION = 0.3
# Past the predicted finish: gap = min_interval + OVERDUE_SLOPE × overrun, at most OVERDUE_CAP × min_interval.
OVERDUE_SLOPE = 0.02
OVERDUE_CAP = 2.0
# A stalled job (no new progress high for a while) is polled at least every STALL_SLOPE × stall length.
STALL_SLOPE = 0.08
# How far early a task may finish relative to an estimate-only prediction (estimates seen ±50 % off).
ESTIMATE_EARLY = 0.6
# Push mode: the first safety-net poll comes at this multiple of the predicted duration.
PUSH_SAFETY_FACTOR = 2.0
PUSH_MAX_GAP_FACTOR = 4.0  # × max_interval, the sparsest a safety net gets


@dataclass(frozen=True)
class PollPlan:
    delay: float
    predicted_finish: float  # absolute time (same clock as `now`)


@dataclass(frozen=True)
class ProgressRead:
    """What the progress log says, read defensively."""

    finish: float | None  # absolute predicted finish from progress alone, if it says anything
    trust: float  # 0..1, how much to believe `finish` over the estimate
    stalled_for: float  # seconds since progress last reached a new high (0 when it just moved)


def prior_duration(recent: Sequence[float]) -> float:
    """A typical duration from recent finished jobs (median), or a default when there is no history."""
    return float(statistics.median(recent)) if recent else DEFAULT_PRIOR_SECONDS


def read_progress(
    progress_log: Sequence[tuple[float, int]], *, now: float, submitted_at: float
) -> ProgressRead:
    """Predict the finish from (time, progress) observations; tolerant of stalls, jumps and steps back."""
    points = [(t, p) for t, p in progress_log if 0 < p < 100 and t >= submitted_at]
    if not points:
        return ProgressRead(None, 0.0, 0.0)
    high = max(p for _, p in points)
    first_high = min(t for t, p in points if p == high)
    last = points[-1][0]
    stalled_for = max(0.0, now - first_high) if len(points) > 1 and last > first_high else 0.0
    t0, p0 = points[0]
    if high > p0 and first_high > t0:
        # Rate up to the moment the current high was first seen: later polls that saw the same value
        # say the reporting is lumpy (or the job stalls), which the stall rule below handles.
        rate = (high - p0) / (first_high - t0)
        finish = first_high + (100 - high) / rate
        trust = _rate_trust(points, high)
    elif high >= 5:
        # One level only: assume progress is proportional to the time since submit, queue included.
        finish = submitted_at + (max(last, first_high) - submitted_at) * 100 / high
        trust = 0.35 * high / 100
    else:
        return ProgressRead(None, 0.0, stalled_for)
    return ProgressRead(finish, trust, stalled_for)


def _rate_trust(points: Sequence[tuple[float, int]], high: int) -> float:
    """More progress seen and a steadier rate → more trust. A step back costs trust."""
    rates = []
    went_back = False
    for (ta, pa), (tb, pb) in zip(points, points[1:], strict=False):
        if pb < pa:
            went_back = True
        if tb > ta:
            rates.append(max(0, pb - pa) / (tb - ta))
    trust = 0.4 + 0.5 * high / 100
    moving = [r for r in rates if r > 0]
    if len(moving) >= 2:
        spread = max(moving) / min(moving)
        if spread > 4:
            trust -= 0.2
    if len(moving) < len(rates):  # some polls saw no movement: lumpy progress
        trust -= 0.15
    if went_back:
        trust -= 0.2
    return min(0.9, max(0.1, trust))


def predict_finish(
    *,
    now: float,
    submitted_at: float,
    estimated_time: float | None,
    progress_log: Sequence[tuple[float, int]],
    prior: float,
) -> float:
    """Absolute time the task is expected to finish (blend of the estimate and the progress)."""
    return _predict(now, submitted_at, estimated_time, progress_log, prior)[0]


def _predict(
    now: float,
    submitted_at: float,
    estimated_time: float | None,
    progress_log: Sequence[tuple[float, int]],
    prior: float,
) -> tuple[float, ProgressRead, float]:
    estimate = estimated_time if estimated_time and estimated_time > 0 else prior
    by_estimate = submitted_at + estimate
    read = read_progress(progress_log, now=now, submitted_at=submitted_at)
    if read.finish is None:
        return by_estimate, read, estimate
    trust = read.trust
    if by_estimate <= now:
        trust = max(trust, 0.8)  # the estimate has already been proven wrong
    elif read.finish <= now:
        trust = min(trust, 0.2)  # progress promised a finish that did not come: lean on the estimate
    # Blend durations on a log scale: errors are multiplicative (±50 %), not additive.
    d_est = max(1e-3, by_estimate - submitted_at)
    d_prog = max(1e-3, read.finish - submitted_at)
    duration = math.exp(trust * math.log(d_prog) + (1 - trust) * math.log(d_est))
    return submitted_at + duration, read, estimate


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
    push_enabled: bool = False,
) -> PollPlan:
    """The delay until the next status poll of a running task."""
    finish, read, estimate = _predict(now, submitted_at, estimated_time, progress_log, prior)
    if push_enabled:
        delay = _push_delay(now, submitted_at, finish, min_interval, max_interval)
    else:
        delay = _poll_delay(now, submitted_at, finish, read, estimate, min_interval, max_interval)
    if rng is not None:
        delay *= rng.uniform(0.97, 1.03)  # de-synchronise jobs submitted together
    return PollPlan(delay=max(min_interval, delay), predicted_finish=finish)


def _poll_delay(
    now: float,
    submitted_at: float,
    finish: float,
    read: ProgressRead,
    estimate: float,
    min_interval: float,
    max_interval: float,
) -> float:
    remaining = finish - now
    if read.finish is None:
        # Estimate only: the task may finish well before the estimate, so aim at the early side.
        remaining = (
            min(remaining, submitted_at + ESTIMATE_EARLY * estimate - now) if remaining > 0 else remaining
        )
    if remaining > 0:
        delay = NEAR_FRACTION * remaining
    else:
        overrun = -remaining
        delay = min(min_interval + OVERDUE_SLOPE * overrun, OVERDUE_CAP * min_interval)
    if read.stalled_for > 0 and remaining > 0:
        delay = max(delay, STALL_SLOPE * read.stalled_for)
    return max(min_interval, min(max_interval, delay))


def _push_delay(
    now: float, submitted_at: float, finish: float, min_interval: float, max_interval: float
) -> float:
    """A callback will wake us: poll only late enough that a working callback has made it unnecessary."""
    safety = submitted_at + PUSH_SAFETY_FACTOR * max(min_interval, finish - submitted_at)
    delay = safety - now if safety > now else max_interval
    return max(min_interval, min(PUSH_MAX_GAP_FACTOR * max_interval, delay))


def plan_first_poll(
    *, prior: float, first_delay: float, min_interval: float, max_interval: float, push_enabled: bool = False
) -> float:
    """Delay from submit to the first status poll.

    Polling: one early look learns the API's `estimated_time`, then `plan_next_poll` takes over.
    Push: the callback should come first; the first safety-net poll waits for a long typical job.
    """
    if push_enabled:
        return max(min_interval, min(PUSH_MAX_GAP_FACTOR * max_interval, PUSH_SAFETY_FACTOR * prior))
    return max(min_interval, min(first_delay, prior / 4))


def backoff_delay(attempt: int, *, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter for retrying after an error (attempt starts at 1)."""
    ceiling = min(cap, base * (2.0 ** max(0, attempt - 1)))
    if rng is None:
        return ceiling
    return max(base, rng.uniform(ceiling / 2, ceiling))
