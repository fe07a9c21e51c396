"""The job engine's regressions, each through the real bot and the fakes: one announcer, every state with a
bounded way out, effects that are safe to repeat after a crash, keys that never repeat across databases."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import av
import pytest

from bot.i18n import Msg
from bot.jobs import JobStatus
from bot.jobs.sentences import GAVE_UP_SENTENCE, NO_CLIP_SENTENCE, SUBMIT_UNKNOWN_SENTENCE, ending_of
from bot.media.kept import kept_clip_path
from bot.worker.context import MAX_STEP_ERRORS
from bot.worker.intake import CARD_FAILED_SENTENCE
from bot.worker.loop import SHARED_LOOK_SECONDS
from tests.conftest import Harness, answer, card_of_job, delivered_card
from tests.fakes.discord.models import MANAGE_MESSAGES
from tests.fakes.fake_apimart import Timeline
from tests.fakes.fake_discord import FakeMessage, FakeUser
from tests.stores import database_url_for, run_sql

pytestmark = pytest.mark.e2e

S = JobStatus


def _pings(h: Harness, user: FakeUser) -> list[FakeMessage]:
    return [m for m in h.discord.channel.messages if m.pinged_user_ids == {user.id}]


def _results(h: Harness, job_id: int) -> list[FakeMessage]:
    return [
        m
        for m in h.discord.channel.messages
        if m.author.id == h.discord.bot_user.id
        and any(a.filename == f"video-{job_id}.mp4" for a in m.attachments)
    ]


async def _press(h: Harness, user: FakeUser, card: FakeMessage, label: str) -> Any:
    button = card.button(label)
    assert button is not None, f"no {label} button"
    return await h.discord.click(user, card, str(button["custom_id"]))


async def _extend(h: Harness, user: FakeUser, card: FakeMessage, prompt: str) -> None:
    opened = await (await _press(h, user, card, "Extend")).wait_response()
    submit = await h.discord.submit_modal(user, opened.data["custom_id"], {"prompt": prompt}, message=card)
    await submit.wait_original(lambda m: not m.loading)


def _says(sentence: Msg) -> Any:
    """A card whose "What happened" field is `sentence` (in English)."""

    def match(m: FakeMessage) -> bool:
        fields = m.embeds[0].get("fields") or [] if m.embeds else []
        return any(f.get("name") == "What happened" and f.get("value") == sentence.render() for f in fields)

    return match


def _duration(data: bytes) -> float:
    with av.open(io.BytesIO(data)) as container:
        assert container.duration is not None
        return container.duration / 1_000_000


# ---- one announcer ------------------------------------------------------------------------------------


async def test_a_cancel_by_a_moderator_pings_the_requester_exactly_once(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    mod = h.discord.add_user("mod", permissions=MANAGE_MESSAGES)
    h.api.queue_timeline(Timeline.manual(estimated_time=60))
    await answer(await h.video(alice, "to be cancelled"))
    await h.api.wait_until(lambda: len(h.api.tasks) == 1)
    card = await card_of_job(h, 1, where=lambda m: m.button("Cancel") is not None)

    click = await _press(h, mod, card, "Cancel")
    said = await click.wait_original(lambda m: not m.loading)
    assert said.content.startswith("Cancelled.")
    job = await h.ended(1)
    assert job.status == S.CANCELLED
    await card_of_job(h, 1, where=lambda m: m.button("Cancel") is None)
    assert len(_pings(h, alice)) == 1, "the requester is told once that a moderator cancelled it"


async def test_a_requester_cancelling_their_own_job_is_not_pinged(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(Timeline.manual(estimated_time=60))
    await answer(await h.video(alice, "never mind"))
    await h.api.wait_until(lambda: len(h.api.tasks) == 1)
    card = await card_of_job(h, 1, where=lambda m: m.button("Cancel") is not None)
    click = await _press(h, alice, card, "Cancel")
    await click.wait_original(lambda m: not m.loading)
    await h.ended(1)
    assert _pings(h, alice) == []


# ---- every state has a bounded way out ----------------------------------------------------------------


async def test_completed_without_a_url_ends_at_the_deadline_frees_the_slots_and_tells_the_member(
    harness: Harness,
) -> None:
    h = harness
    await h.start(job_deadline_seconds=1.0, user_concurrent_limit=1)
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(Timeline.quick(0.1, estimated_time=1), Timeline.quick(0.1, estimated_time=1))
    await answer(await h.video(alice, "a clip that never comes"))
    await h.api.wait_until(lambda: len(h.api.tasks) == 1)
    h.api.results_without_url.add(next(iter(h.api.tasks)))

    job = await h.ended(1)
    assert job.status == S.FAILED and ending_of(job) == NO_CLIP_SENTENCE
    assert not job.charged
    told = await card_of_job(h, 1, where=_says(NO_CLIP_SENTENCE))
    assert told.button("Retry") is not None
    assert len(_pings(h, alice)) == 1
    # Her concurrency slot is free again: the next /video starts.
    said = await answer(await h.video(alice, "another one"))
    assert "on its way" in said.content
    await delivered_card(h, 2)


async def test_a_card_that_fails_with_a_non_http_error_releases_the_admission(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    assert h.bot is not None

    async def broken(*_: object, **__: object) -> int:
        raise ValueError("a bug while building the card")

    presenter: Any = h.bot.presenter
    presenter.post_card = broken  # (not monkeypatch.undo: that would also undo the harness's patches)
    said = await answer(await h.video(alice, "first try"))
    assert said.content == CARD_FAILED_SENTENCE.render()
    job = await h.store.get(1)
    assert job is not None and job.status == S.REJECTED and not job.charged and job.credits == 0
    assert h.api.submits == []
    usage = await h.store.usage(alice.id, h.discord.guild.id, job.created_at)
    assert usage.user_active == 0 and usage.user_today == 0

    del presenter.post_card
    said = await answer(await h.video(alice, "second try"))
    assert "on its way" in said.content
    await delivered_card(h, 2)


@pytest.mark.parametrize("where", ["poll", "deliver"])
async def test_a_step_that_keeps_raising_ends_failed_and_told(
    bot_harness: Harness, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    assert h.bot is not None
    calls = {"n": 0}

    async def broken(*_: object, **__: object) -> Any:
        calls["n"] += 1
        raise RuntimeError(f"a bug in {where}")

    if where == "poll":
        monkeypatch.setattr(h.bot.api, "get_task", broken)
    else:
        monkeypatch.setattr(h.bot.presenter, "deliver", broken)
    h.api.queue_timeline(Timeline.quick(0.1, estimated_time=1))
    await answer(await h.video(alice, f"breaks in {where}"))

    job = await h.ended(1)
    assert job.status == S.FAILED and ending_of(job) == GAVE_UP_SENTENCE
    assert calls["n"] == MAX_STEP_ERRORS, "bounded: a fixed number of tries, then the member is told"
    assert not job.charged
    await card_of_job(h, 1, where=_says(GAVE_UP_SENTENCE))
    assert len(_pings(h, alice)) == 1


async def test_a_submit_that_raises_after_the_slot_was_taken_ends_unconfirmed_never_resent(
    bot_harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    assert h.bot is not None

    async def broken(*_: object, **__: object) -> str:
        raise RuntimeError("a bug right around the POST")

    monkeypatch.setattr(h.bot.api, "submit", broken)
    await answer(await h.video(alice, "unknown outcome"))
    job = await h.ended(1)
    assert job.status == S.SUBMIT_UNKNOWN and ending_of(job) == SUBMIT_UNKNOWN_SENTENCE
    assert not job.charged, "the member is never charged for our uncertainty"
    card = await card_of_job(h, 1, where=_says(SUBMIT_UNKNOWN_SENTENCE))
    assert card.button("Retry") is not None


# ---- effects that are safe to repeat ------------------------------------------------------------------


def _rewind(db: Path, job_id: int, **columns: object) -> None:
    """Put a job's row back to a moment before a crash (the bot is stopped)."""
    sets = ", ".join(f"{k} = ?" for k in columns)
    run_sql(db, f"UPDATE jobs SET {sets} WHERE id = ?", (*columns.values(), job_id), write=True)


async def test_delivery_after_the_provider_url_expired_reuses_the_kept_clip(harness: Harness) -> None:
    h = harness
    await h.start()
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(Timeline.quick(0.1, estimated_time=1))
    await answer(await h.video(alice, "kept"))
    card = await delivered_card(h, 1)
    posted = card.attachments[0].data
    await h.ended(1)
    assert kept_clip_path(h.data_dir, 1).is_file()
    await h.stop()

    # As if the process died after keeping the clip but before its post reached Discord, and came back
    # after the provider's link expired.
    card.attachments = []
    _rewind(
        h.data_dir / "bot.sqlite3", 1, status="delivering", announced=0, delivered_as=None,
        video_expires_at=h.api.unix_now() - 60, result_started_at=None, next_poll_at=0,
    )  # fmt: skip
    h.api.tasks.clear()  # the provider no longer has it
    await h.start()

    again = await delivered_card(h, 1)
    assert again.id == card.id and again.attachments[0].data == posted
    job = await h.ended(1)
    assert job.status == S.DELIVERED
    assert len(_results(h, 1)) == 1
    assert len(_pings(h, alice)) == 1, "the ping was already recorded: not sent again"


async def test_a_restart_after_the_result_landed_does_not_post_or_wipe_it(harness: Harness) -> None:
    h = harness
    await h.start()
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(Timeline.quick(0.1, estimated_time=1))
    await answer(await h.video(alice, "landed"))
    card = await delivered_card(h, 1)
    await h.ended(1)
    await h.stop()
    kept_clip_path(h.data_dir, 1).unlink()  # nothing to re-post from: it must not be needed
    edits = card.edits
    _rewind(
        h.data_dir / "bot.sqlite3", 1, status="delivering", announced=0, delivered_as=None,
        video_expires_at=h.api.unix_now() - 60, next_poll_at=0,
    )  # fmt: skip
    await h.start()
    job = await h.ended(1)
    assert job.status == S.DELIVERED
    assert card.attachments and card.edits == edits, "the posted clip stays as it was"
    assert len(_results(h, 1)) == 1


async def test_a_crash_between_the_ping_and_its_record_pings_once_in_a_busy_channel(harness: Harness) -> None:
    h = harness
    await h.start()
    alice, chatty = h.discord.add_user("alice"), h.discord.add_user("chatty")
    h.api.queue_timeline(Timeline.manual(estimated_time=5))
    await answer(await h.video(alice, "in a busy channel"))
    await h.api.wait_until(lambda: len(h.api.tasks) == 1)
    for i in range(60):  # the card is now 60 messages up the channel
        h.discord.post_user_message(chatty, f"chat {i}")
    h.api.complete(next(iter(h.api.tasks)))
    await h.ended(1)
    [ping] = _pings(h, alice)
    job = await h.store.get(1)
    assert job is not None and job.ping_started_at is not None
    await h.stop()

    # As if the process died after the ping reached Discord but before its id was stored, and came back
    # after Discord forgot the nonce.
    _rewind(h.data_dir / "bot.sqlite3", 1, announced=0, ping_message_id=None, next_poll_at=0)
    h.discord.advance_time(h.discord.nonce_window + 1)
    await h.start()
    job = await h.ended(1)
    assert job.ping_message_id == ping.id
    assert len(_pings(h, alice)) == 1


async def test_retry_of_an_extend_is_stitched_like_the_extend(bot_harness: Harness) -> None:
    h = bot_harness
    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    await answer(await h.video(alice, "a paper boat"))
    first = await delivered_card(h, 1)
    click = await _press(h, bob, first, "Extend")
    opened = await click.wait_response()
    submit = await h.discord.submit_modal(
        bob, opened.data["custom_id"], {"prompt": "to the sea"}, message=first
    )
    await submit.wait_original(lambda m: not m.loading)
    extended = await delivered_card(h, 2)

    retry = await _press(h, alice, extended, "Retry")
    assert "on its way" in (await retry.wait_original(lambda m: not m.loading)).content
    again = await delivered_card(h, 3)
    assert h.api.submits[2]["extend_from_task_id"] == next(iter(h.api.tasks))
    parent, whole = _duration(first.attachments[0].data), _duration(again.attachments[0].data)
    assert whole == pytest.approx(_duration(extended.attachments[0].data), rel=0.1)
    assert whole > parent * 1.5, "the retried part is joined after the parent, like the extend was"


async def test_retry_of_an_extend_whose_parent_is_too_old_is_refused(harness: Harness) -> None:
    h = harness
    await h.start()
    alice = h.discord.add_user("alice")
    await answer(await h.video(alice, "old"))
    first = await delivered_card(h, 1)
    await _extend(h, alice, first, "more")
    extended = await delivered_card(h, 2)
    await h.ended(2)
    await h.stop()
    _rewind(h.data_dir / "bot.sqlite3", 1, finished_at=0)  # the parent clip is now ancient
    await h.start()
    retry = await _press(h, alice, extended, "Retry")
    said = await retry.wait_original(lambda m: not m.loading)
    assert "too old to extend" in said.content
    assert len(h.api.submits) == 2


# ---- keys and the loop ------------------------------------------------------------------------------


async def test_two_databases_never_send_the_same_idempotency_key(harness: Harness, tmp_path: Path) -> None:
    h = harness
    alice = h.discord.add_user("alice")
    for name in ("one", "two"):
        path = tmp_path / name / "bot.sqlite3"
        await h.start(database_path=path, database_url=database_url_for(path))
        await answer(await h.video(alice, f"from database {name}"))
        await h.api.wait_until(
            lambda n=name: sum(1 for r in h.api.requests if r.route == "submit") == (1 if n == "one" else 2)
        )
        await h.stop()
    keys = [r.idempotency_key for r in h.api.requests if r.route == "submit"]
    assert len(keys) == 2 and all(keys) and keys[0] != keys[1]


async def test_the_idle_loop_waits_to_be_woken_instead_of_ticking(bot_harness: Harness) -> None:
    h = bot_harness
    assert h.bot is not None
    worker = h.bot.worker
    if h.store.shared:
        # Several processes may share the store: an idle loop still looks every couple of seconds (another
        # process's pauses), never more often; their new jobs wake it at once.
        assert await worker._tick() == SHARED_LOOK_SECONDS
    else:
        assert await worker._tick() is None, "no work and no pause: wait until woken"


async def test_a_cancel_pressed_while_the_job_moves_on_still_cancels_it(bot_harness: Harness) -> None:
    """The member's press read the job as submitted; by the time the cancel is written a poll has moved it
    to running. The cancel still lands (and is said), instead of "it ended before I could cancel it"."""
    h = bot_harness
    assert h.bot is not None
    alice = h.discord.add_user("alice")
    h.api.default_timeline = Timeline.manual(estimated_time=1)
    await answer(await h.video(alice, "moving on"))
    seen = await h.job_when(1, lambda j: j.status == JobStatus.SUBMITTED)
    await h.job_when(1, lambda j: j.status == JobStatus.RUNNING)
    cancelled = await h.bot.worker.cancel(seen, by_user_id=alice.id)
    assert cancelled is not None and cancelled.status == JobStatus.CANCELLED
    ended = await h.ended(1)
    assert ended.status == JobStatus.CANCELLED and ended.ended_by == alice.id
