"""Permissions before money: where the bot cannot post its card or clip, every way in says which permission is
missing and costs nothing. Real bot, fake Discord (channel overrides, app_permissions, 403 on bot posts)."""

from __future__ import annotations

import re

import pytest

from bot.i18n import text
from bot.jobs import JobStatus
from bot.jobs import permissions as p
from bot.jobs.sentences import missing_permissions_sentence
from tests.conftest import Harness, answer, delivered_card
from tests.fakes.fake_discord import (
    ATTACH_FILES,
    EMBED_LINKS,
    SEND_MESSAGES,
    SEND_MESSAGES_IN_THREADS,
    FakeFile,
    FakeMessage,
    FakeUser,
)
from tests.fakes.media import make_png

pytestmark = pytest.mark.e2e

PNG = make_png(color=(200, 30, 30))


def job_in(text: str) -> int:
    found = re.search(r"job #(\d+)", text)
    assert found, f"no job number in {text!r}"
    return int(found.group(1))


_IDS = {name: pid for pid, name in ((pid, text("en-US", f"permission-{pid}")) for pid in p.NAMES.values())}


def refused(*names: str, in_thread: bool = False) -> str:
    """The English refusal naming these permissions (as Discord's settings show them)."""
    return missing_permissions_sentence(
        tuple(_IDS[n] for n in names), role_name="fakebot", in_thread=in_thread
    ).render()


async def press(h: Harness, user: FakeUser, card: FakeMessage, label: str) -> str | None:
    """`user` presses `label`: the sentence the bot answers with, or None when it opened a modal."""
    button = card.button(label)
    assert button is not None
    click = await h.discord.click(user, card, str(button["custom_id"]))
    if (await click.wait_response()).type == 9:
        return None
    return (await answer(click)).content


async def costs(h: Harness, user: FakeUser) -> tuple[int, int, str]:
    """What a refusal must leave alone: job rows, submits at the API, and the member's /quota."""
    jobs = await h.store.jobs_with_status(list(JobStatus))
    quota = await answer(await h.discord.slash(user, "quota"))
    return len(jobs), len(h.api.submits), quota.text


@pytest.mark.parametrize(
    ("permission", "name"), [(ATTACH_FILES, "Attach Files"), (EMBED_LINKS, "Embed Links")]
)
async def test_a_channel_without_the_permission_refuses_every_way_in_and_charges_nothing(
    bot_harness: Harness, permission: int, name: str
) -> None:
    h = bot_harness
    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    first = await answer(await h.video(alice, "a paper boat"))
    card = await delivered_card(h, job_in(first.content))
    pets = h.discord.post_user_message(bob, "my pets", files=[FakeFile("pet.png", PNG, "image/png")])
    # Modals opened while the bot could still post, submitted after the override: refused at submit.
    extend_click = await h.discord.click(alice, card, str(card.button("Extend")["custom_id"]))  # type: ignore[index]
    extend_modal = (await extend_click.wait_response()).data
    menu = await h.discord.context_menu(alice, "Animate with AI", pets)
    animate_modal = (await menu.wait_response()).data

    before = await costs(h, alice)
    messages_before = len(h.discord.channel.messages)
    h.discord.channel.deny_bot(permission)  # a channel override takes one permission away
    sentence = refused(name)

    assert (await answer(await h.video(alice, "a second boat"))).content == sentence
    for label in ("Extend", "Remix", "Retry"):
        assert await press(h, alice, card, label) == sentence, label
    animate = await h.discord.context_menu(alice, "Animate with AI", pets)
    assert (await answer(animate)).content == sentence and animate.modal is None
    submitted = await h.discord.submit_modal(
        alice, extend_modal["custom_id"], {"prompt": "it reaches the sea"}
    )
    assert (await answer(submitted)).content == sentence
    submitted = await h.discord.submit_modal(alice, animate_modal["custom_id"], {"prompt": "they play"})
    assert (await answer(submitted)).content == sentence

    assert await costs(h, alice) == before, "no job row, nothing submitted, /quota unchanged"
    assert len(h.discord.channel.messages) == messages_before, "no card was even tried"
    assert not h.discord.errors, "nothing was sent that Discord would refuse"

    h.discord.channel.allow_bot(permission)  # granted again: the same command works
    again = await answer(await h.video(alice, "a second boat"))
    assert "job #" in again.content
    await delivered_card(h, job_in(again.content))


async def test_missing_permissions_are_named_together(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    h.discord.channel.deny_bot(EMBED_LINKS, ATTACH_FILES)
    said = await answer(await h.video(alice, "a boat"))
    assert said.content == refused("Embed Links", "Attach Files")
    assert "the Embed Links and Attach Files permissions" in said.content and not h.api.submits


async def test_a_private_video_needs_no_permission_in_the_channel(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    h.discord.channel.deny_bot(ATTACH_FILES, EMBED_LINKS)
    said = await answer(await h.video(alice, "a secret garden", private=True))
    assert "direct messages" in said.content
    job = job_in(said.content)
    await delivered_card(h, job, channel=h.discord.dms[alice.id])


async def test_in_a_thread_send_messages_in_threads_is_what_counts(harness: Harness) -> None:
    h = harness
    thread = h.discord.add_thread("boats")
    await h.start()
    alice = h.discord.add_user("alice")
    h.discord.channel.deny_bot(SEND_MESSAGES)  # the parent's Send Messages does not matter in its threads
    said = await answer(await h.discord.slash(alice, "video", {"prompt": "a boat"}, channel=thread))
    job = job_in(said.content)
    await delivered_card(h, job, channel=thread)

    h.discord.channel.deny_bot(SEND_MESSAGES_IN_THREADS)
    said = await answer(await h.discord.slash(alice, "video", {"prompt": "another"}, channel=thread))
    assert said.content == refused("Send Messages in Threads", in_thread=True)
    assert len(h.api.submits) == 1
