"""Which store the tests run on: SQLite files (the default), or PostgreSQL when TEST_DATABASE_URL is set
(`.ci/run` runs the suite both ways; `scripts/postgres-for-tests` starts a throwaway server).

On PostgreSQL every test's database is a schema of its own, named after the SQLite path the test would have
used: opening "the same file" again (a restart) reaches the same schema, another test never sees it.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

import pytest

from bot.store import Store

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


async def open_store(path: Path, *, exclusive: bool = True, **kwargs: Any) -> Store:
    """The test's store at `path`: that SQLite file, or its PostgreSQL schema (always shared)."""
    if ON_POSTGRES:
        return await Store.connect(database_url_for(path), **kwargs)
    return await Store.open(path, exclusive=exclusive, **kwargs)
