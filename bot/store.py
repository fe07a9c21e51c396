"""The job store: aiosqlite in WAL mode, numbered migrations, typed rows, conditional transitions.

All SQL lives here. Every status change is `UPDATE … WHERE id = ? AND status = ?`, so two workers (or a
restart racing a late callback) can never move a job twice.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Callable, Collection, Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

from bot.jobs import Job, JobKind, JobStatus, NewJob, check_transition, dump_refs, load_refs

log = logging.getLogger("bot.store")

Clock = Callable[[], float]

_JOB_COLUMNS = (
    "id, status, kind, guild_id, channel_id, user_id, user_name, prompt, aspect_ratio, refs, "
    "parent_job_id, parent_task_id, task_id, card_message_id, ping_message_id, created_at, updated_at, "
    "submitted_at, finished_at, next_poll_at, deadline_at, attempts, polls, progress, estimated_time, "
    "progress_log, video_url, video_expires_at, delivered_as, credits_cost, error, last_error, announced"
)
# Columns a caller may set through transition()/update(); anything else is a programming error.
_WRITABLE = frozenset(_JOB_COLUMNS.replace(" ", "").split(",")) - {"id", "status", "created_at"}


def _migrations() -> list[tuple[int, str]]:
    found = []
    for entry in resources.files("bot.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _row_to_job(row: sqlite3.Row) -> Job:
    return Job(
        id=row["id"],
        status=JobStatus(row["status"]),
        kind=JobKind(row["kind"]),
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        user_id=row["user_id"],
        user_name=row["user_name"],
        prompt=row["prompt"],
        aspect_ratio=row["aspect_ratio"],
        refs=load_refs(row["refs"]),
        parent_job_id=row["parent_job_id"],
        parent_task_id=row["parent_task_id"],
        task_id=row["task_id"],
        card_message_id=row["card_message_id"],
        ping_message_id=row["ping_message_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        submitted_at=row["submitted_at"],
        finished_at=row["finished_at"],
        next_poll_at=row["next_poll_at"],
        deadline_at=row["deadline_at"],
        attempts=row["attempts"],
        polls=row["polls"],
        progress=row["progress"],
        estimated_time=row["estimated_time"],
        progress_log=[(float(t), int(p)) for t, p in json.loads(row["progress_log"] or "[]")],
        video_url=row["video_url"],
        video_expires_at=row["video_expires_at"],
        delivered_as=row["delivered_as"],
        credits_cost=row["credits_cost"],
        error=row["error"],
        last_error=row["last_error"],
        announced=bool(row["announced"]),
    )


def _encode(column: str, value: Any) -> Any:
    if column == "refs":
        return dump_refs(value)
    if column == "progress_log":
        return json.dumps([[t, p] for t, p in value])
    if column == "announced":
        return int(bool(value))
    return value


class Store:
    """Repository over one SQLite file. Use `await Store.open(path)`; close with `await store.close()`."""

    def __init__(self, conn: aiosqlite.Connection, clock: Clock = time.time) -> None:
        self._conn = conn
        self._clock = clock

    @classmethod
    async def open(cls, path: Path, *, clock: Clock = time.time) -> Store:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = await aiosqlite.connect(path, isolation_level=None)
        try:
            conn.row_factory = sqlite3.Row
            await conn.execute("PRAGMA journal_mode=WAL")
            await conn.execute("PRAGMA synchronous=NORMAL")
            await conn.execute("PRAGMA foreign_keys=ON")
            await conn.execute("PRAGMA busy_timeout=5000")
            store = cls(conn, clock)
            await store._migrate()
        except BaseException:
            await conn.close()
            raise
        return store

    async def close(self) -> None:
        await self._conn.close()

    async def _migrate(self) -> None:
        async with self._conn.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        current = int(row[0]) if row else 0
        for number, sql in _migrations():
            if number <= current:
                continue
            # One transaction per migration, including the version bump: a crash leaves it unapplied.
            statements = [s.strip() for s in sql.split(";") if s.strip()]
            await self._conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in statements:
                    await self._conn.execute(statement)
                await self._conn.execute(f"PRAGMA user_version = {number:d}")
                await self._conn.execute("COMMIT")
            except BaseException:
                await self._conn.execute("ROLLBACK")
                raise
            log.info("applied migration %04d", number)

    # ---- jobs -------------------------------------------------------------------------------------

    async def insert_job(self, new: NewJob, *, next_poll_at: float | None = None) -> Job:
        now = self._clock()
        cur = await self._conn.execute(
            "INSERT INTO jobs (status, kind, guild_id, channel_id, user_id, user_name, prompt, aspect_ratio,"
            " refs, parent_job_id, parent_task_id, created_at, updated_at, next_poll_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                JobStatus.ACCEPTED,
                new.kind,
                new.guild_id,
                new.channel_id,
                new.user_id,
                new.user_name,
                new.prompt,
                new.aspect_ratio,
                dump_refs(new.refs),
                new.parent_job_id,
                new.parent_task_id,
                now,
                now,
                next_poll_at,
            ),
        )
        job_id = cur.lastrowid
        await cur.close()
        assert job_id is not None
        job = await self.get(job_id)
        assert job is not None
        return job

    async def get(self, job_id: int) -> Job | None:
        async with self._conn.execute(f"SELECT {_JOB_COLUMNS} FROM jobs WHERE id = ?", (job_id,)) as cur:
            row = await cur.fetchone()
        return _row_to_job(row) if row else None

    async def get_by_task(self, task_id: str) -> Job | None:
        async with self._conn.execute(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE task_id = ?", (task_id,)
        ) as cur:
            row = await cur.fetchone()
        return _row_to_job(row) if row else None

    async def transition(
        self, job_id: int, old: JobStatus | Collection[JobStatus], new: JobStatus, **fields: Any
    ) -> Job | None:
        """Move a job from `old` to `new` (and set `fields`) only if it is still in `old`.

        Returns the updated job, or None when another worker got there first.
        """
        olds = [old] if isinstance(old, JobStatus) else list(old)
        for o in olds:
            check_transition(o, new)
        fields["status"] = new
        return await self._update(job_id, olds, fields)

    async def update(
        self, job_id: int, expect: JobStatus | Collection[JobStatus], **fields: Any
    ) -> Job | None:
        """Set fields on a job that is still in one of the `expect` statuses; None if it moved on."""
        olds = [expect] if isinstance(expect, JobStatus) else list(expect)
        return await self._update(job_id, olds, fields)

    async def _update(self, job_id: int, olds: list[JobStatus], fields: dict[str, Any]) -> Job | None:
        unknown = set(fields) - _WRITABLE - {"status"}
        if unknown:
            raise ValueError(f"not writable: {sorted(unknown)}")
        fields["updated_at"] = self._clock()
        sets = ", ".join(f"{name} = ?" for name in fields)
        marks = ", ".join("?" for _ in olds)
        params = [_encode(k, v) for k, v in fields.items()]
        cur = await self._conn.execute(
            f"UPDATE jobs SET {sets} WHERE id = ? AND status IN ({marks})", (*params, job_id, *olds)
        )
        changed = cur.rowcount
        await cur.close()
        if changed != 1:
            return None
        return await self.get(job_id)

    async def due_jobs(self, now: float, limit: int, exclude: Iterable[int] = ()) -> list[Job]:
        excluded = list(exclude)
        marks = ", ".join("?" for _ in excluded)
        skip = f" AND id NOT IN ({marks})" if excluded else ""
        async with self._conn.execute(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE next_poll_at IS NOT NULL AND next_poll_at <= ?{skip}"
            " ORDER BY next_poll_at, id LIMIT ?",
            (now, *excluded, limit),
        ) as cur:
            rows = await cur.fetchall()
        return [_row_to_job(r) for r in rows]

    async def next_due_at(self, exclude: Iterable[int] = ()) -> float | None:
        excluded = list(exclude)
        marks = ", ".join("?" for _ in excluded)
        skip = f" AND id NOT IN ({marks})" if excluded else ""
        async with self._conn.execute(
            f"SELECT MIN(next_poll_at) FROM jobs WHERE next_poll_at IS NOT NULL{skip}", excluded
        ) as cur:
            row = await cur.fetchone()
        return float(row[0]) if row and row[0] is not None else None

    async def jobs_with_status(self, statuses: Collection[JobStatus]) -> list[Job]:
        marks = ", ".join("?" for _ in statuses)
        async with self._conn.execute(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE status IN ({marks}) ORDER BY id", list(statuses)
        ) as cur:
            rows = await cur.fetchall()
        return [_row_to_job(r) for r in rows]

    async def recent_durations(self, limit: int = 50) -> list[float]:
        """Actual submit-to-finish times of the latest finished jobs (for the poll planner's prior)."""
        async with self._conn.execute(
            "SELECT finished_at - submitted_at FROM jobs WHERE submitted_at IS NOT NULL"
            " AND finished_at IS NOT NULL AND status IN ('completed', 'delivering', 'delivered')"
            " ORDER BY finished_at DESC LIMIT ?",
            (limit,),
        ) as cur:
            rows = await cur.fetchall()
        return [float(r[0]) for r in rows if r[0] is not None and r[0] > 0]
