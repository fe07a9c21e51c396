"""Start-up: take over the work of processes that died, and make sure no job waits forever.

Nothing here guesses from memory. A dead process's claims are freed (on SQLite all of them: the OS lock
guarantees no other live process; on a shared store only lapsed ones) and their jobs come due now; the loop
then finishes each from its row — a job found in `submitting` had its POST cut short, so it ends
"unconfirmed" (never re-sent: it may have been billed), and an admitted job without a card gets its card.
"""

from __future__ import annotations

import logging

from bot.jobs.learning import PlannerMemory
from bot.worker.context import Context

log = logging.getLogger("bot.worker.recovery")


async def recover(ctx: Context) -> None:
    now = ctx.clock()
    ctx.install_id = await ctx.store.install_id()
    taken = await ctx.store.take_over_dead_claims(ctx.owner, now=now)
    reachable = await ctx.store.make_reachable(now=now)
    if taken or reachable:
        log.warning(
            "recovery: took over %d job(s) from a stopped process; %d made due again", taken, reachable
        )
    ctx.planner = PlannerMemory(await ctx.store.observations(), unit=ctx.settings.poll_min_interval)
