"""The fake APIMart enforces the documented rules and injects each fault (plain aiohttp requests)."""

from __future__ import annotations

import asyncio
import base64
import io
import json
import re
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from tests.fakes.fake_apimart import MAX_UPLOAD, FakeApiMart, Step, Timeline
from tests.fakes.media import make_big_png, make_gif, make_jpeg, make_mp4, make_png, make_webp

KEY = "sk-fake-SECRET-0123456789"
AUTH = {"Authorization": f"Bearer {KEY}"}
MODEL = "gemini-omni-flash-preview"
ERROR_MESSAGE = re.compile(r".+ \(request id: \w+\)$")


@pytest.fixture
async def fake() -> AsyncIterator[FakeApiMart]:
    # A frozen clock: only advance_time moves tasks along, so no test depends on real timing.
    server = await FakeApiMart(api_key=KEY, clock=lambda: 0.0).start()
    yield server
    await server.stop()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def call(
    http: aiohttp.ClientSession,
    method: str,
    url: str,
    *,
    auth: bool = True,
    **kwargs: Any,
) -> tuple[int, Any, aiohttp.typedefs.LooseHeaders]:
    headers = dict(kwargs.pop("headers", {}))
    if auth:
        headers.update(AUTH)
    async with http.request(method, url, headers=headers, **kwargs) as resp:
        raw = await resp.read()
        try:
            body: Any = json.loads(raw)
        except ValueError:
            body = raw.decode("utf-8", "replace")
        return resp.status, body, resp.headers


async def submit(http: aiohttp.ClientSession, fake: FakeApiMart, **fields: Any) -> tuple[int, Any]:
    body = {"model": MODEL, "prompt": "a cat surfing", **fields}
    status, data, _ = await call(http, "POST", fake.base_url + "/v1/videos/generations", json=body)
    return status, data


async def submit_ok(http: aiohttp.ClientSession, fake: FakeApiMart, **fields: Any) -> str:
    status, data = await submit(http, fake, **fields)
    assert status == 200, data
    return str(data["data"][0]["task_id"])


async def get_task(http: aiohttp.ClientSession, fake: FakeApiMart, task_id: str) -> dict[str, Any]:
    status, body, _ = await call(http, "GET", f"{fake.base_url}/v1/tasks/{task_id}?language=en")
    assert status == 200, body
    assert body["code"] == 200
    return dict(body["data"])


async def upload(http: aiohttp.ClientSession, fake: FakeApiMart, data: bytes, name: str = "a.png") -> Any:
    form = aiohttp.FormData()
    form.add_field("file", io.BytesIO(data), filename=name, content_type="application/octet-stream")
    return await call(http, "POST", fake.base_url + "/v1/uploads/images", data=form)


def assert_envelope(body: Any, type_: str) -> dict[str, Any]:
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"code", "message", "param", "type"}
    assert error["type"] == type_
    assert ERROR_MESSAGE.match(error["message"]), error["message"]
    assert KEY not in json.dumps(body)
    return dict(error)


# ------------------------------------------------------------------------------------------------- auth


V1_ROUTES = [
    ("POST", "/v1/videos/generations"),
    ("GET", "/v1/tasks/task_x"),
    ("POST", "/v1/uploads/images"),
    ("GET", "/v1/balance"),
]


@pytest.mark.parametrize(("method", "path"), V1_ROUTES)
@pytest.mark.parametrize("header", [None, "Bearer sk-wrong-KEY-987", f"Basic {KEY}"])
async def test_every_v1_route_needs_the_bearer_key(
    fake: FakeApiMart, http: aiohttp.ClientSession, method: str, path: str, header: str | None
) -> None:
    headers = {"Authorization": header} if header else {}
    status, body, _ = await call(http, method, fake.base_url + path, auth=False, headers=headers, json={})
    assert status == 401
    assert_envelope(body, "authentication_error")
    assert "sk-wrong-KEY-987" not in json.dumps(body)
    assert fake.submits == []


async def test_requests_are_logged_without_the_authorization_value(
    fake: FakeApiMart, http: aiohttp.ClientSession
) -> None:
    task_id = await submit_ok(http, fake)
    await get_task(http, fake, task_id)
    assert [(r.method, r.route, r.status) for r in fake.requests] == [
        ("POST", "submit", 200),
        ("GET", "status", 200),
    ]
    assert fake.requests[1].task_id == task_id
    assert fake.requests[1].query == "language=en"
    assert KEY not in repr(fake.requests)


# ----------------------------------------------------------------------------------------------- submit


async def test_submit_answers_the_documented_envelope(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    status, body = await submit(http, fake, aspect_ratio="9:16", resolution="720p")
    assert status == 200
    assert body["code"] == 200
    [entry] = body["data"]
    assert entry["status"] == "submitted"
    assert re.fullmatch(r"task_[0-9A-HJKMNP-TV-Z]{26}", entry["task_id"])
    assert fake.submits == [
        {"model": MODEL, "prompt": "a cat surfing", "aspect_ratio": "9:16", "resolution": "720p"}
    ]
    assert fake.tasks[entry["task_id"]].aspect_ratio == "9:16"


@pytest.mark.parametrize(
    ("fields", "needle"),
    [
        ({"model": None}, "model is required"),
        ({"model": "veo-3"}, "not supported"),
        ({"prompt": None}, "prompt is required"),
        ({"prompt": ""}, "prompt is required"),
        ({"image_urls": [f"http://127.0.0.1:1/{i}.png" for i in range(17)]}, "at most 16"),
        ({"video_urls": ["http://127.0.0.1:1/a.mp4", "http://127.0.0.1:1/b.mp4"]}, "at most 1"),
        ({"video_urls": ["http://127.0.0.1:1/a.mp4"], "extend_from_task_id": "task_x"}, "cannot be used"),
        ({"extend_from_task_id": "task_NOPE"}, "task not found"),
        ({"resolution": "1080p"}, "only 720p"),
        ({"image_urls": ["data:image/png;base64,AAAA"]}, "base64 images"),
        ({"image_urls": ["ftp://example.com/a.png"]}, "scheme"),
    ],
)
async def test_submit_validation(
    fake: FakeApiMart, http: aiohttp.ClientSession, fields: dict[str, Any], needle: str
) -> None:
    body = {"model": MODEL, "prompt": "a cat", **fields}
    body = {k: v for k, v in body.items() if v is not None}
    status, data, _ = await call(http, "POST", fake.base_url + "/v1/videos/generations", json=body)
    assert status == 400
    error = assert_envelope(data, "invalid_request_error")
    assert needle in error["message"]
    assert fake.submits == [] and fake.tasks == {}
    assert fake.submit_attempts == [body]


async def test_model_id_is_settable(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.model = "gemini-omni-flash"
    assert (await submit(http, fake))[0] == 400
    assert (await submit(http, fake, model="gemini-omni-flash"))[0] == 200


async def test_extend_needs_a_completed_parent(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    parent = await submit_ok(http, fake)
    status, body = await submit(http, fake, extend_from_task_id=parent)
    assert status == 400 and "not completed" in body["error"]["message"]
    fake.advance_time(1)
    child = await submit_ok(http, fake, prompt=None, extend_from_task_id=parent)
    assert fake.tasks[child].body["extend_from_task_id"] == parent


@pytest.mark.parametrize(
    ("asked", "used"), [("4:3", "16:9"), ("1:1", "16:9"), ("9:16", "9:16"), (None, "16:9")]
)
async def test_unknown_aspect_ratios_silently_become_16_9(
    fake: FakeApiMart, http: aiohttp.ClientSession, asked: str | None, used: str
) -> None:
    fields = {"aspect_ratio": asked} if asked else {}
    task_id = await submit_ok(http, fake, **fields)
    assert fake.tasks[task_id].aspect_ratio == used


async def test_references_are_fetched_and_must_be_jpeg_or_png(
    fake: FakeApiMart, http: aiohttp.ClientSession
) -> None:
    urls = {}
    for name, data in (("png", make_png()), ("jpg", make_jpeg()), ("webp", make_webp()), ("gif", make_gif())):
        status, body, _ = await upload(http, fake, data, f"x.{name}")
        assert status == 200
        urls[name] = body["url"]
    task_id = await submit_ok(http, fake, image_urls=[urls["png"], urls["jpg"]])
    assert fake.fetched_urls == [urls["png"], urls["jpg"]]
    assert fake.tasks[task_id].body["image_urls"] == [urls["png"], urls["jpg"]]
    for bad in ("webp", "gif"):
        status, body = await submit(http, fake, image_urls=[urls[bad]])
        assert status == 400 and "only JPEG and PNG" in body["error"]["message"]


@pytest.mark.parametrize("where", ["missing", "refused"])
async def test_unreachable_reference_is_a_400(
    fake: FakeApiMart, http: aiohttp.ClientSession, where: str
) -> None:
    url = fake.base_url + "/uploads/nothing.png" if where == "missing" else "http://127.0.0.1:1/a.png"
    status, body = await submit(http, fake, image_urls=[url])
    assert status == 400
    assert "failed to download" in assert_envelope(body, "invalid_request_error")["message"]


async def test_expired_uploads_answer_404_and_fail_a_submit(
    fake: FakeApiMart, http: aiohttp.ClientSession
) -> None:
    _, body, _ = await upload(http, fake, make_png())
    url = body["url"]
    assert (await call(http, "GET", url, auth=False))[0] == 200
    fake.expire_uploads()
    assert (await call(http, "GET", url, auth=False))[0] == 404
    assert (await submit(http, fake, image_urls=[url]))[0] == 400


async def test_video_reference_as_data_uri_or_url(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    portrait = make_mp4(1.2, width=90, height=160)
    uri = "data:video/mp4;base64," + base64.b64encode(portrait).decode()
    task_id = await submit_ok(http, fake, video_urls=[uri], aspect_ratio="16:9")
    assert fake.tasks[task_id].aspect_ratio == "9:16"  # follows the input video

    fake.advance_time(1)  # the first task's result file is a landscape clip served by the fake
    task_id2 = await submit_ok(http, fake, prompt=None, video_urls=[fake.file_url(task_id)])
    assert fake.tasks[task_id2].aspect_ratio == "16:9"


@pytest.mark.parametrize(
    ("uri", "needle"),
    [
        ("data:video/mp4;base64,@@@not-base64@@@", "not valid base64"),
        ("data:text/plain;base64,QUJD", "data:video/"),
        ("data:video/mp4;base64," + base64.b64encode(b"not a video at all").decode(), "could not be decoded"),
        ("data:video/mp4;base64," + base64.b64encode(make_mp4(0.5)).decode(), "1-24 seconds"),
    ],
)
async def test_bad_video_references(
    fake: FakeApiMart, http: aiohttp.ClientSession, uri: str, needle: str
) -> None:
    status, body = await submit(http, fake, video_urls=[uri])
    assert status == 400
    assert needle in body["error"]["message"]


async def test_timelines_are_consumed_fifo_then_the_default(
    fake: FakeApiMart, http: aiohttp.ClientSession
) -> None:
    first, second = Timeline.quick(outcome="failed"), Timeline.manual()
    fake.queue_timeline(first, second)
    ids = [await submit_ok(http, fake) for _ in range(3)]
    assert [fake.tasks[i].timeline for i in ids] == [first, second, fake.default_timeline]


async def test_idempotency_key_is_recorded_and_optionally_honoured(
    fake: FakeApiMart, http: aiohttp.ClientSession
) -> None:
    body = {"model": MODEL, "prompt": "p"}
    url = fake.base_url + "/v1/videos/generations"
    headers = {"Idempotency-Key": "job-1"}
    first = (await call(http, "POST", url, json=body, headers=headers))[1]["data"][0]["task_id"]
    second = (await call(http, "POST", url, json=body, headers=headers))[1]["data"][0]["task_id"]
    assert first != second  # off by default: the header is only rumoured
    assert [r.idempotency_key for r in fake.requests] == ["job-1", "job-1"]
    fake.honour_idempotency = True
    third = (await call(http, "POST", url, json=body, headers={"Idempotency-Key": "job-2"}))[1]
    fourth = (await call(http, "POST", url, json=body, headers={"Idempotency-Key": "job-2"}))[1]
    assert third == fourth
    assert len(fake.tasks) == 3


# ----------------------------------------------------------------------------------------------- status


async def test_status_follows_the_timeline(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.queue_timeline(Timeline.quick(1.0, progress=[1, 91], estimated_time=30))
    task_id = await submit_ok(http, fake)
    seen = []
    for _ in range(4):
        data = await get_task(http, fake, task_id)
        assert data["estimated_time"] == 30
        seen.append((data["status"], data["progress"]))
        fake.advance_time(0.34)
    assert seen == [("pending", 0), ("processing", 1), ("processing", 91), ("completed", 100)]
    assert fake.polls(task_id) == 4
    assert fake.poll_times(task_id) == pytest.approx([0.0, 0.34, 0.68, 1.02])
    assert fake.tasks[task_id].polls == 4


async def test_completed_task_fields(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    task_id = await submit_ok(http, fake)
    fake.advance_time(5)
    data = await get_task(http, fake, task_id)
    assert data["id"] == task_id
    assert data["status"] == "completed"
    assert data["cost"] == 0.88 and data["credits_cost"] == 8.8
    assert data["actual_time"] >= 0
    assert data["completed"] >= data["created"]
    assert abs(data["created"] - time.time()) < 60
    [video] = data["result"]["videos"]
    assert video["url"] == [fake.file_url(task_id)]
    assert video["expires_at"] == data["completed"] + 86400
    assert "error" not in data


async def test_url_as_string_and_numeric_strings(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.url_as_string = fake.numeric_strings = True
    task_id = await submit_ok(http, fake)
    fake.advance_time(1)
    data = await get_task(http, fake, task_id)
    assert data["result"]["videos"][0]["url"] == fake.file_url(task_id)
    assert data["cost"] == "0.88" and data["credits_cost"] == "8.8"


@pytest.mark.parametrize(
    "error",
    [None, {"code": 1002, "message": "Content blocked (request id: abc)", "type": "x"}, "upstream timeout"],
)
async def test_failed_task_reports_its_error(
    fake: FakeApiMart, http: aiohttp.ClientSession, error: Any
) -> None:
    fake.queue_timeline(Timeline.quick(outcome="failed", error=error))
    task_id = await submit_ok(http, fake)
    fake.advance_time(1)
    data = await get_task(http, fake, task_id)
    assert data["status"] == "failed"
    assert "result" not in data
    if error is None:
        assert set(data["error"]) == {"code", "message", "type"}
    else:
        assert data["error"] == error


async def test_manual_timeline_waits_for_the_test(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.queue_timeline(Timeline.manual(), Timeline.manual(), Timeline.manual())
    a, b, c = [await submit_ok(http, fake) for _ in range(3)]
    assert (await get_task(http, fake, a))["status"] == "pending"
    fake.advance_time(10_000)
    assert [(await get_task(http, fake, t))["status"] for t in (a, b, c)] == ["processing"] * 3
    video = make_mp4(2.0)
    fake.complete(a, video=video)
    fake.fail(b, error="out of capacity")
    fake.cancel(c)
    assert [(await get_task(http, fake, t))["status"] for t in (a, b, c)] == [
        "completed",
        "failed",
        "cancelled",
    ]
    assert (await get_task(http, fake, b))["error"] == "out of capacity"
    async with http.get(fake.file_url(a)) as resp:
        assert await resp.read() == video  # the video given to complete()
    with pytest.raises(ValueError, match="already completed"):
        fake.complete(a)


async def test_custom_steps(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.queue_timeline(Timeline(steps=[Step(0, "pending", 0), Step(2, "processing", 40)], finish_at=4))
    task_id = await submit_ok(http, fake)
    fake.advance_time(2.5)
    assert (await get_task(http, fake, task_id))["progress"] == 40
    fake.advance_time(2)
    assert (await get_task(http, fake, task_id))["status"] == "completed"


async def test_unknown_task_is_a_404_envelope(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    status, body, _ = await call(http, "GET", fake.base_url + "/v1/tasks/task_01NOPE")
    assert status == 404
    assert "task not found" in assert_envelope(body, "invalid_request_error")["message"]
    assert fake.polls("task_01NOPE") == 1


# ------------------------------------------------------------------------------------------ result file


async def test_result_file_is_served_without_auth_until_it_expires(
    fake: FakeApiMart, http: aiohttp.ClientSession
) -> None:
    task_id = await submit_ok(http, fake)
    assert (await call(http, "GET", fake.file_url(task_id), auth=False))[0] == 404  # not done yet
    fake.advance_time(1)
    async with http.get(fake.file_url(task_id)) as resp:
        assert resp.status == 200
        assert resp.content_type == "video/mp4"
        assert await resp.read() == make_mp4()
    fake.advance_time(86_400)
    assert (await call(http, "GET", fake.file_url(task_id), auth=False))[0] == 404


async def test_large_result_file(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    video = make_mp4(2.0, width=640, height=360, noise=True, bitrate=8_000_000)
    assert len(video) > 1024 * 1024
    fake.queue_timeline(Timeline.quick(video=video))
    task_id = await submit_ok(http, fake)
    fake.advance_time(1)
    async with http.get(fake.file_url(task_id)) as resp:
        assert resp.content_length == len(video)
        assert await resp.read() == video


async def test_result_file_can_be_chunked(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.file_chunked = True
    video = make_mp4(2.0)
    fake.queue_timeline(Timeline.quick(video=video))
    task_id = await submit_ok(http, fake)
    fake.advance_time(1)
    async with http.get(fake.file_url(task_id)) as resp:
        assert resp.content_length is None
        assert await resp.read() == video


# ------------------------------------------------------------------------------------------ upload, balance


@pytest.mark.parametrize(
    ("maker", "content_type"),
    [(make_png, "image/png"), (make_jpeg, "image/jpeg"), (make_webp, "image/webp"), (make_gif, "image/gif")],
)
async def test_upload_accepts_images_by_magic_bytes(
    fake: FakeApiMart, http: aiohttp.ClientSession, maker: Any, content_type: str
) -> None:
    data = maker()
    status, body, _ = await upload(http, fake, data, "picture.bin")
    assert status == 200
    assert set(body) == {"url", "filename", "content_type", "bytes", "created_at"}
    assert body["content_type"] == content_type and body["bytes"] == len(data)
    assert body["filename"] == "picture.bin"
    assert fake.uploads[body["url"]] == data
    async with http.get(body["url"]) as resp:
        assert await resp.read() == data


async def test_upload_refuses_non_images_and_missing_fields(
    fake: FakeApiMart, http: aiohttp.ClientSession
) -> None:
    status, body, _ = await upload(http, fake, b"GIF8 is not enough, this is text")
    assert status == 400 and "unsupported file type" in body["error"]["message"]
    form = aiohttp.FormData()
    form.add_field("image", make_png(), filename="a.png")
    status, body, _ = await call(http, "POST", fake.base_url + "/v1/uploads/images", data=form)
    assert status == 400 and "file field" in body["error"]["message"]
    status, body, _ = await call(http, "POST", fake.base_url + "/v1/uploads/images", json={"file": "x"})
    assert status == 400


async def test_upload_over_20_mb_is_a_413(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    status, body, _ = await upload(http, fake, make_big_png(MAX_UPLOAD + 1))
    assert status == 413
    assert_envelope(body, "invalid_request_error")
    assert fake.uploads == {}


async def test_balance(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.credits = 42.0
    status, body, _ = await call(http, "GET", fake.base_url + "/v1/balance")
    assert status == 200
    assert body == {
        "success": True,
        "remain_balance": 4.2,
        "remain_credits": 42.0,
        "used_balance": 2.3,
        "used_credits": 23.0,
        "unlimited_quota": False,
    }
    fake.balance_failure = "account suspended"
    status, body, _ = await call(http, "GET", fake.base_url + "/v1/balance")
    assert status == 200 and body == {"success": False, "message": "account suspended"}


@pytest.mark.parametrize(("method", "path"), V1_ROUTES)
async def test_payment_required_on_every_route(
    fake: FakeApiMart, http: aiohttp.ClientSession, method: str, path: str
) -> None:
    fake.payment_required = True
    status, body, _ = await call(http, method, fake.base_url + path, json={})
    assert status == 402
    error = assert_envelope(body, "payment_required")
    assert error["code"] == "" and "insufficient balance" in error["message"]


# ---------------------------------------------------------------------------------------------- faults


async def test_429_with_and_without_retry_after(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.fault_next("status", "429", retry_after=2.5)
    fake.fault_next("status", "429", retry_after=None)
    url = fake.base_url + "/v1/tasks/task_x"
    status, body, headers = await call(http, "GET", url)
    assert status == 429 and headers["Retry-After"] == "2.5"
    assert_envelope(body, "rate_limit_error")
    status, body, headers = await call(http, "GET", url)
    assert status == 429 and "Retry-After" not in headers
    assert (await call(http, "GET", url))[0] == 404  # faults used up: the real answer
    assert [r.fault for r in fake.requests] == ["429", "429", None]
    assert all(r.answered_at is not None and r.answered_at >= r.time for r in fake.requests)


@pytest.mark.parametrize("kind", ["500", "503", "403", "get_channel_failed"])
async def test_error_faults_answer_envelopes(
    fake: FakeApiMart, http: aiohttp.ClientSession, kind: str
) -> None:
    fake.fault_next("balance", kind)
    status, body, _ = await call(http, "GET", fake.base_url + "/v1/balance")
    expected = {"500": 500, "503": 503, "403": 403, "get_channel_failed": 400}[kind]
    assert status == expected
    error = assert_envelope(body, body["error"]["type"])
    if kind == "get_channel_failed":
        assert error["code"] == "get_channel_failed"


async def test_502_is_an_html_gateway_page(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.fault_next("any", "502", count=2)
    status, body, headers = await call(http, "GET", fake.base_url + "/v1/balance")
    assert status == 502 and "<title>502 Bad Gateway</title>" in body
    assert headers["Content-Type"].startswith("text/html")
    assert (await submit(http, fake))[0] == 502
    assert fake.tasks == {}  # a gateway error does not create the task by default
    assert len(fake.submit_attempts) == 1 and fake.submits == []


async def test_faulted_submit_can_still_create_the_task(
    fake: FakeApiMart, http: aiohttp.ClientSession
) -> None:
    fake.fault_next("submit", "500", creates_task=True)
    assert (await submit(http, fake))[0] == 500
    assert len(fake.tasks) == 1 and len(fake.submits) == 1


async def test_slow_answers_late_but_normally(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.fault_next("submit", "slow", delay=0.3)
    started = time.monotonic()
    status, _ = await submit(http, fake)
    assert status == 200 and time.monotonic() - started >= 0.3


async def test_slow_submit_creates_the_task_even_if_the_client_gives_up(
    fake: FakeApiMart, http: aiohttp.ClientSession
) -> None:
    fake.fault_next("submit", "slow", delay=5)
    with pytest.raises(TimeoutError):
        await submit_with_timeout(http, fake, 0.2)
    assert len(fake.tasks) == 1  # created and billed, though the client never heard of it


async def submit_with_timeout(http: aiohttp.ClientSession, fake: FakeApiMart, seconds: float) -> None:
    async with http.post(
        fake.base_url + "/v1/videos/generations",
        json={"model": MODEL, "prompt": "p"},
        headers=AUTH,
        timeout=aiohttp.ClientTimeout(total=seconds),
    ) as resp:
        await resp.read()


async def test_malformed_answers(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.fault_next("submit", "malformed")
    fake.fault_next("submit", "malformed_shape")
    status, body = await submit(http, fake)
    assert status == 200 and isinstance(body, str)  # not JSON
    status, body = await submit(http, fake)
    assert status == 200 and "data" not in body
    assert len(fake.tasks) == 2  # the server did the work; only the answer is broken


async def test_drop_closes_the_connection(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.fault_next("submit", "drop")
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await submit(http, fake)
    assert fake.requests[-1].status is None and fake.requests[-1].fault == "drop"
    assert (await submit(http, fake))[0] == 200


async def test_faults_on_result_files(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    task_id = await submit_ok(http, fake)
    fake.advance_time(1)
    fake.fault_next("file", "503", count=2)
    assert (await call(http, "GET", fake.file_url(task_id), auth=False))[0] == 503
    assert (await get_task(http, fake, task_id))["status"] == "completed"  # other routes unaffected
    assert (await call(http, "GET", fake.file_url(task_id), auth=False))[0] == 503
    assert (await call(http, "GET", fake.file_url(task_id), auth=False))[0] == 200


async def test_fault_rate_is_deterministic(http: aiohttp.ClientSession) -> None:
    runs = []
    for _ in range(2):
        async with FakeApiMart(api_key=KEY) as fake:
            fake.fault_rate("balance", 0.5, ["429", "500"], seed=7)
            runs.append([(await call(http, "GET", fake.base_url + "/v1/balance"))[0] for _ in range(20)])
    assert runs[0] == runs[1]
    assert {200, 429, 500} <= set(runs[0])


def test_fault_arguments_are_checked() -> None:
    fake = FakeApiMart()
    with pytest.raises(ValueError, match="route"):
        fake.fault_next("poll", "500")
    with pytest.raises(ValueError, match="kind"):
        fake.fault_rate("status", 0.1, ["404"])


# --------------------------------------------------------------------------------------------- webhooks


class Receiver:
    """A webhook endpoint that answers with the queued statuses (then 200) and records each body."""

    def __init__(self, *statuses: int) -> None:
        self.statuses = list(statuses)
        self.calls: asyncio.Queue[tuple[int, dict[str, Any]]] = asyncio.Queue()
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def _handle(self, request: web.Request) -> web.Response:
        status = self.statuses.pop(0) if self.statuses else 200
        await self.calls.put((status, await request.json()))
        return web.Response(status=status)

    async def __aenter__(self) -> Receiver:
        app = web.Application()
        app.router.add_post("/hook/callback", self._handle)
        self.runner = web.AppRunner(app, shutdown_timeout=0.1)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self.runner.addresses[0][1]}/hook"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.runner is not None
        await self.runner.cleanup()

    async def next(self) -> tuple[int, dict[str, Any]]:
        return await asyncio.wait_for(self.calls.get(), 5)


async def test_webhook_fires_when_the_clock_reaches_the_outcome(
    fake: FakeApiMart, http: aiohttp.ClientSession
) -> None:
    async with Receiver() as hook:
        task_id = await submit_ok(http, fake, webhook=hook.url)
        assert hook.calls.empty()
        fake.advance_time(1)
        status, body = await hook.next()
        assert status == 200
        assert body == fake.task_json(fake.tasks[task_id])
        assert body["status"] == "completed"
        assert [c.status for c in fake.callbacks] == [200]
        assert fake.callbacks[0].url == hook.url + "/callback"


async def test_webhook_retries_then_stops(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.callback_retry_delays = (0.01, 0.01, 0.01)
    fake.queue_timeline(Timeline.manual())
    async with Receiver(500, 503) as hook:
        task_id = await submit_ok(http, fake, webhook=hook.url)
        fake.fail(task_id, error={"code": "", "message": "nope", "type": "x"})
        assert [(await hook.next())[0] for _ in range(3)] == [500, 503, 200]
        assert [c.status for c in fake.callbacks] == [500, 503, 200]


async def test_webhook_gives_up_after_three_retries(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.callback_retry_delays = (0.01, 0.01, 0.01)
    fake.queue_timeline(Timeline.manual())
    async with Receiver(500, 500, 500, 500, 500) as hook:
        task_id = await submit_ok(http, fake, webhook=hook.url)
        fake.cancel(task_id)
        assert [(await hook.next())[0] for _ in range(4)] == [500] * 4
        await asyncio.gather(*fake._watchers)  # the watcher finished: no fifth attempt
        assert hook.calls.empty() and len(fake.callbacks) == 4


async def test_send_callback_forges_and_duplicates(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.queue_timeline(Timeline.manual())
    async with Receiver() as hook:
        task_id = await submit_ok(http, fake, webhook=hook.url)
        assert await fake.send_callback(task_id) == 200
        assert (await hook.next())[1]["status"] == "pending"
        assert await fake.send_callback("task_forged", webhook=hook.url, body={"id": "x"}) == 200
        assert (await hook.next())[1] == {"id": "x"}


async def test_stop_cancels_pending_webhook_timers(http: aiohttp.ClientSession) -> None:
    fake = await FakeApiMart(api_key=KEY).start()
    fake.queue_timeline(Timeline.manual(), Timeline.quick(finish_at=60))
    await submit_ok(http, fake, webhook="http://127.0.0.1:1/hook")
    await submit_ok(http, fake, webhook="http://127.0.0.1:1/hook")
    assert len(fake._watchers) == 2
    await fake.stop()
    assert not fake._watchers


# ------------------------------------------------------------------------------------------- wire hooks


async def test_submit_hook_runs_after_the_task_exists_and_before_the_answer(
    fake: FakeApiMart, http: aiohttp.ClientSession
) -> None:
    seen: list[tuple[str, str, bool, int | None]] = []

    def hook(task: Any) -> None:
        # The task is created, the request recorded, and no answer has been handed to the client yet.
        seen.append((task.id, task.body["prompt"], task.id in fake.tasks, fake.requests[-1].status))

    fake.on("submit", hook, when=lambda task: "kill" in task.body["prompt"], once=True)
    await submit_ok(http, fake, prompt="not this one")
    task_id = await submit_ok(http, fake, prompt="kill here")
    await submit_ok(http, fake, prompt="kill again: once means once")
    assert seen == [(task_id, "kill here", True, None)]
    assert fake.requests[1].status == 200, "the answer went out normally after the hook"


async def test_completed_hook_fires_on_a_completed_answer_only(
    fake: FakeApiMart, http: aiohttp.ClientSession
) -> None:
    task_id = await submit_ok(http, fake)
    answers: list[int | None] = []
    remove = fake.on("completed", lambda task: answers.append(fake.requests[-1].status))
    assert (await get_task(http, fake, task_id))["status"] == "pending"
    assert answers == []
    fake.advance_time(5)
    assert (await get_task(http, fake, task_id))["status"] == "completed"
    assert (await get_task(http, fake, task_id))["status"] == "completed"
    assert answers == [None, None], "twice, each time before its answer was sent"
    remove()
    await get_task(http, fake, task_id)
    assert len(answers) == 2


async def test_a_hold_keeps_the_answer_until_released(fake: FakeApiMart, http: aiohttp.ClientSession) -> None:
    fake.queue_timeline(Timeline.manual())
    held = fake.hold("submit", when=lambda task: task.body["prompt"] == "hold me")
    answered = asyncio.ensure_future(submit_ok(http, fake, prompt="hold me"))
    task = await asyncio.wait_for(held.reached(), 5)
    # The task exists and can call back; the client still waits for its id.
    assert task.id in fake.tasks and fake.requests[-1].status is None and not answered.done()
    assert await submit_ok(http, fake, prompt="not held") != task.id, "a hold keeps one request only"
    held.release()
    assert await answered == task.id
    with pytest.raises(ValueError, match="unknown hook moment"):
        fake.hold("polled")


async def test_a_failing_hook_does_not_change_the_answer(
    fake: FakeApiMart, http: aiohttp.ClientSession
) -> None:
    def boom(task: Any) -> None:
        raise RuntimeError("hook bug")

    fake.on("submit", boom)
    await submit_ok(http, fake)
    assert [str(e) for e in fake.hooks.errors] == ["hook bug"]
    with pytest.raises(ValueError, match="unknown hook moment"):
        fake.on("polled", boom)


async def test_a_hook_can_cut_the_connection_like_a_killed_client(
    fake: FakeApiMart, http: aiohttp.ClientSession
) -> None:
    # What a kill -9 of the client looks like from here: the task exists, the client never hears of it.
    fake.on("submit", lambda task: fake_transport_close(fake), once=True)
    with pytest.raises(aiohttp.ClientError):
        await submit(http, fake, prompt="billed but never confirmed")
    [task] = fake.tasks.values()
    assert task.body["prompt"] == "billed but never confirmed"


def fake_transport_close(fake: FakeApiMart) -> None:
    """Close the client side of every open connection to ``fake`` (as a process kill would)."""
    assert fake._runner is not None
    for conn in list(fake._runner.server.connections):  # type: ignore[union-attr]
        assert conn.transport is not None
        conn.transport.abort()
