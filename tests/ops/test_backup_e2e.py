"""`python -m bot --backup PATH` while the real bot works 20 jobs: the copy opens and holds every job."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import BotProcess
from tests.fakes.fake_apimart import FakeApiMart, Timeline
from tests.fakes.fake_discord import FakeDiscord, FakeMessage
from tests.ops.helpers import run_bot_command

pytestmark = [pytest.mark.e2e, pytest.mark.sqlite_only]

JOBS = 20


def _results(fd: FakeDiscord) -> list[FakeMessage]:
    return [m for m in fd.channel.messages if m.author.id == fd.bot_user.id and m.attachments]


async def test_backup_while_twenty_jobs_run(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, bot_process: BotProcess
) -> None:
    fd, fa = fake_discord, fake_api
    # All 20 at the API at once, polled every 50 ms: the database is written to all the time.
    bot_process.env.update({"MAX_CONCURRENT_JOBS": str(JOBS), "API_RATE_PER_MINUTE": "100000"})
    await bot_process.start()
    await fd.wait_until(lambda: bool(fd.commands.get(fd.guild.id)), timeout=30)
    await fd.wait_connected(timeout=30)

    fa.queue_timeline(*[Timeline.manual(estimated_time=1) for _ in range(JOBS)])
    prompts = {f"clip number {i}" for i in range(JOBS)}
    for i, prompt in enumerate(sorted(prompts)):
        await fd.slash(fd.add_user(f"user{i}"), "video", {"prompt": prompt})
    await fa.wait_until(lambda: len(fa.submits) == JOBS, timeout=60)
    await fa.wait_until(lambda: all(fa.polls(t) >= 2 for t in fa.tasks), timeout=60)
    polls_before = sum(fa.polls(t) for t in fa.tasks)

    backups = bot_process.cwd / "backups"
    backups.mkdir()
    named = await run_bot_command(bot_process, "--backup", str(backups / "named.sqlite3"))
    dated = await run_bot_command(bot_process, "--backup", str(backups))
    for ran in (named, dated):
        assert ran.code == 0, ran.err
        assert ran.err == "" and ran.out.count("\n") == 1 and f": {JOBS} jobs, " in ran.out
    assert sum(fa.polls(t) for t in fa.tasks) > polls_before, "the bot kept polling during the backups"

    files = sorted(backups.iterdir())
    assert len(files) == 2 and all(f.suffix == ".sqlite3" for f in files), "one file each, no -wal"
    for path in files:
        with sqlite3.connect(path) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            rows = copy.execute("SELECT prompt, task_id, status FROM jobs").fetchall()
        assert {r[0] for r in rows} == prompts, "every job is in the copy"
        assert {r[1] for r in rows} == set(fa.tasks), "with the task id it was stored with"
        assert all(r[2] in ("submitted", "running") for r in rows)

    # The bot never noticed: every job still finishes and is delivered once.
    for task_id in list(fa.tasks):
        fa.complete(task_id)
    await fd.wait_until(lambda: len(_results(fd)) == JOBS, timeout=60)
    assert await bot_process.terminate() == 0
    assert "database is locked" not in bot_process.output()
