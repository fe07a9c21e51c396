"""`python -m bot --copy-to-postgres`: a one-shot copy of the SQLite database (DATABASE_PATH) into PostgreSQL
(DATABASE_URL), for the move from one process to several.

Stop the bot first (the SQLite file's lock says whether it runs), run this once, then start the bot(s) with
DATABASE_URL set. Everything that matters is copied in one PostgreSQL transaction: every job with its
lineage, server settings, bans, the poll planner's track record, and the database's random id (so the
nonces of effects recorded before the move still match after it). Claims are dropped (no process runs);
jobs that were due stay due. The target must hold no jobs yet: nothing is merged or overwritten.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from bot.store import Store

log = logging.getLogger("bot.ops.copy")

# Parents before children (jobs reference earlier jobs); the gate's row, chore turns and early callbacks
# start fresh.
TABLES = ("jobs", "guild_settings", "bans", "planner_observations")
IDENTITIES = ("jobs", "planner_observations")


class CopyError(Exception):
    """One sentence: why nothing was copied."""


@dataclass(frozen=True)
class Copied:
    rows: dict[str, int]

    def line(self, path: Path, where: str) -> str:
        counts = ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in self.rows.items())
        return f"copied {path} into PostgreSQL at {where}: {counts}"


async def copy_to_postgres(path: Path, url: str) -> Copied:
    if not path.exists():  # noqa: ASYNC240 (one stat before a one-shot copy)
        raise CopyError(f"there is no SQLite database at {path} (DATABASE_PATH): nothing to copy")
    source = await Store.open(path)  # refuses (DatabaseInUse) while the bot runs on it
    try:
        target = await Store.connect(url)
        try:
            return await _copy(source, target)
        finally:
            await target.close()
    finally:
        await source.close()


async def _copy(source: Store, target: Store) -> Copied:
    jobs_there = await target.fetch_raw("SELECT COUNT(*) FROM jobs")
    if int(jobs_there[0][0]):
        raise CopyError(
            f"the PostgreSQL database already holds {int(jobs_there[0][0])} job(s): copy into an empty one "
            "(nothing was changed)"
        )
    tables: dict[str, tuple[list[str], list[tuple[object, ...]]]] = {}
    for table in TABLES:
        rows = await source.fetch_raw(f"SELECT * FROM {table} ORDER BY 1")
        columns = list(rows[0].keys()) if rows else []
        tables[table] = (columns, [tuple(r[c] for c in columns) for r in rows])
    install_id = await source.install_id()
    counts = await target.load_rows(tables, install_id=install_id, identities=IDENTITIES)
    log.info("copied into PostgreSQL: %s", counts)
    return Copied(counts)
