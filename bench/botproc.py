"""`python -m bench.botproc`: the real bot (`bot.__main__.run`) plus an event-loop lag probe.

Runs in its own process so that memory, CPU and loop lag are the bot's own. The probe sleeps 20 ms at a
time and records how late it wakes up; SIGUSR1 clears the samples (start of a measured window) and the
stats are written as JSON to `--stats` when the bot stops (SIGTERM). `--policy` swaps the poll planner
for a baseline (a fixed interval), for side-by-side runs; production code is untouched.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.stats import percentile
from bot import __main__ as bot_main
from bot.jobs import schedule
from bot.settings import SettingsError, load_settings
from bot.worker import poll as poll_step
from bot.worker import submit as submit_step

PROBE_INTERVAL = 0.02


class LagProbe:
    def __init__(self) -> None:
        self.samples: list[float] = []
        self.started = time.monotonic()

    def reset(self) -> None:
        self.samples = []
        self.started = time.monotonic()

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            before = loop.time()
            await asyncio.sleep(PROBE_INTERVAL)
            self.samples.append(max(0.0, loop.time() - before - PROBE_INTERVAL))

    def stats(self) -> dict[str, Any]:
        ms = [s * 1000 for s in self.samples]
        return {
            "samples": len(ms),
            "window_s": time.monotonic() - self.started,
            "lag_p50_ms": percentile(ms, 50),
            "lag_p99_ms": percentile(ms, 99),
            "lag_max_ms": max(ms) if ms else 0.0,
        }


def install_policy(spec: str) -> None:
    """Replace the planner the worker uses by a baseline: `fixed:<seconds>`."""
    kind, *params = spec.split(":")
    values = [float(p) for p in params]
    if kind == "fixed":
        (every,) = values

        def first(**_: Any) -> float:
            return every

        def plan(**kw: Any) -> schedule.PollPlan:
            return schedule.PollPlan(delay=every, predicted_finish=kw["now"])

    else:
        raise SystemExit(f"unknown policy {spec!r}")
    # A benchmark-only swap of the names the worker's steps imported; the bot's code stays as shipped.
    setattr(poll_step, "plan_next_poll", plan)  # noqa: B010
    setattr(submit_step, "plan_first_poll", first)  # noqa: B010


async def _run(probe: LagProbe) -> int:
    settings = load_settings()
    bot_main.point_discord_at(settings)
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGUSR1, probe.reset)
    task = asyncio.create_task(probe.run())
    try:
        return await bot_main.run(settings)
    finally:
        task.cancel()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.botproc")
    parser.add_argument("--stats", type=Path, required=True)
    parser.add_argument("--policy", default="")
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"cannot start: {'; '.join(exc.problems)}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    logging.getLogger("discord").setLevel(logging.WARNING)
    if args.policy:
        install_policy(args.policy)
    probe = LagProbe()
    code = asyncio.run(_run(probe))
    args.stats.write_text(json.dumps(probe.stats()))
    return code


if __name__ == "__main__":
    sys.exit(main())
