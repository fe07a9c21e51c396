"""Which store the tests run on: SQLite files (the default), or PostgreSQL when TEST_DATABASE_URL is set
(`.ci/run` runs the suite both ways; `scripts/postgres-for-tests` starts a throwaway server).

On PostgreSQL every test's database is a schema of its own, named after the SQLite path the test would have
used: opening "the same file" again (a restart) reaches the same schema, another test never sees it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import sqlite3
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from bot.store import Store
from bot.store.driver import to_postgres

PG_URL = os.environ.get("TEST_DATABASE_URL", "").strip()
ON_POSTGRES = bool(PG_URL)

_schemas: dict[Path, str] = {}

sqlite_only = pytest.mark.sqlite_only
needs_postgres = pytest.mark.skipif(not ON_POSTGRES, reason="needs TEST_DATABASE_URL (a PostgreSQL server)")


def database_url_for(path: Path) -> str:
    """The PostgreSQL URL standing for the SQLite file `path` ('' when the tests run on SQLite)."""
    if not ON_POSTGRES:
        return ""
    schema = _schemas.setdefault(path.resolve(), f"t_{uuid.uuid4().hex[:16]}")
    glue = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{glue}search_path={schema}"


def run_sql(
    path: Path, sql: str, params: tuple[Any, ...] = (), *, write: bool = False
) -> list[dict[str, Any]]:
    """One statement on the test's database at `path`, from synchronous test code (the bot may be running
    in another process): read-only on SQLite unless `write`; on PostgreSQL through its own short
    connection (in a thread with its own event loop). `?` placeholders on both."""
    if not ON_POSTGRES:
        uri = f"file:{path}" + ("" if write else "?mode=ro")
        con = sqlite3.connect(uri, uri=True, timeout=5)
        con.row_factory = sqlite3.Row
        try:
            rows = [dict(r) for r in con.execute(sql, params)]
            con.commit()
            return rows
        finally:
            con.close()

    async def on_postgres() -> list[dict[str, Any]]:
        conn = await asyncpg.connect(database_url_for(path))
        try:
            return [dict(r) for r in await conn.fetch(to_postgres(sql), *params)]
        finally:
            await conn.close()

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, on_postgres()).result()


@pytest.fixture
async def three_stores(tmp_path: Path) -> AsyncIterator[list[Store]]:
    """Three store connections on one database, standing for three processes (PostgreSQL: one schema;
    SQLite: one file opened non-exclusively)."""
    path = tmp_path / "data" / "bot.sqlite3"
    stores = [await open_store(path, exclusive=False) for _ in range(3)]
    yield stores
    for s in stores:
        await s.close()


async def open_store(path: Path, *, exclusive: bool = True, **kwargs: Any) -> Store:
    """The test's store at `path`: that SQLite file, or its PostgreSQL schema (always shared)."""
    if ON_POSTGRES:
        return await Store.connect(database_url_for(path), **kwargs)
    return await Store.open(path, exclusive=exclusive, **kwargs)
