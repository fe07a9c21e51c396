"""The Story button and /story: one PNG storyboard of a clip's lineage, a caption linking every segment,
no pings, and Discord's limits kept even for large trees. Real bot, fake Discord, fake APIMart."""

from __future__ import annotations

import io
from typing import Any

import av
import pytest
from PIL import Image

from bot.media import storyboard
from bot.media.kept import kept_clip_path
from tests.cogs.test_iteration_e2e import answer, job_in, modal_of, press, via_modal
from tests.conftest import Harness, delivered_card
from tests.fakes.discord.models import walk_components
from tests.fakes.discord.rules import MAX_CONTENT
from tests.fakes.fake_discord import FakeMessage

pytestmark = pytest.mark.e2e


def spy_boards(h: Harness) -> list[storyboard.Storyboard]:
    """Every storyboard the cog renders (its layout metadata), in order."""
    boards: list[storyboard.Storyboard] = []
    real = storyboard.render

    def render(*args: Any, **kwargs: Any) -> storyboard.Storyboard:
        board = real(*args, **kwargs)
        boards.append(board)
        return board

    h.monkeypatch.setattr(storyboard, "render", render)
    return boards


def png_of(message: FakeMessage) -> Image.Image:
    [attachment] = message.attachments
    assert attachment.filename.endswith(".png") and attachment.ephemeral
    picture = Image.open(io.BytesIO(attachment.data))
    picture.load()
    return picture


def link(h: Harness, card: FakeMessage) -> str:
    return f"https://discord.com/channels/{h.discord.guild.id}/{h.discord.channel.id}/{card.id}"


def assert_no_pings(message: FakeMessage) -> None:
    assert not message.pinged_user_ids and not message.pinged_role_ids and not message.pinged_everyone
    assert message.allowed_mentions is not None and not message.allowed_mentions.get("parse")


async def test_story_shows_the_tree_credits_everyone_and_links_each_segment(bot_harness: Harness) -> None:
    h = bot_harness
    alice, bob, carol, dave = (h.discord.add_user(n) for n in ("alice", "bob", "carol", "dave"))
    root = await delivered_card(h, job_in((await answer(await h.video(alice, "a paper boat"))).content))
    _, said = await via_modal(h, bob, root, "Extend", "it reaches the sea")
    extend = await delivered_card(h, job_in(said.content))
    _, said = await via_modal(h, carol, extend, "Remix", "it reaches the sea at night")
    remix = await delivered_card(h, job_in(said.content))
    _, said = await via_modal(h, dave, root, "Extend", "it sinks")
    branch = await delivered_card(h, job_in(said.content))
    cards = {1: root, 2: extend, 3: remix, 4: branch}
    assert [m.button("Story") is not None for m in cards.values()] == [True] * 4

    boards = spy_boards(h)
    shown = await answer(await press(h, carol, remix, "Story"))
    [board] = boards
    assert board.path == [1, 2, 3] and board.order == [1, 2, 3, 4] and not board.summarised
    # The path is the top row, left to right; dave's branch hangs under bob's extend, off the root.
    assert [(board.panel(j).row, board.panel(j).column) for j in (1, 2, 3, 4)] == [
        (0, 0),
        (0, 1),
        (0, 2),
        (1, 1),
    ]
    assert [board.panel(j).parent_id for j in (1, 2, 3, 4)] == [None, 1, 2, 1]
    assert board.panel(4).box[1] > board.panel(2).box[3] and board.panel(4).box[0] == board.panel(2).box[0]
    picture = png_of(shown)
    assert picture.format == "PNG" and picture.size == (board.width, board.height)
    left, top, _, _ = board.panel(3).box
    assert picture.convert("RGB").getpixel((left + 20, top + 1)) == storyboard.TARGET_BORDER, (
        "the clip asked about"
    )
    # Every segment has its frame (the kept clips), not the placeholder.
    for j in (1, 2, 3, 4):
        x0, y0, _, _ = board.panel(j).box
        mid = (x0 + storyboard.PAD + storyboard.THUMB_W // 2, y0 + storyboard.PAD + storyboard.THUMB_H // 2)
        assert picture.convert("RGB").getpixel(mid) != storyboard.PLACEHOLDER_FILL

    # The caption: segments in the picture's order, named (never pinged), each linked to its card.
    lines = shown.content.splitlines()[1:]
    makers = [("video", alice), ("extend", bob), ("remix", carol), ("extend", dave)]
    names = [f"{how} by {user.global_name or user.name}" for how, user in makers]
    for line, job_id, name in zip(lines, (1, 2, 3, 4), names, strict=True):
        assert f"#{job_id} {name}" in line and link(h, cards[job_id]) in line
    assert_no_pings(shown)

    # /story job:3 answers the same.
    same = await answer(await h.discord.slash(dave, "story", {"job": 3}))
    assert same.content == shown.content and boards[1].order == board.order
    assert png_of(same).size == picture.size
    assert_no_pings(same)

    # An unknown job: one sentence.
    said = await answer(await h.discord.slash(dave, "story", {"job": 99}))
    assert said.content == "I don't know a job #99 that you can see." and not said.attachments
    assert not h.discord.errors


async def _insert_delivered(h: Harness, job_id: int, parent: int | None, kind: str, name: str) -> None:
    now = h.bot.clock() if h.bot else 0.0
    await h.store.execute_raw(
        "INSERT INTO jobs (id, status, kind, guild_id, channel_id, user_id, user_name, prompt, aspect_ratio,"
        " refs, source_job_id, parent_job_id, card_message_id, created_at, updated_at, finished_at)"
        " VALUES (?, 'delivered', ?, ?, ?, ?, ?, ?, '16:9', '[]', ?, ?, ?, ?, ?, ?)",
        (
            job_id, kind, h.discord.guild.id, h.discord.channel.id, 10_000 + job_id, name,
            f"segment {job_id}: @everyone " + "a very long prompt that goes on " * 40, parent, parent,
            900_000_000_000_000_000 + job_id, now, now, now,
        ),
    )  # fmt: skip


@pytest.mark.parametrize("path_length", [25, 12])
async def test_a_40_segment_tree_is_summarised_within_discords_limits(
    bot_harness: Harness, path_length: int
) -> None:
    h = bot_harness
    carol = h.discord.add_user("carol")
    long_name = "@here " + "Ǝ" * 26  # 32 characters: Discord's longest display name
    for job_id in range(1, path_length + 1):
        kind = "video" if job_id == 1 else "extend" if job_id % 2 else "remix"
        await _insert_delivered(h, job_id, job_id - 1 or None, kind, long_name)
    for job_id in range(path_length + 1, 41):  # side branches off the path's segments
        await _insert_delivered(h, job_id, (job_id % path_length) + 1, "retry", long_name)

    boards = spy_boards(h)
    shown = await answer(await h.discord.slash(carol, "story", {"job": path_length}))
    [board] = boards
    assert board.summarised and board.path == list(range(1, path_length + 1))
    assert len(board.panels) <= storyboard.MAX_PANELS
    assert sum(p.side_branches for p in board.panels) + len(board.panels) + board.hidden >= 40 - board.hidden
    assert len(board.panels) + board.hidden == 40
    assert board.order[0] == 1 and board.order[-1] == path_length
    picture = png_of(shown)
    assert picture.size == (board.width, board.height)
    [attachment] = shown.attachments
    assert attachment.size <= h.discord.channel.upload_limit and attachment.size == len(attachment.data)
    assert len(attachment.description or "") <= 1024
    assert len(shown.content) <= MAX_CONTENT
    assert "see the picture" in shown.content or shown.content.count("https://") == len(board.order)
    assert_no_pings(shown)
    assert not h.discord.errors


# ---- branch from any segment, and the full cut of a branch --------------------------------------------


async def _chain(h: Harness) -> dict[int, FakeMessage]:
    """root by alice → extend by bob → remix (of the extend) by carol → extend of the root by dave."""
    alice, bob, carol, dave = (h.discord.add_user(n) for n in ("alice", "bob", "carol", "dave"))
    root = await delivered_card(h, job_in((await answer(await h.video(alice, "a paper boat"))).content))
    _, said = await via_modal(h, bob, root, "Extend", "it reaches the sea")
    extend = await delivered_card(h, job_in(said.content))
    _, said = await via_modal(h, carol, extend, "Remix", "it reaches the sea at night")
    remix = await delivered_card(h, job_in(said.content))
    _, said = await via_modal(h, dave, root, "Extend", "it sinks")
    branch = await delivered_card(h, job_in(said.content))
    return {1: root, 2: extend, 3: remix, 4: branch}


def _duration(data: bytes) -> float:
    with av.open(io.BytesIO(data)) as container:
        assert container.duration is not None
        return container.duration / 1_000_000


async def test_branching_from_the_root_extends_the_roots_task(bot_harness: Harness) -> None:
    h = bot_harness
    cards = await _chain(h)
    root = await h.store.get(1)
    assert root is not None and root.task_id
    branch_submit = h.api.submits[3]
    assert branch_submit["extend_from_task_id"] == root.task_id and branch_submit["prompt"] == "it sinks"
    branch = await h.store.get(4)
    assert branch is not None and branch.parent_job_id == 1 and branch.parent_task_id == root.task_id
    # The Story shows the branch: dave's segment hangs off the root, beside bob's.
    boards = spy_boards(h)
    erin = h.discord.add_user("erin")
    shown = await answer(await press(h, erin, cards[4], "Story"))
    [board] = boards
    assert board.path == [1, 4] and board.panel(4).parent_id == 1 and board.panel(2).parent_id == 1

    # The Story answer's menu: pick bob's extend (segment 2) and extend it — a branch from that segment.
    [menu] = [c for c in walk_components(shown.components) if c.get("type") == 3]
    assert [o["value"] for o in menu["options"]] == ["1", "4", "2", "3"]  # the picture's order
    modal = await modal_of(await h.discord.select(erin, shown, menu["custom_id"], ["2"]))
    submitted = await h.discord.submit_modal(erin, modal["custom_id"], {"prompt": "it flies"}, message=shown)
    picked = await h.job_when(job_in((await answer(submitted)).content), lambda j: j.task_id is not None)
    extend = await h.store.get(2)
    assert extend is not None and picked.parent_job_id == 2
    assert h.api.submits[-1]["extend_from_task_id"] == extend.task_id
    await delivered_card(h, picked.id)
    assert not h.discord.errors


async def test_full_cut_of_the_remix_of_an_extend_joins_its_path_once(bot_harness: Harness) -> None:
    h = bot_harness
    cards = await _chain(h)
    assert [b["label"] for b in cards[3].buttons][-1] == "Full cut"
    assert [len(row["components"]) for row in cards[3].components] == [5, 1]
    kept = {j: _duration(kept_clip_path(h.settings.data_dir, j).read_bytes()) for j in (1, 2, 3)}
    # root, bob's new part (his clip is the root followed by it), carol's new part (hers continues the root).
    parts = [kept[1], kept[2] - kept[1], kept[3] - kept[1]]
    assert all(p > 0.5 for p in parts)

    erin = h.discord.add_user("erin")
    shown = await answer(await press(h, erin, cards[3], "Full cut"))
    [attachment] = shown.attachments
    assert attachment.filename == "full-cut-3.mp4" and attachment.ephemeral
    assert attachment.size <= h.discord.channel.upload_limit
    assert abs(_duration(attachment.data) - sum(parts)) <= 0.1 * sum(parts)
    assert "#1 → #2 → #3" in shown.content
    for job_id in (1, 2, 3):
        job = await h.store.get(job_id)
        assert job is not None and job.user_name and job.user_name in shown.content
    assert_no_pings(shown)

    # A part no longer kept: one clear sentence, no file.
    kept_clip_path(h.settings.data_dir, 2).unlink()
    said = await answer(await press(h, erin, cards[3], "Full cut"))
    assert said.content.startswith("The clip of job #2 is no longer kept") and not said.attachments
    assert not h.discord.errors


async def test_full_cut_is_fitted_to_the_upload_limit(bot_harness: Harness) -> None:
    h = bot_harness
    cards = await _chain(h)
    full = await answer(await press(h, h.discord.add_user("erin"), cards[3], "Full cut"))
    size = full.attachments[0].size
    h.monkeypatch.setattr(type(h.bot.presenter), "upload_limit", lambda self, job: size // 2 + 64 * 1024)
    fitted = await answer(await press(h, h.discord.add_user("frank"), cards[3], "Full cut"))
    [attachment] = fitted.attachments
    assert attachment.size <= size // 2 + 64 * 1024
    assert abs(_duration(attachment.data) - _duration(full.attachments[0].data)) <= 0.5
    h.monkeypatch.setattr(type(h.bot.presenter), "upload_limit", lambda self, job: 1000)
    said = await answer(await press(h, h.discord.add_user("gina"), cards[3], "Full cut"))
    assert "too long to fit" in said.content and not said.attachments


async def test_a_too_old_segment_says_so_and_offers_a_working_remix(bot_harness: Harness) -> None:
    h = bot_harness
    alice, bob = h.discord.add_user("alice"), h.discord.add_user("bob")
    root = await delivered_card(h, job_in((await answer(await h.video(alice, "a paper boat"))).content))
    await h.store.execute_raw(
        "UPDATE jobs SET finished_at = finished_at - 1e7, created_at = created_at - 1e7"
    )
    said = await answer(await press(h, bob, root, "Extend"))
    assert said.content.startswith("This clip is too old to extend") and "remix it instead" in said.content
    assert [b["label"] for b in said.buttons] == ["Remix"]
    modal = await modal_of(await press(h, bob, said, "Remix"))
    submitted = await h.discord.submit_modal(
        bob, modal["custom_id"], {"prompt": "a paper ship"}, message=said
    )
    remix = await delivered_card(h, job_in((await answer(submitted)).content))
    assert h.api.submits[-1]["prompt"] == "a paper ship" and "extend_from_task_id" not in h.api.submits[-1]
    assert remix.button("Full cut") is not None
    assert not h.discord.errors
