"""Delivery memory: 20 clips of ~9 MB finishing at the same moment; peak resident memory above idle.

Twenty jobs are in flight; once the bot is idle (polling them), the fake API completes all twenty at
once and the bot downloads and posts them. Run with the default concurrency (8 jobs worked on at a
time) and with 20 (all at once).
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import time
from dataclasses import dataclass

from bench.common import BotProcess, Fakes, RssSampler, bot_env, create_tasks, prefill_running, workdir
from tests.fakes.fake_apimart import Timeline
from tests.fakes.media import make_mp4

CLIPS = 20


@dataclass(frozen=True)
class DeliveryResult:
    name: str
    clips: int
    clip_mb: float
    delivered: int
    idle_mb: float
    peak_mb: float
    seconds: float

    @property
    def added_mb(self) -> float:
        return self.peak_mb - self.idle_mb


def nine_mb_clip() -> bytes:
    # Random pixels do not compress, so the size follows the bitrate: 4 s at 16.5 Mbit/s is ~9 MB.
    return make_mp4(4.0, width=640, height=360, noise=True, bitrate=16_500_000)


async def run(name: str, *, concurrency: int | None = None, clips: int = CLIPS) -> DeliveryResult:
    clip = await asyncio.to_thread(nine_mb_clip)
    async with Fakes.running() as fakes:
        with workdir("delivery") as tmp:
            timelines = []
            for _ in range(clips):
                timeline = Timeline.manual(estimated_time=30)
                timeline.video = clip
                timelines.append(timeline)
            ids = await create_tasks(fakes, timelines)
            users = [fakes.discord.add_user(f"user{i}") for i in range(clips)]
            now = time.time()
            await prefill_running(
                tmp / "bot.sqlite3",
                fakes,
                ids,
                submitted_at=[now] * clips,
                next_poll_at=[now] * clips,
                users=users,
            )
            settings: dict[str, object] = {"POLL_MIN_INTERVAL": 0.2, "POLL_MAX_INTERVAL": 1.0}
            if concurrency is not None:
                settings["POLL_CONCURRENCY"] = concurrency
            bot = BotProcess(bot_env(fakes, tmp / "bot.sqlite3", **settings), tmp)
            await bot.start()
            sampler = RssSampler(bot, interval=0.02)
            try:
                await bot.wait_ready(fakes)
                sampler.start()
                await asyncio.sleep(3.0)  # idle: every job polled, nothing to deliver yet
                idle = statistics.median(sampler.samples)
                started = time.time()
                for task_id in ids:
                    fakes.api.complete(task_id)

                def delivered() -> int:
                    return sum(1 for m in fakes.discord.channel.messages if m.attachments)

                with contextlib.suppress(TimeoutError):
                    await fakes.discord.wait_until(lambda: delivered() >= clips, timeout=60)
                took = time.time() - started
                await asyncio.sleep(0.5)
            finally:
                await sampler.stop()
                await bot.stop()
            return DeliveryResult(
                name=name,
                clips=clips,
                clip_mb=len(clip) / 1e6,
                delivered=delivered(),
                idle_mb=idle,
                peak_mb=max(sampler.samples),
                seconds=took,
            )
