"""Job rows ⇄ Job objects: the column list, decoding and encoding."""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from bot.jobs import Job, JobKind, JobStatus, dump_refs, load_refs
from bot.store.driver import Row, row_dict

JOB_COLUMNS = (
    "id, status, kind, guild_id, channel_id, user_id, user_name, prompt, aspect_ratio, refs, "
    "parent_job_id, parent_task_id, task_id, card_message_id, ping_message_id, created_at, updated_at, "
    "submitted_at, finished_at, next_poll_at, deadline_at, attempts, polls, progress, estimated_time, "
    "progress_log, video_url, video_expires_at, delivered_as, credits_cost, error, last_error, announced, "
    "charged, credits, source_job_id, credit_user_id, private, queued, claimed_by, lease_until, step_errors, "
    "idempotency_key, card_nonce, result_started_at, ping_nonce, ping_started_at, ended_by, interrupted, "
    "in_line, upload_limit, locale, error_key, error_args"
)
# Columns a caller may set through transition()/update(); anything else is a programming error.
WRITABLE = frozenset(JOB_COLUMNS.replace(" ", "").split(",")) - {"id", "status", "created_at"}
_BOOLS = frozenset({"announced", "charged", "private", "queued", "interrupted", "in_line"})


def row_to_job(row: Row, *, skip: Collection[str] = ()) -> Job:
    values = row_dict(row)
    for name in skip:
        values.pop(name, None)
    values["status"] = JobStatus(values["status"])
    values["kind"] = JobKind(values["kind"])
    values["refs"] = load_refs(values["refs"])
    values["progress_log"] = [(float(t), int(p)) for t, p in json.loads(values["progress_log"] or "[]")]
    values["credits"] = float(values["credits"])
    for name in _BOOLS:
        values[name] = bool(values[name])
    return Job(**values)


def encode(column: str, value: Any) -> Any:
    if column == "refs":
        return dump_refs(value)
    if column == "progress_log":
        return json.dumps([[t, p] for t, p in value])
    if column in _BOOLS:
        return int(bool(value))
    return value
