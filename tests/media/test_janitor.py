"""Kept reference files: removed after their retention or over the cap, never while a job needs them."""

from __future__ import annotations

import os
import time
from pathlib import Path

from bot.jobs import JobKind, JobStatus, NewJob, Reference
from bot.media import janitor
from tests.stores import open_store


def _folder(data_dir: Path, name: str, size: int, age_days: float) -> Reference:
    folder = data_dir / "refs" / name
    folder.mkdir(parents=True)
    (folder / "image-0.png").write_bytes(b"x" * size)
    then = time.time() - age_days * 86400
    os.utime(folder, (then, then))
    return Reference(
        kind="image", path=f"refs/{name}/image-0.png", filename="a.png", content_type="image/png", size=size
    )


async def test_old_and_oversized_reference_folders_go_but_active_ones_stay(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = await open_store(data / "bot.sqlite3")
    try:
        old_active = _folder(data, "old-active", 1000, age_days=30)
        _folder(data, "old-idle", 1000, age_days=30)
        _folder(data, "new-big", 3 * 1024 * 1024, age_days=1)
        _folder(data, "new-small", 1000, age_days=0.5)
        await store.insert_job(
            NewJob(JobKind.VIDEO, 1, 2, 3, "u", "p", refs=[old_active])
        )  # an accepted job still needs its files
        result = await janitor.sweep(store, data, now=time.time(), retention_days=7, max_mb=2)
        left = sorted(p.name for p in (data / "refs").iterdir())
        assert left == ["new-small", "old-active"]
        assert result.removed_folders == 2
        job = await store.get(1)
        assert job is not None and job.status == JobStatus.ACCEPTED
    finally:
        await store.close()
