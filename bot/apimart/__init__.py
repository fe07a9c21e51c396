"""Typed client of APIMart's video API: errors, models, client; the webhook receiver beside it."""

from bot.apimart.client import RESOLUTION, ApiMartClient
from bot.apimart.errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeout,
    AuthError,
    BadRequest,
    MalformedResponse,
    PaymentRequired,
    PermissionDenied,
    RateLimited,
    ResultExpired,
    ServerError,
    SubmitOutcomeUnknown,
    TaskNotFound,
    TooLarge,
)
from bot.apimart.models import TERMINAL_STATUSES, Balance, TaskStatus

__all__ = [
    "RESOLUTION",
    "TERMINAL_STATUSES",
    "ApiConnectionError",
    "ApiError",
    "ApiMartClient",
    "ApiTimeout",
    "AuthError",
    "BadRequest",
    "Balance",
    "MalformedResponse",
    "PaymentRequired",
    "PermissionDenied",
    "RateLimited",
    "ResultExpired",
    "ServerError",
    "SubmitOutcomeUnknown",
    "TaskNotFound",
    "TaskStatus",
    "TooLarge",
]
