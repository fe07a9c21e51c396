"""Spend control through the real bot and the fakes: no burst, race or outage spends beyond a limit.

Each test acts like the people on a server would (forty commands at once, forty members pressing the same
button, a revoked API key, an empty account) and checks what they would notice: how many clips really
reach the video service, and the one sentence each refused person reads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections.abc import AsyncIterator, Iterable
from functools import partial

import pytest

from bot.jobs import Job, JobStatus
from bot.jobs.limits import next_reset
from bot.jobs.sentences import MISCONFIGURED_SENTENCE, OUT_OF_CREDIT_SENTENCE
from tests.conftest import Harness, asked_by
from tests.fakes.fake_apimart import FakeApiMart, Timeline
from tests.fakes.fake_discord import FakeInteraction, FakeMessage, FakeUser

pytestmark = pytest.mark.e2e

ACCEPTED = re.compile(r"Your video is on its way as job #(\d+): ")
TS = r"<t:(\d+):R>"


# ---- helpers -------------------------------------------------------------------------------------------


async def answer(ia: FakeInteraction, timeout: float = 15) -> str:
    """The one (ephemeral) sentence the bot left for this interaction, once it is more than "thinking…"."""
    msg = await ia.wait_original(lambda m: not m.loading, timeout=timeout)
    assert ia.ephemeral, "answers to a command are only shown to the person who asked"
    assert not ia.followups, f"one answer per interaction, got {len(ia.followups)} more"
    assert "Traceback" not in msg.content
    return msg.content


async def answers(ias: Iterable[FakeInteraction]) -> list[str]:
    return list(await asyncio.gather(*(answer(ia, timeout=30) for ia in ias)))


def accepted(texts: list[str]) -> list[str]:
    return [t for t in texts if ACCEPTED.match(t)]


def refused(texts: list[str]) -> list[str]:
    return [t for t in texts if not ACCEPTED.match(t)]


def unfinished(api: FakeApiMart) -> int:
    return sum(1 for t in api.tasks.values() if not t.is_terminal)


@contextlib.asynccontextmanager
async def watch_unfinished(api: FakeApiMart) -> AsyncIterator[list[int]]:
    """Record how many tasks are unfinished at the API each time a request (e.g. a submit) is answered.

    The fake re-checks a wait_until predicate after every request and every answer; a task is created
    while its submit is handled, so every submit is observed with its own task already counted.
    """
    seen: list[int] = []

    def sample() -> bool:
        seen.append(unfinished(api))
        return False

    watcher = asyncio.create_task(api.wait_until(sample, timeout=3600))
    try:
        yield seen
    finally:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher


def bot_cards(h: Harness, user: FakeUser | None = None) -> list[FakeMessage]:
    return [
        m
        for m in h.discord.channel.messages
        if m.author.id == h.discord.bot_user.id
        and asked_by(m) is not None
        and (user is None or asked_by(m) == user.id)
    ]


def delivered_cards(h: Harness, user: FakeUser | None = None) -> list[FakeMessage]:
    return [m for m in bot_cards(h, user) if m.attachments]


def pings(h: Harness, user: FakeUser) -> list[FakeMessage]:
    return [m for m in h.discord.channel.messages if m.pinged_user_ids == {user.id}]


async def wait_pings(h: Harness, user: FakeUser, count: int, timeout: float = 15) -> None:
    """The requester was told `count` times that a job ended (delivered or not): the jobs are settled."""
    await h.discord.wait_until(lambda: len(pings(h, user)) >= count, timeout=timeout)


def complete_all(api: FakeApiMart) -> list[str]:
    done = [t.id for t in api.tasks.values() if not t.is_terminal]
    for task_id in done:
        api.complete(task_id)
    return done


async def all_jobs(h: Harness) -> list[Job]:
    return list(await h.store.jobs_with_status(list(JobStatus)))


def reset_timestamp_ok(sentence: str) -> None:
    """The daily refusals name the next UTC midnight as a Discord timestamp."""
    match = re.search(TS, sentence)
    assert match, sentence
    assert int(match[1]) == int(next_reset(time.time())), "resets at the next UTC midnight"


# ---- per-user limits under a burst ---------------------------------------------------------------------


async def test_forty_concurrent_commands_from_one_user(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness
    # No line (USER_QUEUE_LIMIT=0): over the concurrent limit is a plain no, as before issue 13.
    await h.start(user_concurrent_limit=2, user_queue_limit=0, user_daily_limit=3, cooldown_seconds=0)
    h.api.default_timeline = Timeline.manual(estimated_time=1)
    alice = h.discord.add_user("alice")

    async with watch_unfinished(h.api) as seen:
        # Burst 1: forty /video dispatched back to back, nobody waits for an answer in between.
        ias = await asyncio.gather(*(h.video(alice, f"burst one #{i}") for i in range(40)))
        texts = await answers(ias)
        assert len(accepted(texts)) == 2
        concurrent = (
            "You already have 2 of your 2 videos in progress; start another when one of them finishes."
        )
        assert refused(texts) == [concurrent] * 38
        await h.api.wait_until(lambda: len(h.api.submits) == 2)
        assert len(await all_jobs(h)) == 2, "refused commands leave no job behind (nothing can be sent later)"

        complete_all(h.api)
        await h.discord.wait_until(lambda: len(delivered_cards(h, alice)) == 2)
        await wait_pings(h, alice, 2)

        # Burst 2: the concurrency slots are free again, but only one clip is left of the day's three.
        ias = await asyncio.gather(*(h.video(alice, f"burst two #{i}") for i in range(40)))
        texts = await answers(ias)
        assert len(accepted(texts)) == 1
        daily = refused(texts)
        assert len(daily) == 39
        for sentence in daily:
            assert re.fullmatch(
                rf"You've made 3 of your 3 videos today; your allowance resets {TS}\.", sentence
            )
            reset_timestamp_ok(sentence)
        await h.api.wait_until(lambda: len(h.api.submits) == 3)
        assert len(await all_jobs(h)) == 3

        complete_all(h.api)
        await h.discord.wait_until(lambda: len(delivered_cards(h, alice)) == 3)
        await wait_pings(h, alice, 3)

        # Burst 3: the day is used up, nothing more goes out whatever the state of the slots.
        ias = await asyncio.gather(*(h.video(alice, f"burst three #{i}") for i in range(40)))
        texts = await answers(ias)
        assert accepted(texts) == []
        assert all(t.startswith("You've made 3 of your 3 videos today") for t in texts)
        assert len(await all_jobs(h)) == 3

    assert len(h.api.submit_attempts) == 3, "three clips over the day, not one more"
    assert seen, "the watcher saw the submits"
    assert max(seen) <= 2, f"at some moment {max(seen)} of alice's tasks were unfinished at the API"
    assert not h.discord.errors, [e.error for e in h.discord.errors]
    assert _crashes(caplog) == [], "nothing failed inside the bot"


async def test_forty_members_press_retry_on_one_clip_against_the_server_limit(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness
    await h.start(guild_daily_limit=5, cooldown_seconds=0)
    alice = h.discord.add_user("alice")
    await h.video(alice, "a lighthouse in a storm")
    card = await h.result_for(alice)
    await wait_pings(h, alice, 1)
    retry = card.button("Retry")
    assert retry is not None
    assert len(h.api.submits) == 1

    h.api.default_timeline = Timeline.manual(estimated_time=1)  # nothing ends (or is refunded) meanwhile
    members = [h.discord.add_user(f"member{i}") for i in range(40)]
    ias = await asyncio.gather(*(h.discord.click(m, card, str(retry["custom_id"])) for m in members))
    texts = await answers(ias)

    # The server may make 5 clips a day. Alice's original clip was made today and counts (it is charged:
    # it was delivered), so 5 - 1 = 4 retries fit; the other 36 presses are refused. Each member is far
    # from their own limits (1 clip of 10, 1 of 2 in progress), so only the server's limit can refuse.
    assert len(accepted(texts)) == 4
    refusals = refused(texts)
    assert len(refusals) == 36
    for sentence in refusals:
        assert re.fullmatch(
            rf"This server has made 5 of its 5 videos today; the server's allowance resets {TS}\.", sentence
        ), sentence
        reset_timestamp_ok(sentence)

    await h.api.wait_until(lambda: len(h.api.submits) == 5)
    assert len(await all_jobs(h)) == 5, "no job row was left behind that could be sent later"
    assert [s["prompt"] for s in h.api.submits] == ["a lighthouse in a storm"] * 5
    winners = {m.id for m, t in zip(members, texts, strict=True) if ACCEPTED.match(t)}
    assert {asked_by(c) for c in bot_cards(h) if asked_by(c) != alice.id} == winners, (
        "each accepted retry got its own card, asked by the member who pressed"
    )
    assert len(h.api.submit_attempts) == 5
    assert _crashes(caplog) == [], "nothing failed inside the bot"


# ---- the daily credit budget ---------------------------------------------------------------------------


async def test_daily_credit_budget_counts_what_clips_really_cost(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness
    await h.start(daily_credit_budget=20.0, credits_per_job=8.8, cooldown_seconds=0)
    cheap = Timeline.manual(estimated_time=1)
    cheap.credits_cost = 5.0  # what each clip really costs, settled when it ends
    h.api.default_timeline = cheap
    users = iter([h.discord.add_user(f"user{i}") for i in range(21)])

    async def burst(n: int) -> list[str]:
        ias = await asyncio.gather(*(h.video(next(users), "a red kite over the dunes") for _ in range(n)))
        return await answers(ias)

    async def settle(n_tasks: int, n_delivered: int) -> None:
        await h.api.wait_until(lambda: len(h.api.submits) == n_tasks)
        complete_all(h.api)
        await h.discord.wait_until(lambda: len(delivered_cards(h)) == n_delivered)
        await h.discord.wait_until(
            lambda: sum(1 for m in h.discord.channel.messages if m.pinged_user_ids) == n_delivered
        )

    def budget(used: str) -> re.Pattern[str]:
        return re.compile(
            rf"The bot has used {re.escape(used)} of its 20 credits today, not enough for another video; "
            rf"the budget resets {TS}\."
        )

    # 0 used: each admitted clip reserves its worst case (8.8); two fit (17.6), a third would not (26.4).
    texts = await burst(10)
    assert len(accepted(texts)) == 2
    assert all(budget("17.6").fullmatch(t) for t in refused(texts)), refused(texts)
    await settle(2, 2)

    # Settled at their real cost: 5 + 5 = 10 used, so one more fits (18.8); a second would not (27.6).
    texts = await burst(10)
    assert len(accepted(texts)) == 1
    assert all(budget("18.8").fullmatch(t) for t in refused(texts)), refused(texts)
    await settle(3, 3)

    # 15 used: another worst-case clip (23.8) could break the budget, so the day is over.
    [text] = await burst(1)
    assert budget("15").fullmatch(text), text
    reset_timestamp_ok(text)

    spent = sum(float(t.timeline.credits_cost) for t in h.api.tasks.values())
    assert spent == 15.0 and spent <= 20.0
    assert len(h.api.tasks) == 3, "settlement let a third clip in (the reservations alone allow two)"
    assert len(h.api.submit_attempts) == 3
    assert _crashes(caplog) == [], "nothing failed inside the bot"


# ---- the bot-wide queue --------------------------------------------------------------------------------


async def _one_slot_three_members(h: Harness) -> tuple[FakeUser, FakeUser, FakeUser]:
    """The bot with one job at the API at a time, tasks that end when the test says, three members."""
    await h.start(max_concurrent_jobs=1, cooldown_seconds=0)
    h.api.default_timeline = Timeline.manual(estimated_time=1)
    alice, bob, carol = (h.discord.add_user(n) for n in ("alice", "bob", "carol"))
    return alice, bob, carol


def _card_of(h: Harness, user: FakeUser) -> FakeMessage:
    [card] = bot_cards(h, user)
    return card


async def test_max_concurrent_jobs_queues_in_order(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness
    alice, bob, carol = await _one_slot_three_members(h)
    card_of = partial(_card_of, h)

    async with watch_unfinished(h.api) as seen:
        assert ACCEPTED.match(await answer(await h.video(alice, "alice first")))
        await h.api.wait_until(lambda: len(h.api.submits) == 1)
        assert ACCEPTED.match(await answer(await h.video(bob, "bob second")))
        assert ACCEPTED.match(await answer(await h.video(carol, "carol third")))

        await h.discord.wait_until(lambda: "Place 1 in line" in card_of(bob).text)
        await h.discord.wait_until(lambda: "Place 2 in line" in card_of(carol).text)
        assert len(h.api.submits) == 1, "bob and carol wait in our queue, not at the API"

        [first] = complete_all(h.api)
        await h.api.wait_until(lambda: len(h.api.submits) == 2)
        await h.discord.wait_until(lambda: "Place 1 in line" in card_of(carol).text)
        assert len(h.api.submits) == 2

        [second] = complete_all(h.api)
        await h.api.wait_until(lambda: len(h.api.submits) == 3)
        complete_all(h.api)
        await h.discord.wait_until(lambda: len(delivered_cards(h)) == 3)

    assert [s["prompt"] for s in h.api.submits] == ["alice first", "bob second", "carol third"]
    tasks = list(h.api.tasks.values())
    ended = {t.id: t.terminal_at() or float("inf") for t in tasks}
    assert tasks[1].created >= ended[first], "bob's clip started only after alice's ended"
    assert tasks[2].created >= ended[second], "carol's clip started only after bob's ended"
    assert max(seen) <= 1
    for card in delivered_cards(h):
        assert "in line" not in card.text
    assert _crashes(caplog) == [], "nothing failed inside the bot"


async def test_the_places_move_up_when_the_front_of_the_queue_is_submitted(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The worst interleaving for the cards behind: a slot frees and the front job is made due, and the
    refresh of the waiting cards runs before that job is claimed and submitted (it still counts as queued
    then). Once it is at the API, the card behind it must still move up: that refresh showed the old place."""
    h = harness
    alice, bob, carol = await _one_slot_three_members(h)
    card_of = partial(_card_of, h)

    assert ACCEPTED.match(await answer(await h.video(alice, "alice first")))
    await h.api.wait_until(lambda: len(h.api.submits) == 1)
    assert ACCEPTED.match(await answer(await h.video(bob, "bob second")))
    assert ACCEPTED.match(await answer(await h.video(carol, "carol third")))
    await h.discord.wait_until(lambda: "Place 2 in line" in card_of(carol).text)
    front, behind = (job.id for job in await h.store.queue())

    # Bob's claim of the free slot waits until the refresh has read Carol's place (still 2).
    store = h.store
    claim_slot, queue_position = store.claim_slot, store.queue_position
    place_read = asyncio.Event()

    async def slow_claim(job_id: int, *args: object, **kwargs: object) -> Job | None:
        if job_id == front:
            await place_read.wait()
        return await claim_slot(job_id, *args, **kwargs)  # type: ignore[arg-type]

    async def watched_position(job_id: int) -> int | None:
        place = await queue_position(job_id)
        if job_id == behind:
            place_read.set()
        return place

    monkeypatch.setattr(store, "claim_slot", slow_claim)
    monkeypatch.setattr(store, "queue_position", watched_position)
    complete_all(h.api)
    await h.api.wait_until(lambda: len(h.api.submits) == 2)
    await h.discord.wait_until(lambda: "Place 1 in line" in card_of(carol).text)
    assert [s["prompt"] for s in h.api.submits] == ["alice first", "bob second"]
    assert _crashes(caplog) == [], "nothing failed inside the bot"


# ---- cooldown ------------------------------------------------------------------------------------------


async def test_cooldown_refuses_a_second_command_with_when(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness
    await h.start(cooldown_seconds=60)
    h.api.default_timeline = Timeline.manual(estimated_time=1)
    alice = h.discord.add_user("alice")
    assert ACCEPTED.match(await answer(await h.video(alice, "first")))
    text = await answer(await h.video(alice, "second, right away"))
    match = re.fullmatch(rf"Please wait 60 s between videos; you can start the next one {TS}\.", text)
    assert match, text
    [job] = await all_jobs(h)
    assert abs(int(match[1]) - (job.created_at + 60)) <= 1
    await h.api.wait_until(lambda: len(h.api.submits) == 1)
    assert len(h.api.submit_attempts) == 1
    assert _crashes(caplog) == [], "nothing failed inside the bot"


# ---- a refused API key ---------------------------------------------------------------------------------


def _records(caplog: pytest.LogCaptureFixture, level: int) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno == level and r.name.startswith(("bot", "cogs"))]


def _crashes(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        f"{r.name}: {r.getMessage()}"
        for r in caplog.records
        if r.exc_info and r.name.startswith(("bot", "cogs", "discord"))
    ]


def _submit_answers(api: FakeApiMart, status: int) -> int:
    return sum(1 for r in api.requests if r.route == "submit" and r.status == status)


def _probe_answers(api: FakeApiMart, status: int) -> int:
    """Balance probes the bot sent while its submits were paused, answered with `status`."""
    return sum(1 for r in api.requests if r.route == "balance" and r.status == status)


async def test_wrong_api_key_keeps_jobs_waiting_and_says_so_once(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    h = harness
    await h.start(auth_pause_seconds=1.0, cooldown_seconds=0)
    good_key = h.api.api_key
    h.api.api_key = "rotated-by-the-provider"  # the bot still sends the old one: every /v1 call gets 401
    alice, carol, dave, bob = (h.discord.add_user(n) for n in ("alice", "carol", "dave", "bob"))

    # A 429 first holds every API call for a moment, so three jobs are accepted before any of them meets
    # the 401: a burst of jobs hits the broken key together.
    h.api.fault_next("submit", "429", retry_after=1.5)
    assert ACCEPTED.match(await answer(await h.video(alice, "alice's clip")))
    await h.api.wait_until(lambda: _submit_answers(h.api, 429) == 1)
    for user in (carol, dave):
        assert ACCEPTED.match(await answer(await h.video(user, f"{user.name}'s clip")))

    await h.api.wait_until(lambda: _submit_answers(h.api, 401) >= 1)
    await h.discord.wait_until(lambda: any("misconfigured" in c.text for c in bot_cards(h)))
    # While the key is refused, a new command is told at once and makes no job.
    assert (await answer(await h.video(bob, "bob's clip"))).startswith(MISCONFIGURED_SENTENCE.render())
    assert bot_cards(h, bob) == []

    # While paused, the bot probes the balance (not the submit) and is still refused.
    await h.api.wait_until(lambda: _probe_answers(h.api, 401) >= 2, timeout=20)
    jobs = await all_jobs(h)
    assert len(jobs) == 3
    assert all(j.status in (JobStatus.ACCEPTED, JobStatus.SUBMITTING) for j in jobs), (
        f"no job is lost or given up: {[j.status for j in jobs]}"  # SUBMITTING: a retry on the wire
    )
    for user in (alice, carol, dave):
        await h.discord.wait_until(lambda u=user: "misconfigured" in bot_cards(h, u)[0].text)
    critical = _records(caplog, logging.CRITICAL)
    assert len(critical) == 1, [r.getMessage() for r in critical]
    assert "APIMART_API_KEY" in critical[0].getMessage()
    assert good_key not in critical[0].getMessage() and "rotated" not in critical[0].getMessage()

    h.api.api_key = good_key  # the operator fixes the key
    for user in (alice, carol, dave):
        await h.discord.wait_until(lambda u=user: len(delivered_cards(h, u)) == 1, timeout=20)
    assert sorted(s["prompt"] for s in h.api.submits) == ["alice's clip", "carol's clip", "dave's clip"]
    assert len(_records(caplog, logging.CRITICAL)) == 1
    assert _crashes(caplog) == []
    assert h.bot is not None and not h.bot.is_closed()


async def test_a_second_key_outage_is_reported_again(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    h = harness
    await h.start(auth_pause_seconds=0.3, cooldown_seconds=0)
    good_key = h.api.api_key
    alice = h.discord.add_user("alice")
    for outage in (1, 2):
        h.api.api_key = f"revoked-{outage}"
        assert ACCEPTED.match(await answer(await h.video(alice, f"during outage {outage}")))
        await h.api.wait_until(lambda n=outage: _submit_answers(h.api, 401) >= n)
        await h.api.wait_until(lambda n=outage: _probe_answers(h.api, 401) >= n)
        assert len(_records(caplog, logging.CRITICAL)) == outage
        h.api.api_key = good_key
        await h.discord.wait_until(lambda n=outage: len(delivered_cards(h, alice)) == n, timeout=20)
    assert _crashes(caplog) == []


async def test_key_revoked_while_jobs_are_in_flight_is_reported(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    h = harness
    await h.start(cooldown_seconds=0)
    h.api.default_timeline = Timeline.manual(estimated_time=1)
    alice = h.discord.add_user("alice")
    assert ACCEPTED.match(await answer(await h.video(alice, "in flight when the key dies")))
    await h.api.wait_until(lambda: len(h.api.submits) == 1)
    good_key = h.api.api_key
    h.api.api_key = "revoked"
    await h.api.wait_until(
        lambda: sum(1 for r in h.api.requests if r.route == "status" and r.status == 401) >= 3
    )
    # Only polls met the refused key (nothing was being submitted): the operator is still told, once,
    # and no new job is started meanwhile.
    assert len(_records(caplog, logging.CRITICAL)) == 1, "the operator is told the key was refused"
    bob = h.discord.add_user("bob")
    assert (await answer(await h.video(bob, "while the key is refused"))).startswith(
        MISCONFIGURED_SENTENCE.render()
    )
    h.api.api_key = good_key
    complete_all(h.api)
    await h.discord.wait_until(lambda: len(delivered_cards(h, alice)) == 1, timeout=20)  # the job survives
    assert len(_records(caplog, logging.CRITICAL)) == 1
    assert len(h.api.submit_attempts) == 1
    assert _crashes(caplog) == []


# ---- an empty account ----------------------------------------------------------------------------------


async def test_out_of_credit_keeps_the_job_and_finishes_after_top_up(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    h = harness
    await h.start(payment_pause_seconds=1.0, cooldown_seconds=0)
    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    h.api.payment_required = True

    assert ACCEPTED.match(await answer(await h.video(alice, "before the top-up")))
    await h.api.wait_until(lambda: _submit_answers(h.api, 402) >= 1)
    await h.discord.wait_until(lambda: "out of credit" in bot_cards(h, alice)[0].text)
    assert (await answer(await h.video(bob, "while empty"))).startswith(OUT_OF_CREDIT_SENTENCE.render())
    assert bot_cards(h, bob) == []
    [job] = await all_jobs(h)
    assert job.status == JobStatus.ACCEPTED

    h.api.payment_required = False  # the operator tops up
    card = await h.result_for(alice, timeout=20)
    assert card.attachments and "out of credit" not in card.text
    assert [r.status for r in h.api.requests if r.route == "submit"][-1] == 200
    assert len(h.api.submits) == 1 and h.api.submits[0]["prompt"] == "before the top-up"
    assert _crashes(caplog) == []


async def test_cancel_frees_the_slot_but_the_cancelled_clip_still_counts_today(harness: Harness) -> None:
    """Issue 4 asks Cancel to free the slot; the API cannot stop (or refund) a started task, so the
    cancelled clip keeps counting against the daily limit and the budget: spending stays bounded."""
    h = harness
    await h.start(user_concurrent_limit=2, user_daily_limit=3, cooldown_seconds=0)
    h.api.default_timeline = Timeline.manual(estimated_time=1)
    alice = h.discord.add_user("alice")
    for i in range(2):
        assert ACCEPTED.match(await answer(await h.video(alice, f"clip {i}")))
    await h.api.wait_until(lambda: len(h.api.submits) == 2)
    card = bot_cards(h, alice)[0]
    await h.discord.wait_until(lambda: card.button("Cancel") is not None)
    cancel = card.button("Cancel")
    assert cancel is not None
    said = await answer(await h.discord.click(alice, card, str(cancel["custom_id"])))
    assert said.startswith("Cancelled."), said
    assert "cannot stop" in said, "says plainly that the remote task may still run"
    assert ACCEPTED.match(await answer(await h.video(alice, "clip 2"))), "the slot is free again"
    await h.api.wait_until(lambda: len(h.api.submits) == 3)
    for task_id in list(h.api.tasks):
        h.api.complete(task_id)
    await h.discord.wait_until(lambda: sum(1 for c in bot_cards(h, alice) if c.attachments) == 2)
    refused = await answer(await h.video(alice, "clip 3"))
    assert "3 of your 3" in refused, "the cancelled clip still counts today"
    assert len(h.api.submit_attempts) == 3


async def test_clip_finished_during_an_out_of_credit_spell_is_still_delivered(harness: Harness) -> None:
    h = harness
    await h.start(job_deadline_seconds=1.0, payment_pause_seconds=0.3, cooldown_seconds=0)
    h.api.default_timeline = Timeline.manual(estimated_time=1)
    alice = h.discord.add_user("alice")
    assert ACCEPTED.match(await answer(await h.video(alice, "made while the account ran dry")))
    await h.api.wait_until(lambda: len(h.api.submits) == 1)
    [task] = h.api.tasks.values()
    await h.api.wait_until(lambda: h.api.polls(task.id) >= 1)
    h.api.payment_required = True
    h.api.complete(task.id)  # the clip is made (and paid for) at the API

    def timed_out() -> bool:
        return any("took too long" in c.text for c in bot_cards(h, alice))

    def polled_past_deadline() -> bool:
        return any(
            r.route == "status" and r.status == 402 and r.time > task.created + 1.2 for r in h.api.requests
        )

    waits = [
        asyncio.ensure_future(h.discord.wait_until(timed_out)),
        asyncio.ensure_future(h.api.wait_until(polled_past_deadline)),
    ]
    _, pending = await asyncio.wait(waits, timeout=10, return_when=asyncio.FIRST_COMPLETED)
    for w in pending:
        w.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    h.api.payment_required = False  # the operator tops up
    await h.discord.wait_until(lambda: timed_out() or len(delivered_cards(h, alice)) == 1, timeout=10)
    assert not timed_out(), "the made clip was given up while the account was empty"
    assert len(delivered_cards(h, alice)) == 1
