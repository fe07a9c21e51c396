"""The Job model and its state machine: statuses, allowed transitions, plain data. No Discord here."""

from __future__ import annotations

import enum
import json
from dataclasses import asdict, dataclass, field
from typing import Any


class JobStatus(enum.StrEnum):
    ACCEPTED = "accepted"  # row written, card posted; references kept on disk; not yet sent to the API
    SUBMITTING = "submitting"  # the submit POST is (or was, before a crash) in flight
    SUBMITTED = "submitted"  # the API gave us a task id
    RUNNING = "running"  # the API reported the task as processing
    COMPLETED = "completed"  # the API finished; the clip is not posted yet
    DELIVERING = "delivering"  # the clip is being fetched / posted
    DELIVERED = "delivered"  # the clip is in the channel
    REJECTED = "rejected"  # the API refused the submit (nothing was started)
    SUBMIT_UNKNOWN = "submit_unknown"  # the POST may or may not have created (and billed) a task
    FAILED = "failed"  # the API reported failure
    CANCELLED = "cancelled"  # cancelled by the API or by a person
    TIMED_OUT = "timed_out"  # the task did not finish before our deadline

    @property
    def terminal(self) -> bool:
        return self in TERMINAL

    @property
    def in_flight(self) -> bool:
        """True while the job holds a slot: sent (or about to be sent) to the API and not finished."""
        return self in IN_FLIGHT


S = JobStatus
TERMINAL = frozenset({S.DELIVERED, S.REJECTED, S.SUBMIT_UNKNOWN, S.FAILED, S.CANCELLED, S.TIMED_OUT})
IN_FLIGHT = frozenset({S.SUBMITTING, S.SUBMITTED, S.RUNNING})
# Jobs whose card still shows "in progress" and that a person may cancel.
ACTIVE = frozenset({S.ACCEPTED, S.SUBMITTING, S.SUBMITTED, S.RUNNING})

TRANSITIONS: dict[JobStatus, frozenset[JobStatus]] = {
    S.ACCEPTED: frozenset({S.SUBMITTING, S.REJECTED, S.CANCELLED}),
    # back to ACCEPTED only when the POST certainly never reached the API (connect failure, 429).
    S.SUBMITTING: frozenset({S.SUBMITTED, S.SUBMIT_UNKNOWN, S.REJECTED, S.ACCEPTED, S.CANCELLED}),
    S.SUBMITTED: frozenset({S.RUNNING, S.COMPLETED, S.FAILED, S.CANCELLED, S.TIMED_OUT}),
    S.RUNNING: frozenset({S.COMPLETED, S.FAILED, S.CANCELLED, S.TIMED_OUT}),
    S.COMPLETED: frozenset({S.DELIVERING, S.FAILED}),
    S.DELIVERING: frozenset({S.DELIVERED, S.FAILED}),
    S.DELIVERED: frozenset(),
    S.REJECTED: frozenset(),
    S.SUBMIT_UNKNOWN: frozenset(),
    S.FAILED: frozenset(),
    S.CANCELLED: frozenset(),
    S.TIMED_OUT: frozenset(),
}


class IllegalTransition(Exception):
    pass


def check_transition(old: JobStatus, new: JobStatus) -> None:
    if new not in TRANSITIONS[old]:
        raise IllegalTransition(f"{old} -> {new} is not allowed")


class JobKind(enum.StrEnum):
    VIDEO = "video"
    EXTEND = "extend"
    REMIX = "remix"
    RETRY = "retry"
    ANIMATE = "animate"


@dataclass
class Reference:
    """One reference file a user gave, kept on disk so the job can be (re)submitted at any time."""

    kind: str  # "image" | "video"
    path: str  # relative to the data directory
    filename: str
    content_type: str
    size: int
    url: str | None = None  # where the API can fetch it (upload URL, data: URI or attachment URL)
    url_expires_at: float | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reference:
        ref = cls(**{k: data.get(k) for k in cls.__dataclass_fields__})  # type: ignore[arg-type]
        if ref.url and ref.url.startswith("data:"):
            ref.url = None  # older rows kept inline clips; they are built from the kept file at submit time
        return ref


def dump_refs(refs: list[Reference]) -> str:
    return json.dumps([asdict(r) for r in refs])


def load_refs(raw: str) -> list[Reference]:
    return [Reference.from_dict(item) for item in json.loads(raw or "[]")]


@dataclass
class Job:
    id: int
    status: JobStatus
    kind: JobKind
    guild_id: int | None
    channel_id: int
    user_id: int
    user_name: str
    prompt: str
    aspect_ratio: str
    refs: list[Reference]
    parent_job_id: int | None
    parent_task_id: str | None
    task_id: str | None
    card_message_id: int | None
    ping_message_id: int | None
    created_at: float
    updated_at: float
    submitted_at: float | None
    finished_at: float | None
    next_poll_at: float | None
    deadline_at: float | None
    attempts: int
    polls: int
    progress: int | None
    estimated_time: float | None
    progress_log: list[tuple[float, int]] = field(default_factory=list)
    video_url: str | None = None
    video_expires_at: float | None = None
    delivered_as: str | None = None
    credits_cost: float | None = None
    error: str | None = None
    last_error: str | None = None
    announced: bool = False
    charged: bool = True  # counts against the daily limits
    credits: float = 0.0  # reserved at admission, settled from the task's credits_cost when it ends
    source_job_id: int | None = None  # the clip this one was remixed / retried / extended from
    credit_user_id: int | None = None  # whose clip it builds on, when that is someone else (attribution)
    private: bool = False  # delivered by direct message
    queued: bool = False  # waiting in our queue for a free slot
    in_line: bool = False  # waiting in its member's own line (over their concurrent limit), not due
    # Who works this job now (a worker's id) and until when; a lapsed lease may be taken over.
    claimed_by: str | None = None
    lease_until: float | None = None
    step_errors: int = 0  # unexpected errors in a row while working it (bounded, then failed-and-told)
    idempotency_key: str | None = None  # sent with the submit POST; new whenever the body changes
    card_nonce: str | None = None  # recorded before the card is posted
    result_started_at: float | None = None  # the result post/edit was (maybe) sent from this time on
    ping_nonce: str | None = None  # recorded before the ping is sent
    ping_started_at: float | None = None  # the ping was (maybe) sent from this time on
    ended_by: int | None = None  # who cancelled it (they are not pinged about their own cancel)
    interrupted: bool = False  # our own shutdown interrupted its submit: never charged to the member
    # The guild's upload limit in bytes, stored at admission by the process holding the guild's shard, so a
    # process without that guild in its cache delivers with the real limit (None: not known).
    upload_limit: int | None = None
    locale: str | None = None  # the Discord locale its public card and ping are shown in (None: English)
    # How it ended, as a catalog message id and its JSON arguments (rows from before have `error` only).
    error_key: str | None = None
    error_args: str | None = None

    @property
    def images(self) -> list[Reference]:
        return [r for r in self.refs if r.kind == "image"]

    @property
    def videos(self) -> list[Reference]:
        return [r for r in self.refs if r.kind == "video"]

    def log_fields(self) -> str:
        """The identifying fields every job log line carries (never a token or a key)."""
        return (
            f"job={self.id} task={self.task_id or '-'} guild={self.guild_id or '-'} "
            f"channel={self.channel_id} user={self.user_id}"
        )


@dataclass
class NewJob:
    kind: JobKind
    guild_id: int | None
    channel_id: int
    user_id: int
    user_name: str
    prompt: str
    aspect_ratio: str = "16:9"
    refs: list[Reference] = field(default_factory=list)
    parent_job_id: int | None = None
    parent_task_id: str | None = None
    source_job_id: int | None = None
    credit_user_id: int | None = None
    private: bool = False
    upload_limit: int | None = None  # the guild's upload limit in bytes, when known at admission
    locale: str | None = None  # the Discord locale its public card and ping are shown in (None: English)
