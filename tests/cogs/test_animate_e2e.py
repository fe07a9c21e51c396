"""Animate with AI without the Message Content intent: the media come from the menu's resolved message, never
from a fetch (which Discord answers blank). Real bot, fake Discord modelling the intent, fake APIMart."""

from __future__ import annotations

import re

import pytest

from cogs.video import ANIMATE_AGAIN
from tests.conftest import Harness, answer, delivered_card
from tests.fakes.fake_discord import FakeFile, FakeInteraction
from tests.fakes.media import make_jpeg, make_png

pytestmark = pytest.mark.e2e

RED_PNG = make_png(color=(200, 30, 30))
BLUE_PNG = make_png(48, 32, color=(20, 40, 220))
GREEN_JPEG = make_jpeg(color=(30, 180, 60))
PICTURES = [
    FakeFile("one.png", RED_PNG, "image/png"),
    FakeFile("two.jpg", GREEN_JPEG, "image/jpeg"),
    FakeFile("three.png", BLUE_PNG, "image/png"),
]


def job_in(text: str) -> int:
    found = re.search(r"job #(\d+)", text)
    assert found, f"no job number in {text!r}"
    return int(found.group(1))


def message_reads(h: Harness) -> list[str]:
    """Every time the bot read a channel's messages (a single one or a list)."""
    return [
        r.path
        for r in h.discord.requests
        if r.method == "GET" and re.match(r"^/channels/\d+/messages", r.path)
    ]


async def modal_id(menu: FakeInteraction) -> str:
    opened = await menu.wait_response()
    assert opened.type == 9, f"expected the prompt box, got {opened.type}: {opened.data}"
    return str(opened.data["custom_id"])


async def test_animate_works_without_the_message_content_intent(bot_harness: Harness) -> None:
    h = bot_harness
    assert h.discord.intents is not None and not h.discord.message_content_intent, "the bot goes without it"
    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    message = h.discord.post_user_message(bob, "my three pets", files=PICTURES)

    custom_id = await modal_id(await h.discord.context_menu(alice, "Animate with AI", message))
    submitted = await h.discord.submit_modal(alice, custom_id, {"prompt": "they play together"})
    await delivered_card(h, job_in((await answer(submitted)).content))

    [submit] = h.api.submits
    assert [h.api.uploads[u] for u in submit["image_urls"]] == [RED_PNG, GREEN_JPEG, BLUE_PNG]
    assert not [p for p in message_reads(h) if p.endswith(f"/{message.id}")], "the message is never fetched"

    # The box is used once: submitting the same one again starts nothing.
    again = await h.discord.submit_modal(alice, custom_id, {"prompt": "once more"})
    assert (await answer(again)).content == ANIMATE_AGAIN.render() and len(h.api.submits) == 1


async def test_a_box_opened_before_a_restart_still_works_after_it(bot_harness: Harness) -> None:
    h = bot_harness
    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    message = h.discord.post_user_message(bob, "", files=PICTURES[:2])
    custom_id = await modal_id(await h.discord.context_menu(alice, "Animate with AI", message))
    await h.restart()

    # Someone else cannot submit alice's box.
    sneaky = await h.discord.submit_modal(bob, custom_id, {"prompt": "mine now"})
    assert (await answer(sneaky)).content == ANIMATE_AGAIN.render() and not h.api.submits

    submitted = await h.discord.submit_modal(alice, custom_id, {"prompt": "a slow zoom"})
    await delivered_card(h, job_in((await answer(submitted)).content))
    [submit] = h.api.submits
    assert [h.api.uploads[u] for u in submit["image_urls"]] == [RED_PNG, GREEN_JPEG]
