"""The health signal: the heartbeat's rules, the file `--health` reads, and `GET /healthz`."""

from __future__ import annotations

import asyncio
import json
import os
import time
from pathlib import Path

import aiohttp

from bot.apimart.webhook import WebhookReceiver
from bot.ops.health import Heartbeat, check_file
from tests.conftest import Harness


class Loop:
    """A worker loop stand-in: ticks only when `answers` and woken."""

    def __init__(self, answers: bool = True) -> None:
        self.ticks = 0
        self.answers = answers
        self.wakes = 0

    def wake(self) -> None:
        self.wakes += 1
        if self.answers:
            self.ticks += 1


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _heartbeat(tmp_path: Path, loop: Loop, clock: Clock, ready: bool = True) -> Heartbeat:
    return Heartbeat(
        tmp_path / "health.json",
        worker=loop,
        ready=lambda: ready,
        interval=5,
        worker_stale=30,
        monotonic=clock,
    )


def test_healthy_only_while_the_gateway_is_up(tmp_path: Path) -> None:
    beat = _heartbeat(tmp_path, Loop(), Clock())
    assert not beat.current().healthy, "not healthy before the gateway said READY"
    beat.gateway_up()
    assert beat.current().healthy and check_file(beat.path).healthy
    beat.gateway_down()
    assert check_file(beat.path) == (False, "unhealthy: not connected to the Discord gateway")
    beat.gateway_up()  # RESUMED
    assert check_file(beat.path).healthy


def test_a_client_that_is_not_ready_is_not_healthy(tmp_path: Path) -> None:
    beat = _heartbeat(tmp_path, Loop(), Clock(), ready=False)
    beat.gateway_up()
    assert not check_file(beat.path).healthy


def test_an_idle_worker_loop_is_woken_and_stays_healthy(tmp_path: Path) -> None:
    loop, clock = Loop(), Clock()
    beat = _heartbeat(tmp_path, loop, clock)
    beat.gateway_up()
    for _ in range(20):  # 100 s without any job
        clock.now += 5
        beat.beat()
    assert loop.wakes >= 9, "an idle loop is asked to prove it is alive"
    assert loop.wakes <= 11, "but not on every beat: only when it has not ticked for a beat"
    assert check_file(beat.path).healthy


def test_a_busy_worker_loop_is_not_woken(tmp_path: Path) -> None:
    loop, clock = Loop(), Clock()
    beat = _heartbeat(tmp_path, loop, clock)
    beat.gateway_up()
    for _ in range(10):
        loop.ticks += 3
        clock.now += 5
        beat.beat()
    assert loop.wakes == 0 and check_file(beat.path).healthy


def test_a_worker_loop_that_never_answers_turns_unhealthy(tmp_path: Path) -> None:
    loop, clock = Loop(answers=False), Clock()
    beat = _heartbeat(tmp_path, loop, clock)
    beat.gateway_up()
    clock.now += 25
    beat.beat()
    assert check_file(beat.path).healthy
    clock.now += 10
    beat.beat()
    status = check_file(beat.path)
    assert not status.healthy and "worker loop has not run for 35 s" in status.reason


async def test_stopping_marks_it_unhealthy_at_once(tmp_path: Path) -> None:
    beat = _heartbeat(tmp_path, Loop(), Clock())
    beat.start()
    beat.gateway_up()
    assert check_file(beat.path).healthy
    await beat.stop()
    assert check_file(beat.path) == (False, "unhealthy: shutting down")


def test_the_file_must_be_fresh_and_its_process_alive(tmp_path: Path) -> None:
    path = tmp_path / "health.json"
    assert "no heartbeat" in check_file(path).reason
    body = {"healthy": True, "reason": "fine", "at": time.time(), "pid": os.getpid()}
    path.write_text(json.dumps(body))
    assert check_file(path).healthy
    assert "s old" in check_file(path, now=time.time() + 60).reason
    path.write_text(json.dumps(body | {"pid": 2**22 + 12345}))  # above pid_max: no such process
    assert "is gone" in check_file(path).reason
    path.write_text("{half a fi")
    assert "unreadable" in check_file(path).reason


async def test_healthz_answers_200_or_503() -> None:
    state = [True, "gateway connected, worker loop running"]

    async def poke(task_id: str) -> None:
        return None

    receiver = WebhookReceiver(
        public_url="https://bot.example/hook",
        host="127.0.0.1",
        port=0,
        on_task=poke,
        health=lambda: (bool(state[0]), str(state[1])),
    )
    await receiver.start()
    try:
        async with aiohttp.ClientSession() as http:
            url = f"http://127.0.0.1:{receiver.port}/healthz"
            async with http.get(url) as resp:
                assert resp.status == 200
                assert await resp.json() == {"healthy": True, "reason": state[1]}
            state[:] = [False, "not connected to the Discord gateway"]
            async with http.get(url) as resp:
                assert resp.status == 503
                assert (await resp.json())["reason"] == "not connected to the Discord gateway"
    finally:
        await receiver.stop()


async def test_healthz_of_the_running_bot(harness: Harness) -> None:
    bot = await harness.start(webhook_public_url="https://bot.example", webhook_listen_host="127.0.0.1",
                              webhook_listen_port=0)  # fmt: skip
    assert bot.webhook is not None
    for _ in range(100):  # on_ready runs as its own task, right after the client is marked ready
        if bot.health.current().healthy:
            break
        await asyncio.sleep(0)
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"http://127.0.0.1:{bot.webhook.port}/healthz") as resp,
    ):
        assert resp.status == 200
        assert (await resp.json())["healthy"] is True
    assert check_file(harness.data_dir / "health.json").healthy
