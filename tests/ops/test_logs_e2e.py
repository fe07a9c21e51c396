"""The real bot with LOG_FORMAT=json: every line parses, job lines carry their keys, nothing leaks."""

from __future__ import annotations

import json
import socket

import pytest
from discord import voice_client, voice_state

from tests.conftest import BotProcess
from tests.fakes.fake_apimart import FakeApiMart
from tests.fakes.fake_discord import FakeDiscord

pytestmark = pytest.mark.e2e


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_json_logs_of_a_job_masked_and_without_voice_warnings(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, bot_process: BotProcess
) -> None:
    fd, fa = fake_discord, fake_api
    assert not (voice_client.has_nacl and voice_state.has_dave), (
        "discord.py would warn: the check means something"
    )
    port = _free_port()
    bot_process.env.update(
        {
            "LOG_FORMAT": "json",
            # Push callbacks through a URL with credentials in it: the bot logs its settings at start.
            "WEBHOOK_PUBLIC_URL": f"http://hook-user:hook-pass@127.0.0.1:{port}",
            "WEBHOOK_LISTEN_HOST": "127.0.0.1",
            "WEBHOOK_LISTEN_PORT": str(port),
        }
    )
    await bot_process.start()
    await fd.wait_until(lambda: bool(fd.commands.get(fd.guild.id)), timeout=30)
    await fd.wait_connected(timeout=30)
    await fd.slash(fd.add_user("alice"), "video", {"prompt": "a lighthouse in a storm"})
    await fd.wait_for_message(lambda m: m.author.id == fd.bot_user.id and bool(m.attachments), timeout=30)
    assert await bot_process.terminate() == 0

    lines = [line for line in bot_process.output().splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    assert all({"time", "level", "logger", "message"} <= r.keys() for r in records)
    [task_id] = list(fa.tasks)
    delivered = [r for r in records if "delivering -> delivered" in r["message"]]
    assert len(delivered) == 1
    assert delivered[0]["job"] == 1 and delivered[0]["task"] == task_id
    assert delivered[0]["guild"] == fd.guild.id and delivered[0]["logger"].startswith("bot.")
    assert any("task" in r and r["task"] is None and r.get("job") == 1 for r in records), "before the submit"

    text = bot_process.output()
    assert "hook-pass" not in text and "hook-user" not in text
    assert f"http://***@127.0.0.1:{port}" in text, "the URL is still there, without its credentials"
    assert fd.token not in text and fa.api_key not in text
    assert "voice will NOT be supported" not in text
