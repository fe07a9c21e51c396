"""Rules that decide what can be done with a finished job (extend, remix, retry): plain Python, no Discord."""

from __future__ import annotations

from collections.abc import Sequence

from bot.jobs.model import Job, JobStatus

S = JobStatus
# The API task is finished from COMPLETED on; the card may show the clip before DELIVERED is written.
EXTENDABLE = frozenset({S.COMPLETED, S.DELIVERING, S.DELIVERED})
# A clip may be remixed or retried from any end that kept its inputs.
REPEATABLE = frozenset(
    {S.DELIVERED, S.FAILED, S.TIMED_OUT, S.SUBMIT_UNKNOWN, S.CANCELLED, S.COMPLETED, S.DELIVERING}
)


def extend_problem(parent: Job | None, *, now: float, max_age_hours: float) -> str | None:
    """Why this clip cannot be extended now, as one sentence; None when it can."""
    if parent is None:
        return "I don't know that clip any more, so it cannot be extended."
    if parent.status not in EXTENDABLE or not parent.task_id:
        return "Only a finished clip can be extended, and this one did not finish."
    made_at = parent.finished_at if parent.finished_at is not None else parent.created_at
    if now - made_at > max_age_hours * 3600:
        return (
            f"This clip is too old to extend: clips can be extended for {max_age_hours:g} hours after they "
            "are made."
        )
    return None


def repeat_problem(
    source: Job | None,
    *,
    parent: Job | None,
    missing_files: Sequence[str],
    now: float,
    max_age_hours: float,
    retention_days: float,
) -> str | None:
    """Why this job cannot be remixed or retried, as one sentence; None when it can.

    A job that continued a clip (an extend, or a retry/remix of one) is made again as a continuation of the
    same parent, so the parent must still be extendable (`parent` is that clip's job)."""
    if source is None:
        return "I don't know that clip any more."
    if source.status not in REPEATABLE:
        return "This job has not finished yet; wait for it before making it again."
    if missing_files:
        return (
            f"The reference files of this clip are no longer kept (they are kept {retention_days:g} days): "
            "start a new /video with them attached."
        )
    if source.parent_task_id:
        problem = extend_problem(parent, now=now, max_age_hours=max_age_hours)
        if problem is not None:
            return "This clip continues an earlier one, and that one can't be continued any more: " + (
                problem[0].lower() + problem[1:]
            )
    return None
