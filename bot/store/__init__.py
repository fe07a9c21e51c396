"""The job store: aiosqlite in WAL mode, numbered migrations, typed rows, conditional transitions.

All SQL lives here. Every status change is `UPDATE … WHERE id = ? AND status = ?`, so two workers (or a
restart racing a late callback) can never move a job twice.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import sqlite3
import time
from collections.abc import Callable, Collection, Coroutine, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import aiosqlite

from bot.jobs import (
    ACTIVE,
    IN_FLIGHT,
    Job,
    JobKind,
    JobStatus,
    NewJob,
    check_transition,
    dump_refs,
    load_refs,
)
from bot.jobs.limits import GuildConfig, Limits, Refusal, Usage, day_start, refusal

log = logging.getLogger("bot.store")

Clock = Callable[[], float]


@dataclass(frozen=True)
class UsageRow:
    day: str
    user_id: int
    user_name: str
    clips: int
    delivered: int
    failures: int
    credits: float


_JOB_COLUMNS = (
    "id, status, kind, guild_id, channel_id, user_id, user_name, prompt, aspect_ratio, refs, "
    "parent_job_id, parent_task_id, task_id, card_message_id, ping_message_id, created_at, updated_at, "
    "submitted_at, finished_at, next_poll_at, deadline_at, attempts, polls, progress, estimated_time, "
    "progress_log, video_url, video_expires_at, delivered_as, credits_cost, error, last_error, announced, "
    "charged, credits, source_job_id, credit_user_id, private, queued"
)
# Columns a caller may set through transition()/update(); anything else is a programming error.
_WRITABLE = frozenset(_JOB_COLUMNS.replace(" ", "").split(",")) - {"id", "status", "created_at"}


async def _connect(path: Path) -> aiosqlite.Connection:
    conn = await aiosqlite.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    for pragma in ("busy_timeout=10000", "synchronous=NORMAL", "foreign_keys=ON"):
        await _pragma(conn, pragma)
    return conn


async def _pragma(conn: aiosqlite.Connection, pragma: str) -> None:
    # Read the answer and close the cursor: a pending statement would hold a lock on the file.
    async with conn.execute(f"PRAGMA {pragma}") as cur:
        await cur.fetchall()


def _migrations() -> list[tuple[int, str]]:
    found = []
    for entry in resources.files("bot.store.migrations").iterdir():
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
        charged=bool(row["charged"]),
        credits=float(row["credits"]),
        source_job_id=row["source_job_id"],
        credit_user_id=row["credit_user_id"],
        private=bool(row["private"]),
        queued=bool(row["queued"]),
    )


def _encode(column: str, value: Any) -> Any:
    if column == "refs":
        return dump_refs(value)
    if column == "progress_log":
        return json.dumps([[t, p] for t, p in value])
    if column in ("announced", "charged", "private", "queued"):
        return int(bool(value))
    return value


P = ParamSpec("P")
R = TypeVar("R")


def _locked(
    method: Callable[Concatenate[Store, P], Coroutine[Any, Any, R]],
) -> Callable[Concatenate[Store, P], Coroutine[Any, Any, R]]:
    """Run a public store method alone on the connection (see Store.__init__)."""

    @functools.wraps(method)
    async def wrapper(self: Store, /, *args: P.args, **kwargs: P.kwargs) -> R:
        async with self._lock:
            return await method(self, *args, **kwargs)

    return wrapper


class Store:
    """Repository over one SQLite file. Use `await Store.open(path)`; close with `await store.close()`."""

    def __init__(self, conn: aiosqlite.Connection, clock: Clock = time.time) -> None:
        self._conn = conn
        # One connection, one use case at a time: a cursor left open by one coroutine would otherwise pin
        # a stale snapshot for another, and a statement could slip into someone else's transaction.
        self._lock = asyncio.Lock()
        self._clock = clock

    @classmethod
    async def open(cls, path: Path, *, clock: Clock = time.time) -> Store:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = await _connect(path)
        try:
            await _pragma(conn, "journal_mode=WAL")
            store = cls(conn, clock)
            await store._migrate()
        except BaseException:
            await conn.close()
            raise
        return store

    async def close(self) -> None:
        async with self._lock:
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

    @_locked
    async def insert_job(self, new: NewJob, *, credits: float = 0.0) -> Job:
        """Insert without any limit check (admission goes through `admit`)."""
        job_id = await self._insert(self._conn, new, now=self._clock(), credits=credits)
        job = await self._get(job_id)
        assert job is not None
        return job

    async def _insert(self, conn: aiosqlite.Connection, new: NewJob, *, now: float, credits: float) -> int:
        cur = await conn.execute(
            "INSERT INTO jobs (status, kind, guild_id, channel_id, user_id, user_name, prompt, aspect_ratio,"
            " refs, parent_job_id, parent_task_id, source_job_id, credit_user_id, private, credits,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                new.source_job_id,
                new.credit_user_id,
                int(new.private),
                credits,
                now,
                now,
            ),
        )
        job_id = cur.lastrowid
        await cur.close()
        assert job_id is not None
        return job_id

    @_locked
    async def get(self, job_id: int) -> Job | None:
        return await self._get(job_id)

    async def _get(self, job_id: int) -> Job | None:
        async with self._conn.execute(f"SELECT {_JOB_COLUMNS} FROM jobs WHERE id = ?", (job_id,)) as cur:
            row = await cur.fetchone()
        return _row_to_job(row) if row else None

    @_locked
    async def get_by_task(self, task_id: str) -> Job | None:
        async with self._conn.execute(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE task_id = ?", (task_id,)
        ) as cur:
            row = await cur.fetchone()
        return _row_to_job(row) if row else None

    @_locked
    async def transition(
        self, job_id: int, old: JobStatus | Collection[JobStatus], new: JobStatus, /, **fields: Any
    ) -> Job | None:
        """Move a job from `old` to `new` (and set `fields`) only if it is still in `old`.

        Returns the updated job, or None when another worker got there first.
        """
        olds = [old] if isinstance(old, JobStatus) else list(old)
        for o in olds:
            check_transition(o, new)
        fields["status"] = new
        return await self._update(job_id, olds, fields)

    @_locked
    async def update(
        self, job_id: int, expect: JobStatus | Collection[JobStatus], /, **fields: Any
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
        return await self._get(job_id)

    @_locked
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

    @_locked
    async def next_due_at(self, exclude: Iterable[int] = ()) -> float | None:
        excluded = list(exclude)
        marks = ", ".join("?" for _ in excluded)
        skip = f" AND id NOT IN ({marks})" if excluded else ""
        async with self._conn.execute(
            f"SELECT MIN(next_poll_at) FROM jobs WHERE next_poll_at IS NOT NULL{skip}", excluded
        ) as cur:
            row = await cur.fetchone()
        return float(row[0]) if row and row[0] is not None else None

    @_locked
    async def jobs_with_status(self, statuses: Collection[JobStatus]) -> list[Job]:
        marks = ", ".join("?" for _ in statuses)
        async with self._conn.execute(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE status IN ({marks}) ORDER BY id", list(statuses)
        ) as cur:
            rows = await cur.fetchall()
        return [_row_to_job(r) for r in rows]

    @_locked
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

    # ---- admission (issue: spend control) -------------------------------------------------------------

    @_locked
    async def admit(
        self,
        new: NewJob,
        *,
        limits: Limits,
        now: float,
        credits: float,
    ) -> Job | Refusal:
        """Check every limit and insert the job in ONE transaction: nothing can slip in between."""
        start = day_start(now)
        conn = self._conn
        await conn.execute("BEGIN IMMEDIATE")
        try:
            usage = await self._usage(conn, new.user_id, new.guild_id, start)
            refused = refusal(limits, usage, now, in_guild=new.guild_id is not None)
            if refused is not None:
                await conn.execute("ROLLBACK")
                return refused
            job_id = await self._insert(conn, new, now=now, credits=credits)
            await conn.execute("COMMIT")
        except BaseException:
            await conn.execute("ROLLBACK")
            raise
        job = await self._get(job_id)
        assert job is not None
        return job

    @_locked
    async def usage(self, user_id: int, guild_id: int | None, now: float) -> Usage:
        return await self._usage(self._conn, user_id, guild_id, day_start(now))

    async def _usage(
        self, conn: aiosqlite.Connection, user_id: int, guild_id: int | None, start: float
    ) -> Usage:
        active = ", ".join(f"'{s}'" for s in ACTIVE)
        async with conn.execute(
            f"SELECT"
            f" (SELECT COUNT(*) FROM jobs WHERE user_id = ? AND status IN ({active})),"
            " (SELECT COUNT(*) FROM jobs WHERE user_id = ? AND charged = 1 AND created_at >= ?),"
            " (SELECT COUNT(*) FROM jobs WHERE guild_id = ? AND charged = 1 AND created_at >= ?),"
            " (SELECT MAX(created_at) FROM jobs WHERE user_id = ? AND charged = 1),"
            " (SELECT COALESCE(SUM(credits), 0) FROM jobs WHERE created_at >= ?)",
            (user_id, user_id, start, guild_id, start, user_id, start),
        ) as cur:
            row = await cur.fetchone()
        assert row is not None
        return Usage(
            user_active=int(row[0]),
            user_today=int(row[1]),
            guild_today=int(row[2]) if guild_id is not None else 0,
            last_request_at=float(row[3]) if row[3] is not None else None,
            credits_today=float(row[4]),
        )

    # ---- the queue: at most N jobs at the API, the rest wait in order ---------------------------------

    @_locked
    async def claim_slot(self, job_id: int, max_in_flight: int) -> Job | None:
        """ACCEPTED → SUBMITTING if a slot is free and no older job waits; None otherwise."""
        in_flight = ", ".join(f"'{s}'" for s in IN_FLIGHT)
        cur = await self._conn.execute(
            "UPDATE jobs SET status = ?, queued = 0, next_poll_at = NULL, updated_at = ?"
            " WHERE id = ? AND status = ?"
            f" AND (SELECT COUNT(*) FROM jobs WHERE status IN ({in_flight})) < ?"
            " AND NOT EXISTS (SELECT 1 FROM jobs WHERE status = ? AND queued = 1 AND id < ?)",
            (JobStatus.SUBMITTING, self._clock(), job_id, JobStatus.ACCEPTED, max_in_flight,
             JobStatus.ACCEPTED, job_id),
        )  # fmt: skip
        changed = cur.rowcount
        await cur.close()
        return await self._get(job_id) if changed == 1 else None

    @_locked
    async def park(self, job_id: int) -> Job | None:
        """Put an ACCEPTED job in the queue: it waits (no due time) until a slot frees."""
        return await self._update(job_id, [JobStatus.ACCEPTED], {"queued": True, "next_poll_at": None})

    @_locked
    async def unpark(self, max_in_flight: int) -> list[int]:
        """Make the oldest queued jobs due again, as many as there are free slots."""
        in_flight = ", ".join(f"'{s}'" for s in IN_FLIGHT)
        async with self._conn.execute(f"SELECT COUNT(*) FROM jobs WHERE status IN ({in_flight})") as cur:
            row = await cur.fetchone()
        free = max_in_flight - (int(row[0]) if row else 0)
        if free <= 0:
            return []
        async with self._conn.execute(
            "SELECT id FROM jobs WHERE status = ? AND queued = 1 AND next_poll_at IS NULL"
            " ORDER BY id LIMIT ?",
            (JobStatus.ACCEPTED, free),
        ) as cur:
            ids = [int(r[0]) for r in await cur.fetchall()]
        now = self._clock()
        for job_id in ids:
            await self._update(job_id, [JobStatus.ACCEPTED], {"next_poll_at": now})
        return ids

    @_locked
    async def queue(self) -> list[Job]:
        """Jobs waiting for a slot, oldest first (their place in the queue is their index + 1)."""
        async with self._conn.execute(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE status = ? AND queued = 1 ORDER BY id",
            (JobStatus.ACCEPTED,),
        ) as cur:
            rows = await cur.fetchall()
        return [_row_to_job(r) for r in rows]

    @_locked
    async def queue_position(self, job_id: int) -> int | None:
        async with self._conn.execute(
            "SELECT COUNT(*) FROM jobs WHERE status = ? AND queued = 1 AND id <= ?"
            " AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND status = ? AND queued = 1)",
            (JobStatus.ACCEPTED, job_id, job_id, JobStatus.ACCEPTED),
        ) as cur:
            row = await cur.fetchone()
        n = int(row[0]) if row else 0
        return n or None

    @_locked
    async def count_in_flight(self) -> int:
        in_flight = ", ".join(f"'{s}'" for s in IN_FLIGHT)
        async with self._conn.execute(f"SELECT COUNT(*) FROM jobs WHERE status IN ({in_flight})") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    # ---- per-server settings and bans ---------------------------------------------------------------

    @_locked
    async def guild_config(self, guild_id: int) -> GuildConfig:
        return await self._guild_config(guild_id)

    async def _guild_config(self, guild_id: int) -> GuildConfig:
        async with self._conn.execute("SELECT * FROM guild_settings WHERE guild_id = ?", (guild_id,)) as cur:
            row = await cur.fetchone()
        return GuildConfig.from_row(row) if row else GuildConfig(guild_id=guild_id)

    @_locked
    async def set_guild_config(self, guild_id: int, /, **fields: Any) -> GuildConfig:
        allowed = {
            "user_daily_limit", "user_concurrent_limit", "guild_daily_limit", "cooldown_seconds",
            "allowed_channels", "allowed_roles", "paused", "requester_only",
        }  # fmt: skip
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown guild settings: {sorted(unknown)}")
        values = {k: json.dumps(v) if k.startswith("allowed_") else v for k, v in fields.items()}
        await self._conn.execute("INSERT OR IGNORE INTO guild_settings (guild_id) VALUES (?)", (guild_id,))
        if values:
            sets = ", ".join(f"{k} = ?" for k in values)
            await self._conn.execute(
                f"UPDATE guild_settings SET {sets}, updated_at = ? WHERE guild_id = ?",
                (*values.values(), self._clock(), guild_id),
            )
        return await self._guild_config(guild_id)

    @_locked
    async def is_banned(self, guild_id: int, user_id: int) -> bool:
        async with self._conn.execute(
            "SELECT 1 FROM bans WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
        ) as cur:
            return await cur.fetchone() is not None

    @_locked
    async def ban(self, guild_id: int, user_id: int, by: int) -> bool:
        cur = await self._conn.execute(
            "INSERT OR IGNORE INTO bans (guild_id, user_id, banned_by, created_at) VALUES (?, ?, ?, ?)",
            (guild_id, user_id, by, self._clock()),
        )
        changed = cur.rowcount
        await cur.close()
        return changed == 1

    @_locked
    async def unban(self, guild_id: int, user_id: int) -> bool:
        cur = await self._conn.execute(
            "DELETE FROM bans WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
        )
        changed = cur.rowcount
        await cur.close()
        return changed == 1

    @_locked
    async def bans(self, guild_id: int) -> list[int]:
        async with self._conn.execute(
            "SELECT user_id FROM bans WHERE guild_id = ? ORDER BY created_at", (guild_id,)
        ) as cur:
            return [int(r[0]) for r in await cur.fetchall()]

    # ---- reports --------------------------------------------------------------------------------------

    @_locked
    async def usage_report(self, guild_id: int, since: float) -> list[UsageRow]:
        """Per user and UTC day: clips asked for, clips delivered, failures, credits."""
        failed = ", ".join(
            f"'{s}'" for s in (JobStatus.FAILED, JobStatus.TIMED_OUT, JobStatus.SUBMIT_UNKNOWN)
        )
        async with self._conn.execute(
            "SELECT date(created_at, 'unixepoch') AS day, user_id, MAX(user_name),"
            " SUM(charged), SUM(status = 'delivered'),"
            f" SUM(status IN ({failed})), COALESCE(SUM(credits), 0)"
            " FROM jobs WHERE guild_id = ? AND created_at >= ? AND status != 'rejected'"
            " GROUP BY day, user_id ORDER BY day DESC, SUM(credits) DESC",
            (guild_id, since),
        ) as cur:
            rows = await cur.fetchall()
        return [
            UsageRow(r[0], int(r[1]), r[2] or "", int(r[3]), int(r[4]), int(r[5]), float(r[6])) for r in rows
        ]

    @_locked
    async def recent_jobs(self, user_id: int, limit: int = 10) -> list[Job]:
        async with self._conn.execute(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE user_id = ? ORDER BY id DESC LIMIT ?", (user_id, limit)
        ) as cur:
            rows = await cur.fetchall()
        return [_row_to_job(r) for r in rows]

    @_locked
    async def referenced_paths(self) -> set[str]:
        """Reference files still named by any job (so retention never deletes a file in use)."""
        async with self._conn.execute("SELECT refs FROM jobs WHERE refs != '[]'") as cur:
            rows = await cur.fetchall()
        return {ref.path for r in rows for ref in load_refs(r[0])}
