"""The benchmark's informed poller (bench/informed.py): its posterior must be the truth's, or its figure is
not what a planner could reach."""

from __future__ import annotations

import random

from bench import informed, oracle, pollsim
from bench.workload import make_variant


def test_the_posterior_never_rules_out_the_true_finish_and_its_tails_are_honest() -> None:
    rng = random.Random(5)
    polls = early = late = 0
    for job in make_variant("fast", 120, seed=41):
        post = informed.Posterior.prior()
        t = oracle.FIRST_LOOK
        while t < job.duration:
            post.see(t, job.progress_at(t))
            law = post.law(t)
            assert law is not None, f"job {job.index}: every finish ruled out at {t:.1f} s"
            k = min(int((job.duration - t) / oracle.STEP), len(law.survival) - 1)
            beyond = law.survival[k]  # P(T > a grid point at most STEP before the truth)
            assert beyond > 0, f"job {job.index}: its true finish {job.duration:.1f} s ruled out at {t:.1f} s"
            polls += 1
            early += beyond < 0.05  # the belief had it done already
            late += beyond > 0.95  # the belief had it far off
            t += rng.uniform(2.0, 8.0)
    assert polls > 300
    # A calibrated belief puts the truth in each 5 % tail about 5 % of the time (the grid adds a little).
    assert early / polls < 0.1 and late / polls < 0.12, (early / polls, late / polls)


def test_it_polls_as_the_bot_may_and_reads_racing_progress_into_few_calls() -> None:
    jobs = [j for j in make_variant("fast", 200, seed=42) if 40 < j.duration < 120][:25]
    fixed = pollsim.Summary.of("fixed", pollsim.simulate(pollsim.Fixed(), jobs))
    runs = [informed.run(j, late_cost=25.0, late_after=5.0) for j in jobs]
    delays = [d for _, d in runs]
    assert all(d >= 0 for d in delays)
    assert max(delays) < 15, "the truth is never left for long"
    calls = sum(p for p, _ in runs) / len(runs)
    assert calls < 0.5 * fixed.calls, "a long racing job's finish is read from its progress, not waited out"


def test_the_reference_keeps_each_jobs_polls_so_the_bench_can_split_them_by_the_records_age() -> None:
    jobs = make_variant("fast", 30, seed=43)
    ref = informed.reference(jobs, rounds=2)
    assert len(ref.polls) == len(jobs)
    assert sum(ref.polls) / len(jobs) == ref.calls
    # They are the polls its chosen price makes, job by job, in the record's order.
    assert [informed.run(j, ref.late_cost, 5.0)[0] for j in jobs[:5]] == list(ref.polls[:5])
