"""Every bad input gets one clear sentence and no submit: one table, one test over it.

Each row of BAD_INPUTS names a bad thing a member can do, a scenario that sets the world up and returns
the bad action, and a fragment of the one sentence the member must read. The test checks, for that action:
the answer is that sentence, shown only to them, with no traceback; no job row was created (so nothing can
be sent later); nothing new appeared in any channel; and the video API saw no submit (for rows whose
set-up made a clip first, e.g. the limits, the count before and after the action is compared).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import discord
import pytest

from bot.jobs import JobStatus
from bot.jobs.sentences import MISCONFIGURED_SENTENCE, OUT_OF_CREDIT_SENTENCE
from bot.media import references
from bot.media.references import ReferenceError
from cogs.video import NOTHING_TO_ANIMATE
from tests.conftest import Harness
from tests.fakes.fake_apimart import Timeline
from tests.fakes.fake_discord import FakeFile, FakeInteraction, FakeMessage, FakeUser
from tests.fakes.media import make_mp4, make_png

pytestmark = pytest.mark.e2e

Act = Callable[[], Awaitable[FakeInteraction]]
Setup = Callable[[Harness], Awaitable[Act]]
MiB = 1024 * 1024


@dataclass(frozen=True)
class Bad:
    id: str
    setup: Setup  # starts the bot, builds the world, returns the bad action
    expected: str  # a fragment of the one sentence the member reads
    offers: tuple[str, ...] = ()  # buttons the answer may carry as a way forward (e.g. Remix for Extend)


# ---- building blocks for the scenarios -------------------------------------------------------------------


def alice(h: Harness) -> FakeUser:
    user = next((u for u in h.discord.users.values() if u.name == "alice"), None)
    return user or h.discord.add_user("alice")


def png(name: str = "cat.png") -> FakeFile:
    return FakeFile(name, make_png(), "image/png")


def mp4(name: str, seconds: float, **kw: Any) -> FakeFile:
    return FakeFile(name, make_mp4(seconds, **kw), "video/mp4")


def video(
    prompt: str | None = "a cat surfing a wave",
    files: Callable[[], dict[str, FakeFile]] | None = None,
    **settings: Any,
) -> Setup:
    """/video by alice with these options, on a bot started with `settings`."""

    async def setup(h: Harness) -> Act:
        await h.start(**settings)
        user = alice(h)
        return lambda: h.video(user, prompt, files=files() if files else None)

    return setup


async def animate(
    h: Harness, user: FakeUser, message: FakeMessage, prompt: str = "make it move"
) -> FakeInteraction:
    """Animate with AI on `message`: the menu opens a modal, the member submits it (that answer counts)."""
    menu = await h.discord.context_menu(user, "Animate with AI", message)
    opened = await menu.wait_response()
    if opened.type != 9:
        return menu  # refused at once, before the modal (e.g. nothing to animate)
    return await h.discord.submit_modal(user, str(opened.data["custom_id"]), {"prompt": prompt})


def embed_image(h: Harness, name: str) -> dict[str, Any]:
    """An embed showing an image, as Discord sends it (the bot reads the media proxy URL)."""
    att = h.discord.store_attachment(png(name), h.discord.channel.id)
    url = h.discord.cdn_url(att)
    return {"type": "image", "url": url, "image": {"url": url, "proxy_url": url, "width": 64, "height": 64}}


def animate_message(files: Callable[[], list[FakeFile]], embeds: int = 0, **settings: Any) -> Setup:
    """Bob posts a message with these files (and `embeds` embed images); alice animates it."""

    async def setup(h: Harness) -> Act:
        await h.start(**settings)
        bob = h.discord.add_user("bob")
        shown = [embed_image(h, f"embed{i}.png") for i in range(embeds)]
        message = h.discord.post_user_message(bob, "look", files=files(), embeds=shown)
        return lambda: animate(h, alice(h), message)

    return setup


def bot_message_with_button(h: Harness, custom_id: str, label: str = "Extend") -> FakeMessage:
    """An older bot message that still carries a button (e.g. a card from before an edit was lost)."""
    message = h.discord.post_user_message(h.discord.bot_user, "an older card")
    message.components = [
        {"type": 1, "components": [{"type": 2, "style": 1, "label": label, "custom_id": custom_id}]}
    ]
    return message


def click_on(h: Harness, user: FakeUser, custom_id: str) -> Act:
    """The set-up posts the message with the button; the bad action is the click."""
    message = bot_message_with_button(h, custom_id)
    return lambda: h.discord.click(user, message, custom_id)


async def wait_ended(h: Harness, user: FakeUser, count: int = 1) -> None:
    """Until `user` got `count` end-of-job pings (their jobs are settled; no more API traffic from them)."""
    await h.discord.wait_until(
        lambda: sum(1 for m in h.discord.messages.values() if m.pinged_user_ids == {user.id}) >= count
    )


async def one_accepted(h: Harness, user: FakeUser, prompt: str = "the first clip") -> None:
    ia = await h.video(user, prompt)
    msg = await ia.wait_original(lambda m: not m.loading)
    assert "job #" in msg.content, msg.content


# ---- the scenarios that need more than one line ---------------------------------------------------------


async def expired_link_via_animate(h: Harness) -> Act:
    await h.start()
    bob = h.discord.add_user("bob")
    message = h.discord.post_user_message(bob, "my cat", files=[png("gone.png")])
    h.discord.expire_attachment(message.attachments[0], status=403)
    return lambda: animate(h, alice(h), message)


async def expired_link_via_video(h: Harness) -> Act:
    await h.start()
    h.discord.cdn_status_override = 404  # the CDN answers 404 for every attachment
    return lambda: h.video(alice(h), "x", files={"image1": png()})


async def extend_failed_job(h: Harness) -> Act:
    await h.start()
    user = alice(h)
    h.api.queue_timeline(Timeline.quick(0.1, "failed"))
    await one_accepted(h, user, "doomed")
    await wait_ended(h, user)
    [job] = await h.store.jobs_with_status([JobStatus.FAILED])
    return click_on(h, user, f"v:ext:{job.id}")


async def extend_unknown_job(h: Harness) -> Act:
    await h.start()
    return click_on(h, alice(h), "v:ext:987654")


async def extend_foreign_job(h: Harness) -> Act:
    other = h.discord.add_guild("Other server")  # before start: the bot learns it from GUILD_CREATE
    user = alice(h)
    h.discord.add_member(user, other)
    bot = await h.start()
    here = discord.Object(other.id)
    bot.tree.copy_global_to(guild=here)
    await bot.tree.sync(guild=here)
    ia = await h.discord.slash(user, "video", {"prompt": "made elsewhere"}, channel=other.channels[0])
    assert "job #" in (await ia.wait_original(lambda m: not m.loading)).content
    await wait_ended(h, user)
    [job] = await h.store.jobs_with_status([JobStatus.DELIVERED])
    assert job.guild_id == other.id
    return click_on(h, user, f"v:ext:{job.id}")


def with_guild_config(
    *, only_elsewhere: bool = False, need_role: bool = False, paused: bool = False
) -> Setup:
    """A moderator set the server up: an allowed channel elsewhere, a video role alice lacks, or a pause."""

    async def setup(h: Harness) -> Act:
        elsewhere = h.discord.add_channel("videos")  # before start: the bot learns it from GUILD_CREATE
        artists = h.discord.add_role("artists")
        await h.start()
        config: dict[str, Any] = {"paused": paused}
        if only_elsewhere:
            config["allowed_channels"] = [elsewhere.id]
        if need_role:
            config["allowed_roles"] = [artists.id]
        await h.store.set_guild_config(h.discord.guild.id, **config)
        return lambda: h.video(alice(h), "a fox in the snow")

    return setup


async def banned_user(h: Harness) -> Act:
    await h.start()
    user = alice(h)
    await h.store.ban(h.discord.guild.id, user.id, by=h.discord.owner.id)
    return lambda: h.video(user, "a fox in the snow")


def limit_reached(second_user: bool, wait_end: bool = False, **settings: Any) -> Setup:
    """Alice's first clip is admitted; then the same (or another) member asks again."""

    async def setup(h: Harness) -> Act:
        await h.start(**settings)
        if not wait_end:
            h.api.default_timeline = Timeline.manual(estimated_time=1)
        user = alice(h)
        await one_accepted(h, user)
        await h.api.wait_until(lambda: len(h.api.submits) == 1)
        if wait_end:
            await wait_ended(h, user)
        asker = h.discord.add_user("bob") if second_user else user
        return lambda: h.video(asker, "one more")

    return setup


def api_paused(*, key: bool) -> Setup:
    """The video API refused the key (401) or the account is empty (402) for the first job."""

    async def setup(h: Harness) -> Act:
        await h.start(auth_pause_seconds=60, payment_pause_seconds=60)
        if key:
            h.api.api_key = "revoked"
        else:
            h.api.payment_required = True
        await one_accepted(h, alice(h))
        status = 401 if key else 402
        await h.api.wait_until(lambda: any(r.status == status for r in h.api.requests if r.route == "submit"))

        # The operator's alert (a DM to the application's owner) lands before the member acts.
        def alerted() -> bool:
            dm = h.discord.dms.get(h.discord.owner.id)
            return dm is not None and len(dm.messages) == 1

        await h.discord.wait_until(alerted)
        return lambda: h.video(h.discord.add_user("bob"), "one more")

    return setup


async def delivered_card(h: Harness, user: FakeUser, files: dict[str, FakeFile] | None = None) -> FakeMessage:
    await h.video(user, "a clip to build on", files=files)
    card = await h.result_for(user)
    await wait_ended(h, user)
    return card


def press_on_card(label: str, *, by_other: bool = False, requester_only: bool = False) -> Setup:
    """Alice's clip is delivered; then she (or bob) presses `label` on its card.

    Alice pressing Extend: the clip was made two days ago (too old). Bob pressing: requester-only is on.
    """

    async def setup(h: Harness) -> Act:
        await h.start()
        user = alice(h)
        card = await delivered_card(h, user)
        [job] = await h.store.jobs_with_status([JobStatus.DELIVERED])
        if label == "Extend" and not by_other:
            await h.store.update(job.id, JobStatus.DELIVERED, finished_at=time.time() - 2 * 86400)
        if requester_only:
            await h.store.set_guild_config(h.discord.guild.id, requester_only=True)
        presser = h.discord.add_user("bob") if by_other else user
        button = card.button(label)
        assert button is not None
        return lambda: h.discord.click(presser, card, str(button["custom_id"]))

    return setup


async def retry_without_kept_references(h: Harness) -> Act:
    await h.start()
    user = alice(h)
    card = await delivered_card(h, user, files={"image1": png()})
    shutil.rmtree(h.data_dir / "refs")  # past REFERENCE_RETENTION_DAYS, the kept files are gone
    button = card.button("Retry")
    assert button is not None
    return lambda: h.discord.click(user, card, str(button["custom_id"]))


async def _started(h: Harness, make: Callable[[], Act]) -> Act:
    await h.start()
    return make()


# ---- the table -----------------------------------------------------------------------------------------
# Not in the table: "a video plus an extend". No UI path combines them (Extend's modal has no attachment
# field), so the rule is checked on its own below (test_a_video_cannot_be_combined_with_extend).

BAD_INPUTS = [
    Bad("no-prompt-no-reference", video(prompt=None), "Tell me what to make: give a prompt"),
    Bad(
        "prompt-too-long",
        video(prompt="x" * 4001),
        "Your prompt is 4,001 characters long; please keep it to 4,000.",
    ),
    Bad(
        "17-images",  # 10 attachments + 7 images shown by embeds, through Animate with AI
        animate_message(lambda: [png(f"a{i}.png") for i in range(10)], embeds=7),
        "You attached 17 images; the video service takes at most 16.",
    ),
    Bad(
        "two-videos",
        animate_message(lambda: [mp4("one.mp4", 2.0), mp4("two.mp4", 2.0)]),
        "You attached 2 videos; the video service takes at most one reference clip.",
    ),
    Bad(
        "text-file-as-image",
        video(files=lambda: {"image1": FakeFile("notes.txt", b"just some text\n" * 10, "text/plain")}),
        "notes.txt is not an image I can use",
    ),
    Bad(
        "pdf-as-image",
        video(
            files=lambda: {
                "image1": FakeFile("paper.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "application/pdf")
            }
        ),
        "paper.pdf is not an image I can use",
    ),
    Bad(
        "svg-as-image",
        video(
            files=lambda: {
                "image1": FakeFile(
                    "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', "image/svg+xml"
                )
            }
        ),
        "logo.svg is not an image I can use",
    ),
    Bad(
        "renamed-non-image",
        video(
            files=lambda: {
                "image1": FakeFile("holiday.png", b"MZ\x90\x00 an exe renamed to png", "image/png")
            }
        ),
        "holiday.png is not an image I can use",
    ),
    Bad(
        "corrupt-png",
        video(files=lambda: {"image1": FakeFile("broken.png", make_png(256, 256)[:200], "image/png")}),
        "broken.png looks damaged or incomplete",
    ),
    Bad(
        "image-over-20-mb",
        video(
            files=lambda: {
                "image1": FakeFile("huge.png", b"\x89PNG\r\n\x1a\n" + bytes(21 * MiB), "image/png")
            }
        ),
        "images must be 20 MB or smaller",
    ),
    Bad(
        "video-under-1s",
        video(files=lambda: {"video": mp4("blink.mp4", 0.4)}),
        "blink.mp4 is 0.4 s long; a reference video must be 1–24 s",
    ),
    Bad(
        "video-over-24s",
        video(files=lambda: {"video": mp4("long.mp4", 25.0, width=64, height=36, fps=4, audio=False)}),
        "long.mp4 is 25.0 s long; a reference video must be 1–24 s",
    ),
    Bad(
        "corrupt-video",
        video(
            files=lambda: {
                "video": FakeFile("corrupt.mp4", b"\x00\x00\x00\x18ftypmp42" + bytes(5000), "video/mp4")
            }
        ),
        "corrupt.mp4 is not a video I can read",
    ),
    Bad("expired-link-404", expired_link_via_video, "I couldn't download cat.png: its link has expired."),
    Bad("expired-link-403", expired_link_via_animate, "I couldn't download gone.png: its link has expired."),
    Bad(
        "video-as-image",
        video(files=lambda: {"image1": mp4("clip.mp4", 2.0)}),
        "clip.mp4 is not an image I can use",
    ),
    Bad(
        "image-as-video",
        video(files=lambda: {"video": png("still.png")}),
        "still.png is a picture, not a video",
    ),
    Bad(
        "empty-file",
        video(files=lambda: {"image1": FakeFile("empty.png", b"", "image/png")}),
        "empty.png is not an image I can use",
    ),
    Bad("nothing-to-animate", animate_message(lambda: []), NOTHING_TO_ANIMATE.render()),
    Bad(
        "extend-failed-job",
        extend_failed_job,
        "Only a finished clip can be extended, and this one did not finish.",
        offers=("Remix",),
    ),
    Bad(
        "extend-unknown-job", extend_unknown_job, "I don't know that clip any more, so it cannot be extended."
    ),
    Bad("extend-foreign-server-job", extend_foreign_job, "That clip belongs to another server."),
    Bad(
        "extend-too-old",
        press_on_card("Extend"),
        "This clip is too old to extend: clips can be extended for 24 hours after they are made.",
        offers=("Remix",),
    ),
    Bad(
        "extend-someone-elses-clip-requester-only",
        press_on_card("Extend", by_other=True, requester_only=True),
        "On this server only the person who asked for a clip can extend, remix or retry it.",
    ),
    Bad(
        "retry-someone-elses-clip-requester-only",
        press_on_card("Retry", by_other=True, requester_only=True),
        "On this server only the person who asked for a clip can extend, remix or retry it.",
    ),
    Bad(
        "retry-references-no-longer-kept",
        retry_without_kept_references,
        "The reference files of this clip are no longer kept",
    ),
    Bad(
        "remix-unknown-job",
        lambda h: _started(h, lambda: click_on(h, alice(h), "v:rmx:987654")),
        "I don't know that clip any more.",
    ),
    Bad(
        "channel-not-allowed",
        with_guild_config(only_elsewhere=True),
        "Videos can't be made in this channel; use <#",
    ),
    Bad("missing-video-role", with_guild_config(need_role=True), "You need one of this server's video roles"),
    Bad("banned-user", banned_user, "You are not allowed to make videos on this server."),
    Bad(
        "paused-server",
        with_guild_config(paused=True),
        "Video generation is paused on this server by its moderators.",
    ),
    # Each limit reached (the first clip is made in the set-up; the table row is the one after it).
    Bad(
        "limit-user-concurrent",
        limit_reached(False, user_concurrent_limit=1, user_queue_limit=0),  # no line: the plain refusal
        "You already have 1 of your 1 videos in progress",
    ),
    Bad(
        "limit-cooldown",
        limit_reached(False, cooldown_seconds=60),
        "Please wait 60 s between videos; you can start the next one <t:",
    ),
    Bad(
        "limit-user-daily",
        limit_reached(False, wait_end=True, user_daily_limit=1),
        "You've made 1 of your 1 videos today; your allowance resets <t:",
    ),
    Bad(
        "limit-guild-daily",
        limit_reached(True, guild_daily_limit=1),
        "This server has made 1 of its 1 videos today; the server's allowance resets <t:",
    ),
    Bad(
        "limit-credit-budget",
        limit_reached(True, daily_credit_budget=10.0),
        "The bot has used 8.8 of its 10 credits today, not enough for another video; the budget resets <t:",
    ),
    Bad("api-key-refused", api_paused(key=True), MISCONFIGURED_SENTENCE.render()),
    Bad("api-out-of-credit", api_paused(key=False), OUT_OF_CREDIT_SENTENCE.render()),
]


def _bot_posts(h: Harness) -> int:
    """Messages the bot has in channels (not ephemeral answers): cards, results, pings."""
    me = h.discord.bot_user.id
    return sum(
        1 for m in h.discord.messages.values() if m.author.id == me and not m.ephemeral and not m.deleted
    )


@pytest.mark.parametrize("bad", BAD_INPUTS, ids=[b.id for b in BAD_INPUTS])
async def test_bad_input_gets_one_sentence_and_no_submit(
    harness: Harness, bad: Bad, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness
    act = await bad.setup(h)
    attempts, uploads = len(h.api.submit_attempts), len(h.api.uploads)
    jobs = len(await h.store.jobs_with_status(list(JobStatus)))
    posts = _bot_posts(h)

    ia = await act()
    answer = await ia.wait_original(lambda m: not m.loading, timeout=15)

    assert bad.expected in answer.content, f"{bad.id}: the member read {answer.content!r}"
    assert ia.ephemeral, "only the member sees it"
    assert not ia.followups, "one answer, not several"
    assert not (answer.embeds or answer.attachments), "just a sentence"
    offered = tuple(
        str(c.get("label"))
        for row in answer.components
        for c in row.get("components", [])
        if c.get("type") == 2
    )
    assert offered == bad.offers, f"{bad.id}: buttons {offered}, expected {bad.offers}"
    assert "\n" not in answer.content and len(answer.content) <= 300 and answer.content.endswith("."), (
        f"one short sentence: {answer.content!r}"
    )
    for leak in ("Traceback", "Exception", "Error:", 'File "'):
        assert leak not in answer.content
    assert len(await h.store.jobs_with_status(list(JobStatus))) == jobs, "no job was created"
    assert _bot_posts(h) == posts, "nothing new in any channel"
    assert len(h.api.uploads) == uploads, "no reference was uploaded to the video API"
    assert len(h.api.submit_attempts) == attempts, "nothing was sent to the video API"
    if attempts == 0:
        assert h.api.submit_attempts == []
    assert not h.discord.errors, [e.error for e in h.discord.errors]
    crashes = [
        r.getMessage() for r in caplog.records if r.exc_info and r.name.startswith(("bot", "cogs", "discord"))
    ]
    assert crashes == [], "nothing failed inside the bot"


def test_a_video_cannot_be_combined_with_extend() -> None:
    """The "video plus an extend" row: no UI path combines them, so the rule itself is checked here."""
    with pytest.raises(ReferenceError) as refused:
        references.check_counts(0, 1, extending=True)
    assert refused.value.user_message == (
        "A reference video cannot be combined with Extend: extend the clip without a video."
    )
    references.check_counts(16, 1)  # the most a /video may carry is fine
    references.check_counts(0, 0, extending=True)
