"""Operator commands when the bot runs on PostgreSQL: `--check` connects read-only and says where, `--backup`
points at pg_dump; the password in DATABASE_URL is never printed."""

from __future__ import annotations

import io
from pathlib import Path

import asyncpg
import pytest

from bot.check import _check_database
from bot.ops.cli import backup_to
from bot.settings import Settings
from tests.stores import PG_URL, needs_postgres


def test_backup_on_postgresql_points_at_pg_dump_and_prints_no_password(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", "t")
    monkeypatch.setenv("APIMART_API_KEY", "k")
    monkeypatch.setenv("DATABASE_URL", "postgresql://videobot:s3cret-pass@db.internal:5432/videobot")
    out, err = io.StringIO(), io.StringIO()
    assert backup_to(tmp_path / "b.sqlite3", out=out, err=err) == 1
    assert "pg_dump" in err.getvalue() and "s3cret-pass" not in err.getvalue() + out.getvalue()
    assert not (tmp_path / "b.sqlite3").exists()


async def test_check_reports_an_unreachable_server_in_one_sentence_without_the_password() -> None:
    settings = Settings(
        discord_token="t", apimart_api_key="k", database_url="postgresql://bot:hunter22@127.0.0.1:9/videobot"
    )
    result = await _check_database(settings)
    [problem] = result.problems
    assert problem.startswith("DATABASE_URL postgresql://bot:***@127.0.0.1:9/videobot cannot be reached")
    assert "hunter22" not in problem


@needs_postgres
async def test_check_reads_the_version_and_creates_nothing() -> None:
    url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}search_path=t_check_never_created"
    result = await _check_database(Settings(discord_token="t", apimart_api_key="k", database_url=url))
    assert not result.problems
    [line] = result.lines
    assert "answers; its tables are made at the first start" in line
    conn = await asyncpg.connect(PG_URL)
    try:
        assert await conn.fetchval("SELECT to_regnamespace('t_check_never_created')") is None
    finally:
        await conn.close()
