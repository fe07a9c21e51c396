"""A chain of Extends through the real bot: parts that sound unlike still make one playable clip."""

from __future__ import annotations

import itertools

import pytest

from tests.conftest import Harness, answer, delivered_card
from tests.fakes.fake_discord import FakeMessage, FakeUser
from tests.fakes.media import inspect_mp4

pytestmark = pytest.mark.e2e

EXTENDS = 4


async def _extend(h: Harness, user: FakeUser, parent: FakeMessage, prompt: str) -> None:
    """Press Extend under `parent` and send `prompt` in the box it opens."""
    button = parent.button("Extend")
    assert button is not None, "every delivered clip can be extended"
    click = await h.discord.click(user, parent, str(button["custom_id"]))
    opened = await click.wait_response()
    assert opened.type == 9, "Extend opens a modal"
    submit = await h.discord.submit_modal(user, opened.data["custom_id"], {"prompt": prompt}, message=parent)
    await answer(submit)


async def test_four_extends_of_unlike_sound_make_one_clip_of_the_summed_length(bot_harness: Harness) -> None:
    h = bot_harness
    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    await h.video(alice, "a paper boat on a river")
    cards = [await delivered_card(h, 1)]
    for step in range(1, EXTENDS + 1):
        await _extend(h, bob if step % 2 else alice, cards[-1], f"part {step + 1}")
        await h.api.wait_until(lambda n=step: len(h.api.submits) == n + 1)
        cards.append(await delivered_card(h, step + 1, timeout=30))

    # Each Extend continued its parent's task.
    tasks = list(h.api.tasks.values())
    assert len(tasks) == EXTENDS + 1
    assert "extend_from_task_id" not in tasks[0].body
    for parent, child in itertools.pairwise(tasks):
        assert child.body["extend_from_task_id"] == parent.id

    # The API's parts really differ in sound from one to the next (rate and mono/stereo).
    parts = [inspect_mp4(task.result_video) for task in tasks]
    for before, after in itertools.pairwise(parts):
        assert (before.audio_rate, before.audio_layout) != (after.audio_rate, after.audio_layout)
    assert {p.audio_layout for p in parts} == {"mono", "stereo"}

    # Every delivered clip is the whole story so far: 1, 2, ... 5 parts, each joined after its parent.
    lengths = [sum(p.duration for p in parts[: i + 1]) for i in range(len(parts))]
    for card, expected in zip(cards, lengths, strict=True):
        [attachment] = card.attachments
        clip = inspect_mp4(attachment.data)
        assert abs(clip.duration - expected) <= 0.1 * expected, (clip, expected)

    final = inspect_mp4(cards[-1].attachments[0].data)  # decodes every picture and sound frame
    total = lengths[-1]
    assert abs(final.video_seconds - total) <= 0.1 * total, final
    assert final.has_audio and abs(final.audio_seconds - final.video_seconds) < 0.05, final
    start = 0.0
    for i, part in enumerate(parts):
        assert final.loudness(start + 0.1, start + part.duration - 0.1) > 0.05, f"part {i + 1} is heard"
        start += part.duration
