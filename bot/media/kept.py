"""Where a job's clip lives on disk: the work file while delivering, and the kept copy afterwards.

The kept copy (the whole clip as posted) is what an extend is joined after, and what a delivery interrupted
by a crash reuses — also once the provider's link has expired.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path


def clip_path(data_dir: Path, job_id: int) -> Path:
    """The clip as downloaded from the video service (work file, removed once delivered)."""
    return data_dir / "clips" / f"{job_id}.mp4"


def kept_clip_path(data_dir: Path, job_id: int) -> Path:
    """The whole clip as posted, kept while it can still be extended (the janitor removes it later)."""
    return data_dir / "clips" / "kept" / f"{job_id}.mp4"


def work_files(data_dir: Path, job_id: int) -> list[Path]:
    base = clip_path(data_dir, job_id)
    return [
        base,
        base.with_suffix(".joined.mp4"),
        base.with_suffix(".fit.mp4"),
        base.with_suffix(".joined.fit.mp4"),
    ]


async def remove_work_files(data_dir: Path, job_id: int) -> None:
    """Called only once DELIVERED is stored: until then a retry (or a restart) needs them."""
    for path in work_files(data_dir, job_id):
        with contextlib.suppress(FileNotFoundError):
            await asyncio.to_thread(path.unlink)
