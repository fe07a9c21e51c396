"""When to poll a task next: plain arithmetic on what the API told us. No I/O, no clock of its own.

The delay a user sees is the gap between two polls around the moment the task really finishes; the
cost is the number of polls. So the planner predicts the finish and an *aim*, the early side of that
prediction given how unsure it is, and:
- before the aim, waits a fixed fraction of the time left to it (`NEAR_FRACTION`): sparse while the
  finish is far, tightening geometrically toward it, landing on the aim when it is close. Once progress
  is seen, the error of a prediction of the remaining time shrinks with the remaining time, so a gap
  proportional to it costs O(log(duration)) polls for a roughly constant risk of overshooting;
- past the aim, polls every `min_interval`, widening only slowly with the overrun (at most
  `OVERDUE_CAP` × `min_interval`), so a job whose hints lie still finishes with a bounded delay.

The prediction blends, on a log scale, hints that may each lie:
- `estimated_time` (seen off by ±50 %), or the median of recent actual durations when there is none;
  once passed it only says "any moment now";
- progress, read defensively: the highest value seen (a step back is noise, not news), dated between
  the poll that first saw it and the one before; the rate over the observed window; trust that grows
  with the progress and shrinks when polls see no movement, steps back or erratic rates, and decays
  once the progress-based finish is overdue (the "jumps to 99 and sits" pattern);
- a stall (no new high across polls) delays the progress-based finish by part of its length and sets a
  floor on the gap that grows with the stall and fades near 100 %: a stalled job is polled less often.

With push (`push_enabled`), a callback triggers the real poll; polls here are only a safety net for a
lost callback: first well after the predicted finish, then every `max_interval`.
"""

from __future__ import annotations

import itertools
import math
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_PRIOR_SECONDS = 90.0
# The constants below were tuned with `python -m bench` (simulated 20 s - 10 min jobs, estimates ±50 %,
# smooth and lumpy progress) and checked on other seeds; see the README's benchmark section.
# Before the aim: gap = this fraction of the time left to it.
NEAR_FRACTION = 0.6
# Within SNAP × min_interval of the aim, the next poll lands on it.
SNAP = 1.5
# Past the aim: gap = min_interval + OVERDUE_SLOPE × overrun, at most OVERDUE_CAP × min_interval.
OVERDUE_SLOPE = 0.02
OVERDUE_CAP = 1.5
# The aim sits EARLY_SPAN × (1 - trust) × predicted duration before the predicted finish: a quarter
# early with the estimate alone (seen ±50 % off), hardly early once steady progress is trusted.
EARLY_SPAN = 0.25
# A stall at progress p makes the gap at least STALL_SLOPE × stall length × (100 - p) / 100.
STALL_SLOPE = 0.2
# A stall at progress p moves the progress-based finish out by STALL_SHIFT × stall × (100 - p) / 100.
STALL_SHIFT = 0.25
# Trust in a progress rate starts here at 0 % and grows to 0.95 at 100 %.
TRUST_BASE = 0.6
# Trust in an overdue progress prediction decays by e every DISTRUST_OVERRUN × its predicted duration.
DISTRUST_OVERRUN = 0.03
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
    # The latest that finish can be, if the high was reached just before the poll that saw it: the
    # progress is only proven wrong once this has passed.
    latest: float | None
    trust: float  # 0..1, how much to believe `finish` over the estimate
    high: int  # the highest progress seen (0 when none)
    stalled_for: float  # seconds the highest value has been seen without a newer high


def record_progress(
    progress_log: Sequence[tuple[float, int]], now: float, progress: float | None, *, keep: int = 8
) -> list[tuple[float, int]]:
    """The progress log after a poll at `now` saw `progress`: what `read_progress` needs, bounded.

    A value repeated across polls keeps its first sighting and its latest one only, so a long stall
    stays visible in a short log instead of pushing the history out.
    """
    log = list(progress_log)
    if progress is None or progress <= 0:
        return log[-keep:]
    value = int(progress)
    if len(log) >= 2 and log[-1][1] == value and log[-2][1] == value:
        log[-1] = (now, value)
    else:
        log.append((now, value))
    return log[-keep:]


def prior_duration(recent: Sequence[float]) -> float:
    """A typical duration from recent finished jobs (median), or a default when there is no history."""
    return float(statistics.median(recent)) if recent else DEFAULT_PRIOR_SECONDS


def read_progress(
    progress_log: Sequence[tuple[float, int]], *, now: float, submitted_at: float
) -> ProgressRead:
    """Predict the finish from (time, progress) observations; tolerant of stalls, jumps and steps back."""
    points = [(t, p) for t, p in progress_log if 0 < p < 100 and t >= submitted_at]
    if not points:
        return ProgressRead(None, None, 0.0, 0, 0.0)
    high = max(p for _, p in points)
    i_high = next(i for i, (_, p) in enumerate(points) if p == high)
    seen = points[i_high][0]
    # The value changed somewhere between the previous poll and this one: date it to the middle.
    reached = (points[i_high - 1][0] + seen) / 2 if i_high > 0 else seen
    stalled_for = max(0.0, now - seen) if points[-1][0] > seen else 0.0
    t0, p0 = points[0]
    if high > p0 and reached > t0:
        rate = (high - p0) / (reached - t0)  # percent per second over the observed window
        # A stall is lumpy reporting (finish unchanged) or a real stop (finish later by the stall):
        # hedge with part of it, less as the task nears 100 %.
        shift = STALL_SHIFT * stalled_for * (100 - high) / 100
        finish = reached + (100 - high) / rate + shift
        latest = seen + (100 - high) / ((high - p0) / max(seen - t0, 1e-9)) + shift
        trust = _rate_trust(points, high, rate)
    elif high >= 5:
        # One level only: assume progress is proportional to the time since submit, queue included.
        finish = latest = submitted_at + (reached - submitted_at) * 100 / high
        trust = 0.6 * high / 100
    else:
        return ProgressRead(None, None, 0.0, high, stalled_for)
    return ProgressRead(finish, latest, trust, high, stalled_for)


def _rate_trust(points: Sequence[tuple[float, int]], high: int, rate: float) -> float:
    """More progress seen and a steadier rate → more trust. Steps back and long flat spells cost trust."""
    went_back = False
    flat = False
    moving: list[float] = []
    for (ta, pa), (tb, pb) in itertools.pairwise(points):
        went_back = went_back or pb < pa
        if pb > pa and tb > ta:
            moving.append((pb - pa) / (tb - ta))
        elif pb == pa and rate * (tb - ta) >= 2:
            flat = True  # at the usual pace it should have moved a couple of points: lumpy progress
    trust = TRUST_BASE + (0.95 - TRUST_BASE) * high / 100
    if len(moving) >= 2 and max(moving) > 4 * min(moving):
        trust -= 0.2
    if flat:
        trust -= 0.2
    if went_back:
        trust -= 0.2
    return min(0.95, max(0.1, trust))


def predict_finish(
    *,
    now: float,
    submitted_at: float,
    estimated_time: float | None,
    progress_log: Sequence[tuple[float, int]],
    prior: float,
) -> float:
    """Absolute time the task is expected to finish (blend of the estimate and the progress)."""
    return _predict(now, submitted_at, estimated_time, progress_log, prior).finish


@dataclass(frozen=True)
class _Prediction:
    finish: float  # most likely finish
    aim: float  # where dense polling starts: the early side of the finish, given how unsure we are
    read: ProgressRead


def _predict(
    now: float,
    submitted_at: float,
    estimated_time: float | None,
    progress_log: Sequence[tuple[float, int]],
    prior: float,
) -> _Prediction:
    estimate = estimated_time if estimated_time and estimated_time > 0 else prior
    by_estimate = submitted_at + estimate
    read = read_progress(progress_log, now=now, submitted_at=submitted_at)
    if read.finish is None:
        aim = submitted_at + (1 - EARLY_SPAN) * estimate
        return _Prediction(by_estimate, aim, read)
    trust = read.trust
    if read.latest is not None and read.latest < now:
        # Progress promised a finish that did not come: lean on the estimate, the more so the longer
        # the promise is overdue (at 99 % a few seconds late is finalising, not lying).
        overrun = (now - read.latest) / max(1e-3, read.latest - submitted_at)
        trust *= math.exp(-overrun / DISTRUST_OVERRUN)
    # Blend durations on a log scale: errors are multiplicative (±50 %), not additive. An estimate
    # already passed says no more than "any moment now".
    d_est = max(1e-3, max(by_estimate, now) - submitted_at)
    d_prog = max(1e-3, read.finish - submitted_at)
    duration = math.exp(trust * math.log(d_prog) + (1 - trust) * math.log(d_est))
    early = EARLY_SPAN * (1 - trust) * duration
    return _Prediction(submitted_at + duration, submitted_at + duration - early, read)


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
    pred = _predict(now, submitted_at, estimated_time, progress_log, prior)
    if push_enabled:
        delay = _push_delay(now, submitted_at, pred.finish, min_interval, max_interval)
    else:
        delay = _poll_delay(now, pred, min_interval, max_interval)
    if rng is not None:
        delay *= rng.uniform(0.97, 1.03)  # de-synchronise jobs submitted together
    return PollPlan(delay=max(min_interval, delay), predicted_finish=pred.finish)


def _poll_delay(now: float, pred: _Prediction, min_interval: float, max_interval: float) -> float:
    ahead = pred.aim - now
    if ahead > 0:
        # Far: a fraction of the way. Close: land exactly on the aim instead of creeping up to it.
        delay = ahead if ahead <= SNAP * min_interval else NEAR_FRACTION * ahead
    else:
        delay = min(min_interval + OVERDUE_SLOPE * -ahead, OVERDUE_CAP * min_interval)
    # Stuck at a low value for a while: a finish in the next few seconds is implausible, so back off.
    # Near 100 a stall is the task finalising, and the back-off fades away.
    stall_floor = STALL_SLOPE * pred.read.stalled_for * (100 - pred.read.high) / 100
    delay = max(delay, stall_floor)
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
