"""Claims with leases (who works a job, until when) and the queue of jobs waiting for an API slot.

A worker works a job only while it holds the job's claim (`claimed_by`, `lease_until`), taken here by
conditional UPDATEs; it renews its leases while it works and releases them when a step ends. A lapsed lease
(its owner died) can be taken by anyone. Claiming also moves `next_poll_at` to the lease's end, so a job whose
worker vanished comes due exactly when its lease lapses. A PostgreSQL store implements the same methods with
`SELECT … FOR UPDATE SKIP LOCKED`; the worker does not notice which store it runs on.
"""

from __future__ import annotations

from bot.jobs import IN_FLIGHT, TERMINAL, Job, JobStatus
from bot.store.db import locked
from bot.store.jobs import JobRows
from bot.store.rows import JOB_COLUMNS, row_to_job

_IN_FLIGHT = ", ".join(f"'{s}'" for s in IN_FLIGHT)
_TERMINAL = ", ".join(f"'{s}'" for s in TERMINAL)


class Claims(JobRows):
    @locked
    async def claim_due(self, owner: str, *, now: float, limit: int, lease: float) -> list[Job]:
        """Claim up to `limit` due jobs nobody holds (or whose lease lapsed), most overdue first."""
        if limit <= 0:
            return []
        until = now + lease
        async with self._immediate() as conn:
            async with conn.execute(
                "SELECT id FROM jobs WHERE next_poll_at IS NOT NULL AND next_poll_at <= ?"
                " AND (claimed_by IS NULL OR lease_until < ?) ORDER BY next_poll_at, id LIMIT ?",
                (now, now, limit),
            ) as cur:
                ids = [int(r[0]) for r in await cur.fetchall()]
            if not ids:
                return []
            marks = ", ".join("?" for _ in ids)
            await conn.execute(
                f"UPDATE jobs SET claimed_by = ?, lease_until = ?, next_poll_at = ? WHERE id IN ({marks})",
                (owner, until, until, *ids),
            )
            async with conn.execute(f"SELECT {JOB_COLUMNS} FROM jobs WHERE id IN ({marks})", ids) as cur:
                rows = {int(r["id"]): row_to_job(r) for r in await cur.fetchall()}
        return [rows[i] for i in ids]

    @locked
    async def renew(self, owner: str, *, until: float) -> int:
        """Extend every lease `owner` holds (it is alive and still working them)."""
        return await self._execute("UPDATE jobs SET lease_until = ? WHERE claimed_by = ?", (until, owner))

    @locked
    async def release(self, job_id: int, owner: str, *, due_at: float | None = None) -> bool:
        """Give the claim back. `due_at`: the step was cut short (shutdown), so whoever comes next should
        look at the job by then instead of waiting for the lease's end its claim left in `next_poll_at`."""
        due = ", next_poll_at = MIN(next_poll_at, ?)" if due_at is not None else ""
        params = (*((due_at,) if due_at is not None else ()), job_id, owner)
        changed = await self._execute(
            f"UPDATE jobs SET claimed_by = NULL, lease_until = NULL{due} WHERE id = ? AND claimed_by = ?",
            params,
        )
        return changed == 1

    @locked
    async def release_all(self, owner: str, *, now: float) -> int:
        """Shutting down: every claim `owner` still holds is given back, its job due now for the next one."""
        return await self._execute(
            "UPDATE jobs SET claimed_by = NULL, lease_until = NULL, next_poll_at = MIN(next_poll_at, ?)"
            " WHERE claimed_by = ?",
            (now, owner),
        )

    @locked
    async def take_over_dead_claims(self, owner: str, *, now: float) -> int:
        """Free the claims of processes that died, making their jobs due now.

        Opened exclusively (one process per SQLite file, enforced by the OS lock), every claim that is not
        ours belongs to a dead process; otherwise only lapsed leases are taken over.
        """
        only_lapsed = "" if self._process_lock is not None else " AND lease_until < ?"
        params: tuple[object, ...] = (now, owner) + ((now,) if only_lapsed else ())
        return await self._execute(
            "UPDATE jobs SET claimed_by = NULL, lease_until = NULL, next_poll_at = ?"
            f" WHERE claimed_by IS NOT NULL AND claimed_by != ?{only_lapsed}",
            params,
        )

    @locked
    async def make_reachable(self, *, now: float) -> int:
        """Unfinished (or unannounced) jobs with no due time and no claim become due: none waits forever.

        Jobs waiting in the queue or in a member's line are the exception: `unpark` / `unline` make them
        due."""
        return await self._execute(
            "UPDATE jobs SET next_poll_at = ? WHERE next_poll_at IS NULL AND claimed_by IS NULL"
            f" AND ((status NOT IN ({_TERMINAL})"
            " AND NOT (status = 'accepted' AND (queued = 1 OR in_line = 1)))"
            f" OR (status IN ({_TERMINAL}) AND announced = 0))",
            (now,),
        )

    @locked
    async def next_due_at(self, now: float) -> float | None:
        """When the next job comes due; a job under a live claim counts from its lease's end."""
        value = await self._scalar(
            "SELECT MIN(CASE WHEN claimed_by IS NULL OR lease_until < ? THEN next_poll_at"
            " ELSE MAX(next_poll_at, lease_until) END) FROM jobs WHERE next_poll_at IS NOT NULL",
            (now,),
        )
        return float(value) if value is not None else None

    # ---- the queue: at most N jobs at the API, the rest wait in order ---------------------------------

    @locked
    async def claim_slot(self, job_id: int, max_in_flight: int, *, owner: str, key: str) -> Job | None:
        """ACCEPTED → SUBMITTING if a slot is free and no older job waits; None otherwise.

        The job gets its idempotency key here (kept while the body stays the same), stored before the POST.
        """
        changed = await self._execute(
            "UPDATE jobs SET status = ?, queued = 0, updated_at = ?,"
            " idempotency_key = COALESCE(idempotency_key, ?)"
            " WHERE id = ? AND status = ? AND claimed_by = ? AND in_line = 0"
            f" AND (SELECT COUNT(*) FROM jobs WHERE status IN ({_IN_FLIGHT})) < ?"
            " AND NOT EXISTS (SELECT 1 FROM jobs WHERE status = ? AND queued = 1 AND id < ?)",
            (JobStatus.SUBMITTING, self._clock(), key, job_id, JobStatus.ACCEPTED, owner, max_in_flight,
             JobStatus.ACCEPTED, job_id),
        )  # fmt: skip
        return await self._get(job_id) if changed == 1 else None

    @locked
    async def park(self, job_id: int, *, owner: str) -> Job | None:
        """Put an ACCEPTED job in the queue: it waits (no due time) until a slot frees."""
        return await self._update(job_id, [JobStatus.ACCEPTED], {"queued": True, "next_poll_at": None}, owner)

    @locked
    async def unpark(self, max_in_flight: int) -> list[int]:
        """Make the oldest queued jobs due again, as many as there are free slots."""
        in_flight = int(await self._scalar(f"SELECT COUNT(*) FROM jobs WHERE status IN ({_IN_FLIGHT})") or 0)
        free = max_in_flight - in_flight
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

    @locked
    async def queue(self) -> list[Job]:
        """Jobs waiting for a slot, oldest first (their place in the queue is their index + 1)."""
        async with self._conn.execute(
            f"SELECT {JOB_COLUMNS} FROM jobs WHERE status = ? AND queued = 1 ORDER BY id",
            (JobStatus.ACCEPTED,),
        ) as cur:
            rows = await cur.fetchall()
        return [row_to_job(r) for r in rows]

    @locked
    async def queue_position(self, job_id: int) -> int | None:
        n = await self._scalar(
            "SELECT COUNT(*) FROM jobs WHERE status = ? AND queued = 1 AND id <= ?"
            " AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND status = ? AND queued = 1)",
            (JobStatus.ACCEPTED, job_id, job_id, JobStatus.ACCEPTED),
        )
        return int(n or 0) or None
