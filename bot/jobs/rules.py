"""Rules that decide what can be done with a finished job (extend, remix, retry): plain Python, no Discord."""

from __future__ import annotations

from collections.abc import Sequence

from bot.i18n import Msg
from bot.jobs.model import Job, JobStatus

S = JobStatus
# The API task is finished from COMPLETED on; the card may show the clip before DELIVERED is written.
EXTENDABLE = frozenset({S.COMPLETED, S.DELIVERING, S.DELIVERED})
# A clip may be remixed or retried from any end that kept its inputs.
REPEATABLE = frozenset(
    {S.DELIVERED, S.FAILED, S.TIMED_OUT, S.SUBMIT_UNKNOWN, S.CANCELLED, S.COMPLETED, S.DELIVERING}
)


def extend_problem(parent: Job | None, *, now: float, max_age_hours: float) -> Msg | None:
    """Why this clip cannot be extended now, as one sentence; None when it can."""
    if parent is None:
        return Msg("extend-unknown")
    if parent.status not in EXTENDABLE or not parent.task_id:
        return Msg("extend-unfinished")
    made_at = parent.finished_at if parent.finished_at is not None else parent.created_at
    if now - made_at > max_age_hours * 3600:
        return Msg("extend-too-old", hours=max_age_hours)
    return None


def repeat_problem(
    source: Job | None,
    *,
    parent: Job | None,
    missing_files: Sequence[str],
    now: float,
    max_age_hours: float,
    retention_days: float,
) -> Msg | None:
    """Why this job cannot be remixed or retried, as one sentence; None when it can.

    A job that continued a clip (an extend, or a retry/remix of one) is made again as a continuation of the
    same parent, so the parent must still be extendable (`parent` is that clip's job)."""
    if source is None:
        return Msg("repeat-unknown")
    if source.status not in REPEATABLE:
        return Msg("repeat-unfinished")
    if missing_files:
        return Msg("repeat-files-gone", days=retention_days)
    if source.parent_task_id:
        problem = extend_problem(parent, now=now, max_age_hours=max_age_hours)
        if problem is not None:
            # Its own sentence: a clause cut from another sentence does not translate.
            return Msg(f"repeat-parent-{problem.key}", **problem.args)
    return None
