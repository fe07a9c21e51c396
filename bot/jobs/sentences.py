"""What a member reads about their job's ending or waiting: one true sentence each (no Discord here).

Each is a catalog message (bot/i18n/locales), rendered in the reader's language when it is shown."""

from __future__ import annotations

from bot.i18n import Msg, Text
from bot.jobs.model import Job

SUBMIT_UNKNOWN_SENTENCE = Msg("ending-submit-unknown")
CANCELLED_BY_USER_SENTENCE = Msg("ending-cancelled-by-user")
CANCELLED_QUEUED_SENTENCE = Msg("ending-cancelled-queued")
# While submits are paused (401/402): shown on queued cards and to /video. Each claims only what is true;
# `with_operator_told` adds that the operator was told once an alert has really been delivered.
MISCONFIGURED_SENTENCE = Msg("paused-misconfigured")
OUT_OF_CREDIT_SENTENCE = Msg("paused-out-of-credit")


def with_operator_told(sentence: Msg, told: bool) -> Msg:
    return Msg("paused-operator-told", sentence=sentence) if told else sentence


TIMED_OUT_SENTENCE = Msg("ending-timed-out")
NO_CLIP_SENTENCE = Msg("ending-no-clip")
CANCELLED_BY_API_SENTENCE = Msg("ending-cancelled-by-api")
DELIVERY_FAILED_SENTENCE = Msg("ending-delivery-failed")
GAVE_UP_SENTENCE = Msg("ending-gave-up")
GAVE_UP_BEFORE_START_SENTENCE = Msg("ending-gave-up-before-start")
SHUTTING_DOWN_SENTENCE = Msg("refusal-shutting-down")


def ending_fields(sentence: Msg) -> dict[str, str | None]:
    """The job columns that record how it ended: the message id and its arguments, never a rendering (the
    card shows it in its own locale; `error` is left to rows written before the catalogs)."""
    return {"error": None, "error_key": sentence.key, "error_args": sentence.to_json()}


def ending_of(job: Job) -> Text | None:
    """How a job ended, for its card and ping: the stored message, or an old row's English sentence."""
    if job.error_key:
        return Msg.from_row(job.error_key, job.error_args)
    return job.error


def missing_permissions_sentence(missing: tuple[str, ...], *, role_name: str, in_thread: bool = False) -> Msg:
    """The bot can't post the card and clip where it was asked: which permissions, and where to grant them.

    `missing` are permission ids of bot.jobs.permissions (each a catalog message `permission-<id>`)."""
    names = [Msg(f"permission-{p}") for p in missing]
    listed: Msg = names[0]
    for name in names[1:-1]:
        listed = Msg("list-comma", first=listed, next=name)
    if len(names) > 1:
        listed = Msg("list-and", first=listed, last=names[-1])
    return Msg(
        "refusal-missing-permissions",
        permissions=listed,
        count=len(missing),
        where="thread" if in_thread else "channel",
        role=role_name,
    )
