"""Check and convert the media users attach, and shrink finished clips so Discord accepts them.

Every function here is plain, synchronous and CPU-bound (Pillow decodes images, PyAV demuxes, decodes
and encodes video). None of them touches the event loop or shared mutable state, so they are safe to
run in worker threads, and async callers must do exactly that rather than call them on the loop::

    prepared = await asyncio.to_thread(media.prepare_image, data, attachment.filename)
    info = await asyncio.to_thread(media.check_reference_video, path, attachment.filename)
    fitted = await asyncio.to_thread(media.fit_to_size, src, dest, limit)

A thread started by ``asyncio.to_thread`` cannot be interrupted: cancelling the awaiting task leaves the
work running to completion in the background (``fit_to_size`` still cleans up after itself).

Problems with a user's file raise :class:`MediaError`, whose ``user_message`` is one sentence, naming the
file, that can be shown to the user as is.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path, PurePosixPath
from typing import Any

import av
from PIL import Image, ImageOps, UnidentifiedImageError

__all__ = [
    "AUDIO_BITRATE",
    "DURATION_TOLERANCE",
    "MAX_IMAGE_BYTES",
    "MAX_VIDEO_SECONDS",
    "MIN_VIDEO_SECONDS",
    "RECOMMENDED_VIDEO_SECONDS",
    "MediaError",
    "PreparedImage",
    "VideoInfo",
    "check_reference_video",
    "fit_to_size",
    "prepare_image",
    "probe_video",
    "video_duration",
]


class MediaError(Exception):
    """A problem with a user's file, carrying ONE clear sentence for the user (names the file)."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


_MIB = 1024 * 1024


def _megabytes(size: int) -> str:
    """Size in MB (MiB) with one decimal, rounded *up* so a refused file never reads as "20.0 MB"."""
    return f"{math.ceil(size * 10 / _MIB) / 10:.1f} MB"


def _name(filename: str) -> str:
    """The file's own name (no directories), or a stand-in when Discord gave none."""
    name = PurePosixPath(filename.replace("\\", "/")).name.strip()
    return name or "That file"


# --------------------------------------------------------------------------------------------- images

MAX_IMAGE_BYTES = 20 * 1024 * 1024

# Formats passed through byte for byte. Pillow calls a JPEG with a multi-picture (MPO) extension "MPO";
# it is still a JPEG every consumer can read.
_PASSTHROUGH = {"PNG": "image/png", "JPEG": "image/jpeg", "MPO": "image/jpeg"}
_PASSTHROUGH_SUFFIXES = {"image/png": (".png",), "image/jpeg": (".jpg", ".jpeg", ".jpe", ".jfif")}
# Pillow can only "decode" EPS by running Ghostscript on it: never do that with a stranger's file.
_REFUSED_FORMATS = frozenset({"EPS"})
_ACCEPTED_HINT = "attach a PNG, JPEG, WebP or GIF."


@dataclass(frozen=True)
class PreparedImage:
    data: bytes
    filename: str
    content_type: str  # "image/png" | "image/jpeg"


def _open_formats() -> list[str]:
    Image.init()
    return [fmt for fmt in Image.OPEN if fmt not in _REFUSED_FORMATS]


def _too_many_pixels(name: str) -> MediaError:
    limit = Image.MAX_IMAGE_PIXELS
    detail = ""
    if limit:
        detail = (
            f" (over {limit / 1_000_000:.0f} megapixels)" if limit >= 1_000_000 else f" (over {limit} pixels)"
        )
    return MediaError(f"{name} has too many pixels for me to open safely{detail}; attach a smaller image.")


def prepare_image(data: bytes, filename: str) -> PreparedImage:
    """Make an attached image ready to send on: JPEG/PNG unchanged, other still images as PNG.

    The decision is made from the bytes (Pillow identifies the file, ``verify()``s it and then really
    decodes every pixel), never from the extension or the content type Discord reports:

    * JPEG and PNG come back byte for byte unchanged (a JPEG named ``.png`` gets a ``.jpg`` name);
      because they are fully decoded first, a corrupt or truncated file is refused.
    * WebP and GIF are converted to PNG: the first frame of an animation, alpha kept, EXIF rotation
      applied, and the name's extension changed to ``.png``. So is any other *still-image* format Pillow
      decodes (BMP, TIFF, ICO, AVIF, ...) - except EPS, which would mean running Ghostscript.
    * Anything else - text, PDF, SVG (Pillow reads neither), HEIC, a renamed non-image, an image larger
      than 20 MB before or after conversion, or a decompression bomb - raises :class:`MediaError`.

    CPU-bound and blocking: call it through ``asyncio.to_thread`` from async code.
    """
    name = _name(filename)
    if len(data) > MAX_IMAGE_BYTES:
        raise MediaError(f"{name} is {_megabytes(len(data))}; images must be 20 MB or smaller.")
    not_an_image = MediaError(f"{name} is not an image I can use: {_ACCEPTED_HINT}")
    if not data:
        raise not_an_image
    formats = _open_formats()
    try:
        # verify() checks the structure (and PNG CRCs) but leaves the image unusable, hence a second open
        # that really decodes it. Pillow reports decompression bombs either as DecompressionBombError or,
        # between 1x and 2x MAX_IMAGE_PIXELS, as a warning; when warnings are errors that warning arrives
        # here as an exception, otherwise it is only printed and the explicit pixel check below refuses.
        with Image.open(io.BytesIO(data), formats=formats) as probe:
            probe.verify()
        with Image.open(io.BytesIO(data), formats=formats) as image:
            limit = Image.MAX_IMAGE_PIXELS
            if limit and image.width * image.height > limit:
                raise _too_many_pixels(name)
            image.load()
            return _prepared_from(image, data, name)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(name) from None
    except MediaError:
        raise
    except UnidentifiedImageError:
        raise not_an_image from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, KeyError) as exc:
        # Pillow raises a zoo of exception types for damaged files (SyntaxError for bad PNG chunks,
        # OSError for truncated data, ...); none of them is our bug, all of them mean "unusable file".
        raise MediaError(
            f"{name} looks damaged or incomplete, so I couldn't read it; try saving it again."
        ) from exc


def _prepared_from(image: Image.Image, data: bytes, name: str) -> PreparedImage:
    fmt = image.format or ""
    content_type = _PASSTHROUGH.get(fmt)
    if content_type is not None:
        suffix = PurePosixPath(name).suffix.lower()
        good = _PASSTHROUGH_SUFFIXES[content_type]
        out_name = name if suffix in good else _with_suffix(name, good[0])
        return PreparedImage(data=data, filename=out_name, content_type=content_type)

    # A freshly opened image sits on its first frame, so an animation (GIF, WebP) gives its first frame.
    frame = ImageOps.exif_transpose(image)
    has_alpha = frame.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in frame.info
    converted = frame.convert("RGBA" if has_alpha else "RGB")
    out = io.BytesIO()
    converted.save(out, format="PNG")
    png = out.getvalue()
    if len(png) > MAX_IMAGE_BYTES:
        raise MediaError(
            f"{name} is {_megabytes(len(png))} once converted to PNG; images must be 20 MB or smaller."
        )
    return PreparedImage(data=png, filename=_with_suffix(name, ".png"), content_type="image/png")


def _with_suffix(name: str, suffix: str) -> str:
    path = PurePosixPath(name)
    stem = path.stem if path.suffix else path.name
    return f"{stem or 'image'}{suffix}"


# --------------------------------------------------------------------------------------------- videos

MIN_VIDEO_SECONDS = 1.0
MAX_VIDEO_SECONDS = 24.0
RECOMMENDED_VIDEO_SECONDS = 3.0
# Containers round durations (a "24 s" clip often reads 24.02 s); this much slack is not worth refusing.
DURATION_TOLERANCE = 0.05

# Demuxers that read single pictures or animations: a PNG or a GIF "is" a video to FFmpeg, not to us.
_IMAGE_DEMUXERS = frozenset({"image2", "gif", "apng", "webp", "ico", "tiff"})
_IMAGE_CODECS = frozenset(
    {"png", "apng", "mjpeg", "jpegls", "gif", "webp", "bmp", "tiff", "ico", "svg", "pgm", "ppm", "jpeg2000"}
)
_VIDEO_HINT = "attach an MP4, MOV or WebM video."
_FFMPEG_ERRORS: tuple[type[BaseException], ...] = (av.FFmpegError, OSError, ValueError, EOFError)


@dataclass(frozen=True)
class VideoInfo:
    duration: float  # seconds
    width: int
    height: int
    has_audio: bool
    video_codec: str  # FFmpeg's codec name, e.g. "h264", "hevc", "vp9"
    container: str  # FFmpeg's demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "matroska,webm"


def probe_video(path: Path, filename: str) -> VideoInfo:
    """Read a video's duration, size, codec and whether it has sound, with PyAV.

    The duration comes from the container's header (or the video stream's) without decoding; when the
    file doesn't record one (e.g. WebM from a browser's MediaRecorder), the packets are demuxed for the
    last timestamp. The first video frame is decoded to make sure the stream isn't garbage. A file that
    isn't a video, has no video track, is a still image/animated picture, or is corrupt raises
    :class:`MediaError` naming ``filename``.

    Blocking: call it through ``asyncio.to_thread`` from async code.
    """
    name = _name(filename)
    try:
        with av.open(str(path), mode="r") as container:
            return _probe_open_container(container, name)
    except MediaError:
        raise
    except _FFMPEG_ERRORS as exc:
        raise MediaError(f"{name} is not a video I can read: {_VIDEO_HINT}") from exc


def _probe_open_container(container: Any, name: str) -> VideoInfo:
    demuxer = str(container.format.name)
    if not container.streams.video:
        if container.streams.audio:
            raise MediaError(f"{name} has no picture, only sound: {_VIDEO_HINT}")
        raise MediaError(f"{name} is not a video I can read: {_VIDEO_HINT}")
    stream = container.streams.video[0]
    codec = str(stream.codec_context.name)
    if demuxer in _IMAGE_DEMUXERS or demuxer.endswith("_pipe") or codec in _IMAGE_CODECS:
        raise MediaError(f"{name} is a picture, not a video: {_VIDEO_HINT}")
    width, height = int(stream.codec_context.width), int(stream.codec_context.height)
    if width <= 0 or height <= 0:
        raise MediaError(f"{name} is not a video I can read: {_VIDEO_HINT}")
    has_audio = bool(container.streams.audio)

    _decode_first_frame(container, stream, name)
    duration = _header_duration(container, stream)
    if duration is None:
        container.seek(0)
        duration = _demuxed_duration(container, stream)
    if duration is None or not math.isfinite(duration) or duration <= 0:
        raise MediaError(f"{name} is damaged: I couldn't tell how long it is.")
    return VideoInfo(
        duration=duration,
        width=width,
        height=height,
        has_audio=has_audio,
        video_codec=codec,
        container=demuxer,
    )


def _decode_first_frame(container: Any, stream: Any, name: str, max_packets: int = 300) -> None:
    for count, packet in enumerate(container.demux(stream)):
        if count >= max_packets:
            break
        try:
            if packet.decode():
                return
        except av.FFmpegError:
            continue  # a bad packet here and there is fine as long as a picture comes out
    try:
        if stream.codec_context.decode(None):  # flush: decoders with delay hold the first frame back
            return
    except av.FFmpegError:
        pass
    raise MediaError(f"{name} is damaged: I couldn't decode a single picture from it.")


def _header_duration(container: Any, stream: Any) -> float | None:
    if container.duration is not None and container.duration > 0:
        return float(container.duration) / av.time_base
    if stream.duration is not None and stream.duration > 0 and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    return None


def _demuxed_duration(container: Any, stream: Any) -> float | None:
    """Span of the video stream's timestamps, end of the last packet included."""
    first: int | None = None
    end: int | None = None
    time_base = stream.time_base
    if time_base is None:
        return None
    for packet in container.demux(stream):
        pts = packet.pts if packet.pts is not None else packet.dts
        if pts is None:
            continue
        first = pts if first is None else min(first, pts)
        stop = pts + max(int(packet.duration or 0), 0)
        end = stop if end is None else max(end, stop)
    if first is None or end is None:
        return None
    return float((end - first) * time_base)


def _seconds(value: float, *, limit: float, above: bool) -> str:
    """``value`` to a tenth of a second, never rounded onto the allowed side of ``limit``."""
    shown = round(value, 1)
    if above and shown <= limit:
        shown = math.ceil(value * 10) / 10
    elif not above and shown >= limit:
        shown = math.floor(value * 10) / 10
    return f"{shown:.1f} s"


def check_reference_video(path: Path, filename: str) -> VideoInfo:
    """:func:`probe_video`, then the 1-24 s rule for reference clips (with a 0.05 s rounding allowance).

    Blocking: call it through ``asyncio.to_thread`` from async code.
    """
    info = probe_video(path, filename)
    name = _name(filename)
    rule = (
        f"a reference video must be {MIN_VIDEO_SECONDS:g}–{MAX_VIDEO_SECONDS:g} s "
        f"({RECOMMENDED_VIDEO_SECONDS:g} s or less works best)."
    )
    if info.duration < MIN_VIDEO_SECONDS - DURATION_TOLERANCE:
        raise MediaError(
            f"{name} is {_seconds(info.duration, limit=MIN_VIDEO_SECONDS, above=False)} long; {rule}"
        )
    if info.duration > MAX_VIDEO_SECONDS + DURATION_TOLERANCE:
        raise MediaError(
            f"{name} is {_seconds(info.duration, limit=MAX_VIDEO_SECONDS, above=True)} long; {rule}"
        )
    return info


def video_duration(path: Path) -> float:
    """Length of the video at ``path`` in seconds (see :func:`probe_video`; blocking)."""
    return probe_video(path, path.name).duration


# ------------------------------------------------------------------------------------- fit to a size

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
    ``asyncio.to_thread`` from async code.
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
