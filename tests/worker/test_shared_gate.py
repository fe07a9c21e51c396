"""The API gate shared by processes on one store: one request budget, one Retry-After, one 401/402 pause
and one balance probe at a time. Each ApiGate here stands for one process (its own store connection);
runs on PostgreSQL with TEST_DATABASE_URL, else on one SQLite file opened non-exclusively."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot import apimart
from bot.apimart import Balance
from bot.settings import Settings
from bot.store import Store
from bot.worker.gate import ApiGate
from bot.worker.ports import Incident

RATE = 1210.0  # a burst of 10, then one request every 50 ms


def _gate(store: Store) -> ApiGate:
    settings = Settings(discord_token="t", apimart_api_key="k", api_rate_per_minute=RATE)
    return ApiGate(settings, shared=store)


async def _ok() -> str:
    return "ok"


async def test_three_processes_spend_one_budget(three_stores: list[Store]) -> None:
    stores = three_stores
    gates = [_gate(s) for s in stores]
    interval, burst = gates[0].limiter.interval, gates[0].limiter.burst
    started = time.monotonic()
    await asyncio.gather(*(g.call(_ok) for g in gates for _ in range(15)))
    elapsed = time.monotonic() - started
    # Each process alone would be done after (15 - burst) intervals; sharing one budget, the 45 requests
    # need (45 - burst) of them.
    assert elapsed >= (45 - burst) * interval * 0.95
    assert sum(g.limiter.acquired for g in gates) == 45


async def test_a_429_in_one_process_pauses_the_others(three_stores: list[Store]) -> None:
    stores = three_stores
    a, b = _gate(stores[0]), _gate(stores[1])

    async def limited() -> str:
        raise apimart.RateLimited("slow down", status=429, retry_after=0.6)

    with pytest.raises(apimart.RateLimited):
        await a.call(limited)
    started = time.monotonic()
    assert await b.call(_ok) == "ok"
    assert time.monotonic() - started >= 0.5, "b waited out a's Retry-After"


async def test_a_402_in_one_process_stops_every_process_and_one_probe_resumes_them(
    three_stores: list[Store],
) -> None:
    stores = three_stores
    gates = [_gate(s) for s in stores]
    await gates[0].pause_submits(apimart.PaymentRequired("no credit", status=402))
    assert gates[0].pause_started_here
    for g in gates[1:]:
        assert await g.submits_paused()
        assert g.paused_by == Incident.OUT_OF_CREDIT and not g.pause_started_here
        assert g.submit_pause is not None
    # A second 402 elsewhere does not start a second pause (nor a second operator alert).
    await gates[1].pause_submits(apimart.PaymentRequired("no credit", status=402))
    assert not gates[1].pause_started_here
    # Nor does a second 402 in the process that started it (two submits in flight) take its alert away:
    # the operator had never been told when both came back before the worker loop looked.
    await gates[0].pause_submits(apimart.PaymentRequired("no credit", status=402))
    assert gates[0].pause_started_here, "the process that started the pause still alerts the operator"

    await stores[0].execute_raw("UPDATE api_gate SET probe_at = 0")  # the probe is due now
    asked: list[int] = []

    def balance_of(i: int):  # type: ignore[no-untyped-def]
        async def balance() -> Balance:
            asked.append(i)
            return Balance(remain_credits=50.0, remain_balance=5.0, used_credits=0.0, unlimited=False)

        return balance

    results = await asyncio.gather(*(g.probe(balance_of(i)) for i, g in enumerate(gates)))
    assert len(asked) == 1, "exactly one process sends the balance probe"
    assert results[asked[0]] is True
    for g in gates:
        assert not await g.submits_paused(), "every process resumes"


async def test_two_402s_at_once_in_one_process_still_leave_that_process_to_alert(
    three_stores: list[Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two submits in flight in one process meet the 402 together, at the worst moment: both have looked at the
    # store (no pause yet) before either holds it, and the one that started the pause comes back first. This
    # process started the pause, so it must tell the operator; the other processes must not.
    store = three_stores[0]
    a, b = _gate(store), _gate(three_stores[1])
    hold = store.gate_hold_submits
    arrived: list[int] = []
    both_looked, winner_back = asyncio.Event(), asyncio.Event()

    async def hold_when_both_looked(*args: object, **kwargs: object) -> bool:
        arrived.append(1)
        if len(arrived) == 2:
            both_looked.set()
        await both_looked.wait()
        began = await hold(*args, **kwargs)  # type: ignore[arg-type]
        if began:
            winner_back.set()  # its caller goes on before the other call is resumed
        else:
            await winner_back.wait()
        return began

    monkeypatch.setattr(store, "gate_hold_submits", hold_when_both_looked)
    no_credit = apimart.PaymentRequired("no credit", status=402)
    await asyncio.gather(a.pause_submits(no_credit), a.pause_submits(no_credit))
    assert a.paused_by == Incident.OUT_OF_CREDIT
    assert a.pause_started_here, "the process whose submits met the 402 alerts the operator"
    assert await b.submits_paused() and not b.pause_started_here


async def test_a_look_at_the_store_that_crosses_a_402_does_not_undo_the_pause_or_its_alert(
    three_stores: list[Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker loop reads the gate row (no pause yet); before that read comes back, a submit of the same
    # process meets a 402 and holds submits in the store. The loop's answer is older than what the process
    # knows: applied, it would resume submits for a moment, and the process would then adopt its own pause
    # as another's, so no process would ever tell the operator (seen once in CI on PostgreSQL).
    store = three_stores[0]
    gate = _gate(store)
    read, held = store.gate_state, store.gate_hold_submits
    looked, pause_held = asyncio.Event(), asyncio.Event()
    reads = 0

    async def slow_first_read():  # type: ignore[no-untyped-def]
        nonlocal reads
        reads += 1
        row = await read()
        if reads == 1:
            looked.set()
            await pause_held.wait()  # comes back only once the 402's hold is in the store
        return row

    async def hold(*args: object, **kwargs: object) -> bool:
        began = await held(*args, **kwargs)  # type: ignore[arg-type]
        pause_held.set()
        return began

    monkeypatch.setattr(store, "gate_state", slow_first_read)
    monkeypatch.setattr(store, "gate_hold_submits", hold)
    looking = asyncio.create_task(gate.sync())
    await looked.wait()
    await gate.pause_submits(apimart.PaymentRequired("no credit", status=402))
    await looking
    await gate.sync()
    assert gate.paused_by == Incident.OUT_OF_CREDIT, "submits stay paused"
    assert gate.pause_started_here, "the process whose submit met the 402 alerts the operator"
