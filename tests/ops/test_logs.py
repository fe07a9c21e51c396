"""Logs: JSON lines with the job's fields as keys, credentials in URLs masked, no voice warnings."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.ops.logs import mask_secrets, setup_logging


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    voice = logging.getLogger("discord.client")
    voice_filters = list(voice.filters)
    try:
        yield
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in handlers:
            root.addHandler(handler)
        root.setLevel(level)
        voice.filters[:] = voice_filters


@pytest.mark.parametrize(
    ("logged", "shown"),
    [
        ("GET https://alice:hunter2@api.example/v1/x failed", "GET https://***@api.example/v1/x failed"),
        ("proxy http://user@proxy.local:3128", "proxy http://***@proxy.local:3128"),
        ("redis://:s3cret@cache:6379/0 down", "redis://***@cache:6379/0 down"),
        (
            "fetch https://h.example/f.mp4?token=abc123&size=2 (404)",
            "fetch https://h.example/f.mp4?token=***&size=2 (404)",
        ),
        (
            "https://h.example/?api_key=K&X-Amz-Signature=deadbeef",
            "https://h.example/?api_key=***&X-Amz-Signature=***",
        ),
        (
            "https://cdn.example/a.png?ex=6650&hm=0f3c9a1b2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e1f2a3b4c&",
            "https://cdn.example/a.png?ex=6650&hm=***&",
        ),
        (
            "POST https://discord.com/api/v10/interactions/1234/aW50ZXJhY3Rpb246MTIz/callback",
            "POST https://discord.com/api/v10/interactions/1234/***/callback",
        ),
        (
            "https://discord.com/api/webhooks/99/Tok-en_1/messages/@original",
            "https://discord.com/api/webhooks/99/***/messages/@original",
        ),
    ],
)
def test_credentials_in_urls_are_masked(logged: str, shown: str) -> None:
    assert mask_secrets(logged) == shown


@pytest.mark.parametrize(
    "harmless",
    [
        "job=12 task=task_01J9 guild=5 channel=6 user=7 submitted -> running",
        "GET https://api.apimart.ai/v1/tasks/task_01J9?language=en -> 200",
        "user alice@example.com asked for help",
        "polled in 0.4 s; next at 12:30",
    ],
)
def test_ordinary_lines_are_left_alone(harmless: str) -> None:
    assert mask_secrets(harmless) == harmless


def test_json_lines_carry_the_job_fields_as_keys(restore_logging: None) -> None:
    out = io.StringIO()
    setup_logging("INFO", "json", stream=out)
    log = logging.getLogger("bot.worker.poll")
    log.info("%s %s -> %s", "job=12 task=task_01J9 guild=345 channel=6 user=7", "submitted", "running")
    log.info("job=13 task=- guild=- channel=8 user=9 waits in the queue")
    log.warning("not about a job: %d%% done", 50)
    try:
        raise RuntimeError("GET https://u:pw@h.example/x?token=zzz")
    except RuntimeError:
        log.exception("%s step failed", "job=14 task=t guild=1 channel=2 user=3")
    lines = out.getvalue().splitlines()
    assert len(lines) == 4
    first, second, third, fourth = (json.loads(line) for line in lines)
    assert (first["job"], first["task"], first["guild"], first["channel"], first["user"]) == (
        12, "task_01J9", 345, 6, 7,
    )  # fmt: skip
    assert first["level"] == "INFO" and first["logger"] == "bot.worker.poll" and "time" in first
    assert first["message"].endswith("submitted -> running")
    assert (second["job"], second["task"], second["guild"]) == (13, None, None)
    assert third["message"] == "not about a job: 50% done" and "job" not in third
    assert fourth["job"] == 14 and "RuntimeError" in fourth["exc_info"]
    assert "pw" not in lines[3] and "zzz" not in lines[3] and "https://***@h.example/x?token=***" in lines[3]


def test_text_lines_stay_as_they_were_but_masked(restore_logging: None) -> None:
    out = io.StringIO()
    setup_logging("INFO", "text", stream=out)
    logging.getLogger("bot.apimart").info("calling %s", "https://me:secret@api.example/v1")
    [line] = out.getvalue().splitlines()
    assert line.endswith(" INFO bot.apimart: calling https://***@api.example/v1")


def test_the_voice_warnings_are_silenced_and_nothing_else(restore_logging: None) -> None:
    out = io.StringIO()
    setup_logging("INFO", "text", stream=out)
    client = logging.getLogger("discord.client")
    client.warning("PyNaCl is not installed, voice will NOT be supported")
    client.warning("davey is not installed, voice will NOT be supported")
    client.warning("Shard ID %s heartbeat blocked for more than %s seconds.", None, 10)
    assert out.getvalue().count("\n") == 1 and "heartbeat blocked" in out.getvalue()
