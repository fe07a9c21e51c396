"""References in, clips out: image checks, video probe/encode/stitch, kept files and their janitor."""

from bot.media.encode import AUDIO_BITRATE, fit_to_size
from bot.media.errors import MediaError
from bot.media.images import MAX_IMAGE_BYTES, PreparedImage, prepare_image
from bot.media.video import (
    DURATION_TOLERANCE,
    MAX_VIDEO_SECONDS,
    MIN_VIDEO_SECONDS,
    RECOMMENDED_VIDEO_SECONDS,
    VideoInfo,
    check_reference_video,
    probe_video,
    video_duration,
)

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
