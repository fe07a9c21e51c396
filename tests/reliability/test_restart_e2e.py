"""Kill -9 the real `python -m bot` while jobs are in flight: every result is posted exactly once."""

from __future__ import annotations

import pytest

from tests.conftest import BotProcess, asked_by
from tests.fakes.fake_apimart import FakeApiMart, Timeline
from tests.fakes.fake_discord import FakeDiscord, FakeMessage

pytestmark = pytest.mark.e2e


async def _started(fake: FakeDiscord, proc: BotProcess, identifies_before: int) -> None:
    await proc.start()
    await fake.wait_until(
        lambda: fake.identify_count > identifies_before and bool(fake.commands.get(fake.guild.id)), timeout=30
    )
    await fake.wait_connected(timeout=30)


def _results(fake: FakeDiscord) -> list[FakeMessage]:
    return [m for m in fake.channel.messages if m.author.id == fake.bot_user.id and m.attachments]


async def test_sigkill_with_five_jobs_in_flight(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, bot_process: BotProcess
) -> None:
    fd, fa = fake_discord, fake_api
    await _started(fd, bot_process, 0)

    # One clip delivered before the kill, to press Extend on afterwards.
    first_user = fd.add_user("first")
    await fd.slash(first_user, "video", {"prompt": "before the crash"})
    await fd.wait_until(lambda: len(_results(fd)) == 1, timeout=30)
    [old_card] = _results(fd)

    fa.queue_timeline(*[Timeline.manual(estimated_time=1) for _ in range(5)])
    users = [fd.add_user(f"user{i}") for i in range(5)]
    for user in users:
        await fd.slash(user, "video", {"prompt": f"in flight for {user.name}"})
    await fa.wait_until(lambda: len(fa.submits) == 6, timeout=30)
    await fa.wait_until(lambda: all(fa.polls(t) >= 1 for t in list(fa.tasks)[1:]), timeout=30)

    identifies = fd.identify_count
    await bot_process.kill()
    for task_id in list(fa.tasks)[1:]:
        fa.complete(task_id)
    await _started(fd, bot_process, identifies)

    await fd.wait_until(lambda: len(_results(fd)) == 6, timeout=30)
    await fd.wait_until(lambda: sum(1 for m in fd.channel.messages if m.pinged_user_ids) == 6, timeout=30)
    for user in users:
        cards = [m for m in _results(fd) if asked_by(m) == user.id]
        assert len(cards) == 1, f"{user.name} got {len(cards)} results"
        pings = [m for m in fd.channel.messages if m.pinged_user_ids == {user.id}]
        assert len(pings) == 1
    assert len(fa.submits) == 6, "nothing was submitted twice"

    # The Extend button on the message posted before the kill still works.
    button = old_card.button("Extend")
    assert button is not None
    click = await fd.click(first_user, old_card, str(button["custom_id"]))
    opened = await click.wait_response()
    assert opened.type == 9
    submit = await fd.submit_modal(
        first_user, opened.data["custom_id"], {"prompt": "after"}, message=old_card
    )
    await submit.wait_original(lambda m: not m.loading)
    await fd.wait_until(lambda: len(_results(fd)) == 7, timeout=30)
    assert fa.submits[-1]["extend_from_task_id"] == next(iter(fa.tasks))
    assert await bot_process.terminate() == 0

    log = bot_process.output()
    assert "submitting -> submitted" in log and "delivering -> delivered" in log
    assert fd.token not in log and fa.api_key not in log, "no secret reaches a log line"


async def test_sigkill_mid_submit_is_not_resent_and_the_user_is_told(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, bot_process: BotProcess
) -> None:
    fd, fa = fake_discord, fake_api
    await _started(fd, bot_process, 0)
    fa.fault_next("submit", "slow", delay=3.0)
    alice = fd.add_user("alice")
    await fd.slash(alice, "video", {"prompt": "caught mid-submit"})
    await fa.wait_until(lambda: len(fa.submit_attempts) == 1, timeout=30)

    identifies = fd.identify_count
    await bot_process.kill()
    await _started(fd, bot_process, identifies)

    told = await fd.wait_for_message(lambda m: "may or may not have started" in m.text, timeout=30)
    assert told.button("Extend") is None
    await fd.wait_for_message(lambda m: m.pinged_user_ids == {alice.id}, timeout=30)
    assert len(fa.submit_attempts) == 1, "a submit that may have been billed is never sent again"
    assert await bot_process.terminate() == 0
