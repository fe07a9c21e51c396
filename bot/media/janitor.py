"""Keeps the data folder in bounds: reference files past their retention or over the size cap, stale clips.

Delivered clips are kept while they can still be extended (an extend is joined after its parent's clip).
Reference files are kept so Retry and Remix still work after Discord's and the API's links expire; they go
once they are older than the retention setting, oldest first when the folder grows past its cap, and never
while a job that needs them is still in progress.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from bot.jobs import JobStatus
from bot.store import Store

log = logging.getLogger("bot.media.janitor")

S = JobStatus
IN_USE = (S.ACCEPTED, S.SUBMITTING, S.SUBMITTED, S.RUNNING, S.COMPLETED, S.DELIVERING)
CLIP_MAX_AGE = 24 * 3600.0


@dataclass(frozen=True)
class Sweep:
    removed_folders: int
    removed_bytes: int
    kept_bytes: int


def _folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def _sweep_files(
    data_dir: Path,
    in_use: set[str],
    *,
    now: float,
    retention_seconds: float,
    max_bytes: int,
    kept_clip_seconds: float,
) -> Sweep:
    refs = data_dir / "refs"
    folders = []
    if refs.is_dir():
        for folder in refs.iterdir():
            if folder.is_dir():
                folders.append((folder.stat().st_mtime, folder, _folder_size(folder)))
    folders.sort()  # oldest first
    total = sum(size for _, _, size in folders)
    removed = removed_bytes = 0
    for mtime, folder, size in folders:
        rel = str(folder.relative_to(data_dir))
        if rel in in_use:
            continue
        if now - mtime > retention_seconds or total > max_bytes:
            shutil.rmtree(folder, ignore_errors=True)
            total -= size
            removed += 1
            removed_bytes += size
    clips = data_dir / "clips"
    # clips/cuts: full cuts left behind by a crash (each is removed once sent).
    clip_folders = (
        (clips, CLIP_MAX_AGE),
        (clips / "kept", kept_clip_seconds),
        (clips / "cuts", CLIP_MAX_AGE),
    )
    for folder, max_age in clip_folders:
        if folder.is_dir():
            for clip in folder.iterdir():
                if clip.is_file() and now - clip.stat().st_mtime > max_age:
                    clip.unlink(missing_ok=True)
    return Sweep(removed_folders=removed, removed_bytes=removed_bytes, kept_bytes=total)


async def sweep(
    store: Store,
    data_dir: Path,
    *,
    now: float,
    retention_days: float,
    max_mb: float,
    kept_clip_hours: float = 24.0,
) -> Sweep:
    """One pass over the data folder (file work runs in a thread)."""
    in_use = {str(Path(ref.path).parent) for job in await store.jobs_with_status(IN_USE) for ref in job.refs}
    result = await asyncio.to_thread(
        _sweep_files,
        data_dir,
        in_use,
        now=now,
        retention_seconds=retention_days * 86400,
        max_bytes=int(max_mb * 1024 * 1024),
        kept_clip_seconds=kept_clip_hours * 3600,
    )
    if result.removed_folders:
        log.info(
            "removed %d reference folders (%.1f MB); %.1f MB kept",
            result.removed_folders, result.removed_bytes / 1e6, result.kept_bytes / 1e6,
        )  # fmt: skip
    return result
