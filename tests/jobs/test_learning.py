"""What the planner learns from the API's track record: a robust bias, durations by kind of job."""

from __future__ import annotations

import math
import random

import pytest

from bot.jobs.learning import DEFAULT_DURATION, Observation, PlannerMemory, sightings


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


def test_what_progress_meant_is_learned_per_level() -> None:
    # This API's 50 % came at half the run; its 90 % early, then it sat: done at 1.6 × the time it was seen.
    rng = random.Random(6)
    memory = PlannerMemory()
    for _ in range(30):
        seen = rng.uniform(30, 200)
        memory.add(
            Observation(
                "text", 100.0, 2.0 * seen * rng.uniform(0.95, 1.05), True, ((50, seen), (90, 1.25 * seen))
            )
        )
    prior = memory.prior("text")
    at_half, at_ninety = prior.calibrated(50), prior.calibrated(90)
    assert at_half is not None and at_ninety is not None
    assert math.exp(at_half.quantile(0.5)) == pytest.approx(2.0, rel=0.05)
    assert math.exp(at_ninety.quantile(0.5)) == pytest.approx(1.6, rel=0.05), "not 100 / 90: it sat"
    assert prior.calibrated(70) is None, "a level no job was seen crossing teaches nothing"


def seen_at_45_or_leapt_to_85() -> PlannerMemory:
    """40 jobs: half read 12 % at 10 s and 45 % at 50 s and finished at 100 s; half leapt from 12 % to 85 % at
    50 s and finished at 56 s. Both halves crossed 40 %, but only the first says what 45 % means."""
    memory = PlannerMemory()
    for i in range(40):
        readings = ((10.0, 12), (50.0, 45)) if i % 2 else ((10.0, 12), (50.0, 85))
        actual = 100.0 if i % 2 else 56.0
        memory.add(Observation("text", 100.0, actual, True, sightings(readings, 0.0), readings))
    return memory


def test_what_a_level_meant_is_learned_apart_for_jobs_first_seen_within_its_band() -> None:
    prior = seen_at_45_or_leapt_to_85().prior("text")
    crossed, banded = prior.calibrated(40), prior.calibrated(40, in_band=True)
    assert crossed is not None and banded is not None
    assert math.exp(banded.quantile(0.05)) == pytest.approx(2.0, rel=0.1), "45 % meant twice the time so far"
    assert math.exp(crossed.quantile(0.25)) < 1.2, "the crossing law keeps the jobs seen at 85 %"
    band80 = prior.calibrated(80, in_band=True)
    assert band80 is not None and math.exp(band80.quantile(0.5)) == pytest.approx(1.12, rel=0.05)
    assert prior.calibrated(20, in_band=True) is None, "no job was first seen within 20 %'s band"


def test_a_level_seen_by_few_jobs_is_not_learned_yet() -> None:
    memory = PlannerMemory()
    for _ in range(5):
        memory.add(Observation("text", 100.0, 300.0, True, ((40, 60.0),)))
    assert memory.prior("text").calibrated(40) is None
