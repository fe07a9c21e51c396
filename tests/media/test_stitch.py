"""Extends build longer videos: clips joined end to end, and joined only when the API did not."""

from __future__ import annotations

import io
from pathlib import Path

import av

from bot import media
from bot.media import stitch
from tests.fakes.media import make_mp4


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
