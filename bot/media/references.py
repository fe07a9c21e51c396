"""Discord attachments → reference files the API accepts: download, check, convert, keep on disk.

Attachment URLs are signed and expire, so every file is downloaded while the command is handled and
kept beside the database; the API gets an upload URL (images) or a fetchable URL (the video) at submit
time. Nothing here talks to the video API, so a refused file never costs anything.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, urlsplit

import aiohttp

from bot import media
from bot.i18n import Msg
from bot.jobs import Reference

log = logging.getLogger("bot.media.references")

MAX_IMAGES = 16
MAX_VIDEOS = 1
# Discord's own upload cap for the largest boost tier; a reference video above it cannot exist anyway.
MAX_VIDEO_BYTES = 100 * 1024 * 1024
_CHUNK = 256 * 1024


class AttachmentLike(Protocol):
    """What we need of a discord.Attachment (kept structural so this module stays Discord-free)."""

    @property
    def filename(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def url(self) -> str: ...


class ReferenceError(Exception):
    """A reference the user gave cannot be used: `sentence` is one clear sentence (its English text in
    `user_message`, for logs)."""

    def __init__(self, sentence: Msg) -> None:
        self.sentence = sentence
        self.user_message = sentence.render()
        super().__init__(self.user_message)


@dataclass(frozen=True)
class Collected:
    refs: list[Reference]
    folder: Path  # absolute; remove it when the job is not created


def check_counts(images: int, videos: int, *, extending: bool = False) -> None:
    if images > MAX_IMAGES:
        raise ReferenceError(Msg("refs-too-many-images", count=images, limit=MAX_IMAGES))
    if videos > MAX_VIDEOS:
        raise ReferenceError(Msg("refs-too-many-videos", count=videos))
    if videos and extending:
        raise ReferenceError(Msg("refs-video-with-extend"))


def url_expiry(url: str) -> float | None:
    """The expiry of a signed Discord CDN URL (the hex `ex` parameter), if it has one."""
    try:
        ex = parse_qs(urlsplit(url).query).get("ex")
        return float(int(ex[0], 16)) if ex else None
    except ValueError:
        return None


def _mb(size: int) -> Msg:
    return Msg("size-mb", mb=round(size / (1024 * 1024), 1))


async def _download(session: aiohttp.ClientSession, att: AttachmentLike, dest: Path, cap: int) -> int:
    """Stream one attachment to `dest`; refuses (with a sentence) expired links and oversized files."""
    try:
        async with session.get(att.url, timeout=aiohttp.ClientTimeout(total=120)) as resp:
            if resp.status in (403, 404, 410):
                raise ReferenceError(Msg("refs-link-expired", filename=att.filename))
            if resp.status != 200:
                log.warning("attachment download answered HTTP %s", resp.status)
                raise ReferenceError(Msg("refs-download-failed", filename=att.filename))
            written = 0
            with dest.open("wb") as out:
                async for chunk in resp.content.iter_chunked(_CHUNK):
                    written += len(chunk)
                    if written > cap:
                        raise ReferenceError(Msg("refs-larger-than", filename=att.filename, size=_mb(cap)))
                    out.write(chunk)
            return written
    except (aiohttp.ClientError, TimeoutError) as exc:
        log.warning("attachment download failed: %s", type(exc).__name__)
        raise ReferenceError(Msg("refs-download-failed", filename=att.filename)) from exc


async def collect(
    session: aiohttp.ClientSession,
    *,
    images: Sequence[AttachmentLike],
    videos: Sequence[AttachmentLike],
    data_dir: Path,
    extending: bool = False,
) -> Collected:
    """Download and check every reference; returns kept files, or raises ReferenceError (nothing kept)."""
    check_counts(len(images), len(videos), extending=extending)
    for att in images:
        if att.size > media.MAX_IMAGE_BYTES:
            raise ReferenceError(Msg("media-image-too-large", name=att.filename, size=_mb(att.size)))
    for att in videos:
        if att.size > MAX_VIDEO_BYTES:
            raise ReferenceError(Msg("refs-clip-too-large", filename=att.filename, size=_mb(att.size)))
    rel_folder = Path("refs") / uuid.uuid4().hex
    folder = data_dir / rel_folder
    folder.mkdir(parents=True, exist_ok=True)
    try:
        refs = await asyncio.gather(
            *(_image(session, att, i, folder, rel_folder) for i, att in enumerate(images)),
            *(_video(session, att, i, folder, rel_folder) for i, att in enumerate(videos)),
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Collected(refs=list(refs), folder=folder)


async def _image(
    session: aiohttp.ClientSession, att: AttachmentLike, index: int, folder: Path, rel: Path
) -> Reference:
    raw_path = folder / f"raw-image-{index}"
    await _download(session, att, raw_path, media.MAX_IMAGE_BYTES)
    data = await asyncio.to_thread(raw_path.read_bytes)
    raw_path.unlink()
    try:
        prepared = await asyncio.to_thread(media.prepare_image, data, att.filename)
    except media.MediaError as exc:
        raise ReferenceError(exc.sentence) from exc
    name = f"image-{index}{Path(prepared.filename).suffix or '.png'}"
    await asyncio.to_thread((folder / name).write_bytes, prepared.data)
    return Reference(
        kind="image",
        path=str(rel / name),
        filename=prepared.filename,
        content_type=prepared.content_type,
        size=len(prepared.data),
    )


async def _video(
    session: aiohttp.ClientSession, att: AttachmentLike, index: int, folder: Path, rel: Path
) -> Reference:
    name = f"video-{index}{Path(att.filename).suffix.lower() or '.mp4'}"
    path = folder / name
    size = await _download(session, att, path, MAX_VIDEO_BYTES)
    try:
        info = await asyncio.to_thread(media.check_reference_video, path, att.filename)
    except media.MediaError as exc:
        raise ReferenceError(exc.sentence) from exc
    # The API fetches the clip at submit time, which follows within seconds: Discord's signed URL serves.
    expires = url_expiry(att.url) or time.time() + 3600
    return Reference(
        kind="video",
        path=str(rel / name),
        filename=att.filename,
        content_type=_video_type(att.filename, info.container),
        size=size,
        url=att.url,
        url_expires_at=expires,
    )


def _video_type(filename: str, container: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix == ".mov":
        return "video/quicktime"
    if "webm" in container or suffix == ".webm":
        return "video/webm"
    return "video/mp4"


def remove_folder(data_dir: Path, refs: Sequence[Reference]) -> None:
    """Delete the kept files of refs (used when a job is never created)."""
    folders = {(data_dir / r.path).parent for r in refs}
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
