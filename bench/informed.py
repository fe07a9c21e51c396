"""What a planner could do on `fast` if its belief were as good as it gets: a poller that knows the law.

The oracle floor (bench/oracle.py) is told each racing job's exact finish, so it says nothing about how well
a finish can be *read* from the progress a poll sees. This poller is told only what the planner could learn:
the law the generator draws a `fast` job from (bench/workload.py: duration log-uniform on 5-120 s, a queue of
U(0, 0.1) of it, progress ((t - queue) / run)^gamma with log(gamma) uniform on log 0.6-log 1.6, updated
every U(0.5, 3) s × U(0.7, 1.3), whole percents). It sees what the planner sees (the progress at each poll)
and keeps the exact posterior of the finish on a grid of (gamma, queue share, update gap): for each cell the
readings bound the duration to an interval, and the log-uniform law makes its posterior 1/T on it. It polls
by the oracle's dynamic programme over that posterior (re-planned after every poll, one price on lateness
for all jobs, bisected until p95 and max meet issue 11's limits), with the bot's forced first look at 5 s and
2-60 s gaps.

It is a reference, not a floor: re-planning open loop is not the optimal policy, and the grid is coarse. It
answers "is the limit out of reach, or is the planner's belief the gap?".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bench.oracle import FIRST_LOOK, MIN_GAP, STEP, Uncertain, best_plan
from bench.stats import percentile
from bench.workload import SynthJob

DURATION = (5.0, 120.0)  # bench.workload.make_variant("fast")
QUEUE_SHARE = 0.1
GAMMA = (0.6, 1.6)  # bench.workload._curve
EVERY = (0.5, 3.0)
JITTER = 1.3  # an update gap is every × U(0.7, 1.3): a reading is at most this × every old
N_GAMMA, N_QUEUE, N_EVERY = 16, 5, 4
SPLIT = 8  # parts of each cell's interval, weighed apart
SLACK = 0.15  # s: the grid's gammas and queues are not the job's own, so each bound gives a little


def _cells() -> list[tuple[float, float, float]]:
    """(1 / gamma, queue share, oldest reading) at the midpoints of the law's ranges."""
    lg = (math.log(GAMMA[0]), math.log(GAMMA[1]))
    out = []
    for a in range(N_GAMMA):
        gamma = math.exp(lg[0] + (a + 0.5) / N_GAMMA * (lg[1] - lg[0]))
        for b in range(N_QUEUE):
            share = (b + 0.5) / N_QUEUE * QUEUE_SHARE
            for c in range(N_EVERY):
                every = EVERY[0] + (c + 0.5) / N_EVERY * (EVERY[1] - EVERY[0])
                out.append((1 / gamma, share, JITTER * every))
    return out


CELLS = _cells()


def _reached(inv_gamma: float, share: float, p: int) -> float:
    """The share of the run after which the progress reads `p` or more."""
    return share if p <= 1 else share + (1 - share) * (p / 100) ** inv_gamma


@dataclass
class Posterior:
    """For each cell, the interval the finish can lie in, given every reading so far."""

    lo: list[float]
    hi: list[float]
    readings: list[tuple[float, int]]
    power: int = 1  # the prior's density of T is 1/T^power on [lo, hi]
    # Share of the run each bound gives besides SLACK: the grid's cells are 2 % of the run or more apart
    # in where they reach a level (a queue of 0.5 % lies below the lowest cell's 1 %), which SLACK covers
    # only for short runs.
    give: float = 0.0

    @classmethod
    def prior(
        cls, lo: float = DURATION[0], hi: float = DURATION[1], power: int = 1, give: float = 0.0
    ) -> Posterior:
        return cls([lo] * len(CELLS), [hi] * len(CELLS), [], power, give)

    def see(self, t: float, progress: int) -> None:
        """A poll at `t` found the task running, reading `progress`."""
        if progress > 0:
            self.readings.append((t, progress))
        for i, (inv, share, age) in enumerate(CELLS):
            lo, hi = max(self.lo[i], t), self.hi[i]
            if progress <= 0:
                lo = max(lo, (t - SLACK) / (share + self.give))  # still queued
            else:
                below = _reached(inv, share, progress) - self.give
                if below > 0:
                    hi = min(hi, (t + SLACK) / below)
                if progress < 99:
                    lo = max(lo, (t - age - SLACK) / (_reached(inv, share, progress + 1) + self.give))
            self.lo[i], self.hi[i] = lo, hi

    def _likelihood(self, cell: tuple[float, float, float], finish: float) -> float:
        """P(the readings | cell, finish): each reading is the progress at a moment up to `age` old, that
        moment uniform (the share of that window in which the curve read what the poll saw)."""
        inv, share, age = cell
        out = 1.0
        for t, p in self.readings:
            start = finish * (_reached(inv, share, p) - self.give) - SLACK
            end = finish * (_reached(inv, share, p + 1) + self.give) + SLACK if p < 99 else math.inf
            out *= max(0.0, min(t, end) - max(t - age, start)) / age
        return out

    def law(self, now: float) -> Uncertain | None:
        """P(T > x) on the oracle's grid from `now`: each cell's interval, split in SPLIT parts weighed by
        the readings' likelihood at their middle times the prior's mass on them (the prior's density is
        1/T^power: 1 for a log-uniform duration, 2 once an estimate's law joins it)."""
        f = math.log if self.power == 1 else (lambda x: -1.0 / x)
        live = []
        for cell, lo, hi in zip(CELLS, self.lo, self.hi, strict=True):
            lo = max(lo, now)
            if hi <= lo:
                continue
            step = math.log(hi / lo) / SPLIT
            for k in range(SPLIT):
                a, b = lo * math.exp(k * step), lo * math.exp((k + 1) * step)
                w = self._likelihood(cell, math.sqrt(a * b))
                if w > 0:
                    live.append((a, b, w))
        if not live:
            return None
        end = max(hi for _, hi, _ in live)
        n = max(1, math.ceil((end - now) / STEP))
        mass = [0.0] * (n + 1)
        # Sweep x up the grid: parts not begun add w·(F(hi) − F(lo)), parts under way w·(F(hi) − F(x)).
        starts = sorted(live)
        ends = sorted((hi, w) for _, hi, w in live)
        waiting = sum(w * (f(hi) - f(lo)) for lo, hi, w in live)
        under_w = under_wf = 0.0
        i = j = 0
        for k in range(n):
            x = now + k * STEP
            while i < len(starts) and starts[i][0] <= x:
                lo, hi, w = starts[i]
                waiting -= w * (f(hi) - f(lo))
                under_w += w
                under_wf += w * f(hi)
                i += 1
            while j < len(ends) and ends[j][0] <= x:
                hi, w = ends[j]
                under_w -= w  # over (and begun: lo < hi ≤ x)
                under_wf -= w * f(hi)
                j += 1
            mass[k] = max(0.0, waiting + under_wf - under_w * f(x))
        if mass[0] <= 0:
            return None
        return Uncertain(now, tuple(m / mass[0] for m in mass))


def poll_reading(
    job: SynthJob, post: Posterior, next_gap: Callable[[Uncertain | None], float]
) -> tuple[int, float]:
    """One job polled from the first look on, each gap chosen from the posterior after that poll's reading
    (None: every finish ruled out): (polls, delay)."""
    t, polls = FIRST_LOOK, 0
    while True:
        polls += 1
        if t >= job.duration:
            return polls, t - job.duration
        post.see(t, job.progress_at(t))
        t += next_gap(post.law(t))


Policy = Callable[[float], Callable[[Uncertain | None], float]]  # a price → the gap after each reading


def one_price(late_after: float) -> Policy:
    """The oracle's programme: `price` per job seen more than `late_after` after its finish."""

    def policy(price: float) -> Callable[[Uncertain | None], float]:
        def gap(law: Uncertain | None) -> float:
            return MIN_GAP if law is None else max(MIN_GAP, best_plan(law, price, late_after).first)

        return gap

    return policy


def run(job: SynthJob, late_cost: float, late_after: float) -> tuple[int, float]:
    """One job: (polls, delay)."""
    return poll_reading(job, Posterior.prior(), one_price(late_after)(late_cost))


@dataclass(frozen=True)
class Reference:
    calls: float
    p50: float
    p95: float
    max: float
    late_cost: float
    polls: tuple[int, ...] = ()  # each job's polls, in order (how the calls fall over the record's age)


def reference(
    jobs: Sequence[SynthJob],
    *,
    late_after: float = 5.0,
    max_delay: float = 15.0,
    rounds: int = 6,
    policy: Policy | None = None,
) -> Reference:
    """The fewest mean calls with a p95 delay within `late_after` and none over `max_delay` (issue 11's
    per-variant limits), by bisecting the price on lateness of `policy` (default: one_price)."""
    gaps = policy or one_price(late_after)

    def at(price: float) -> Reference:
        runs = [poll_reading(j, Posterior.prior(), gaps(price)) for j in jobs]
        delays = [d for _, d in runs]
        polls = tuple(p for p, _ in runs)
        calls = sum(polls) / len(polls)
        return Reference(calls, percentile(delays, 50), percentile(delays, 95), max(delays), price, polls)

    lo, hi = 1.0, 400.0
    best = at(hi)
    for _ in range(rounds):
        mid = math.sqrt(lo * hi)
        ref = at(mid)
        if ref.p95 <= late_after and ref.max <= max_delay:
            hi, best = mid, ref
        else:
            lo = mid
    return best
