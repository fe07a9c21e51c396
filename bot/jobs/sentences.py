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
MISCONFIGURED_SENTENCE = (
    "The video service is misconfigured right now (it refused this bot's API key); "
    "the operator has been told."
)
OUT_OF_CREDIT_SENTENCE = (
    "The video service is out of credit right now; jobs will wait until the operator tops it up."
)
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
