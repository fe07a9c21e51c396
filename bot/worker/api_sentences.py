"""The video service's refusals and failures in our own words: one true sentence for the member.

The provider's text (which may carry request ids, URLs or internal jargon) never reaches a public card: it
goes to the log and to the job's `last_error`. Known codes and wordings map to a sentence that says what
happened and what the member can do; anything else gets a plain sentence that claims no reason.
"""

from __future__ import annotations

from bot import apimart
from bot.i18n import Msg

SAFETY_SENTENCE = Msg("api-safety")
GENERIC_FAILURE_SENTENCE = Msg("api-failed")
NO_REASON_SENTENCE = Msg("api-failed-no-reason")
REFERENCE_FAILURE_SENTENCE = Msg("api-reference-failed")
GENERIC_REFUSAL_SENTENCE = Msg("api-refused")

# What the API says (matched case-insensitively, never shown to a member).
_SAFETY_WORDS = ("safety", "content_policy", "content policy", "moderation", "sensitive", "blocked", "nsfw")
_REFERENCE_WORDS = ("image", "video_url", "reference", "download", "fetch", "decode")

# Refusals (HTTP 400) by the words the API uses, checked in order; first match wins.
_REFUSALS: tuple[tuple[tuple[str, ...], Msg], ...] = (
    (_SAFETY_WORDS, SAFETY_SENTENCE),
    (("prompt is required",), Msg("api-refused-no-prompt")),
    (("at most 16",), Msg("api-refused-too-many-images")),
    (("at most 1 video",), Msg("api-refused-too-many-videos")),
    (("together with extend", "cannot be combined"), Msg("api-refused-video-with-extend")),
    (("not completed", "cannot be extended"), Msg("api-refused-parent-unfinished")),
    (("seconds long", "duration"), Msg("api-refused-clip-length")),
    (("image format", "only jpeg and png", "base64"), Msg("api-refused-image-format")),
    (("model_not_found", "not supported"), Msg("api-refused-model")),
    (_REFERENCE_WORDS, Msg("api-refused-reference")),
)


def _words(*parts: str | None) -> str:
    return " ".join(p for p in parts if p).lower()


def task_failure_sentence(code: str | None, message: str | None) -> Msg:
    """A task the API reports `failed`: why, in our words (its own text is never shown)."""
    text = _words(code, message)
    if not text.strip():
        return NO_REASON_SENTENCE
    if any(w in text for w in _SAFETY_WORDS):
        return SAFETY_SENTENCE
    if any(w in text for w in _REFERENCE_WORDS):
        return REFERENCE_FAILURE_SENTENCE
    return GENERIC_FAILURE_SENTENCE


def refusal_sentence(exc: apimart.BadRequest) -> Msg:
    """A submit the API refused as a bad request (400): what was wrong, in our words."""
    text = _words(exc.code, exc.type if exc.type != "invalid_request_error" else "", exc.message)
    for words, sentence in _REFUSALS:
        if any(w in text for w in words):
            return sentence
    return GENERIC_REFUSAL_SENTENCE
