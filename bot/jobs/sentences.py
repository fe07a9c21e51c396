"""What a member reads about their job's ending or waiting: one true sentence each (no Discord here)."""

from __future__ import annotations

SUBMIT_UNKNOWN_SENTENCE = (
    "The video service did not confirm this request, so it may or may not have started. I won't send it "
    "again on my own, to avoid paying twice, and it does not count against your limits: press Retry to "
    "make it again."
)
CANCELLED_BY_USER_SENTENCE = (
    "Cancelled. The video service cannot stop a job it has started, so it may still finish (and be paid "
    "for) on its side, but I stopped waiting for it and freed the slot."
)
CANCELLED_QUEUED_SENTENCE = "Cancelled before it started; nothing was sent to the video service."
# While submits are paused (401/402): shown on queued cards and to /video. Each claims only what is true;
# `with_operator_told` adds that the operator was told once an alert has really been delivered.
MISCONFIGURED_SENTENCE = (
    "The video service is misconfigured right now (it refuses this bot's API key), so no video can start "
    "until that is fixed; waiting jobs then start by themselves."
)
OUT_OF_CREDIT_SENTENCE = (
    "The video service is out of credit right now, so no video can start until the account is topped up; "
    "waiting jobs then start by themselves."
)
OPERATOR_TOLD_SENTENCE = "The operator has been told."


def with_operator_told(sentence: str, told: bool) -> str:
    return f"{sentence} {OPERATOR_TOLD_SENTENCE}" if told else sentence


TIMED_OUT_SENTENCE = "The video service took too long, so I stopped waiting for this clip."
NO_CLIP_SENTENCE = (
    "The video service said the clip was finished but never gave it to me, so I stopped waiting for it."
)
CANCELLED_BY_API_SENTENCE = "The video service cancelled this job."
DELIVERY_FAILED_SENTENCE = "The clip was made, but I could not fetch it from the video service in time."
GAVE_UP_SENTENCE = (
    "Something went wrong on my side while working on this job, and it kept going wrong, so I stopped. "
    "It does not count against your limits: press Retry to try again."
)
GAVE_UP_BEFORE_START_SENTENCE = (
    "Something went wrong on my side before this job started, so I stopped; nothing was sent to the video "
    "service and nothing was charged. Please try /video again."
)
SHUTTING_DOWN_SENTENCE = "I'm restarting right now; nothing was charged. Please try again in a minute."


def missing_permissions_sentence(missing: tuple[str, ...], *, role_name: str, in_thread: bool = False) -> str:
    """The bot can't post the card and clip where it was asked: which permissions, and where to grant them."""
    listed = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    what, them = ("permission", "it") if len(missing) == 1 else ("permissions", "them")
    here, settings = ("thread", "its parent channel's") if in_thread else ("channel", "the channel's")
    return (
        f"I can't post videos here: I'm missing the {listed} {what} in this {here}. A server admin can grant "
        f"{them} in {settings} settings (Permissions → {role_name}). Nothing was charged."
    )
