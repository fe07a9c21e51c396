"""The API gate's state shared by every process on one store (the `api_gate` row; see
bot/worker/shared_gate.py): the request budget as a GCRA "theoretical arrival time", a 429's pause, and the
401/402 pause with its balance-probe schedule. Times are wall-clock seconds (processes share no monotonic
clock). Each method is one conditional statement: two processes can never both take the last slot, both
start a pause, or both send the same probe."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.store.db import Database, locked

_ROW = "name = 'api'"
_LATER = "CASE WHEN {col} > ? THEN {col} ELSE ? END"  # the later of the column and a bound time (bind twice)


@dataclass(frozen=True)
class GateRow:
    tat: float
    paused_until: float
    paused_by: str | None
    pause_detail: str
    probe_at: float
    level: int


class GateRows(Database):
    @locked
    async def gate_take_slot(self, *, now: float, interval: float, tolerance: float) -> float:
        """Take one request slot now if the budget allows: returns 0. Otherwise returns how many seconds to
        wait before trying again (a spent budget, or a 429's pause)."""
        later_tat = _LATER.format(col="tat")
        taken = await self._execute(
            f"UPDATE api_gate SET tat = {later_tat} + ? WHERE {_ROW} AND tat - ? <= ? AND paused_until <= ?",
            (now, now, interval, tolerance, now, now),
        )
        if taken == 1:
            return 0.0
        row = await self._fetchone(f"SELECT tat, paused_until FROM api_gate WHERE {_ROW}")
        if row is None:
            return 0.0
        return max(float(row[0]) - tolerance, float(row[1])) - now

    @locked
    async def gate_pause(self, *, until: float, tolerance: float) -> None:
        """No request starts before `until` (a 429); after it, requests restart spaced out."""
        await self._execute(
            f"UPDATE api_gate SET paused_until = {_LATER.format(col='paused_until')},"
            f" tat = {_LATER.format(col='tat')} WHERE {_ROW}",
            (until, until, until + tolerance, until + tolerance),
        )

    @locked
    async def gate_state(self) -> GateRow:
        row = await self._fetchone(
            f"SELECT tat, paused_until, paused_by, pause_detail, probe_at, level FROM api_gate WHERE {_ROW}"
        )
        if row is None:
            return GateRow(0.0, 0.0, None, "", 0.0, 0)
        return GateRow(float(row[0]), float(row[1]), row[2], str(row[3] or ""), float(row[4]), int(row[5]))

    @locked
    async def gate_hold_submits(self, kind: str, detail: str, *, probe_at: float, now: float) -> bool:
        """Pause submits for `kind` (401/402). True when this call started the pause (it was not paused, or
        paused for another reason): its caller tells the operator. The probe time is set only then."""
        started = await self._execute(
            "UPDATE api_gate SET paused_by = ?, pause_detail = ?, probe_at = ?, level = level + 1,"
            f" updated_at = ? WHERE {_ROW} AND (paused_by IS NULL OR paused_by != ?)",
            (kind, detail, probe_at, now, kind),
        )
        if started == 1:
            return True
        await self._execute(
            f"UPDATE api_gate SET pause_detail = ?, updated_at = ? WHERE {_ROW}", (detail, now)
        )
        return False

    @locked
    async def gate_take_probe(self, *, now: float, next_probe_at: float) -> bool:
        """While paused: take the balance probe that is due (one process probes; the next one is scheduled
        at `next_probe_at`). False when it is not due or another process took it."""
        taken = await self._execute(
            "UPDATE api_gate SET probe_at = ?, level = level + 1, updated_at = ?"
            f" WHERE {_ROW} AND paused_by IS NOT NULL AND probe_at <= ?",
            (next_probe_at, now, now),
        )
        return taken == 1

    @locked
    async def take_turn(self, name: str, owner: str, *, until: float, now: float) -> bool:
        """Take (or keep) the turn at chore `name` until `until`: True for exactly one process at a time; a
        turn whose holder stopped renewing it (it died) passes on once it has run out."""
        taken = await self._execute(
            "INSERT INTO turns (name, owner, until) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE"
            " SET owner = excluded.owner, until = excluded.until"
            " WHERE turns.until < ? OR turns.owner = excluded.owner",
            (name, owner, until, now),
        )
        return taken == 1

    async def wait_for_turn(
        self, name: str, owner: str, *, spacing: float, clock: Callable[[], float] = time.time
    ) -> None:
        """Wait until `owner` gets chore `name` for `spacing` seconds: across every process on this store,
        turns are at least `spacing` apart (Discord's IDENTIFY limit: one per 5 s per concurrency bucket)."""
        while True:
            now = clock()
            if await self.take_turn(name, owner, until=now + spacing, now=now):
                return
            row = await self.fetch_raw("SELECT until FROM turns WHERE name = ?", (name,))
            wait = float(row[0][0]) - now if row else 0.0
            await asyncio.sleep(min(max(wait, 0.05), spacing))

    @locked
    async def gate_resume(self, *, now: float, reset_level: bool = False) -> bool:
        """Submits may start again. True when this call ended a pause."""
        level = ", level = 0" if reset_level else ""
        ended = await self._execute(
            f"UPDATE api_gate SET paused_by = NULL, pause_detail = '', probe_at = 0, updated_at = ?{level}"
            f" WHERE {_ROW} AND paused_by IS NOT NULL",
            (now,),
        )
        if reset_level and ended == 0:
            await self._execute(f"UPDATE api_gate SET level = 0 WHERE {_ROW}")
        return ended == 1
