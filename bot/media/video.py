"""Probes videos with PyAV, checks that a reference clip is usable (a video, 1-24 s long), takes a frame."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av
from PIL import Image

from bot.i18n import Msg
from bot.media.errors import MediaError, _name

__all__ = [
    "DURATION_TOLERANCE",
    "MAX_VIDEO_SECONDS",
    "MIN_VIDEO_SECONDS",
    "RECOMMENDED_VIDEO_SECONDS",
    "VideoInfo",
    "check_reference_video",
    "clip_frame",
    "probe_video",
    "video_duration",
]

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
        raise MediaError(Msg("media-not-a-video", name=name)) from exc


def _probe_open_container(container: Any, name: str | Msg) -> VideoInfo:
    demuxer = str(container.format.name)
    if not container.streams.video:
        if container.streams.audio:
            raise MediaError(Msg("media-only-sound", name=name))
        raise MediaError(Msg("media-not-a-video", name=name))
    stream = container.streams.video[0]
    codec = str(stream.codec_context.name)
    if demuxer in _IMAGE_DEMUXERS or demuxer.endswith("_pipe") or codec in _IMAGE_CODECS:
        raise MediaError(Msg("media-picture-not-video", name=name))
    width, height = int(stream.codec_context.width), int(stream.codec_context.height)
    if width <= 0 or height <= 0:
        raise MediaError(Msg("media-not-a-video", name=name))
    has_audio = bool(container.streams.audio)

    _decode_first_frame(container, stream, name)
    duration = _header_duration(container, stream)
    if duration is None:
        container.seek(0)
        duration = _demuxed_duration(container, stream)
    if duration is None or not math.isfinite(duration) or duration <= 0:
        raise MediaError(Msg("media-no-duration", name=name))
    return VideoInfo(
        duration=duration,
        width=width,
        height=height,
        has_audio=has_audio,
        video_codec=codec,
        container=demuxer,
    )


def _decode_first_frame(container: Any, stream: Any, name: str | Msg, max_packets: int = 300) -> None:
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
    raise MediaError(Msg("media-no-picture", name=name))


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


def _seconds(value: float, *, limit: float, above: bool) -> float:
    """``value`` to a tenth of a second, never rounded onto the allowed side of ``limit``."""
    shown = round(value, 1)
    if above and shown <= limit:
        shown = math.ceil(value * 10) / 10
    elif not above and shown >= limit:
        shown = math.floor(value * 10) / 10
    return shown


def check_reference_video(path: Path, filename: str) -> VideoInfo:
    """:func:`probe_video`, then the 1-24 s rule for reference clips (with a 0.05 s rounding allowance).

    Blocking: call it through ``asyncio.to_thread`` from async code.
    """
    info = probe_video(path, filename)
    name = _name(filename)
    rule = {"min": MIN_VIDEO_SECONDS, "max": MAX_VIDEO_SECONDS, "best": RECOMMENDED_VIDEO_SECONDS}
    if info.duration < MIN_VIDEO_SECONDS - DURATION_TOLERANCE:
        shown = _seconds(info.duration, limit=MIN_VIDEO_SECONDS, above=False)
        raise MediaError(Msg("media-clip-length", name=name, seconds=shown, **rule))
    if info.duration > MAX_VIDEO_SECONDS + DURATION_TOLERANCE:
        shown = _seconds(info.duration, limit=MAX_VIDEO_SECONDS, above=True)
        raise MediaError(Msg("media-clip-length", name=name, seconds=shown, **rule))
    return info


def video_duration(path: Path) -> float:
    """Length of the video at ``path`` in seconds (see :func:`probe_video`; blocking)."""
    return probe_video(path, path.name).duration


def clip_frame(path: Path, *, max_size: tuple[int, int] = (320, 320)) -> Image.Image | None:
    """A picture of the clip's last part (about a second before its end), shrunk to fit `max_size`.

    The kept copy of an extend is the whole joined clip, so its end shows the segment itself. None when the
    file is missing or unreadable. Blocking: call it through ``asyncio.to_thread`` from async code.
    """
    try:
        with av.open(str(path), mode="r") as container:
            if not container.streams.video:
                return None
            stream = container.streams.video[0]
            duration = _header_duration(container, stream) or 0.0
            target = max(0.0, duration - min(1.0, duration / 2))
            if target > 0 and stream.time_base is not None:
                container.seek(int(target / stream.time_base), stream=stream, backward=True)
            picture: Image.Image | None = None
            for frame in container.decode(stream):
                picture = frame.to_image()  # type: ignore[no-untyped-call]
                if frame.time is None or frame.time >= target:
                    break
    except _FFMPEG_ERRORS:
        return None
    if picture is not None:
        picture.thumbnail(max_size)
    return picture
