"""The video service's refusals and failures in our own words: one true sentence for the member.

The provider's text (which may carry request ids, URLs or internal jargon) never reaches a public card: it
goes to the log and to the job's `last_error`. Known codes and wordings map to a sentence that says what
happened and what the member can do; anything else gets a plain sentence that claims no reason.
"""

from __future__ import annotations

from bot import apimart

SAFETY_SENTENCE = (
    "The video service's safety filter blocked this request, so no clip was made. Try a different prompt "
    "or other references."
)
GENERIC_FAILURE_SENTENCE = "The video service could not make this clip. Press Retry to try again."
NO_REASON_SENTENCE = (
    "The video service could not make this clip, and gave no reason. Press Retry to try again."
)
REFERENCE_FAILURE_SENTENCE = (
    "The video service could not use the reference files, so no clip was made. Try other images or clips."
)
GENERIC_REFUSAL_SENTENCE = (
    "The video service refused this request as invalid, so nothing was made or charged."
)

_SAFETY_WORDS = ("safety", "content_policy", "content policy", "moderation", "sensitive", "blocked", "nsfw")
_REFERENCE_WORDS = ("image", "video_url", "reference", "download", "fetch", "decode")

# Refusals (HTTP 400) by the words the API uses, checked in order; first match wins.
_REFUSALS: tuple[tuple[tuple[str, ...], str], ...] = (
    (_SAFETY_WORDS, SAFETY_SENTENCE),
    (("prompt is required",), "The video service needs a prompt or a reference to make a clip."),
    (("at most 16",), "The video service takes at most 16 reference images."),
    (("at most 1 video",), "The video service takes only one reference clip."),
    (("together with extend", "cannot be combined"), "A reference clip cannot be combined with Extend."),
    (
        ("not completed", "cannot be extended"),
        "The clip to continue is not finished at the video service, so it cannot be extended yet.",
    ),
    (("seconds long", "duration"), "The reference clip must be between 1 and 24 seconds long."),
    (
        ("image format", "only jpeg and png", "base64"),
        "The video service only takes PNG or JPEG reference images.",
    ),
    (
        ("model_not_found", "not supported"),
        "The video service does not offer the model this bot is set to use; the operator needs to fix the "
        "bot's settings.",
    ),
    (_REFERENCE_WORDS, "The video service could not fetch or read a reference file. Try attaching it again."),
)


def _words(*parts: str | None) -> str:
    return " ".join(p for p in parts if p).lower()


def task_failure_sentence(code: str | None, message: str | None) -> str:
    """A task the API reports `failed`: why, in our words (its own text is never shown)."""
    text = _words(code, message)
    if not text.strip():
        return NO_REASON_SENTENCE
    if any(w in text for w in _SAFETY_WORDS):
        return SAFETY_SENTENCE
    if any(w in text for w in _REFERENCE_WORDS):
        return REFERENCE_FAILURE_SENTENCE
    return GENERIC_FAILURE_SENTENCE


def refusal_sentence(exc: apimart.BadRequest) -> str:
    """A submit the API refused as a bad request (400): what was wrong, in our words."""
    text = _words(exc.code, exc.type if exc.type != "invalid_request_error" else "", exc.message)
    for words, sentence in _REFUSALS:
        if any(w in text for w in words):
            return sentence
    return GENERIC_REFUSAL_SENTENCE
