"""The benchmark's reference for issue 11's mix line (bench/informed_mix.py): its programme must be optimal
and its posteriors honest, or what it says the line needs is not so."""

from __future__ import annotations

import functools
import itertools
import random

import pytest

from bench import informed_mix as im
from bench import oracle
from bench.workload import make_variant

STEP = oracle.STEP


def _exhaustive(s: tuple[float, ...], prices: im.Prices) -> float:
    """The optimum over every sequence of polls on the grid (gaps from min_gap to 60 s), by plain search."""
    n = len(s) - 1
    d1, d2 = round(prices.within / STEP), round(prices.late_after / STEP)
    lo, hi = round(prices.min_gap / STEP), round(oracle.MAX_GAP / STEP)

    def at(k: int) -> float:
        return s[k] if k < n else 0.0

    @functools.cache
    def best(i: int) -> float:
        if i >= n:
            return 0.0
        options = []
        for j in range(i + lo, i + hi + 1):  # a poll past the end sees the finish, however late
            late = prices.quick * (at(i) - at(j - d1) if j - d1 > i else 0.0)
            late += prices.late * (at(i) - at(j - d2) if j - d2 > i else 0.0)
            options.append(at(i) + late + best(j))
        return min(options)

    return best(0)


def _cost(s: tuple[float, ...], polls: list[int], prices: im.Prices) -> float:
    d1, d2 = round(prices.within / STEP), round(prices.late_after / STEP)

    def at(k: int) -> float:
        return s[k] if k < len(s) - 1 else 0.0

    total, i = 0.0, 0
    for j in polls:
        total += at(i)
        total += prices.quick * (at(i) - at(j - d1) if j - d1 > i else 0.0)
        total += prices.late * (at(i) - at(j - d2) if j - d2 > i else 0.0)
        i = j
    return total


@pytest.mark.parametrize("seed", range(9))
def test_the_programme_finds_the_optimum_of_every_sequence_of_polls(seed: int) -> None:
    """Seeds 0-5 price the mix's lines (τ and 4 s); 6-8 the `fast` reference's (5 s and 15 s)."""
    rng = random.Random(seed)
    n = rng.randint(20, 40) if seed < 6 else rng.randint(40, 80)
    cuts = sorted(rng.random() for _ in range(n - 1))
    s = (1.0, *(1 - c for c in cuts), 0.0)  # a random law of the finish over n grid steps
    if seed < 6:
        prices = im.Prices(quick=rng.uniform(0, 50), within=1.0, late=rng.uniform(1, 30))
    else:
        prices = im.Prices(quick=rng.uniform(1, 30), within=5.0, late=rng.uniform(50, 300), late_after=15.0)
    polls = im.best_polls(s, prices)
    assert polls[-1] >= len(s) - 1, "it polls until the finish is certain"
    assert all(b - a >= 4 for a, b in itertools.pairwise([0, *polls])), "gaps of at least 2 s"
    assert _cost(s, polls, prices) == pytest.approx(_exhaustive(s, prices), rel=1e-9)


def _flat(seconds: float) -> tuple[float, ...]:
    n = round(seconds / STEP)
    return (*(1 - k / n for k in range(n)), 0.0)


def test_a_spread_out_finish_is_seen_within_a_second_half_the_time_at_two_second_gaps() -> None:
    # The ceiling the README quotes: windows [poll − τ, poll] at least 2 s apart cover τ / 2 s of the line.
    s = _flat(100.0)

    def within(prices: im.Prices) -> float:
        polls = im.best_polls(s, prices)
        d1 = round(prices.within / STEP)
        marks = [0, *polls]

        def at(k: int) -> float:
            return s[k] if k < len(s) else 0.0

        return sum(at(max(a, b - d1)) - at(b) for a, b in itertools.pairwise(marks))

    assert within(im.Prices(quick=1e4, within=1.0)) == pytest.approx(0.5, abs=0.02)
    assert within(im.Prices(quick=1e4, within=1.0, min_gap=1.0)) == pytest.approx(1.0, abs=0.02)
    # Without a price on it, only lateness past 4 s counts: polls about every 4.5 s, a quarter within 1 s.
    assert 0.15 < within(im.Prices(quick=0.0, within=1.0)) < 0.3


def test_the_jumpy_posterior_never_rules_out_the_truth_and_its_tails_are_honest() -> None:
    jobs = [j for j in make_variant("mix", 600, seed=43) if j.kind == "jumpy"]
    early = late = 0
    for job in jobs:
        law = im.jumpy_law(job)
        k = min(int((job.duration - law.start) / STEP), len(law.survival) - 1)
        beyond = law.survival[k]  # P(T > a grid point at most STEP before the truth)
        assert beyond > 0, f"job {job.index}: its true finish {job.duration:.1f} s ruled out"
        early += beyond < 0.05
        late += beyond > 0.95
    assert len(jobs) > 200
    # Calibrated: the truth in each 5 % tail about 5 % of the time (the grid adds a little to the upper one).
    assert early / len(jobs) < 0.1 and late / len(jobs) < 0.12, (early / len(jobs), late / len(jobs))


def test_every_kind_of_mix_job_is_seen_and_a_price_on_the_median_buys_it() -> None:
    jobs = make_variant("mix", 60, seed=44)
    laws = im.laws_of(jobs)
    assert {j.kind for j in jobs} == {"smooth", "jumpy", "silent", "racing"}
    cheap = im.measure(jobs, im.Prices(quick=0.0, within=1.0), laws)
    quick = im.measure(jobs, im.Prices(quick=300.0, within=1.0, late=60.0), laws)
    assert cheap.calls < quick.calls
    assert quick.within["all"] > cheap.within["all"] + 0.15, "more jobs seen within τ when it is priced"
    assert quick.max < 15, "a high price on lateness leaves no job for long"


def test_a_long_law_is_polled_at_least_every_minute() -> None:
    s = _flat(300.0)  # longer than the longest gap: no jump past it to the end
    prices = im.Prices(quick=0.0, within=1.0, late=2.0)
    polls = im.best_polls(s, prices)
    gaps = [b - a for a, b in itertools.pairwise([0, *polls])]
    assert max(gaps) * STEP <= oracle.MAX_GAP
    assert _cost(s, polls, prices) == pytest.approx(_exhaustive(s, prices), rel=1e-9)


def test_the_smooth_posterior_with_the_estimate_never_rules_out_the_truth_and_its_tails_are_honest() -> None:
    rng = random.Random(6)
    polls = early = late = 0
    for variant in ("as described", "estimate low", "estimate high"):
        for job in [j for j in make_variant(variant, 80, seed=45) if j.kind == "smooth"]:
            post = im._read_prior(job)
            t = oracle.FIRST_LOOK
            while t < job.duration:
                post.see(t, job.progress_at(t))
                law = post.law(t)
                assert law is not None, f"{variant} job {job.index}: every finish ruled out at {t:.1f} s"
                k = min(int((job.duration - t) / STEP), len(law.survival) - 1)
                beyond = law.survival[k]
                assert beyond > 0, f"{variant} job {job.index}: its finish {job.duration:.1f} s ruled out"
                polls += 1
                early += beyond < 0.05
                late += beyond > 0.95
                t += rng.uniform(2.0, 0.2 * job.duration)
    assert polls > 300
    assert early / polls < 0.1 and late / polls < 0.12, (early / polls, late / polls)


def test_a_second_price_on_the_longest_waits_cuts_them_where_one_price_would_not() -> None:
    """The `fast` reference's second price (informed_mix.two_prices): a finish most likely within 10 s but
    with a thin tail over the next 100 s. One price on waits over 5 s leaves the tail to a long gap; a price
    on waits over 15 s as well polls through it, so no finish there is seen more than 15 s late."""
    n = round(110 / STEP)
    # 94 % of the finish within the first 10 s (20 steps), the other 6 % spread evenly over the next 100 s.
    head = [1 - 0.94 * k / 20 for k in range(20)]
    s = (*head, *(0.06 * (1 - (k - 20) / (n - 20)) for k in range(20, n)), 0.0)
    one = im.best_polls(s, im.Prices(quick=5.0, within=5.0, late=0.0, late_after=15.0))
    two = im.best_polls(s, im.Prices(quick=5.0, within=5.0, late=200.0, late_after=15.0))

    def worst_wait(polls: list[int]) -> float:  # the longest a finish on the grid waits for the next poll
        return max(b - a for a, b in itertools.pairwise([0, *polls])) * STEP

    assert worst_wait(one) > 15.0, "one price lets the thin tail wait"
    assert worst_wait(two) <= 15.0
    assert len(two) > len(one)
