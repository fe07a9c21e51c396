"""`python -m bot --copy-to-postgres`: the SQLite database moves into PostgreSQL whole, once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.jobs import JobKind, JobStatus, NewJob
from bot.jobs.learning import Observation
from bot.store import Store
from tests.ops.helpers import Ran
from tests.stores import database_url_for, needs_postgres

pytestmark = needs_postgres


async def _sqlite_with_history(path: Path) -> list[int]:
    store = await Store.open(path)
    try:
        root = await store.insert_job(NewJob(JobKind.VIDEO, 1, 2, 7, "ann", "a paper boat"))
        await store.update(root.id, JobStatus.ACCEPTED, claimed_by="gone", lease_until=5.0)
        child = NewJob(JobKind.EXTEND, 1, 2, 8, "bob", "it sails on")
        child.parent_job_id = child.source_job_id = root.id
        extend = await store.insert_job(child)
        await store.set_guild_config(1, user_daily_limit=4, allowed_channels=[2])
        await store.ban(1, 9, by=7)
        await store.record_observation(Observation("video", 60.0, 75.0))
        return [root.id, extend.id]
    finally:
        await store.close()


async def _run(tmp_path: Path, env: dict[str, str]) -> Ran:
    import asyncio

    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--copy-to-postgres", cwd=str(tmp_path), env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(child.communicate(), timeout=60)
    assert child.returncode is not None
    return Ran(child.returncode, out.decode(), err.decode())


async def test_a_copy_keeps_every_job_setting_and_nonce_and_refuses_a_second_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    path = tmp_path / "data" / "bot.sqlite3"
    ids = await _sqlite_with_history(path)
    before = await Store.open(path)
    jobs_before = [await before.get(i) for i in ids]
    install_id = await before.install_id()
    await before.close()
    url = database_url_for(tmp_path / "pg")
    env = {**os.environ, "DISCORD_TOKEN": "t", "APIMART_API_KEY": "k", "DATABASE_PATH": str(path),
           "DATABASE_URL": url}  # fmt: skip

    ran = await _run(tmp_path, env)
    assert ran.code == 0, ran.err
    assert "2 jobs" in ran.out and "1 bans" in ran.out and "search_path" not in ran.err

    target = await Store.connect(url)
    try:
        after = [await target.get(i) for i in ids]
        assert [j.prompt for j in after if j] == [j.prompt for j in jobs_before if j]
        assert after[1] is not None and after[1].parent_job_id == ids[0]
        assert after[0] is not None and after[0].claimed_by is None, "no process holds a claim after a move"
        assert await target.install_id() == install_id, "nonces of recorded effects still match"
        assert (await target.guild_config(1)).user_daily_limit == 4
        assert await target.is_banned(1, 9)
        assert [o.actual for o in await target.observations()] == [75.0]
        new = await target.insert_job(NewJob(JobKind.VIDEO, 1, 2, 7, "ann", "next"))
        assert new.id > max(ids), "new jobs get new numbers"
    finally:
        await target.close()

    again = await _run(tmp_path, env)
    assert again.code == 1 and again.err.startswith("cannot copy: the PostgreSQL database already holds")


async def test_a_copy_while_the_bot_runs_on_the_file_is_refused(tmp_path: Path) -> None:
    import os

    path = tmp_path / "data" / "bot.sqlite3"
    await _sqlite_with_history(path)
    running = await Store.open(path)  # the bot, holding the file's lock
    try:
        url = database_url_for(tmp_path / "pg")
        env = {**os.environ, "DISCORD_TOKEN": "t", "APIMART_API_KEY": "k", "DATABASE_PATH": str(path),
               "DATABASE_URL": url}  # fmt: skip
        ran = await _run(tmp_path, env)
        assert ran.code == 1 and "another bot process is already using the database" in ran.err
    finally:
        await running.close()
