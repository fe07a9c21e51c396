"""Early push callbacks: a callback that named a task no job has yet, kept until the submit stores that id.

The API may call back for a very fast task between answering the submit and the bot storing the task id it
returned. The callback is remembered here, in the store, so that whichever process stores the id (not
necessarily the one the callback reached) polls the job at once. A callback proves nothing (anyone can send
one): a remembered one only makes that job's first poll come sooner, and what is remembered is bounded in
age and number, and only kept while some submit is in flight, the one time a genuine callback can be early.
"""

from __future__ import annotations

from bot.jobs import JobStatus
from bot.store.db import Database, locked

EARLY_CALLBACK_MAX_AGE = 300.0  # seconds: far past the API's last retry (~100 s) and the bot's store retries
EARLY_CALLBACK_KEEP = 256  # a flood of forged ids evicts the oldest (a genuine one is then only late)


class EarlyCallbacks(Database):
    @locked
    async def remember_early_callback(self, task_id: str, *, now: float) -> bool:
        """Keep a callback for `task_id`, which no job has (yet), if some submit is in flight: its answer may
        be that id. Returns whether it was kept. Callers look for the job again afterwards: its id may have
        been stored in between, before this row could be seen."""
        if await self._scalar("SELECT 1 FROM jobs WHERE status = ? LIMIT 1", (JobStatus.SUBMITTING,)) is None:
            return False
        await self._execute(
            "INSERT INTO early_callbacks (task_id, seen_at) VALUES (?, ?)"
            " ON CONFLICT (task_id) DO UPDATE SET seen_at = excluded.seen_at",
            (task_id, now),
        )
        await self._execute("DELETE FROM early_callbacks WHERE seen_at < ?", (now - EARLY_CALLBACK_MAX_AGE,))
        await self._execute(
            "DELETE FROM early_callbacks WHERE id <= (SELECT MAX(id) FROM early_callbacks) - ?",
            (EARLY_CALLBACK_KEEP,),
        )
        return True

    @locked
    async def take_early_callback(self, task_id: str, *, now: float) -> bool:
        """Was `task_id` called back, within the age bound, before its id was stored? Forgets it. Call it
        after the id is stored: a callback is then either found here or finds the job itself."""
        seen_at = await self._scalar(
            "DELETE FROM early_callbacks WHERE task_id = ? RETURNING seen_at", (task_id,)
        )
        return seen_at is not None and float(seen_at) >= now - EARLY_CALLBACK_MAX_AGE
