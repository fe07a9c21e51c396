"""The full cut of a branch: one clip from the root to a segment, joined from the path's kept clips.

Each segment on the path adds its own part. A continuation (an extend, or a retry/remix of one) was kept
whole: its clip is its continued clip followed by the new part. So when the piece just before it is the
clip it continues, its kept clip replaces that piece (it already holds it); otherwise (a remix of an
extend continues the extend's parent, not the extend) only its new part is joined, the continued clip's
length skipped at its start. A clip that was kept as the new part alone (its parent was gone at delivery)
is joined whole.

Plain, synchronous, CPU-bound code (PyAV): call it through ``asyncio.to_thread``.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.jobs import Job
from bot.media import stitch, video_duration
from bot.media.kept import kept_clip_path


class PartGone(Exception):
    """A segment's kept clip is no longer on disk (`job_id` names it)."""

    def __init__(self, job_id: int) -> None:
        super().__init__(f"the clip of job #{job_id} is no longer kept")
        self.job_id = job_id


@dataclass(frozen=True)
class Piece:
    job_id: int  # the last segment this piece shows
    path: Path
    skip: float  # seconds left out at its start (shown by an earlier piece)


def continued(job: Job) -> int | None:
    """The job whose clip `job` continues (extend, or a retry/remix of one), or None."""
    return job.parent_job_id if job.parent_task_id else None


def plan(data_dir: Path, path: Sequence[Job]) -> list[Piece]:
    """The pieces that make the cut of `path` (root first), each part once. Raises PartGone."""
    pieces: list[Piece] = []
    for job in path:
        kept = kept_clip_path(data_dir, job.id)
        if not kept.is_file():
            raise PartGone(job.id)
        parent_id = continued(job)
        parent = kept_clip_path(data_dir, parent_id) if parent_id is not None else None
        if parent is None or not parent.is_file() or stitch.needs_stitch(parent, kept):
            pieces.append(Piece(job.id, kept, 0.0))  # a clip of its own (or kept as its new part alone)
        elif pieces and pieces[-1].job_id == parent_id:
            pieces[-1] = Piece(job.id, kept, pieces[-1].skip)  # holds the previous piece, then its part
        else:
            pieces.append(Piece(job.id, kept, video_duration(parent)))  # only its new part
    return pieces


def make(data_dir: Path, path: Sequence[Job], dest: Path) -> Path:
    """Write the cut of `path` to `dest` and return it. Raises PartGone or MediaError."""
    pieces = plan(data_dir, path)
    if len(pieces) == 1 and pieces[0].skip == 0:
        shutil.copyfile(pieces[0].path, dest)
    else:
        stitch.concat([p.path for p in pieces], dest, skips=[p.skip for p in pieces])
    return dest
