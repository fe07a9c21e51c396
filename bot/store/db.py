"""The database: SQLite (one connection, WAL mode, the one-process lock) or PostgreSQL, numbered migrations.

SQLite is the embedded default and serves ONE bot process per database; a second `python -m bot` on the same
file refuses to start (an OS file lock, released by the kernel even on SIGKILL), so start-up recovery can
treat every claim left in the file as belonging to a dead process.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import fcntl
import functools
import logging
import os
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Coroutine
from importlib import resources
from pathlib import Path
from typing import IO, Any, Concatenate, ParamSpec, TypeVar

import aiosqlite

from bot.startup import ENVIRONMENT, StartupError
from bot.store.driver import Driver, Params, PostgresDriver, Row, SqliteDriver

log = logging.getLogger("bot.store")

Clock = Callable[[], float]
P = ParamSpec("P")
R = TypeVar("R")
D = TypeVar("D", bound="Database")


class DatabaseInUse(StartupError):
    """Another live process holds this SQLite database."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"another bot process is already using the database {path} (DATABASE_PATH): stop it first, "
            "or give this process its own DATABASE_PATH",
            ENVIRONMENT,
        )
        self.path = path


class DatabaseUnusable(StartupError):
    """DATABASE_PATH cannot be opened, created or written; the message says why and what to do."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"DATABASE_PATH {path} {why}", ENVIRONMENT)
        self.path = path


class DatabaseTooNew(DatabaseUnusable):
    """The file was written by a newer version of the bot; it is refused and left untouched."""

    def __init__(self, path: Path, version: int, latest: int) -> None:
        super().__init__(
            path,
            f"was written by a newer version of the bot (database version {version}; this version knows up "
            f"to {latest}): run the newer version, or restore a backup made for this one (the file was left "
            "untouched)",
        )
        self.version = version
        self.latest = latest


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


async def _open_connection(path: Path) -> aiosqlite.Connection:
    try:
        return await _connect(path)
    except (OSError, sqlite3.Error) as exc:
        raise _unusable(path, exc) from None


async def _pragma(conn: aiosqlite.Connection, pragma: str) -> None:
    # Read the answer and close the cursor: a pending statement would hold a lock on the file.
    async with conn.execute(f"PRAGMA {pragma}") as cur:
        await cur.fetchall()


def migrations(dialect: str = "sqlite") -> list[tuple[int, str, str]]:
    """(number, name, SQL) of every migration the store ships for `dialect`, in order. Both dialects have the
    same migrations, numbered and named alike (a test holds them together)."""
    folder = resources.files("bot.store.migrations")
    if dialect == "postgres":
        folder = folder / "postgres"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def _migrations() -> list[tuple[int, str]]:
    return [(number, sql) for number, _, sql in migrations("sqlite")]


def latest_version() -> int:
    """The highest migration this version of the bot ships."""
    return max((number for number, _ in _migrations()), default=0)


_HEADER = b"SQLite format 3\x00"


def inspect_database(path: Path) -> int | None:
    """Can DATABASE_PATH be used? Read-only: creates and modifies nothing (`python -m bot --check` and the
    first step of `Database.open`). Returns the file's version (`PRAGMA user_version`), None when the file
    does not exist yet; raises DatabaseUnusable (or DatabaseTooNew) with the reason and the fix."""
    try:
        if path.is_dir():
            raise DatabaseUnusable(
                path, f"is a folder: point it at a file, for example {path / 'bot.sqlite3'}"
            )
        folder = _existing_ancestor(path.parent)
        if not folder.is_dir():
            raise _under_a_file(path)
        _probe_writable(path, folder)
        if not path.exists():
            return None
        version = _read_version(path)
    except OSError as exc:
        raise _unusable(path, exc) from None
    except sqlite3.Error as exc:
        raise _unusable(path, exc) from None
    latest = latest_version()
    if version > latest:
        raise DatabaseTooNew(path, version, latest)
    return version


def _existing_ancestor(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _probe_writable(path: Path, folder: Path) -> None:
    """Really try (permission bits say little to root or on a read-only mount), leaving nothing behind."""
    with tempfile.TemporaryFile(dir=folder):
        pass
    if path.exists():
        with path.open("r+b"):  # opened for writing, nothing written: the file is unchanged
            pass


def _read_version(path: Path) -> int:
    """`PRAGMA user_version`, without writing: from the header when there is no WAL to replay, else from a
    read-only connection (which never checkpoints)."""
    wal = path.with_name(path.name + "-wal")
    if not (wal.exists() and wal.stat().st_size > 0):
        with path.open("rb") as handle:
            header = handle.read(100)
        if not header:
            return 0  # an empty file is an empty database
        if len(header) < 100 or not header.startswith(_HEADER):
            raise sqlite3.DatabaseError("file is not a database")
        return int.from_bytes(header[60:64], "big", signed=True)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        row = conn.execute("PRAGMA user_version").fetchone()
    finally:
        conn.close()
    return int(row[0]) if row else 0


def _under_a_file(path: Path) -> DatabaseUnusable:
    folder = _existing_ancestor(path.parent)
    return DatabaseUnusable(
        path, f"cannot be created: {folder} is a file, not a folder: choose another DATABASE_PATH"
    )


def _unusable(path: Path, exc: OSError | sqlite3.Error) -> DatabaseUnusable:
    """One sentence for why the database cannot be opened, created or written."""
    if isinstance(exc, DatabaseUnusable):
        return exc
    if isinstance(exc, NotADirectoryError | FileExistsError):
        return _under_a_file(path)
    if isinstance(exc, PermissionError) or (isinstance(exc, OSError) and exc.errno == errno.EROFS):
        return DatabaseUnusable(
            path,
            f"cannot be written: permission denied in {_existing_ancestor(path.parent)}: make the folder and "
            "the file writable for the bot's user, or choose another DATABASE_PATH",
        )
    if isinstance(exc, sqlite3.DatabaseError) and "not a database" in str(exc):
        return DatabaseUnusable(
            path,
            "is not an SQLite database (or is damaged): point DATABASE_PATH at the bot's database, or move "
            "that file away",
        )
    if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
        return DatabaseUnusable(
            path, "is read-only: make it and its folder writable for the bot's user, or choose another file"
        )
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
    return DatabaseUnusable(
        path,
        f"cannot be used ({detail.strip()}): check the disk and the path, or choose another DATABASE_PATH",
    )


def locked(
    method: Callable[Concatenate[D, P], Coroutine[Any, Any, R]],
) -> Callable[Concatenate[D, P], Coroutine[Any, Any, R]]:
    """Run a public store method in a driver session (see driver.py)."""

    @functools.wraps(method)
    async def wrapper(self: D, /, *args: P.args, **kwargs: P.kwargs) -> R:
        async with self._driver.session():
            return await method(self, *args, **kwargs)

    return wrapper


class Database:
    """The store's SQL runs through one driver: SQLite (the default) or PostgreSQL (`DATABASE_URL`)."""

    def __init__(self, driver: Driver, clock: Clock = time.time, process_id: str | None = None) -> None:
        self._driver = driver
        self._clock = clock
        # SQLite only: the OS lock proving that this process is the only one on the file.
        self._process_lock: ProcessLock | None = None
        self._url: str | None = None  # PostgreSQL: where it is (the password never printed), and the schema
        self._schema: str | None = None
        # This process's id: the owner of its claims, and (PostgreSQL) its connections' application_name,
        # so other processes can tell that it is alive.
        self.process_id = process_id or uuid.uuid4().hex[:16]

    @property
    def dialect(self) -> str:
        return self._driver.dialect

    @property
    def shared(self) -> bool:
        """Several processes may work this store at once (PostgreSQL, or SQLite opened non-exclusively)."""
        return self._process_lock is None

    @classmethod
    async def open(cls: type[D], path: Path, *, clock: Clock = time.time, exclusive: bool = True) -> D:
        """Open (and migrate) the SQLite database. `exclusive`: refuse when another process holds it. Raises
        DatabaseInUse, DatabaseTooNew (checked before any write: the file is left byte-for-byte unchanged) or
        DatabaseUnusable, each with one sentence saying what to do."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _unusable(path, exc) from None
        lock = ProcessLock(path) if exclusive else None
        if lock is not None:
            try:
                lock.acquire(path)
            except OSError as exc:
                raise _unusable(path, exc) from None
        try:
            await asyncio.to_thread(inspect_database, path)
            conn = await _open_connection(path)
            try:
                await _pragma(conn, "journal_mode=WAL")
                db = cls(SqliteDriver(conn), clock)
                await db._migrate()
            except (OSError, sqlite3.Error) as exc:
                await conn.close()
                raise _unusable(path, exc) from None
            except BaseException:
                await conn.close()
                raise
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        db._process_lock = lock
        return db

    @classmethod
    async def connect(
        cls: type[D], url: str, *, clock: Clock = time.time, pool_size: int = 10, schema: str | None = None
    ) -> D:
        """Connect to PostgreSQL (`DATABASE_URL`) and migrate it; several processes may share it.
        `schema` (or `?search_path=` in the URL): work in that schema, created if missing."""
        from bot.store import postgres

        if schema is None:
            schema = postgres.schema_of(url)

        process_id = uuid.uuid4().hex[:16]
        pool = await postgres.create_pool(url, pool_size=pool_size, schema=schema, process_id=process_id)
        driver = PostgresDriver(pool)
        db = cls(driver, clock, process_id)
        db._url, db._schema = url, schema
        try:
            async with driver.session():
                await postgres.migrate(driver, url)
        except BaseException:
            await pool.close()
            raise
        return db

    async def close(self) -> None:
        await self._driver.close()
        if self._process_lock is not None:
            self._process_lock.release()
            self._process_lock = None

    async def watch_due(self, on_due: Callable[[float], None]) -> Callable[[], Awaitable[None]] | None:
        """PostgreSQL: call `on_due(due_at)` whenever any process makes a job claimable (LISTEN/NOTIFY);
        returns the function that stops listening. SQLite: None (one process, its own wake-ups suffice)."""
        if self._url is None:
            return None
        from bot.store import postgres

        listener = postgres.Listener(self._url, self._schema, on_due, self.process_id)
        try:
            await listener.start()
        except (OSError, TimeoutError) as exc:
            raise postgres.unusable(self._url, exc) from None
        return listener.close

    async def execute_raw(self, sql: str, params: Params = ()) -> int:
        """One statement of the store's SQL (`?` placeholders), outside any use case: for tests and operator
        tools that set up rows by hand. Returns how many rows it changed."""
        async with self._driver.session():
            return await self._execute(sql, params)

    async def fetch_raw(self, sql: str, params: Params = ()) -> list[Row]:
        """One query of the store's SQL, outside any use case: for tests and operator tools."""
        async with self._driver.session():
            return await self._fetchall(sql, params)

    async def load_rows(
        self,
        tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]],
        *,
        install_id: str,
        identities: tuple[str, ...] = (),
    ) -> dict[str, int]:
        """Bulk-load rows copied from another database, in one transaction (`--copy-to-postgres`): the
        tables in the order given, claims dropped, the copied database's random id kept, and the `id`
        counters of `identities` moved past the copied rows."""
        counts: dict[str, int] = {}
        async with self._driver.session(), self._immediate():
            for table, (columns, rows) in tables.items():
                counts[table] = len(rows)
                if rows:
                    marks = ", ".join("?" for _ in columns)
                    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
                    await self._driver.executemany(sql, rows)
            await self._execute("UPDATE jobs SET claimed_by = NULL, lease_until = NULL")
            await self._execute("UPDATE meta SET value = ? WHERE key = 'install_id'", (install_id,))
            if self.dialect == "postgres":
                for table in identities:
                    await self._fetchone(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                        f" COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                    )
        return counts

    def _immediate(self) -> contextlib.AbstractAsyncContextManager[None]:
        """A write transaction no other writer interleaves with (see driver.py)."""
        return self._driver.write()

    async def _migrate(self) -> None:
        current = int(await self._scalar("PRAGMA user_version") or 0)
        for number, sql in _migrations():
            if number <= current:
                continue
            # One transaction per migration, including the version bump: a crash leaves it unapplied.
            statements = [s.strip() for s in sql.split(";") if s.strip()]
            async with self._immediate():
                for statement in statements:
                    await self._execute(statement)
                await self._execute(f"PRAGMA user_version = {number:d}")
            log.info("applied migration %04d", number)

    async def _fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return await self._driver.fetchall(sql, params)

    async def _fetchone(self, sql: str, params: Params = ()) -> Row | None:
        return await self._driver.fetchone(sql, params)

    async def _scalar(self, sql: str, params: Params = ()) -> Any:
        row = await self._driver.fetchone(sql, params)
        return row[0] if row else None

    async def _execute(self, sql: str, params: Params = ()) -> int:
        """Run one write statement; return how many rows it changed."""
        return await self._driver.execute(sql, params)
