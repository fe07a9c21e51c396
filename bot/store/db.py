"""The SQLite connection: one per process, WAL mode, numbered migrations, and the one-process lock.

SQLite is the embedded default and serves ONE bot process per database; a second `python -m bot` on the same
file refuses to start (an OS file lock, released by the kernel even on SIGKILL), so start-up recovery can
treat every claim left in the file as belonging to a dead process.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import functools
import logging
import os
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from importlib import resources
from pathlib import Path
from typing import IO, Any, Concatenate, ParamSpec, TypeVar

import aiosqlite

log = logging.getLogger("bot.store")

Clock = Callable[[], float]
P = ParamSpec("P")
R = TypeVar("R")
D = TypeVar("D", bound="Database")


class DatabaseInUse(Exception):
    """Another live process holds this SQLite database."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"another bot process is already using the database {path} (DATABASE_PATH): stop it first, "
            "or give this process its own DATABASE_PATH"
        )
        self.path = path


class ProcessLock:
    """An exclusive, non-blocking OS lock on `<database>.lock`; the kernel drops it when the process dies."""

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(path.name + ".lock")
        self._file: IO[str] | None = None

    def acquire(self, database: Path) -> None:
        handle = self.path.open("a+")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise DatabaseInUse(database) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None


async def _connect(path: Path) -> aiosqlite.Connection:
    conn = await aiosqlite.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    for pragma in ("busy_timeout=10000", "synchronous=NORMAL", "foreign_keys=ON"):
        await _pragma(conn, pragma)
    return conn


async def _pragma(conn: aiosqlite.Connection, pragma: str) -> None:
    # Read the answer and close the cursor: a pending statement would hold a lock on the file.
    async with conn.execute(f"PRAGMA {pragma}") as cur:
        await cur.fetchall()


def _migrations() -> list[tuple[int, str]]:
    found = []
    for entry in resources.files("bot.store.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def locked(
    method: Callable[Concatenate[D, P], Coroutine[Any, Any, R]],
) -> Callable[Concatenate[D, P], Coroutine[Any, Any, R]]:
    """Run a public store method alone on the connection (see Database.__init__)."""

    @functools.wraps(method)
    async def wrapper(self: D, /, *args: P.args, **kwargs: P.kwargs) -> R:
        async with self._lock:
            return await method(self, *args, **kwargs)

    return wrapper


class Database:
    """One aiosqlite connection; every public method of the store runs alone on it."""

    def __init__(self, conn: aiosqlite.Connection, clock: Clock = time.time) -> None:
        self._conn = conn
        # One connection, one use case at a time: a cursor left open by one coroutine would otherwise pin
        # a stale snapshot for another, and a statement could slip into someone else's transaction.
        self._lock = asyncio.Lock()
        self._clock = clock
        self._process_lock: ProcessLock | None = None

    @classmethod
    async def open(cls: type[D], path: Path, *, clock: Clock = time.time, exclusive: bool = True) -> D:
        """Open (and migrate) the database. `exclusive`: refuse when another process holds it."""
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = ProcessLock(path) if exclusive else None
        if lock is not None:
            lock.acquire(path)
        try:
            conn = await _connect(path)
            try:
                await _pragma(conn, "journal_mode=WAL")
                db = cls(conn, clock)
                await db._migrate()
            except BaseException:
                await conn.close()
                raise
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        db._process_lock = lock
        return db

    async def close(self) -> None:
        async with self._lock:
            await self._conn.close()
        if self._process_lock is not None:
            self._process_lock.release()
            self._process_lock = None

    @contextlib.asynccontextmanager
    async def _immediate(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction taken up front (BEGIN IMMEDIATE): no other connection writes in between."""
        await self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            await self._conn.execute("ROLLBACK")
            raise
        await self._conn.execute("COMMIT")

    async def _migrate(self) -> None:
        async with self._conn.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        current = int(row[0]) if row else 0
        for number, sql in _migrations():
            if number <= current:
                continue
            # One transaction per migration, including the version bump: a crash leaves it unapplied.
            statements = [s.strip() for s in sql.split(";") if s.strip()]
            async with self._immediate() as conn:
                for statement in statements:
                    await conn.execute(statement)
                await conn.execute(f"PRAGMA user_version = {number:d}")
            log.info("applied migration %04d", number)

    async def _scalar(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> Any:
        async with self._conn.execute(sql, params) as cur:
            row = await cur.fetchone()
        return row[0] if row else None

    async def _execute(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> int:
        """Run one write statement; return how many rows it changed."""
        cur = await self._conn.execute(sql, params)
        changed = cur.rowcount
        await cur.close()
        return changed
