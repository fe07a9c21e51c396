"""A lower bound for any poll planner on bench/workload.py's variants: an oracle told what no planner knows.

The oracle is given, from the submit (it still makes the polls the bot's settings force: a first look at
5 s, then one at least every 60 s until it knows the finish is near):
- the exact finish of every job whose progress is informative (smooth, racing): one call at it, no delay;
- for a jumpy job, the moment its last jump (to 90-99 %, where it sits until done) happens, and the law the
  generator draws the finish from after it: T = queue + (sit − queue) / u, u ~ U(0.6, 0.97) (the duration is
  log-uniform, so the sit's own time says nothing more about u);
- for a job that never reports progress, its `estimated_time` and the law behind it: estimate = duration ×
  U(0.5, 1.5) (or the variant's range) with the duration log-uniform on 20-600 s, so T has density ∝ 1/T² on
  [estimate / high, estimate / low] ∩ [20, 600].
Where it is uncertain it polls optimally: an exact dynamic programme on a 0.5 s grid over the next poll
time, minimising expected calls + λ × P(delay > D), with the gaps the bot's settings allow (2-60 s), and one λ
shared by every job (the Lagrangian answer to "fewest calls with at most 5 % of all jobs later than D").

Whatever the oracle needs is a floor for the planner, which learns the laws from an empty memory and never
sees the true finish: if the oracle needs more calls than a limit allows, no planner can meet that limit.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from bench.workload import MAX_DURATION, MIN_DURATION, SynthJob

STEP = 0.5  # s: the grid of the dynamic programme
MIN_GAP = 2.0  # POLL_MIN_INTERVAL
MAX_GAP = 60.0  # POLL_MAX_INTERVAL
FIRST_LOOK = 5.0  # POLL_FIRST_DELAY
SIT_U = (0.6, 0.97)  # bench.workload._jumpy: the last jump comes at this share of the run
ESTIMATE_RANGE = {"estimate low": (0.3, 0.9), "estimate high": (1.2, 2.5)}  # else (0.5, 1.5)


@dataclass(frozen=True)
class Uncertain:
    """The finish of one job as the oracle knows it: a law on a grid from `start` (where it stands)."""

    start: float
    survival: tuple[float, ...]  # P(T > start + k·STEP), k = 0..n; the last is 0
    forced_until: float = 0.0  # the bot's settings make it poll before this (see `forced`)


def _grid(start: float, end: float, cdf, forced_until: float) -> Uncertain:  # type: ignore[no-untyped-def]
    n = max(1, math.ceil((end - start) / STEP))
    surv = [max(0.0, 1.0 - cdf(start + k * STEP)) for k in range(n)] + [0.0]
    return Uncertain(start, tuple(surv), forced_until)


def forced(until: float) -> int:
    """The polls the bot's settings make before `until` whatever it knows: the first look at
    POLL_FIRST_DELAY, then one at least every POLL_MAX_INTERVAL."""
    return 0 if until <= FIRST_LOOK else math.ceil((until - FIRST_LOOK) / MAX_GAP)


def finish_law(job: SynthJob) -> Uncertain | None:
    """What the oracle knows of `job`'s finish once it must start polling; None: it knows the finish."""
    if job.kind == "jumpy":
        queue, sit = job.steps[0][0], job.steps[-1][0]
        lo_u, hi_u = SIT_U
        c = sit - queue
        a, b = queue + c / hi_u, queue + c / lo_u
        # u = c / (T − queue) uniform: P(T ≤ x) = P(u ≥ c / (x − queue)).
        law = lambda x: min(1.0, max(0.0, (hi_u - c / max(x - queue, 1e-9)) / (hi_u - lo_u)))  # noqa: E731
        return _grid(a, b, law, forced_until=sit)
    if job.kind == "silent":
        low, high = ESTIMATE_RANGE.get(job.variant, (0.5, 1.5))
        est = job.estimated_time
        a, b = max(MIN_DURATION, est / high), min(MAX_DURATION, est / low)
        if b <= a:
            return Uncertain(job.duration, (1.0, 0.0), job.duration)
        # density ∝ 1/T² on [a, b]: P(T ≤ x) = (1/a − 1/x) / (1/a − 1/b).
        law = lambda x: min(1.0, max(0.0, (1 / a - 1 / x) / (1 / a - 1 / b)))  # noqa: E731
        return _grid(a, b, law, forced_until=a)
    return None


@dataclass(frozen=True)
class Plan:
    calls: float  # expected calls after `start`
    late: float  # P(delay > D)
    first: float = 0.0  # when the first of them comes, seconds after `start`


def best_plan(law: Uncertain, late_cost: float, late_after: float) -> Plan:
    """The optimal polls from `law.start` on: min E[calls] + late_cost · P(delay > late_after).

    W[i] = E[cost from the poll at grid i on; T > t_i] (not normalised): the next poll, at j, is made when
    T > t_i (S[i]); it is late when t_i < T ≤ t_j − D (S[i] − S[j − d]). Split j at i + d: before it nothing
    can be late (a sliding minimum of W), after it a sliding minimum of W[j] − λ·S[j − d]. O(n) per job.
    """
    s = law.survival
    n = len(s) - 1
    d = round(late_after / STEP)
    lo, hi = round(MIN_GAP / STEP), round(MAX_GAP / STEP)
    assert lo <= d + 1 <= hi, "D must lie between the shortest and the longest gap"
    w = [0.0] * (n + 1)
    choice = [n] * (n + 1)
    near: deque[int] = deque()  # j in [i + lo, i + d] by increasing W
    far: deque[int] = deque()  # j in [i + d + 1, i + hi] by increasing W − λ S[j − d]

    def g(j: int) -> float:
        return w[j] - late_cost * s[j - d]

    for i in range(n - 1, -1, -1):
        j_new = i + lo
        if j_new <= min(i + d, n):
            while near and w[near[-1]] >= w[j_new]:
                near.pop()
            near.append(j_new)
        while near and near[0] > i + d:
            near.popleft()
        j_far = i + d + 1
        if j_far <= n:
            while far and g(far[-1]) >= g(j_far):
                far.pop()
            far.append(j_far)
        while far and far[0] > i + hi:
            far.popleft()
        best, at = math.inf, n
        if near:
            best, at = w[near[0]], near[0]
        if far:
            v = late_cost * s[i] + g(far[0])
            if v < best:
                best, at = v, far[0]
        if not near and not far:
            at = min(n, i + hi)
            best = late_cost * max(0.0, s[i] - s[max(i, at - d)]) + w[at]
        w[i] = s[i] + best
        choice[i] = at
    calls = late = 0.0
    i = 0
    while i < n:
        j = choice[i]
        calls += s[i]
        if j - d > i:
            late += s[i] - s[j - d]
        i = j
    return Plan(calls, late, choice[0] * STEP)


@dataclass(frozen=True)
class Bound:
    calls: float  # mean calls per job
    late_share: float  # share of all jobs later than D
    late_cost: float


def bound(jobs: Sequence[SynthJob], *, late_after: float, late_share: float = 0.05) -> Bound:
    """The oracle's fewest mean calls per job with at most `late_share` of the jobs later than `late_after`
    (one λ for all jobs, found by bisection)."""
    laws = [finish_law(j) for j in jobs]
    # A known finish: the polls forced before it, and one at it.
    known = sum(forced(j.duration) + 1 for j, law in zip(jobs, laws, strict=True) if law is None)
    uncertain = [law for law in laws if law is not None]
    lead_in = sum(forced(law.forced_until) for law in uncertain)

    def run(lam: float) -> tuple[float, float]:
        plans = [best_plan(law, lam, late_after) for law in uncertain]
        return known + lead_in + sum(p.calls for p in plans), sum(p.late for p in plans)

    lo, hi = 0.0, 1e4  # λ: more of it, fewer late
    calls, late = run(hi)
    if late > late_share * len(jobs):
        return Bound(calls / len(jobs), late / len(jobs), hi)
    best = (calls, late, hi)
    for _ in range(18):
        mid = math.sqrt(max(lo, 1e-3) * hi)
        calls, late = run(mid)
        if late <= late_share * len(jobs):
            hi, best = mid, (calls, late, mid)
        else:
            lo = mid
    return Bound(best[0] / len(jobs), best[1] / len(jobs), best[2])
