"""PostgreSQL specifics: the pool, migrations shared safely by processes starting at once, wake-ups
(LISTEN/NOTIFY), and one sentence for every way DATABASE_URL can be wrong (the password never in it)."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from typing import Any

import asyncpg
import yarl

from bot.startup import ENVIRONMENT, SETTING_WRONG, StartupError
from bot.store.driver import PostgresDriver

log = logging.getLogger("bot.store")

MIGRATE_LOCK_KEY = 0x76696466  # one process migrates at a time; the others wait, then find it done
WAKE_CHANNEL = "videobot_due"  # + "_<schema>": NOTIFY'd by a trigger when a job becomes claimable (0008)
CONNECT_TIMEOUT = 10.0


def redact(url: str) -> str:
    """The URL without its password (for messages and logs)."""
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)


class PostgresUnusable(StartupError):
    def __init__(self, url: str, why: str, kind: int = ENVIRONMENT) -> None:
        super().__init__(f"DATABASE_URL {redact(url)} {why}", kind)


class PostgresTooNew(PostgresUnusable):
    def __init__(self, url: str, version: int, latest: int) -> None:
        super().__init__(
            url,
            f"was written by a newer version of the bot (database version {version}; this version knows up "
            f"to {latest}): run the newer version on every process, or restore a backup made for this one",
        )
        self.version = version
        self.latest = latest


def schema_of(url: str) -> str | None:
    """The `search_path` asked for in the URL's query (asyncpg passes it on as a server setting)."""
    try:
        return yarl.URL(url).query.get("search_path") or None
    except ValueError:
        return None


APPLICATION = "videobot:"  # + the process id: every connection says whose it is (see alive_owners)


def application_name(process_id: str) -> str:
    return f"{APPLICATION}{process_id}"


# The owners whose process still has a connection open: a claim of any other owner belongs to a dead process
# (a SIGKILLed process's connections close with it). A host that vanished without closing them is caught by
# its leases lapsing instead.
ALIVE_OWNERS = (
    f"SELECT substr(application_name, {len(APPLICATION) + 1}) FROM pg_stat_activity"
    f" WHERE application_name LIKE '{APPLICATION}%'"
)


async def create_pool(url: str, *, pool_size: int, schema: str | None, process_id: str) -> Any:
    settings = {"application_name": application_name(process_id)}
    if schema is not None:
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", schema):
            raise PostgresUnusable(url, "asks for a schema name other than lowercase letters, digits and _")
        settings["search_path"] = schema
    try:
        if schema is not None:
            conn = await asyncpg.connect(url, timeout=CONNECT_TIMEOUT)
            try:
                await conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
            except (asyncpg.UniqueViolationError, asyncpg.DuplicateSchemaError):
                pass  # another process starting at the same moment made it ("IF NOT EXISTS" can race)
            finally:
                await conn.close()
        return await asyncpg.create_pool(
            url, min_size=1, max_size=pool_size, timeout=CONNECT_TIMEOUT, server_settings=settings
        )
    except (TimeoutError, OSError, asyncpg.PostgresError, asyncpg.InterfaceError, ValueError) as exc:
        raise unusable(url, exc) from None


def unusable(url: str, exc: BaseException) -> PostgresUnusable:
    if isinstance(exc, asyncpg.InvalidPasswordError | asyncpg.InvalidAuthorizationSpecificationError):
        return PostgresUnusable(url, "refused the user name or password: check the credentials in it")
    if isinstance(exc, asyncpg.InvalidCatalogNameError):
        return PostgresUnusable(url, "names a database that does not exist: create it first (createdb)")
    if isinstance(exc, ValueError):
        return PostgresUnusable(url, "is not a valid postgresql:// address", SETTING_WRONG)
    if isinstance(exc, TimeoutError):
        return PostgresUnusable(url, f"did not answer within {CONNECT_TIMEOUT:.0f} s: is the server up?")
    if isinstance(exc, OSError):
        detail = exc.strerror or type(exc).__name__
        return PostgresUnusable(url, f"cannot be reached ({detail}): is the server running and reachable?")
    return PostgresUnusable(url, f"cannot be used ({type(exc).__name__}): check the server's log")


async def inspect(url: str) -> int | None:
    """`python -m bot --check`: can DATABASE_URL be used? Read-only: connects, reads the schema version
    (None: nothing migrated yet), creates nothing. Raises PostgresUnusable / PostgresTooNew."""
    from bot.store.db import migrations

    schema = schema_of(url)
    try:
        conn = await asyncpg.connect(url, timeout=CONNECT_TIMEOUT)
    except (TimeoutError, OSError, asyncpg.PostgresError, asyncpg.InterfaceError, ValueError) as exc:
        raise unusable(url, exc) from None
    try:
        table = f"{schema}.schema_version" if schema else "schema_version"
        if await conn.fetchval("SELECT to_regclass($1)", table) is None:
            return None
        version = int(await conn.fetchval(f"SELECT COALESCE(MAX(version), 0) FROM {table}"))
    except asyncpg.PostgresError as exc:
        raise unusable(url, exc) from None
    finally:
        await conn.close()
    latest = max((n for n, _, _ in migrations("postgres")), default=0)
    if version > latest:
        raise PostgresTooNew(url, version, latest)
    return version


async def applied_version(driver: PostgresDriver) -> int:
    await driver.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL"
        " DEFAULT now())"
    )
    row = await driver.fetchone("SELECT COALESCE(MAX(version), 0) FROM schema_version")
    return int(row[0]) if row else 0


async def migrate(driver: PostgresDriver, url: str) -> None:
    """Apply the PostgreSQL migrations not applied yet, one transaction each, under a lock that makes
    processes starting together take turns (the second finds the work done)."""
    from bot.store.db import migrations

    shipped = migrations("postgres")
    latest = max((n for n, _, _ in shipped), default=0)
    conn = driver.conn
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATE_LOCK_KEY)
        current = await applied_version(driver)
        if current > latest:
            raise PostgresTooNew(url, current, latest)
    for number, name, sql in shipped:
        if number <= current:
            continue
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATE_LOCK_KEY)
            if await applied_version(driver) >= number:
                continue  # another process applied it while we waited
            await conn.execute(sql)
            await conn.execute("INSERT INTO schema_version (version) VALUES ($1)", number)
        log.info("applied migration %s (PostgreSQL)", name)


class Listener:
    """A dedicated connection LISTENing for jobs that became claimable; calls `on_due(due_at)`.

    If the connection is lost (the server restarted, the network blinked) it is made again, every few
    seconds until it works; meanwhile the loop looks at the schedule on its own (SHARED_LOOK_SECONDS)."""

    RECONNECT_SECONDS = 2.0

    def __init__(
        self, url: str, schema: str | None, on_due: Callable[[float], None], process_id: str
    ) -> None:
        self._process_id = process_id
        self._url = url
        self._schema = schema
        self._on_due = on_due
        self._conn: Any = None
        self._closing = False
        self._reconnecting: asyncio.Task[None] | None = None

    async def start(self) -> None:
        settings = {"application_name": application_name(self._process_id)}
        if self._schema:
            settings["search_path"] = self._schema
        self._conn = await asyncpg.connect(self._url, timeout=CONNECT_TIMEOUT, server_settings=settings)
        schema = await self._conn.fetchval("SELECT current_schema()")
        await self._conn.add_listener(f"{WAKE_CHANNEL}_{schema}", self._heard)
        self._conn.add_termination_listener(self._lost)

    def _lost(self, _conn: Any) -> None:
        if self._closing or (self._reconnecting is not None and not self._reconnecting.done()):
            return
        log.warning("lost the PostgreSQL connection that hears other processes' new jobs: reconnecting")
        self._reconnecting = asyncio.get_running_loop().create_task(self._reconnect(), name="pg-listener")

    async def _reconnect(self) -> None:
        while not self._closing:
            await asyncio.sleep(self.RECONNECT_SECONDS)
            try:
                await self.start()
            except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                log.info("PostgreSQL listener: still cannot reconnect (%s)", type(exc).__name__)
                continue
            log.info("PostgreSQL listener: reconnected")
            self._on_due(0.0)  # look at the schedule now: jobs may have come due while we were deaf
            return

    def _heard(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        try:
            due = float(payload)
        except ValueError:
            due = 0.0
        self._on_due(due)

    async def close(self) -> None:
        self._closing = True
        if self._reconnecting is not None:
            self._reconnecting.cancel()
            await asyncio.gather(self._reconnecting, return_exceptions=True)
        if self._conn is not None and not self._conn.is_closed():
            await self._conn.close()
        self._conn = None
