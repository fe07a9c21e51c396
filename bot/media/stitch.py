"""Join clips end to end, so a chain of Extends becomes one longer video.

Whether the API's answer to an extend holds only the new part or the whole continued clip is not
documented (apimart-api.md). The delivery decides by duration (see `needs_stitch`) and, when the answer
is only the new part, joins the parent's delivered clip and the new part here: one H.264 + AAC MP4 with
the parent's picture size and frame rate, the sound kept, timestamps continuous.

Plain, synchronous, CPU-bound PyAV code: call it through ``asyncio.to_thread``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import av

from bot.media import MediaError, video_duration

VIDEO_BITRATE = 4_000_000  # 720p at a quality that stays close to the source
AUDIO_RATE = 48_000
# An answer at least this much longer than the parent already contains it.
CONTAINS_PARENT_MARGIN = 0.5


FRAME_MATCH = 12.0  # mean absolute difference (0-255) of two tiny grey thumbnails that counts as "same"


def needs_stitch(parent: Path, child: Path) -> bool:
    """True when the child clip looks like only the new part, not the parent followed by the new part.

    A child that already contains its parent is longer than it and opens on the same picture.
    """
    if video_duration(child) < video_duration(parent) + CONTAINS_PARENT_MARGIN:
        return True
    return _difference(_first_frame(parent), _first_frame(child)) > FRAME_MATCH


def _first_frame(path: Path) -> list[int]:
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            thumb = frame.to_image().convert("L").resize((32, 18))  # type: ignore[no-untyped-call]
            return list(thumb.tobytes())
    raise MediaError(f"{path.name} has no pictures.")


def _difference(a: list[int], b: list[int]) -> float:
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)


def concat(clips: Sequence[Path], dest: Path) -> None:
    """Write `clips` one after another into `dest` (replaced atomically; no partial file on error)."""
    if not clips:
        raise ValueError("nothing to join")
    fd, tmp_name = tempfile.mkstemp(prefix=".join-", suffix=".mp4", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _concat(clips, tmp)
        os.replace(tmp, dest)
    except (av.FFmpegError, IndexError) as exc:
        raise MediaError(f"{dest.name} could not be joined from its parts.") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _concat(clips: Sequence[Path], dest: Path) -> None:
    with av.open(str(clips[0])) as first:
        vfirst = first.streams.video[0]
        width, height = vfirst.codec_context.width, vfirst.codec_context.height
        rate = vfirst.average_rate or vfirst.guessed_rate or Fraction(24)
    with av.open(str(dest), mode="w", format="mp4", options={"movflags": "+faststart"}) as out:
        vout = out.add_stream("libx264", rate=rate, options={"preset": "veryfast"})
        vout.width, vout.height, vout.pix_fmt = width, height, "yuv420p"
        vout.bit_rate = VIDEO_BITRATE
        vout.codec_context.time_base = Fraction(1, 1) / Fraction(rate)
        aout = out.add_stream("aac", rate=AUDIO_RATE)
        aout.layout = "stereo"
        aout.bit_rate = 128_000
        resampler = av.AudioResampler(format="fltp", layout="stereo", rate=AUDIO_RATE)
        frame_index = 0
        sample_index = 0
        for clip in clips:
            start_frames = frame_index
            with av.open(str(clip)) as inp:
                vin = inp.streams.video[0]
                ain = inp.streams.audio[0] if inp.streams.audio else None
                streams: list[Any] = [vin] if ain is None else [vin, ain]
                for packet in inp.demux(streams):
                    for frame in _decode(packet):
                        if packet.stream is vin:
                            picture = frame.reformat(width=width, height=height, format="yuv420p")
                            picture.pts = frame_index
                            picture.time_base = vout.codec_context.time_base
                            frame_index += 1
                            out.mux(vout.encode(picture))
                        else:
                            for chunk in resampler.resample(frame):
                                chunk.pts = sample_index
                                chunk.time_base = Fraction(1, AUDIO_RATE)
                                sample_index += chunk.samples
                                out.mux(aout.encode(chunk))
            # Keep sound and picture aligned across the joint: pad a silent clip's share with nothing
            # (the player shows silence) by moving the audio clock to where the picture is.
            video_seconds = frame_index / float(rate)
            sample_index = max(sample_index, int(video_seconds * AUDIO_RATE))
            if frame_index == start_frames:
                raise MediaError(f"{clip.name} has no pictures to join.")
        out.mux(vout.encode(None))
        out.mux(aout.encode(None))


def _decode(packet: Any) -> list[Any]:
    try:
        return list(packet.decode())
    except av.InvalidDataError:
        return []
