"""The poll planner in simulated time: few polls, a short delay after the finish, and no trust in hints.

A job here is a function of the time since submit (its progress) plus a true duration; the simulator
polls it the way bot/worker/poll.py does (record_progress, then plan_next_poll) and reports when it polled.
The last test runs many jobs through the shared rate limiter against an API that answers 429.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from bot.jobs import schedule
from bot.jobs.schedule import plan_first_poll, plan_next_poll, record_progress
from bot.worker.ratelimit import RateLimiter
from tests.worker.test_ratelimit import SimTime, max_in_window

MIN, MAX, FIRST = 2.0, 60.0, 5.0

Progress = Callable[[float], int]


@dataclass
class Run:
    polls: list[float]
    duration: float

    @property
    def delay(self) -> float:
        """From the true finish to the poll that saw it."""
        return self.polls[-1] - self.duration

    def between(self, start: float, end: float) -> int:
        return sum(1 for t in self.polls if start <= t < end)


def simulate(
    progress: Progress,
    duration: float,
    estimate: float | None,
    *,
    prior: float = 90.0,
    push: bool = False,
    callback_at: float | None = None,
) -> Run:
    t = plan_first_poll(prior=prior, first_delay=FIRST, min_interval=MIN, max_interval=MAX, push_enabled=push)
    log: list[tuple[float, int]] = []
    polls: list[float] = []
    while True:
        if callback_at is not None and callback_at <= t:
            t, callback_at = callback_at, None
        polls.append(t)
        if t >= duration:
            return Run(polls, duration)
        assert len(polls) < 10_000, "the planner never reached the finish"
        log = record_progress(log, t, progress(t))
        plan = plan_next_poll(
            now=t,
            submitted_at=0.0,
            estimated_time=estimate,
            progress_log=log,
            prior=prior,
            min_interval=MIN,
            max_interval=MAX,
            push_enabled=push,
        )
        assert MIN <= plan.delay <= (schedule.PUSH_MAX_GAP_FACTOR if push else 1) * MAX
        t += plan.delay


def linear(duration: float, queue: float = 0.0) -> Progress:
    return lambda t: 0 if t < queue else min(99, int(100 * (t - queue) / (duration - queue)))


# ---- the shape: sparse far from the finish, dense around it -------------------------------------------


@pytest.mark.parametrize("estimate_error", [0.6, 1.0, 1.5])
def test_smooth_job_is_polled_sparsely_then_caught_quickly(estimate_error: float) -> None:
    duration = 300.0
    run = simulate(linear(duration, queue=10), duration, estimate=duration * estimate_error)
    fixed_5s_polls = duration / 5
    assert len(run.polls) <= fixed_5s_polls / 3
    assert run.between(0, duration / 2) <= 5, "sparse while the finish is far"
    assert run.delay <= MIN * schedule.OVERDUE_CAP


def test_no_progress_at_all_falls_back_on_the_estimate_then_steady_polls() -> None:
    duration = 200.0
    run = simulate(lambda t: 0, duration, estimate=120)
    assert run.between(0, 0.75 * 120) <= 0.75 * 120 / 5 / 2, "half of what fixed 5 s polling would spend"
    assert run.delay <= MIN * schedule.OVERDUE_CAP
    # Overdue polling stays steady and short: never wider than the overdue cap.
    late = [b - a for a, b in zip(run.polls, run.polls[1:], strict=False) if a >= 120]
    assert max(late) <= MIN * schedule.OVERDUE_CAP * 1.0001


def test_without_estimate_the_recent_history_sets_the_pace() -> None:
    short = simulate(lambda t: 0, 40.0, estimate=None, prior=40.0)
    long = simulate(lambda t: 0, 40.0, estimate=None, prior=400.0)
    assert short.delay <= MIN * schedule.OVERDUE_CAP
    assert short.between(0, 30) > long.between(0, 30), "a short typical duration means an earlier look"


# ---- stalls --------------------------------------------------------------------------------------------


def test_a_stalled_job_is_polled_less_often_than_a_moving_one() -> None:
    # Both start alike and both outlive the API's estimate (120 s): one keeps moving, one sits at 30 %.
    moving = simulate(lambda t: min(99, int(t / 6)), 600.0, estimate=120)
    stalled = simulate(lambda t: min(30, int(t / 2)), 600.0, estimate=120)
    assert stalled.between(300, 600) < moving.between(300, 600) / 2
    gaps = [b - a for a, b in zip(stalled.polls, stalled.polls[1:], strict=False) if a >= 150]
    assert gaps[-1] > 3 * gaps[0], "the longer the stall, the sparser the polls"


def test_the_stall_back_off_fades_near_the_end() -> None:
    # Sitting at 97 % is finalising, not stuck: the job is still caught quickly.
    duration = 400.0
    run = simulate(lambda t: 97 if t > 100 else int(t / 2), duration, estimate=120)
    assert run.delay <= MIN * schedule.OVERDUE_CAP


# ---- progress that lies ----------------------------------------------------------------------------------


def _backwards(t: float) -> int:
    return [5, 40, 25, 60, 30, 45, 20][min(6, int(t // 50))]


LIARS: dict[str, Progress] = {
    "goes backwards": _backwards,
    "jumps to 99 and sits": lambda t: 1 if t < 40 else 99,
    "stays 0": lambda t: 0,
    "jumps around": lambda t: random.Random(int(t)).randint(1, 99),
}


@pytest.mark.parametrize("name", list(LIARS))
@pytest.mark.parametrize(("duration", "estimate"), [(360.0, 200.0), (90.0, 120.0), (300.0, None)])
def test_jobs_whose_progress_lies_still_finish_promptly(
    name: str, duration: float, estimate: float | None
) -> None:
    run = simulate(LIARS[name], duration, estimate=estimate)
    # Bounded: at worst the gap a stall at low progress earns (a tenth-ish of the job), and never
    # more polls than polling at the minimum interval would have made.
    assert run.delay <= max(MIN * schedule.OVERDUE_CAP, 0.15 * duration)
    assert len(run.polls) <= duration / MIN


def test_record_progress_keeps_the_start_of_a_stall() -> None:
    log: list[tuple[float, int]] = []
    for t, p in [(1, 10), (2, 20), (3, 30), (4, 30), (5, 30), (6, 30), (7, 0)]:
        log = record_progress(log, t, p)
    assert log == [(1, 10), (2, 20), (3, 30), (6, 30)], "first and latest sighting of 30 survive"
    assert len(record_progress([(float(i), i) for i in range(1, 20)], 20.0, 20)) == 8


# ---- push ------------------------------------------------------------------------------------------------


def test_with_push_the_callback_does_the_work_and_polls_are_a_rare_safety_net() -> None:
    duration = 300.0
    run = simulate(linear(duration), duration, estimate=250, push=True, callback_at=duration + 0.1)
    assert len(run.polls) <= 2
    assert run.delay == pytest.approx(0.1)
    lost = simulate(linear(duration), duration, estimate=250, push=True)
    assert len(lost.polls) <= 4, "a lost callback is caught by a handful of safety-net polls"


# ---- many jobs through the shared limiter ------------------------------------------------------------


async def test_many_jobs_share_the_rate_and_a_429_pauses_them_all() -> None:
    """The worker's loop in miniature: planner + limiter, the API answers 429 (Retry-After 20) once."""
    sim = SimTime()
    rate = 120
    limiter = RateLimiter(rate, clock=sim.clock, sleep=sim.sleep)
    rng = random.Random(5)
    requests: list[float] = []
    limited_at: list[float] = []
    finished: dict[int, float] = {}

    async def job(index: int) -> None:
        duration = rng.uniform(20, 200)
        progress = linear(duration)
        next_at = FIRST
        log: list[tuple[float, int]] = []
        while True:
            await sim.sleep(next_at - sim.now)
            await limiter.acquire()
            now = sim.now
            requests.append(now)
            if not limited_at and now >= 60:  # the first request after a minute gets a 429
                limited_at.append(now)
                limiter.pause(20.0)
                next_at = max(now + MIN, limiter.paused_until)
                continue
            if now >= duration:
                finished[index] = now - duration
                return
            log = record_progress(log, now, progress(now))
            plan = plan_next_poll(
                now=now,
                submitted_at=0.0,
                estimated_time=duration * rng.uniform(0.5, 1.5),
                progress_log=log,
                prior=90.0,
                min_interval=MIN,
                max_interval=MAX,
            )
            next_at = now + plan.delay

    tasks = [asyncio.create_task(job(i)) for i in range(100)]
    await sim.run(until=3600, done=lambda: len(finished) == 100)
    await asyncio.gather(*tasks)

    assert len(finished) == 100, "every job finished"
    assert max_in_window(requests, 60.0) <= rate
    [t429] = limited_at
    assert [t for t in requests if t429 < t < t429 + 20] == [], "nothing was sent during Retry-After"
