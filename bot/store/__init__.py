"""The job store: one facade over its parts (SQLite now; PostgreSQL later behind the same interface).

- `db`: the connection, transactions, migrations, and the one-process lock;
- `jobs` / `rows`: job rows and conditional updates (optionally only under the caller's claim);
- `claims`: leases (who works a job, until when) and the queue of jobs waiting for an API slot;
- `lines`: members' own lines (over their concurrent limit, waiting for one of theirs to finish);
- `admission`: limits checked and the job inserted in one transaction;
- `guilds`: per-server settings and bans; `reports`: usage per member and day;
- `stats`: the poll planner's memory (estimated vs actual durations of finished jobs);
- `gate`: the API gate's budget and pauses, shared by processes on one store;
- `lineage`: a clip's ancestors to the root clip and the root's whole tree (the storyboard's data);
- `callbacks`: push callbacks that came before their task's id was stored (early callbacks).
"""

from __future__ import annotations

from bot.store.admission import Admission
from bot.store.callbacks import EarlyCallbacks
from bot.store.claims import Claims
from bot.store.db import DatabaseInUse
from bot.store.driver import StoreUnavailable
from bot.store.gate import GateRows
from bot.store.guilds import Guilds
from bot.store.lineage import Lineage, LineageTree, tree_parent
from bot.store.lines import Lines
from bot.store.reports import Reports, UsageRow
from bot.store.stats import PlannerStats


class Store(Claims, Lines, Admission, Lineage, Guilds, Reports, PlannerStats, GateRows, EarlyCallbacks):
    """Use `await Store.open(path)`; close with `await store.close()`."""


__all__ = ["DatabaseInUse", "LineageTree", "Store", "StoreUnavailable", "UsageRow", "tree_parent"]
