"""What every step of the engine shares: the store, the API behind its gate, the presenter, the settings."""

from __future__ import annotations

import hashlib
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.apimart import ApiMartClient
from bot.jobs import Job
from bot.jobs.learning import PlannerMemory
from bot.jobs.schedule import backoff_delay
from bot.settings import Settings
from bot.store import Store
from bot.worker.gate import ApiGate
from bot.worker.ports import Alerts, NoAlerts, Presenter

log = logging.getLogger("bot.worker")

LEASE_SECONDS = 60.0  # a claim lapses this long after its owner stops renewing it
MAX_STEP_ERRORS = 5  # unexpected errors in a row before a job is ended failed-and-told


@dataclass
class Context:
    store: Store
    api: ApiMartClient
    gate: ApiGate
    presenter: Presenter
    settings: Settings
    owner: str  # this worker's claim id
    install_id: str = ""  # the database's random id (nonces derive from it)
    clock: Callable[[], float] = time.time
    rng: random.Random = field(default_factory=random.Random)
    webhook_url: str | None = None
    lease: float = LEASE_SECONDS
    draining: bool = False  # shutting down: start no new submit
    planner: PlannerMemory = field(default_factory=PlannerMemory)  # the API's track record, learned
    poked: set[int] = field(default_factory=set)  # a callback came while a step ran: poll again at once
    called_back: set[int] = field(default_factory=set)  # a callback said it ended: look again soon
    refreshed: set[int] = field(default_factory=set)  # references re-uploaded once already
    alerts: Alerts = field(default_factory=NoAlerts)  # tells the operator (401/402, failing deliveries)

    @property
    def push(self) -> bool:
        return self.webhook_url is not None

    def nonce(self, job_id: int, effect: str) -> int:
        """A Discord nonce for one effect of one job, the same in every attempt and process (63 bits)."""
        digest = hashlib.sha256(f"{self.install_id}:{job_id}:{effect}".encode()).digest()
        return int.from_bytes(digest[:8], "big") >> 1

    async def progress(self, job: Job) -> None:
        """The card may show the change; a failure to refresh it never fails the job's step."""
        try:
            await self.presenter.job_progress(job)
        except Exception:
            log.exception("%s could not refresh its card", job.log_fields())

    def backoff(self, attempts: int) -> float:
        """When to try again after `attempts` failures (never before a Retry-After pause ends)."""
        delay = backoff_delay(
            attempts, base=self.settings.poll_min_interval, cap=self.settings.poll_max_interval, rng=self.rng
        )
        return max(self.clock() + delay, self.clock() + self.gate.hold_remaining())
