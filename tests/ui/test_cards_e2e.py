"""The job card through its life (queued → progress → result), Cancel and Delete, and hostile prompts.

Everything goes through the real bot, the fake Discord and the fake APIMart. The card's whole history is
read back from the fake's request log (every create and edit payload the bot sent), so no intermediate
state has to be caught "in the act".
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import re
from typing import Any

import pytest

from bot.jobs import JobStatus
from cogs.common import PROMPT_MAX_CHARS
from tests.conftest import Harness, asked_by, card_of_job, delivered_card
from tests.fakes.discord.models import walk_components
from tests.fakes.fake_apimart import Step, Timeline
from tests.fakes.fake_discord import (
    DEFAULT_USER_PERMISSIONS,
    MANAGE_MESSAGES,
    FakeInteraction,
    FakeMessage,
    FakeUser,
    RequestRecord,
)

pytestmark = pytest.mark.e2e

S = JobStatus
ACTIVE_TITLES = ("⏳", "🎬", "📦")
RESULT_BUTTONS = ["Extend", "Remix", "Retry", "Delete", "Story", "Full cut"]
TOLERANCE = 0.04  # seconds: the bot stamps its throttle before the request, the fake when it arrives


# ---- helpers ---------------------------------------------------------------------------------------


def field(message: FakeMessage | dict[str, Any], name: str) -> str | None:
    embeds = message.embeds if isinstance(message, FakeMessage) else (message.get("embeds") or [])
    for embed in embeds:
        for f in embed.get("fields") or []:
            if f.get("name") == name:
                return str(f.get("value"))
    return None


def title(message: FakeMessage | dict[str, Any]) -> str:
    embeds = message.embeds if isinstance(message, FakeMessage) else (message.get("embeds") or [])
    return str(embeds[0].get("title") or "") if embeds else ""


def labels(components: list[dict[str, Any]]) -> list[str]:
    return [str(c.get("label")) for c in walk_components(components) if c.get("type") == 2]


def card_edits(h: Harness, card: FakeMessage) -> list[RequestRecord]:
    """Every PATCH the bot sent for this card, in order."""
    path = f"/channels/{card.channel_id}/messages/{card.id}"
    return [r for r in h.discord.requests if r.method == "PATCH" and r.path == path]


async def press(h: Harness, user: FakeUser, card: FakeMessage, label: str) -> FakeInteraction:
    button = card.button(label)
    assert button is not None, f"no {label} button on the card; has {labels(card.components)}"
    return await h.discord.click(user, card, str(button["custom_id"]))


async def answer(ia: FakeInteraction) -> FakeMessage:
    """The bot's (final) answer to an interaction; every answer of this bot is ephemeral."""
    msg = await ia.wait_original(lambda m: not m.loading)
    assert ia.ephemeral, f"the answer {msg.content!r} is visible to everyone"
    return msg


def assert_discord_never_refused(h: Harness) -> None:
    assert not h.discord.internal_errors
    refused = [(r.method, r.path, r.status, r.error) for r in h.discord.requests if r.status >= 400]
    assert not refused, f"Discord refused: {refused}"
    assert not h.discord.errors


async def job_status(h: Harness, job_id: int) -> JobStatus:
    job = await h.store.get(job_id)
    assert job is not None
    return job.status


# ---- queued → progress → result --------------------------------------------------------------------


async def test_card_shows_queue_then_progress_then_result_with_throttled_edits(harness: Harness) -> None:
    h = harness
    interval = 0.3
    await h.start(max_concurrent_jobs=1, card_edit_interval=interval)
    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    progress = Timeline(
        steps=[
            Step(0.0, "pending", 0),
            Step(0.15, "processing", 10),
            Step(0.45, "processing", 30),
            Step(0.75, "processing", 55),
            Step(1.05, "processing", 75),
            Step(1.3, "processing", 90),
        ],
        finish_at=1.5,
        estimated_time=2,
    )
    h.api.queue_timeline(Timeline.manual(estimated_time=60), progress)

    await answer(await h.video(alice, "holding the only slot"))
    await h.api.wait_until(lambda: len(h.api.submits) == 1)
    confirmation = await answer(await h.video(bob, "waiting in line"))
    assert "job #2" in confirmation.content

    queued = await card_of_job(h, 2, where=lambda m: "Place 1 in line" in (field(m, "Queue") or ""))
    assert asked_by(queued) == bob.id
    assert title(queued).startswith("⏳")
    assert labels(queued.components) == ["Cancel"], "a queued job can be cancelled"
    assert len(h.api.submits) == 1, "the second job waits for the slot"

    [first_task] = list(h.api.tasks)
    h.api.complete(first_task)
    result = await delivered_card(h, 2)
    ping = await h.discord.wait_for_message(lambda m: m.pinged_user_ids == {bob.id})
    assert ping.id != result.id, "the ping is a separate message"
    assert len(h.api.submits) == 2

    # The result: the MP4 on the card itself, the four buttons and no Cancel.
    [clip] = result.attachments
    assert clip.filename.endswith(".mp4") and clip.size > 0
    assert title(result).startswith("✅")
    assert labels(result.components) == RESULT_BUTTONS
    assert field(result, "Progress") is None and field(result, "Queue") is None

    # Let any deferred refresh that might still be pending fire, then read the whole history.
    await asyncio.sleep(interval * 2)
    edits = card_edits(h, result)
    assert len(edits) == result.edits == len(result.edit_times)
    payloads = [r.json or {} for r in edits]
    final = payloads[-1]
    assert title(final).startswith("✅") and edits[-1].files, "the last edit is the delivery (with the MP4)"
    assert all(not title(p).startswith("✅") for p in payloads[:-1]), "nothing edits the card after delivery"

    shown_progress = [
        (field(p, "Progress"), field(p, "Ready")) for p in payloads if field(p, "Progress") is not None
    ]
    assert any(
        bar is not None
        and (m := re.search(r"(\d+)%", bar)) is not None
        and 0 < int(m.group(1)) < 100
        and ready is not None
        and "<t:" in ready
        for bar, ready in shown_progress
    ), f"the card showed a progress bar with a percentage and an ETA: {shown_progress}"
    for p in payloads[:-1]:
        assert title(p).startswith(ACTIVE_TITLES)
        assert labels(p.get("components") or []) == ["Cancel"], f"Cancel while {title(p)!r}"

    # Throttle: no two progress edits closer than the window (the final delivery edit may come sooner).
    times = result.edit_times[:-1]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(times) >= 3, f"the card was refreshed while it waited and ran ({len(times)} edits)"
    assert all(g >= interval - TOLERANCE for g in gaps), f"edits closer than {interval} s: {gaps}"
    assert_discord_never_refused(h)


# ---- Cancel ----------------------------------------------------------------------------------------


async def test_cancel_queued_and_running_jobs_frees_the_slot_and_never_delivers(harness: Harness) -> None:
    h = harness
    await h.start(max_concurrent_jobs=1, card_edit_interval=0.1)
    alice, bob, carol = (h.discord.add_user(n) for n in ("alice", "bob", "carol"))
    dave = h.discord.add_user("dave")
    mod = h.discord.add_user("mod", permissions=DEFAULT_USER_PERMISSIONS | MANAGE_MESSAGES)
    h.api.queue_timeline(Timeline.manual(estimated_time=60), Timeline.manual(estimated_time=60))

    await answer(await h.video(alice, "running job"))
    await h.api.wait_until(lambda: len(h.api.submits) == 1)
    [task_a] = list(h.api.tasks)
    await answer(await h.video(bob, "queued job"))
    await answer(await h.video(carol, "next in line"))
    running = await card_of_job(h, 1, where=lambda m: title(m).startswith("🎬"))
    queued = await card_of_job(h, 2, where=lambda m: "Place 1" in (field(m, "Queue") or ""))
    await card_of_job(h, 3, where=lambda m: "Place 2" in (field(m, "Queue") or ""))
    assert running.button("Cancel") is not None and queued.button("Cancel") is not None

    # Someone else without Manage Messages: refused with a sentence, nothing changes.
    refused = await answer(await press(h, dave, running, "Cancel"))
    assert "Only the person who asked for this video, or a moderator" in refused.content
    refused = await answer(await press(h, dave, queued, "Cancel"))
    assert "Only the person who asked" in refused.content
    assert await job_status(h, 1) == S.RUNNING and await job_status(h, 2) == S.ACCEPTED
    assert "Cancelled" not in running.text and "Cancelled" not in queued.text

    # A moderator cancels the queued job: nothing reaches the API for it.
    said = await answer(await press(h, mod, queued, "Cancel"))
    assert "Cancelled before it started" in said.content
    await card_of_job(h, 2, where=lambda m: title(m).startswith("🛑"))
    assert queued.buttons == [] and not queued.attachments
    assert "Cancelled before it started" in queued.text
    await h.discord.wait_for_message(lambda m: m.pinged_user_ids == {bob.id} and "ended" in m.content)

    # The requester cancels the running job: the slot frees and the next queued job (carol's) starts.
    said = await answer(await press(h, alice, running, "Cancel"))
    assert said.content.startswith("Cancelled.")
    cancelled_at = h.api.now()
    await card_of_job(h, 1, where=lambda m: title(m).startswith("🛑"))
    assert running.buttons == [] and not running.attachments
    await h.api.wait_until(lambda: len(h.api.submits) == 2)
    assert h.api.submits[1]["prompt"] == "next in line", "bob's cancelled job was skipped"
    assert await job_status(h, 1) == S.CANCELLED and await job_status(h, 2) == S.CANCELLED
    edits_after_cancel = (running.edits, queued.edits)

    # The video service finishes the cancelled task anyway; carol's job finishes too. Once carol's clip
    # is delivered the bot has had every chance to pick the cancelled one up: it must not.
    h.api.complete(task_a)
    task_c = list(h.api.tasks)[1]
    h.api.complete(task_c)
    await delivered_card(h, 3)
    await h.discord.wait_for_message(lambda m: m.pinged_user_ids == {carol.id})
    assert not running.attachments and title(running).startswith("🛑")
    assert not queued.attachments and title(queued).startswith("🛑")
    assert (running.edits, queued.edits) == edits_after_cancel, "no edits after the cancellation"
    assert await job_status(h, 1) == S.CANCELLED
    assert len(h.api.submits) == 2
    late_polls = [t for t in h.api.poll_times(task_a) if t > cancelled_at + 0.5]
    assert not late_polls, "the bot stopped polling the cancelled task"
    assert not [m for m in h.discord.channel.messages if m.pinged_user_ids & {alice.id}], (
        "the requester cancelled it themselves: no ping"
    )
    assert_discord_never_refused(h)


async def test_moderator_may_cancel_a_running_job(harness: Harness) -> None:
    h = harness
    await h.start(card_edit_interval=0.1)
    alice = h.discord.add_user("alice")
    mod = h.discord.add_user("mod", permissions=DEFAULT_USER_PERMISSIONS | MANAGE_MESSAGES)
    h.api.queue_timeline(Timeline.manual(estimated_time=60))
    await answer(await h.video(alice, "moderated"))
    card = await card_of_job(h, 1, where=lambda m: title(m).startswith("🎬"))
    said = await answer(await press(h, mod, card, "Cancel"))
    assert said.content.startswith("Cancelled.")
    await card_of_job(h, 1, where=lambda m: title(m).startswith("🛑"))
    assert card.buttons == []
    ping = await h.discord.wait_for_message(lambda m: m.pinged_user_ids == {alice.id})
    assert "ended" in ping.content, "cancelled by someone else: the requester is told"
    assert await job_status(h, 1) == S.CANCELLED


# ---- Delete ----------------------------------------------------------------------------------------


async def test_delete_is_for_the_requester_or_a_moderator(bot_harness: Harness) -> None:
    h = bot_harness
    alice, dave = h.discord.add_user("alice"), h.discord.add_user("dave")
    mod = h.discord.add_user("mod", permissions=DEFAULT_USER_PERMISSIONS | MANAGE_MESSAGES)
    await answer(await h.video(alice, "first"))
    first = await delivered_card(h, 1)
    await answer(await h.video(alice, "second"))
    second = await delivered_card(h, 2)

    refused = await answer(await press(h, dave, first, "Delete"))
    assert "Only the person who asked for this clip, or a moderator, can delete it." in refused.content
    assert not first.deleted and first.attachments

    done = await answer(await press(h, alice, first, "Delete"))
    assert "Deleted" in done.content
    assert first.deleted
    assert first not in h.discord.channel.messages

    done = await answer(await press(h, mod, second, "Delete"))
    assert "Deleted" in done.content and second.deleted
    assert_discord_never_refused(h)


# ---- hostile prompts -------------------------------------------------------------------------------


def hostile_prompt(length: int, user_id: int, channel_id: int, role_id: int) -> str:
    chunk = (
        f"**bold** __underline__ *it* ~~gone~~ ||spoiler|| @everyone @here <@{user_id}> <@!{user_id}> "
        f"<@&{role_id}> <#{channel_id}> [free nitro](https://evil.example/steal) https://x.example/a_b_c "
        "```py\nprint('fence')\n``` `tick` > quote\n# Heading\n- item\n"
    )
    text = (chunk * (length // len(chunk) + 1))[:length]
    return text[:-1] + "x" if text[-1].isspace() else text


async def test_6000_character_markdown_prompt_is_refused_and_4000_goes_all_the_way(
    bot_harness: Harness,
) -> None:
    h = bot_harness
    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    role = h.discord.add_role("mods")
    other = h.discord.add_channel("other")
    too_long = hostile_prompt(6000, bob.id, other.id, role.id)
    assert len(too_long) == 6000

    refused = await answer(await h.video(alice, too_long))
    assert "6,000 characters" in refused.content and f"{PROMPT_MAX_CHARS:,}" in refused.content
    assert not h.api.submits
    assert not [m for m in h.discord.channel.messages if m.author.id == h.discord.bot_user.id]

    prompt = too_long[:PROMPT_MAX_CHARS]
    prompt = prompt[:-1] + "x" if prompt[-1].isspace() else prompt
    assert len(prompt) == PROMPT_MAX_CHARS
    h.api.queue_timeline(Timeline.quick(1.0, estimated_time=2, progress=(20, 45, 70)))
    accepted = await answer(await h.video(alice, prompt))
    assert "job #1" in accepted.content
    result = await delivered_card(h, 1)
    [submit] = h.api.submits
    assert submit["prompt"] == prompt, "the API gets the prompt as typed"

    history = [r.json or {} for r in card_edits(h, result)]
    assert any(field(p, "Progress") for p in history), "the card showed progress"
    assert result.attachments and labels(result.components) == RESULT_BUTTONS
    description = str(result.embeds[0].get("description") or "")
    assert description.startswith("**bold**") and len(description) <= 4096

    ping = await h.discord.wait_for_message(lambda m: m.pinged_user_ids == {alice.id})
    assert ping.content.startswith(f"<@{alice.id}>")
    for message in h.discord.channel.messages:
        assert not message.pinged_everyone and not message.pinged_role_ids
        assert message.pinged_user_ids <= {alice.id}, "the prompt's mentions ping nobody"

    # Remix opens a modal prefilled with the whole prompt (a text input holds at most 4000).
    click = await press(h, bob, result, "Remix")
    opened = await click.wait_response()
    assert opened.type == 9, "Remix opens a modal"
    [text_input] = [c for c in walk_components(opened.data["components"]) if c.get("type") == 4]
    assert len(text_input.get("value") or "") <= 4000
    assert text_input.get("value") == prompt
    modal = await h.discord.submit_modal(bob, opened.data["custom_id"], {"prompt": prompt}, message=result)
    assert "job #2" in (await answer(modal)).content
    remixed = await delivered_card(h, 2)
    assert h.api.submits[-1]["prompt"] == prompt
    assert f"<@{alice.id}>" in (field(remixed, "Credit") or "")

    jobs = await answer(await h.discord.slash(alice, "jobs"))
    assert "**#1**" in jobs.text and "delivered" in jobs.text
    assert not jobs.pinged_everyone and not jobs.pinged_user_ids
    assert_discord_never_refused(h)


# ---- the card's pace: Discord's rate limit slows it, a slow network does not ----------------------------

SLOWED = "card edits slowed"  # the operator's log line when a card's edits are spaced out


def moving_progress(step: float = 0.05) -> Timeline:
    """Progress that moves at every poll, so the card has something new to show at every refresh."""
    steps = [Step(0.0, "pending", 0)] + [Step(step * i, "processing", i) for i in range(1, 99)]
    return Timeline(steps=steps, outcome="manual", estimated_time=60)


async def test_a_card_whose_edits_are_slow_but_not_rate_limited_keeps_its_pace(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness
    await h.start(card_edit_interval=0.1)
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(moving_progress())
    await answer(await h.video(alice, "over a slow network"))
    card = await card_of_job(h, 1, where=lambda m: title(m).startswith("🎬"))
    path = f"/channels/{card.channel_id}/messages/{card.id}"
    slow = 1.3  # past the old rule's 1 s, which took any slow edit for Discord's rate limit
    before = len(card_edits(h, card))
    with caplog.at_level(logging.INFO, logger="bot.ui.presenter"):
        h.discord.slow_next("PATCH", re.escape(path) + "$", slow, count=2)
        # Two slow edits, then five more at the card's own pace. Had each slow edit doubled the interval
        # (2.6 s, then 5.2 s), the five would take half a minute.
        await h.discord.wait_until(lambda: len(card_edits(h, card)) >= before + 2 + 5, timeout=2 * slow + 8)
    assert not [r for r in caplog.records if SLOWED in r.getMessage()], "nothing told the bot to slow down"
    shown = [field(r.json or {}, "Progress") for r in card_edits(h, card)[before:]]
    assert len({p for p in shown if p}) >= 5, f"the card kept showing new progress: {shown}"
    assert_discord_never_refused(h)


@pytest.mark.parametrize("answer_kind", ["bucket exhausted", "429"])
async def test_a_card_discord_rate_limits_is_edited_less_often(
    harness: Harness, caplog: pytest.LogCaptureFixture, answer_kind: str
) -> None:
    h = harness
    interval = 0.1
    await h.start(card_edit_interval=interval)
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(moving_progress())
    await answer(await h.video(alice, "in a busy channel"))
    card = await card_of_job(h, 1, where=lambda m: title(m).startswith("🎬"))
    path = re.escape(f"/channels/{card.channel_id}/messages/{card.id}") + "$"
    with caplog.at_level(logging.INFO, logger="bot.ui.presenter"):
        if answer_kind == "429":
            # Discord's 429 says Retry-After: 1 (whole seconds); discord.py re-sends after the body's 0.4 s.
            h.discord.rate_limit_next("PATCH", path, retry_after=0.4)
            asked = 1.0
        else:
            # A success that leaves the channel's edit bucket empty for 0.4 s.
            h.discord.ratelimit_headers(path, remaining=0, reset_after=0.4, method="PATCH", count=1)
            asked = 0.4

        def limited() -> RequestRecord | None:
            return next(
                (
                    r
                    for r in card_edits(h, card)
                    if r.status == 429 or r.response_headers.get("X-RateLimit-Remaining") == "0"
                ),
                None,
            )

        def after_it() -> list[RequestRecord]:
            hit = limited()
            if hit is None:
                return []
            edits = card_edits(h, card)
            return [r for r in edits[edits.index(hit) + 1 :] if r.json != hit.json]  # not its re-send

        await h.discord.wait_until(lambda: bool(after_it()), timeout=2 * asked + 8)
    hit, [following, *_] = limited(), after_it()
    assert hit is not None
    # The card waits twice what Discord asked before its next edit (the old rule, blind to anything but a
    # slow edit, edited again as soon as discord.py was let through: about `asked` later).
    assert following.time - hit.time >= 0.9 * 2 * asked, (following.time - hit.time, asked)
    assert [r for r in caplog.records if SLOWED in r.getMessage()], "the operator sees why the card slowed"
    assert await job_status(h, 1) == S.RUNNING
    assert not h.discord.errors and not h.discord.internal_errors, "Discord refused nothing but the 429"


async def test_a_slowed_card_speeds_back_up_once_discord_stops_limiting_its_channel(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """One busy moment must not leave a card updating slowly for the rest of its life: once Discord has
    limited nothing in the channel for a while (10 intervals), the card's edits come at their pace again."""
    h = harness
    interval = 0.1
    await h.start(card_edit_interval=interval)
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(moving_progress(step=0.1))  # moves for about 10 s
    await answer(await h.video(alice, "after a busy moment"))
    card = await card_of_job(h, 1, where=lambda m: title(m).startswith("🎬"))
    path = re.escape(f"/channels/{card.channel_id}/messages/{card.id}") + "$"

    def limited() -> RequestRecord | None:
        return next(
            (r for r in card_edits(h, card) if r.response_headers.get("X-RateLimit-Remaining") == "0"), None
        )

    def gaps_after_it() -> list[float]:
        hit = limited()
        times = [hit.time] + [r.time for r in card_edits(h, card) if r.time > hit.time] if hit else []
        return [b - a for a, b in itertools.pairwise(times)]

    with caplog.at_level(logging.INFO, logger="bot.ui.presenter"):
        # One edit leaves the channel's bucket empty for 0.4 s; after it, Discord limits nothing.
        h.discord.ratelimit_headers(path, remaining=0, reset_after=0.4, method="PATCH", count=1)
        # Slowed, the card is edited at most every 0.8 s (twice what Discord asked); back at its pace, at
        # every poll that shows new progress. Three gaps in a row under 0.72 s cannot happen while slowed.
        slowed = 2 * 0.4

        def back_at_pace() -> bool:
            gaps = gaps_after_it()
            return any(all(g < 0.9 * slowed for g in gaps[i : i + 3]) for i in range(1, len(gaps) - 2))

        await h.discord.wait_until(back_at_pace, timeout=12)
    gaps = gaps_after_it()
    assert gaps[0] >= 0.9 * slowed, f"the card slowed first: {gaps}"
    messages = [r.getMessage() for r in caplog.records]
    assert any(SLOWED in m for m in messages), messages
    assert any(f"card edits back to every {interval:.1f} s" in m for m in messages), messages
    assert await job_status(h, 1) == S.RUNNING
    assert_discord_never_refused(h)


async def test_when_discord_empties_a_channels_edit_bucket_every_card_there_slows(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Discord counts edits per channel, whichever message they edit: when one card's edit empties the
    bucket, the other cards in that channel are edited less often too, not only the one that was told."""
    h = harness
    await h.start(card_edit_interval=0.1)
    makers = [h.discord.add_user("alice"), h.discord.add_user("bob")]
    for n, who in enumerate(makers, start=1):
        h.api.queue_timeline(moving_progress())
        await answer(await h.video(who, f"clip {n} in a busy channel"))
    cards = [await card_of_job(h, n, where=lambda m: title(m).startswith("🎬")) for n in (1, 2)]
    h.discord.edit_bucket(limit=4, per=1.2)

    def emptied() -> RequestRecord | None:
        edits = sorted((r for card in cards for r in card_edits(h, card)), key=lambda r: r.time)
        return next((r for r in edits if r.response_headers.get("X-RateLimit-Remaining") == "0"), None)

    with caplog.at_level(logging.INFO, logger="bot.ui.presenter"):
        await h.discord.wait_until(lambda: emptied() is not None, timeout=8)
        hit = emptied()
        assert hit is not None
        asked = float(hit.response_headers["X-RateLimit-Reset-After"])
        [other] = [c for c in cards if hit.path != f"/channels/{c.channel_id}/messages/{c.id}"]

        def other_after() -> list[RequestRecord]:
            return [r for r in card_edits(h, other) if r.time > hit.time]

        await h.discord.wait_until(lambda: bool(other_after()), timeout=2 * asked + 8)
    # The card Discord did not answer waits twice what Discord asked of its channel (before, it was edited
    # as soon as discord.py let the channel's edits through again: about `asked` later).
    assert other_after()[0].time - hit.time >= 0.9 * 2 * asked, (other_after()[0].time - hit.time, asked)
    assert len([r for r in caplog.records if SLOWED in r.getMessage()]) >= 2, "both cards slowed, and said so"
    assert [await job_status(h, n) for n in (1, 2)] == [S.RUNNING, S.RUNNING]
    assert_discord_never_refused(h)


# ---- a refused edit that discord.py sends again must not overwrite the card's final state ----------

DISCORD_PY_5XX_RETRY = 1.0  # discord.py sleeps 1 s before re-sending a request answered 500


def allow_concurrent_edits(h: Harness) -> None:
    """Answer message routes with Discord's usual rate-limit headers (5 per bucket), so discord.py sends
    requests to one channel concurrently, as it does against the real Discord; without them it assumes a
    limit of 1 and serialises every edit of the channel."""
    h.discord.ratelimit_headers(r"/channels/\d+/messages", remaining=4, reset_after=0.05, limit=5)


async def _retry_done(h: Harness, path: str) -> None:
    """Wait until discord.py's re-send of the edit Discord answered 500 has been answered."""
    [failed] = [r for r in h.discord.requests if r.path == path and r.status == 500]

    def resent() -> bool:
        return any(r.path == path and r.status == 200 and r.json == failed.json for r in h.discord.requests)

    await h.discord.wait_until(resent, timeout=DISCORD_PY_5XX_RETRY + 5)


async def test_cancelled_card_is_not_overwritten_by_a_progress_edit_discord_retried(
    harness: Harness,
) -> None:
    h = harness
    await h.start(card_edit_interval=0.1)
    allow_concurrent_edits(h)
    alice = h.discord.add_user("alice")
    # Progress that keeps moving, so the card keeps being edited (identical edits are skipped).
    moving = [Step(0.0, "pending", 0)] + [Step(0.05 * i, "processing", i) for i in range(1, 99)]
    h.api.queue_timeline(Timeline(steps=moving, outcome="manual", estimated_time=60))
    await answer(await h.video(alice, "cancelled while Discord hiccups"))
    card = await card_of_job(h, 1, where=lambda m: title(m).startswith("🎬"))
    path = f"/channels/{card.channel_id}/messages/{card.id}"
    h.discord.fail_next("PATCH", re.escape(path) + "$", 500)
    await h.discord.wait_until(lambda: any(r.path == path and r.status == 500 for r in h.discord.requests))

    said = await answer(await press(h, alice, card, "Cancel"))
    assert said.content.startswith("Cancelled.")
    await card_of_job(h, 1, where=lambda m: title(m).startswith("🛑"))
    await _retry_done(h, path)  # discord.py has re-sent the failed edit: nothing is left in flight
    assert await job_status(h, 1) == S.CANCELLED
    assert title(card).startswith("🛑"), f"the cancelled card now says {title(card)!r}"
    assert card.buttons == [], f"the cancelled card carries {labels(card.components)}"


async def test_delivered_card_is_not_overwritten_by_a_refresh_discord_retried(harness: Harness) -> None:
    h = harness
    interval = 0.8
    await h.start(card_edit_interval=interval)
    allow_concurrent_edits(h)
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(Timeline.manual(estimated_time=60))
    await answer(await h.video(alice, "delivered while Discord hiccups"))
    card = await card_of_job(h, 1)
    path = f"/channels/{card.channel_id}/messages/{card.id}"
    # The "submitted" edit opens a throttle window; the polls inside it leave one deferred refresh,
    # which is the next edit of the card: Discord answers it 500.
    await h.discord.wait_until(
        lambda: any(title(r.json or {}).startswith("⏳ Waiting") for r in card_edits(h, card))
    )
    h.discord.fail_next("PATCH", re.escape(path) + "$", 500)
    await h.discord.wait_until(lambda: any(r.status == 500 for r in card_edits(h, card)))
    [task] = list(h.api.tasks)
    h.api.complete(task)

    result = await delivered_card(h, 1)
    await _retry_done(h, path)  # discord.py has re-sent the failed edit: nothing is left in flight
    assert title(result).startswith("✅"), f"the delivered card now says {title(result)!r}"
    assert labels(result.components) == RESULT_BUTTONS


async def test_places_in_line_move_up_when_a_queued_job_is_cancelled(harness: Harness) -> None:
    h = harness
    await h.start(max_concurrent_jobs=1, card_edit_interval=0.1)
    users = [h.discord.add_user(n) for n in ("alice", "bob", "carol", "dave")]
    h.api.queue_timeline(Timeline.manual(estimated_time=60))
    await answer(await h.video(users[0], "holding the slot"))
    await h.api.wait_until(lambda: len(h.api.submits) == 1)
    for user in users[1:]:
        await answer(await h.video(user, f"queued for {user.name}"))
    second = await card_of_job(h, 2, where=lambda m: "Place 1 in line" in (field(m, "Queue") or ""))
    third = await card_of_job(h, 3, where=lambda m: "Place 2 in line" in (field(m, "Queue") or ""))
    fourth = await card_of_job(h, 4, where=lambda m: "Place 3 in line" in (field(m, "Queue") or ""))

    await answer(await press(h, users[1], second, "Cancel"))
    await card_of_job(h, 2, where=lambda m: title(m).startswith("🛑"))

    def moved_up() -> bool:
        return "Place 1 in line" in (field(third, "Queue") or "") and "Place 2 in line" in (
            field(fourth, "Queue") or ""
        )

    with contextlib.suppress(TimeoutError):
        await h.discord.wait_until(moved_up, timeout=1.0)
    assert moved_up(), f"places shown: {field(third, 'Queue')!r}, {field(fourth, 'Queue')!r}"
