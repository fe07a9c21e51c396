"""Extends build longer videos: clips joined end to end, and joined only when the API did not."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import av
import pytest

from bot import media
from bot.media import stitch
from tests.fakes.media import Mp4Facts, inspect_mp4, make_mp4


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_concat_keeps_every_second_and_the_sound(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.mp4", make_mp4(1.0))
    b = _write(tmp_path / "b.mp4", make_mp4(2.0, width=320, height=180))
    joined = tmp_path / "ab.mp4"
    stitch.concat([a, b], joined)
    assert abs(media.video_duration(joined) - 3.0) < 0.1
    with av.open(io.BytesIO(joined.read_bytes())) as c:
        assert {s.type for s in c.streams} == {"video", "audio"}
        video = c.streams.video[0]
        assert (video.codec_context.width, video.codec_context.height) == (160, 90), "the parent's size"
        audio = c.streams.audio[0]
        assert audio.duration is not None
        assert abs(float(audio.duration * audio.time_base) - 3.0) < 0.1, "sound runs the whole length"


def test_only_the_new_part_is_joined(tmp_path: Path) -> None:
    parent = _write(tmp_path / "parent.mp4", make_mp4(1.0))
    new_part = _write(tmp_path / "new.mp4", make_mp4(1.0, noise=True))
    assert stitch.needs_stitch(parent, new_part), "same length as the parent: only the new part"
    whole = tmp_path / "whole.mp4"
    stitch.concat([parent, new_part], whole)
    assert not stitch.needs_stitch(parent, whole), "longer and opening on the parent's picture: complete"
    other = _write(tmp_path / "other.mp4", make_mp4(3.0, noise=True))
    assert stitch.needs_stitch(parent, other), "longer but a different opening: a new part"


def test_a_broken_part_raises_a_media_error_and_leaves_nothing(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.mp4", make_mp4(1.0))
    bad = _write(tmp_path / "bad.mp4", b"\x00" * 2000)
    dest = tmp_path / "out.mp4"
    try:
        stitch.concat([a, bad], dest)
    except media.MediaError:
        pass
    else:
        raise AssertionError("a broken part must not be joined")
    assert not dest.exists()
    assert not list(tmp_path.glob(".join-*"))


# ------------------------------------------------------------------------------ parts that sound unlike

# Sound formats real parts come in. AAC always decodes to fltp; FLAC (also valid in MP4) decodes to s16.
CD_MONO = {"audio_rate": 44_100, "audio_layout": "mono"}
LOW_S16 = {"audio_rate": 24_000, "audio_layout": "stereo", "audio_format": "s16"}
FLAC_MONO = {"audio_rate": 32_000, "audio_layout": "mono", "audio_codec": "flac"}


def _assert_whole(path: Path, seconds: float, *, sound: bool = True) -> Mp4Facts:
    """`path` is one clip of `seconds` (±10 %) that decodes to the end, its sound as long as its picture."""
    facts = inspect_mp4(path.read_bytes())
    assert abs(facts.duration - seconds) <= 0.1 * seconds, facts
    assert abs(facts.video_seconds - seconds) <= 0.1 * seconds, facts
    assert facts.video_frames >= round(seconds * 24 * 0.9), "every picture decodes"
    assert facts.has_audio is sound, facts
    if sound:
        assert (facts.audio_rate, facts.audio_layout) == (stitch.AUDIO_RATE, "stereo"), facts
        # AAC pads its last frame: at most one frame (21 ms) longer than the picture, never shorter.
        assert abs(facts.audio_seconds - facts.video_seconds) < 0.05, facts
    return facts


def test_a_joined_clip_extends_with_a_part_in_another_sound_format(tmp_path: Path) -> None:
    """The regression: an Extend of an Extend, whose new part's sound differs from our own joined clip."""
    a = _write(tmp_path / "a.mp4", make_mp4(1.0))
    b = _write(tmp_path / "b.mp4", make_mp4(1.0, noise=True))
    ab = tmp_path / "ab.mp4"
    stitch.concat([a, b], ab)
    c = _write(tmp_path / "c.mp4", make_mp4(1.0, **CD_MONO))
    abc = tmp_path / "abc.mp4"
    stitch.concat([ab, c], abc)
    facts = _assert_whole(abc, 3.0)
    assert facts.loudness(2.1, 2.9) > 0.05, "the new part's sound is kept"


@pytest.mark.parametrize(
    "formats",
    [
        [{}, CD_MONO, LOW_S16, FLAC_MONO],
        [FLAC_MONO, LOW_S16, CD_MONO, {}],
    ],
    ids=["48k-44k1mono-24k-flac", "flac-24k-44k1mono-48k"],
)
def test_a_chain_of_four_parts_in_four_sound_formats(tmp_path: Path, formats: list[dict[str, Any]]) -> None:
    parts = [_write(tmp_path / f"part{i}.mp4", make_mp4(1.0 + 0.5 * i, **kw)) for i, kw in enumerate(formats)]
    joined = tmp_path / "joined.mp4"
    # As the bot builds it: each Extend joins the previous joined clip and the new part.
    previous = parts[0]
    for i, part in enumerate(parts[1:], start=1):
        step = tmp_path / f"joined{i}.mp4"
        stitch.concat([previous, part], step)
        previous = step
    stitch.concat(parts, joined)  # and all at once
    total = sum(1.0 + 0.5 * i for i in range(4))
    for clip in (previous, joined):
        facts = _assert_whole(clip, total)
        start = 0.0
        for i in range(4):
            length = 1.0 + 0.5 * i
            assert facts.loudness(start + 0.1, start + length - 0.1) > 0.05, f"part {i} has its sound"
            start += length


def test_a_part_without_sound_is_silent_and_keeps_the_rest_in_sync(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.mp4", make_mp4(1.0, **CD_MONO))
    mute = _write(tmp_path / "mute.mp4", make_mp4(1.5, audio=False))
    c = _write(tmp_path / "c.mp4", make_mp4(1.0, **LOW_S16))
    joined = tmp_path / "joined.mp4"
    stitch.concat([a, mute, c], joined)
    facts = _assert_whole(joined, 3.5)
    # Sound exactly where its picture is: loud, silent from the join at 1.0 s, loud again from 2.5 s.
    assert facts.loudness(0.05, 0.95) > 0.05
    assert facts.loudness(1.05, 2.45) < 0.001, "the mute part is silent"
    assert facts.loudness(2.55, 3.45) > 0.05
    # Within an AAC frame or two of each join.
    assert facts.loudness(0.9, 0.98) > 0.05 and facts.loudness(1.03, 1.1) < 0.01
    assert facts.loudness(2.4, 2.47) < 0.01 and facts.loudness(2.53, 2.6) > 0.05


def test_the_first_part_without_sound_and_none_at_all(tmp_path: Path) -> None:
    mute = _write(tmp_path / "mute.mp4", make_mp4(1.0, audio=False))
    loud = _write(tmp_path / "loud.mp4", make_mp4(1.0, **FLAC_MONO))
    joined = tmp_path / "joined.mp4"
    stitch.concat([mute, loud], joined)
    facts = _assert_whole(joined, 2.0)
    assert facts.loudness(0.05, 0.95) < 0.001 and facts.loudness(1.05, 1.95) > 0.05
    silent = tmp_path / "silent.mp4"
    stitch.concat([mute, mute], silent)
    _assert_whole(silent, 2.0, sound=False)


def test_parts_at_another_frame_rate_keep_their_length(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.mp4", make_mp4(1.0))  # 24 fps: the joined clip's rate
    fast = _write(tmp_path / "fast.mp4", make_mp4(1.5, fps=30, **CD_MONO))
    slow = _write(tmp_path / "slow.mp4", make_mp4(1.0, fps=15, audio=False))
    joined = tmp_path / "joined.mp4"
    stitch.concat([a, fast, slow, a], joined)
    facts = _assert_whole(joined, 4.5)
    assert facts.loudness(1.05, 2.45) > 0.05 and facts.loudness(2.55, 3.45) < 0.001
    assert facts.loudness(3.55, 4.45) > 0.05


def test_a_skip_leaves_out_the_start_of_a_part(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.mp4", make_mp4(1.0))
    b = _write(tmp_path / "b.mp4", make_mp4(2.0, noise=True))
    joined = tmp_path / "ab.mp4"
    stitch.concat([a, b], joined, skips=[0.0, 1.0])
    assert abs(media.video_duration(joined) - 2.0) < 0.1
    with av.open(io.BytesIO(joined.read_bytes())) as c:
        audio = c.streams.audio[0]
        assert audio.duration is not None
        assert abs(float(audio.duration * audio.time_base) - 2.0) < 0.1, "the sound is cut the same"
