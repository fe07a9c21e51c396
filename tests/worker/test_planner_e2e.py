"""Poll planner v2 through the real bot and the fake API: a fast task with a wildly high estimate, and the
learned bias surviving a restart.

Time is stepped, not waited for: the bot runs on the fake API's clock, and the test moves that clock to each
poll the bot planned (the job's `next_poll_at`), then wakes the worker. What is asserted is the simulated
schedule the fake API recorded (poll times relative to the task's creation) and the number of polls.
"""

from __future__ import annotations

import math

import pytest

from bot.jobs import Job
from bot.jobs.learning import Observation
from tests.conftest import Harness, answer
from tests.fakes.fake_apimart import FakeTask, Step, Timeline

pytestmark = pytest.mark.e2e

PRODUCTION_POLLING = {"poll_first_delay": 2.0, "poll_min_interval": 2.0, "poll_max_interval": 60.0}


async def _step_until_ended(h: Harness, job_id: int, max_steps: int = 50) -> Job:
    """Move the fake clock to each planned poll and let the bot make it, until the job has ended."""
    assert h.bot is not None
    for _ in range(max_steps):
        job = await h.store.get(job_id)
        assert job is not None
        if job.status.terminal and job.announced:
            return job
        polls = job.polls
        if job.next_poll_at is not None and job.task_id is not None:
            ahead = job.next_poll_at - h.api.unix_now()
            if ahead > 0:
                h.api.advance_time(ahead)
            h.bot.worker.wake()

        def moved(j: Job, seen: int = polls) -> bool:
            return j.polls > seen or (j.status.terminal and j.announced)

        await h.job_when(job_id, moved)
    raise AssertionError("the job did not end")


async def _one_job_through(h: Harness, timeline: Timeline, prompt: str) -> tuple[Job, FakeTask]:
    """Start the bot with production polling; one member makes one job on `timeline`, stepped to its end."""
    h.clock = h.api.unix_now
    await h.start(**PRODUCTION_POLLING)
    h.api.queue_timeline(timeline)
    alice = h.discord.add_user("alice")
    await answer(await h.video(alice, prompt))
    job = await h.job_when(1, lambda j: j.task_id is not None)
    job = await _step_until_ended(h, job.id)
    assert job.task_id is not None
    return job, h.api.task(job.task_id)


async def test_a_fast_task_with_a_300_s_estimate_and_racing_progress_is_delivered_within_5_s(
    harness: Harness,
) -> None:
    h = harness
    # The Remix of issue 11: the API says 300 s, progress races (33 % after 2 s), done at 4 s.
    racing = Timeline(
        steps=[Step(0.0, "pending", 0), Step(1.0, "processing", 10), Step(2.0, "processing", 33),
               Step(3.0, "processing", 66)],
        finish_at=4.0,
        estimated_time=300,
    )  # fmt: skip
    job, task = await _one_job_through(h, racing, "a paper boat, but faster")
    assert job.task_id is not None
    schedule = [t - task.created for t in h.api.poll_times(job.task_id)]
    assert schedule[0] == pytest.approx(2.0, abs=0.5), "the first look, at POLL_FIRST_DELAY"
    done = [t for t in schedule if t >= task.timeline.finish_at]
    assert done == [schedule[-1]], "polled until it was seen completed, then no more"
    assert schedule[-1] - task.timeline.finish_at <= 5.0, f"delivered within 5 s of finishing: {schedule}"
    assert len(schedule) <= 3, f"a couple of polls, not a minute-long gap nor 2 s polling: {schedule}"
    assert job.delivered_as is not None


async def test_the_learned_bias_survives_a_restart(harness: Harness) -> None:
    h = harness
    await h.start()
    # The API estimates 8 s for tasks that take 1-2 s (actual_time is whole seconds).
    for _ in range(3):
        h.api.queue_timeline(Timeline.quick(finish_at=0.3, estimated_time=8))
    users = [h.discord.add_user(f"user{i}") for i in range(3)]
    for i, user in enumerate(users):
        await answer(await h.video(user, f"clip {i}"))
        await h.ended(i + 1)
    assert h.bot is not None
    learned = h.bot.worker.ctx.planner.observations
    assert len(learned) == 3
    # Done at the first look: no poll saw progress, and that is learned too.
    assert all(o == Observation("text", 8.0, o.actual, progressed=False) and o.actual <= 2 for o in learned)
    before = h.bot.worker.ctx.planner.prior("text").ratio.quantile(0.5)
    silent_before = h.bot.worker.ctx.planner.prior("text").silent_share

    await h.restart()
    assert h.bot is not None
    memory = h.bot.worker.ctx.planner
    assert memory.observations == learned, "the track record came back from the database"
    after = memory.prior("text").ratio.quantile(0.5)
    assert after == pytest.approx(before)
    assert memory.prior("text").silent_share == pytest.approx(silent_before)
    assert silent_before > 0.5, "jobs done at the first look count as silent"
    assert math.exp(after) < 0.75, "and it says the API over-estimates (a fresh memory says 1.0)"


async def test_when_progress_showed_each_level_is_learned_and_survives_a_restart(harness: Harness) -> None:
    h = harness
    steady = Timeline(
        steps=[Step(0.0, "pending", 0), Step(1.0, "processing", 8), Step(6.0, "processing", 35),
               Step(12.0, "processing", 64), Step(20.0, "processing", 92)],
        finish_at=30.0,
        estimated_time=30,
    )  # fmt: skip
    job, task = await _one_job_through(h, steady, "a paper boat at dusk")
    assert job.task_id is not None and job.submitted_at is not None
    assert h.bot is not None
    (learned,) = h.bot.worker.ctx.planner.observations
    assert learned.progressed and learned.sightings, "a job that showed progress teaches what it meant"
    # Each sighting is a poll that saw at least that level, after an earlier poll that saw less.
    polls = [t - task.created for t in h.api.poll_times(job.task_id)]
    for level, at in learned.sightings:
        seen = min(polls, key=lambda t, at=at: abs(t - at))
        assert seen == pytest.approx(at, abs=0.5), (level, at, polls)
        before = [t for t in polls if t < seen - 0.5]
        assert before, (level, at, polls)
        progress_then = max((s.progress for s in task.timeline.steps if s.at <= seen), default=0)
        progress_before = max((s.progress for s in task.timeline.steps if s.at <= before[-1]), default=0)
        assert progress_before < level <= progress_then, (level, at, polls)
    # And how its progress moved: each reading is a poll and what the API answered to it.
    assert len(learned.readings) >= 3, learned.readings
    for at, progress in learned.readings:
        seen = min(polls, key=lambda t, at=at: abs(t - at))
        assert seen == pytest.approx(at, abs=0.5), (at, polls)
        assert progress == max((s.progress for s in task.timeline.steps if s.at <= seen), default=0)

    await h.restart()
    assert h.bot is not None
    assert h.bot.worker.ctx.planner.observations == [learned], "sightings and readings came back"
