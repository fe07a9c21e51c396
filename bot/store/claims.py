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
# `next_poll_at` moved to `?` if that is sooner (a job with no due time keeps none). Bind the time twice.
_SOONER = "CASE WHEN next_poll_at > ? THEN ? ELSE next_poll_at END"


def _qualified(table: str) -> str:
    return ", ".join(f"{table}.{c.strip()}" for c in JOB_COLUMNS.split(","))


class Claims(JobRows):
    @locked
    async def claim_due(self, owner: str, *, now: float, limit: int, lease: float) -> list[Job]:
        """Claim up to `limit` due jobs nobody holds (or whose lease lapsed), most overdue first."""
        if limit <= 0:
            return []
        until = now + lease
        if self.dialect == "postgres":
            return await self._claim_due_skip_locked(owner, now=now, limit=limit, until=until)
        async with self._immediate():
            found = await self._fetchall(
                "SELECT id FROM jobs WHERE next_poll_at IS NOT NULL AND next_poll_at <= ?"
                " AND (claimed_by IS NULL OR lease_until < ?) ORDER BY next_poll_at, id LIMIT ?",
                (now, now, limit),
            )
            ids = [int(r[0]) for r in found]
            if not ids:
                return []
            marks = ", ".join("?" for _ in ids)
            await self._execute(
                f"UPDATE jobs SET claimed_by = ?, lease_until = ?, next_poll_at = ? WHERE id IN ({marks})",
                (owner, until, until, *ids),
            )
            rows = {
                int(r["id"]): row_to_job(r)
                for r in await self._fetchall(f"SELECT {JOB_COLUMNS} FROM jobs WHERE id IN ({marks})", ids)
            }
        return [rows[i] for i in ids]

    async def _claim_due_skip_locked(self, owner: str, *, now: float, limit: int, until: float) -> list[Job]:
        """PostgreSQL: processes claim side by side; a row another one is claiming right now is skipped,
        not waited for, and a row it has just claimed no longer matches (re-checked on the new version)."""
        rows = await self._fetchall(
            "WITH picked AS (SELECT id, next_poll_at AS due FROM jobs WHERE next_poll_at IS NOT NULL"
            " AND next_poll_at <= ? AND (claimed_by IS NULL OR lease_until < ?)"
            " ORDER BY next_poll_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
            " UPDATE jobs SET claimed_by = ?, lease_until = ?, next_poll_at = ? FROM picked"
            f" WHERE jobs.id = picked.id RETURNING picked.due AS picked_due, {_qualified('jobs')}",
            (now, now, limit, owner, until, until),
        )
        ordered = sorted(rows, key=lambda r: (r["picked_due"], r["id"]))
        return [row_to_job(r, skip=("picked_due",)) for r in ordered]

    @locked
    async def renew(self, owner: str, *, until: float) -> int:
        """Extend every lease `owner` holds (it is alive and still working them)."""
        return await self._execute("UPDATE jobs SET lease_until = ? WHERE claimed_by = ?", (until, owner))

    @locked
    async def release(self, job_id: int, owner: str, *, due_at: float | None = None) -> bool:
        """Give the claim back. `due_at`: the step was cut short (shutdown), so whoever comes next should
        look at the job by then instead of waiting for the lease's end its claim left in `next_poll_at`."""
        due = f", next_poll_at = {_SOONER}" if due_at is not None else ""
        params = (*((due_at, due_at) if due_at is not None else ()), job_id, owner)
        changed = await self._execute(
            f"UPDATE jobs SET claimed_by = NULL, lease_until = NULL{due} WHERE id = ? AND claimed_by = ?",
            params,
        )
        return changed == 1

    @locked
    async def release_all(self, owner: str, *, now: float) -> int:
        """Shutting down: every claim `owner` still holds is given back, its job due now for the next one."""
        return await self._execute(
            f"UPDATE jobs SET claimed_by = NULL, lease_until = NULL, next_poll_at = {_SOONER}"
            " WHERE claimed_by = ?",
            (now, now, owner),
        )

    @locked
    async def take_over_dead_claims(self, owner: str, *, now: float) -> int:
        """Free the claims of processes that died, making their jobs due now.

        Opened exclusively (one process per SQLite file, enforced by the OS lock), every claim that is not
        ours belongs to a dead process; otherwise lapsed leases are taken over, and on PostgreSQL also the
        claims of owners with no connection left (killed processes).
        """
        only_lapsed = " AND lease_until < ?" if self.shared else ""
        if self.dialect == "postgres":
            # ... or whose owner has no connection left (killed: no need to wait for its lease).
            from bot.store.postgres import ALIVE_OWNERS

            only_lapsed = f" AND (lease_until < ? OR claimed_by NOT IN ({ALIVE_OWNERS}))"
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
            "SELECT MIN(CASE WHEN claimed_by IS NULL OR lease_until < ? OR next_poll_at > lease_until"
            " THEN next_poll_at ELSE lease_until END) FROM jobs WHERE next_poll_at IS NOT NULL",
            (now,),
        )
        return float(value) if value is not None else None

    # ---- the queue: at most N jobs at the API, the rest wait in order ---------------------------------

    @locked
    async def claim_slot(self, job_id: int, max_in_flight: int, *, owner: str, key: str) -> Job | None:
        """ACCEPTED → SUBMITTING if a slot is free and no older job waits; None otherwise.

        The job gets its idempotency key here (kept while the body stays the same), stored before the POST.
        """
        async with self._immediate():  # the count and the move are one step for every process
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
        async with self._immediate():
            in_flight = int(
                await self._scalar(f"SELECT COUNT(*) FROM jobs WHERE status IN ({_IN_FLIGHT})") or 0
            )
            free = max_in_flight - in_flight
            if free <= 0:
                return []
            rows = await self._fetchall(
                "SELECT id FROM jobs WHERE status = ? AND queued = 1 AND next_poll_at IS NULL"
                " ORDER BY id LIMIT ?",
                (JobStatus.ACCEPTED, free),
            )
            ids = [int(r[0]) for r in rows]
            now = self._clock()
            for job_id in ids:
                await self._update(job_id, [JobStatus.ACCEPTED], {"next_poll_at": now})
        return ids

    @locked
    async def queue(self) -> list[Job]:
        """Jobs waiting for a slot, oldest first (their place in the queue is their index + 1)."""
        rows = await self._fetchall(
            f"SELECT {JOB_COLUMNS} FROM jobs WHERE status = ? AND queued = 1 ORDER BY id",
            (JobStatus.ACCEPTED,),
        )
        return [row_to_job(r) for r in rows]

    @locked
    async def queue_position(self, job_id: int) -> int | None:
        n = await self._scalar(
            "SELECT COUNT(*) FROM jobs WHERE status = ? AND queued = 1 AND id <= ?"
            " AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND status = ? AND queued = 1)",
            (JobStatus.ACCEPTED, job_id, job_id, JobStatus.ACCEPTED),
        )
        return int(n or 0) or None
