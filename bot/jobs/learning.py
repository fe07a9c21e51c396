"""What the poll planner learns from the API's own track record. Pure: observations in, distributions out.

Two things are learned from finished jobs (the store keeps the observations, so they survive restarts):
- how far off `estimated_time` runs: the distribution of log(actual / estimated), apart for jobs that
  reported progress before they finished and jobs that never did (the API's estimate may well be off in a
  different way for each; with few observations of one, both use all jobs), and how often a job is silent;
- how long a job takes, per kind of job (text, images, video reference, extend): the distribution of
  log(duration), used before the API has said anything (the first poll) and when it gives no estimate;
- what the API's progress meant: for each of `LEVELS`, the distribution of log(actual / the time a poll
  first saw progress at or above that level). Whether this API's 40 % means "about 2.5× the time so far"
  or "anything from 1.2× to 5×", and that a 9x it reports early is where it sits for a long while; and the
  same from the jobs a poll first saw within its band (40-49 % for 40 %), which the curve reading uses.
- what shape the API's progress takes: which curves, queues and update gaps (`bot.jobs.curve`) explain the
  readings of finished jobs, and how often any curve does.

Each distribution is a few normal components in log space (a robust, coarse histogram: the recent
observations sorted and cut into equal groups, each group a median and a MAD), mixed with a default that
weighs like a few observations (so the first jobs are not judged on one sample) and a broad floor (so a
change of regime, or a job unlike the others, is never judged impossible).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.jobs import curve
from bot.jobs.model import Job

KINDS = ("text", "images", "video", "extend")
# Before any observation: estimates right on average but often ±50 % off; jobs of about 90 s, spread wide.
DEFAULT_RATIO = (0.0, 0.5)  # (mu, sigma) of log(actual / estimated)
DEFAULT_DURATION = (math.log(90.0), 1.0)  # of log(seconds)
PSEUDO_COUNT = 2.0  # the default weighs like this many observations
FLOOR_WEIGHT = 0.01  # the broad component: nothing learned is ever taken as certain
FLOOR_SIGMA = 1.5
MAX_GROUPS = 16
MIN_PER_GROUP = 4
MIN_SIGMA = 0.04
# × the robust spread × n^-1/5 (Silverman's rule would be 0.9): each group's own spread is in as well, so
# the edges of a bias the API keeps within bounds stay sharp (no progress, seeds 35-37: at 0.45 a job
# silent until done took 0.432-0.455x the calls of fixed 5 s, at 0.25 0.419-0.444x, p95 alike).
BANDWIDTH = 0.25
RATIO_WINDOW = 160  # recent jobs with an estimate that the bias is learned from
DURATION_WINDOW = 80  # recent jobs of one kind that its durations are learned from
MIN_KIND_SAMPLES = 6  # fewer than this of a kind: use the durations of every kind
MIN_FLAG_SAMPLES = 12  # fewer than this with (without) progress: their bias is learned from every job
# Progress levels whose meaning is learned (when a poll first saw at least this much, the finish came at
# this distribution of multiples of that time); before enough are seen, a level is taken for a linear share.
LEVELS = (10, 20, 30, 40, 50, 60, 70, 80, 90, 95)
CALIBRATION_SIGMA = 0.5  # the spread of that default
WARM_ROUNDS = 3  # rounds of the cells' law (bot.jobs.curve.law) per finished job, from the law before

Component = tuple[float, float, float]  # (weight, mu, sigma) of a normal in log space


def job_kind(job: Job) -> str:
    """Which of KINDS a job is, for the duration it is expected to take."""
    if job.parent_task_id:
        return "extend"
    if job.videos:
        return "video"
    if job.images:
        return "images"
    return "text"


@dataclass(frozen=True)
class Observation:
    """One finished job: its kind, the API's last `estimated_time` (if any), the actual duration, and whether
    any poll saw progress > 0 before it finished (None: not recorded, an observation from before 0010)."""

    kind: str
    estimated: float | None
    actual: float
    progressed: bool | None = None
    # (level, seconds from submit to the first poll that saw progress at or above it), for the LEVELS the
    # job's progress log shows being crossed (`sightings`); empty before 0011.
    sightings: tuple[tuple[int, float], ...] = ()
    # (seconds from submit, progress) of the polls its progress log kept (bot.jobs.schedule.record_progress):
    # how the API's progress moved, read as a curve (bot.jobs.curve); empty before 0012.
    readings: tuple[tuple[float, int], ...] = ()


@dataclass(frozen=True)
class LogMixture:
    """A distribution of log(x): weighted normal components whose weights sum to 1."""

    components: tuple[Component, ...]

    def shifted(self, by: float) -> LogMixture:
        return LogMixture(tuple((w, mu + by, s) for w, mu, s in self.components))

    def quantile(self, q: float) -> float:
        """The q-quantile of log(x), by bisection (for display and tests)."""
        lo = min(mu - 6 * s for _, mu, s in self.components)
        hi = max(mu + 6 * s for _, mu, s in self.components)
        for _ in range(60):
            mid = (lo + hi) / 2
            cdf = sum(w * 0.5 * math.erfc((mu - mid) / (s * math.sqrt(2))) for w, mu, s in self.components)
            lo, hi = (mid, hi) if cdf < q else (lo, mid)
        return (lo + hi) / 2


def fit(samples: Sequence[float], default: tuple[float, float]) -> LogMixture:
    """A robust mixture for log-values `samples`: equal-count groups (median, MAD), a default, a floor."""
    xs = sorted(x for x in samples if math.isfinite(x))
    n = len(xs)
    centre = statistics.median(xs) if xs else default[0]
    parts: list[Component] = [(FLOOR_WEIGHT, centre, FLOOR_SIGMA)]
    rest = 1.0 - FLOOR_WEIGHT
    parts.append((rest * PSEUDO_COUNT / (PSEUDO_COUNT + n), default[0], default[1]))
    if n:
        # Kernel width: Silverman's rule on a robust spread, so a handful of samples stays broad.
        q1, q3 = xs[n // 4], xs[(3 * n) // 4]
        spread = (q3 - q1) / 1.35 if n >= 4 else default[1]
        bandwidth = max(MIN_SIGMA, BANDWIDTH * max(spread, MIN_SIGMA) * n ** (-0.2))
        groups = max(1, min(MAX_GROUPS, n // MIN_PER_GROUP))
        for g in range(groups):
            chunk = xs[g * n // groups : (g + 1) * n // groups]
            mid = statistics.median(chunk)
            mad = statistics.median(abs(x - mid) for x in chunk) * 1.4826
            weight = rest * len(chunk) / (PSEUDO_COUNT + n)
            parts.append((weight, mid, math.sqrt(mad * mad + bandwidth * bandwidth)))
    return LogMixture(tuple(parts))


@dataclass(frozen=True)
class Prior:
    """What the planner believes before looking at a job's own answers."""

    ratio: LogMixture  # log(actual / estimated_time) of jobs that report progress
    duration: LogMixture  # log(seconds from submit to finish) for this kind of job
    silent_ratio: LogMixture | None = None  # log(actual / estimated_time) of jobs that report none
    silent_share: float = 0.0  # how often a job reports no progress at all before it finishes
    # Per level (ascending): log(actual / first sighting of progress ≥ level), for the levels learned so far.
    calibration: tuple[tuple[int, LogMixture], ...] = ()
    # The record's share of each of curve.CELLS among jobs a curve explained; None: no such job yet.
    cells: tuple[float, ...] | None = None
    curve_share: float = 0.5  # how often a job's progress follows a curve
    curve_jobs: int = 0  # how many finished jobs that share is learned from

    # The same, learned from the jobs a poll first saw within the level's band (`sightings(in_band=True)`).
    banded: tuple[tuple[int, LogMixture], ...] = ()

    def calibrated(self, level: int, *, in_band: bool = False) -> LogMixture | None:
        """What reaching `level` meant for past jobs: log(finish / the time a poll first saw it); `in_band`:
        for the jobs first seen within its band."""
        return next((law for lv, law in (self.banded if in_band else self.calibration) if lv == level), None)


class PlannerMemory:
    """The recent observations and the distributions fitted to them (refitted on every new observation)."""

    def __init__(self, observations: Iterable[Observation] = (), *, unit: float = 2.0) -> None:
        self._obs: list[Observation] = []
        self._priors: dict[str, Prior] = {}
        self._unit = unit  # the poller's min_interval: how old a reading may be is counted in it
        # id(observation) → its heaviest curve cells and its chance of following a curve at even odds
        self._cells: dict[int, tuple[curve.Kept, float] | None] = {}
        self._law: curve.Marginals | None = None  # the cells' law last learned (the next one starts there)
        for obs in observations:
            self._obs.append(obs)
        self._trim()
        self._refit()

    @property
    def observations(self) -> list[Observation]:
        return list(self._obs)

    def add(self, obs: Observation) -> None:
        if not (obs.actual > 0 and math.isfinite(obs.actual)):
            return
        self._obs.append(obs)
        self._trim()
        self._refit()

    def prior(self, kind: str) -> Prior:
        return self._priors.get(kind) or self._priors["text"]

    def _trim(self) -> None:
        keep = RATIO_WINDOW + DURATION_WINDOW * len(KINDS)
        if len(self._obs) > keep:
            del self._obs[: len(self._obs) - keep]
        live = {id(o) for o in self._obs}
        for key in [k for k in self._cells if k not in live]:
            del self._cells[key]

    def _curve_cells(self, obs: Observation) -> tuple[curve.Kept, float] | None:
        """Which cells explain one finished job's readings (curve.cell_weights), worked out once per job."""
        key = id(obs)
        if key not in self._cells:
            found = curve.cell_weights(obs.readings, obs.actual, self._unit)
            self._cells[key] = None if found is None else (curve.kept(found[0]), found[1])
        return self._cells[key]

    def _refit(self) -> None:
        recent = [o for o in self._obs if o.estimated and o.estimated > 0][-RATIO_WINDOW:]
        ratios = [math.log(o.actual / o.estimated) for o in recent if o.estimated]
        pooled = fit(ratios, DEFAULT_RATIO)
        # Each from its own recent jobs, so a rare sort of job is not crowded out by the common one.
        said = [o.actual / o.estimated for o in self._obs if o.estimated and o.progressed][-RATIO_WINDOW:]
        silent = [o.actual / o.estimated for o in self._obs if o.estimated and o.progressed is False][
            -RATIO_WINDOW:
        ]
        ratio = fit([math.log(r) for r in said], DEFAULT_RATIO) if len(said) >= MIN_FLAG_SAMPLES else pooled
        silent_ratio = (
            fit([math.log(r) for r in silent], DEFAULT_RATIO) if len(silent) >= MIN_FLAG_SAMPLES else pooled
        )
        # A share with one pseudo-observation either way: unknown until some jobs of each are seen.
        silent_share = (len(silent) + 1) / (len(said) + len(silent) + 2)
        sighted = [o for o in self._obs if o.sightings][-RATIO_WINDOW:]
        calibration = _calibration([(o.actual, o.sightings) for o in sighted])
        # The same from the jobs a poll first saw within each band: the readings keep the polls' progress.
        banded = _calibration([(o.actual, sightings(o.readings, 0.0, in_band=True)) for o in sighted])
        recent = self._obs[-RATIO_WINDOW:]
        read = [self._curve_cells(o) for o in recent if len({p for _, p in o.readings}) >= 2]
        curved = [w for w in read if w is not None]
        cells, curve_share = None, 0.5
        if curved:
            # One job more (or one out of the window) moves the law a little: it starts where the last one
            # ended, with WARM_ROUNDS (a fresh memory, restarted with its record, learns it from nothing).
            rounds = None if self._law is None else WARM_ROUNDS
            self._law, curve_share = curve.fit(curved, len(read) - len(curved), self._law, rounds)
            cells = tuple(curve.cells(self._law))
        every = [math.log(o.actual) for o in self._obs][-DURATION_WINDOW:]
        for kind in KINDS:
            own = [math.log(o.actual) for o in self._obs if o.kind == kind][-DURATION_WINDOW:]
            duration = fit(own if len(own) >= MIN_KIND_SAMPLES else every, DEFAULT_DURATION)
            self._priors[kind] = Prior(
                ratio,
                duration,
                silent_ratio,
                silent_share,
                calibration,
                cells,
                curve_share,
                len(read),
                banded,
            )


def _calibration(
    seen: Sequence[tuple[float, Sequence[tuple[int, float]]]],
) -> tuple[tuple[int, LogMixture], ...]:
    """Per level of LEVELS with enough jobs: the law of log(actual / first sighting), from (actual,
    sightings) of finished jobs."""
    out = []
    for level in LEVELS:
        meant = [
            math.log(actual / at) for actual, sights in seen for lv, at in sights if lv == level and at > 0
        ]
        if len(meant) >= MIN_FLAG_SAMPLES:
            out.append((level, fit(meant, (math.log(100 / level), CALIBRATION_SIGMA))))
    return tuple(out)


def sightings(
    progress_log: Sequence[tuple[float, int]], submitted_at: float, *, in_band: bool = False
) -> tuple[tuple[int, float], ...]:
    """For each of LEVELS the log shows being crossed: (level, when a poll first saw progress at or above it,
    since submit). Only a crossing the log shows (a reading below the level before it): the log is short, so
    its first entry at or above a level may be long after the real first sighting. `in_band`: only the
    levels whose first sighting read below the next level (a job seen at 12 % then 85 % was first seen
    within the band of 10 % and of 80 %, not of 20-70 %)."""
    out = []
    for n, level in enumerate(LEVELS):
        top = LEVELS[n + 1] if in_band and n + 1 < len(LEVELS) else 100
        for i, (t, p) in enumerate(progress_log):
            if level <= p < 100:
                if i > 0 and t > submitted_at and p < top:
                    out.append((level, t - submitted_at))
                break
    return tuple(out)
