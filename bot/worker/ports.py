"""The contract between the job engine and whoever shows jobs to people (the Discord adapter implements it).

Everything here is plain Python: the engine never imports discord, and the adapter imports these types from
here (not from the engine's internals).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from bot.i18n import Msg
from bot.jobs import Job


class RetryLater(Exception):
    """A transient problem (Discord hiccup, download cut short): try this step again after a backoff."""


class GiveUp(Exception):
    """A permanent problem with this step; carries the sentence shown to the requester."""

    def __init__(self, user_message: Msg, detail: str = "") -> None:
        super().__init__(detail or user_message.render())
        self.user_message = user_message


@dataclass(frozen=True)
class Delivered:
    delivered_as: str  # "file" | "link"
    card_message_id: int | None = None  # set when a new card had to be posted


class Presenter(Protocol):
    """The Discord side of a job, as the engine needs it. Every method is safe to repeat."""

    async def post_card(self, job: Job, *, nonce: int, resumed: bool = False) -> int:
        """Post the job's card; return its message id. `resumed`: an earlier attempt may have posted it
        (it is looked for first, and the same `nonce` makes Discord return it).

        Raises GiveUp when the channel refuses it, RetryLater for transient failures."""

    async def job_progress(self, job: Job) -> None:
        """The job's status or progress changed (the card may be refreshed; may be throttled)."""

    async def deliver(self, job: Job, *, nonce: int, resumed: bool = False) -> Delivered:
        """Fetch the clip and put it in the channel (reusing a kept copy). Raises RetryLater or GiveUp.

        `resumed`: an earlier attempt may already have posted it (the card is checked first)."""

    async def show_ending(self, job: Job) -> None:
        """Show how the job ended on its card (never removing a posted clip). Raises RetryLater."""

    async def ping(self, job: Job, *, nonce: int, resumed: bool = False) -> int | None:
        """Tell the requester once; the message id. `resumed`: an earlier attempt may have sent it (it is
        looked for from `job.ping_started_at` on, and the same `nonce` makes Discord return it)."""

    def forget(self, job_id: int) -> None:
        """The job is over: drop any pending progress edit of its card."""

    def guild_upload_limit(self, guild_id: int) -> int | None:
        """The guild's upload limit in bytes as this process knows it (the guild is on one of its shards);
        None when it does not hold that guild."""


class Incident(StrEnum):
    """A problem only the bot's operator can fix."""

    API_KEY_REFUSED = "api_key_refused"  # 401: new jobs wait
    OUT_OF_CREDIT = "out_of_credit"  # 402: new jobs wait
    CHANNEL_FORBIDDEN = "channel_forbidden"  # the bot lacks permissions in a channel (key: the channel id)
    DELIVERY_FAILING = "delivery_failing"  # finished clips keep failing to reach Discord


class Alerts(Protocol):
    """Tells the operator about an incident, once while it lasts (the Discord adapter implements it).

    Never blocks the caller: sending happens in the background, de-duplicated and rate-limited."""

    def incident(self, kind: Incident, detail: str, *, key: str = "") -> None:
        """`kind` (for `key`, e.g. a channel id) is happening; `detail` may hold the API's raw text."""

    def resolved(self, kind: Incident, *, key: str = "") -> None:
        """The incident is over: the next one of this kind is a new incident."""

    def told(self, kind: Incident, *, key: str = "") -> bool:
        """Whether the operator has actually been told about the current incident of this kind."""


class NoAlerts:
    """Alerts that go nowhere (and so never claim the operator was told)."""

    def incident(self, kind: Incident, detail: str, *, key: str = "") -> None:
        return None

    def resolved(self, kind: Incident, *, key: str = "") -> None:
        return None

    def told(self, kind: Incident, *, key: str = "") -> bool:
        return False
