"""The errors of the video API client: one ApiError subclass per kind of failure."""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiTimeout",
    "AuthError",
    "BadRequest",
    "MalformedResponse",
    "PaymentRequired",
    "PermissionDenied",
    "RateLimited",
    "ResultExpired",
    "ServerError",
    "SubmitOutcomeUnknown",
    "TaskNotFound",
    "TooLarge",
]


class ApiError(Exception):
    """Any failure talking to the video API. ``message`` keeps the API's text (with its request id)."""

    default_retryable: ClassVar[bool] = False

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str = "",
        type: str = "",
        retryable: bool | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.message = message
        self.status = status
        self.code = code
        self.type = type
        self.retryable = self.default_retryable if retryable is None else retryable
        self.retry_after = retry_after
        super().__init__(message)

    def __str__(self) -> str:
        where = f"HTTP {self.status}" if self.status is not None else "no HTTP status"
        kind = "/".join(part for part in (self.code, self.type) if part)
        return f"{self.message} [{where}{', ' + kind if kind else ''}]"


class AuthError(ApiError):
    """401: the key is missing or invalid. Stop and tell the operator."""


class PaymentRequired(ApiError):
    """402: the account is out of credit (seen even on read endpoints)."""


class PermissionDenied(ApiError):
    """403: the key may not use this model, or from this IP."""


class BadRequest(ApiError):
    """400: the service refused the request as it stands; sending it again cannot help."""


class TaskNotFound(ApiError):
    """404, or a 400 that says not found: the service does not know the task id."""


class TooLarge(ApiError):
    """413 for uploads over 20 MB, and downloads over the caller's ``max_bytes``."""


class ResultExpired(ApiError):
    """A result file answered 403/404/410: its link expired (or never existed). Permanent."""


class RateLimited(ApiError):
    """429. ``retry_after`` comes from the Retry-After header when present, else None."""

    default_retryable = True


class ServerError(ApiError):
    """5xx, or the transient 400 ``get_channel_failed``. Retry later (submits: see SubmitOutcomeUnknown)."""

    default_retryable = True


class ApiTimeout(ApiError):
    """The request timed out. ``maybe_sent`` is False only when connecting itself timed out."""

    default_retryable = True

    def __init__(self, message: str, *, maybe_sent: bool = True, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.maybe_sent = maybe_sent


class ApiConnectionError(ApiError):
    """Could not connect, or the connection broke. ``maybe_sent`` is False when connecting failed."""

    default_retryable = True

    def __init__(self, message: str, *, maybe_sent: bool = True, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.maybe_sent = maybe_sent


class MalformedResponse(ApiError):
    """The answer was not JSON, or not the expected shape."""

    default_retryable = True


class SubmitOutcomeUnknown(ApiError):
    """The submit may have created (and billed) a task, but no task id came back. Never re-send blindly.

    ``cause`` is the underlying error (ApiTimeout, ServerError, ApiConnectionError or MalformedResponse).
    """

    default_retryable = False

    def __init__(self, message: str, *, cause: ApiError) -> None:
        super().__init__(message, status=cause.status, code=cause.code, type=cause.type, retryable=False)
        self.cause = cause
