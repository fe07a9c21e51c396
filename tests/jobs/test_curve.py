"""Progress read as a curve (bot/jobs/curve.py): what a finished job's readings teach, and what a running
job's readings say of its finish."""

from __future__ import annotations

import math
import random
from dataclasses import replace

import pytest

from bot.jobs import curve, schedule
from bot.jobs.learning import Observation, PlannerMemory, Prior
from bot.jobs.schedule import record_progress
from tests.jobs.test_schedule import Progress, simulate

UNIT = 2.0  # min_interval
BROAD = ((1.0, math.log(100.0), 1.0),)  # a law of log T that says little


def racing(duration: float, gamma: float, queue: float = 0.0, every: float = 1.0) -> Progress:
    """((t − queue) / run)^gamma in whole percents, as the API last updated it (every `every` s)."""

    def at(t: float) -> int:
        if t < queue:
            return 0
        updated = queue + every * math.floor((t - queue) / every)
        return min(99, max(1, int(100 * ((updated - queue) / (duration - queue)) ** gamma)))

    return at


def _gamma_of(weights: list[float]) -> float:
    """The weighted geometric mean of the cells' gammas."""
    return math.exp(sum(w * -math.log(inv) for w, (inv, _, _, _) in zip(weights, curve.CELLS, strict=True)))


def test_a_finished_steady_jobs_readings_point_at_its_own_curve() -> None:
    for gamma in (0.7, 1.0, 1.5):
        progress = racing(80.0, gamma, queue=4.0)
        readings = [(t, progress(t)) for t in (6.0, 15.0, 31.0, 48.0, 66.0, 77.0)]
        found = curve.cell_weights(readings, 80.0, UNIT)
        assert found is not None, gamma
        weights, chance = found
        assert chance > 0.9, "six readings on one curve are a curve's"
        assert abs(math.log(_gamma_of(weights) / gamma)) < 0.2, (gamma, _gamma_of(weights))


def test_jumpy_readings_fit_no_curve() -> None:
    # Up to 40 %, back to 20 %, then sitting at 90 % for a minute: no curve reads that.
    readings = [(20.0, 40), (40.0, 20), (60.0, 90), (120.0, 90)]
    assert curve.cell_weights(readings, 150.0, UNIT) is None
    mass, parts = curve.posterior(readings, curve.learn([], 0)[0], BROAD, UNIT)
    assert mass == 0 and parts == ()


def test_the_finish_read_from_a_curve_holds_the_truth_and_narrows_with_readings() -> None:
    cells = curve.learn([], 0)[0]  # nothing learned: every shape alike
    progress = racing(120.0, 1.2, queue=5.0)
    widths = []
    for times in ((10.0, 30.0), (10.0, 30.0, 60.0, 90.0), (10.0, 30.0, 60.0, 90.0, 105.0, 112.0)):
        mass, parts = curve.posterior([(t, progress(t)) for t in times], cells, BROAD, UNIT)
        assert mass > 0
        law = schedule.LogMixture(parts)
        lo, hi = math.exp(law.quantile(0.02)), math.exp(law.quantile(0.98))
        assert lo < 120.0 < hi, (times, lo, hi)
        widths.append(math.log(hi / lo))
    assert widths[0] > widths[1] > widths[2], widths
    assert widths[2] < 0.1, "six readings near the end pin the finish to a few seconds"


def test_the_record_learns_the_apis_curve_and_how_often_progress_follows_one() -> None:
    rng = random.Random(3)
    per_job = []
    for _ in range(40):
        duration = rng.uniform(40, 200)
        progress = racing(duration, rng.uniform(1.2, 1.4), queue=duration * rng.uniform(0, 0.08))
        readings = [(t, progress(t)) for t in sorted(rng.uniform(0.1, 0.95) * duration for _ in range(6))]
        found = curve.cell_weights([(t, p) for t, p in readings if p > 0], duration, UNIT)
        assert found is not None
        per_job.append(found)
    cells, share = curve.learn(per_job, others=10)
    assert 0.7 < share < 0.85, "40 curve-like jobs and 10 that were not"
    near = sum(w for w, (inv, _, _, _) in zip(cells, curve.CELLS, strict=True) if 1.0 < 1 / inv < 1.7)
    assert near > 0.7, "most of the prior is where the API's curves were"


def _racing_job(rng: random.Random) -> tuple[float, Progress, float]:
    """A racing job (duration, progress, estimate) whose estimate is 2-10 × too high."""
    duration = 20 * 6 ** rng.random()
    progress = racing(duration, rng.uniform(0.8, 1.3), queue=duration * rng.uniform(0, 0.08))
    return duration, progress, duration * rng.uniform(2, 10)


def _race(prior: Prior, rng: random.Random, count: int) -> tuple[int, list[float]]:
    """The polls and the waits of `count` racing jobs planned on `prior` (nothing learned from them)."""
    polls, late = 0, []
    for _ in range(count):
        duration, progress, estimate = _racing_job(rng)
        done = simulate(progress, duration, estimate=estimate, prior=prior)
        polls += len(done.polls)
        late.append(done.delay)
    return polls, late


def _run_racing(memory: PlannerMemory, rng: random.Random, count: int) -> None:
    """Racing jobs run as the worker runs them and recorded as it does."""
    for _ in range(count):
        duration, progress, estimate = _racing_job(rng)
        run = simulate(progress, duration, estimate=estimate, prior=memory.prior("text"))
        log: list[tuple[float, int]] = []
        readings = []
        for t in run.polls[:-1]:
            log = record_progress(log, t, progress(t))
            if progress(t) > 0:
                readings.append((t, progress(t)))
        seen = schedule.sightings(log, 0.0)
        memory.add(Observation("text", estimate, duration, bool(log), seen, tuple(readings)))


def test_racing_progress_read_as_the_records_curve_takes_fewer_polls_for_the_same_waits() -> None:
    rng = random.Random(12)
    memory = PlannerMemory()
    _run_racing(memory, rng, 30)
    reads = memory.prior("text")
    assert reads.cells is not None and reads.curve_share > 0.8
    assert not schedule._trusted(reads), "a record too young to lift the guards: the curve read as by any"
    blind = replace(reads, cells=None)  # the same record, progress not read as a curve
    polls = {"reads": 0, "blind": 0}
    late: dict[str, list[float]] = {"reads": [], "blind": []}
    for _ in range(30):
        duration = 20 * 6 ** rng.random()
        progress = racing(duration, rng.uniform(0.8, 1.3), queue=duration * rng.uniform(0, 0.08))
        estimate = duration * rng.uniform(2, 10)
        for name, prior in (("reads", reads), ("blind", blind)):
            run = simulate(progress, duration, estimate=estimate, prior=prior)
            polls[name] += len(run.polls)
            late[name].append(run.delay)
    # Both are quick on these jobs; the curve takes fewer calls for the same waits (149 against 163 polls,
    # the waits 29.2 s against 28.5 s in all, the worst 1.9 s against 2.1 s; the same with the cells' law
    # averaged from each job instead of learned per axis; with 60 jobs when written, before such a record
    # earned the trust: 168 against 176, 27.2 s against 26.3 s, 2.0 s against 2.3 s).
    assert polls["reads"] < polls["blind"], polls
    assert sum(late["reads"]) <= 1.1 * sum(late["blind"]), "clips wait about as long in all"
    assert max(late["reads"]) <= max(late["blind"]), "and none waits longer than the worst without the curve"


def _gaps(prior: Prior, rng: random.Random, count: int) -> list[tuple[float, float]]:
    """(gap with the curve, gap without) after 2-3 early polls of slow-starting curves (gamma 1.5-3)."""
    blind = replace(prior, cells=None)
    out = []
    for _ in range(count):
        duration = 20 * 6 ** rng.random()
        progress = racing(duration, rng.uniform(1.5, 3.0), queue=duration * rng.uniform(0, 0.08))
        log: list[tuple[float, int]] = []
        times = sorted(rng.uniform(0.05, 0.4) * duration for _ in range(rng.randint(2, 3)))
        for t in times:
            log = record_progress(log, t, progress(t))
        estimate = duration * rng.uniform(0.5, 2.5)
        plans = [
            schedule.plan_next_poll(
                now=times[-1],
                submitted_at=0.0,
                estimated_time=estimate,
                progress_log=log,
                prior=p,
                min_interval=UNIT,
                max_interval=60.0,
            ).delay
            for p in (prior, blind)
        ]
        out.append((plans[0], plans[1]))
    return out


def test_the_curve_never_stretches_a_gap_past_its_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    memory = PlannerMemory()
    _run_racing(memory, random.Random(12), 33)
    prior = memory.prior("text")
    assert prior.cells is not None
    assert not schedule._trusted(prior), "33 jobs: too few to lift the guards"
    # Early low readings read as a slow curve say "long job"; a jumpy job's can look just the same (1 % at
    # 5 s, 3 % at 15 s, then 25 % at 21 s and 95 % at 65 s, done at 91 s: a bench job left 27 s unseen).
    gaps = _gaps(prior, random.Random(4), 300)
    assert all(with_curve <= schedule.CURVE_GUARD * without + 1e-9 for with_curve, without in gaps)
    monkeypatch.setattr(schedule, "CURVE_GUARD", 1e9)
    unguarded = _gaps(prior, random.Random(4), 300)
    worst = max(w / b for w, b in unguarded)
    assert worst > 2, f"without the guard the curve stretches some gaps further ({worst:.2f}×)"


def test_a_record_of_steady_curves_earns_the_curve_more_weight_and_racing_jobs_fewer_polls(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Judged as a record not yet trusted (TRUST_Z as the doubt's own count), so that the margins and guards
    # are any record's in both runs below and only the doubt kept off the curve differs.
    monkeypatch.setattr(schedule, "TRUST_Z", schedule.CURVE_DOUBT_Z)
    memory = PlannerMemory()
    _run_racing(memory, random.Random(12), 60)
    prior = memory.prior("text")
    assert prior.curve_share > 0.9 and prior.curve_jobs > 50, "nearly all 60 jobs seen at two levels or more"
    assert not schedule._trusted(prior)
    # The doubt kept off the curve: the record's share of jobs no curve explained, counted generously.
    assert schedule._curve_doubt(prior) < 0.2
    short = PlannerMemory()
    _run_racing(short, random.Random(12), 3)
    assert schedule._curve_doubt(short.prior("text")) == schedule.CURVE_DOUBT, "three jobs earn no trust"
    mixed = replace(prior, curve_share=0.55, curve_jobs=500)  # the bench's mix: half the jobs jumpy
    assert schedule._curve_doubt(mixed) > 0.45, "a record of half curves keeps about half off them"

    trusted, trusted_late = _race(prior, random.Random(7), 30)
    monkeypatch.setattr(schedule, "CURVE_DOUBT_FLOOR", schedule.CURVE_DOUBT)  # half kept off, always
    # (That floor also counts the record as all curves; its margins stay as they were, to compare alike.)
    monkeypatch.setattr(schedule, "TRUSTED_DOUBT", schedule.CURVE_DOUBT)
    _untrusted_margins(monkeypatch)
    doubted, doubted_late = _race(prior, random.Random(7), 30)
    # 143 polls against 149; the waits 30.7 s against 23.8 s in all, the worst 2.0 s against 1.9 s (with
    # the cells' law averaged from each job instead of learned per axis: 144 against 152, 28.7 s against
    # 26.5 s; 143 against 153 when written). Both are no more than a poll's 2 s late: the curve's weight
    # places the last look nearer the finish it reads, a little before it as often as after.
    assert trusted < doubted, (trusted, doubted)
    assert sum(trusted_late) - sum(doubted_late) <= 0.25 * 30, "a clip waits at most a quarter second more"
    assert max(trusted_late) <= max(doubted_late) + 0.5, "and none much longer than the worst before"


def _untrusted_margins(monkeypatch: pytest.MonkeyPatch) -> None:
    """A record of curves planned with the margins of any other record."""
    monkeypatch.setattr(schedule, "TRUSTED_RARE", 1.0)
    monkeypatch.setattr(schedule, "TRUSTED_BUDGET", 1.0)
    monkeypatch.setattr(schedule, "TRUSTED_SLACK", 1.0)
    monkeypatch.setattr(curve, "TRUSTED_CURVE_SLACK", curve.SLACK)
    monkeypatch.setattr(schedule, "TRUSTED_SINGLE_GAP", schedule.SINGLE_GAP)


def test_a_record_of_nothing_but_curves_lifts_the_guards() -> None:
    memory = PlannerMemory()
    _run_racing(memory, random.Random(12), 20)
    assert not schedule._trusted(memory.prior("text")), "20 jobs: too few to tell"
    _run_racing(memory, random.Random(13), 140)
    pure = memory.prior("text")
    assert schedule._trusted(pure), "160 racing jobs: a record of curves"
    # The same slow-starting readings (gamma 1.5-3): with a fifth of the record off any curve, no gap passes
    # CURVE_GUARD × the gap without the curve (the test above); with none, the curve's own gap stands.
    gaps = _gaps(pure, random.Random(4), 300)
    worst = max(w / b for w, b in gaps)
    assert worst > schedule.CURVE_GUARD, f"unguarded, the curve stretches some gaps further ({worst:.2f}×)"
    mixed = _gaps(replace(pure, curve_share=0.8), random.Random(4), 300)
    assert all(w <= schedule.CURVE_GUARD * b + 1e-9 for w, b in mixed)


def _jumpy_observation(rng: random.Random) -> Observation:
    """A finished job whose progress fit no curve: up, back, then sitting at 9x % until done."""
    duration = rng.uniform(120, 200)
    readings = ((20.0, 40), (40.0, 22), (60.0, 91), (110.0, 91))
    return Observation("text", duration, duration, True, schedule.sightings(readings, 0.0), readings)


def test_a_young_record_of_curves_earns_the_trust_early_and_one_job_off_a_curve_takes_it_back() -> None:
    memory = PlannerMemory()
    _run_racing(memory, random.Random(12), 45)
    young = memory.prior("text")
    # 45 jobs and every one a curve: trusted (0.043 off, counted with TRUST_Z; the doubt's count says 0.096).
    assert schedule._trusted(young), (young.curve_share, young.curve_jobs)
    assert schedule._off_curve(young) > schedule.CURVE_DOUBT_FLOOR
    memory.add(_jumpy_observation(random.Random(1)))
    assert not schedule._trusted(memory.prior("text")), "one jumble among 46: the guards are back"
    # And while the record keeps showing jumbles, more curves do not win the trust back soon.
    rng = random.Random(14)
    for _ in range(3):
        _run_racing(memory, rng, 15)
        memory.add(_jumpy_observation(rng))
        assert not schedule._trusted(memory.prior("text"))


def test_a_record_of_nothing_but_curves_spends_its_margin_on_fewer_polls_within_the_issues_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    memory = PlannerMemory()
    _run_racing(memory, random.Random(12), 160)
    pure = memory.prior("text")
    assert schedule._off_curve(pure) <= schedule.CURVE_DOUBT_FLOOR, "a record of curves"
    assert schedule._curve_doubt(pure) == schedule.TRUSTED_DOUBT, "so the curve reading is trusted"

    def run(prior: Prior) -> tuple[int, list[float]]:
        return _race(prior, random.Random(21), 60)  # more jobs like the record's

    trusted, trusted_late = run(pure)
    _untrusted_margins(monkeypatch)
    monkeypatch.setattr(schedule, "TRUSTED_DOUBT", schedule.CURVE_DOUBT_FLOOR)
    margined, _ = run(pure)
    # 194 polls against 258, the waits 1.6 s against 1.0 s a clip on average, the worst 6.0 s (with the
    # cells' law averaged from each job: 207 against 263, the worst 6.7 s; 230 before a single reading's gap
    # was let go and the late finishes' slack raised; 244 when the trust went to the share of late finishes
    # instead of the expected delay and the doubt).
    assert trusted <= 0.85 * margined, (trusted, margined)
    # The margin had kept these clips' waits far inside the issue's lines; spent, they still keep to them.
    assert sorted(trusted_late)[56] <= 5.0, "19 in 20 clips seen within 5 s"
    assert max(trusted_late) <= 15.0, max(trusted_late)
    # And where the record shows jumpy jobs, the margin stays: the same jobs are polled as before.
    jumbled = replace(pure, curve_share=0.8)
    assert schedule._off_curve(jumbled) > schedule.CURVE_DOUBT_FLOOR
    without_trust = run(jumbled)
    monkeypatch.undo()
    assert run(jumbled) == without_trust


def test_a_record_counts_a_curve_job_whose_few_readings_say_little_as_a_curve_job() -> None:
    """Each job's chance of being a curve comes at even odds; the record's share is their prior, found by
    maximum likelihood: two readings that a curve and a jumble explain about alike do not count as a tenth
    of a jumble each (a record of nothing but racing jobs had shown 5 % of them off any curve)."""
    rng = random.Random(5)
    per_job = []
    for i in range(80):
        if i % 2:  # a short job: the first look at 5 s, then one more poll before it finished
            duration = rng.uniform(8, 20)
            times = (5.0, 5.0 + rng.uniform(0.5, 0.95) * (duration - 5.0))
        else:
            duration = rng.uniform(40, 120)
            times = tuple(f * duration for f in (0.1, 0.3, 0.45, 0.6, 0.75, 0.9))
        progress = racing(duration, rng.uniform(0.7, 1.5), queue=duration * rng.uniform(0, 0.08))
        found = curve.cell_weights([(t, progress(t)) for t in times if progress(t) > 0], duration, UNIT)
        assert found is not None
        per_job.append(found)
    even = (sum(c for _, c in per_job) + 1) / (len(per_job) + 2)
    assert even < 0.95, f"the chances at even odds average {even:.3f}"
    _, share = curve.learn(per_job, others=0)
    assert share > 0.97, f"80 curve jobs and none that were not: {share:.3f}"
    _, mixed = curve.learn(per_job, others=80)
    assert 0.45 < mixed < 0.55, f"80 curve jobs and 80 that were not: {mixed:.3f}"


def _axis_shares(cells: tuple[float, ...] | list[float], axis: int) -> dict[object, float]:
    """The cells' law on one axis of curve.CELLS (the bend as 1 / gamma)."""
    out: dict[object, float] = {}
    for w, cell in zip(cells, curve.CELLS, strict=True):
        out[cell[axis]] = out.get(cell[axis], 0.0) + w
    return out


def test_the_record_learns_each_axis_of_the_curves_and_a_restart_learns_the_same() -> None:
    """The cells' law is found by maximum likelihood on each axis (bend, queue, age, noise): a record of jobs
    that update their progress every second puts little on readings as old as a share of the run, and its
    bends where the jobs' were. Learned one job at a time, it is what a restart learns from that record."""
    memory = PlannerMemory()
    _run_racing(memory, random.Random(31), 120)
    cells = memory.prior("text").cells
    assert cells is not None
    stale = sum(w for age, w in _axis_shares(cells, 2).items() if age[1] > 0)  # type: ignore[index]
    # A single pass that averaged each job's cells (before) left 0.27 on them: every few readings fit both.
    assert stale < 0.15, stale
    bends = _axis_shares(cells, 0)
    inside = sum(w for inv, w in bends.items() if 0.7 < 1 / inv < 1.45)  # type: ignore[operator]
    assert inside > 0.85, "the racing jobs bend by 0.8-1.3"
    restarted = PlannerMemory(memory.observations).prior("text").cells
    assert restarted is not None
    for axis in range(4):
        a, b = _axis_shares(cells, axis), _axis_shares(restarted, axis)
        assert sum(abs(a[k] - b[k]) for k in a) < 0.05, (axis, a, b)
