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

import av
from PIL import Image

__all__ = ["make_big_png", "make_gif", "make_jpeg", "make_mp4", "make_png", "make_webp"]

_AUDIO_RATE = 48_000
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


def _tone(start_sample: int, samples: int) -> bytes:
    """One channel of a quiet 440 Hz sine, as float32 (AAC's native ``fltp`` input)."""
    step = 2 * math.pi * 440 / _AUDIO_RATE
    return array.array("f", (0.2 * math.sin(step * (start_sample + i)) for i in range(samples))).tobytes()


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
) -> bytes:
    """A browser-playable MP4: H.264 yuv420p video (+ AAC stereo audio unless ``audio=False``).

    ``noise=True`` fills every frame with random pixels, which H.264 cannot compress, so the file size
    follows ``bitrate`` (e.g. 8 s at 15 Mbit/s is about 14 MiB).
    """
    if width % 2 or height % 2:
        raise ValueError("yuv420p needs even width and height")
    # faststart (moov before mdat, so browsers can play while downloading) makes the muxer reopen its
    # output by name, which a BytesIO cannot do: write a temporary file and read it back.
    with tempfile.TemporaryDirectory(prefix="make_mp4_") as tmp:
        path = os.path.join(tmp, "clip.mp4")
        _encode_mp4(path, seconds, width, height, fps, audio, noise, bitrate)
        with open(path, "rb") as f:
            return f.read()


def _encode_mp4(
    path: str,
    seconds: float,
    width: int,
    height: int,
    fps: int,
    audio: bool,
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
        astream = None
        if audio:
            astream = container.add_stream("aac", rate=_AUDIO_RATE, layout="stereo")
            astream.bit_rate = 64_000

        total_frames = max(1, round(seconds * fps))
        total_samples = max(_AUDIO_FRAME, round(seconds * _AUDIO_RATE))
        sample_pos = 0
        for i in range(total_frames):
            frame = _video_frame(width, height, i, noise)
            frame.pts = i
            container.mux(vstream.encode(frame))
            # Interleave audio with video so the muxer never buffers a whole stream.
            if astream is not None:
                audio_until = min(total_samples, round((i + 1) / fps * _AUDIO_RATE))
                while sample_pos < audio_until:
                    n = min(_AUDIO_FRAME, total_samples - sample_pos)
                    plane = _tone(sample_pos, n)
                    aframe = av.AudioFrame(format="fltp", layout="stereo", samples=n)
                    for p in aframe.planes:
                        p.update(plane + bytes(p.buffer_size - len(plane)))
                    aframe.sample_rate = _AUDIO_RATE
                    aframe.pts = sample_pos
                    container.mux(astream.encode(aframe))
                    sample_pos += n
        container.mux(vstream.encode(None))
        if astream is not None:
            container.mux(astream.encode(None))


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
