"""Building on clips: Remix / Retry by others, "Animate with AI", private results, buttons after a restart,
and references whose links expired or whose kept files are gone. Real bot, fake Discord, fake APIMart.
"""

from __future__ import annotations

import re
import shutil
from typing import Any

import pytest

from cogs.common import DMS_CLOSED
from cogs.video import NOTHING_TO_ANIMATE
from tests.conftest import Harness, asked_by, card_of_job, delivered_card
from tests.fakes.discord.models import walk_components
from tests.fakes.fake_apimart import Timeline
from tests.fakes.fake_discord import FakeChannel, FakeFile, FakeInteraction, FakeMessage, FakeUser
from tests.fakes.media import make_jpeg, make_png

pytestmark = pytest.mark.e2e

RESULT_BUTTONS = ["Extend", "Remix", "Retry", "Delete", "Story", "Full cut"]
RED_PNG = make_png(color=(200, 30, 30))
BLUE_PNG = make_png(48, 32, color=(20, 40, 220))
GREEN_JPEG = make_jpeg(color=(30, 180, 60))


# ---- helpers ---------------------------------------------------------------------------------------


def field(message: FakeMessage, name: str) -> str | None:
    for embed in message.embeds:
        for f in embed.get("fields") or []:
            if f.get("name") == name:
                return str(f.get("value"))
    return None


def title(message: FakeMessage) -> str:
    return str(message.embeds[0].get("title") or "") if message.embeds else ""


def labels(message: FakeMessage) -> list[str]:
    return [str(b.get("label")) for b in message.buttons]


async def answer(ia: FakeInteraction) -> FakeMessage:
    """The bot's (final) answer to an interaction; every answer of this bot is ephemeral."""
    msg = await ia.wait_original(lambda m: not m.loading)
    assert ia.ephemeral, f"the answer {msg.content!r} is visible to everyone"
    return msg


def job_in(text: str) -> int:
    found = re.search(r"job #(\d+)", text)
    assert found, f"no job number in {text!r}"
    return int(found.group(1))


async def press(h: Harness, user: FakeUser, card: FakeMessage, label: str) -> FakeInteraction:
    button = card.button(label)
    assert button is not None, f"no {label} button on the card; has {labels(card)}"
    return await h.discord.click(user, card, str(button["custom_id"]))


async def modal_of(click: FakeInteraction) -> dict[str, Any]:
    opened = await click.wait_response()
    assert opened.type == 9, f"expected a modal, got callback type {opened.type}: {opened.data}"
    return opened.data


def modal_default(modal: dict[str, Any]) -> str | None:
    [text_input] = [c for c in walk_components(modal.get("components") or []) if c.get("type") == 4]
    return text_input.get("value")


async def via_modal(
    h: Harness, user: FakeUser, card: FakeMessage, label: str, prompt: str
) -> tuple[dict[str, Any], FakeMessage]:
    """Press a modal button, submit `prompt`; returns the modal shown and the bot's answer."""
    modal = await modal_of(await press(h, user, card, label))
    submitted = await h.discord.submit_modal(user, modal["custom_id"], {"prompt": prompt}, message=card)
    return modal, await answer(submitted)


def uploaded(h: Harness, urls: list[str]) -> list[bytes]:
    return [h.api.uploads[u] for u in urls]


def pings_of(h: Harness, user: FakeUser, channel: FakeChannel | None = None) -> list[FakeMessage]:
    messages = (channel or h.discord.channel).messages
    return [m for m in messages if user.id in m.pinged_user_ids]


async def first_clip(h: Harness, user: FakeUser, prompt: str, **options: Any) -> FakeMessage:
    """`user` runs /video with a PNG and a JPEG; returns the delivered card."""
    files = {
        "image1": FakeFile("red.png", RED_PNG, "image/png"),
        "image2": FakeFile("green.jpg", GREEN_JPEG, "image/jpeg"),
    }
    job_id = job_in((await answer(await h.video(user, prompt, files=files, **options))).content)
    return await delivered_card(h, job_id)


# ---- Remix and Retry by another member ---------------------------------------------------------------


async def test_retry_and_remix_by_another_member_keep_inputs_and_credit_the_original(
    bot_harness: Harness,
) -> None:
    h = bot_harness
    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    original = await first_clip(h, alice, "a fox in the snow", aspect_ratio="9:16")
    [first] = h.api.submits
    assert first["aspect_ratio"] == "9:16"
    original_images = uploaded(h, first["image_urls"])
    assert original_images == [RED_PNG, GREEN_JPEG]
    await h.discord.wait_for_message(lambda m: m.pinged_user_ids == {alice.id})

    # Retry by bob: same prompt, same images, same aspect ratio; bob's job, crediting alice.
    job = job_in((await answer(await press(h, bob, original, "Retry"))).content)
    retried = await delivered_card(h, job)
    second = h.api.submits[-1]
    assert len(h.api.submits) == 2
    assert second["prompt"] == "a fox in the snow"
    assert second["aspect_ratio"] == "9:16"
    assert uploaded(h, second["image_urls"]) == original_images
    assert asked_by(retried) == bob.id
    assert "(retry)" in title(retried)
    assert field(retried, "Credit") == f"Retried from <@{alice.id}>'s clip (job #1)"
    assert labels(retried) == RESULT_BUTTONS
    await h.discord.wait_for_message(lambda m: m.pinged_user_ids == {bob.id})

    # Remix by bob: the modal holds alice's prompt; the edited prompt goes out with the same references.
    modal, said = await via_modal(h, bob, original, "Remix", "a fox in the snow, at night")
    assert modal_default(modal) == "a fox in the snow"
    remixed = await delivered_card(h, job_in(said.content))
    third = h.api.submits[-1]
    assert len(h.api.submits) == 3
    assert third["prompt"] == "a fox in the snow, at night"
    assert third["aspect_ratio"] == "9:16"
    assert uploaded(h, third["image_urls"]) == original_images
    assert asked_by(remixed) == bob.id and "(remix)" in title(remixed)
    assert field(remixed, "Credit") == f"Remixed from <@{alice.id}>'s clip (job #1)"
    await h.discord.wait_until(lambda: len(pings_of(h, bob)) == 2)

    # Attribution never pings: alice was pinged once (her own clip), bob once per clip of his.
    assert len(pings_of(h, alice)) == 1
    for message in h.discord.channel.messages:
        assert len(message.pinged_user_ids) <= 1 and not message.pinged_everyone
        if message.embeds:
            assert not message.pinged_user_ids, "cards never ping"
    assert not h.discord.errors


async def test_requester_only_server_refuses_others_but_not_the_requester(bot_harness: Harness) -> None:
    h = bot_harness
    alice, carol = h.discord.add_user("alice"), h.discord.add_user("carol")
    original = await first_clip(h, alice, "a lighthouse in a storm")
    await h.store.set_guild_config(h.discord.guild.id, requester_only=True)

    refused = await answer(await press(h, carol, original, "Retry"))
    assert "only the person who asked for a clip can extend, remix or retry it" in refused.content
    refused = await answer(await press(h, carol, original, "Remix"))
    assert "only the person who asked for a clip" in refused.content
    refused = await answer(await press(h, carol, original, "Extend"))
    assert "only the person who asked for a clip" in refused.content
    assert len(h.api.submits) == 1 and len(h.api.submit_attempts) == 1, "nothing was submitted"
    assert not [m for m in h.discord.channel.messages if asked_by(m) == carol.id], "no card for carol"

    # The requester still can.
    job = job_in((await answer(await press(h, alice, original, "Retry"))).content)
    await delivered_card(h, job)
    assert len(h.api.submits) == 2
    modal = await modal_of(await press(h, alice, original, "Remix"))
    assert modal_default(modal) == "a lighthouse in a storm"


# ---- Animate with AI ---------------------------------------------------------------------------------


async def test_animate_with_ai_sends_exactly_the_message_images_and_credits_the_author(
    bot_harness: Harness,
) -> None:
    h = bot_harness
    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    pictures = [
        FakeFile("one.png", RED_PNG, "image/png"),
        FakeFile("two.jpg", GREEN_JPEG, "image/jpeg"),
        FakeFile("three.png", BLUE_PNG, "image/png"),
    ]
    message = h.discord.post_user_message(bob, "my three pets", files=pictures)

    modal = await modal_of(await h.discord.context_menu(alice, "Animate with AI", message))
    assert modal["custom_id"].startswith("v:anim:")
    submitted = await h.discord.submit_modal(alice, modal["custom_id"], {"prompt": "they play together"})
    job = job_in((await answer(submitted)).content)
    card = await delivered_card(h, job)

    [submit] = h.api.submits
    assert submit["prompt"] == "they play together"
    assert uploaded(h, submit["image_urls"]) == [RED_PNG, GREEN_JPEG, BLUE_PNG], "exactly those 3 images"
    assert not submit.get("video_urls")
    assert asked_by(card) == alice.id
    assert field(card, "Credit") == f"Animated from <@{bob.id}>'s message"
    assert "3 images" in card.text
    assert not pings_of(h, bob), "the credited author is not pinged"

    # Animating one's own message needs no credit.
    own = h.discord.post_user_message(alice, "", files=[FakeFile("me.png", BLUE_PNG, "image/png")])
    modal = await modal_of(await h.discord.context_menu(alice, "Animate with AI", own))
    submitted = await h.discord.submit_modal(alice, modal["custom_id"], {"prompt": ""})
    mine = await delivered_card(h, job_in((await answer(submitted)).content))
    assert field(mine, "Credit") is None
    assert uploaded(h, h.api.submits[-1]["image_urls"]) == [BLUE_PNG]

    # A text-only message: a sentence, no modal, nothing submitted.
    text_only = h.discord.post_user_message(bob, "just words, no pictures")
    ia = await h.discord.context_menu(alice, "Animate with AI", text_only)
    said = await answer(ia)
    assert said.content == NOTHING_TO_ANIMATE.render()
    assert ia.modal is None
    assert len(h.api.submits) == 2
    assert not h.discord.errors


# ---- private results ---------------------------------------------------------------------------------


async def test_private_result_goes_to_dms_and_nothing_to_the_channel(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    said = await answer(await h.video(alice, "a secret garden", private=True))
    assert "direct messages" in said.content
    dm = h.discord.dms[alice.id]
    card = await delivered_card(h, job_in(said.content), channel=dm)
    assert card.attachments[0].filename.endswith(".mp4")
    assert labels(card) == RESULT_BUTTONS
    assert asked_by(card) == alice.id
    await h.discord.wait_for_message(lambda m: m.pinged_user_ids == {alice.id}, channel=dm)
    assert len(h.api.submits) == 1

    # Building on it happens in the DMs too.
    said = await answer(await press(h, alice, card, "Retry"))
    assert "direct messages" in said.content
    await delivered_card(h, job_in(said.content), channel=dm)
    assert h.api.submits[-1]["prompt"] == "a secret garden"
    assert not [m for m in h.discord.channel.messages if m.author.id == h.discord.bot_user.id], (
        "nothing at all in the guild channel"
    )
    assert not h.discord.errors


async def test_private_with_closed_dms_says_so_and_submits_nothing(bot_harness: Harness) -> None:
    h = bot_harness
    bob = h.discord.add_user("bob")
    bob.dms_closed = True
    said = await answer(await h.video(bob, "a secret garden", private=True))
    assert said.content == DMS_CLOSED.render()
    assert not h.api.submits and not h.api.submit_attempts
    assert not [m for m in h.discord.channel.messages if m.author.id == h.discord.bot_user.id]
    dm = h.discord.dms.get(bob.id)
    assert dm is None or not dm.messages


# ---- buttons after a restart -------------------------------------------------------------------------


async def test_every_button_works_on_messages_posted_before_a_restart(harness: Harness) -> None:
    h = harness
    await h.start(card_edit_interval=0.1)
    users = {n: h.discord.add_user(n) for n in ("alice", "bob", "carol", "dave", "erin", "frank")}
    original = await first_clip(h, users["alice"], "a kite over the sea")
    [first_task] = list(h.api.tasks)
    h.api.queue_timeline(Timeline.manual(estimated_time=60))
    await answer(await h.video(users["bob"], "still running at the restart"))
    running = await card_of_job(h, 2, where=lambda m: title(m).startswith("🎬"))
    # A modal opened before the restart and submitted after it.
    opened_before = await modal_of(await press(h, users["frank"], original, "Remix"))

    await h.restart()

    # Cancel on the job that was running before the restart.
    said = await answer(await press(h, users["bob"], running, "Cancel"))
    assert said.content.startswith("Cancelled.")
    await card_of_job(h, 2, where=lambda m: title(m).startswith("🛑"))
    assert running.buttons == []

    # Extend: modal → submit → a new job chained on the original task.
    modal, said = await via_modal(h, users["carol"], original, "Extend", "then it starts to rain")
    extended = await delivered_card(h, job_in(said.content))
    assert h.api.submits[-1]["extend_from_task_id"] == first_task
    assert h.api.submits[-1]["prompt"] == "then it starts to rain"
    assert labels(extended) == RESULT_BUTTONS

    modal, said = await via_modal(h, users["dave"], original, "Remix", "a kite over the desert")
    assert modal_default(modal) == "a kite over the sea"
    await delivered_card(h, job_in(said.content))
    assert h.api.submits[-1]["prompt"] == "a kite over the desert"
    assert uploaded(h, h.api.submits[-1]["image_urls"]) == [RED_PNG, GREEN_JPEG]

    said = await answer(await press(h, users["erin"], original, "Retry"))
    await delivered_card(h, job_in(said.content))
    assert h.api.submits[-1]["prompt"] == "a kite over the sea"

    submitted = await h.discord.submit_modal(
        users["frank"], opened_before["custom_id"], {"prompt": "a kite at night"}, message=original
    )
    await delivered_card(h, job_in((await answer(submitted)).content))
    assert h.api.submits[-1]["prompt"] == "a kite at night"

    said = await answer(await press(h, users["alice"], original, "Delete"))
    assert "Deleted" in said.content and original.deleted
    assert len(h.api.submits) == 6
    assert not h.discord.errors


# ---- references whose links expired or whose files are gone ------------------------------------------


async def test_expired_reference_links_are_uploaded_again_and_missing_files_are_said_plainly(
    bot_harness: Harness,
) -> None:
    h = bot_harness
    alice, bob, carol = (h.discord.add_user(n) for n in ("alice", "bob", "carol"))
    original = await first_clip(h, alice, "a tram in the fog")
    first_urls = set(h.api.submits[0]["image_urls"])
    h.api.expire_uploads()

    job = job_in((await answer(await press(h, bob, original, "Retry"))).content)
    await delivered_card(h, job)
    retry = h.api.submits[-1]
    assert not set(retry["image_urls"]) & first_urls, "the kept files were uploaded again"
    assert uploaded(h, retry["image_urls"]) == [RED_PNG, GREEN_JPEG]

    h.api.expire_uploads()
    known = set(h.api.uploads)
    _, said = await via_modal(h, carol, original, "Remix", "a tram in the snow")
    await delivered_card(h, job_in(said.content))
    remix = h.api.submits[-1]
    assert remix["prompt"] == "a tram in the snow"
    assert not set(remix["image_urls"]) & known
    assert uploaded(h, remix["image_urls"]) == [RED_PNG, GREEN_JPEG]
    assert len(h.api.submits) == 3

    # The kept files are gone: Retry says so plainly and nothing is submitted.
    shutil.rmtree(h.data_dir / "refs")
    attempts = len(h.api.submit_attempts)
    said = await answer(await press(h, bob, original, "Retry"))
    assert "no longer kept" in said.content
    said = await answer(await press(h, carol, original, "Remix"))
    assert "no longer kept" in said.content
    assert len(h.api.submit_attempts) == attempts and len(h.api.submits) == 3
    assert not h.discord.errors


async def test_a_refused_retry_keeps_the_original_reference_files(bot_harness: Harness) -> None:
    h = bot_harness
    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    original = await first_clip(h, alice, "a heron at dawn")
    gid = h.discord.guild.id
    await h.store.set_guild_config(gid, guild_daily_limit=1)
    refused = await answer(await press(h, bob, original, "Retry"))
    assert "videos today" in refused.content, "refused by the server's daily allowance"
    assert len(h.api.submits) == 1

    await h.store.set_guild_config(gid, guild_daily_limit=0)  # the moderators lift the limit
    said = await answer(await press(h, alice, original, "Retry"))
    assert "no longer kept" not in said.content, f"the original's files were deleted: {said.content!r}"
    await delivered_card(h, job_in(said.content))
    assert uploaded(h, h.api.submits[-1]["image_urls"]) == [RED_PNG, GREEN_JPEG]
