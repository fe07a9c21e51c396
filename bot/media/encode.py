"""Re-encodes a finished clip into an MP4 small enough for Discord to accept (fit_to_size)."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import av

from bot.media.video import probe_video

__all__ = ["AUDIO_BITRATE", "fit_to_size"]

AUDIO_BITRATE = 96_000
# Share of max_bytes kept free for the MP4 container itself and rate-control overshoot.
_HEADROOM = 0.05
_MIN_VIDEO_BITRATE = 64_000
# Bits per pixel per frame below which a smaller picture looks better than a blockier big one.
_MIN_BITS_PER_PIXEL = 0.04
_RUNGS = (1080, 720, 480, 360, 240)  # short side of the picture
_MAX_ATTEMPTS = 3
_AAC_RATES = frozenset({96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000})


@dataclass(frozen=True)
class _Source:
    duration: float
    width: int
    height: int
    fps: float
    has_audio: bool


def fit_to_size(src: Path, dest: Path, max_bytes: int) -> bool:
    """Re-encode the video ``src`` into ``dest`` as an MP4 of at most ``max_bytes``; False if impossible.

    The result keeps the duration and the sound (AAC, 96 kbps), is H.264 ``yuv420p`` with ``+faststart``
    so Discord plays it inline, and is scaled down (1080 → 720 → 480 → 360 → 240 lines on the short side)
    when the bitrate would be too low for the full picture. The video bitrate is computed from
    ``max_bytes`` and the duration with 5% headroom; if a pass still comes out too big, the next pass
    aims lower (and smaller), for at most three passes. When ``max_bytes`` is too small for even a tiny
    picture, it returns False at once without encoding anything.

    If ``src`` is already small enough, it is copied to ``dest`` unchanged. ``dest`` is only ever
    replaced atomically by a finished file: on False or an exception it is left untouched (no partial
    file). An unreadable ``src`` raises :class:`MediaError`.

    CPU-bound and blocking (an 8 s 720p clip takes a few seconds on two cores): call it through
    ``asyncio.to_thread`` from async code. Cancelling the awaiting task does not stop the thread: the
    work runs to completion in the background and still cleans up after itself.
    """
    if max_bytes <= 0:
        return False
    if src.stat().st_size <= max_bytes:
        _atomic_write(dest, lambda tmp: shutil.copyfile(src, tmp))
        return True
    source = _read_source(src)
    audio_bps = AUDIO_BITRATE if source.has_audio else 0
    budget_bits = max_bytes * 8 * (1 - _HEADROOM)
    video_bps = (budget_bits - audio_bps * source.duration) / source.duration

    for _attempt in range(_MAX_ATTEMPTS):
        if video_bps < _MIN_VIDEO_BITRATE:
            return False
        width, height = _pick_size(source, video_bps)
        fd, tmp_name = tempfile.mkstemp(prefix=".fit-", suffix=".mp4", dir=dest.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            _encode(src, tmp, width=width, height=height, video_bps=int(video_bps), audio_bps=audio_bps)
            size = tmp.stat().st_size
            if size <= max_bytes:
                os.replace(tmp, dest)
                return True
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        # Too big: the encoder overshot. Scale the video bitrate by how far it overshot, plus 10% margin
        # (the next _pick_size may then also choose a smaller picture).
        audio_bits = audio_bps * source.duration
        actual_video_bits = max(size * 8 - audio_bits, 1.0)
        wanted_video_bits = budget_bits - audio_bits
        video_bps = min(video_bps * wanted_video_bits / actual_video_bits, video_bps) * 0.9
    return False


def _atomic_write(dest: Path, write: Callable[[Path], object]) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=".fit-", suffix=dest.suffix, dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, dest)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _read_source(src: Path) -> _Source:
    info = probe_video(src, src.name)
    with av.open(str(src), mode="r") as container:
        stream = container.streams.video[0]
        rate = stream.average_rate or stream.guessed_rate or stream.base_rate
        fps = float(rate) if rate else 30.0
    if not 1.0 <= fps <= 240.0:
        fps = 30.0
    return _Source(
        duration=info.duration, width=info.width, height=info.height, fps=fps, has_audio=info.has_audio
    )


def _pick_size(source: _Source, video_bps: float) -> tuple[int, int]:
    """Largest picture (never upscaled) that still gets _MIN_BITS_PER_PIXEL, else the smallest rung."""
    short = min(source.width, source.height)
    candidates = [short] + [rung for rung in _RUNGS if rung < short]
    chosen = _scaled(source, candidates[-1])
    for rung in candidates:
        width, height = _scaled(source, rung)
        if video_bps / (width * height * source.fps) >= _MIN_BITS_PER_PIXEL:
            chosen = (width, height)
            break
    return chosen


def _scaled(source: _Source, short_side: int) -> tuple[int, int]:
    short = min(source.width, source.height)
    factor = short_side / short
    width = max(2, round(source.width * factor / 2) * 2)
    height = max(2, round(source.height * factor / 2) * 2)
    return width, height


def _encode(src: Path, dest: Path, *, width: int, height: int, video_bps: int, audio_bps: int) -> None:
    with (
        av.open(str(src), mode="r") as inp,
        av.open(str(dest), mode="w", format="mp4", options={"movflags": "+faststart"}) as out,
    ):
        vin = inp.streams.video[0]
        vin.thread_type = "AUTO"
        ain = inp.streams.audio[0] if (audio_bps and inp.streams.audio) else None

        rate = vin.average_rate or vin.guessed_rate or Fraction(30)
        vout = out.add_stream(
            "libx264",
            rate=rate,
            options={
                "preset": "veryfast",
                "maxrate": str(int(video_bps * 1.2)),
                "bufsize": str(int(video_bps * 2)),
            },
        )
        vout.width = width
        vout.height = height
        vout.pix_fmt = "yuv420p"
        vout.bit_rate = video_bps
        vout.codec_context.thread_count = 0  # one per core, decided by x264
        if vin.time_base is not None:
            vout.codec_context.time_base = vin.time_base

        aout = None
        if ain is not None:
            in_rate = int(ain.codec_context.sample_rate or 48000)
            channels = int(ain.codec_context.channels or 2)
            aout = out.add_stream("aac", rate=in_rate if in_rate in _AAC_RATES else 48000)
            aout.layout = "stereo" if channels >= 2 else "mono"
            aout.bit_rate = audio_bps

        streams = [vin] if ain is None else [vin, ain]
        # One frame's worth of ticks, for the rare decoder that returns a frame without a timestamp.
        step = max(1, round(1 / (rate * vin.time_base))) if vin.time_base else 1
        last_pts: int | None = None
        for packet in inp.demux(streams):
            if packet.stream is vin:
                for frame in _safe_decode(packet):
                    if frame.pts is None:
                        frame.pts = 0 if last_pts is None else last_pts + step
                    elif last_pts is not None and frame.pts <= last_pts:
                        continue  # x264 refuses non-increasing timestamps; drop the duplicate
                    last_pts = frame.pts
                    out.mux(vout.encode(frame))
            elif aout is not None:
                for frame in _safe_decode(packet):
                    out.mux(aout.encode(frame))
        out.mux(vout.encode(None))
        if aout is not None:
            out.mux(aout.encode(None))


def _safe_decode(packet: Any) -> list[Any]:
    try:
        return list(packet.decode())
    except av.InvalidDataError:
        return []  # one damaged packet shouldn't sink the whole clip
