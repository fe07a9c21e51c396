"""A line instead of a no (issue 13, part 4), through the real bot and the fakes: a member over their
concurrent limit waits in their own line, in order, across a restart; Cancel moves the others up."""

from __future__ import annotations

import re

import pytest

from tests.conftest import Harness, asked_by, card_of_job
from tests.fakes.fake_apimart import FakeApiMart, Timeline
from tests.fakes.fake_discord import FakeInteraction, FakeMessage, FakeUser

pytestmark = pytest.mark.e2e

ACCEPTED = re.compile(r"Your video is on its way as job #(\d+): ")
LINE_FULL = (
    "You have 2 videos in progress and 3 waiting in your line (the most this server allows); "
    "wait for one to finish."
)


async def answer(ia: FakeInteraction) -> str:
    msg = await ia.wait_original(lambda m: not m.loading, timeout=15)
    assert ia.ephemeral
    return msg.content


def delivered(h: Harness, user: FakeUser) -> list[FakeMessage]:
    return [
        m
        for m in h.discord.channel.messages
        if m.author.id == h.discord.bot_user.id and asked_by(m) == user.id and m.attachments
    ]


def complete_oldest(api: FakeApiMart) -> None:
    task = next(t for t in api.tasks.values() if not t.is_terminal)
    api.complete(task.id)


async def five_in(h: Harness, user: FakeUser) -> list[int]:
    ids = []
    for i in range(5):
        said = await answer(await h.video(user, f"clip {i}"))
        found = ACCEPTED.match(said)
        assert found, said
        ids.append(int(found.group(1)))
    await h.api.wait_until(lambda: len(h.api.submits) == 2)
    for place, job_id in zip(("1st", "2nd", "3rd"), ids[2:], strict=True):
        await card_of_job(h, job_id, where=lambda m, p=place: f"{p} in your line" in m.text)
    assert len(h.api.submits) == 2, "three wait in alice's line, not at the API"
    return ids


async def test_five_videos_two_start_three_wait_in_order_across_a_restart(harness: Harness) -> None:
    h = harness
    await h.start(user_concurrent_limit=2, user_queue_limit=3, user_daily_limit=10, cooldown_seconds=0)
    h.api.default_timeline = Timeline.manual(estimated_time=1)
    alice = h.discord.add_user("alice")
    ids = await five_in(h, alice)
    assert await answer(await h.video(alice, "clip 5")) == LINE_FULL, "the sixth is refused, both numbers"

    await h.restart()  # the line is in the store: it survives
    await card_of_job(h, ids[4], where=lambda m: "3rd in your line" in m.text)
    assert len(h.api.submits) == 2

    complete_oldest(h.api)
    await h.api.wait_until(lambda: len(h.api.submits) == 3)
    await card_of_job(h, ids[3], where=lambda m: "1st in your line" in m.text)
    await card_of_job(h, ids[4], where=lambda m: "2nd in your line" in m.text)
    for n in (4, 5):
        complete_oldest(h.api)
        await h.api.wait_until(lambda n=n: len(h.api.submits) == n)
    for _ in range(2):
        complete_oldest(h.api)
    await h.discord.wait_until(lambda: len(delivered(h, alice)) == 5, timeout=20)

    assert [s["prompt"] for s in h.api.submits] == [f"clip {i}" for i in range(5)], "in order, once each"
    assert len(h.api.submit_attempts) == 5
    assert sorted(c.id for c in delivered(h, alice)) == sorted({c.id for c in delivered(h, alice)})
    for card in delivered(h, alice):
        assert "in your line" not in card.text
    assert not h.discord.errors, [e.error for e in h.discord.errors]


async def test_cancelling_a_job_in_line_moves_the_others_up(harness: Harness) -> None:
    h = harness
    await h.start(user_concurrent_limit=2, user_queue_limit=3, user_daily_limit=10, cooldown_seconds=0)
    h.api.default_timeline = Timeline.manual(estimated_time=1)
    alice = h.discord.add_user("alice")
    ids = await five_in(h, alice)

    card = await card_of_job(h, ids[2], where=lambda m: m.button("Cancel") is not None)
    cancel = card.button("Cancel")
    assert cancel is not None
    said = await answer(await h.discord.click(alice, card, str(cancel["custom_id"])))
    assert said.startswith("Cancelled before it started"), said
    await card_of_job(h, ids[3], where=lambda m: "1st in your line" in m.text)
    await card_of_job(h, ids[4], where=lambda m: "2nd in your line" in m.text)
    job = await h.store.get(ids[2])
    assert job is not None and job.status.terminal and not job.in_line and not job.charged

    # A place is free again: a new one waits behind the others.
    said = await answer(await h.video(alice, "clip 5"))
    found = ACCEPTED.match(said)
    assert found, said
    await card_of_job(h, int(found.group(1)), where=lambda m: "3rd in your line" in m.text)
    assert len(h.api.submits) == 2
    assert not h.discord.errors, [e.error for e in h.discord.errors]
