"""Every bad reference gets one clear sentence, and nothing reaches the video API."""

from __future__ import annotations

import os

import pytest

from bot.media import references
from bot.media.references import ReferenceError
from tests.conftest import Harness
from tests.fakes.fake_discord import FakeFile
from tests.fakes.media import make_mp4, make_png

pytestmark = pytest.mark.e2e

BAD_REFERENCES = [
    ("image1", FakeFile("notes.txt", b"just some text, not an image\n" * 10, "text/plain"), "notes.txt"),
    (
        "image1",
        FakeFile("paper.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "application/pdf"),
        "paper.pdf",
    ),
    (
        "image1",
        FakeFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', "image/svg+xml"),
        "logo.svg",
    ),
    ("image1", FakeFile("fake.png", b"this is not really a png", "image/png"), "fake.png"),
    ("image1", FakeFile("broken.png", make_png(256, 256)[:200], "image/png"), "broken.png"),
    (
        "image2",
        FakeFile("huge.png", b"\x89PNG\r\n\x1a\n" + os.urandom(21 * 1024 * 1024), "image/png"),
        "20 MB",
    ),
    ("video", FakeFile("blink.mp4", make_mp4(0.4), "video/mp4"), "1–24 s"),
    (
        "video",
        FakeFile("long.mp4", make_mp4(25.0, width=64, height=36, fps=4, audio=False), "video/mp4"),
        "1–24 s",
    ),
    (
        "video",
        FakeFile("corrupt.mp4", b"\x00\x00\x00\x18ftypmp42" + os.urandom(5000), "video/mp4"),
        "corrupt.mp4",
    ),
]


@pytest.mark.parametrize(
    ("option", "file", "expected"), BAD_REFERENCES, ids=[f[1].filename for f in BAD_REFERENCES]
)
async def test_bad_reference_is_refused_with_a_sentence(
    bot_harness: Harness, option: str, file: FakeFile, expected: str
) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    files = {option: file}
    if option != "image1":
        files["image1"] = FakeFile("ok.png", make_png(), "image/png")
    interaction = await h.video(alice, "anything", files=files)
    answer = await interaction.wait_original(lambda m: not m.loading)
    assert expected in answer.content
    assert "Traceback" not in answer.content
    assert interaction.ephemeral
    assert h.api.submit_attempts == []
    assert h.api.uploads == {}
    assert not [m for m in h.discord.channel.messages if m.author.id == h.discord.bot_user.id]


async def test_expired_attachment_link_is_refused(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    h.discord.cdn_status_override = 404
    interaction = await h.video(alice, "x", files={"image1": FakeFile("cat.png", make_png(), "image/png")})
    answer = await interaction.wait_original(lambda m: not m.loading)
    assert "cat.png" in answer.content and "expired" in answer.content
    assert h.api.submit_attempts == []


async def test_nothing_to_make_is_refused(bot_harness: Harness) -> None:
    h = bot_harness
    alice = h.discord.add_user("alice")
    interaction = await h.video(alice, None)
    answer = await interaction.wait_original(lambda m: not m.loading)
    assert "give a prompt" in answer.content
    assert h.api.submit_attempts == []


def test_reference_counts_have_sentences() -> None:
    with pytest.raises(ReferenceError, match="17 images"):
        references.check_counts(17, 0)
    with pytest.raises(ReferenceError, match="2 videos"):
        references.check_counts(0, 2)
    with pytest.raises(ReferenceError, match="cannot be combined with Extend"):
        references.check_counts(0, 1, extending=True)
    references.check_counts(16, 1)
