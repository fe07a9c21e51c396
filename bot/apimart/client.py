"""The bot's only way to talk to the video API: ApiMartClient and its HTTP plumbing."""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import io
import json
import logging
import math
import re
import time
import urllib.parse
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import aiohttp

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
from bot.apimart.models import Balance, TaskStatus, _http_url, _number

__all__ = ["RESOLUTION", "ApiMartClient"]

log = logging.getLogger("bot.apimart")

RESOLUTION = "720p"
# Opaque ids ("task_01KS…", older "task-unified-…"); anything outside this never goes into a URL path.
_TASK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")
_MAX_MESSAGE = 500
_CHUNK = 256 * 1024
_INLINE_BODY = 512 * 1024

# Second-level classification, for statuses that do not decide on their own (400 and unusual 4xx).
_BY_CODE: dict[str, type[ApiError]] = {
    "get_channel_failed": ServerError,
    "invalid_api_key": AuthError,
    "insufficient_quota": PaymentRequired,
    "insufficient_balance": PaymentRequired,
    "insufficient_user_quota": PaymentRequired,
    "rate_limit_exceeded": RateLimited,
    "task_not_found": TaskNotFound,
    "not_found": TaskNotFound,
    "file_too_large": TooLarge,
}
_BY_TYPE: dict[str, type[ApiError]] = {
    "authentication_error": AuthError,
    "payment_required": PaymentRequired,
    "insufficient_quota": PaymentRequired,
    "permission_error": PermissionDenied,
    "permission_denied": PermissionDenied,
    "rate_limit_error": RateLimited,
    "not_found_error": TaskNotFound,
    "server_error": ServerError,
    "api_error": ServerError,
}
_BY_STATUS: dict[int, type[ApiError]] = {
    401: AuthError,
    402: PaymentRequired,
    403: PermissionDenied,
    404: TaskNotFound,
    408: ApiTimeout,
    413: TooLarge,
    429: RateLimited,
}


def _retry_after(header: str | None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds (fractions tolerated) or an HTTP date."""
    if not header:
        return None
    header = header.strip()
    try:
        seconds = float(header)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            return None
        seconds = when.timestamp() - time.time()
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


class ApiMartClient:
    """The bot's only way to talk to APIMart. Uses the caller's session; closes nothing.

    Every failure is raised as an :class:`ApiError` subclass that says whether retrying can help. Submits
    are special: a POST that may have reached the service (timeout after sending, 5xx, dropped
    connection, unreadable 200) raises :class:`SubmitOutcomeUnknown`, because re-sending it could create
    and bill a second task.

    The API key only ever travels in the ``Authorization`` header of requests to ``base_url``; it is never
    sent to download URLs (they may be a third-party CDN), never logged, and scrubbed from every error text.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        base_url: str,
        api_key: str,
        model: str,
        timeout: float = 30.0,
    ) -> None:
        self._session = session
        self._base_url = base_url.rstrip("/")
        self._api_key = api_key
        self.model = model
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"ApiMartClient(base_url={self._base_url!r}, model={self.model!r}, api_key=***)"

    # ---- public calls -----------------------------------------------------------------------------

    async def submit(
        self,
        *,
        prompt: str | None,
        image_urls: Sequence[str] = (),
        video_urls: Sequence[str] = (),
        aspect_ratio: str = "16:9",
        extend_from_task_id: str | None = None,
        webhook: str | None = None,
        idempotency_key: str | None = None,
    ) -> str:
        """Create a generation task and return its id.

        Raises SubmitOutcomeUnknown when the task may exist anyway; any other ApiError means the
        service certainly did not create one (so sending again is safe when ``retryable``).
        """
        body: dict[str, Any] = {"model": self.model, "resolution": RESOLUTION, "aspect_ratio": aspect_ratio}
        if prompt:
            body["prompt"] = prompt
        if image_urls:
            body["image_urls"] = list(image_urls)
        if video_urls:
            body["video_urls"] = list(video_urls)
        if extend_from_task_id:
            body["extend_from_task_id"] = extend_from_task_id
        if webhook:
            body["webhook"] = webhook
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        try:
            payload = await self._call("POST", "/v1/videos/generations", json_body=body, headers=headers)
            return _submitted_task_id(payload)
        except (ServerError, MalformedResponse) as exc:
            if exc.status == 400:  # get_channel_failed: refused before any task existed
                raise
            raise self._unknown(exc) from exc
        except (ApiTimeout, ApiConnectionError) as exc:
            if not exc.maybe_sent:
                raise
            raise self._unknown(exc) from exc

    async def get_task(self, task_id: str) -> TaskStatus:
        path = "/v1/tasks/" + urllib.parse.quote(_checked_task_id(task_id), safe="")
        payload = await self._call("GET", path, params={"language": "en"})
        if not isinstance(payload, Mapping) or "data" not in payload:
            raise MalformedResponse("task status: no `data` in the answer", status=200)
        try:
            return TaskStatus.from_json(payload["data"], task_id=task_id)
        except MalformedResponse as exc:
            exc.status = 200
            raise

    async def upload_image(self, data: bytes, *, filename: str, content_type: str) -> str:
        """Upload one image (JPEG/PNG/WebP/GIF, ≤ 20 MB) and return its URL (valid about 72 h)."""
        form = aiohttp.FormData()
        # A BytesIO, not bytes: aiohttp warns that large raw-bytes bodies may block the event loop.
        form.add_field("file", io.BytesIO(data), filename=filename, content_type=content_type)
        payload = await self._call("POST", "/v1/uploads/images", form=form)
        if isinstance(payload, Mapping) and isinstance(payload.get("data"), Mapping):
            payload = payload["data"]
        url = _http_url(payload.get("url")) if isinstance(payload, Mapping) else None
        if url is None:
            raise MalformedResponse("upload: no URL in the answer", status=200)
        return url

    async def balance(self) -> Balance:
        payload = await self._call("GET", "/v1/balance")
        if not isinstance(payload, Mapping):
            raise MalformedResponse("balance: the answer is not an object", status=200)
        if payload.get("success") is False:
            message = payload.get("message") or payload.get("error") or "the balance request failed"
            raise ApiError(self._scrub(f"balance: {str(message)[:_MAX_MESSAGE]}"), status=200)
        unlimited = payload.get("unlimited_quota")
        return Balance(
            remain_credits=_number(payload.get("remain_credits")),
            remain_balance=_number(payload.get("remain_balance")),
            used_credits=_number(payload.get("used_credits")),
            unlimited=unlimited is True,
        )

    # The timeout goes to aiohttp (not asyncio.timeout) so a connect timeout stays distinguishable.
    async def download(self, url: str, dest: Path, *, max_bytes: int, timeout: float = 120) -> int:
        """Stream a result file to ``dest`` (via ``dest.with_suffix('.part')``); return the bytes written.

        No API key is sent: the file may live on another host.
        """
        if not url.startswith(("http://", "https://")):
            raise BadRequest("download: not an http(s) URL")
        where = _redact_url(url)
        part = dest.with_suffix(".part")
        written = 0
        started = time.monotonic()
        try:
            async with self._session.get(url, timeout=_timeout(timeout)) as resp:
                if resp.status in (403, 404, 410):
                    raise ResultExpired(
                        f"download of {where}: HTTP {resp.status}, the link has expired",
                        status=resp.status,
                        code="expired",
                    )
                if resp.status >= 400:
                    raise self._http_error(resp.status, await resp.read(), resp.headers.get("Retry-After"))
                if resp.content_length is not None and resp.content_length > max_bytes:
                    raise TooLarge(
                        f"download of {where}: {resp.content_length} bytes is over the {max_bytes} byte cap",
                        status=resp.status,
                    )
                handle: IO[bytes] = await asyncio.to_thread(part.open, "wb")
                try:
                    buffer = bytearray()
                    async for chunk in resp.content.iter_chunked(_CHUNK):
                        written += len(chunk)
                        if written > max_bytes:
                            raise TooLarge(
                                f"download of {where}: more than the {max_bytes} byte cap", status=resp.status
                            )
                        buffer += chunk
                        if len(buffer) >= 4 * _CHUNK:
                            await asyncio.to_thread(handle.write, bytes(buffer))
                            buffer.clear()
                    if buffer:
                        await asyncio.to_thread(handle.write, bytes(buffer))
                finally:
                    await asyncio.to_thread(handle.close)
            await asyncio.to_thread(part.replace, dest)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                await asyncio.shield(asyncio.to_thread(part.unlink, missing_ok=True))
            if isinstance(exc, ApiError):
                raise
            if isinstance(exc, aiohttp.ClientError | TimeoutError):
                raise self._transport_error(exc, f"download of {where}") from None
            raise
        log.info("downloaded %s: %d bytes in %.1f s", where, written, time.monotonic() - started)
        return written

    # ---- plumbing ---------------------------------------------------------------------------------

    async def _call(
        self,
        method: str,
        path: str,
        *,
        json_body: Mapping[str, Any] | None = None,
        form: aiohttp.FormData | None = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """One authenticated request; returns the parsed JSON of a 2xx answer or raises an ApiError."""
        all_headers = {"Authorization": f"Bearer {self._api_key}", "Accept": "application/json"}
        if headers:
            all_headers.update(headers)
        data: aiohttp.FormData | bytes | io.BytesIO | None = form
        if json_body is not None:
            # Encoded here: a data:video URI can make the body large, and aiohttp warns about large bytes.
            encoded = json.dumps(json_body, ensure_ascii=False).encode()
            data = io.BytesIO(encoded) if len(encoded) > _INLINE_BODY else encoded
            all_headers["Content-Type"] = "application/json"
        started = time.monotonic()
        what = f"{method} {path}"
        try:
            async with self._session.request(
                method,
                self._base_url + path,
                data=data,
                params=params,
                headers=all_headers,
                timeout=_timeout(self.timeout),
            ) as resp:
                status = resp.status
                body = await resp.read()
                retry_after = resp.headers.get("Retry-After")
        except (aiohttp.ClientError, TimeoutError) as exc:
            error = self._transport_error(exc, what)
            log.warning("%s failed after %.1f s: %s", what, time.monotonic() - started, error)
            raise error from None
        log.debug("%s -> %d in %.2f s", what, status, time.monotonic() - started)
        if status >= 400:
            error = self._http_error(status, body, retry_after)
            log.warning("%s -> %s", what, error)
            raise error
        try:
            return json.loads(body)
        except ValueError:
            raise MalformedResponse(
                f"{what}: HTTP {status} with a body that is not JSON: {self._snippet(body)}", status=status
            ) from None

    def _http_error(self, status: int, body: bytes, retry_after_header: str | None) -> ApiError:
        code, type_, message = self._parse_error_body(status, body)
        cls = _BY_STATUS.get(status)
        if cls is None and status >= 500:
            cls = ServerError
        if cls is None:
            cls = _BY_CODE.get(code) or _BY_TYPE.get(type_)
        if cls is None and "not found" in message.lower():
            cls = TaskNotFound
        if cls is None:
            cls = BadRequest if 400 <= status < 500 else ApiError
        retry_after = _retry_after(retry_after_header) if cls is RateLimited or status == 503 else None
        return cls(self._scrub(message), status=status, code=code, type=type_, retry_after=retry_after)

    def _parse_error_body(self, status: int, body: bytes) -> tuple[str, str, str]:
        """(code, type, message) from the error envelope, tolerating HTML pages and bare strings."""
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
        error = parsed.get("error") if isinstance(parsed, Mapping) else None
        if isinstance(error, Mapping):
            raw_code = error.get("code")
            code = str(raw_code) if isinstance(raw_code, int | str) and not isinstance(raw_code, bool) else ""
            raw_type = error.get("type")
            type_ = raw_type if isinstance(raw_type, str) else ""
            raw_message = error.get("message")
            message = raw_message if isinstance(raw_message, str) and raw_message else f"HTTP {status}"
            return code, type_, message[:_MAX_MESSAGE]
        if isinstance(error, str) and error:
            return "", "", error[:_MAX_MESSAGE]
        if isinstance(parsed, Mapping) and isinstance(parsed.get("message"), str):
            return "", "", str(parsed["message"])[:_MAX_MESSAGE]
        return "", "", f"HTTP {status}: {self._snippet(body)}"

    def _snippet(self, body: bytes) -> str:
        """A short, single-line excerpt of a non-JSON body (an HTML gateway page's title, say)."""
        text = body.decode("utf-8", "replace")
        title = re.search(r"<title>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
        if title:
            text = title.group(1)
        text = " ".join(text.split())
        return (text[:200] or "(empty body)") if text else "(empty body)"

    def _transport_error(self, exc: BaseException, what: str) -> ApiError:
        if isinstance(exc, aiohttp.ConnectionTimeoutError):
            return ApiTimeout(f"{what}: timed out while connecting", maybe_sent=False)
        if isinstance(exc, TimeoutError):
            return ApiTimeout(f"{what}: timed out")
        if isinstance(exc, aiohttp.InvalidURL):
            return ApiConnectionError(f"{what}: invalid URL", maybe_sent=False, retryable=False)
        if isinstance(exc, aiohttp.ClientConnectorError):
            # Refused, DNS failure, TLS handshake: the request never left.
            return ApiConnectionError(
                self._scrub(f"{what}: could not connect ({type(exc).__name__}: {exc.os_error})"),
                maybe_sent=False,
            )
        return ApiConnectionError(self._scrub(f"{what}: connection failed ({type(exc).__name__}: {exc})"))

    def _unknown(self, exc: ApiError) -> SubmitOutcomeUnknown:
        log.warning("submit outcome unknown (%s): %s", type(exc).__name__, exc)
        return SubmitOutcomeUnknown(
            f"the submit may have created a task, but no task id came back ({type(exc).__name__}: "
            f"{exc.message})",
            cause=exc,
        )

    def _scrub(self, text: str) -> str:
        return text.replace(self._api_key, "***") if self._api_key else text


def _timeout(total: float) -> aiohttp.ClientTimeout:
    # A separate connect limit lets a connect timeout say "not sent" (safe to re-send a submit).
    return aiohttp.ClientTimeout(total=total, sock_connect=min(total, 10.0))


def _checked_task_id(task_id: str) -> str:
    if not isinstance(task_id, str) or not _TASK_ID.fullmatch(task_id):
        raise BadRequest(f"not a valid task id: {str(task_id)[:40]!r}")
    return task_id


def _submitted_task_id(payload: Any) -> str:
    data = payload.get("data") if isinstance(payload, Mapping) else None
    if isinstance(data, list) and data:
        data = data[0]
    task_id = data.get("task_id", data.get("id")) if isinstance(data, Mapping) else None
    if not isinstance(task_id, str) or not _TASK_ID.fullmatch(task_id):
        raise MalformedResponse("submit: no task id in the answer", status=200)
    return task_id


def _redact_url(url: str) -> str:
    """scheme://host/path without the query, which may carry a signature."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
