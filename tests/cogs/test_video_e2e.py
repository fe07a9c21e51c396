"""The core loop through the real bot, the fake Discord and the fake APIMart."""

from __future__ import annotations

import io

import av
import pytest
from PIL import Image

from bot.jobs import JobStatus
from tests.conftest import Harness, asked_by
from tests.fakes.fake_apimart import Timeline
from tests.fakes.fake_discord import FakeFile, FakeMessage
from tests.fakes.media import make_gif, make_jpeg, make_mp4, make_png, make_webp

pytestmark = pytest.mark.e2e


def _mp4_streams(data: bytes) -> set[str]:
    with av.open(io.BytesIO(data)) as container:
        return {s.type for s in container.streams}


def _extend_button(message: FakeMessage) -> dict[str, object] | None:
    return message.button("Extend")


async def _delivered(h: Harness, user_id: int, count: int = 1, timeout: float = 15) -> list[FakeMessage]:
    def cards() -> list[FakeMessage]:
        return [
            m
            for m in h.discord.channel.messages
            if m.author.id == h.discord.bot_user.id and m.attachments and asked_by(m) == user_id
        ]

    await h.discord.wait_until(lambda: len(cards()) >= count, timeout=timeout)
    return cards()


async def test_text_only_video_is_posted_once_with_extend(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    interaction = await h.video(alice, "a cat surfing a wave")

    first = await interaction.wait_response()
    assert first.type == 5, "the command is deferred at once"
    assert interaction.ephemeral
    confirmation = await interaction.wait_original(lambda m: not m.loading)
    assert "job #1" in confirmation.content

    [card] = await _delivered(h, alice.id)
    assert len(card.attachments) == 1
    assert card.attachments[0].filename.endswith(".mp4")
    assert {"video", "audio"} <= _mp4_streams(card.attachments[0].data)
    assert [b["label"] for b in card.buttons] == ["Extend", "Remix", "Retry", "Delete", "Story", "Full cut"]
    assert "a cat surfing a wave" in card.text

    [submit] = h.api.submits
    assert submit["model"] == "gemini-omni-flash-preview"
    assert submit["prompt"] == "a cat surfing a wave"
    assert submit.get("aspect_ratio", "16:9") == "16:9"
    assert not submit.get("image_urls") and not submit.get("video_urls")

    ping = await h.discord.wait_for_message(lambda m: m.pinged_user_ids == {alice.id})
    assert ping.message_reference and int(ping.message_reference["message_id"]) == card.id
    bot_messages = [m for m in h.discord.channel.messages if m.author.id == h.discord.bot_user.id]
    assert len(bot_messages) == 2, "one card (edited into the result) and one ping"


async def test_png_and_jpeg_references_portrait(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    files = {
        "image1": FakeFile("cat.png", make_png(), "image/png"),
        "image2": FakeFile("dog.jpg", make_jpeg(), "image/jpeg"),
    }
    await h.video(alice, "two pets dancing", files=files, aspect_ratio="9:16")
    [card] = await _delivered(h, alice.id)
    assert _extend_button(card) is not None
    [submit] = h.api.submits
    assert submit["aspect_ratio"] == "9:16"
    assert len(submit["image_urls"]) == 2
    uploaded = list(h.api.uploads.values())
    assert sorted(data[:4] for data in uploaded) == sorted([make_png()[:4], make_jpeg()[:4]])
    assert "2 images" in card.text


async def test_webp_and_gif_are_converted_to_png(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    files = {
        "image1": FakeFile("sticker.webp", make_webp(), "image/webp"),
        "image2": FakeFile("loop.gif", make_gif(), "image/gif"),
    }
    await h.video(alice, None, files=files)
    await _delivered(h, alice.id)
    [submit] = h.api.submits
    assert len(submit["image_urls"]) == 2
    assert "prompt" not in submit or not submit["prompt"]
    for data in h.api.uploads.values():
        assert data.startswith(b"\x89PNG"), "WebP and GIF reach the API as PNG"
        assert Image.open(io.BytesIO(data)).format == "PNG"


async def test_reference_video_goes_as_a_fetchable_url(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    clip = make_mp4(2.0)
    await h.video(alice, "continue this", files={"video": FakeFile("clip.mp4", clip, "video/mp4")})
    [card] = await _delivered(h, alice.id)
    [submit] = h.api.submits
    [url] = submit["video_urls"]
    assert url.startswith(h.discord.base_url + "/")
    assert "1 video" in card.text


async def test_chain_of_three_extends_carries_each_parent_task_id(bot_harness: Harness) -> None:
    h = bot_harness
    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    await h.video(alice, "a paper boat on a river")
    [card] = await _delivered(h, alice.id)
    parents = [card]
    for step, user in enumerate([bob, alice, bob], start=1):
        parent = parents[-1]
        button = _extend_button(parent)
        assert button is not None
        click = await h.discord.click(user, parent, str(button["custom_id"]))
        opened = await click.wait_response()
        assert opened.type == 9, "Extend opens a modal"
        modal_id = opened.data["custom_id"]
        submit = await h.discord.submit_modal(user, modal_id, {"prompt": f"part {step + 1}"}, message=parent)
        await submit.wait_original(lambda m: not m.loading)
        await h.api.wait_until(lambda n=step: len(h.api.submits) == n + 1)
        children = await _delivered(
            h, user.id, count=sum(1 for u in [alice, bob, alice, bob][: step + 1] if u == user)
        )
        parents.append(children[-1])
    task_ids = list(h.api.tasks)
    assert len(h.api.submits) == 4
    for i in range(1, 4):
        assert h.api.submits[i]["extend_from_task_id"] == task_ids[i - 1]
        assert h.api.submits[i]["prompt"] == f"part {i + 1}"
    for card in parents:
        assert _extend_button(card) is not None
    # Each answer of the fake is only the new 1 s part: extends build a longer video every time.
    lengths = [_duration(card.attachments[0].data) for card in parents]
    assert [round(x) for x in lengths] == [1, 2, 3, 4], lengths


def _duration(data: bytes) -> float:
    with av.open(io.BytesIO(data)) as container:
        assert container.duration is not None
        return container.duration / 1_000_000


@pytest.mark.parametrize(
    ("timeline", "expected"),
    [
        (
            Timeline.quick(
                0.2,
                "failed",
                error={
                    "code": "content_policy",
                    "message": "Prompt was blocked by safety filters (request id: abc)",
                    "type": "invalid_request",
                },
            ),
            "safety filter blocked this request",  # our sentence: the API's own text never reaches a card
        ),
        (Timeline.quick(0.2, "failed", error="upstream exploded"), "could not make this clip"),
        (Timeline.quick(0.2, "cancelled"), "cancelled"),
    ],
    ids=["failed-object", "failed-string", "cancelled"],
)
async def test_failed_and_cancelled_tasks_say_why_without_extend(
    bot_harness: Harness, timeline: Timeline, expected: str
) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(timeline)
    await h.video(alice, "doomed")

    def ended(m: FakeMessage) -> bool:
        return (
            bool(m.embeds)
            and expected in m.text
            and "request id" not in m.text
            and "Prompt was blocked" not in m.text
            and "upstream exploded" not in m.text
        )

    card = await h.discord.wait_for_message(ended)
    assert card.button("Extend") is None
    # A failure can be retried; a cancellation by the API is final.
    expected_buttons = [] if "cancelled" in expected else ["Retry"]
    assert [b["label"] for b in card.buttons] == expected_buttons
    assert not card.attachments
    ping = await h.discord.wait_for_message(lambda m: m.pinged_user_ids == {alice.id})
    assert "ended" in ping.content


async def test_deadline_overrun_times_out(harness: Harness) -> None:
    h = harness
    await h.start(job_deadline_seconds=0.5)
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(Timeline.manual(estimated_time=1))
    await h.video(alice, "never ends")
    card = await h.discord.wait_for_message(lambda m: "took too long" in m.text)
    assert [b["label"] for b in card.buttons] == ["Retry"]
    job = await h.store.get(1)
    assert job is not None and job.status == JobStatus.TIMED_OUT


async def test_flaky_polls_still_deliver_and_respect_retry_after(bot_harness: Harness) -> None:
    h = bot_harness
    users = [h.discord.add_user(f"user{i}") for i in range(4)]
    h.api.default_timeline = Timeline.quick(0.6, estimated_time=1)
    h.api.fault_rate("status", 0.3, ["429", "500", "502", "503", "malformed"], seed=7, retry_after=0.3)
    for user in users:
        await h.video(user, f"clip for {user.name}")
    for user in users:
        await _delivered(h, user.id, timeout=30)
    assert len(h.api.submits) == 4
    # No status poll arrived while a Retry-After was in force.
    statuses = [r for r in h.api.requests if r.path.startswith("/v1/tasks/")]
    limited = [r for r in statuses if r.status == 429]
    assert limited, "the fault rate produced at least one 429"
    for r in limited:
        # Polls already on the wire when the 429 was answered cannot be called back; every poll sent
        # after the bot read the 429 must wait out the Retry-After.
        assert r.answered_at is not None
        start = r.answered_at + 0.02
        later = [x for x in statuses if start < x.time < r.answered_at + 0.3]
        assert not later, (
            f"a poll arrived {later[0].time - r.answered_at:.3f}s after a 429 with Retry-After 0.3"
        )


async def test_prompt_with_mentions_pings_nobody(bot_harness: Harness) -> None:
    h = bot_harness
    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    role = h.discord.add_role("mods")
    prompt = f"@everyone @here <@{bob.id}> <@&{role.id}> look at this"
    await h.video(alice, prompt)
    [card] = await _delivered(h, alice.id)
    for message in h.discord.channel.messages:
        assert not message.pinged_everyone
        assert not message.pinged_role_ids
        assert bob.id not in message.pinged_user_ids
        assert message.pinged_user_ids <= {alice.id}
    assert "@everyone" in card.text


async def test_clip_over_upload_limit_is_reencoded_to_fit(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    big = make_mp4(8.0, width=1280, height=720, noise=True, bitrate=15_000_000)
    assert len(big) > 14 * 1024 * 1024
    h.api.queue_timeline(Timeline.quick(0.2, video=big))
    await h.video(alice, "huge")
    [card] = await _delivered(h, alice.id, timeout=60)
    [clip] = card.attachments
    assert clip.size <= 10 * 1024 * 1024, "fits a tier-0 guild's 10 MiB limit"
    with av.open(io.BytesIO(clip.data)) as container:
        kinds = {s.type: s for s in container.streams}
        assert kinds["video"].codec_context.name == "h264"
        assert "audio" in kinds, "the sound is kept"
        assert container.duration is not None
        assert abs(container.duration / 1_000_000 - 8.0) < 0.3, "same length"
    assert not [r for r in h.discord.requests if r.status == 413], "never sent a file Discord would refuse"


async def test_clip_that_cannot_fit_becomes_a_link_without_413_loop(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    # Not decodable, so it can't be re-encoded: the only honest delivery is a link.
    junk = b"\x00\x00\x00\x20ftypisom" + bytes(11 * 1024 * 1024)
    h.api.queue_timeline(Timeline.quick(0.2, video=junk))
    await h.video(alice, "huge")
    card = await h.discord.wait_for_message(lambda m: "download it" in m.text)
    assert not card.attachments
    assert h.api.base_url in card.text
    assert "expires" in card.text
    assert not [r for r in h.discord.requests if r.status == 413]
    assert [b["label"] for b in card.buttons] == ["Extend", "Remix", "Retry", "Delete", "Story", "Full cut"]


@pytest.mark.parametrize("fault", ["500", "502", "slow", "drop"])
async def test_uncertain_submit_is_not_resent(harness: Harness, fault: str) -> None:
    h = harness
    await h.start(api_timeout_seconds=0.5)
    alice = h.discord.add_user("alice")
    h.api.fault_next("submit", fault, delay=2.0)
    await h.video(alice, "maybe billed")
    card = await h.discord.wait_for_message(lambda m: "may or may not have started" in m.text)
    assert card.button("Extend") is None
    job = await h.store.get(1)
    assert job is not None and job.status == JobStatus.SUBMIT_UNKNOWN
    assert len(h.api.submit_attempts) == 1


async def test_rate_limited_submit_is_sent_again_after_retry_after(harness: Harness) -> None:
    h = harness
    await h.start()
    alice = h.discord.add_user("alice")
    h.api.fault_next("submit", "429", retry_after=0.3)
    await h.video(alice, "try again later")
    await _delivered(h, alice.id)
    attempts = [r for r in h.api.requests if r.path == "/v1/videos/generations"]
    assert [r.status for r in attempts] == [429, 200]
    assert attempts[1].time - attempts[0].time >= 0.3


async def test_late_results_use_the_bot_token_not_the_expired_interaction_token(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    h.api.queue_timeline(Timeline.manual(estimated_time=1))
    interaction = await h.video(alice, "a slow one")
    await interaction.wait_original(lambda m: not m.loading)
    await h.api.wait_until(lambda: len(h.api.tasks) == 1)
    h.discord.advance_time(16 * 60)  # the interaction token is now dead
    h.api.complete(next(iter(h.api.tasks)))
    [card] = await _delivered(h, alice.id)
    assert card.attachments
    refused = [r for r in h.discord.requests if r.status == 401]
    assert refused == [], "nothing used the interaction token after 15 minutes"
