"""What the end-to-end benchmarks share: the fakes, the bot as a subprocess, a pre-filled job database."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import psutil

from bot.jobs import JobKind, JobStatus, NewJob
from bot.store import Store
from tests.fakes.fake_apimart import FakeApiMart, Timeline
from tests.fakes.fake_discord import FakeDiscord, FakeUser

REPO = Path(__file__).resolve().parent.parent
S = JobStatus


@dataclass
class Fakes:
    discord: FakeDiscord
    api: FakeApiMart

    @classmethod
    @contextlib.asynccontextmanager
    async def running(cls) -> AsyncIterator[Fakes]:
        # Both fakes on the wall clock, so their timestamps compare with each other and with time.time().
        api = await FakeApiMart(clock=time.time).start()
        discord = await FakeDiscord(clock=time.time).start()
        try:
            yield cls(discord, api)
        finally:
            await discord.stop()
            await api.stop()


def bot_env(fakes: Fakes, db_path: Path, **settings: object) -> dict[str, str]:
    """Environment for `python -m bot` pointed at the fakes, spend limits off, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "APIMART_"))}
    env.update(
        {
            "DISCORD_TOKEN": fakes.discord.token,
            "APIMART_API_KEY": fakes.api.api_key,
            "APIMART_BASE_URL": fakes.api.base_url,
            "DATABASE_PATH": str(db_path),
            "DEV_GUILD_ID": str(fakes.discord.guild.id),
            "DISCORD_API_BASE": fakes.discord.api_base,
            "DISCORD_GATEWAY_URL": fakes.discord.gateway_url,
            "LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
            # A benchmark is not a spending spree: the admission limits would only refuse its jobs.
            "USER_DAILY_LIMIT": "0",
            "USER_CONCURRENT_LIMIT": "0",
            "GUILD_DAILY_LIMIT": "0",
            "COOLDOWN_SECONDS": "0",
            "DAILY_CREDIT_BUDGET": "0",
            "MAX_CONCURRENT_JOBS": "100000",
        }
    )
    env.update({k: str(v) for k, v in settings.items()})
    return env


@dataclass
class BotProcess:
    """`python -m bench.botproc` (the real bot plus a loop-lag probe) as a child process."""

    env: dict[str, str]
    workdir: Path
    policy: str = ""
    proc: asyncio.subprocess.Process | None = None
    spawned_at: float = 0.0
    _ps: psutil.Process | None = None

    @property
    def stats_path(self) -> Path:
        return self.workdir / "botproc-stats.json"

    @property
    def log_path(self) -> Path:
        return self.workdir / "bot.log"

    async def start(self) -> None:
        args = [sys.executable, "-m", "bench.botproc", "--stats", str(self.stats_path)]
        if self.policy:
            args += ["--policy", self.policy]
        with self.log_path.open("ab") as log:
            self.spawned_at = time.time()
            self.proc = await asyncio.create_subprocess_exec(
                *args, cwd=str(REPO), env=self.env, stdout=log, stderr=log
            )
        self._ps = psutil.Process(self.proc.pid)

    async def wait_ready(self, fakes: Fakes, timeout: float = 60) -> float:
        """Wait for the bot on the fake gateway; returns the time it took from spawn."""
        waiter = asyncio.ensure_future(fakes.discord.wait_connected(timeout=timeout))
        assert self.proc is not None
        died = asyncio.ensure_future(self.proc.wait())
        done, _ = await asyncio.wait({waiter, died}, return_when=asyncio.FIRST_COMPLETED)
        if died in done:
            waiter.cancel()
            raise RuntimeError(f"the bot exited during start-up; see {self.log_path}:\n{self.tail()}")
        died.cancel()
        waiter.result()
        return time.time() - self.spawned_at

    def rss_mb(self) -> float:
        assert self._ps is not None
        return float(self._ps.memory_info().rss) / 2**20

    def cpu_seconds(self) -> float:
        assert self._ps is not None
        times = self._ps.cpu_times()
        return float(times.user + times.system)

    def mark(self) -> None:
        """Start of a measured window: the lag probe forgets what it saw so far."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGUSR1)

    async def stop(self) -> dict[str, Any]:
        """SIGTERM, wait, and return the lag probe's stats."""
        if self.proc is not None and self.proc.returncode is None:
            self.proc.terminate()
            try:
                await asyncio.wait_for(self.proc.wait(), 30)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        self.proc = None
        if self.stats_path.exists():
            stats: dict[str, Any] = json.loads(self.stats_path.read_text())
            return stats
        return {}

    def tail(self, lines: int = 30) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


@dataclass
class RssSampler:
    """Samples a process's resident memory in the background; `peak` and `samples` in MB."""

    bot: BotProcess
    interval: float = 0.05
    samples: list[float] = field(default_factory=list)
    _task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            with contextlib.suppress(psutil.Error):
                self.samples.append(self.bot.rss_mb())
            await asyncio.sleep(self.interval)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    @property
    def peak(self) -> float:
        return max(self.samples) if self.samples else float("nan")


@contextlib.contextmanager
def workdir(name: str) -> Any:
    with tempfile.TemporaryDirectory(prefix=f"videobot-bench-{name}-") as tmp:
        yield Path(tmp)


async def create_tasks(
    fakes: Fakes, timelines: Sequence[Timeline], *, ages: Sequence[float] = ()
) -> list[str]:
    """Create one task per timeline on the fake API (through its submit route); `ages` backdate them."""
    fakes.api.queue_timeline(*timelines)
    ids: list[str] = []
    headers = {"Authorization": f"Bearer {fakes.api.api_key}"}
    async with aiohttp.ClientSession(headers=headers) as session:
        for i in range(len(timelines)):
            body = {"model": fakes.api.model, "prompt": f"prefilled job {i}"}
            async with session.post(f"{fakes.api.base_url}/v1/videos/generations", json=body) as resp:
                data = await resp.json()
                ids.append(str(data["data"][0]["task_id"]))
    for task_id, age in zip(ids, ages, strict=False):
        fakes.api.tasks[task_id].created -= age
    return ids


async def prefill_running(
    db_path: Path,
    fakes: Fakes,
    task_ids: Sequence[str],
    *,
    submitted_at: Sequence[float],
    next_poll_at: Sequence[float],
    users: Sequence[FakeUser],
) -> None:
    """Write one RUNNING job per task id, as a previous process would have left them."""
    store = await Store.open(db_path)
    try:
        for i, task_id in enumerate(task_ids):
            user = users[i % len(users)]
            new = NewJob(
                kind=JobKind.VIDEO,
                guild_id=fakes.discord.guild.id,
                channel_id=fakes.discord.channel.id,
                user_id=user.id,
                user_name=user.name,
                prompt=f"prefilled job {i}",
            )
            job = await store.insert_job(new)
            await store.transition(job.id, S.ACCEPTED, S.SUBMITTING)
            await store.transition(
                job.id,
                S.SUBMITTING,
                S.SUBMITTED,
                task_id=task_id,
                submitted_at=submitted_at[i],
                deadline_at=submitted_at[i] + 3600,
            )
            await store.transition(job.id, S.SUBMITTED, S.RUNNING, next_poll_at=next_poll_at[i])
    finally:
        await store.close()


def status_polls(fakes: Fakes, since: float = 0.0) -> dict[str, list[float]]:
    """task id -> times of its status requests (fake clock = wall clock), from `since` on."""
    polls: dict[str, list[float]] = {}
    for r in fakes.api.requests:
        if r.route == "status" and r.task_id and r.time >= since:
            polls.setdefault(r.task_id, []).append(r.time)
    return polls
