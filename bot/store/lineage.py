"""A clip's lineage: its ancestors up to the root clip, and the root's whole tree (both bounded).

A job's parent in the tree is the clip it was made from: `source_job_id` (remix, retry, extend) or, for
older rows without one, `parent_job_id` (extend).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.jobs import Job
from bot.store.db import locked
from bot.store.jobs import JobRows
from bot.store.rows import JOB_COLUMNS, row_to_job

MAX_DEPTH = 200  # ancestors followed at most (a guard against a corrupt cycle)
MAX_TREE = 500  # jobs of the root's tree read at most

_PARENT = "COALESCE(source_job_id, parent_job_id)"


def tree_parent(job: Job) -> int | None:
    """The clip `job` was made from (its parent in the storyboard), or None for a root."""
    return job.source_job_id if job.source_job_id is not None else job.parent_job_id


@dataclass(frozen=True)
class LineageTree:
    path: list[Job]  # from the root to the job asked about, in order
    tree: list[Job]  # the root's tree (the path included), by id; at most `MAX_TREE` jobs
    complete: bool  # False when the tree had more jobs than were read


class Lineage(JobRows):
    @locked
    async def lineage(self, job_id: int, *, max_tree: int = MAX_TREE) -> LineageTree | None:
        """The job's path from its root, and the root's tree; None when the job does not exist."""
        rows = await self._fetchall(
            "WITH RECURSIVE up(id, depth) AS (SELECT CAST(? AS BIGINT), 0 UNION ALL"
            f" SELECT {_PARENT}, up.depth + 1 FROM jobs JOIN up ON jobs.id = up.id"
            f" WHERE {_PARENT} IS NOT NULL AND up.depth < ?)"
            f" SELECT {JOB_COLUMNS} FROM jobs WHERE id IN (SELECT id FROM up)",
            (job_id, MAX_DEPTH),
        )
        found = {job.id: job for job in map(row_to_job, rows)}
        if job_id not in found:
            return None
        path: list[Job] = []
        current: int | None = job_id
        while current is not None and current in found and len(path) <= MAX_DEPTH:
            job = found.pop(current)
            path.append(job)
            current = tree_parent(job)
        path.reverse()
        root = path[0].id
        # The tree is bounded by depth and read up to `max_tree + 1` jobs (PostgreSQL evaluates the recursion
        # lazily under the LIMIT; it allows no LIMIT inside the recursive part).
        rows = await self._fetchall(
            "WITH RECURSIVE down(id, depth) AS (SELECT CAST(? AS BIGINT), 0 UNION ALL"
            f" SELECT jobs.id, down.depth + 1 FROM jobs JOIN down ON {_PARENT} = down.id"
            " WHERE down.depth < ?)"
            f" SELECT {JOB_COLUMNS} FROM jobs WHERE id IN (SELECT id FROM down LIMIT ?) ORDER BY id",
            (root, MAX_DEPTH, max_tree + 1),
        )
        tree = [row_to_job(r) for r in rows]
        complete = len(tree) <= max_tree
        tree = tree[:max_tree]
        ids = {job.id for job in tree}
        tree += [job for job in path if job.id not in ids]
        return LineageTree(path=path, tree=sorted(tree, key=lambda j: j.id), complete=complete)
