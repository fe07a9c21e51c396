"""Push mode through the real bot and the fakes: a callback is a hint that triggers a poll, not a verdict."""

from __future__ import annotations

import asyncio
import secrets
import socket
import time
from typing import Any

import aiohttp
import pytest

from bot.jobs import JobStatus
from bot.jobs.schedule import plan_first_poll
from bot.store.callbacks import EARLY_CALLBACK_KEEP
from tests.conftest import Harness, card_of_job
from tests.fakes.fake_apimart import Timeline
from tests.fakes.fake_discord import FakeMessage

pytestmark = pytest.mark.e2e

SAFETY_NET = 30.0  # poll_max_interval: without the callback, nothing would look for a long while


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _start_with_push(h: Harness, **overrides: Any) -> str:
    port = _free_port()
    public = f"http://127.0.0.1:{port}/hooks/apimart"
    await h.start(
        webhook_public_url=public,
        webhook_listen_host="127.0.0.1",
        webhook_listen_port=port,
        poll_max_interval=SAFETY_NET,
        **overrides,
    )
    return public


async def _acted_on(h: Harness) -> None:
    """Every callback the bot has received so far has been acted on (its poke returned)."""
    assert h.bot is not None and h.bot.webhook is not None
    await h.bot.webhook.settled()


async def _kept_callbacks(h: Harness) -> int:
    """How many callbacks for tasks no job has (yet) the store keeps."""
    return int((await h.store.fetch_raw("SELECT COUNT(*) FROM early_callbacks"))[0][0])


def _results(h: Harness, user_id: int) -> list[FakeMessage]:
    return [
        m
        for m in h.discord.channel.messages
        if m.author.id == h.discord.bot_user.id and m.attachments and f"<@{user_id}>" in m.text
    ]


def _fields(card: FakeMessage) -> list[dict[str, object]]:
    return list(card.embeds[0].get("fields") or []) if card.embeds else []


def _forged_body(task_id: str, base_url: str) -> dict[str, object]:
    return {
        "code": 200,
        "data": {
            "id": task_id,
            "status": "completed",
            "progress": 100,
            "result": {"videos": [{"url": [f"{base_url}/files/forged.mp4"], "expires_at": 2_000_000_000}]},
        },
    }


async def test_a_callback_delivers_without_waiting_for_the_next_poll(harness: Harness) -> None:
    h = harness
    public = await _start_with_push(h)
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(Timeline.quick(1.0, estimated_time=1))
    started = time.monotonic()
    await h.video(alice, "a kite over the sea")

    await h.discord.wait_until(lambda: len(_results(h, alice.id)) == 1, timeout=10)
    took = time.monotonic() - started
    assert took < SAFETY_NET / 3, f"delivered {took:.1f} s after the command: the callback did it"

    [submit] = h.api.submits
    assert submit["webhook"] == public
    [task_id] = h.api.tasks
    callback = next(c for c in h.api.callbacks if c.task_id == task_id and c.status == 200)
    polls = h.api.poll_times(task_id)
    assert len(polls) <= 2
    assert polls[-1] >= callback.time, "the poll that found the clip came after the callback"
    assert polls[-1] - callback.time < 1.0


async def test_a_forged_callback_for_an_unfinished_task_delivers_nothing(harness: Harness) -> None:
    h = harness
    await _start_with_push(h)
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(Timeline.manual(estimated_time=60))
    await h.video(alice, "still rendering")
    await h.discord.wait_until(lambda: len(h.api.tasks) == 1)
    [task_id] = h.api.tasks
    # The bot knows the task once it has stored its id, and its card shows progress from then on; a callback
    # before that names a task it does not know yet and is ignored (on PostgreSQL that window was once hit).
    await card_of_job(h, 1, where=lambda m: any(f.get("name") == "Progress" for f in _fields(m)))
    before = h.api.polls(task_id)

    status = await h.api.send_callback(task_id, body=_forged_body(task_id, h.api.base_url))
    assert status == 200
    # The callback only makes the bot ask the API, which says the task is still running.
    await h.discord.wait_until(lambda: h.api.polls(task_id) == before + 1)
    job = await h.store.get_by_task(task_id)
    assert job is not None and job.status in (JobStatus.SUBMITTED, JobStatus.RUNNING)
    assert _results(h, alice.id) == []
    assert not any(r.path.endswith("/forged.mp4") for r in h.api.requests), "the forged URL is never fetched"

    # The real completion still comes through.
    h.api.complete(task_id)
    await h.discord.wait_until(lambda: len(_results(h, alice.id)) == 1, timeout=10)


async def test_a_callback_for_an_unknown_task_is_ignored(harness: Harness) -> None:
    h = harness
    public = await _start_with_push(h)
    stranger = "task_01KS1H7ZYSJWH1N779S2FSHTKA"
    status = await h.api.send_callback(stranger, webhook=public, body=_forged_body(stranger, h.api.base_url))
    assert status == 200, "answered, so the sender does not retry; nothing else happens"
    await _acted_on(h)
    assert h.api.polls(stranger) == 0
    assert await _kept_callbacks(h) == 0, "no submit in flight: it cannot be an early callback"
    assert [m for m in h.discord.channel.messages if m.author.id == h.discord.bot_user.id] == []


async def test_a_callback_before_the_task_id_is_stored_brings_the_clip_at_once(harness: Harness) -> None:
    """A very fast task can call back before the bot has stored the task id its submit returned. Here the
    submit is held at the API, the task created and finished, while the bot waits for the id: its genuine
    callback arrives then, names a task no job has yet, and must not be lost until the safety-net poll."""
    h = harness
    await _start_with_push(h, api_timeout_seconds=60.0)  # the held submit must not time out
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(Timeline.manual(estimated_time=60))
    held = h.api.hold("submit")
    await h.video(alice, "a hummingbird, very fast")
    task = await asyncio.wait_for(held.reached(), 10)  # the task exists; the bot has no id yet

    h.api.complete(task.id)  # done at once: the API calls back
    await h.api.wait_until(lambda: any(c.task_id == task.id and c.status == 200 for c in h.api.callbacks))
    await _acted_on(h)
    assert await h.store.get_by_task(task.id) is None, "the id is not stored yet"
    assert h.api.polls(task.id) == 0
    # Without the callback the bot would look first when its safety net says (a long typical job).
    assert h.bot is not None
    safety_net = plan_first_poll(
        prior=h.bot.worker.ctx.planner.prior("text"), first_delay=h.settings.poll_first_delay,
        min_interval=h.settings.poll_min_interval, max_interval=SAFETY_NET, push_enabled=True,
    )  # fmt: skip
    held.release()

    await h.discord.wait_until(lambda: len(_results(h, alice.id)) == 1, timeout=10)
    job = await h.ended(1)
    assert job.status == JobStatus.DELIVERED and job.task_id == task.id
    [submit] = [r for r in h.api.requests if r.route == "submit"]
    assert submit.answered_at is not None
    polls = h.api.poll_times(task.id)
    assert len(polls) == 1, "one poll found the clip"
    assert submit.answered_at <= polls[0] < submit.answered_at + safety_net, (
        "polled once the id was stored, not when the safety net would have"
    )
    assert [c.status for c in h.api.callbacks if c.task_id == task.id] == [200], "called back once"
    assert len(_results(h, alice.id)) == 1
    await h.discord.wait_for_message(lambda m: m.pinged_user_ids == {alice.id})
    assert sum(1 for m in h.discord.channel.messages if m.pinged_user_ids == {alice.id}) == 1
    assert await _kept_callbacks(h) == 0, "taken by the submit that stored its id"


async def test_forged_callbacks_for_unknown_tasks_change_nothing_and_stay_bounded(harness: Harness) -> None:
    """While a submit is in flight, a callback for a task no job has may be its early callback, so it is
    kept; a flood of forged ones for random ids is kept up to a bound, is never polled, and the job in
    flight goes on as if nothing had come."""
    h = harness
    public = await _start_with_push(h, api_timeout_seconds=60.0)
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(Timeline.manual(estimated_time=60))
    held = h.api.hold("submit")
    await h.video(alice, "a quiet pond")
    task = await asyncio.wait_for(held.reached(), 10)

    forged = [f"task_{secrets.token_hex(13).upper()}" for _ in range(EARLY_CALLBACK_KEEP + 40)]
    async with aiohttp.ClientSession() as session:

        async def forge(task_id: str) -> int:
            body = _forged_body(task_id, h.api.base_url)
            async with session.post(f"{public}/callback", json=body) as resp:
                return resp.status

        for start in range(0, len(forged), 50):
            statuses = await asyncio.gather(*(forge(t) for t in forged[start : start + 50]))
            assert set(statuses) == {200}
    await _acted_on(h)
    assert await _kept_callbacks(h) == EARLY_CALLBACK_KEEP, "the oldest are forgotten past the bound"
    held.release()

    job = await h.job_when(1, lambda j: j.task_id is not None)
    assert job.task_id == task.id
    h.api.complete(task.id)  # the real callback, once the id is stored
    await h.discord.wait_until(lambda: len(_results(h, alice.id)) == 1, timeout=10)
    assert (await h.ended(1)).status == JobStatus.DELIVERED
    assert not any(r.route == "status" and r.task_id in forged for r in h.api.requests), "never polled"
    assert not any(r.path.endswith("/forged.mp4") for r in h.api.requests), "the forged URL is never fetched"
    assert len(_results(h, alice.id)) == 1
    assert await _kept_callbacks(h) == EARLY_CALLBACK_KEEP, "no forged id ever turned into a poll"


async def test_duplicate_callbacks_are_harmless(harness: Harness) -> None:
    h = harness
    await _start_with_push(h)
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(Timeline.quick(0.5, estimated_time=1))
    await h.video(alice, "one clip only")
    await h.discord.wait_until(lambda: len(_results(h, alice.id)) == 1, timeout=10)
    [task_id] = h.api.tasks
    await h.discord.wait_for_message(lambda m: m.pinged_user_ids == {alice.id})
    polls = h.api.polls(task_id)

    for _ in range(3):
        assert await h.api.send_callback(task_id) == 200
    job = await h.store.get_by_task(task_id)
    assert job is not None and job.status == JobStatus.DELIVERED
    assert len(_results(h, alice.id)) == 1
    assert h.api.polls(task_id) == polls, "a finished job is not polled again"
    pings = [m for m in h.discord.channel.messages if m.pinged_user_ids == {alice.id}]
    assert len(pings) == 1


async def test_the_receiver_refuses_junk_quickly(harness: Harness) -> None:
    h = harness
    public = await _start_with_push(h)
    async with aiohttp.ClientSession() as session:

        async def post(path: str, data: bytes) -> int:
            url = public.rsplit("/hooks/apimart", 1)[0] + path
            async with session.post(url, data=data, headers={"Content-Type": "application/json"}) as resp:
                return resp.status

        assert await post("/hooks/apimart/callback", b"{not json") == 400
        assert await post("/hooks/apimart/callback", b'{"data": {"status": "completed"}}') == 400
        assert await post("/callback", b'{"data": {"id": "../../etc/passwd"}}') == 400
        assert await post("/hooks/apimart/callback", b'{"id": "' + b"x" * 70_000 + b'"}') == 413
        assert await post("/elsewhere", b"{}") == 404
    assert [m for m in h.discord.channel.messages if m.author.id == h.discord.bot_user.id] == []


async def test_without_a_public_url_nothing_listens(bot_harness: Harness) -> None:
    h = bot_harness
    assert h.bot is not None and getattr(h.bot, "webhook", None) is None
    alice = h.discord.add_user("alice")
    await h.video(alice, "plain polling")
    await h.discord.wait_until(lambda: len(_results(h, alice.id)) == 1, timeout=10)
    [submit] = h.api.submits
    assert "webhook" not in submit


async def test_a_callback_ahead_of_the_status_endpoint_is_checked_again_soon(harness: Harness) -> None:
    h = harness
    await _start_with_push(h)
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(Timeline.manual(estimated_time=60))
    h.api.callback_statuses = frozenset()  # the API's own callback will not come: only ours below
    await h.video(alice, "finished a moment later")
    await h.discord.wait_until(lambda: len(h.api.tasks) == 1)
    [task_id] = h.api.tasks
    before = h.api.polls(task_id)

    # The callback says "completed" while the status endpoint still says "processing"…
    await h.api.send_callback(task_id, body=_forged_body(task_id, h.api.base_url))
    await h.api.wait_until(lambda: h.api.polls(task_id) == before + 1)
    h.api.complete(task_id)  # …and agrees a moment later.

    # One follow-up poll finds it, long before the sparse safety-net poll would have.
    await h.discord.wait_until(lambda: len(_results(h, alice.id)) == 1, timeout=SAFETY_NET / 3)
    assert h.api.polls(task_id) == before + 2
