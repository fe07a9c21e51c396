"""What the planner learns from the API's track record: a robust bias, durations by kind of job."""

from __future__ import annotations

import math
import random

import pytest

from bot.jobs.learning import DEFAULT_DURATION, Observation, PlannerMemory


def test_a_fresh_memory_believes_the_estimate_but_not_much() -> None:
    prior = PlannerMemory().prior("text")
    assert abs(prior.ratio.quantile(0.5)) < 0.05
    assert prior.ratio.quantile(0.9) - prior.ratio.quantile(0.1) > 1.0, "±50 % and more"
    assert abs(prior.duration.quantile(0.5) - DEFAULT_DURATION[0]) < 0.05


def test_the_bias_is_learned_robustly() -> None:
    rng = random.Random(3)
    memory = PlannerMemory()
    for _ in range(100):
        est = rng.uniform(60, 300)
        memory.add(Observation("text", est, est * 0.66 * rng.uniform(0.9, 1.1)))
    for _ in range(3):  # a few wild outliers do not move it
        memory.add(Observation("text", 100.0, 3000.0))
    ratio = memory.prior("text").ratio
    assert math.exp(ratio.quantile(0.5)) == pytest.approx(0.66, rel=0.05)
    assert math.exp(ratio.quantile(0.9)) < 0.85


def test_durations_are_learned_per_kind_of_job() -> None:
    memory = PlannerMemory()
    for _ in range(20):
        memory.add(Observation("text", None, 30.0))
        memory.add(Observation("extend", None, 300.0))
    assert math.exp(memory.prior("text").duration.quantile(0.5)) == pytest.approx(30.0, rel=0.1)
    assert math.exp(memory.prior("extend").duration.quantile(0.5)) == pytest.approx(300.0, rel=0.1)
    # A kind not seen enough yet borrows from every kind.
    assert 30.0 < math.exp(memory.prior("video").duration.quantile(0.5)) < 300.0


def test_the_bias_is_learned_apart_for_jobs_with_and_without_progress() -> None:
    rng = random.Random(4)
    memory = PlannerMemory()
    for _ in range(40):
        est = rng.uniform(100, 400)
        memory.add(Observation("text", est, est * 0.3 * rng.uniform(0.9, 1.1), progressed=True))
        memory.add(Observation("text", est, est * 1.2 * rng.uniform(0.9, 1.1), progressed=False))
        memory.add(Observation("text", est, est * 1.2 * rng.uniform(0.9, 1.1), progressed=False))
    prior = memory.prior("text")
    assert prior.silent_ratio is not None
    assert math.exp(prior.ratio.quantile(0.5)) == pytest.approx(0.3, rel=0.1)
    assert math.exp(prior.silent_ratio.quantile(0.5)) == pytest.approx(1.2, rel=0.1)
    assert prior.silent_share == pytest.approx(2 / 3, abs=0.05)


def test_observations_without_the_flag_teach_one_bias_for_all() -> None:
    memory = PlannerMemory()
    for i in range(30):  # from before the flag was recorded
        memory.add(Observation("text", 100.0, 50.0 if i % 2 else 150.0))
    for _ in range(5):  # too few with the flag to learn from apart
        memory.add(Observation("text", 100.0, 20.0, progressed=False))
    prior = memory.prior("text")
    assert prior.silent_ratio == prior.ratio, "both learned from every job"
