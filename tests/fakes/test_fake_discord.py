"""The fake Discord itself, driven by the real discord.py client."""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fakes.discord.interactions import InteractionsMixin
from tests.fakes.discord.models import FakeHTTPError
from tests.fakes.discord_conftest_helpers import point_discord_at, running_bot
from tests.fakes.fake_discord import (
    ATTACH_FILES,
    BOT_PERMISSIONS,
    EMBED_LINKS,
    MANAGE_GUILD,
    SEND_MESSAGES,
    SEND_MESSAGES_IN_THREADS,
    VIEW_CHANNEL,
    FakeDiscord,
    FakeFile,
    FakeMessage,
)

pytestmark = pytest.mark.e2e

Hook = Callable[[discord.Interaction[Any]], Awaitable[Any]]
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 32


class ExtendButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"extend:(?P<job>[0-9]+)"):
    """A persistent button; clicking it opens :class:`ExtendModal`."""

    def __init__(self, job: int) -> None:
        super().__init__(discord.ui.Button(label="Extend", custom_id=f"extend:{job}"))
        self.job = job

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any
    ) -> ExtendButton:
        return cls(int(match["job"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: MiniBot = interaction.client
        bot.events.append(("click", self.job))
        await interaction.response.send_modal(ExtendModal(self.job))


class ExtendModal(discord.ui.Modal, title="Extend the clip"):
    """One text input; the submit is answered with what arrived."""

    next_part: discord.ui.TextInput[Any] = discord.ui.TextInput(label="What happens next", custom_id="next")

    def __init__(self, job: int) -> None:
        super().__init__(custom_id=f"extend-modal:{job}")
        self.job = job

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        bot: MiniBot = interaction.client
        bot.events.append(("modal", self.job, self.next_part.value))
        await interaction.response.send_message(f"extending {self.job}: {self.next_part.value}")


class MiniBot(commands.Bot):
    """A tiny bot with the feature shapes the real one uses."""

    def __init__(self, guild_id: int, *, message_content: bool = True) -> None:
        intents = discord.Intents.default()
        intents.message_content = message_content  # the privileged intent; the real bot goes without it
        super().__init__(command_prefix="!", intents=intents, guild_ready_timeout=0.05)
        self.guild_id = guild_id
        self.events: list[tuple[Any, ...]] = []
        self._hook: tuple[Hook, asyncio.Future[Any]] | None = None

    def on_hook(self, fn: Hook) -> asyncio.Future[Any]:
        """Run ``fn`` on the next ``/hook``; the future gets its result or exception."""
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._hook = (fn, future)
        return future

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return None

    async def setup_hook(self) -> None:
        self.add_dynamic_items(ExtendButton)
        guild = discord.Object(self.guild_id)

        @self.tree.command(name="animate", description="Animate an image", guild=guild)
        async def animate(
            interaction: discord.Interaction[Any], image: discord.Attachment, prompt: str = ""
        ) -> None:
            await interaction.response.defer(thinking=True)
            data = await image.read()
            self.events.append(("animate", image.filename, data, prompt))
            view = discord.ui.View(timeout=None)
            view.add_item(ExtendButton(len(data)))
            await interaction.followup.send(
                f"done {prompt}", file=discord.File(io.BytesIO(b"MP4" * 10), "out.mp4"), view=view
            )

        @self.tree.command(name="say", description="Say something", guild=guild)
        async def say(interaction: discord.Interaction[Any], text: str, count: int = 1) -> None:
            await interaction.response.send_message(text * count)

        @self.tree.command(name="hook", description="Runs the test's hook", guild=guild)
        async def hook(interaction: discord.Interaction[Any]) -> None:
            assert self._hook is not None
            fn, future = self._hook
            try:
                future.set_result(await fn(interaction))
            except Exception as exc:
                future.set_exception(exc)

        @self.tree.command(name="admin", description="Admins only", guild=guild)
        @app_commands.default_permissions(manage_guild=True)
        async def admin(interaction: discord.Interaction[Any]) -> None:
            await interaction.response.send_message("admin ok")

        @self.tree.context_menu(name="Inspect", guild=guild)
        async def inspect(interaction: discord.Interaction[Any], message: discord.Message) -> None:
            names = [a.filename for a in message.attachments]
            self.events.append(("inspect", message.id, names))
            await interaction.response.send_message(f"attachments: {names}", ephemeral=True)

        await self.tree.sync(guild=guild)


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    fake = await FakeDiscord().start()
    point_discord_at(monkeypatch, fake)
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def bot(fake: FakeDiscord) -> AsyncIterator[MiniBot]:
    async with running_bot(MiniBot(fake.guild.id), fake) as bot:
        yield bot


def bot_channel(bot: MiniBot, fake: FakeDiscord) -> discord.TextChannel:
    channel = bot.get_channel(fake.channel.id)
    assert isinstance(channel, discord.TextChannel)
    return channel


# --------------------------------------------------------------------------- smoke: the whole flow
async def test_login_ready_guild_create_and_sync(fake: FakeDiscord, bot: MiniBot) -> None:
    assert bot.user is not None and bot.user.id == fake.bot_user.id
    assert bot.application_id == fake.application_id
    guild = bot.get_guild(fake.guild.id)
    assert guild is not None and guild.me is not None
    assert bot_channel(bot, fake).name == "general"
    assert {c["name"] for c in fake.commands[fake.guild.id]} == {"animate", "say", "hook", "admin", "Inspect"}
    assert fake.identify_count == 1
    assert not fake.errors


async def test_slash_with_attachment_followup_click_modal(fake: FakeDiscord, bot: MiniBot) -> None:
    alice = fake.add_user("alice")
    ia = await fake.slash(
        alice, "animate", {"prompt": "cats"}, attachments={"image": FakeFile("cat.png", PNG)}
    )
    assert (await ia.wait_response()).type == 5
    result = await fake.wait_for_message(lambda m: bool(m.attachments))
    assert ("animate", "cat.png", PNG, "cats") in bot.events
    assert result is ia.original and not result.loading and result.content == "done cats"
    assert result.attachments[0].data == b"MP4" * 10 and result.attachments[0].filename == "out.mp4"
    assert result.button("Extend") is not None
    assert fake.channel.messages == [result]

    click = await fake.click(alice, result, f"extend:{len(PNG)}")
    modal = (await click.wait_response()).data
    assert click.modal is modal and modal["custom_id"] == f"extend-modal:{len(PNG)}"
    submit = await fake.submit_modal(alice, modal["custom_id"], {"next": "the cat jumps"})
    answer = await submit.wait_original()
    assert answer.content == f"extending {len(PNG)}: the cat jumps"
    assert ("modal", len(PNG), "the cat jumps") in bot.events


async def test_slash_unknown_command_or_option_is_a_test_bug(fake: FakeDiscord, bot: MiniBot) -> None:
    alice = fake.add_user("alice")
    with pytest.raises(AssertionError, match="no synced command"):
        await fake.slash(alice, "nope")
    with pytest.raises(AssertionError, match="no option"):
        await fake.slash(alice, "say", {"txt": "x"})
    with pytest.raises(AssertionError, match="type 4"):
        await fake.slash(alice, "say", {"text": "x", "count": "2"})
    with pytest.raises(AssertionError, match="required"):
        await fake.slash(alice, "animate")
    with pytest.raises(AssertionError, match="default_member_permissions"):
        await fake.slash(alice, "admin")
    fake.member(alice).permissions |= MANAGE_GUILD
    assert (await (await fake.slash(alice, "admin")).wait_original()).content == "admin ok"


async def test_say_typed_options_and_channel_message(fake: FakeDiscord, bot: MiniBot) -> None:
    alice = fake.add_user("alice")
    ia = await fake.slash(alice, "say", {"text": "ab", "count": 3})
    msg = await ia.wait_original()
    assert msg.content == "ababab" and not ia.ephemeral and fake.channel.messages == [msg]
    assert ia.data["options"] == [
        {"name": "text", "type": 3, "value": "ab"},
        {"name": "count", "type": 4, "value": 3},
    ]


# --------------------------------------------------------------------------- message rules
async def raw_post(bot: MiniBot, channel_id: int, payload: dict[str, Any]) -> Any:
    route = discord.http.Route("POST", "/channels/{channel_id}/messages", channel_id=channel_id)
    return await bot.http.request(route, json=payload)


def button_row(*custom_ids: str) -> dict[str, Any]:
    return {
        "type": 1,
        "components": [{"type": 2, "style": 1, "label": c[:5], "custom_id": c} for c in custom_ids],
    }


async def expect_http_error(aw: Awaitable[Any], status: int, code: int) -> discord.HTTPException:
    with pytest.raises(discord.HTTPException) as info:
        await aw
    assert (info.value.status, info.value.code) == (status, code), info.value
    return info.value


async def test_content_limit(fake: FakeDiscord, bot: MiniBot) -> None:
    channel = bot_channel(bot, fake)
    await expect_http_error(channel.send("x" * 2001), 400, 50035)
    assert (await channel.send("x" * 2000)).content == "x" * 2000
    assert fake.errors[-1].error is not None and fake.errors[-1].error["code"] == 50035


async def test_embed_limits(fake: FakeDiscord, bot: MiniBot) -> None:
    channel = bot_channel(bot, fake)
    await expect_http_error(channel.send(embed=discord.Embed(title="t" * 257)), 400, 50035)
    big = [discord.Embed(description="d" * 4000) for _ in range(2)]
    await expect_http_error(channel.send(embeds=big), 400, 50035)
    fields = discord.Embed(title="f")
    for i in range(26):
        fields.add_field(name=f"n{i}", value="v")
    await expect_http_error(channel.send(embed=fields), 400, 50035)
    await expect_http_error(raw_post(bot, channel.id, {"embeds": [{"title": "x"}] * 11}), 400, 50035)
    ok = await channel.send(embeds=[discord.Embed(title="a", description="d" * 4096)])
    assert fake.channel.messages[-1].id == ok.id and "d" * 4096 in fake.channel.messages[-1].text


async def test_component_limits(fake: FakeDiscord, bot: MiniBot) -> None:
    cid = fake.channel.id
    rows = [button_row(f"b{i}") for i in range(6)]
    await expect_http_error(raw_post(bot, cid, {"content": "x", "components": rows}), 400, 50035)
    six = button_row(*(f"b{i}" for i in range(6)))
    await expect_http_error(raw_post(bot, cid, {"content": "x", "components": [six]}), 400, 50035)
    await expect_http_error(
        raw_post(bot, cid, {"content": "x", "components": [button_row("c" * 101)]}), 400, 50035
    )
    dup = [button_row("same"), button_row("same")]
    await expect_http_error(raw_post(bot, cid, {"content": "x", "components": dup}), 400, 50035)
    await raw_post(bot, cid, {"content": "x", "components": [button_row("c" * 100)] * 1})
    assert fake.channel.messages[-1].custom_ids == ["c" * 100]


async def test_file_count_limit(fake: FakeDiscord, bot: MiniBot) -> None:
    files = [discord.File(io.BytesIO(b"x"), f"{i}.txt") for i in range(11)]
    await expect_http_error(bot_channel(bot, fake).send(files=files), 400, 50035)


async def test_upload_limit_depends_on_boost_tier(fake: FakeDiscord, bot: MiniBot) -> None:
    eleven = b"\0" * (11 * 1024 * 1024)
    err = await expect_http_error(
        bot_channel(bot, fake).send(file=discord.File(io.BytesIO(eleven), "big.mp4")), 413, 40005
    )
    assert err.text.startswith("Request entity too large")
    boosted = fake.add_guild("Boosted", premium_tier=2)
    target = bot.get_partial_messageable(boosted.channels[0].id)
    sent = await target.send(file=discord.File(io.BytesIO(eleven), "big.mp4"))
    assert sent.attachments[0].size == len(eleven)
    assert boosted.channels[0].messages[0].attachments[0].data == eleven


async def test_unknown_channel_and_message(fake: FakeDiscord, bot: MiniBot) -> None:
    await expect_http_error(bot.get_partial_messageable(1234).send("x"), 404, 10003)
    await expect_http_error(bot_channel(bot, fake).fetch_message(1234), 404, 10008)


async def test_missing_permissions(fake: FakeDiscord, bot: MiniBot) -> None:
    channel = bot_channel(bot, fake)
    fake.channel.bot_permissions &= ~ATTACH_FILES
    await channel.send("text is fine")
    with pytest.raises(discord.Forbidden) as info:
        await channel.send(file=discord.File(io.BytesIO(b"x"), "a.txt"))
    assert info.value.code == 50013
    fake.channel.bot_permissions &= ~SEND_MESSAGES
    await expect_http_error(channel.send("no"), 403, 50013)


async def test_editing_someone_elses_message_and_closed_dms(fake: FakeDiscord, bot: MiniBot) -> None:
    alice = fake.add_user("alice")
    theirs = fake.post_user_message(alice, "mine")
    partial = bot_channel(bot, fake).get_partial_message(theirs.id)
    await expect_http_error(partial.edit(content="hacked"), 403, 50005)
    bob = fake.add_user("bob")
    bob.dms_closed = True
    user = await bot.fetch_user(bob.id)
    await expect_http_error(user.send("hi"), 403, 50007)
    assert bob.id in fake.dms and fake.dms[bob.id].messages == []


async def test_edit_history_and_wait_for_edit(fake: FakeDiscord, bot: MiniBot) -> None:
    channel = bot_channel(bot, fake)
    sent = await channel.send("working…", file=discord.File(io.BytesIO(b"first"), "a.txt"))
    waiter = asyncio.create_task(fake.wait_for_message(lambda m: m.content == "done"))
    await sent.edit(content="done", attachments=[])
    msg = await waiter
    assert msg.id == sent.id and msg.edits == 1 and len(msg.edit_times) == 1 and msg.attachments == []
    await sent.delete()
    assert fake.channel.messages == [] and msg.deleted


async def test_history_is_newest_first(fake: FakeDiscord, bot: MiniBot) -> None:
    channel = bot_channel(bot, fake)
    sent = [await channel.send(str(i)) for i in range(5)]
    assert [m.content async for m in channel.history(limit=3)] == ["4", "3", "2"]
    after = [m.content async for m in channel.history(after=sent[1], oldest_first=True)]
    assert after == ["2", "3", "4"]
    before = [m.content async for m in channel.history(before=sent[3], limit=2)]
    assert before == ["2", "1"]


async def test_unhandled_route_is_visible(fake: FakeDiscord, bot: MiniBot) -> None:
    route = discord.http.Route("GET", "/guilds/{guild_id}/emojis", guild_id=fake.guild.id)
    await expect_http_error(bot.http.request(route), 404, 0)
    assert fake.errors[-1].error is not None and "unhandled GET" in fake.errors[-1].error["message"]


async def test_bad_token_is_401(fake: FakeDiscord) -> None:
    headers = {"Authorization": "Bot nope"}
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{fake.api_base}/users/@me", headers=headers) as resp,
    ):
        assert resp.status == 401 and resp.headers["Content-Type"] == "application/json"
        assert (await resp.json())["code"] == 0


# --------------------------------------------------------------------------- interaction rules
async def test_callback_after_three_seconds_is_unknown_interaction(fake: FakeDiscord, bot: MiniBot) -> None:
    gate = asyncio.Event()

    async def late(interaction: discord.Interaction[Any]) -> None:
        await gate.wait()
        await interaction.response.defer()

    result = bot.on_hook(late)
    ia = await fake.slash(fake.add_user("alice"), "hook")
    fake.advance_time(4)
    gate.set()
    with pytest.raises(discord.NotFound) as info:
        await result
    assert info.value.code == 10062 and ia.responses == []


async def test_second_callback_is_already_acknowledged(fake: FakeDiscord, bot: MiniBot) -> None:
    bot.on_hook(lambda interaction: interaction.response.defer())
    ia = await fake.slash(fake.add_user("alice"), "hook")
    assert (await ia.wait_response()).type == 5
    url = f"{fake.api_base}/interactions/{ia.id}/{ia.token}/callback?with_response=1"
    async with aiohttp.ClientSession() as session, session.post(url, json={"type": 5}) as resp:
        assert resp.status == 400
        assert (await resp.json())["code"] == 40060


async def test_followup_after_fifteen_minutes_is_invalid_token(fake: FakeDiscord, bot: MiniBot) -> None:
    gate = asyncio.Event()

    async def slow(interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(thinking=True)
        await gate.wait()
        await interaction.followup.send("too late")

    result = bot.on_hook(slow)
    ia = await fake.slash(fake.add_user("alice"), "hook")
    await ia.wait_response()
    fake.advance_time(16 * 60)
    gate.set()
    err = await expect_http_error(result, 401, 50027)
    assert err.text == "Invalid Webhook Token" and ia.original is not None and ia.original.loading
    # the bot token never expires: a channel edit of the (non-ephemeral) original still works
    await bot_channel(bot, fake).get_partial_message(ia.original.id).edit(content="late but here")
    assert (await fake.wait_for_message(lambda m: not m.loading)).id == ia.original.id


async def test_interaction_upload_limit_is_attachment_size_limit(fake: FakeDiscord, bot: MiniBot) -> None:
    async def answer(interaction: discord.Interaction[Any]) -> int:
        await interaction.response.defer()
        big = discord.File(io.BytesIO(b"\0" * 2048), "big.bin")
        await interaction.followup.send(file=big)
        return interaction.filesize_limit

    result = bot.on_hook(answer)
    await fake.slash(fake.add_user("alice"), "hook", attachment_size_limit=1024)
    await expect_http_error(result, 413, 40005)
    result = bot.on_hook(answer)
    await fake.slash(fake.add_user("bob"), "hook")
    assert await result == 10 * 1024 * 1024


async def test_ephemeral_answers_stay_off_the_channel(fake: FakeDiscord, bot: MiniBot) -> None:
    async def answer(interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_message("secret", ephemeral=True)
        await interaction.followup.send("public")
        await interaction.followup.send("also secret", ephemeral=True)

    result = bot.on_hook(answer)
    ia = await fake.slash(fake.add_user("alice"), "hook")
    await result
    assert ia.ephemeral and ia.original is not None and ia.original.content == "secret"
    assert [m.content for m in ia.followups] == ["public", "also secret"]
    assert [m.content for m in fake.channel.messages] == ["public"]


async def test_first_followup_replaces_the_thinking_message(fake: FakeDiscord, bot: MiniBot) -> None:
    async def answer(interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(thinking=True, ephemeral=True)
        await interaction.followup.send("result")
        await interaction.edit_original_response(content="result (edited)")

    result = bot.on_hook(answer)
    ia = await fake.slash(fake.add_user("alice"), "hook")
    await result
    original = await ia.wait_original(lambda m: not m.loading)
    assert original.content == "result (edited)" and original.ephemeral and original.edits == 2
    assert ia.followups == [original] and fake.channel.messages == []


async def test_initial_response_with_file_and_update_message_on_click(
    fake: FakeDiscord, bot: MiniBot
) -> None:
    class Flip(discord.ui.View):
        @discord.ui.button(label="Flip", custom_id="flip")
        async def flip(self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]) -> None:
            await interaction.response.edit_message(
                content="flipped", view=None, attachments=[discord.File(io.BytesIO(b"new"), "new.txt")]
            )

    async def answer(interaction: discord.Interaction[Any]) -> None:
        file = discord.File(io.BytesIO(b"old"), "old.txt")
        await interaction.response.send_message("flip me", file=file, view=Flip(timeout=None))

    result = bot.on_hook(answer)
    alice = fake.add_user("alice")
    ia = await fake.slash(alice, "hook")
    await result
    message = await ia.wait_original()
    assert [a.data for a in message.attachments] == [b"old"] and message.button("Flip") is not None
    click = await fake.click(alice, message, "flip")
    callback = await click.wait_response()
    assert callback.type == 7 and click.original is message
    edited = await fake.wait_for_message(lambda m: m.content == "flipped")
    assert edited is message and edited.components == [] and [a.data for a in edited.attachments] == [b"new"]
    kind, _ = ia.responses[0]
    assert kind == 4


# --------------------------------------------------------------------------- faults
async def test_429_with_via_is_retried_after_retry_after(fake: FakeDiscord, bot: MiniBot) -> None:
    fake.rate_limit_next("POST", r"^/channels/\d+/messages$", retry_after=0.3)
    started = time.monotonic()
    await bot_channel(bot, fake).send("after the limit")
    assert time.monotonic() - started >= 0.3
    posts = [r for r in fake.requests if r.method == "POST" and r.path.endswith("/messages")]
    assert [r.status for r in posts] == [429, 200]
    assert posts[0].injected and fake.channel.messages[-1].content == "after the limit"


async def test_429_on_an_interaction_followup_is_retried(fake: FakeDiscord, bot: MiniBot) -> None:
    async def answer(interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer()
        await interaction.followup.send("eventually")

    fake.rate_limit_next("POST", r"^/webhooks/", retry_after=0.1, global_=True)
    result = bot.on_hook(answer)
    ia = await fake.slash(fake.add_user("alice"), "hook")
    await result
    assert (await ia.wait_original(lambda m: not m.loading)).content == "eventually"


async def test_remaining_zero_makes_discord_py_wait(fake: FakeDiscord, bot: MiniBot) -> None:
    fake.ratelimit_headers(r"^/channels/\d+/messages$", remaining=0, reset_after=0.3)
    channel = bot_channel(bot, fake)
    started = time.monotonic()
    await channel.send("one")
    assert time.monotonic() - started >= 0.3
    fake.clear_faults()


async def test_edits_share_one_bucket_per_channel(fake: FakeDiscord, bot: MiniBot) -> None:
    """Discord's edit limit is per channel: two messages' edits in one channel count together, another
    channel's do not, and an edit past the limit is answered 429 until the window ends (discord.py waits
    on the headers and the 429, then the edit lands)."""
    fake.edit_bucket(limit=3, per=0.5)
    here = bot_channel(bot, fake)
    other_fake = fake.add_channel("other")
    other = bot.get_partial_messageable(other_fake.id, guild_id=fake.guild.id)
    a, b, c = await here.send("a"), await here.send("b"), await other.send("c")
    started = time.monotonic()
    await a.edit(content="a1")
    await b.edit(content="b1")
    await c.edit(content="c1")  # another channel: its own bucket, full
    edits = [r for r in fake.requests if r.method == "PATCH"]
    assert [r.response_headers["X-RateLimit-Remaining"] for r in edits] == ["2", "1", "2"]
    assert edits[0].response_headers["X-RateLimit-Bucket"] == edits[2].response_headers["X-RateLimit-Bucket"]
    await a.edit(content="a2")  # the third in this channel: the bucket is empty now
    await b.edit(content="b2")  # discord.py waits for the window's end, then it lands
    assert time.monotonic() - started >= 0.5
    assert [m.content for m in fake.channel.messages] == ["a2", "b2"]
    # Sent past the limit (as a second process would, not knowing the headers), an edit is refused with a 429.
    # (discord.py itself holds the call that emptied the bucket until the window's end.)
    fake.edit_bucket(limit=1, per=0.3)
    emptied = asyncio.create_task(a.edit(content="a3"))
    await fake.wait_until(lambda: fake.channel.messages[0].content == "a3")
    async with aiohttp.ClientSession() as session:
        answer = await session.patch(
            f"{fake.api_base}/channels/{fake.channel.id}/messages/{b.id}",
            json={"content": "b3"},
            headers={"Authorization": f"Bot {fake.token}"},
        )
        body = await answer.json()
    assert answer.status == 429 and answer.headers["Via"] and 0 < body["retry_after"] <= 0.3
    assert fake.channel.messages[1].content == "b2"
    await emptied
    # Lifted, the bucket counts nothing: edits in a row land at once, with no X-RateLimit headers of it.
    fake.edit_bucket(None)
    before = len(fake.requests)
    for n in range(3):
        await b.edit(content=f"b{4 + n}")
    lifted = [r for r in fake.requests[before:] if r.method == "PATCH"]
    assert [r.status for r in lifted] == [200, 200, 200]
    assert not any("X-RateLimit-Bucket" in r.response_headers for r in lifted)
    assert fake.channel.messages[1].content == "b6"


async def test_a_slow_answer_is_late_but_says_nothing_of_a_rate_limit(
    fake: FakeDiscord, bot: MiniBot
) -> None:
    fake.slow_next("POST", r"^/channels/\d+/messages$", 0.3)
    started = time.monotonic()
    await bot_channel(bot, fake).send("late")
    assert time.monotonic() - started >= 0.3
    [post] = [r for r in fake.requests if r.method == "POST" and r.path.endswith("/messages")]
    assert post.status == 200 and not post.injected and fake.channel.messages[-1].content == "late"
    assert not any(k.lower().startswith("x-ratelimit") for k in post.response_headers)


async def test_5xx_is_retried_and_the_nonce_prevents_a_duplicate(fake: FakeDiscord, bot: MiniBot) -> None:
    fake.fail_next("POST", r"^/channels/\d+/messages$", status=502, applied=True)  # created, answer lost
    sent = await bot_channel(bot, fake).send("survived")
    statuses = [r.status for r in fake.requests if r.method == "POST" and "/messages" in r.path]
    assert statuses == [502, 200]
    assert [m.id for m in fake.channel.messages] == [sent.id]


async def test_503_is_not_retried_by_discord_py(fake: FakeDiscord, bot: MiniBot) -> None:
    fake.fail_next("POST", r"^/channels/\d+/messages$", status=503)
    with pytest.raises(discord.DiscordServerError):
        await bot_channel(bot, fake).send("lost")
    assert fake.channel.messages == []


# --------------------------------------------------------------------------- gateway
async def test_reconnect_resumes_and_events_keep_flowing(fake: FakeDiscord, bot: MiniBot) -> None:
    resumed = asyncio.ensure_future(bot.wait_for("resumed"))
    await fake.gateway_reconnect()
    ia = await fake.slash(fake.add_user("alice"), "say", {"text": "still here"})
    await asyncio.wait_for(resumed, 5)
    assert (await ia.wait_original()).content == "still here"
    assert (fake.identify_count, fake.resume_count) == (1, 1)


async def test_invalid_session_makes_the_bot_identify_again(fake: FakeDiscord, bot: MiniBot) -> None:
    await fake.gateway_invalid_session(resumable=False)
    await fake.wait_until(lambda: fake.identify_count == 2 and fake.gateway.ready)
    ia = await fake.slash(fake.add_user("alice"), "say", {"text": "again"})
    assert (await ia.wait_original()).content == "again"
    assert fake.resume_count == 0


async def test_resumable_invalid_session_and_close_code_resume(fake: FakeDiscord, bot: MiniBot) -> None:
    await fake.gateway_invalid_session(resumable=True)
    await fake.wait_until(lambda: fake.resume_count == 1 and fake.gateway.ready)
    await fake.gateway_close(4000)
    await fake.wait_until(lambda: fake.resume_count == 2 and fake.gateway.ready)
    ia = await fake.slash(fake.add_user("alice"), "say", {"text": "ok"})
    assert (await ia.wait_original()).content == "ok" and fake.identify_count == 1


async def test_dynamic_button_still_works_after_a_restart(fake: FakeDiscord) -> None:
    alice = fake.add_user("alice")
    async with running_bot(MiniBot(fake.guild.id), fake):
        ia = await fake.slash(alice, "animate", attachments={"image": FakeFile("cat.png", PNG)})
        message = await ia.wait_original(lambda m: bool(m.buttons))
    async with running_bot(MiniBot(fake.guild.id), fake) as second:
        click = await fake.click(alice, message, f"extend:{len(PNG)}")
        assert (await click.wait_response()).type == 9
        assert second.events == [("click", len(PNG))]
    assert fake.identify_count == 2


# --------------------------------------------------------------------------- context menu, CDN, mentions
async def test_context_menu_gets_the_message_with_attachments(fake: FakeDiscord, bot: MiniBot) -> None:
    alice = fake.add_user("alice")
    posted = fake.post_user_message(alice, "look", files=[FakeFile("a.png", PNG), FakeFile("b.mp4", b"v")])
    ia = await fake.context_menu(alice, "Inspect", posted)
    answer = await ia.wait_original()
    assert bot.events == [("inspect", posted.id, ["a.png", "b.mp4"])]
    assert answer.ephemeral and answer not in fake.channel.messages and "a.png" in answer.content
    assert ia.data["type"] == 3 and ia.data["target_id"] == str(posted.id)


async def test_cdn_urls_expire_and_are_signed(fake: FakeDiscord, bot: MiniBot) -> None:
    posted = fake.post_user_message(fake.add_user("alice"), files=[FakeFile("a.png", PNG)])
    message = await bot_channel(bot, fake).fetch_message(posted.id)
    attachment = message.attachments[0]
    assert await attachment.read() == PNG and attachment.content_type == "image/png"
    forged = attachment.url.replace("hm=", "hm=00")
    with pytest.raises(discord.Forbidden):
        await bot.http.get_from_cdn(forged)
    fake.advance_time(fake.cdn_url_ttl + 1)
    with pytest.raises(discord.NotFound):
        await attachment.read()
    fresh = await bot_channel(bot, fake).fetch_message(posted.id)
    assert await fresh.attachments[0].read() == PNG
    fake.expire_attachment(fresh.attachments[0].url, status=403)
    with pytest.raises(discord.Forbidden):
        await fresh.attachments[0].read()
    fake.cdn_status_override = 404
    with pytest.raises(discord.NotFound):
        await bot.http.get_from_cdn(fake.cdn_url(posted.attachments[0]))


async def test_allowed_mentions_decide_who_is_pinged(fake: FakeDiscord, bot: MiniBot) -> None:
    alice, bob = fake.add_user("alice"), fake.add_user("bob")
    channel = bot_channel(bot, fake)
    text = f"@everyone {alice.mention} <@!{bob.id}>"
    none = await channel.send(text, allowed_mentions=discord.AllowedMentions.none())
    default = await channel.send(text)
    only_alice = await channel.send(
        text, allowed_mentions=discord.AllowedMentions(everyone=False, users=[discord.Object(alice.id)])
    )
    asked = fake.post_user_message(bob, "make a video")
    reply = await channel.get_partial_message(asked.id).reply(
        "done", allowed_mentions=discord.AllowedMentions.none(), mention_author=True
    )
    quiet_reply = await channel.get_partial_message(asked.id).reply("done", mention_author=False)
    got = {m.id: m for m in fake.channel.messages}
    assert (got[none.id].pinged_user_ids, got[none.id].pinged_everyone) == (set(), False)
    assert got[none.id].allowed_mentions == {"parse": []}
    assert (got[default.id].pinged_user_ids, got[default.id].pinged_everyone) == ({alice.id, bob.id}, True)
    assert (got[only_alice.id].pinged_user_ids, got[only_alice.id].pinged_everyone) == ({alice.id}, False)
    assert got[reply.id].pinged_user_ids == {bob.id} and got[reply.id].message_reference is not None
    assert got[quiet_reply.id].pinged_user_ids == set()


async def test_wait_for_message_is_condition_based(fake: FakeDiscord, bot: MiniBot) -> None:
    channel = bot_channel(bot, fake)
    first = await channel.send("already here")
    assert (await fake.wait_for_message(lambda m: m.content == "already here")).id == first.id
    waiter = asyncio.create_task(fake.wait_for_message(lambda m: m.content == "later", channel=fake.channel))
    await asyncio.sleep(0)  # let the waiter register
    assert not waiter.done() and len(fake._waiters) == 1
    later = await channel.send("later")
    assert (await waiter).id == later.id
    with pytest.raises(TimeoutError):
        await fake.wait_for_message(lambda m: m.content == "never", timeout=0.05)
    pending = asyncio.create_task(fake.wait_until(lambda: len(fake.channel.messages) == 3))
    await channel.send("third")
    await pending


def test_message_helpers() -> None:
    fake = FakeDiscord()
    msg = fake.post_user_message(
        fake.add_user("alice"), "hi", embeds=[{"title": "T", "fields": [{"name": "n", "value": "v"}]}]
    )
    msg.components = [button_row("a", "b")]
    assert msg.text == "hi\nT\nn\nv" and msg.custom_ids == ["a", "b"] and msg.button("a") is not None
    assert isinstance(msg, FakeMessage) and msg.to_payload()["channel_id"] == str(fake.channel.id)


# --------------------------------------------------------------------------- wire hooks and nonces
async def test_hooks_fire_once_the_message_is_stored_and_before_the_answer(
    fake: FakeDiscord, bot: MiniBot
) -> None:
    alice = fake.add_user("alice")
    seen: list[tuple[str, int, bool, int]] = []

    def record(moment: str) -> Callable[[FakeMessage], None]:
        def hook(msg: FakeMessage) -> None:
            # Stored (the channel shows it), and the request has no answer yet (status 0).
            seen.append((moment, msg.id, msg in fake.channel.messages, fake.requests[-1].status))

        return hook

    for moment in ("message", "edit", "mp4", "ping"):
        fake.on(moment, record(moment))
    channel = bot_channel(bot, fake)
    card = await channel.send("card")
    mp4 = discord.File(io.BytesIO(b"MP4" * 10), "video-1.mp4")
    await card.edit(content="card with its clip", attachments=[mp4])
    await card.edit(content="edited again, no new attachment")
    ping = await channel.send(f"<@{alice.id}> ready", allowed_mentions=discord.AllowedMentions(users=True))
    quiet = await channel.send(f"<@{alice.id}> not pinged", allowed_mentions=discord.AllowedMentions.none())
    assert seen == [
        ("message", card.id, True, 0),
        ("edit", card.id, True, 0),
        ("mp4", card.id, True, 0),
        ("edit", card.id, True, 0),
        ("message", ping.id, True, 0),
        ("ping", ping.id, True, 0),
        ("message", quiet.id, True, 0),
    ]
    assert all(r.status == 200 for r in fake.requests if r.path.startswith("/channels/"))


async def test_a_once_hook_with_a_filter_fires_for_the_next_match_only(
    fake: FakeDiscord, bot: MiniBot
) -> None:
    channel = bot_channel(bot, fake)
    hits: list[str] = []
    fake.on("mp4", lambda m: hits.append(m.content), when=lambda m: "b" in m.content, once=True)
    for name in ("a", "b", "bb"):
        await channel.send(name, file=discord.File(io.BytesIO(b"MP4"), f"{name}.mp4"))
    await channel.send("b but a text file", file=discord.File(io.BytesIO(b"x"), "b.txt"))
    assert hits == ["b"]


async def test_mp4_in_an_interaction_followup_fires_the_hook(fake: FakeDiscord, bot: MiniBot) -> None:
    hits: list[FakeMessage] = []
    fake.on("mp4", hits.append)
    ia = await fake.slash(fake.add_user("alice"), "animate", attachments={"image": FakeFile("c.png", PNG)})
    followup = await ia.wait_original(lambda m: bool(m.attachments))
    assert hits == [followup]


async def test_nonces_are_remembered_for_a_window_of_the_fake_clock(fake: FakeDiscord, bot: MiniBot) -> None:
    channel = bot_channel(bot, fake)
    assert fake.nonce_window == 300.0
    first = await channel.send("once", nonce=42)
    fake.advance_time(299)
    again = await channel.send("once", nonce=42)
    assert again.id == first.id and len(fake.channel.messages) == 1, "within the window: the same message"
    fake.advance_time(2)
    later = await channel.send("once", nonce=42)
    assert later.id != first.id and len(fake.channel.messages) == 2, "Discord forgot the nonce"
    fake.nonce_window = 10
    fake.advance_time(9)
    assert (await channel.send("once", nonce=42)).id == later.id
    elsewhere = fake.add_channel("elsewhere")  # nonces are per channel
    params = discord.http.handle_message_parameters(content="once", nonce=42)
    elsewhere_msg = await bot.http.send_message(elsewhere.id, params=params)
    assert int(elsewhere_msg["id"]) not in {first.id, later.id}


# --------------------------------------------------------------------------- the Message Content intent
async def test_without_the_intent_other_members_messages_arrive_blank(fake: FakeDiscord) -> None:
    alice = fake.add_user("alice")
    shown = {"type": "image", "title": "pic", "image": {"url": "http://127.0.0.1/x.png"}}
    theirs = fake.post_user_message(alice, "look at this", files=[FakeFile("a.png", PNG)], embeds=[shown])
    theirs.components = [button_row("theirs")]
    mention = fake.post_user_message(alice, f"<@{fake.bot_user.id}> look", files=[FakeFile("m.png", PNG)])
    async with running_bot(MiniBot(fake.guild.id, message_content=False), fake) as bot:
        assert fake.intents is not None and not fake.message_content_intent
        channel = bot_channel(bot, fake)
        mine = await channel.send("my own card", embed=discord.Embed(title="card"))

        fetched = await channel.fetch_message(theirs.id)
        assert (fetched.content, fetched.attachments, fetched.embeds, fetched.components) == ("", [], [], [])
        assert fetched.author.id == alice.id, "only the content is hidden, not who wrote it"
        listed = {m.id: m async for m in channel.history(limit=10)}
        assert listed[theirs.id].content == "" and listed[theirs.id].attachments == []
        # Exempt: the app's own messages and messages that mention the app.
        assert listed[mine.id].content == "my own card" and listed[mine.id].embeds[0].title == "card"
        assert listed[mention.id].content.endswith("look") and len(listed[mention.id].attachments) == 1

        # Exempt: the target of a message context menu (data.resolved.messages).
        ia = await fake.context_menu(alice, "Inspect", theirs)
        await ia.wait_original()
        assert bot.events[-1] == ("inspect", theirs.id, ["a.png"])

        # The gateway too: MESSAGE_CREATE of someone else's message is blank.
        created = asyncio.ensure_future(bot.wait_for("message", check=lambda m: m.id == theirs.id))
        await fake.dispatch_message_create(theirs)
        assert (await asyncio.wait_for(created, 5)).content == ""

        # Exempt: a DM with the app.
        dm = await (await bot.fetch_user(alice.id)).create_dm()
        in_dm = fake.post_user_message(
            alice, "private pic", channel=fake.dms[alice.id], files=[FakeFile("d.png", PNG)]
        )
        got = await dm.fetch_message(in_dm.id)
        assert got.content == "private pic" and [a.filename for a in got.attachments] == ["d.png"]


async def test_with_the_intent_the_content_is_there(fake: FakeDiscord, bot: MiniBot) -> None:
    alice = fake.add_user("alice")
    theirs = fake.post_user_message(alice, "look at this", files=[FakeFile("a.png", PNG)])
    assert fake.message_content_intent
    fetched = await bot_channel(bot, fake).fetch_message(theirs.id)
    assert fetched.content == "look at this" and [a.filename for a in fetched.attachments] == ["a.png"]


# --------------------------------------------------------------------------- the bot's channel permissions
async def test_app_permissions_are_the_bots_permissions_in_that_channel(
    fake: FakeDiscord, bot: MiniBot
) -> None:
    async def perms(interaction: discord.Interaction[Any]) -> tuple[int, discord.Permissions | None]:
        await interaction.response.send_message("ok", ephemeral=True)
        channel, guild = interaction.channel, interaction.guild
        assert guild is not None and guild.me is not None
        computed = channel.permissions_for(guild.me) if isinstance(channel, discord.TextChannel) else None
        return interaction.app_permissions.value, computed

    alice = fake.add_user("alice")
    result = bot.on_hook(perms)
    await fake.slash(alice, "hook")
    value, computed = await result
    assert value & BOT_PERMISSIONS == BOT_PERMISSIONS, "by default the bot has the six it asks for"
    assert value == fake.channel.bot_permissions == fake.guild.bot_base_permissions()
    assert computed is not None and computed.value == value

    no_files = fake.add_channel("no-files")
    no_files.deny_bot(ATTACH_FILES)  # one channel override takes one permission away
    result = bot.on_hook(perms)
    await fake.slash(alice, "hook", channel=no_files)
    value, computed = await result
    assert value == fake.guild.bot_base_permissions() & ~ATTACH_FILES
    assert computed is not None and not computed.attach_files and computed.embed_links, (
        "discord.py computes the same from the channel's overwrite"
    )
    assert fake.channel.bot_permissions & ATTACH_FILES, "the other channels keep it"

    thread = fake.add_thread("a thread", parent=no_files)
    result = bot.on_hook(perms)
    await fake.slash(alice, "hook", channel=thread)
    value, _ = await result
    assert not value & ATTACH_FILES and value & SEND_MESSAGES_IN_THREADS, "a thread follows its parent"


async def test_bot_token_posts_need_the_channel_permissions(fake: FakeDiscord, bot: MiniBot) -> None:
    channel = bot_channel(bot, fake)
    fake.channel.deny_bot(EMBED_LINKS)
    await channel.send("text is fine")
    await expect_http_error(channel.send(embed=discord.Embed(title="card")), 403, 50013)
    fake.channel.allow_bot(EMBED_LINKS)
    await channel.send(embed=discord.Embed(title="card"))

    thread = fake.add_thread("a thread")
    in_thread = bot.get_partial_messageable(thread.id)
    fake.channel.deny_bot(SEND_MESSAGES)
    await expect_http_error(channel.send("no"), 403, 50013)
    await in_thread.send("threads need Send Messages in Threads, not Send Messages")
    fake.channel.deny_bot(SEND_MESSAGES_IN_THREADS)
    await expect_http_error(in_thread.send("no"), 403, 50013)

    fake.channel.deny_bot(VIEW_CHANNEL)
    await expect_http_error(channel.send("no"), 403, 50001)
    assert [m.content for m in thread.messages] == [
        "threads need Send Messages in Threads, not Send Messages"
    ]


async def test_interaction_answers_need_no_channel_permission(fake: FakeDiscord, bot: MiniBot) -> None:
    async def answer(interaction: discord.Interaction[Any]) -> None:
        card = discord.Embed(title="card")
        await interaction.response.send_message(
            "answer", embed=card, file=discord.File(io.BytesIO(b"x"), "a.txt")
        )
        await interaction.followup.send("followup", embed=card, file=discord.File(io.BytesIO(b"y"), "b.txt"))

    fake.channel.bot_permissions = VIEW_CHANNEL  # nothing but the right to see the channel
    result = bot.on_hook(answer)
    ia = await fake.slash(fake.add_user("alice"), "hook")
    await result
    assert ia.original is not None and ia.original.attachments and ia.original.embeds
    assert [m.content for m in ia.followups] == ["followup"] and not fake.errors


def test_a_reply_needs_read_message_history() -> None:
    """Discord refuses a bot-token reply (message_reference) without Read Message History."""
    from tests.fakes.discord.models import (
        ATTACH_FILES,
        EMBED_LINKS,
        READ_MESSAGE_HISTORY,
        SEND_MESSAGES,
        VIEW_CHANNEL,
    )
    from tests.fakes.discord.rules import missing_post_permissions

    base = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES
    assert missing_post_permissions(base, has_files=False) == 0
    assert missing_post_permissions(base, has_files=False, is_reply=True) == READ_MESSAGE_HISTORY
    assert missing_post_permissions(base | READ_MESSAGE_HISTORY, has_files=False, is_reply=True) == 0


# --------------------------------------------------------------------------- locales


async def _put_commands(fake: FakeDiscord, body: list[dict[str, Any]]) -> tuple[int, Any]:
    url = f"{fake.api_base}/applications/{fake.application_id}/guilds/{fake.guild.id}/commands"
    async with (
        aiohttp.ClientSession() as session,
        session.put(url, json=body, headers={"Authorization": f"Bot {fake.token}"}) as resp,
    ):
        return resp.status, await resp.json()


def _slash(**extra: Any) -> dict[str, Any]:
    return {"type": 1, "name": "video", "description": "Make a video"} | extra


@pytest.mark.parametrize(
    "command",
    [
        _slash(name_localizations={"xx-YY": "video"}),  # not a Discord locale
        _slash(name_localizations={"de": "Video"}),  # uppercase in a slash command name
        _slash(name_localizations={"fr": "une vidéo"}),  # a space
        _slash(name_localizations={"es-ES": "v" * 33}),  # longer than 32
        _slash(description_localizations={"de": "d" * 101}),
        _slash(description_localizations={"de": ""}),
        _slash(options=[{"type": 3, "name": "prompt", "description": "p",
                         "name_localizations": {"fr": "Texte"}}]),
        _slash(options=[{"type": 3, "name": "ratio", "description": "r", "choices": [
            {"name": "16:9", "value": "16:9", "name_localizations": {"de": "q" * 101}}]}]),
    ],
)  # fmt: skip
async def test_command_localizations_follow_discords_rules(
    fake: FakeDiscord, command: dict[str, Any]
) -> None:
    status, body = await _put_commands(fake, [command])
    assert (status, body["code"]) == (400, 50035), body


async def test_valid_localizations_are_recorded(fake: FakeDiscord) -> None:
    menu = {"type": 3, "name": "Animate with AI", "name_localizations": {"fr": "Animer avec l'IA"}}
    command = _slash(
        name_localizations={"de": "video", "hi": "वीडियो", "es-419": "vídeo_corto"},
        description_localizations={"fr": "Faire une vidéo"},
    )
    status, _ = await _put_commands(fake, [command, menu])
    assert status == 200
    synced = fake.find_command("video", fake.guild.id)
    assert synced["name_localizations"]["hi"] == "वीडियो"
    assert fake.find_command("Animate with AI", fake.guild.id, ctype=3)["name_localizations"]["fr"]


async def test_interactions_carry_the_members_and_the_servers_locale(fake: FakeDiscord, bot: MiniBot) -> None:
    fake.guild.locale = "de"
    user = fake.add_user("ana")
    user.locale = "es-419"
    result = bot.on_hook(lambda interaction: _locales(interaction))
    await fake.slash(user, "hook", {})
    assert await result == ("es-419", "de")


async def _locales(interaction: discord.Interaction[Any]) -> tuple[str, str]:
    await interaction.response.send_message("ok")
    return str(interaction.locale), str(interaction.guild_locale)


async def test_text_limits_of_buttons_selects_and_modals(fake: FakeDiscord, bot: MiniBot) -> None:
    cid = fake.channel.id
    long_label = {"type": 1, "components": [{"type": 2, "style": 1, "label": "l" * 81, "custom_id": "b"}]}
    await expect_http_error(raw_post(bot, cid, {"content": "x", "components": [long_label]}), 400, 50035)
    option = {"label": "o" * 101, "value": "v"}
    select = {"type": 1, "components": [{"type": 3, "custom_id": "s", "options": [option]}]}
    await expect_http_error(raw_post(bot, cid, {"content": "x", "components": [select]}), 400, 50035)
    with pytest.raises(FakeHTTPError):
        InteractionsMixin._check_modal(
            {"title": "t", "custom_id": "m", "components": [{"type": 1, "components": [
                {"type": 4, "custom_id": "p", "style": 1, "label": "l" * 46}]}]}
        )  # fmt: skip
    with pytest.raises(FakeHTTPError):
        InteractionsMixin._check_modal(
            {"title": "t", "custom_id": "m", "components": [{"type": 1, "components": [
                {"type": 4, "custom_id": "p", "style": 1, "label": "l", "placeholder": "p" * 101}]}]}
        )  # fmt: skip
