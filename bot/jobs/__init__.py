"""The Job model, its state machine and the rules that decide (no Discord here)."""

from bot.jobs.model import (
    ACTIVE,
    IN_FLIGHT,
    TERMINAL,
    TRANSITIONS,
    IllegalTransition,
    Job,
    JobKind,
    JobStatus,
    NewJob,
    Reference,
    check_transition,
    dump_refs,
    load_refs,
)

__all__ = [
    "ACTIVE",
    "IN_FLIGHT",
    "TERMINAL",
    "TRANSITIONS",
    "IllegalTransition",
    "Job",
    "JobKind",
    "JobStatus",
    "NewJob",
    "Reference",
    "check_transition",
    "dump_refs",
    "load_refs",
]
