"""The benchmark's oracle floor (bench/oracle.py): its dynamic programme is exact, so its floor is one."""

from __future__ import annotations

import random

import pytest

from bench import oracle


def _brute_force(law: oracle.Uncertain, price: float, late_after: float) -> float:
    """The same optimum by the plain O(n × gaps) recursion."""
    s = law.survival
    n = len(s) - 1
    d = round(late_after / oracle.STEP)
    lo, hi = round(oracle.MIN_GAP / oracle.STEP), round(oracle.MAX_GAP / oracle.STEP)
    w = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        options = [
            s[i] + price * (s[i] - s[j - d] if j - d > i else 0.0) + w[j]
            for j in range(i + lo, min(i + hi, n) + 1)
        ]
        w[i] = min(options) if options else s[i]
    return w[0]


def test_polling_a_uniform_finish_without_lateness_is_every_five_seconds() -> None:
    law = oracle._grid(0.0, 100.0, lambda x: min(1.0, max(0.0, x / 100)), forced_until=0.0)
    plan = oracle.best_plan(law, 1e4, 5.0)
    assert plan.late == 0.0
    assert plan.calls == pytest.approx(10.5), "polls at 5, 10, ... 100 s, each made while the job runs"
    cheap = oracle.best_plan(law, 1.0, 5.0)
    assert cheap.calls < 2 and cheap.late > 0.8, "when lateness costs little, it hardly polls"


@pytest.mark.parametrize("seed", range(5))
def test_the_programme_finds_the_same_optimum_as_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    a, b = rng.uniform(20, 100), rng.uniform(120, 200)
    k = rng.uniform(0.5, 3.0)
    law = oracle._grid(a, b, lambda x: min(1.0, max(0.0, ((x - a) / (b - a)) ** k)), forced_until=a)
    price = rng.uniform(5, 60)
    plan = oracle.best_plan(law, price, 5.0)
    assert plan.calls + price * plan.late == pytest.approx(_brute_force(law, price, 5.0), rel=1e-9)


def test_forced_polls_follow_the_settings() -> None:
    assert oracle.forced(5.0) == 0, "the first look at 5 s may be the one that sees it"
    assert oracle.forced(6.0) == 1
    assert oracle.forced(65.5) == 2
    assert oracle.forced(185.0) == 3, "5, 65 and 125 s: a poll at 185 s itself is not before it"
