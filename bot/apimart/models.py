"""What the video API answers, parsed: a task's status and the account balance."""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass

from bot.apimart.errors import MalformedResponse

__all__ = ["TERMINAL_STATUSES", "Balance", "TaskStatus"]

log = logging.getLogger("bot.apimart")

TERMINAL_STATUSES = frozenset({"completed", "failed", "cancelled"})
_KNOWN_STATUSES = frozenset({"pending", "processing", *TERMINAL_STATUSES})
# Spellings other APIs (and older versions of this one) use; anything else is treated as "processing".
_STATUS_ALIASES = {
    "submitted": "pending",
    "queued": "pending",
    "queuing": "pending",
    "waiting": "pending",
    "in_queue": "pending",
    "running": "processing",
    "in_progress": "processing",
    "generating": "processing",
    "succeeded": "completed",
    "success": "completed",
    "complete": "completed",
    "done": "completed",
    "failure": "failed",
    "error": "failed",
    "canceled": "cancelled",
}


@dataclass(frozen=True)
class TaskStatus:
    """One task as the API reports it.

    ``status`` is lower-cased and one of pending/processing/completed/failed/cancelled. Known aliases
    (``succeeded``, ``canceled``, ``queued`` …) are mapped; any other string becomes ``processing``
    (and is logged), so an unexpected value keeps the poll going until the job's own deadline instead
    of ending it on a guess. ``video_url`` may be None even when completed; callers re-poll.
    """

    task_id: str
    status: str
    progress: int | None
    estimated_time: float | None
    created: float | None
    completed_at: float | None
    actual_time: float | None
    video_url: str | None
    expires_at: float | None
    error_message: str | None
    error_code: str | None
    cost: float | None
    credits_cost: float | None

    @property
    def terminal(self) -> bool:
        return self.status in TERMINAL_STATUSES

    @classmethod
    def from_json(cls, data: object, *, task_id: str | None = None) -> TaskStatus:
        """Parse the ``data`` object of GET /v1/tasks/{id} (also the webhook callback body)."""
        if isinstance(data, list) and len(data) == 1:
            data = data[0]
        if not isinstance(data, Mapping):
            raise MalformedResponse("task status: `data` is not an object")
        raw_id = data.get("id", data.get("task_id", task_id))
        if not isinstance(raw_id, str) or not raw_id:
            raise MalformedResponse("task status: no task id")
        raw_status = data.get("status")
        if not isinstance(raw_status, str) or not raw_status.strip():
            raise MalformedResponse("task status: no status")
        status = raw_status.strip().lower()
        status = _STATUS_ALIASES.get(status, status)
        if status not in _KNOWN_STATUSES:
            log.warning("task %s: unknown status %r treated as processing", raw_id, raw_status[:40])
            status = "processing"

        progress = _number(data.get("progress"))
        video_url, expires_at = _video(data.get("result"))
        error_message, error_code = _task_error(data.get("error")) if status == "failed" else (None, None)
        return cls(
            task_id=raw_id,
            status=status,
            progress=None if progress is None else max(0, min(100, round(progress))),
            estimated_time=_number(data.get("estimated_time")),
            created=_number(data.get("created")),
            completed_at=_number(data.get("completed")),
            actual_time=_number(data.get("actual_time")),
            video_url=video_url,
            expires_at=expires_at,
            error_message=error_message,
            error_code=error_code,
            cost=_number(data.get("cost")),
            credits_cost=_number(data.get("credits_cost")),
        )


@dataclass(frozen=True)
class Balance:
    remain_credits: float | None
    remain_balance: float | None
    used_credits: float | None
    unlimited: bool


def _number(value: object) -> float | None:
    """A finite number from a JSON number or a numeric string; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        result = float(value)
    elif isinstance(value, str):
        try:
            result = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return result if math.isfinite(result) else None


def _http_url(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return value
    return None


def _video(result: object) -> tuple[str | None, float | None]:
    """(url, expires_at) from ``result.videos[0]``: url is a list of one URL (current) or a string (old)."""
    if not isinstance(result, Mapping):
        return None, None
    videos = result.get("videos")
    if not isinstance(videos, list) or not videos:
        return None, _number(result.get("expires_at"))
    first = videos[0]
    if isinstance(first, str):
        return _http_url(first), _number(result.get("expires_at"))
    if not isinstance(first, Mapping):
        return None, None
    expires = _number(first.get("expires_at"))
    return _http_url(first.get("url")), expires if expires is not None else _number(result.get("expires_at"))


def _task_error(error: object) -> tuple[str | None, str | None]:
    if isinstance(error, str):
        return (error.strip() or None), None
    if isinstance(error, Mapping):
        message = error.get("message")
        text = message.strip() if isinstance(message, str) and message.strip() else None
        code = error.get("code")
        code_text = str(code) if isinstance(code, int | str) and not isinstance(code, bool) else ""
        return text, (code_text or None)
    return None, None
