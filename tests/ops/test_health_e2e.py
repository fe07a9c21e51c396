"""`python -m bot --health` beside the real bot: 1 before login, 0 while healthy, 1 after a gateway drop."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from tests.conftest import BotProcess
from tests.fakes.fake_discord import FakeDiscord
from tests.ops.helpers import Ran, health

pytestmark = pytest.mark.e2e


async def health_until(proc: BotProcess, want: Callable[[Ran], bool], timeout: float = 30) -> Ran:
    """Run `--health` until its answer is the one wanted (the heartbeat is written by another process)."""
    async with asyncio.timeout(timeout):
        while not want(ran := await health(proc)):
            assert proc.proc is None or proc.proc.returncode is None, proc.output()
            await asyncio.sleep(0.2)
    return ran


async def test_health_follows_login_and_the_gateway(
    fake_discord: FakeDiscord, bot_process: BotProcess
) -> None:
    fd = fake_discord
    before = await health(bot_process)
    assert before.code == 1 and before.out == ""
    assert before.err.count("\n") == 1 and before.err.startswith("unhealthy: no heartbeat")

    await bot_process.start()
    await fd.wait_connected(timeout=30)
    healthy = await health_until(bot_process, lambda r: r.code == 0)
    assert healthy.err == "" and healthy.out.startswith("healthy: gateway connected, worker loop running")

    # A drop the client resumes from: healthy again once RESUMED is handled.
    resumes = fd.resume_count
    await fd.gateway_close(4000)
    await fd.wait_until(lambda: fd.resume_count > resumes and fd.gateway.ready, timeout=30)
    await health_until(bot_process, lambda r: r.code == 0)

    # The gateway goes away and stays away: unhealthy while the client keeps trying.
    await fd.stop()
    down = await health_until(bot_process, lambda r: r.code != 0, timeout=10)
    assert down.code == 1
    assert down.err == "unhealthy: not connected to the Discord gateway\n"
    assert bot_process.proc is not None and bot_process.proc.returncode is None, (
        "the bot itself keeps running"
    )
    assert await bot_process.terminate() == 0
    after = await health(bot_process)
    assert after.code == 1 and after.err.startswith("unhealthy: ")
    assert "voice will NOT be supported" not in bot_process.output(), "a bot without voice says nothing of it"
