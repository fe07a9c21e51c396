"""What issue 11's mix line asks of any poller: one told the generator's law of every job, and then some.

The mix line asks for calls ≤ 0.35×, a median delay ≤ 0.4× and p95 ≤ 4 s against fixed 5 s polling. The
median line means more than half of all jobs seen within τ = 0.4 × fixed 5 s's median (about 1 s) of their
finish, with polls at least `min_interval` (2 s) apart. This poller is told, per job:
- racing and smooth jobs: the law the generator draws them from (bench/workload.py), its variant's law of
  the estimate, and what its own polls see; it keeps the exact posterior of the finish from those
  (bench/informed.py's grid over the curve's shape, queue and update gap);
- jumpy jobs: more than any planner can know. At the moment of the last jump (to 90-99 %, where the job sits
  until done) it is told that moment, every earlier step's time and value, the queue, the estimate and the
  variant, and keeps the exact posterior of the finish from them. Nothing later says more, so planning once
  from there is optimal. Before it, only the polls the bot's settings force count;
- jobs that never report progress: their variant's law of the estimate (as bench/oracle.py), and the forced
  polls before the earliest finish it allows.
Each gap is chosen by an exact dynamic programme on a 0.5 s grid: minimise E[calls] + `quick` ×
P(delay > τ) + `late` × P(delay > 4 s), gaps between `min_gap` and 60 s, re-planned after every poll that
can bring news (racing and smooth). With `quick` = 0 it shows the fewest calls at p95 ≤ 4 s; with `quick`
large, the most jobs it can see within τ at whatever cost in calls.

Why the median has a ceiling at a 2 s `min_gap`: when a finish is spread over more than a couple of seconds
(a job silent until done, a jumpy job sitting at 9x %), polls at least 2 s apart see it within τ at most
about τ / 2 s of the time (their windows [poll − τ, poll] cover that share of the time line), however many
calls are spent. So more than half within τ needs most of the racing and smooth jobs' finishes pinned to
well under 2 s, which their progress (updated every 0.5-3 s, in whole percents) does not allow.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bench import informed
from bench.oracle import ESTIMATE_RANGE, MAX_GAP, MIN_GAP, SIT_U, STEP, Uncertain, finish_law, forced
from bench.stats import percentile
from bench.workload import MAX_DURATION, MIN_DURATION, SynthJob

LATE_AFTER = 4.0  # the mix's p95 limit
# bench/workload.py's _jumpy: steps every U(0.04, 0.2) of the run, noisy by N(0, 8) points, one in eight a
# step back of 1-8 points, values kept within 1-89; the last jump at U(0.6, 0.97) of the run (oracle.SIT_U).
JUMP_SHARE = (0.04, 0.2)
JUMP_NOISE = 8.0
JUMP_BACK = 0.125
JUMPY_GRID = 3000  # points of the finish's posterior
SMOOTH_GIVE = 0.02  # informed.Posterior.give for runs of up to 10 minutes


@dataclass(frozen=True)
class Prices:
    quick: float  # per job seen later than `within` after its finish
    within: float  # τ, seconds
    late: float = 20.0  # per job seen later than `late_after`
    min_gap: float = MIN_GAP
    late_after: float = LATE_AFTER


def best_polls(survival: Sequence[float], prices: Prices, first_gap: float | None = None) -> list[int]:
    """The optimal polls (grid indices from the start) for a finish with P(T > start + k·STEP) =
    survival[k] (the last 0): E[calls] + quick·P(delay > within) + late·P(delay > late_after), by the plain
    O(n × gaps) recursion (the `within` threshold lies inside the shortest gap, which bench/oracle.py's O(n)
    programme does not allow)."""
    n = len(survival) - 1

    def s(k: int) -> float:  # past the grid's end the finish has come
        return survival[k] if k < n else 0.0

    d1, d2 = round(prices.within / STEP), round(prices.late_after / STEP)
    lo, hi = max(1, round(prices.min_gap / STEP)), round(MAX_GAP / STEP)
    first_lo = lo if first_gap is None else max(1, round(first_gap / STEP))
    w = [0.0] * (n + 1)
    choice = [n] * (n + 1)

    def cost(i: int, j: int) -> float:
        c = w[min(j, n)]
        if j - d1 > i:
            c += prices.quick * (s(i) - s(j - d1))
        if j - d2 > i:
            c += prices.late * (s(i) - s(j - d2))
        return c

    for i in range(n - 1, -1, -1):
        first = i + (first_lo if i == 0 else lo)
        # Polls past the grid's end all see the finish; the earliest of them is the one worth a look.
        options = [*range(first, min(n - 1, i + hi) + 1)]
        if max(n, first) <= i + hi:
            options.append(max(n, first))
        at = min(options, key=lambda j: cost(i, j))
        w[i] = s(i) + cost(i, at)
        choice[i] = at
    polls, i = [], 0
    while i < n:
        i = choice[i]
        polls.append(i)
    return polls


def _estimate_window(job: SynthJob) -> tuple[float, float]:
    """Where the estimate's law (the variant's) and the duration's range allow the finish."""
    low, high = ESTIMATE_RANGE.get(job.variant, (0.5, 1.5))
    est = job.estimated_time  # whole seconds: the truth × U(low, high), rounded
    return max(MIN_DURATION, (est - 0.5) / high), min(MAX_DURATION, (est + 0.5) / low)


def _phi(z: float) -> float:
    return 0.5 * math.erfc(-z / math.sqrt(2))


def _jumpy_loglike(job: SynthJob, duration: float) -> float:
    """log P(the steps before the sit, the sit, the queue, the estimate | the duration), up to a constant."""
    queue, sit = job.steps[0][0], job.steps[-1][0]
    before = job.steps[:-1]
    run = duration - queue
    if not SIT_U[0] <= (sit - queue) / run <= SIT_U[1]:
        return -math.inf
    # The duration log-uniform, the queue U(0, 0.1) of it, the estimate U(low, high) of it: 1/T each.
    out = -3 * math.log(duration) - math.log(run * (SIT_U[1] - SIT_U[0]))
    width = JUMP_SHARE[1] - JUMP_SHARE[0]
    for (ta, prev), (tb, p) in itertools.pairwise(before):
        if not JUMP_SHARE[0] <= (tb - ta) / run <= JUMP_SHARE[1]:
            return -math.inf
        truth = 100 * (tb - queue) / run
        if p <= 1:
            noisy = _phi((2 - truth) / JUMP_NOISE)
        elif p >= 89:
            noisy = 1 - _phi((89 - truth) / JUMP_NOISE)
        else:
            noisy = _phi((p + 1 - truth) / JUMP_NOISE) - _phi((p - truth) / JUMP_NOISE)
        # A step back: prev − U{1..8}, kept at 1 or more.
        back = JUMP_BACK / 8 * sum(1 for k in range(1, 9) if max(1, prev - k) == p)
        like = back + (1 - JUMP_BACK) * noisy
        if like <= 0:
            return -math.inf
        out += math.log(like) - math.log(run * width)
    # The step that would have come after the last one did not come before the sit.
    missing = (JUMP_SHARE[1] - max(JUMP_SHARE[0], (sit - before[-1][0]) / run)) / width
    return out + math.log(min(1.0, missing)) if missing > 0 else -math.inf


def jumpy_law(job: SynthJob) -> Uncertain:
    """The finish of a jumpy job given everything up to its last jump (more than polls can see)."""
    queue, sit = job.steps[0][0], job.steps[-1][0]
    lo, hi = _estimate_window(job)
    lo = max(lo, sit, 10 * queue)
    grid = [lo + (hi - lo) * (k + 0.5) / JUMPY_GRID for k in range(JUMPY_GRID)]
    logs = [_jumpy_loglike(job, t) for t in grid]
    top = max(logs)
    weights = [math.exp(x - top) if x > -math.inf else 0.0 for x in logs]
    total = sum(weights)
    n = max(1, math.ceil((hi - sit) / STEP))
    survival, left, k = [], total, 0
    for i in range(n):
        while k < len(grid) and grid[k] <= sit + i * STEP:
            left -= weights[k]
            k += 1
        survival.append(max(0.0, left / total))
    return Uncertain(sit, (*survival, 0.0), sit)


def _read_prior(job: SynthJob) -> informed.Posterior:
    if job.kind == "racing":  # its estimate says nothing: the duration's own law
        return informed.Posterior.prior()
    lo, hi = _estimate_window(job)
    return informed.Posterior.prior(lo, hi, power=2, give=SMOOTH_GIVE)


def run(job: SynthJob, prices: Prices, law: Uncertain | None = None) -> tuple[int, float]:
    """One job: (polls, delay). `law`: jumpy_law or the oracle's law for a job read at its sit or silent."""
    if job.kind in ("jumpy", "silent"):
        law = law or laws_of([job])[job.index]
        start, polls = law.start, forced(law.forced_until)
        # From the sit (told at once, not polled) the first poll may come at once; a silent job's window
        # opens after forced polls, at least a gap after the last of them.
        marks = best_polls(law.survival, prices, first_gap=STEP if job.kind == "jumpy" else None)
        t = start
        for k in marks:
            t = start + k * STEP
            polls += 1
            if t >= job.duration:
                return polls, t - job.duration
        while t < job.duration:  # beyond the law's reach (never, but not assumed)
            t += prices.min_gap
            polls += 1
        return polls, t - job.duration

    def gap(found: Uncertain | None) -> float:
        return (
            prices.min_gap
            if found is None
            else max(prices.min_gap, best_polls(found.survival, prices)[0] * STEP)
        )

    return informed.poll_reading(job, _read_prior(job), gap)


@dataclass(frozen=True)
class Point:
    calls: float  # mean per job
    p50: float
    p95: float
    max: float
    within: dict[str, float]  # per kind of job: the share seen within τ


def measure(jobs: Sequence[SynthJob], prices: Prices, laws: dict[int, Uncertain]) -> Point:
    runs = [run(j, prices, laws.get(j.index)) for j in jobs]
    delays = [d for _, d in runs]
    kinds: dict[str, list[bool]] = {}
    for job, (_, d) in zip(jobs, runs, strict=True):
        kinds.setdefault(job.kind, []).append(d <= prices.within)
    within = {k: sum(v) / len(v) for k, v in sorted(kinds.items())}
    within["all"] = sum(d <= prices.within for d in delays) / len(delays)
    calls = sum(p for p, _ in runs) / len(runs)
    return Point(calls, percentile(delays, 50), percentile(delays, 95), max(delays), within)


def laws_of(jobs: Sequence[SynthJob], *, path: bool = True) -> dict[int, Uncertain]:
    """The laws that do not depend on the prices (jumpy at the sit, silent), worked out once. `path`:
    a jumpy job's whole path is told (jumpy_law); else only its sit and the law of the finish after it, as
    bench/oracle.py (which leaves out what its earlier steps and its estimate say)."""
    out: dict[int, Uncertain] = {}
    for job in jobs:
        law = jumpy_law(job) if job.kind == "jumpy" and path else None
        if law is None and job.kind in ("jumpy", "silent"):
            law = finish_law(job)
        if law is not None:
            out[job.index] = law
    return out


def two_prices(late_after: float = 5.0, max_delay: float = 15.0, max_price: float = 200.0) -> informed.Policy:
    """For bench/informed.py's `fast` reference: `price` per job seen more than `late_after` after its finish
    and `max_price` per job seen more than `max_delay` after it. With one price (informed.one_price) the max
    line is met only by raising that price for every job until the rarest wait is under `max_delay`, which
    costs calls everywhere: 0.456-0.459× fixed 5 s's calls on seeds 116 / 124 / 133, where two prices need
    0.405-0.417× at the same limits."""

    def policy(price: float) -> Callable[[Uncertain | None], float]:
        prices = Prices(price, late_after, late=max_price, late_after=max_delay)

        def gap(law: Uncertain | None) -> float:
            return MIN_GAP if law is None else max(MIN_GAP, best_polls(law.survival, prices)[0] * STEP)

        return gap

    return policy
