"""The real API client against the fake APIMart: every answer and fault becomes the right typed error."""

from __future__ import annotations

import email.utils
import logging
import socket
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import av
import pytest

from bot.apimart import (
    ApiConnectionError,
    ApiError,
    ApiMartClient,
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
    TaskStatus,
    TooLarge,
)
from bot.apimart import client as apimart_client
from tests.fakes.fake_apimart import MAX_UPLOAD, FakeApiMart, Timeline
from tests.fakes.media import make_big_png, make_jpeg, make_mp4, make_png

KEY = "sk-live-SECRET-KEY-4f8a2b"
WRONG_KEY = "sk-live-WRONG-KEY-77aa01"
MODEL = "gemini-omni-flash-preview"


@pytest.fixture(autouse=True)
def no_key_in_logs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Whatever a test does, the client never logs either key."""
    caplog.set_level(logging.DEBUG, logger="bot.apimart")
    yield
    for record in caplog.records:
        text = record.getMessage()
        assert KEY not in text and WRONG_KEY not in text, text


@pytest.fixture
async def fake() -> AsyncIterator[FakeApiMart]:
    server = await FakeApiMart(api_key=KEY, clock=lambda: 0.0).start()
    yield server
    await server.stop()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


@pytest.fixture
def client(fake: FakeApiMart, session: aiohttp.ClientSession) -> ApiMartClient:
    return ApiMartClient(session, base_url=fake.base_url + "/", api_key=KEY, model=MODEL, timeout=3.0)


def files_in(folder: Path) -> list[Path]:
    return sorted(folder.iterdir())


def clean(exc: BaseException) -> BaseException:
    """Assert neither key appears anywhere in the error (its text, repr, message or causes)."""
    seen: BaseException | None = exc
    while seen is not None:
        for text in (str(seen), repr(seen), getattr(seen, "message", "")):
            assert KEY not in text and WRONG_KEY not in text, text
        seen = seen.__cause__ or seen.__context__
    return exc


async def submit(client: ApiMartClient, **kwargs: Any) -> str:
    return await client.submit(prompt=kwargs.pop("prompt", "a cat surfing at dusk"), **kwargs)


# ---------------------------------------------------------------------------------------------- happy path


async def test_round_trip_upload_submit_poll_download(
    fake: FakeApiMart, client: ApiMartClient, tmp_path: Path
) -> None:
    url = await client.upload_image(make_jpeg(), filename="ref.jpg", content_type="image/jpeg")
    assert fake.uploads[url] == make_jpeg()
    task_id = await client.submit(
        prompt="a cat", image_urls=[url], aspect_ratio="9:16", idempotency_key="job-7"
    )

    first = await client.get_task(task_id)
    assert (first.task_id, first.status, first.progress, first.terminal) == (task_id, "pending", 0, False)
    assert first.estimated_time == 1.0 and first.video_url is None
    fake.advance_time(0.1)
    assert (await client.get_task(task_id)).progress == 10
    fake.advance_time(1)
    done = await client.get_task(task_id)
    assert done.status == "completed" and done.terminal and done.progress == 100
    assert done.video_url == fake.file_url(task_id)
    assert done.completed_at is not None and done.expires_at == done.completed_at + 86400
    assert done.cost == 0.88 and done.credits_cost == 8.8 and done.actual_time is not None
    assert done.error_message is None and done.error_code is None

    dest = tmp_path / "clip.mp4"
    written = await client.download(done.video_url, dest, max_bytes=10_000_000)
    assert written == dest.stat().st_size == len(make_mp4())
    assert not dest.with_suffix(".part").exists()
    with av.open(str(dest)) as container:
        assert container.streams.video and container.streams.audio
        assert container.streams.video[0].codec_context.name == "h264"
    # The download went without the key: the file host may not be the API host.
    assert [r.route for r in fake.requests] == ["upload", "submit", "status", "status", "status", "file"]
    assert fake.requests[1].idempotency_key == "job-7"
    assert fake.requests[2].query == "language=en"


async def test_submit_sends_only_the_fields_it_has(fake: FakeApiMart, client: ApiMartClient) -> None:
    with pytest.raises(BadRequest):  # the fake insists on a prompt or a reference
        await client.submit(prompt=None, video_urls=[], image_urls=[], extend_from_task_id=None, webhook=None)
    assert fake.submit_attempts[-1] == {"model": MODEL, "resolution": "720p", "aspect_ratio": "16:9"}
    parent = await submit(client)
    fake.advance_time(1)
    await client.submit(prompt="more", extend_from_task_id=parent, webhook="http://127.0.0.1:9/hook")
    assert fake.submits[-1] == {
        "model": MODEL,
        "resolution": "720p",
        "aspect_ratio": "16:9",
        "prompt": "more",
        "extend_from_task_id": parent,
        "webhook": "http://127.0.0.1:9/hook",
    }
    assert fake.requests[-1].idempotency_key is None


async def test_submit_with_a_large_video_data_uri(fake: FakeApiMart, client: ApiMartClient) -> None:
    import base64

    clip = make_mp4(1.5, width=320, height=180, noise=True, bitrate=6_000_000)
    assert len(clip) > 700_000  # the JSON body is over aiohttp's "large raw bytes" threshold
    uri = "data:video/mp4;base64," + base64.b64encode(clip).decode()
    task_id = await submit(client, video_urls=[uri])
    assert fake.tasks[task_id].body["video_urls"] == [uri]


async def test_url_as_bare_string_and_numeric_strings(fake: FakeApiMart, client: ApiMartClient) -> None:
    fake.url_as_string = fake.numeric_strings = True
    task_id = await submit(client)
    fake.advance_time(1)
    status = await client.get_task(task_id)
    assert status.video_url == fake.file_url(task_id)
    assert status.cost == 0.88 and status.credits_cost == 8.8


@pytest.mark.parametrize(
    ("error", "message", "code"),
    [
        (
            {"code": 1002, "message": "Content blocked (request id: r1)", "type": "x"},
            "Content blocked (request id: r1)",
            "1002",
        ),
        ({"code": "", "message": "Upstream busy", "type": "x"}, "Upstream busy", None),
        ("the prompt was refused", "the prompt was refused", None),
        (None, "safety filter", "generation_failed"),
    ],
)
async def test_failed_task_error_as_object_or_string(
    fake: FakeApiMart, client: ApiMartClient, error: Any, message: str, code: str | None
) -> None:
    fake.queue_timeline(Timeline.quick(outcome="failed", error=error))
    task_id = await submit(client)
    fake.advance_time(1)
    status = await client.get_task(task_id)
    assert status.status == "failed" and status.terminal and status.video_url is None
    assert status.error_message is not None and message in status.error_message
    assert status.error_code == code


async def test_cancelled_is_terminal(fake: FakeApiMart, client: ApiMartClient) -> None:
    fake.queue_timeline(Timeline.manual())
    task_id = await submit(client)
    fake.advance_time(1)
    assert (await client.get_task(task_id)).status == "processing"
    fake.cancel(task_id)
    status = await client.get_task(task_id)
    assert status.status == "cancelled" and status.terminal


async def test_balance(fake: FakeApiMart, client: ApiMartClient) -> None:
    fake.credits = 12.5
    balance = await client.balance()
    assert (balance.remain_credits, balance.remain_balance, balance.used_credits) == (12.5, 1.25, 23.0)
    assert balance.unlimited is False
    fake.balance_failure = "account suspended"
    with pytest.raises(ApiError) as info:
        await client.balance()
    assert "account suspended" in clean(info.value).message and not info.value.retryable


# ------------------------------------------------------------------------------------------ errors by status


async def test_wrong_key_is_an_auth_error_without_the_key(
    fake: FakeApiMart, session: aiohttp.ClientSession
) -> None:
    client = ApiMartClient(session, base_url=fake.base_url, api_key=WRONG_KEY, model=MODEL)
    for call in (client.balance(), client.get_task("task_x"), submit(client)):
        with pytest.raises(AuthError) as info:
            await call
        exc = clean(info.value)
        assert isinstance(exc, AuthError)
        assert exc.status == 401 and exc.type == "authentication_error" and not exc.retryable
        assert "(request id: " in exc.message
    assert WRONG_KEY not in repr(client)


async def test_payment_required_everywhere(fake: FakeApiMart, client: ApiMartClient) -> None:
    fake.payment_required = True
    for call in (client.balance(), client.get_task("task_x"), submit(client)):
        with pytest.raises(PaymentRequired) as info:
            await call
        assert clean(info.value).status == 402 and not info.value.retryable
    with pytest.raises(PaymentRequired):
        await client.upload_image(make_png(), filename="a.png", content_type="image/png")


async def test_permission_denied(fake: FakeApiMart, client: ApiMartClient) -> None:
    fake.fault_next("submit", "403")
    with pytest.raises(PermissionDenied) as info:
        await submit(client)
    assert clean(info.value).status == 403 and not info.value.retryable


@pytest.mark.parametrize(("header", "expected"), [(2.5, 2.5), (None, None)])
async def test_rate_limited_with_and_without_retry_after(
    fake: FakeApiMart, client: ApiMartClient, header: float | None, expected: float | None
) -> None:
    fake.fault_next("status", "429", retry_after=header)
    with pytest.raises(RateLimited) as info:
        await client.get_task("task_x")
    exc = clean(info.value)
    assert exc.status == 429 and exc.retryable and exc.retry_after == expected


async def test_rate_limited_submit_is_not_an_unknown_outcome(
    fake: FakeApiMart, client: ApiMartClient
) -> None:
    fake.fault_next("submit", "429")
    with pytest.raises(RateLimited):
        await submit(client)
    assert fake.tasks == {}


def test_retry_after_parsing() -> None:
    assert apimart_client._retry_after("3") == 3.0
    assert apimart_client._retry_after(" 0.25 ") == 0.25
    assert apimart_client._retry_after("-4") == 0.0
    assert apimart_client._retry_after("soon") is None
    assert apimart_client._retry_after(None) is None
    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 25 < (apimart_client._retry_after(later) or 0) <= 30
    assert apimart_client._retry_after(email.utils.formatdate(time.time() - 30, usegmt=True)) == 0.0


@pytest.mark.parametrize("kind", ["500", "502", "503"])
async def test_server_errors_on_reads_are_retryable(
    fake: FakeApiMart, client: ApiMartClient, kind: str
) -> None:
    fake.fault_next("status", kind)
    with pytest.raises(ServerError) as info:
        await client.get_task("task_x")
    exc = clean(info.value)
    assert exc.status == int(kind) and exc.retryable
    if kind == "502":
        assert "502 Bad Gateway" in exc.message  # the HTML page's title, not the whole page
        assert "<html>" not in exc.message


async def test_get_channel_failed_is_transient_and_safe_to_resend(
    fake: FakeApiMart, client: ApiMartClient
) -> None:
    fake.fault_next("submit", "get_channel_failed")
    with pytest.raises(ServerError) as info:
        await submit(client)
    assert info.value.status == 400 and info.value.retryable and info.value.code == "get_channel_failed"
    assert not isinstance(info.value, SubmitOutcomeUnknown)


async def test_unknown_task_and_unknown_parent(fake: FakeApiMart, client: ApiMartClient) -> None:
    with pytest.raises(TaskNotFound) as info:
        await client.get_task("task_01UNKNOWN")
    assert clean(info.value).status == 404 and not info.value.retryable
    with pytest.raises(TaskNotFound) as info:  # a 400 whose message says not found
        await submit(client, extend_from_task_id="task_01UNKNOWN")
    assert info.value.status == 400


async def test_bad_requests_keep_the_api_message(fake: FakeApiMart, session: aiohttp.ClientSession) -> None:
    client = ApiMartClient(session, base_url=fake.base_url, api_key=KEY, model="retired-model")
    with pytest.raises(BadRequest) as info:
        await submit(client)
    exc = clean(info.value)
    assert exc.status == 400 and not exc.retryable and exc.type == "invalid_request_error"
    assert "retired-model is not supported" in exc.message and "(request id: " in exc.message


@pytest.mark.parametrize("task_id", ["../balance", "task x", "", "a/b", "task_%2e%2e", "t" * 200])
async def test_task_ids_are_validated_before_any_request(
    fake: FakeApiMart, client: ApiMartClient, task_id: str
) -> None:
    with pytest.raises(BadRequest):
        await client.get_task(task_id)
    assert fake.requests == []


# -------------------------------------------------------------------------------------- transport failures


@pytest.mark.parametrize("kind", ["500", "502", "503"])
async def test_submit_5xx_is_an_unknown_outcome(fake: FakeApiMart, client: ApiMartClient, kind: str) -> None:
    fake.fault_next("submit", kind, creates_task=True)
    with pytest.raises(SubmitOutcomeUnknown) as info:
        await submit(client)
    exc = clean(info.value)
    assert not exc.retryable and isinstance(exc.cause, ServerError) and exc.status == int(kind)
    assert len(fake.tasks) == 1  # which is exactly why it must not be re-sent blindly


async def test_submit_timeout_is_an_unknown_outcome(
    fake: FakeApiMart, session: aiohttp.ClientSession
) -> None:
    client = ApiMartClient(session, base_url=fake.base_url, api_key=KEY, model=MODEL, timeout=0.3)
    fake.fault_next("submit", "slow", delay=3)
    with pytest.raises(SubmitOutcomeUnknown) as info:
        await submit(client)
    exc = clean(info.value)
    assert isinstance(exc.cause, ApiTimeout) and exc.cause.maybe_sent and not exc.retryable
    assert len(fake.tasks) == 1


async def test_submit_dropped_connection_is_an_unknown_outcome(
    fake: FakeApiMart, client: ApiMartClient
) -> None:
    fake.fault_next("submit", "drop")
    with pytest.raises(SubmitOutcomeUnknown) as info:
        await submit(client)
    cause = clean(info.value).cause
    assert isinstance(cause, ApiConnectionError) and cause.maybe_sent
    assert len(fake.submit_attempts) == 1  # not retried behind our back


@pytest.mark.parametrize("kind", ["malformed", "malformed_shape"])
async def test_submit_unreadable_200_is_an_unknown_outcome(
    fake: FakeApiMart, client: ApiMartClient, kind: str
) -> None:
    fake.fault_next("submit", kind)
    with pytest.raises(SubmitOutcomeUnknown) as info:
        await submit(client)
    assert isinstance(clean(info.value).cause, MalformedResponse)
    assert len(fake.tasks) == 1


@pytest.mark.parametrize("kind", ["malformed", "malformed_shape"])
async def test_malformed_status_is_retryable(fake: FakeApiMart, client: ApiMartClient, kind: str) -> None:
    fake.fault_next("status", kind)
    with pytest.raises(MalformedResponse) as info:
        await client.get_task("task_x")
    assert clean(info.value).retryable and info.value.status == 200


async def test_read_timeout_and_drop_are_retryable(fake: FakeApiMart, session: aiohttp.ClientSession) -> None:
    client = ApiMartClient(session, base_url=fake.base_url, api_key=KEY, model=MODEL, timeout=0.3)
    fake.fault_next("status", "slow", delay=3)
    with pytest.raises(ApiTimeout) as timeout_info:
        await client.get_task("task_x")
    assert clean(timeout_info.value).retryable
    # aiohttp silently retries an idempotent request once on a reused connection, so drop twice.
    fake.fault_next("balance", "drop", count=2)
    with pytest.raises(ApiConnectionError) as info:
        await client.balance()
    assert clean(info.value).retryable and info.value.maybe_sent


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def test_connection_refused_was_certainly_not_sent(session: aiohttp.ClientSession) -> None:
    client = ApiMartClient(session, base_url=f"http://127.0.0.1:{closed_port()}", api_key=KEY, model=MODEL)
    with pytest.raises(ApiConnectionError) as info:
        await client.get_task("task_x")
    assert clean(info.value).maybe_sent is False and info.value.retryable
    with pytest.raises(ApiConnectionError) as info:  # not SubmitOutcomeUnknown: nothing left the machine
        await submit(client)
    assert info.value.maybe_sent is False


# -------------------------------------------------------------------------------------------------- upload


async def test_upload_too_large_and_unsupported(fake: FakeApiMart, client: ApiMartClient) -> None:
    with pytest.raises(TooLarge) as info:
        await client.upload_image(make_big_png(MAX_UPLOAD + 1), filename="big.png", content_type="image/png")
    assert clean(info.value).status == 413 and not info.value.retryable
    with pytest.raises(BadRequest) as bad:
        await client.upload_image(b"hello, not an image", filename="a.txt", content_type="text/plain")
    assert "unsupported file type" in clean(bad.value).message
    assert fake.uploads == {}


# ------------------------------------------------------------------------------------------------ download


async def completed_url(fake: FakeApiMart, client: ApiMartClient, video: bytes | None = None) -> str:
    fake.queue_timeline(Timeline.quick(video=video))
    task_id = await submit(client)
    fake.advance_time(1)
    url = (await client.get_task(task_id)).video_url
    assert url is not None
    return url


@pytest.mark.parametrize("chunked", [False, True])
async def test_download_over_the_cap_leaves_nothing_behind(
    fake: FakeApiMart, client: ApiMartClient, tmp_path: Path, chunked: bool
) -> None:
    video = make_mp4(2.0, width=640, height=360, noise=True, bitrate=8_000_000)
    fake.file_chunked = chunked  # chunked: no Content-Length, so the cap must trip while streaming
    url = await completed_url(fake, client, video)
    dest = tmp_path / "clip.mp4"
    with pytest.raises(TooLarge) as info:
        await client.download(url, dest, max_bytes=len(video) // 2)
    assert not clean(info.value).retryable
    assert files_in(tmp_path) == []
    assert await client.download(url, dest, max_bytes=len(video)) == len(video)
    assert dest.read_bytes() == video


async def test_expired_download_is_permanent(
    fake: FakeApiMart, client: ApiMartClient, tmp_path: Path
) -> None:
    url = await completed_url(fake, client)
    fake.advance_time(86_401)
    with pytest.raises(ResultExpired) as info:
        await client.download(url, tmp_path / "clip.mp4", max_bytes=10_000_000)
    exc = clean(info.value)
    assert isinstance(exc, ApiError) and not exc.retryable and exc.status == 404
    assert files_in(tmp_path) == []


@pytest.mark.parametrize(
    ("kind", "error"), [("503", ServerError), ("429", RateLimited), ("drop", ApiConnectionError)]
)
async def test_download_transient_failures_are_retryable(
    fake: FakeApiMart, client: ApiMartClient, tmp_path: Path, kind: str, error: type[ApiError]
) -> None:
    url = await completed_url(fake, client)
    fake.fault_next("file", kind, count=2)
    with pytest.raises(error) as info:
        await client.download(url, tmp_path / "clip.mp4", max_bytes=10_000_000)
    assert clean(info.value).retryable
    assert files_in(tmp_path) == []


async def test_download_timeout_removes_the_partial_file(
    fake: FakeApiMart, client: ApiMartClient, tmp_path: Path
) -> None:
    url = await completed_url(fake, client)
    fake.fault_next("file", "slow", delay=3)
    with pytest.raises(ApiTimeout):
        await client.download(url, tmp_path / "clip.mp4", max_bytes=10_000_000, timeout=0.3)
    assert files_in(tmp_path) == []


# ---------------------------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("COMPLETED", "completed"),
        ("Succeeded", "completed"),
        ("canceled", "cancelled"),
        ("submitted", "pending"),
        ("something-new", "processing"),
    ],
)
def test_status_strings_are_normalised(raw: str, expected: str) -> None:
    assert TaskStatus.from_json({"id": "task_1", "status": raw}).status == expected


@pytest.mark.parametrize(
    "data", [None, [], {"status": "pending"}, {"id": "task_1"}, {"id": "task_1", "status": 3}]
)
def test_unusable_status_data_is_malformed(data: Any) -> None:
    with pytest.raises(MalformedResponse):
        TaskStatus.from_json(data)


def test_parsing_tolerates_odd_values() -> None:
    status = TaskStatus.from_json(
        {
            "id": "task_1",
            "status": "completed",
            "progress": "250",
            "cost": "n/a",
            "credits_cost": True,
            "result": {"videos": [{"url": ["ftp://x/y.mp4"]}]},
        }
    )
    assert status.progress == 100 and status.cost is None and status.credits_cost is None
    assert status.video_url is None  # only http(s) URLs are accepted
