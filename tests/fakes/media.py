"""Real media files made in memory for tests: MP4 (H.264 + AAC) with PyAV, images with Pillow.

Every generator is cached on its arguments, so a test suite pays for each distinct file once.
Callers get immutable ``bytes``; never mutate a cached result in place.
"""

from __future__ import annotations

import array
import functools
import io
import math
import os
import tempfile
from dataclasses import dataclass, field
from fractions import Fraction
from typing import cast

import av
from av.audio.stream import AudioStream
from PIL import Image

__all__ = [
    "Mp4Facts",
    "inspect_mp4",
    "make_big_png",
    "make_gif",
    "make_jpeg",
    "make_mp4",
    "make_png",
    "make_webp",
]

_AUDIO_RATE = 48_000
_AUDIO_LAYOUT = "stereo"
_AUDIO_FORMAT = "fltp"  # AAC's native input
_AUDIO_FRAME = 1024  # AAC frame size


def _video_frame(width: int, height: int, index: int, noise: bool) -> av.VideoFrame:
    """A yuv420p frame: random pixels, or a flat colour that drifts with the index (visible motion)."""
    frame = av.VideoFrame(width, height, "yuv420p")
    levels = (40 + (index * 7) % 180, 90 + (index * 3) % 80, 170 - (index * 5) % 80)
    for plane, level in zip(frame.planes, levels, strict=True):
        # buffer_size includes any per-line padding; filling the padding too is harmless.
        size = plane.buffer_size
        plane.update(os.urandom(size) if noise else bytes([level]) * size)
    return frame


def _tone(start_sample: int, samples: int, rate: int = _AUDIO_RATE) -> bytes:
    """One channel of a quiet 440 Hz sine, as float32 (AAC's native ``fltp`` input)."""
    step = 2 * math.pi * 440 / rate
    return array.array("f", (0.2 * math.sin(step * (start_sample + i)) for i in range(samples))).tobytes()


def _tone_frame(start_sample: int, samples: int, rate: int, layout: str) -> av.AudioFrame:
    """The tone in every channel of ``layout``, as an ``fltp`` frame."""
    plane = _tone(start_sample, samples, rate)
    frame = av.AudioFrame(format="fltp", layout=layout, samples=samples)
    for p in frame.planes:
        p.update(plane + bytes(p.buffer_size - len(plane)))
    frame.sample_rate = rate
    return frame


@functools.lru_cache(maxsize=32)
def make_mp4(
    seconds: float = 1.0,
    *,
    width: int = 160,
    height: int = 90,
    fps: int = 24,
    audio: bool = True,
    noise: bool = False,
    bitrate: int | None = None,
    audio_rate: int = _AUDIO_RATE,
    audio_layout: str = _AUDIO_LAYOUT,
    audio_format: str = _AUDIO_FORMAT,
    audio_codec: str = "aac",
) -> bytes:
    """A browser-playable MP4: H.264 yuv420p video (+ AAC stereo audio unless ``audio=False``).

    ``noise=True`` fills every frame with random pixels, which H.264 cannot compress, so the file size
    follows ``bitrate`` (e.g. 8 s at 15 Mbit/s is about 14 MiB).

    The sound is a 440 Hz tone at ``audio_rate`` Hz in ``audio_layout`` ("mono", "stereo", ...), made as
    ``audio_format`` samples ("fltp", "s16", "s16p", "flt", ...) and handed to the ``audio_codec`` encoder
    in that format (it converts to what it stores). A decoder gives back the codec's own format, whatever
    went in: AAC always decodes to ``fltp``; ``audio_codec="flac"`` (also valid in MP4) decodes to ``s16``.
    """
    if width % 2 or height % 2:
        raise ValueError("yuv420p needs even width and height")
    # faststart (moov before mdat, so browsers can play while downloading) makes the muxer reopen its
    # output by name, which a BytesIO cannot do: write a temporary file and read it back.
    with tempfile.TemporaryDirectory(prefix="make_mp4_") as tmp:
        path = os.path.join(tmp, "clip.mp4")
        sound = _Sound(audio_rate, audio_layout, audio_format, audio_codec) if audio else None
        _encode_mp4(path, seconds, width, height, fps, sound, noise, bitrate)
        with open(path, "rb") as f:
            return f.read()


def _encode_mp4(
    path: str,
    seconds: float,
    width: int,
    height: int,
    fps: int,
    sound: _Sound | None,
    noise: bool,
    bitrate: int | None,
) -> None:
    with av.open(path, mode="w", format="mp4", options={"movflags": "+faststart"}) as container:
        vstream = container.add_stream("libx264", rate=fps)
        vstream.width = width
        vstream.height = height
        vstream.pix_fmt = "yuv420p"
        options = {"preset": "ultrafast"}
        if bitrate is not None:
            vstream.bit_rate = bitrate
            options.update(maxrate=str(bitrate), bufsize=str(bitrate))
        vstream.codec_context.options = options
        astream: AudioStream | None = None
        resampler = None
        rate = sound.rate if sound is not None else _AUDIO_RATE
        if sound is not None:
            astream = cast("AudioStream", container.add_stream(sound.codec, rate=rate, layout=sound.layout))
            if sound.codec == "aac":
                astream.bit_rate = 64_000
            if sound.format != "fltp":
                resampler = av.AudioResampler(format=sound.format, layout=sound.layout, rate=rate)

        total_frames = max(1, round(seconds * fps))
        total_samples = max(_AUDIO_FRAME, round(seconds * rate))
        sample_pos = 0
        for i in range(total_frames):
            frame = _video_frame(width, height, i, noise)
            frame.pts = i
            container.mux(vstream.encode(frame))
            # Interleave audio with video so the muxer never buffers a whole stream.
            if astream is not None:
                audio_until = min(total_samples, round((i + 1) / fps * rate))
                while sample_pos < audio_until:
                    n = min(_AUDIO_FRAME, total_samples - sample_pos)
                    assert sound is not None
                    aframe = _tone_frame(sample_pos, n, rate, sound.layout)
                    aframe.pts = sample_pos
                    aframe.time_base = Fraction(1, rate)
                    for converted in resampler.resample(aframe) if resampler is not None else [aframe]:
                        container.mux(astream.encode(converted))
                    sample_pos += n
        container.mux(vstream.encode(None))
        if astream is not None:
            if resampler is not None:
                for converted in resampler.resample(None):
                    container.mux(astream.encode(converted))
            container.mux(astream.encode(None))


@dataclass(frozen=True)
class _Sound:
    rate: int
    layout: str
    format: str
    codec: str


@dataclass(frozen=True)
class Mp4Facts:
    """What decoding a whole video file shows (see :func:`inspect_mp4`)."""

    duration: float  # seconds, as the container states it
    width: int
    height: int
    video_frames: int  # pictures decoded
    video_seconds: float  # from the first picture to the end of the last one
    audio_seconds: float  # decoded samples / sample rate; 0.0 without a sound track
    audio_rate: int | None  # as decoded
    audio_layout: str | None
    audio_format: str | None
    sound: array.array[float] = field(repr=False)  # the sound mixed to mono, at audio_rate

    @property
    def has_audio(self) -> bool:
        return self.audio_rate is not None

    def loudness(self, start: float, end: float) -> float:
        """Root mean square of the sound between ``start`` and ``end`` seconds (0.0 for silence)."""
        assert self.audio_rate is not None, "no sound track"
        chunk = self.sound[round(start * self.audio_rate) : round(end * self.audio_rate)]
        return math.sqrt(sum(x * x for x in chunk) / len(chunk)) if chunk else 0.0


def inspect_mp4(data: bytes) -> Mp4Facts:
    """Decode every picture and every sound frame of ``data`` (a decoding error raises) and report."""
    with av.open(io.BytesIO(data), mode="r") as container:
        assert container.streams.video, "no video track"
        vstream = container.streams.video[0]
        duration = (container.duration or 0) / 1_000_000
        frames, first, end = 0, None, 0.0
        step = 1 / float(vstream.average_rate or 24)
        for frame in container.decode(video=0):
            frames += 1
            at = float(frame.pts * frame.time_base) if frame.pts is not None and frame.time_base else 0.0
            first = at if first is None else min(first, at)
            length = float(frame.duration * frame.time_base) if frame.duration and frame.time_base else step
            end = max(end, at + length)
        width, height = vstream.codec_context.width, vstream.codec_context.height
    sound: array.array[float] = array.array("f")
    rate = layout = fmt = None
    with av.open(io.BytesIO(data), mode="r") as container:
        if container.streams.audio:
            resampler = None
            for aframe in container.decode(audio=0):
                if resampler is None:
                    rate, layout, fmt = aframe.sample_rate, aframe.layout.name, aframe.format.name
                    resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
                for mono in resampler.resample(aframe):
                    sound.frombytes(bytes(mono.planes[0])[: mono.samples * 4])
            if resampler is not None:
                for mono in resampler.resample(None):
                    sound.frombytes(bytes(mono.planes[0])[: mono.samples * 4])
    return Mp4Facts(
        duration=duration,
        width=width,
        height=height,
        video_frames=frames,
        video_seconds=end - (first or 0.0),
        audio_seconds=len(sound) / rate if rate else 0.0,
        audio_rate=rate,
        audio_layout=layout,
        audio_format=fmt,
        sound=sound,
    )


def _image(width: int, height: int, color: tuple[int, int, int]) -> Image.Image:
    img = Image.new("RGB", (width, height), color)
    # A contrasting corner square, so the picture is not a single flat colour.
    img.paste(tuple(255 - c for c in color), (0, 0, max(1, width // 4), max(1, height // 4)))
    return img


def _save(img: Image.Image, fmt: str, **params: object) -> bytes:
    out = io.BytesIO()
    img.save(out, format=fmt, **params)
    return out.getvalue()


@functools.lru_cache(maxsize=64)
def make_png(width: int = 64, height: int = 64, color: tuple[int, int, int] = (200, 50, 50)) -> bytes:
    return _save(_image(width, height, tuple(color)), "PNG")


@functools.lru_cache(maxsize=64)
def make_jpeg(width: int = 64, height: int = 64, color: tuple[int, int, int] = (50, 120, 200)) -> bytes:
    return _save(_image(width, height, tuple(color)), "JPEG", quality=85)


@functools.lru_cache(maxsize=64)
def make_webp(width: int = 64, height: int = 64, color: tuple[int, int, int] = (50, 200, 90)) -> bytes:
    return _save(_image(width, height, tuple(color)), "WEBP", quality=80)


@functools.lru_cache(maxsize=64)
def make_gif(
    frames: int = 3, width: int = 64, height: int = 64, color: tuple[int, int, int] = (220, 200, 40)
) -> bytes:
    """An animated GIF: each frame shifts the colour, looping forever."""
    imgs = [
        _image(width, height, ((color[0] + 40 * i) % 256, (color[1] + 70 * i) % 256, color[2]))
        for i in range(max(1, frames))
    ]
    return _save(imgs[0], "GIF", save_all=True, append_images=imgs[1:], duration=100, loop=0)


@functools.lru_cache(maxsize=8)
def make_big_png(min_bytes: int) -> bytes:
    """A valid PNG larger than ``min_bytes``: random RGB pixels, which zlib cannot shrink."""
    side = max(8, math.isqrt(min_bytes // 3) + 16)
    while True:
        img = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
        data = _save(img, "PNG", compress_level=1)
        if len(data) > min_bytes:
            return data
        side += max(16, side // 20)
