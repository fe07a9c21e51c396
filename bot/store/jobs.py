"""Job rows: insert, read, and conditional updates (optionally only under the caller's claim)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from bot.jobs import Job, JobStatus, NewJob, check_transition, dump_refs
from bot.store.db import Database, locked
from bot.store.rows import JOB_COLUMNS, WRITABLE, encode, row_to_job


class JobRows(Database):
    """Every status change is `UPDATE … WHERE id = ? AND status IN (…)` — and, for a worker, `AND claimed_by
    = <its id>`: two workers, a restart racing a late callback, or a worker whose lease was taken over can
    never move a job twice."""

    @locked
    async def install_id(self) -> str:
        """A random id of this database (nonces and keys derived from it never repeat elsewhere)."""
        return str(await self._scalar("SELECT value FROM meta WHERE key = 'install_id'"))

    @locked
    async def insert_job(self, new: NewJob, *, credits: float = 0.0) -> Job:
        """Insert without any limit check (admission goes through `admit`)."""
        job_id = await self._insert(new, now=self._clock(), credits=credits)
        job = await self._get(job_id)
        assert job is not None
        return job

    async def _insert(
        self,
        new: NewJob,
        *,
        now: float,
        credits: float,
        claimed_by: str | None = None,
        lease_until: float | None = None,
        in_line: bool = False,
    ) -> int:
        job_id = await self._scalar(
            "INSERT INTO jobs (status, kind, guild_id, channel_id, user_id, user_name, prompt, aspect_ratio,"
            " refs, parent_job_id, parent_task_id, source_job_id, credit_user_id, private, credits,"
            " created_at, updated_at, claimed_by, lease_until, next_poll_at, in_line, upload_limit, locale)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                JobStatus.ACCEPTED, new.kind, new.guild_id, new.channel_id, new.user_id, new.user_name,
                new.prompt, new.aspect_ratio, dump_refs(new.refs), new.parent_job_id, new.parent_task_id,
                new.source_job_id, new.credit_user_id, int(new.private), credits, now, now,
                claimed_by, lease_until,
                # Reachable by the loop from the first moment: if whoever admitted it dies before it is
                # handed over, the job is picked up once the claim lapses (and its card posted then).
                now, int(in_line), new.upload_limit, new.locale,
            ),
        )  # fmt: skip
        assert job_id is not None
        return int(job_id)

    @locked
    async def get(self, job_id: int) -> Job | None:
        return await self._get(job_id)

    async def _get(self, job_id: int) -> Job | None:
        row = await self._fetchone(f"SELECT {JOB_COLUMNS} FROM jobs WHERE id = ?", (job_id,))
        return row_to_job(row) if row else None

    @locked
    async def get_by_task(self, task_id: str) -> Job | None:
        row = await self._fetchone(f"SELECT {JOB_COLUMNS} FROM jobs WHERE task_id = ?", (task_id,))
        return row_to_job(row) if row else None

    @locked
    async def transition(
        self,
        job_id: int,
        old: JobStatus | Collection[JobStatus],
        new: JobStatus,
        /,
        *,
        owner: str | None = None,
        **fields: Any,
    ) -> Job | None:
        """Move a job from `old` to `new` (and set `fields`) only if it is still in `old` (and, with
        `owner`, still claimed by that owner). Returns the updated job, or None when it did not move."""
        olds = [old] if isinstance(old, JobStatus) else list(old)
        for o in olds:
            check_transition(o, new)
        fields["status"] = new
        return await self._update(job_id, olds, fields, owner)

    @locked
    async def update(
        self,
        job_id: int,
        expect: JobStatus | Collection[JobStatus],
        /,
        *,
        owner: str | None = None,
        **fields: Any,
    ) -> Job | None:
        """Set fields on a job still in one of the `expect` statuses (and claimed by `owner`, if given)."""
        olds = [expect] if isinstance(expect, JobStatus) else list(expect)
        return await self._update(job_id, olds, fields, owner)

    async def _update(
        self, job_id: int, olds: list[JobStatus], fields: dict[str, Any], owner: str | None = None
    ) -> Job | None:
        unknown = set(fields) - WRITABLE - {"status"}
        if unknown:
            raise ValueError(f"not writable: {sorted(unknown)}")
        fields["updated_at"] = self._clock()
        sets = ", ".join(f"{name} = ?" for name in fields)
        marks = ", ".join("?" for _ in olds)
        params = [encode(k, v) for k, v in fields.items()]
        claim = " AND claimed_by = ?" if owner is not None else ""
        where = (job_id, *olds, *([owner] if owner is not None else []))
        changed = await self._execute(
            f"UPDATE jobs SET {sets} WHERE id = ? AND status IN ({marks}){claim}", (*params, *where)
        )
        if changed != 1:
            return None
        return await self._get(job_id)

    @locked
    async def take_card_edit(self, job_id: int, *, now: float, interval: float) -> bool:
        """May the card of `job_id` be edited now? True for one caller per `interval`, whichever process
        it runs in (the throttle lives in the row)."""
        taken = await self._execute(
            "UPDATE jobs SET card_edited_at = ? WHERE id = ?"
            # (a time more than an interval ahead was written by a clock that is wrong: not a reason to wait)
            " AND (card_edited_at IS NULL OR card_edited_at <= ? OR card_edited_at > ?)",
            (now, job_id, now - interval, now + interval),
        )
        return taken == 1

    @locked
    async def jobs_with_status(self, statuses: Collection[JobStatus]) -> list[Job]:
        marks = ", ".join("?" for _ in statuses)
        rows = await self._fetchall(
            f"SELECT {JOB_COLUMNS} FROM jobs WHERE status IN ({marks}) ORDER BY id", list(statuses)
        )
        return [row_to_job(r) for r in rows]

    @locked
    async def recent_durations(self, limit: int = 50) -> list[float]:
        """Actual submit-to-finish times of the latest finished jobs (for the poll planner's prior)."""
        rows = await self._fetchall(
            "SELECT finished_at - submitted_at FROM jobs WHERE submitted_at IS NOT NULL"
            " AND finished_at IS NOT NULL AND status IN ('completed', 'delivering', 'delivered')"
            " ORDER BY finished_at DESC LIMIT ?",
            (limit,),
        )
        return [float(r[0]) for r in rows if r[0] is not None and r[0] > 0]

    @locked
    async def recent_jobs(self, user_id: int, limit: int = 10) -> list[Job]:
        rows = await self._fetchall(
            f"SELECT {JOB_COLUMNS} FROM jobs WHERE user_id = ? ORDER BY id DESC LIMIT ?", (user_id, limit)
        )
        return [row_to_job(r) for r in rows]
