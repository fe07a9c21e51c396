"""The two drivers behind the store: SQLite (aiosqlite, one connection) and PostgreSQL (asyncpg, a pool).

The store's SQL is written once, with `?` placeholders, in the subset both engines speak (`RETURNING`,
`ON CONFLICT`, `CASE` instead of two-argument MIN/MAX, 0/1 integers for flags). A driver runs it:

- `session()`: what a public store method runs inside. SQLite: the one connection, one method at a time (a
  cursor left open by one coroutine would pin a stale snapshot for another). PostgreSQL: a pooled connection
  of the method's own, so methods run side by side;
- `write()`: a write transaction that no other writer interleaves with. SQLite: `BEGIN IMMEDIATE`.
  PostgreSQL: a transaction holding one transaction-level advisory lock, taken by every process: admission,
  the global queue and members' lines are exact across processes (the lock is released at commit or
  rollback, also when a process dies mid-transaction).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import re
import sqlite3
from collections.abc import AsyncIterator, Sequence
from typing import Any, Protocol

import aiosqlite

Params = Sequence[Any]


class StoreUnavailable(Exception):
    """The database cannot be reached right now (PostgreSQL restarting, the network cut): nothing in the
    statement that failed can be assumed done or not done. Callers that hold something only in memory (a
    task id the API just returned) retry; everything else fails the step, which is retried later."""


def _unavailable_errors() -> tuple[type[BaseException], ...]:
    import asyncpg

    return (
        asyncpg.PostgresConnectionError,
        asyncpg.InterfaceError,
        asyncpg.OperatorInterventionError,  # the server shutting down or starting up
        asyncpg.TooManyConnectionsError,
        OSError,
        TimeoutError,
    )


class Row(Protocol):
    """What both drivers' rows offer: by index, by column name, and the column names."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def keys(self) -> Any: ...


class Driver(Protocol):
    dialect: str

    def session(self) -> contextlib.AbstractAsyncContextManager[None]: ...

    def write(self) -> contextlib.AbstractAsyncContextManager[None]: ...

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]: ...

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None: ...

    async def execute(self, sql: str, params: Params = ()) -> int: ...

    async def executemany(self, sql: str, rows: Sequence[Params]) -> None: ...

    async def close(self) -> None: ...


class SqliteDriver:
    dialect = "sqlite"

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn
        self._lock = asyncio.Lock()

    @contextlib.asynccontextmanager
    async def session(self) -> AsyncIterator[None]:
        async with self._lock:
            yield

    @contextlib.asynccontextmanager
    async def write(self) -> AsyncIterator[None]:
        await self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            await self.conn.execute("ROLLBACK")
            raise
        await self.conn.execute("COMMIT")

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        async with self.conn.execute(sql, tuple(params)) as cur:
            return list(await cur.fetchall())

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        async with self.conn.execute(sql, tuple(params)) as cur:
            row: sqlite3.Row | None = await cur.fetchone()
            return row

    async def execute(self, sql: str, params: Params = ()) -> int:
        cur = await self.conn.execute(sql, tuple(params))
        changed = cur.rowcount
        await cur.close()
        return changed

    async def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        await self.conn.executemany(sql, [tuple(r) for r in rows])

    async def close(self) -> None:
        async with self._lock:  # after the method in progress, if any
            await self.conn.close()


# One key for the store's write lock, the same in every process (any constant unlikely to clash with an
# operator's own advisory locks on the same database).
WRITE_LOCK_KEY = 0x76696465  # "vide"


@functools.lru_cache(maxsize=512)
def to_postgres(sql: str) -> str:
    """`?` placeholders → `$1, $2, …` (outside quoted literals)."""
    out: list[str] = []
    n = 0
    for part in re.split(r"('(?:[^']|'')*')", sql):
        if part.startswith("'"):
            out.append(part)
            continue
        pieces = part.split("?")
        for i, piece in enumerate(pieces):
            if i:
                n += 1
                out.append(f"${n}")
            out.append(piece)
    return "".join(out)


def _changed(status: str) -> int:
    """asyncpg's command tag ('UPDATE 3', 'INSERT 0 1', 'DELETE 0') → rows changed."""
    tail = status.rsplit(" ", 1)[-1]
    return int(tail) if tail.isdigit() else 0


class PostgresDriver:
    dialect = "postgres"

    def __init__(self, pool: Any) -> None:  # asyncpg.Pool (asyncpg ships no type hints)
        self.pool = pool
        self._unavailable = _unavailable_errors()
        self._current: contextvars.ContextVar[Any] = contextvars.ContextVar("pg_connection", default=None)

    @property
    def conn(self) -> Any:
        conn = self._current.get()
        if conn is None:
            raise RuntimeError("store SQL outside a store method (no connection taken)")
        return conn

    @contextlib.asynccontextmanager
    async def session(self) -> AsyncIterator[None]:
        if self._current.get() is not None:
            yield
            return
        try:
            async with self.pool.acquire() as conn:
                token = self._current.set(conn)
                try:
                    yield
                finally:
                    self._current.reset(token)
        except self._unavailable as exc:
            raise StoreUnavailable(f"the database is not answering ({type(exc).__name__})") from exc

    @contextlib.asynccontextmanager
    async def write(self) -> AsyncIterator[None]:
        conn = self.conn
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK_KEY)
            yield

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return list(await self.conn.fetch(to_postgres(sql), *params))

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        row: Row | None = await self.conn.fetchrow(to_postgres(sql), *params)
        return row

    async def execute(self, sql: str, params: Params = ()) -> int:
        return _changed(await self.conn.execute(to_postgres(sql), *params))

    async def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        await self.conn.executemany(to_postgres(sql), [tuple(r) for r in rows])

    async def close(self) -> None:
        try:
            async with asyncio.timeout(10):  # methods in progress finish first
                await self.pool.close()
        except TimeoutError:
            self.pool.terminate()


def row_dict(row: Row) -> dict[str, Any]:
    return {key: row[key] for key in row.keys()}  # noqa: SIM118 (sqlite3.Row has no __iter__ of keys)


__all__ = ["Driver", "PostgresDriver", "Row", "SqliteDriver", "StoreUnavailable", "row_dict", "to_postgres"]
