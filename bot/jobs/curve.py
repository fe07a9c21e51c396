"""Reading a job's progress as a curve: the finish it implies, and how well a curve explains it. Pure.

The family: progress p(t) = ⌊100 · ((t − q) / (T − q))^γ⌋ (at least 1 once out of the queue), q = r · T the
queue, and each poll sees the value of a moment up to `age` before it (the API updates its progress now and
then). A cell is one (γ, r, age); for a cell, the readings bound the finish T to an interval, and inside it
each reading's chance is the share of its age window in which the curve showed that value. So the readings
give, per cell, a likelihood of T; weighed by what the API's record says of the cells (`learn`) and by the
estimate's law of T, that is the finish's posterior, and its total mass is how well a curve explains the
readings at all (a jumpy job's readings fit no curve: its mass is nil, and the planner reads it otherwise).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Component = tuple[float, float, float]  # (weight, mu, sigma) of a normal in log space, as bot.jobs.learning

# 17 bends, 12 % apart (they had been 9, 23 % apart), chosen with the cells' law learned per axis (`law`).
GAMMAS = tuple(math.exp(math.log(0.4) + (k + 0.5) / 17 * (math.log(2.5) - math.log(0.4))) for k in range(17))
QUEUES = (0.0167, 0.05, 0.0833)  # × T: a job that reports progress does so by a tenth of its run
# How old a reading may be: (× min_interval, × T). Fresh: the API updates its progress every few seconds.
# Stale: it moves in jumps, each reading as old as a share of the run (steady-looking readings of a jumpy
# job are explained by these too, and their finish stays as broad as it should).
# The fresh ages are even in seconds (1-4 s), not in their log (0.5-4 s): a record hardly tells them apart,
# so their spacing is the prior, and half of it on 1 s or less had read a single early reading as current.
# A racing job seen once, at 20-29 % 5 s in, was done within 7.4 s more 31 % of the time where the belief said
# 17 % (bench, fast, seed 93), and the second looks spaced by that made 45 of the 55 waits over 5 s (seed 97).
# Even ages move that only a little (18 %; 48 waits, 41 of them such), so most of that gap lies elsewhere, but
# they lower fast's p95 by 0.1-0.4 s (seeds 0-3) and leave the other variants as they were (seeds 0-1: calls
# within 0.002x, p95 within 0.2 s; one worst wait went 7.7 -> 10.8 s: as described, seed 0).
AGES = ((0.5, 0.0), (1.0, 0.0), (1.5, 0.0), (2.0, 0.0), (0.0, 0.05), (0.0, 0.1), (0.0, 0.2))
NOISES = (0, 12)  # points a reading may be off the curve (a jumpy API's readings scatter about its truth)
CELLS = tuple((1 / g, r, a, n) for g in GAMMAS for r in QUEUES for a in AGES for n in NOISES)
AXES = (GAMMAS, QUEUES, AGES, NOISES)
_AXIS_INDEX = tuple(
    (g, q, a, n)
    for g in range(len(GAMMAS))
    for q in range(len(QUEUES))
    for a in range(len(AGES))
    for n in range(len(NOISES))
)
SLACK = 0.012  # × T: the cells' curves are a grid, the job's own lies between them
# ... and on a record of curves (bot.jobs.schedule._trusted), where the cells' law (`law`) has pinned the
# record's curves, a running job's finish is read with half of it (`posterior`). Halved everywhere, with 17
# bends, a short curve job's two readings had a smaller chance of a curve at even odds (80 curve jobs beside
# 80 jumbled ones counted as 43 % curves), and on a record of 60 steady jobs, not yet trusted, the curve's
# weight saved 5 polls in 149 for 0.34 s more wait a clip (tests/jobs/test_curve.py). On fast (bench) both
# ways make about the same calls at the same p95 (seeds 0-1 and 35-37, with bot.jobs.schedule.TRUSTED_SLACK
# chosen for each).
TRUSTED_CURVE_SLACK = 0.006
SPLIT = 5  # parts of a cell's interval of T, each weighed at its middle
CELL_MIN = 1e-3  # cells the record gives less than this share are not read
MAX_PARTS = 24  # components of the posterior (merged by log T)
DENSITY_GRID = 100  # per unit of log T (1 % of T: the law is no sharper than 4 %)
OTHER_READING = 0.03  # the chance of a reading when the progress follows no curve
EM_ROUNDS = 30  # rounds of the record's curve share by expectation-maximisation (`learn`)
# The cells' law (`law`): a product of one law per axis (bend, queue, age, noise), each by maximum likelihood
# over the record, in CELL_ROUNDS of expectation-maximisation from a uniform law (bot.jobs.learning moves it
# a few rounds per finished job from where it was). It had been one pass that averaged each job's cells as
# its readings alone weighed them: a job's few readings fit many cells about alike, so the law stayed near
# its uniform start. On a record of racing jobs it kept 0.27-0.35 on readings as old as a share of the run
# (the jobs update every few seconds) and 12 % on bends none of them had; the finish it read from a racing
# job's readings was as broad as if the API's curves could be anything, and an informed poller given a law
# that broad does no better than the planner (bench, fast: 0.450 / 0.434x fixed 5 s's calls on seeds 0-1,
# against 0.419 / 0.410x told the generator's bends). A law per axis has 35 shares to learn, not 714, so the
# record's 160 jobs pin it; the whole table by maximum likelihood read the record too closely (fast, seeds
# 0-1: a racing job at the edge of the bends seen waited 17-19 s).
CELL_ROUNDS = 20
# Uniform pseudo-jobs in each axis' law, so the first jobs do not rule out a shape. At 2 (as the averaged law
# had), a record of 30 racing jobs read the next ones' curves 17 % later in all than not reading them at all
# (tests/jobs/test_curve.py); at 5 just as soon, for 0.002-0.004x more calls on a grown record (fast, seeds
# 0-1 and 36; at 10, 0.008-0.011x more).
PSEUDO_JOBS = 5.0
KEEP_MASS = 0.99  # a job's heaviest cells holding this share of its weight are what the law reads of it

Readings = Sequence[tuple[float, int]]  # (seconds since submit, progress 1..99)


def _reached(inv: float, share: float, p: int) -> float:
    """The share of the run after which the curve reads `p` or more."""
    if p <= 1:
        return share
    if p >= 100:
        return 1.0
    return share + (1 - share) * float((p / 100) ** inv)


Cell = tuple[float, float, tuple[float, float], int]  # (1 / gamma, queue share, age, noise)


def likelihood(cell: Cell, finish: float, readings: Readings, unit: float, slack: float = SLACK) -> float:
    """P(the readings | cell, finish T): each, the share of its age window in which the curve read it, the
    curve's times widened by `slack` × T."""
    inv, share, (age_units, age_share), noise = cell
    age = age_units * unit + age_share * finish
    slack = slack * finish
    out = 1.0
    for t, p in readings:
        if t >= finish:
            return 0.0
        start = finish * _reached(inv, share, p - noise) - slack
        end = finish * _reached(inv, share, p + 1 + noise) + slack if p + noise < 99 else math.inf
        out *= max(0.0, min(t, end) - max(t - age, start)) / age / (2 * noise + 1)
        if out <= 0:
            return 0.0
    return min(1.0, out)


def _bounds(cell: Cell, readings: Readings, unit: float, slack: float) -> tuple[float, float]:
    """The interval of T outside which some reading has no chance in this cell."""
    inv, share, (age_units, age_share), noise = cell
    age = age_units * unit
    lo, hi = max(t for t, _ in readings), math.inf
    for t, p in readings:
        below = _reached(inv, share, p - noise) - slack
        if below > 0:
            hi = min(hi, t / below)
        if p + noise < 99:
            lo = max(lo, (t - age) / (_reached(inv, share, p + 1 + noise) + slack + age_share))
    return lo, hi


def cell_weights(readings: Readings, finish: float, unit: float) -> tuple[list[float], float] | None:
    """Which cells explain a finished job's readings (normalised), and the chance that a curve made them
    at all (against OTHER_READING each, even odds); None when no cell does."""
    weights = [likelihood(c, finish, readings, unit) for c in CELLS]
    total = sum(weights)
    if total <= 0:
        return None
    mean = total / len(CELLS)
    other = OTHER_READING ** len(readings)
    return [w / total for w in weights], mean / (mean + other)


def posterior(
    readings: Readings, cells: Sequence[float], law: Sequence[Component], unit: float, slack: float = SLACK
) -> tuple[float, tuple[Component, ...]]:
    """(P(readings | a curve), the finish's law given them): `cells` the record's share of each cell, `law`
    what the estimate says of log T before the readings."""
    if not readings:
        return 0.0, ()
    parts: list[tuple[float, float, float]] = []  # (mass, log T, width)
    density: dict[int, float] = {}  # the law's density on a 1/DENSITY_GRID grid of log T, as needed
    for cell, prior in zip(CELLS, cells, strict=True):
        if prior < CELL_MIN:
            continue
        lo, hi = _bounds(cell, readings, unit, slack)
        if not (0 < lo < hi < math.inf):
            continue
        step = math.log(hi / lo) / SPLIT
        for k in range(SPLIT):
            mid = math.log(lo) + (k + 0.5) * step
            like = likelihood(cell, math.exp(mid), readings, unit, slack)
            if like <= 0:
                continue
            key = round(mid * DENSITY_GRID)
            if key not in density:
                density[key] = _density(law, key / DENSITY_GRID)
            weight = prior * like * density[key] * step
            if weight > 0:
                parts.append((weight, mid, step))
    mass = sum(m for m, _, _ in parts)
    if mass <= 0:
        return 0.0, ()
    return mass, _merge(parts, mass)


def _density(law: Sequence[Component], x: float) -> float:
    return sum(w * math.exp(-0.5 * ((x - mu) / s) ** 2) / (s * math.sqrt(2 * math.pi)) for w, mu, s in law)


def _merge(parts: list[tuple[float, float, float]], mass: float) -> tuple[Component, ...]:
    """At most MAX_PARTS components, each a bin of log T: its mass, mean and spread (parts' own widths in)."""
    lo = min(x for _, x, _ in parts)
    hi = max(x for _, x, _ in parts)
    width = (hi - lo) / MAX_PARTS or 1.0
    bins: dict[int, list[float]] = {}
    for m, x, step in parts:
        b = bins.setdefault(min(MAX_PARTS - 1, int((x - lo) / width)), [0.0, 0.0, 0.0])
        b[0] += m
        b[1] += m * x
        b[2] += m * (x * x + step * step / 12)
    out = []
    for m, sx, sxx in bins.values():
        mean = sx / m
        out.append((m / mass, mean, math.sqrt(max(sxx / m - mean * mean, 1e-6))))
    return tuple(out)


Marginals = tuple[tuple[float, ...], ...]  # the cells' law: a share per value of each of AXES
Kept = tuple[tuple[float, int, int, int, int], ...]  # a job's heaviest cells: (weight, place on each axis)


def learn(per_job: Sequence[tuple[Sequence[float], float]], others: int) -> tuple[list[float], float]:
    """The record's share of each cell, and the share of jobs whose progress follows a curve (`others`: jobs
    no cell explained), from each job's `cell_weights`: `fit` from nothing."""
    marginals, share = fit([(kept(weights), chance) for weights, chance in per_job], others)
    return cells(marginals), share


def fit(
    per_job: Sequence[tuple[Kept, float]],
    others: int,
    start: Marginals | None = None,
    rounds: int | None = None,
) -> tuple[Marginals, float]:
    """The cells' law and the share of jobs whose progress follows a curve, from each curve job's `kept`
    cells and its chance at even odds: `curve_share`, then `law` (from `start`, in `rounds`)."""
    share = curve_share([chance for _, chance in per_job], others)
    return law([(_posterior(chance, share), job) for job, chance in per_job], start, rounds), share


def curve_share(chances: Sequence[float], others: int) -> float:
    """The share of jobs whose progress follows a curve, from each curve job's chance at even odds
    (`cell_weights`) and the jobs no cell explained.

    The share is their prior, found by maximum likelihood (EM_ROUNDS of expectation-maximisation, one
    pseudo-job either way): a job whose two readings a curve and a jumble explain about alike says little,
    and had counted as half a non-curve job, so a record of nothing but curves showed 5 % of jobs off them
    (bench, fast) and its curves were doubted."""
    share = (sum(chances) + 1) / (len(chances) + others + 2)
    for _ in range(EM_ROUNDS):
        share = (sum(_posterior(c, share) for c in chances) + 1) / (len(chances) + others + 2)
    return share


def law(
    jobs: Sequence[tuple[float, Kept]], start: Marginals | None = None, rounds: int | None = None
) -> Marginals:
    """The cells' law from finished jobs ((chance of following a curve, `kept` cells)): a product of four,
    the curves' bend, the queue, the readings' age and their noise, each found by maximum likelihood
    (`rounds` of expectation-maximisation, CELL_ROUNDS from a uniform law unless `start` is given), with
    PSEUDO_JOBS uniform pseudo-jobs so the first jobs do not rule out a shape. See CELL_ROUNDS for why."""
    marginals = start or tuple(tuple(1 / len(axis) for _ in axis) for axis in AXES)
    for _ in range(CELL_ROUNDS if rounds is None else rounds):
        counts = [[PSEUDO_JOBS / len(axis)] * len(axis) for axis in AXES]
        bends, queues, ages, noises = marginals
        for odds, job in jobs:
            parts = [(w * bends[g] * queues[q] * ages[a] * noises[n], g, q, a, n) for w, g, q, a, n in job]
            total = sum(p[0] for p in parts)
            if total <= 0:
                continue
            scale = odds / total
            for part, g, q, a, n in parts:
                r = part * scale
                counts[0][g] += r
                counts[1][q] += r
                counts[2][a] += r
                counts[3][n] += r
        marginals = tuple(tuple(c / sum(axis) for c in axis) for axis in counts)
    return marginals


def cells(marginals: Marginals) -> list[float]:
    """The share of each of CELLS under the law `marginals`, with a floor."""
    bends, queues, ages, noises = marginals
    uniform = 1 / len(CELLS)
    return [0.99 * bends[g] * queues[q] * ages[a] * noises[n] + 0.01 * uniform for g, q, a, n in _AXIS_INDEX]


def kept(weights: Sequence[float]) -> Kept:
    """A finished job's heaviest cells (`cell_weights`), holding KEEP_MASS of its weight, with their place on
    each axis: what `law` reads of it."""
    order = sorted((i for i, w in enumerate(weights) if w > 0), key=lambda i: -weights[i])
    out, mass = [], 0.0
    for i in order:
        out.append((weights[i], *_AXIS_INDEX[i]))
        mass += weights[i]
        if mass >= KEEP_MASS:
            break
    return tuple(out)


def _posterior(even: float, prior: float) -> float:
    """A job's chance of following a curve when `prior` of jobs do, from its chance at even odds."""
    on, off = prior * even, (1 - prior) * (1 - even)
    return on / (on + off) if on + off > 0 else prior
