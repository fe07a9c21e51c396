"""`python -m bench`: every benchmark, each with its baselines in the same run, then a one-line summary.

Options: `--only poll,real,load,restart,delivery,scaleout` to run a subset; `--quick` for a short smoke run
(smaller numbers, not the figures to quote).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import platform
import sys
import time
from collections.abc import Sequence

import psutil

from bench import delivery, informed, informed_mix, load, oracle, pollreal, pollsim, restart, scaleout
from bench.stats import table
from bench.workload import VARIANT_NOTES, VARIANTS, make_jobs, make_variant

ALL = ("poll", "real", "load", "restart", "delivery", "scaleout")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    ram = psutil.virtual_memory().total / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {ram:.0f} GiB RAM, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


TUNING_SEED = 0  # the planner's constants were tuned on this seed of the variants ...
# ... and are reported on these: seeds 1-28 were all looked at while tuning (1-6 and 10-19 in the third and
# fourth rounds, 1-3 in the fifth, seventh and eighth, 7-9, 20-22 and 23-25 were earlier rounds' report
# seeds, a job of 25 shaped the curve reading's guard, 26-28 chose to merge it, 29-31 reported it, and 32-34
# chose the eighth round's change), so the figures to quote come from seeds no tuning run or decision has
# seen.
REPORT_SEEDS = (35, 36, 37)


def _policies() -> list[pollsim.Policy]:
    return [pollsim.OurPlanner(), pollsim.Fixed(), pollsim.Backoff()]


def _variant_rows(count: int, seed: int) -> tuple[list[list[object]], dict[str, pollsim.Summary]]:
    """One row per workload variant and policy; also the planner's and fixed 5 s's summary per variant."""
    rows: list[list[object]] = []
    kept: dict[str, pollsim.Summary] = {}
    for variant in (*VARIANTS, "mix"):
        jobs = make_variant(variant, count, seed=seed)
        sums = [pollsim.Summary.of(p.name, pollsim.simulate(p, jobs)) for p in _policies()]
        fixed = sums[1]
        for s in sums:
            rows.append([variant if s is sums[0] else "", *s.row(), s.calls / fixed.calls, s.p50 / fixed.p50])
        kept[variant] = sums[0]
        kept[f"{variant}/fixed"] = fixed
    return rows, kept


def bench_poll(quick: bool) -> dict[str, float]:
    count = 200 if quick else 1000
    header = [
        "workload",
        "policy",
        "calls/job",
        "delay p50 s",
        "p95 s",
        "max s",
        "calls ×fixed",
        "p50 ×fixed",
    ]
    print(
        f"poll planner, simulated time: {count} jobs per workload variant, each replayed under every policy;"
    )
    print("  the planner learns from each finished job in order, from an empty memory (a fresh database).")
    print("  delay = true finish → the poll that sees it. Variants: " + "; ".join(VARIANT_NOTES))
    per_seed: dict[int, dict[str, pollsim.Summary]] = {}
    for seed in (TUNING_SEED, *REPORT_SEEDS):
        if quick and seed not in (TUNING_SEED, REPORT_SEEDS[0]):
            continue
        rows, kept = _variant_rows(count, seed)
        if seed in REPORT_SEEDS:
            for variant in (*VARIANTS, "mix"):
                # The oracle's floor: what no planner can beat on these jobs (bench/oracle.py).
                late_after = 4.0 if variant == "mix" else 5.0
                floor = oracle.bound(make_variant(variant, count, seed=seed), late_after=late_after)
                name = f"oracle, p95 ≤ {late_after:g} s"
                kept[f"{variant}/floor"] = pollsim.Summary(name, floor.calls, 0, 0, 0)
        per_seed[seed] = kept
        role = "tuning seed" if seed == TUNING_SEED else "report seed"
        print()
        print(table(f"seed {seed} ({role})", header, rows))
    # The figures to quote: report seeds only, worst case over them for the per-variant limits.
    report = [per_seed[s] for s in REPORT_SEEDS if s in per_seed]
    check_rows: list[list[object]] = []
    variant_max = 0.0
    for variant in (*VARIANTS, "mix"):
        calls = [k[variant].calls / k[f"{variant}/fixed"].calls for k in report]
        p50 = [k[variant].p50 / k[f"{variant}/fixed"].p50 for k in report]
        p95 = [k[variant].p95 for k in report]
        worst = [k[variant].max for k in report]
        floor = [k[f"{variant}/floor"].calls / k[f"{variant}/fixed"].calls for k in report]
        limit = "≤0.35× ≤0.4× ≤4 s" if variant == "mix" else "≤0.45× — ≤5 s ≤15 s"
        check_rows.append([variant, max(calls), max(p50), max(p95), max(worst), limit, max(floor)])
        if variant != "mix":
            variant_max = max(variant_max, *worst)
    print()
    print(
        table(
            "the planner on the report seeds (worst over them) against issue 11's limits",
            [
                "workload",
                "calls ×fixed",
                "p50 ×fixed",
                "p95 s",
                "max s",
                "limits (calls, p50, p95, max)",
                "oracle floor ×fixed",
            ],
            check_rows,
        )
    )
    print(
        "  oracle floor: the fewest calls for that p95 by a poller told each job's exact finish when its"
        " progress is steady, and the generator's own law of it otherwise (bench/oracle.py); a lower bound,"
        " not a target: it knows what no planner can"
    )
    # How far the planner's belief is from the best there is, where the oracle (told the finish) cannot say.
    for seed in REPORT_SEEDS[:1] if quick else REPORT_SEEDS:
        jobs = make_variant("fast", count, seed=seed)
        ref = informed.reference(jobs, policy=informed_mix.two_prices())
        ours, fixed = per_seed[seed]["fast"], per_seed[seed]["fast/fixed"]
        print(
            f"fast, seed {seed}: a poller that knows the generator's law (bench/informed.py, priced on waits"
            " over 5 s and over 15 s):"
            f" {ref.calls / fixed.calls:.2f}× calls, p50 {ref.p50 / fixed.p50:.2f}×, p95 {ref.p95:.2f} s,"
            f" max {ref.max:.1f} s; the planner: {ours.calls / fixed.calls:.2f}×, p50"
            f" {ours.p50 / fixed.p50:.2f}×, p95 {ours.p95:.2f} s, max {ours.max:.1f} s"
        )
        # Where the difference lies: the planner learns from an empty memory, the reference knows the law.
        planner, every5 = ours.polls, fixed.polls
        young = min(YOUNG_RECORD, len(jobs) // 2)
        parts = []
        for name, cut in (
            (f"jobs 1-{young}", slice(0, young)),
            (f"jobs {young + 1}-{len(jobs)}", slice(young, None)),
        ):
            base = sum(every5[cut])
            parts.append(
                f"{name}: the planner {sum(planner[cut]) / base:.3f}×, the reference"
                f" {sum(ref.polls[cut]) / base:.3f}×"
            )
        print("  by the record's age (calls × fixed 5 s), " + "; ".join(parts))
    _mix_reference(count, quick, per_seed)
    mixed = make_variant("mix", count, seed=REPORT_SEEDS[0])
    cb = pollsim.Callbacks()
    push = pollsim.Summary.of("push", pollsim.simulate(pollsim.OurPlanner(push=True), mixed, callbacks=cb))
    print(
        f"\nwith push (mix, seed {REPORT_SEEDS[0]}; callback {cb.latency:g} s after the finish,"
        f" {cb.lost:.0%} lost): {push.calls:.2f} calls/job, delay p50 {push.p50:.2f} s,"
        f" p95 {push.p95:.2f} s, max {push.max:.1f} s"
    )
    mix = [(k["mix"], k["mix/fixed"]) for k in report]
    return {
        "calls_ratio": sum(o.calls / f.calls for o, f in mix) / len(mix),
        "p50_ratio": sum(o.p50 / f.p50 for o, f in mix) / len(mix),
        "p95": sum(o.p95 for o, _ in mix) / len(mix),
        "max": max(o.max for o, _ in mix),
        "variant_max": variant_max,
    }


def _mix_reference(count: int, quick: bool, per_seed: dict[int, dict[str, pollsim.Summary]]) -> None:
    """What the mix line asks of any poller: one told every job's law (bench/informed_mix.py), and a jumpy
    job's whole path at its last jump or only that moment, at a few prices on the median; the planner beside
    it."""
    rows: list[list[object]] = []
    for seed in REPORT_SEEDS[:1] if quick else REPORT_SEEDS:
        jobs = make_variant("mix", count, seed=seed)
        ours, fixed = per_seed[seed]["mix"], per_seed[seed]["mix/fixed"]
        within = 0.4 * fixed.p50  # the median line, in seconds
        ratios = [ours.calls / fixed.calls, ours.p50 / fixed.p50, ours.p95, ours.max]
        rows.append([seed, "the planner", "", *ratios, "—"])
        for told, path in (("whole path", True), ("its sit", False)):
            laws = informed_mix.laws_of(jobs, path=path)
            prices = [("no price on the median", informed_mix.Prices(0.0, within))] if path else []
            prices += [
                (f"{q:g} per job over τ", informed_mix.Prices(q, within, late)) for q, late in MIX_PRICES
            ]
            for name, price in prices:
                point = informed_mix.measure(jobs, price, laws)
                ratios = [point.calls / fixed.calls, point.p50 / fixed.p50, point.p95, point.max]
                rows.append(["", name, told, *ratios, point.within["all"]])
    print()
    print(
        table(
            "mix: a poller told every job's law and, of a jumpy job, its whole path at its last jump or only"
            " that moment (bench/informed_mix.py); τ = 0.4 × fixed 5 s's median",
            [
                "seed",
                "policy",
                "jumpy: told",
                "calls ×fixed",
                "p50 ×fixed",
                "p95 s",
                "max s",
                "share within τ",
            ],
            rows,
        )
    )
    print(
        "  the mix line: calls ≤ 0.35×, p50 ≤ 0.4× (over half the jobs within τ), p95 ≤ 4 s. Polls ≥ 2 s"
        " apart see a finish spread over more than that within τ at most τ / 2 s of the time, whatever they"
        " spend."
    )


# The first jobs of a fresh database, while the planner's record is still young (the fast reference's split).
YOUNG_RECORD = 200
# Prices (per job seen later than τ, per job seen later than 4 s) of the mix reference's rows.
MIX_PRICES = ((60.0, 20.0), (300.0, 60.0))


async def bench_real(quick: bool) -> None:
    jobs = pollreal.pick(make_jobs(500), 12 if quick else 40, 200 if quick else 400)
    runs = [
        ("ours", {}),
        ("fixed 5 s", {"policy": f"fixed:{5 * pollreal.SCALE:g}"}),
        ("ours + push", {"push": True}),
    ]
    rows = []
    for name, kwargs in runs:
        r = await pollreal.run_policy(name, jobs, **kwargs)  # type: ignore[arg-type]
        rows.append(
            [
                r.name,
                f"{r.delivered}/{r.jobs}",
                r.calls,
                r.sim_calls,
                r.detect_p50,
                r.sim_p50,
                r.detect_p95,
                r.sim_p95,
                r.overhead_ms,
            ]
        )
    print(
        table(
            f"poll efficiency, real time through the real bot and the fakes: {len(jobs)} of the same jobs, "
            f"time ×{pollreal.SCALE:g} (delays scaled back; push delays are real)",
            [
                "policy",
                "delivered",
                "calls/job",
                "(sim)",
                "delay p50 s",
                "(sim)",
                "p95 s",
                "(sim)",
                "poll→posted ms",
            ],
            rows,
        )
    )


async def bench_load(quick: bool) -> dict[str, float]:
    seconds = 10.0 if quick else load.SECONDS
    results = [
        await load.run("ours", seconds=seconds),
        await load.run("fixed 5 s", policy="fixed:5", seconds=seconds),
    ]
    rows = [
        [
            r.name,
            f"{r.answered}/{r.interactions}",
            r.ack_p50_ms,
            r.ack_p99_ms,
            r.lag_p99_ms,
            r.lag_max_ms,
            r.rss_peak_mb,
            r.cpu_percent,
            r.status_calls_per_s,
        ]
        for r in results
    ]
    print(
        table(
            f"load: {load.IN_FLIGHT} jobs in flight + {load.RATE} /video a second for {seconds:g} s, one bot "
            "process (API rate limit lifted)",
            [
                "policy",
                "answered",
                "ack p50 ms",
                "ack p99 ms",
                "loop lag p99 ms",
                "max ms",
                "RSS peak MB",
                "CPU %",
                "status calls/s",
            ],
            rows,
        )
    )
    ours = results[0]
    return {"ack_p99": ours.ack_p99_ms, "lag_p99": ours.lag_p99_ms, "rss": ours.rss_peak_mb}


async def bench_restart(quick: bool) -> None:
    jobs = 200 if quick else restart.JOBS
    results = [
        await restart.run("rate limit lifted", rate_per_minute=1_000_000, jobs=jobs),
        await restart.run("default 300/min (15 s sample)", rate_per_minute=300, limit_s=15, jobs=jobs),
    ]
    rows = []
    for r in results:
        projected = r.all_polled_s
        if math.isnan(projected) and r.polls_per_s > 0:
            projected = r.first_poll_s + (r.jobs - 1) / r.polls_per_s
        rows.append(
            [
                r.name,
                f"{r.polled}/{r.jobs}",
                r.ready_s,
                r.first_poll_s,
                r.all_polled_s if not math.isnan(r.all_polled_s) else f"~{projected:.0f} (projected)",
                r.polls_per_s,
                r.repeats_before_all,
            ]
        )
    print(
        table(
            f"restart on a database with {jobs} jobs in flight, all due (seconds from process spawn)",
            [
                "run",
                "polled",
                "on gateway s",
                "first poll s",
                "all polled s",
                "polls/s",
                "polled twice first",
            ],
            rows,
        )
    )


async def bench_delivery(quick: bool) -> None:
    clips = 6 if quick else delivery.CLIPS
    results = [
        await delivery.run("default concurrency (8)", clips=clips),
        await delivery.run("20 at once (POLL_CONCURRENCY=20)", concurrency=20, clips=clips),
    ]
    rows = [
        [r.name, f"{r.delivered}/{r.clips}", r.clip_mb, r.idle_mb, r.peak_mb, r.added_mb, r.seconds]
        for r in results
    ]
    print(
        table(
            f"delivery memory: {clips} clips finishing at once",
            ["run", "delivered", "clip MB", "idle MB", "peak MB", "added MB", "seconds"],
            rows,
        )
    )


async def bench_scaleout(quick: bool) -> dict[str, float]:
    results = await scaleout.run_all(quick)
    rows = [
        [
            r.name,
            f"{r.delivered}/{r.jobs}",
            r.jobs_per_min,
            r.req_per_min,
            f"{r.req_max_60s} ≤ {scaleout.RATE}",
            r.delay_p50,
            r.delay_p95,
            " / ".join(f"{mb:.0f}" for mb in r.rss_mb),
        ]
        for r in results
    ]
    print(
        table(
            f"scale-out: {results[0].jobs} /video at once over 3 guilds (one per shard of 3), each clip "
            f"{scaleout.FINISH_S:g} s at the API, one shared budget API_RATE_PER_MINUTE={scaleout.RATE}",
            [
                "run",
                "delivered",
                "jobs/min",
                "API req/min (run)",
                "most in any 60 s",
                "delay p50 s",
                "p95 s",
                "RSS MB per process",
            ],
            rows,
        )
    )
    print(
        "  API requests = submit + status + upload + balance (what the gate spends), as the fake API counted"
        " them; delay = task finished at the fake API → clip posted."
    )
    if not scaleout.database_url():
        print("  (PostgreSQL rows skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL)")
    over = [r for r in results if r.req_max_60s > scaleout.RATE]
    if over:
        print(f"  OVER BUDGET: {', '.join(r.name for r in over)}")
    last = results[-1]
    return {"scale_jobs_per_min": last.jobs_per_min, "scale_req_max": float(last.req_max_60s)}


async def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--only", default=",".join(ALL), help=f"comma-separated subset of {ALL}")
    parser.add_argument("--quick", action="store_true", help="a short smoke run, not the figures to quote")
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(chosen) - set(ALL)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    started = time.monotonic()
    print(f"machine: {machine()}")
    figures: dict[str, float] = {}
    for name in chosen:
        print()
        t0 = time.monotonic()
        if name == "poll":
            figures |= bench_poll(args.quick)
        elif name == "real":
            await bench_real(args.quick)
        elif name == "load":
            figures |= await bench_load(args.quick)
        elif name == "restart":
            await bench_restart(args.quick)
        elif name == "delivery":
            await bench_delivery(args.quick)
        elif name == "scaleout":
            figures |= await bench_scaleout(args.quick)
        print(f"({name}: {time.monotonic() - t0:.0f} s)")
    print(f"\n(all benchmarks: {time.monotonic() - started:.0f} s)")

    def fmt(key: str, spec: str) -> str:
        return format(figures[key], spec) if key in figures else "n/a"

    calls, p50 = fmt("calls_ratio", ".2f"), fmt("p50_ratio", ".2f")
    p95, worst, vmax = fmt("p95", ".1f"), fmt("max", ".1f"), fmt("variant_max", ".1f")
    ack, lag, rss = fmt("ack_p99", ".1f"), fmt("lag_p99", ".1f"), fmt("rss", ".0f")
    print(f"summary: calls/job {calls}× lag p50 {p50}× p95 {p95} s max {worst} s vs fixed-5s ", end="")
    print(f"(mix, report seeds; worst variant max {vmax} s); ", end="")
    print(f"ack p99 {ack} ms; loop lag p99 {lag} ms; rss {rss} MB")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
