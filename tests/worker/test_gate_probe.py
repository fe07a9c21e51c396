"""The gate's 401/402 pause and its balance probe, in simulated time (no sockets, no sleeping).

A small driver plays the worker's part: wait until the probe is due, probe, repeat while paused.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from bot import apimart
from bot.apimart import Balance
from bot.jobs.sentences import MISCONFIGURED_SENTENCE, OUT_OF_CREDIT_SENTENCE
from bot.settings import Settings
from bot.worker.gate import PROBE_FIRST_SECONDS, ApiGate
from bot.worker.ports import Incident
from bot.worker.ratelimit import RateLimiter
from tests.worker.test_ratelimit import SimTime


def make_gate(sim: SimTime, *, rate: float = 300.0, **settings: float) -> ApiGate:
    values = {"payment_pause_seconds": 60.0, "auth_pause_seconds": 60.0, **settings}
    base = Settings(discord_token="t", apimart_api_key="k", api_rate_per_minute=rate, **values)  # type: ignore[arg-type]
    limiter = RateLimiter(rate, clock=sim.clock, sleep=sim.sleep)
    return ApiGate(base, clock=sim.clock, limiter=limiter)


def credit_error() -> apimart.PaymentRequired:
    return apimart.PaymentRequired("insufficient balance", status=402, type="payment_required")


def key_error() -> apimart.AuthError:
    return apimart.AuthError("Invalid API key", status=401, code="invalid_api_key")


class Account:
    """The API's side of the balance endpoint: what it answers changes over simulated time."""

    def __init__(self, sim: SimTime) -> None:
        self.sim = sim
        self.answer: Callable[[], Balance] = self.refuse_credit
        self.asked_at: list[float] = []

    @staticmethod
    def refuse_credit() -> Balance:
        raise credit_error()

    @staticmethod
    def refuse_key() -> Balance:
        raise key_error()

    @staticmethod
    def credit(amount: float = 100.0) -> Balance:
        return Balance(remain_credits=amount, remain_balance=amount / 10, used_credits=0.0, unlimited=False)

    async def balance(self) -> Balance:
        self.asked_at.append(self.sim.now)
        return self.answer()


async def drive(sim: SimTime, gate: ApiGate, account: Account, *, until: float) -> list[float]:
    """Play the worker: probe whenever one is due while paused; returns when each probe was sent."""

    async def run() -> None:
        while sim.now < until:
            due = gate.probe_due_in()
            if due is None:
                return
            if due > 0:
                await sim.sleep(due)
                continue
            await gate.probe(account.balance)

    task = asyncio.create_task(run())
    await sim.run(until, done=task.done)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    return account.asked_at


async def test_out_of_credit_probes_on_a_doubling_backoff_capped_by_the_setting() -> None:
    sim = SimTime()
    gate = make_gate(sim, payment_pause_seconds=60.0)
    account = Account(sim)
    assert await gate.pause_submits(credit_error()) == PROBE_FIRST_SECONDS
    assert gate.paused_by == Incident.OUT_OF_CREDIT and gate.submit_pause == OUT_OF_CREDIT_SENTENCE

    asked = await drive(sim, gate, account, until=300.0)

    gaps = [round(b - a, 3) for a, b in zip([0.0, *asked], asked, strict=False)]
    assert gaps[:6] == [3.0, 6.0, 12.0, 24.0, 48.0, 60.0]
    assert set(gaps[5:]) == {60.0}, "never more than PAYMENT_PAUSE_SECONDS apart"
    assert gate.paused_by == Incident.OUT_OF_CREDIT
    assert gate.probes == len(asked)


async def test_a_top_up_resumes_submits_at_the_first_probe_after_it() -> None:
    sim = SimTime()
    gate = make_gate(sim, payment_pause_seconds=20.0)
    account = Account(sim)
    await gate.pause_submits(credit_error())

    async def top_up_at(t: float) -> None:
        await sim.sleep(t)
        account.answer = account.credit

    topping = asyncio.create_task(top_up_at(50.0))
    asked = await drive(sim, gate, account, until=500.0)
    await topping

    # Probes at 3, 9, 21, 41 (still empty), then 61: the first one after the top-up at 50 resumes.
    assert asked == [3.0, 9.0, 21.0, 41.0, 61.0]
    assert gate.paused_by is None and gate.submit_pause is None
    assert gate.probe_due_in() is None


async def test_a_fixed_key_resumes_unless_the_balance_is_empty() -> None:
    sim = SimTime()
    gate = make_gate(sim, auth_pause_seconds=10.0)
    account = Account(sim)
    account.answer = account.refuse_key
    await gate.pause_submits(key_error())
    assert gate.submit_pause == MISCONFIGURED_SENTENCE
    asked = await drive(sim, gate, account, until=30.0)
    assert asked == [3.0, 9.0, 19.0, 29.0], "capped by AUTH_PAUSE_SECONDS"

    account.answer = lambda: account.credit(0.0)  # the key is fixed, but the account is empty
    await drive(sim, gate, account, until=40.0)
    assert gate.paused_by == Incident.OUT_OF_CREDIT
    assert gate.submit_pause == OUT_OF_CREDIT_SENTENCE

    account.answer = account.credit
    await drive(sim, gate, account, until=200.0)
    assert gate.paused_by is None


async def test_an_answered_call_ends_a_key_pause_but_not_a_credit_pause() -> None:
    sim = SimTime()
    gate = make_gate(sim)

    async def status() -> str:
        return "processing"

    await gate.pause_submits(credit_error())
    await gate.call(status)
    assert gate.paused_by == Incident.OUT_OF_CREDIT, "a status poll says nothing about credit"

    gate2 = make_gate(sim)
    await gate2.pause_submits(key_error())
    await gate2.call(status)
    assert gate2.paused_by is None, "any answer proves the key is accepted again"


@pytest.mark.parametrize(
    "failure",
    [
        apimart.ServerError("bad gateway", status=502),
        apimart.ApiError("balance: not available on this mirror", status=200),
        apimart.TaskNotFound("Invalid URL (not found)", status=404),
    ],
    ids=["5xx", "success-false", "no-balance-endpoint"],
)
async def test_a_balance_that_cannot_tell_lets_submits_try_and_a_new_refusal_waits_longer(
    failure: apimart.ApiError,
) -> None:
    sim = SimTime()
    gate = make_gate(sim)
    account = Account(sim)

    def broken() -> Balance:
        raise failure

    account.answer = broken
    await gate.pause_submits(credit_error())
    await drive(sim, gate, account, until=10.0)
    assert gate.paused_by is None, "a submit is the probe when the balance cannot tell"
    assert account.asked_at == [3.0]
    # The submit is refused again: the pause goes on where the backoff was, not from the start.
    assert await gate.pause_submits(credit_error()) == pytest.approx(sim.now + 2 * PROBE_FIRST_SECONDS)
    # An accepted submit starts the backoff over.
    await gate.key_works()
    account.answer = account.credit
    await drive(sim, gate, account, until=100.0)
    assert gate.paused_by is None
    assert await gate.pause_submits(credit_error()) == pytest.approx(sim.now + PROBE_FIRST_SECONDS)


async def test_probes_share_the_request_budget_and_wait_out_a_retry_after() -> None:
    sim = SimTime()
    gate = make_gate(sim, rate=60.0)  # one request a second, a burst of 2
    account = Account(sim)
    await gate.pause_submits(credit_error())
    gate.limiter.pause(30.0)  # a 429 elsewhere: nobody may call before t=30
    account.answer = account.credit
    await drive(sim, gate, account, until=100.0)
    assert account.asked_at == [30.0], "the probe waited for the Retry-After like every other call"
    assert gate.limiter.acquired == 1
    assert gate.paused_by is None


async def test_a_rate_limited_probe_keeps_the_pause_and_backs_off() -> None:
    sim = SimTime()
    gate = make_gate(sim)
    account = Account(sim)

    def limited() -> Balance:
        raise apimart.RateLimited("too many requests", status=429, retry_after=5.0)

    account.answer = limited
    await gate.pause_submits(credit_error())
    await drive(sim, gate, account, until=20.0)
    assert gate.paused_by == Incident.OUT_OF_CREDIT
    assert account.asked_at == [3.0, 9.0], "the backoff goes on"
