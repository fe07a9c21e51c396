"""When to poll a task next: a belief about its finish, and the gap that is worth its call. No I/O, no clock.

The belief is a distribution over the finish time T (seconds since submit), a mixture of log-normals:
- from the API's `estimated_time`, corrected by what the API's own track record says about it (the learned
  distribution of actual / estimated, `bot.jobs.learning`), learned apart for jobs that report progress and
  jobs that never do: while a job has shown none, both, weighed by how well each explains the silence;
  before the first answer, the learned durations of this kind of job;
- from what the progress reached so far meant for the API's past jobs (`Prior.calibrated`: when a poll first
  saw 40 %, past jobs finished at this distribution of multiples of that time), joined to the estimate's
  law as a second, independent look, once enough jobs have shown it;
- from this job's readings read as a curve (`bot.jobs.curve`: the shapes, queues and update gaps this API's
  progress took before, learned from the record), weighed against all the rest by how well a curve explains
  them, the rest keeping at least `CURVE_DOUBT` (a jumpy job's readings can look steady while they lag;
  less when the record shows nearly every job following a curve);
- from this job's own pace, weighted by its evidence: one reading says little (the curve and the queue are
  unknown), several distinct readings over a wide span at a steady pace say a lot; steps back, erratic
  paces and stalls widen it. Its pace may also simply lie (jump to 99 and sit): the belief is a
  two-hypothesis mixture, "the pace means something" (the above × the pace) or "it does not" (the above
  alone), and every poll that finds the task unfinished reweighs them by how well each predicted that.
Everything is conditioned on T > now: the task was not done at this poll.

The next poll is the longest gap (between min and max interval) that keeps, under the belief:
- the expected delay it adds, E[(now + gap − T)⁺], within `LATE_BUDGET`: calls + λ·delay traded off poll
  by poll, so a job far from done is left alone and one about to finish is watched closely;
- the chance that the finish lands more than `LATE_D1` before the poll to a small share of the chance it
  lands in the gap at all, plus a slack (the p95 of the delay; for a job silent so far, the slack grows with
  the gap, so long quiet stretches take the few late finishes instead of every gap), and the chance it
  lands more than `LATE_D2` before it negligible (the maximum): a job that may already be done is never
  left for a long gap.
(All three in units of `min_interval`, so a time-scaled bot plans alike.)
A stall near the end keeps a broad belief: the progress hypothesis widens with log(now / when the level
was first seen), so it stays alive with a hazard falling like 1/now (polled every several seconds, not
every `min_interval` for minutes, and never left to the estimate alone when that is far off). One
progress level gives no pace: the next poll then comes within `SINGLE_GAP` × the time since submit (on a
record of curves, whose curve reading already gives one level a calibrated law, that cap is lifted).

With push (`push_enabled`), a callback triggers the real poll; polls here are only a safety net for a
lost callback: first well after the predicted finish, then every `max_interval`.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from bot.jobs import curve
from bot.jobs.learning import Component, LogMixture, Prior, sightings

# The constants below were tuned with `python -m bench --only poll` on seed 0 of bench/workload.py's variants
# (its tails also checked on seeds 10-19) and reported on other seeds; see the README's benchmark section
# and docs/poll-planner.md (each round's seeds, figures and tries).
# Delays are counted in units of `min_interval` (2 s by default), so a time-scaled bot plans alike.
LATE_BUDGET = 0.5  # × min_interval: expected delay one gap may add
LATE_D1 = 2.4  # × min_interval: a finish this long before the poll is "late" ...
LATE_SHARE = 0.05  # ... and may be at most this share of the gap's finishing chance ...
LATE_SLACK = 0.015  # ... plus this much absolute chance (a job whose progress shapes the belief);
# a job silent so far is judged by the learned bias alone, a distribution fitted to the API's own record:
# its slack is this chance per min_interval of gap instead, so the late finishes it allows fall where a long
# gap saves the most calls (the quiet stretch of a long job), not alike on every gap of every job.
SILENT_LATE_RATE = 0.0012
LATE_D2 = 5.0  # × min_interval: a finish this long before the poll ...
LATE_RARE = 0.003  # ... must be at most this likely
# Progress: prior doubt that it means anything, after one distinct reading; × DOUBT_DECAY for each further
# one; × (1 + spread of log(pace)) when the pace is erratic; × DOUBT_BACKWARDS when a reading went back.
DOUBT_FIRST = 0.1
DOUBT_DECAY = 0.6
DOUBT_BACKWARDS = 2.0
# Spread (log-seconds) of a progress-based finish: a floor; the unknown curve of a single reading (× its
# log distance to 100 %); the relative error of the time left from the pace; and stalls.
SIGMA_BASE = 0.02
SIGMA_PACE = 0.05
SIGMA_SINGLE = 0.25
SIGMA_STALL = 0.6
# One progress level gives no pace yet: the next poll comes within this multiple of the time since submit,
# so a racing job's pace is read early instead of guessed from one point (and the queue it hid).
SINGLE_GAP = 2.0
# The pace carried on is read from the last step alone: a step of a few integer points (or a noisy jump) says
# little, so the time left is doubted by this much over the step's size in points (a 3-point step after a
# stall had been read as a finish known to ±3 %, and the poll left the clip waiting 27 s).
STEP_DOUBT = 0.5
# The last step came after progress sat for this share of it (seen again at the level before, or lower):
# the time left is doubted by this much × that share. Two points 115 s apart, 71 % then 91 %, where 71 % had
# sat for 110 s, had been read as a steady pace and a finish known to ±3 %: 18.5 s delay (bench, jumpy).
SIGMA_SAT = 1.0
# A level that sits: the spread of its finish is at least this × log(now / the level's first sighting).
STALL_GROW = 1.5
# A job that reports progress has done so by this share of its run (its queue): silence past that says
# the job is one that never reports any.
QUEUE_SHARE = 0.1
GAMMA_MAX = 2.5  # the power curve fitted to progress bends at most this much either way
LADDER = 28  # candidate gaps between min and max interval, geometric
# Beside the estimate's law joined to what the progress reached meant before, the estimate's law alone keeps
# this weight: a job unlike the record is still caught (a jumpy reading 30 points behind its truth, trusted
# to the record alone, had left the clip waiting 15.3 s).
RECORD_DOUBT = 0.05
# Progress read as a curve (bot.jobs.curve) joins the belief weighed by how well a curve explains the
# readings against the rest of the belief, but the rest keeps at least this share of what is left once "not
# done yet" is known: a jumpy job's readings can lag its truth while looking steady (31, 49 and 65 % a minute
# apart, done 3 minutes in, not 5), and with 5-20 % kept such jobs waited 23-36 s (bench, jumpy, seeds 1-3);
# with half, at most 10.7 s.
CURVE_DOUBT = 0.5
# ... unless the record shows nearly every job's progress following a curve (an API whose progress is
# steady): the rest then keeps the record's share of jobs no curve explained, counted generously (that share
# plus CURVE_DOUBT_Z standard errors, so a short record earns no trust); where that is CURVE_DOUBT_FLOOR or
# less (a record of curves), TRUSTED_DOUBT.
# Racing jobs whose record is all curves had kept half the belief on a broader law and were polled more
# than they needed (bench, fast, seeds 0-3: 0.59 -> 0.555x the calls of fixed 5 s, other variants alike).
# 3.5 errors since the share is a maximum-likelihood one (bot.jobs.curve.learn): on the mix (about a third
# of the jobs off any curve) it keeps the doubt where the even-odds share with 2 errors had it (0.44); at 2,
# a jumpy job in the mix waited 16.8 s where it had waited 14.4 s (seed 36).
CURVE_DOUBT_Z = 3.5
CURVE_DOUBT_FLOOR = 0.05
# Whether the record is one of curves (`_trusted`) counts its share off any curve with TRUST_Z standard
# errors, not CURVE_DOUBT_Z: a young record of nothing but curves is trusted after about 40 jobs with
# readings, not 90, and the first job off a curve takes the trust back (46 jobs, one off: 0.071 > 0.05). At
# 3.5 errors the first 90 jobs of a fresh database were planned with every guard: on fast they made 0.52-0.67x
# the calls of fixed 5 s against 0.38-0.58x for a poller that knows the law, and the whole gap to it lay there
# (seed 93: jobs 201-1000 0.415-0.458x against its 0.418-0.463x). Not tuned alone; chosen with AGES
# (bot/jobs/curve.py) and TRUSTED_SLACK below. A record with a few jumpy jobs among curves is trusted sooner
# too: fast with 3 % of jumpy jobs (bench, seed 8) waited at most 12.1 s where it had waited 15.5 s untrusted.
TRUST_Z = 1.0
# And a gap may be at most this multiple of the gap the belief without the curve allows: a jumpy job's first
# readings (1 % at 5 s, 3 % at 15 s) read as a slow curve had stretched the gaps to 42 and 61 s, and the clip,
# done at 91 s, waited 27 s (bench, mix, seed 25). Both guards (this and PACE_GUARD) are lifted where the
# record shows no more than CURVE_DOUBT_FLOOR of its jobs off a curve, counted generously: no jumpy jobs to
# guard against (bench, fast, seeds 35-37: 0.54-0.55 -> 0.51-0.53x the calls of fixed 5 s).
CURVE_GUARD = 1.5
# Where the guards are lifted (a record of jobs whose progress follows curves), the planner keeps a smaller
# margin for a belief that may be wrong about a job, since on such a record it is calibrated (the truth below
# the curve reading's 5th percentile 3.4 % of the time, above its 95th 1.5 %): a finish more than LATE_D2
# before the poll may be TRUSTED_RARE x as likely, one gap may add TRUSTED_BUDGET x the expected delay, and
# the rest of the belief keeps TRUSTED_DOUBT of it beside the curve reading (not CURVE_DOUBT_FLOOR).
# Before, the trust went to LATE_SHARE and LATE_SLACK (x2) instead of the budget and the doubt: racing jobs
# were then polled just before and just after a finish the curve reading already placed well, p50 0.5x fixed
# 5 s but 0.47-0.49x its calls. Chosen on seeds 0-3 of the bench among budgets 1.4-2.0, share x1-2 and doubt
# 2 or 5 % (fast: 0.470-0.486 -> 0.460-0.474x the calls of fixed 5 s, p95 4.3-4.4 -> 4.3-4.5 s, max 9.5-12.7
# -> 7.8-9.1 s); a budget of 1.4 with the share x2 had made p95 5.31 s on seed 36.
TRUSTED_RARE = 5.0
TRUSTED_BUDGET = 1.6
TRUSTED_DOUBT = 0.02
# On such a record, the late finishes' slack (LATE_SLACK) is TRUSTED_SLACK x as large, and a job seen at one
# progress level only is not held to SINGLE_GAP (TRUSTED_SINGLE_GAP x the time since submit: none): on a
# calibrated record one reading already has a law of its finish (the curve reading), and the cap, set before
# there was one, had put a second look at 2x the first for every racing job (bench, fast: a 71 s job seen at
# 5 s was looked at again at 15 s; the informed poller waits until 23.5 s). Chosen on seeds 0-3 between
# slacks 1.0, 1.25 and 1.5 with the cap lifted (fast: 0.460-0.475 -> 0.440-0.454x the calls of fixed 5 s,
# p95 <= 4.88 s, max <= 11.5 s); fresh seeds 93-95: 0.471-0.484 -> 0.453-0.463x, p95 <= 4.78 s, max 9.1 s.
# Raised to 1.75 with TRUST_Z and AGES: a reading's age read as 1-4 s evenly lowers the late finishes a single
# reading leaves (p95 4.72-4.88 -> 4.49-4.52 s on seeds 0-3), and the slack spends part of that on calls.
# Chosen on seeds 0-3 among 1.5, 1.75 and 2.0, the one better than before on every seed in both calls and p95
# (fast: 0.440-0.454 -> 0.436-0.450x, p95 4.72-4.88 -> 4.54-4.68 s).
# Down to 0.75 with the cells' law learned per axis by maximum likelihood (bot.jobs.curve.law) and read with
# half the slack on such a record (bot.jobs.curve.TRUSTED_CURVE_SLACK): the sharper finish it reads spends
# the p95 on calls by itself (fast, seeds 0-1: at 1.75, p95 5.40 / 4.87 s; at 1.0, 0.441 / 0.422x at p95
# 4.86 / 4.75 s, max 14.1 s), and at 0.75 it makes 0.443 / 0.428x at p95 4.59 / 4.47 s, max 13.8 / 11.7 s,
# against 0.450 / 0.439x at 4.68 / 4.61 s before. So a record of curves now keeps a little more margin for
# late finishes than any other record, and its sharper reading spends more than that margin.
TRUSTED_SLACK = 0.75
TRUSTED_SINGLE_GAP = math.inf
# A gap may be at most this multiple of the gap the belief without the job's pace allows (the estimate's law
# and what the level reached meant before): readings of a jumpy job that lag its truth can look like a
# steady slow pace (23 % at 65 s, 42 % at 126 s, 57 % at 179 s, done at 193 s) and had stretched the gap to
# 40 s while the estimate said "may be done any moment"; the clip waited 26.7 s (bench, estimate low, seed
# 1). The multiple was set once, not tuned; the pace still stretches gaps 3× where the estimate alone would
# poll.
PACE_GUARD = 3.0
# On a record with jumpy jobs, the pace itself is doubted by a share of the record's jobs off any curve
# (counted generously, `_off_curve`): their readings can lag the truth at a steady pace, and the guard above
# still let such a job's gap stretch to 3x. One read 24, 41 and 59 % a minute apart, a pace that said "done
# at 300 s" while its estimate said "any moment"; done at 212 s, it waited 20.3 s (bench, as described, seed
# 60; estimate low, seed 92: 17.7 s). At a quarter, the worst wait on fresh seeds 90-92 was 10.6 s, for
# 0.006-0.014x more calls (chosen on seeds 46 and 60; 0.5: the same tails for twice the calls). Not on a
# record of curves, which has no such jobs, nor before the record has learned any curve (a fresh database:
# no sign of jumpy jobs yet).
PACE_RECORD_DOUBT = 0.25
PRODUCT_KEEP = 40  # the heaviest components kept of the estimate's law × the progress record's
# Push mode: the first safety-net poll comes at this multiple of the predicted duration.
PUSH_SAFETY_FACTOR = 2.0
PUSH_MAX_GAP_FACTOR = 4.0  # × max_interval, the sparsest a safety net gets
SQRT2 = math.sqrt(2.0)


@dataclass(frozen=True)
class PollPlan:
    delay: float
    predicted_finish: float  # absolute time (same clock as `now`): the median of the belief


@dataclass(frozen=True)
class ProgressRead:
    """What the progress log says about the finish, read defensively (times since submit)."""

    mu: float  # log of the progress-based finish
    sigma: float  # its spread (log-seconds)
    trust: float  # prior probability that progress means something at all
    high: int  # the highest progress seen
    stalled_for: float  # seconds the highest value has been seen without a newer high
    levels: int = 1  # distinct highs seen


def record_progress(
    progress_log: Sequence[tuple[float, int]], now: float, progress: float | None, *, keep: int = 8
) -> list[tuple[float, int]]:
    """The progress log after a poll at `now` saw `progress`: what `read_progress` needs, bounded.

    A value repeated across polls keeps its first sighting and its latest one only, so a long stall
    stays visible in a short log instead of pushing the history out.
    """
    log = list(progress_log)
    if progress is None or progress <= 0:
        return log[-keep:]
    value = int(progress)
    if len(log) >= 2 and log[-1][1] == value and log[-2][1] == value:
        log[-1] = (now, value)
    else:
        log.append((now, value))
    return log[-keep:]


def read_progress(
    progress_log: Sequence[tuple[float, int]], *, now: float, submitted_at: float
) -> ProgressRead | None:
    """A log-normal guess of the finish from (time, progress) readings; None when progress says nothing."""
    points = [(t - submitted_at, p) for t, p in progress_log if 0 < p < 100 and t >= submitted_at]
    if not points:
        return None
    unsteady = 0.0  # spread of log(pace) between highs
    # New highs only (a step back is noise, not news), each dated between the reading before and its own.
    highs: list[tuple[float, int]] = []  # (reached, value)
    seen_at: list[float] = []  # when each high was first seen
    seen_high = 0.0
    went_back = False
    prev_t: float | None = None
    before_high = 0.0  # the last reading before the current high was first seen
    for t, p in points:
        if highs and p < highs[-1][1]:
            went_back = True
        if not highs or p > highs[-1][1]:
            highs.append(((prev_t + t) / 2 if prev_t is not None else t, p))
            seen_at.append(t)
            seen_high = t
            before_high = t if prev_t is None else prev_t
        prev_t = t
    rel_now = max(now - submitted_at, points[-1][0])
    reached, high = highs[-1]
    stalled = max(0.0, rel_now - seen_high)
    left = (100 - high) / 100
    if len(highs) == 1:
        # One level: as if it moved evenly since the submit; the curve and the queue are unknown.
        guesses = [math.log(max(1e-3, seen_high * 100 / high))]
        sigma2 = (SIGMA_SINGLE * math.log(100 / high)) ** 2
    else:
        p0 = highs[0][1]
        pa = highs[-2][1]
        # The recent pace carried on, and a power curve from the submit through the first and last highs.
        guesses = [math.log(seen_high + left * 100 * (seen_high - seen_at[-2]) / (high - pa))]
        if seen_high > seen_at[0] and high > p0:
            gamma = math.log(high / p0) / math.log(seen_high / max(seen_at[0], 1e-3))
            gamma = min(GAMMA_MAX, max(1 / GAMMA_MAX, gamma))
            guesses.append(math.log(seen_high) + math.log(100 / high) / gamma)
        span_t, span_p = seen_high - seen_at[0], high - p0
        # Paces between highs as seen (a smooth curve is current when read; a jump's moment is unknown and
        # shows up as an erratic pace instead).
        seen = list(zip(seen_at, (p for _, p in highs), strict=True))
        rates = [(pb - pa) / (tb - ta) for (ta, pa), (tb, pb) in itertools.pairwise(seen) if tb > ta]
        if len(rates) >= 2:
            # Erratic, not merely curving: the change of log(pace) from one span to the next.
            logs = [math.log(r) for r in rates]
            steps = [b - a for a, b in itertools.pairwise(logs)]
            unsteady = math.sqrt(sum(x * x for x in steps) / (2 * len(steps)))
        # The time left is known to a share (the pace may change, integer progress over a short span,
        # an erratic pace); the finish, to that share of the time left.
        finish = math.exp(sum(guesses) / len(guesses))
        share = max(0.0, finish - seen_high) / finish
        # The share of the last step's time that progress sat (the high before it seen again, or less):
        # a stall then a jump is no pace at all, however steady the two points look.
        sat = max(0.0, before_high - seen_at[-2]) / max(seen_high - seen_at[-2], 1e-3)
        pace = SIGMA_PACE + 1.0 / span_p + STEP_DOUBT / (high - pa) + unsteady + SIGMA_SAT * sat
        dating = 0.5 * (seen_high - reached) / max(span_t, 1e-3) * share
        sigma2 = (pace * share) ** 2 + dating**2
    mu = sum(guesses) / len(guesses)
    spread = (max(guesses) - min(guesses)) / 2
    stall = SIGMA_STALL * left * stalled / max(rel_now, 1e-3)
    sigma = math.sqrt(SIGMA_BASE**2 + sigma2 + spread * spread + stall * stall)
    if stalled > 0 and seen_high > 0:
        # However long it sits, the finish stays within reach of the level's first sighting: a spread that
        # grows with log(now / first sighting) keeps the hypothesis alive (conditioned on T > now, its hazard
        # falls like 1/now instead of the hypothesis dying and leaving the estimate alone to judge).
        sigma = max(sigma, STALL_GROW * math.log(max(rel_now, seen_high) / seen_high))
    # Doubt halves with every further distinct reading, and comes back with erratic paces and steps back.
    doubt = (
        DOUBT_FIRST * DOUBT_DECAY ** (len(highs) - 1) * (1 + unsteady) * (DOUBT_BACKWARDS if went_back else 1)
    )
    trust = max(0.0, 1.0 - min(1.0, doubt))
    return ProgressRead(mu, sigma, trust, high, stalled, len(highs))


class _Beliefs(NamedTuple):
    """Distributions of the finish (log-seconds since submit), before conditioning on T > now."""

    full: LogMixture  # everything below
    without_curve: LogMixture | None  # the same without the curve reading (None: it did not join)
    without_pace: LogMixture  # the estimate's law and what the level reached meant before, alone


def _beliefs(
    *,
    now: float,
    submitted_at: float,
    estimated_time: float | None,
    progress_log: Sequence[tuple[float, int]],
    read: ProgressRead | None,
    prior: Prior,
    unit: float,
) -> _Beliefs:
    """The belief about the finish, and the beliefs the guards on its gaps compare it with. `read` is
    `read_progress` of the log; `unit` the poller's min_interval (how old a reading may be is counted
    in it)."""
    plain = _base(
        now=now,
        submitted_at=submitted_at,
        estimated_time=estimated_time,
        progress_log=progress_log,
        read=read,
        prior=prior,
    )
    trusted = _trusted(prior)
    if read is not None and prior.cells is not None and not trusted:
        read = replace(read, trust=read.trust * (1 - PACE_RECORD_DOUBT * min(1.0, _off_curve(prior))))
    other = _with_pace(plain, read, now - submitted_at)
    readings = [(t - submitted_at, p) for t, p in progress_log if 0 < p < 100 and t > submitted_at]
    if not readings or prior.cells is None:
        return _Beliefs(other, None, plain)
    # The progress read as a curve, from the estimate's law joined to what the level reached meant before:
    # for the jobs a poll first saw within that level's band (40-49 % for 40 %), as this job is seen now (a
    # job first seen at 85 % says little of what 42 % means). The rest of the belief keeps the law of every
    # job that crossed the level: jumpy readings lag their truth (78 % where the job was 95 % done), and that
    # law's early finishes are what catch them. The in-band law there too made the mix 0.36x the calls, not
    # 0.42x, but jumpy jobs waited up to 31 s (bench, seeds 1-2); a 30 % share of it there, 17.4 s (seed 35).
    law = prior.ratio.shifted(math.log(estimated_time)) if estimated_time else prior.duration
    record = _progress_record(prior, progress_log, submitted_at, in_band=True)
    if record is not None:
        law = _product(law, record)
    slack = curve.TRUSTED_CURVE_SLACK if trusted else curve.SLACK
    mass, comps = curve.posterior(readings, prior.cells, law.components, unit, slack)
    lt = math.log(max(1e-3, now - submitted_at))
    s_curve = _survival(comps, lt) if mass > 0 else 0.0
    if s_curve <= 0:
        return _Beliefs(other, None, plain)
    # Both judged on "not done at `now`": the curve's mass has it already (no part of it ends before the last
    # reading), the rest of the belief by its survival. How well each explains the readings weighs them.
    s_other = _survival(other.components, lt)
    w_curve = prior.curve_share * mass
    w_other = (1 - prior.curve_share) * curve.OTHER_READING ** len(readings) * s_other / s_curve
    k = min(1 - _curve_doubt(prior), w_curve / (w_curve + w_other)) if s_other > 0 else 1.0
    # Unconditioned weights that, once conditioned on T > now, are k and 1 − k.
    a, b = k / s_curve, (1 - k) / max(s_other, 1e-300)
    a, b = a / (a + b), b / (a + b)
    mixed = LogMixture(
        tuple((w * a, m, sd) for w, m, sd in comps) + tuple((w * b, m, sd) for w, m, sd in other.components)
    )
    return _Beliefs(mixed, other, plain)


def _curve_doubt(prior: Prior) -> float:
    """The least share of the belief kept off the curve reading (see CURVE_DOUBT)."""
    return TRUSTED_DOUBT if _trusted(prior) else min(CURVE_DOUBT, _off_curve(prior))


def _trusted(prior: Prior) -> bool:
    """A record of curves: no more than CURVE_DOUBT_FLOOR of its jobs off any curve, counted generously. Its
    guards are lifted and its belief kept with the smaller margins (TRUSTED_RARE, _BUDGET, _DOUBT)."""
    return _off_curve(prior, TRUST_Z) <= CURVE_DOUBT_FLOOR


def _off_curve(prior: Prior, z: float | None = None) -> float:
    """The record's share of jobs whose progress followed no curve, counted generously (`z` standard errors,
    CURVE_DOUBT_Z unless given)."""
    share = prior.curve_share
    error = math.sqrt(share * (1 - share) / (prior.curve_jobs + 2))
    return 1 - share + (CURVE_DOUBT_Z if z is None else z) * error


def _base(
    *,
    now: float,
    submitted_at: float,
    estimated_time: float | None,
    progress_log: Sequence[tuple[float, int]],
    read: ProgressRead | None,
    prior: Prior,
) -> LogMixture:
    """The belief from the estimate and what the level reached meant before (without the job's pace)."""
    if estimated_time and estimated_time > 0:
        if prior.silent_ratio is not None and _silent(progress_log):
            base = _silent_or_not(prior, math.log(estimated_time), max(1e-3, now - submitted_at))
        else:
            base = prior.ratio.shifted(math.log(estimated_time))
    else:
        base = prior.duration
    if read is None:
        return base
    record = _progress_record(prior, progress_log, submitted_at)
    if record is not None:
        # Two looks at one finish: the estimate, and what the level reached meant before. It joins the pace
        # hypothesis too (the pace then sharpens it): kept out of it, the mix's p95 was 4.90 s, not 4.59 s.
        joined = _product(base, record)
        base = LogMixture(
            tuple((w * (1 - RECORD_DOUBT), m, s) for w, m, s in joined.components)
            + tuple((w * RECORD_DOUBT, m, s) for w, m, s in base.components)
        )
    return base


def _with_pace(base: LogMixture, read: ProgressRead | None, elapsed: float) -> LogMixture:
    """`base` joined by this job's own pace, as a hypothesis weighed by how well it predicted "not done yet
    after `elapsed` seconds"."""
    if read is None or read.trust <= 0:
        return base
    t = max(1e-3, elapsed)
    informed = [_joint((w, mu, s), (1.0, read.mu, read.sigma)) for w, mu, s in base.components]
    total = sum(w for w, _, _ in informed)
    if total <= 0:
        return base
    # Reweigh the two hypotheses by how likely each made "not done yet at `now`".
    lt = math.log(t)
    s_base = _survival(base.components, lt)
    s_inf = sum(w * _tail((lt - m) / s) for w, m, s in informed) / total
    w_inf = read.trust * s_inf
    w_base = (1 - read.trust) * s_base
    if w_inf + w_base <= 0:
        return base
    k_inf = w_inf / (w_inf + w_base) / max(s_inf, 1e-300)
    k_base = w_base / (w_inf + w_base) / max(s_base, 1e-300)
    parts = [(w * k_base, m, s) for w, m, s in base.components]
    parts += [(w / total * k_inf, m, s) for w, m, s in informed]
    norm = sum(w for w, _, _ in parts)
    return LogMixture(tuple((w / norm, m, s) for w, m, s in parts if w > 0))


def _silent_or_not(prior: Prior, log_estimate: float, t: float) -> LogMixture:
    """No progress seen by `t`: a job that never reports any, or one that will once out of its queue.

    The two learned biases, weighted so that once conditioned on T > t (as `_After` does) each weighs by how
    well it explains the silence: a silent job by its share and surviving to t; a job that reports progress
    by its share and a finish late enough that its queue (at most `QUEUE_SHARE` of its run) still hides it.
    """
    assert prior.silent_ratio is not None
    silent = prior.silent_ratio.shifted(log_estimate).components
    said = prior.ratio.shifted(log_estimate).components
    lt = math.log(t)
    lq = lt - math.log(QUEUE_SHARE)
    # Each component of the "reports progress" bias by its own chance of a finish late enough to hide in the
    # queue until now (relative to surviving to now, which conditioning on T > t divides back out): the
    # learned components are narrow, so this all but cuts that hypothesis to T > t / QUEUE_SHARE, instead
    # of keeping the finishes between t and t / QUEUE_SHARE that its silence already rules out.
    said_parts: list[Component] = []
    for w, m, s in said:
        now_tail = _tail((lt - m) / s)
        if now_tail > 0:
            said_parts.append(((1 - prior.silent_share) * w * _tail((lq - m) / s) / now_tail, m, s))
    parts = [(prior.silent_share * w, m, s) for w, m, s in silent] + said_parts
    total = sum(w for w, _, _ in parts)
    if total <= 0:
        return LogMixture(silent)
    return LogMixture(tuple((w / total, m, s) for w, m, s in parts if w > 0))


def _progress_record(
    prior: Prior, progress_log: Sequence[tuple[float, int]], submitted_at: float, *, in_band: bool = False
) -> LogMixture | None:
    """What the highest level this job has crossed meant for past jobs, in log-seconds since submit: for the
    jobs that crossed it, or (`in_band`, when learned) for those a poll first saw within its band."""
    for level, at in reversed(sightings(progress_log, submitted_at)):
        law = prior.calibrated(level)
        if law is None:
            continue
        banded = prior.calibrated(level, in_band=True) if in_band else None
        return (banded or law).shifted(math.log(at))
    return None


def _product(a: LogMixture, b: LogMixture) -> LogMixture:
    """Two independent laws of one finish: their normalised product (each pair of components, weighed by how
    well they agree), the heaviest `PRODUCT_KEEP` components kept."""
    parts = [_joint(ca, cb) for ca in a.components for cb in b.components]
    parts = [c for c in parts if c[0] > 0]
    parts.sort(reverse=True)
    kept = parts[:PRODUCT_KEEP]
    total = sum(w for w, _, _ in kept)
    if total <= 0:
        return a
    return LogMixture(tuple((w / total, m, s) for w, m, s in kept))


def _joint(a: Component, b: Component) -> Component:
    """Two normals in log space of one finish, multiplied: a narrower one, weighed by how well they agree."""
    wa, ma, sa = a
    wb, mb, sb = b
    v = sa * sa + sb * sb
    w = wa * wb * math.exp(-((ma - mb) ** 2) / (2 * v)) / math.sqrt(v)
    return w, (ma * sb * sb + mb * sa * sa) / v, math.sqrt(sa * sa * sb * sb / v)


def _silent(progress_log: Sequence[tuple[float, int]]) -> bool:
    """No poll has seen progress yet."""
    return not any(p > 0 for _, p in progress_log)


def _tail(z: float) -> float:
    return 0.5 * math.erfc(z / SQRT2)


def _survival(components: Sequence[Component], log_t: float) -> float:
    return sum(w * _tail((log_t - mu) / s) for w, mu, s in components)


class _After:
    """The belief conditioned on T > t, with what the gap choice needs: chances and expected lateness."""

    def __init__(self, mix: LogMixture, t: float, silent: bool = False, trusted: bool = False) -> None:
        self.t = max(t, 1e-3)
        self.silent = silent
        # A record of jobs whose progress follows curves: a rarer late finish and more expected delay allowed.
        self.rare_x = TRUSTED_RARE if trusted else 1.0
        self.budget_x = TRUSTED_BUDGET if trusted else 1.0
        self.slack_x = TRUSTED_SLACK if trusted else 1.0
        comps = mix.components
        self.comps = comps
        self.means = [math.exp(mu + s * s / 2) for _, mu, s in comps]
        lt = math.log(self.t)
        self.s_t = _survival(comps, lt)
        self.q_t = self._partial(lt)

    def _partial(self, log_a: float) -> float:
        """E[T; T > a] over the unconditioned belief."""
        return sum(
            w * m * _tail((log_a - mu - s * s) / s)
            for (w, mu, s), m in zip(self.comps, self.means, strict=True)
        )

    def chance_before(self, a: float) -> float:
        """P(T ≤ a | T > t)."""
        if a <= self.t or self.s_t <= 0:
            return 0.0
        return max(0.0, (self.s_t - _survival(self.comps, math.log(a))) / self.s_t)

    def lateness(self, a: float) -> float:
        """E[(a − T)⁺ | T > t]: the delay a poll at `a` adds on average."""
        if a <= self.t or self.s_t <= 0:
            return 0.0
        la = math.log(a)
        inside = self.s_t - _survival(self.comps, la)
        return max(0.0, (a * inside - (self.q_t - self._partial(la))) / self.s_t)

    def median(self) -> float:
        if self.s_t <= 0:
            return self.t
        lo, hi = math.log(self.t), math.log(self.t) + 1.0
        while _survival(self.comps, hi) > self.s_t / 2 and hi < 30:
            hi += 1.0
        for _ in range(14):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if _survival(self.comps, mid) > self.s_t / 2 else (lo, mid)
        return math.exp((lo + hi) / 2)

    def acceptable(self, gap: float, unit: float) -> bool:
        a = self.t + gap
        if self.lateness(a) > LATE_BUDGET * self.budget_x * unit:
            return False
        d1, d2 = LATE_D1 * unit, LATE_D2 * unit
        slack = SILENT_LATE_RATE * gap / unit if self.silent else LATE_SLACK * self.slack_x
        if gap > d1 and self.chance_before(a - d1) > LATE_SHARE * self.chance_before(a) + slack:
            return False
        return not (gap > d2 and self.chance_before(a - d2) > LATE_RARE * self.rare_x)


def _longest_gap(after: _After, lo: float, hi: float) -> float:
    """The longest acceptable gap on a geometric ladder from `lo` to `hi` (acceptability is monotone)."""
    if hi <= lo:
        return lo
    ratio = (hi / lo) ** (1 / (LADDER - 1))
    good, bad = -1, LADDER
    while bad - good > 1:
        mid = (good + bad) // 2
        if after.acceptable(lo * ratio**mid, lo):
            good = mid
        else:
            bad = mid
    return lo if good < 0 else min(hi, lo * ratio**good)


def plan_next_poll(
    *,
    now: float,
    submitted_at: float,
    estimated_time: float | None,
    progress_log: Sequence[tuple[float, int]],
    prior: Prior,
    min_interval: float,
    max_interval: float,
    rng: random.Random | None = None,
    push_enabled: bool = False,
) -> PollPlan:
    """The delay until the next status poll of a running task."""
    read = read_progress(progress_log, now=now, submitted_at=submitted_at)
    beliefs = _beliefs(
        now=now,
        submitted_at=submitted_at,
        estimated_time=estimated_time,
        progress_log=progress_log,
        read=read,
        prior=prior,
        unit=min_interval,
    )
    # The guards are for jumpy jobs whose readings look like curves: a record where no more than
    # CURVE_DOUBT_FLOOR of the jobs (counted generously) followed none has none to guard against, and its
    # belief is trusted with a smaller margin (TRUSTED_RARE, TRUSTED_BUDGET, TRUSTED_DOUBT).
    guarded = not _trusted(prior)
    after = _After(beliefs.full, now - submitted_at, silent=_silent(progress_log), trusted=not guarded)
    finish = submitted_at + after.median()
    if push_enabled:
        delay = _push_delay(now, submitted_at, finish, min_interval, max_interval)
    else:
        hi = max_interval
        if read is not None and read.levels == 1:
            single = SINGLE_GAP if guarded else TRUSTED_SINGLE_GAP
            hi = min(hi, max(min_interval, single * (now - submitted_at)))
        delay = _longest_gap(after, min_interval, hi)
        if beliefs.without_curve is not None and guarded:
            # The curve may stretch a gap, but not past CURVE_GUARD × the gap the belief without it allows.
            without = _After(beliefs.without_curve, now - submitted_at, silent=_silent(progress_log))
            delay = min(delay, CURVE_GUARD * _longest_gap(without, min_interval, hi))
        if read is not None and read.levels >= 2 and guarded:
            # Nor may the pace stretch one past PACE_GUARD × the gap the belief without it allows.
            plain = _After(beliefs.without_pace, now - submitted_at)
            delay = min(delay, PACE_GUARD * _longest_gap(plain, min_interval, hi))
    if rng is not None:
        delay *= rng.uniform(0.97, 1.03)  # de-synchronise jobs submitted together
    return PollPlan(delay=max(min_interval, delay), predicted_finish=finish)


def _push_delay(
    now: float, submitted_at: float, finish: float, min_interval: float, max_interval: float
) -> float:
    """A callback will wake us: poll only late enough that a working callback has made it unnecessary."""
    safety = submitted_at + PUSH_SAFETY_FACTOR * max(min_interval, finish - submitted_at)
    delay = safety - now if safety > now else max_interval
    return max(min_interval, min(PUSH_MAX_GAP_FACTOR * max_interval, delay))


def plan_first_poll(
    *,
    prior: Prior,
    first_delay: float,
    min_interval: float,
    max_interval: float,
    push_enabled: bool = False,
) -> float:
    """Delay from submit to the first status poll, from the learned durations of this kind of job.

    Polling: one early look (at most `first_delay`) learns the API's `estimated_time`, earlier when jobs
    of this kind may well be done by then. Push: the first safety-net poll waits for a long typical job.
    """
    after = _After(prior.duration, 0.0)
    if push_enabled:
        typical = math.exp(prior.duration.quantile(0.5))
        return max(min_interval, min(PUSH_MAX_GAP_FACTOR * max_interval, PUSH_SAFETY_FACTOR * typical))
    return max(min_interval, min(first_delay, _longest_gap(after, min_interval, max_interval)))


def backoff_delay(attempt: int, *, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter for retrying after an error (attempt starts at 1)."""
    ceiling = min(cap, base * (2.0 ** max(0, attempt - 1)))
    if rng is None:
        return ceiling
    return max(base, rng.uniform(ceiling / 2, ceiling))
