"""The kill storm: the real `python -m bot` SIGKILLed at moments chosen from the wire, then audited.

`Storm` drives one seeded run against the fakes: members start jobs (plain prompts, image references, an
Extend), and the bot process is killed inside the fakes' request handlers (see tests/fakes/hooks.py) right
after a request took effect on the other side and before its answer went back:

- ``submit``: a submit POST reached the API and its task exists;
- ``card``: a job card (embed footer "Job #N", no attachment) was posted to Discord;
- ``completed``: a status poll answering ``completed`` was built;
- ``mp4``: a message carrying an MP4 was stored (posted or edited in);
- ``ping``: a message pinging a member was stored;
- ``random``: at a seeded random time.

After each kill the bot is restarted on the same database. After the last one every job is allowed to end,
the bot is stopped with SIGTERM, and `audit` counts from the wire (the fakes' records) and the database
(read-only) what each member saw.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import random
import re
import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.jobs.sentences import SHUTTING_DOWN_SENTENCE
from bot.store import Store
from tests.conftest import BotProcess, job_number
from tests.fakes.fake_apimart import FakeApiMart, FakeTask, Timeline
from tests.fakes.fake_discord import FakeDiscord, FakeFile, FakeInteraction, FakeMessage, FakeUser
from tests.fakes.media import make_jpeg, make_png
from tests.stores import ON_POSTGRES, database_url_for

UNFINISHED = ("accepted", "submitting", "submitted", "running", "completed", "delivering")
ENDED = ("delivered", "rejected", "submit_unknown", "failed", "cancelled", "timed_out")
HOOKED = ("submit", "card", "completed", "mp4", "ping")
MOMENTS = (*HOOKED, "random")
IN_PROGRESS_TITLES = ("⏳", "🎬", "📦")

HOOK_WAIT = 8.0  # seconds to wait for an armed wire moment before killing at a random time instead
START_TIMEOUT = 30.0
SETTLE_TIMEOUT = 30.0  # after the last restart: every job must have ended by then


# ------------------------------------------------------------------------------------------ records


@dataclasses.dataclass
class Kill:
    n: int
    moment: str  # one of MOMENTS, or "random (no <moment> within 10 s)"
    generation: int  # which bot process (1 = the first start)
    at: float  # time.monotonic()
    detail: str
    submitting: set[str] = dataclasses.field(default_factory=set)  # prompts of rows in 'submitting' then
    wall: float = 0.0  # time.time(), the store's clock


@dataclasses.dataclass
class Issued:
    """A command a member ran: a /video, or an Extend modal submit."""

    prompt: str
    user: FakeUser
    kind: str  # "video" | "extend"
    generation: int
    interaction: FakeInteraction
    parent_card: FakeMessage | None = None
    pending_at_kill: int | None = None  # the kill that caught it waiting for its answer
    guild_id: int | None = None  # where it was asked (several processes: the shard that got it)


@dataclasses.dataclass
class SubmitSeen:
    prompt: str
    task_id: str
    generation: int
    at: float  # time.monotonic()


@dataclasses.dataclass
class Row:
    id: int
    status: str
    prompt: str
    announced: int
    task_id: str | None
    card_message_id: int | None
    ping_message_id: int | None
    user_id: int


@dataclasses.dataclass
class Tally:
    seed: int
    jobs: int = 0
    delivered: int = 0
    told: int = 0
    lost: int = 0
    duplicates: int = 0
    double_pings: int = 0
    blind_resubmits: int = 0
    unconfirmed: int = 0
    unconfirmed_unsent: int = 0  # killed while its submit was in flight, and the POST never arrived
    unconfirmed_unexplained: int = 0
    not_admitted: int = 0
    refused: int = 0
    unpinged_deliveries: int = 0
    mid_command: int = 0  # commands a kill caught waiting for their answer (admitted or not)
    kills: list[Kill] = dataclasses.field(default_factory=list)
    problems: list[str] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)  # how the unusual-but-fine cases ended
    elapsed: float = 0.0
    exit_code: int | None = None

    COUNTS = (
        "jobs",
        "delivered",
        "told",
        "lost",
        "duplicates",
        "double_pings",
        "blind_resubmits",
        "unconfirmed",
        "unconfirmed_unsent",
        "unconfirmed_unexplained",
        "not_admitted",
        "refused",
        "unpinged_deliveries",
        "mid_command",
    )

    def kill_mix(self) -> str:
        counts: dict[str, int] = {}
        for k in self.kills:
            key = k.moment.split(" ")[0]
            counts[key] = counts.get(key, 0) + 1
        return ", ".join(f"{m} {counts[m]}" for m in MOMENTS if m in counts)

    def assert_nothing_lost(self, details: str, *, why_no_refusals: str) -> None:
        """The four zeros (no job lost, posted twice, pinged twice or re-sent blind), no unconfirmed job
        without a kill mid-submit, no refused command, and a clean SIGTERM exit."""
        assert self.lost == 0, f"jobs lost:\n{details}"
        assert self.duplicates == 0, f"duplicate posts:\n{details}"
        assert self.double_pings == 0, f"double pings:\n{details}"
        assert self.blind_resubmits == 0, f"blind re-submits:\n{details}"
        assert self.unconfirmed_unexplained == 0, f"unconfirmed without a kill mid-submit:\n{details}"
        assert self.refused == 0, f"refused commands ({why_no_refusals}):\n{details}"
        assert self.exit_code == 0, f"SIGTERM exit code {self.exit_code}\n{details}"

    def line(self) -> str:
        counts = {name: int(getattr(self, name)) for name in self.COUNTS}
        return (
            f"seed {self.seed}: {_counts_text(counts)}; {len(self.kills)} kills ({self.kill_mix()}); "
            f"SIGTERM exit {self.exit_code}; {self.elapsed:.1f} s"
        )


def _counts_text(c: dict[str, int]) -> str:
    return (
        f"{c['jobs']} jobs, {c['delivered']} delivered, {c['told']} told, {c['lost']} LOST, "
        f"{c['duplicates']} duplicate posts, {c['double_pings']} double pings, "
        f"{c['blind_resubmits']} blind re-submits, {c['unconfirmed']} unconfirmed "
        f"({c['unconfirmed_unsent']} never reached the API, {c['unconfirmed_unexplained']} unexplained), "
        f"{c['not_admitted']} not admitted (killed mid-command), {c['refused']} refused, "
        f"{c['unpinged_deliveries']} delivered without a ping, {c['mid_command']} commands caught mid-answer"
    )


def summary_line(tallies: list[Tally]) -> str:
    if not tallies:
        return "kill storm: no seed ran"
    total = {name: sum(int(getattr(t, name)) for t in tallies) for name in Tally.COUNTS}
    kills = sum(len(t.kills) for t in tallies)
    elapsed = sum(t.elapsed for t in tallies)
    return f"kill storm, {len(tallies)} seeds: {_counts_text(total)}; {kills} kills; {elapsed:.1f} s"


# ------------------------------------------------------------------------------------------ helpers


def is_bot_message(fd: FakeDiscord, m: FakeMessage) -> bool:
    return m.author.id == fd.bot_user.id and not m.ephemeral


def has_mp4(m: FakeMessage) -> bool:
    return any(
        a.filename.lower().endswith(".mp4") or (a.content_type or "").startswith("video/")
        for a in m.attachments
    )


def title(m: FakeMessage) -> str:
    return str(m.embeds[0].get("title") or "") if m.embeds else ""


def is_final(m: FakeMessage) -> bool:
    return bool(m.embeds) and not title(m).startswith(IN_PROGRESS_TITLES)


def is_card_without_clip(m: FakeMessage) -> bool:
    return job_number(m) is not None and not m.attachments


def answered(ia: FakeInteraction) -> bool:
    return ia.original is not None and not ia.original.loading


_ROW_SQL = (
    "SELECT id, status, prompt, announced, task_id, card_message_id, ping_message_id, user_id "
    "FROM jobs ORDER BY id"
)


def read_rows(db: Path) -> list[Row]:
    """The jobs table of a SQLite file, read-only (the bot may be running)."""
    if not db.exists():
        return []
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return [Row(*r) for r in con.execute(_ROW_SQL).fetchall()]
    finally:
        con.close()


class RowReader:
    """The jobs table of the test's store at `db`, read without taking part: the SQLite file read-only, or
    (TEST_DATABASE_URL) its PostgreSQL schema through `bot.store` (`Store.connect` + `fetch_raw`)."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._store: Store | None = None

    async def rows(self) -> list[Row]:
        if not ON_POSTGRES:
            return read_rows(self.db)
        return [Row(*r) for r in await self.query(_ROW_SQL)]

    async def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Any read-only query of the store's SQL (`?` placeholders), as tuples."""
        if not ON_POSTGRES:
            if not self.db.exists():
                return []
            con = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=5)
            try:
                return [tuple(r) for r in con.execute(sql, params).fetchall()]
            finally:
                con.close()
        if self._store is None:
            self._store = await Store.connect(database_url_for(self.db), pool_size=2)
        return [tuple(r) for r in await self._store.fetch_raw(sql, params)]

    async def close(self) -> None:
        if self._store is not None:
            await self._store.close()
            self._store = None


# ------------------------------------------------------------------------------------------ the storm


class Storm:
    def __init__(
        self,
        seed: int,
        fd: FakeDiscord,
        fa: FakeApiMart,
        proc: BotProcess,
        db: Path,
        *,
        videos: int = 13,
        kills: int = 12,
    ) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.fd, self.fa, self.proc, self.db = fd, fa, proc, db
        self.reader = RowReader(db)
        self.generation = 0
        self.kills: list[Kill] = []
        self.issued: list[Issued] = []
        self.submits: list[SubmitSeen] = []
        self.killed = asyncio.Event()
        self.users = [fd.add_user(n) for n in ("alice", "bob", "carol", "dave", "erin")]
        self.plan = self._plan(kills)
        self.video_specs = self._video_specs(videos)
        self.storm_extends = 1  # pressed while the kills go on
        self.calm_extends = 1  # pressed after the last kill, so every seed has an Extend that must finish
        self.fail_prompts = {s[1] for s in self.rng.sample(self.video_specs, 2)}
        self.started = time.monotonic()
        self.exit_code: int | None = None

    # ---- the plan ------------------------------------------------------------------------------

    def _plan(self, kills: int) -> list[str]:
        plan = list(MOMENTS)
        plan += self.rng.choices(
            ["submit", "completed", "mp4", "ping", "random", "random"], k=kills - len(plan)
        )
        self.rng.shuffle(plan)
        return plan

    def _video_specs(self, n: int) -> list[tuple[FakeUser, str, dict[str, FakeFile], str]]:
        subjects = ["a fox", "a lighthouse", "a tram", "two otters", "a kite", "a robot", "a comet"]
        places = ["in the rain", "at dawn", "under water", "on the moon", "in a library", "at a market"]
        specs = []
        for i in range(n):
            user = self.users[i % len(self.users)]
            prompt = f"storm {self.seed}-{i:02d}: {self.rng.choice(subjects)} {self.rng.choice(places)}"
            files: dict[str, FakeFile] = {}
            if i % 3 == 1:
                files["image1"] = FakeFile(f"ref{i}.png", make_png(color=(i * 17 % 256, 90, 160)))
                if i % 2:
                    files["image2"] = FakeFile(f"ref{i}.jpg", make_jpeg(color=(40, i * 29 % 256, 90)))
            aspect = self.rng.choice(["16:9", "9:16"])
            specs.append((user, prompt, files, aspect))
        return specs

    # ---- the bot process -----------------------------------------------------------------------

    @property
    def alive(self) -> bool:
        p = self.proc.proc
        return p is not None and p.returncode is None and not self.killed.is_set()

    async def start(self) -> None:
        self.generation += 1
        before = self.fd.identify_count
        self.killed.clear()
        await self.proc.start()
        assert self.proc.proc is not None
        child = self.proc.proc

        def up_or_dead() -> bool:
            return (self.fd.identify_count > before and self.fd.gateway.ready) or child.returncode is not None

        await self.fd.wait_until(up_or_dead, timeout=START_TIMEOUT)
        if child.returncode is not None:
            raise AssertionError(
                f"the bot exited with {child.returncode} during start-up; log tail:\n{self.log_tail()}"
            )

    def kill_now(self, moment: str, detail: str) -> None:
        """SIGKILL the bot right now (called from inside a fake's request handler, or by a timer)."""
        if not self.alive:
            return
        assert self.proc.proc is not None
        os.kill(self.proc.proc.pid, signal.SIGKILL)
        kill = Kill(len(self.kills) + 1, moment, self.generation, time.monotonic(), detail)
        self.kills.append(kill)
        for job in self.issued:
            if job.pending_at_kill is None and not answered(job.interaction):
                job.pending_at_kill = kill.n
        self.killed.set()

    async def restart(self) -> None:
        child = self.proc.proc
        assert child is not None
        await child.wait()
        self.proc.proc = None
        kill = self.kills[-1]
        # Which submits were in flight: the rows the dead process left in 'submitting'.
        kill.submitting = {r.prompt for r in await self.reader.rows() if r.status == "submitting"}
        with self.proc.log_path.open("a") as log:
            log.write(f"==== kill storm: SIGKILL #{kill.n} at {kill.moment}: {kill.detail} ====\n")
        await self.start()

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.proc.output().splitlines()[-lines:])

    # ---- observers on the wire -----------------------------------------------------------------

    def observe(self) -> None:
        def submitted(task: FakeTask) -> None:
            prompt = str(task.body.get("prompt") or "")
            self.submits.append(SubmitSeen(prompt, task.id, self.generation, time.monotonic()))
            if prompt in self.fail_prompts:
                task.timeline = dataclasses.replace(task.timeline, outcome="failed")

        self.fa.on("submit", submitted)

    def _arm(self, moment: str) -> Callable[[], None]:
        def kill_on_task(task: FakeTask) -> None:
            self.kill_now(moment, f"task {task.id} ({task.body.get('prompt')!r})")

        def kill_on_message(m: FakeMessage) -> None:
            what = f"card of job #{job_number(m)}" if job_number(m) is not None else repr(m.content[:60])
            self.kill_now(moment, f"message {m.id}: {what}")

        if moment == "submit":
            return self.fa.on("submit", kill_on_task, once=True)
        if moment == "completed":
            return self.fa.on("completed", kill_on_task, once=True)
        if moment == "card":
            return self.fd.on("message", kill_on_message, when=is_card_without_clip, once=True)
        if moment in ("mp4", "ping"):
            return self.fd.on(moment, kill_on_message, once=True)
        raise AssertionError(moment)

    # ---- members acting ------------------------------------------------------------------------

    def _timeline(self) -> None:
        finish = self.rng.uniform(0.5, 1.6)
        self.fa.default_timeline = Timeline.quick(finish_at=finish, progress=(20, 60, 90), estimated_time=1)

    async def _video(self) -> None:
        user, prompt, files, aspect = self.video_specs.pop(0)
        self._timeline()
        options: dict[str, Any] = {"prompt": prompt, "aspect_ratio": aspect}
        ia = await self.fd.slash(user, "video", options, attachments=files or None)
        self.issued.append(Issued(prompt, user, "video", self.generation, ia))

    def _extendable(self) -> FakeMessage | None:
        cards = [
            m
            for m in self.fd.channel.messages
            if is_bot_message(self.fd, m) and has_mp4(m) and m.button("Extend") is not None and is_final(m)
        ]
        return self.rng.choice(cards) if cards else None

    async def _extend(self, card: FakeMessage) -> bool:
        """A member presses Extend and submits the modal; False when the bot died before the modal opened."""
        owner = next((u for u in self.users if f"<@{u.id}>" in card.text), None)
        user = self.rng.choice([u for u in self.users if u is not owner] or self.users)
        button = card.button("Extend")
        assert button is not None
        click = await self.fd.click(user, card, str(button["custom_id"]))
        await self.fd.wait_until(lambda: bool(click.responses) or not self.alive, timeout=8)
        if not click.responses or click.responses[0].type != 9 or not self.alive:
            return False  # the bot died before the modal opened: the member will press again later
        opened = click.responses[0]
        n = sum(1 for j in self.issued if j.kind == "extend") + 1
        prompt = f"storm {self.seed}-x{n}: and then it all flies away"
        self._timeline()
        ia = await self.fd.submit_modal(user, str(opened.data["custom_id"]), {"prompt": prompt}, message=card)
        self.issued.append(Issued(prompt, user, "extend", self.generation, ia, parent_card=card))
        return True

    async def _issue(self, rounds_left: int, moment: str) -> None:
        """Start this round's share of the remaining jobs (at least one when the moment needs new work)."""
        share = -(-len(self.video_specs) // max(1, rounds_left))
        if moment in ("submit", "card") or self.rng.random() < 0.5:
            share = max(share, 1)
        if len(self.video_specs) > rounds_left and self.rng.random() < 0.3:
            share += 1  # a burst, while every later round still gets a job of its own
        share = min(len(self.video_specs), share)
        for _ in range(share):
            if not self.alive:
                return
            await self._video()
        if self.storm_extends and self.alive and rounds_left <= len(self.plan) - 3:
            card = self._extendable()
            if card is not None and self.rng.random() < 0.6 and await self._extend(card):
                self.storm_extends -= 1

    # ---- the run -------------------------------------------------------------------------------

    async def _kill_at(self, moment: str, rounds_left: int) -> None:
        disarm = self._arm(moment) if moment in HOOKED else (lambda: None)
        try:
            await self._issue(rounds_left, moment)
            wait = HOOK_WAIT if moment in HOOKED else self.rng.uniform(0.05, 2.5)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.killed.wait(), wait)
        finally:
            disarm()
        child = self.proc.proc
        if not self.killed.is_set() and child is not None and child.returncode is not None:
            raise AssertionError(
                f"the bot exited by itself ({child.returncode}); log tail:\n{self.log_tail()}"
            )
        if not self.killed.is_set():
            label = "random" if moment == "random" else f"random (no {moment} within {HOOK_WAIT:g} s)"
            rows = await self.reader.rows()
            busy = ", ".join(f"#{r.id} {r.status}" for r in rows if r.status in UNFINISHED or not r.announced)
            self.kill_now(label, f"jobs in flight: {busy or 'none'}")

    async def run(self) -> None:
        self.observe()
        await self.start()
        for i, moment in enumerate(self.plan):
            await self._kill_at(moment, len(self.plan) - i)
            await self.restart()
        # The storm is over: the last jobs go in, then everything is allowed to finish.
        while self.video_specs:
            await self._video()
        for _ in range(self.storm_extends + self.calm_extends):
            await self.fd.wait_until(lambda: self._extendable() is not None, timeout=20)
            card = self._extendable()
            assert card is not None
            if not await self._extend(card):
                raise AssertionError("the Extend modal did not open with the bot running")
        await self.settle()
        assert self.proc.proc is not None
        self.exit_code = await asyncio.wait_for(self.proc.terminate(), 20)

    async def _settled(self) -> bool:
        return settled(await self.reader.rows(), self.issued)

    async def settle(self) -> None:
        """Complete whatever still runs at the API, then wait (bounded) until every job has ended."""
        for task in list(self.fa.tasks.values()):
            if not task.is_terminal and task.timeline.outcome != "failed":
                self.fa.complete(task.id)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SETTLE_TIMEOUT
        while not await self._settled() and loop.time() < deadline:
            await next_event(self.fd, min(0.5, max(0.01, deadline - loop.time())))

    # ---- the audit -----------------------------------------------------------------------------

    async def audit(self) -> Tally:
        tally = Tally(self.seed, kills=list(self.kills), exit_code=self.exit_code)
        tally.elapsed = time.monotonic() - self.started
        try:
            rows = await self.reader.rows()
        finally:
            await self.reader.close()
        return audit(tally, self.fd, self.fa, self.issued, self.submits, rows)


# ------------------------------------------------------------------------------------------ the audit


def settled(rows: list[Row], issued: list[Issued]) -> bool:
    """Every job has ended and its member was told; every command was answered (or a kill caught it)."""
    if any(r.status not in ENDED or not r.announced for r in rows):
        return False
    return all(answered(j.interaction) or j.pending_at_kill is not None for j in issued)


async def next_event(fd: FakeDiscord, timeout: float) -> None:
    """Until the bot's next request to the fake Discord, or `timeout` (a database write after the bot's
    last request shows up without any wire event)."""
    seen = len(fd.requests)
    with contextlib.suppress(TimeoutError):
        await fd.wait_until(lambda: len(fd.requests) != seen, timeout=timeout)


def audit(
    tally: Tally,
    fd: FakeDiscord,
    fa: FakeApiMart,
    issued: list[Issued],
    submits: list[SubmitSeen],
    rows: list[Row],
) -> Tally:
    """Count, from the wire (the fakes' records) and the job rows, what each member saw: lost jobs,
    duplicate posts, double pings, blind re-submits. `tally.kills` says which process generations were
    killed (their submits may end "unconfirmed") and what was in flight then."""
    by_prompt: dict[str, list[Row]] = {}
    for r in rows:
        by_prompt.setdefault(r.prompt, []).append(r)
    tasks: dict[str, list[FakeTask]] = {}
    for t in fa.tasks.values():
        tasks.setdefault(str(t.body.get("prompt") or ""), []).append(t)
    bot_msgs = [m for m in fd.messages.values() if is_bot_message(fd, m)]
    kills = tally.kills
    killed_gens = {k.generation for k in kills}
    mapped: set[int] = set()
    problem, note = tally.problems.append, tally.notes.append

    for job in issued:
        tally.jobs += 1
        p = job.prompt
        job_rows, job_tasks = by_prompt.get(p, []), tasks.get(p, [])
        ia = job.interaction
        answer = ia.original.text if ia.original is not None and answered(ia) else ""
        mid = job.pending_at_kill is not None and not answered(ia)
        tally.mid_command += mid
        if len(job_tasks) > 1:
            tally.blind_resubmits += len(job_tasks) - 1
            problem(f"{p!r}: {len(job_tasks)} tasks created at the API ({[t.id for t in job_tasks]})")
        if not job_rows:
            if job_tasks:
                tally.lost += 1
                problem(f"{p!r}: submitted to the API but the bot has no row for it")
            elif "on its way" in answer:
                tally.lost += 1
                problem(f"{p!r}: answered {answer!r} but no row")
            elif mid:
                tally.not_admitted += 1
                note(f"{p!r}: not admitted, kill #{job.pending_at_kill} caught the command; nothing sent")
            elif answer == SHUTTING_DOWN_SENTENCE.render():
                tally.not_admitted += 1
                note(f"{p!r}: not admitted, it came while its process drained (told to try again)")
            elif answer:
                tally.refused += 1
                problem(f"{p!r}: refused: {answer!r}")
            else:
                tally.lost += 1
                problem(f"{p!r}: never answered, though no kill caught it")
            continue
        if len(job_rows) > 1:
            tally.duplicates += len(job_rows) - 1
            problem(f"{p!r}: {len(job_rows)} job rows {[r.id for r in job_rows]}")
        row = job_rows[0]
        said = re.search(r"on its way as job #(\d+)", answer)
        if said and int(said.group(1)) != row.id:
            tally.lost += 1
            problem(f"{p!r}: the answer names job #{said.group(1)}, but its row is job #{row.id}")
        cards = [m for m in bot_msgs if job_number(m) == row.id]
        clips = [
            m
            for m in bot_msgs
            if has_mp4(m)
            and (job_number(m) == row.id or any(a.filename == f"video-{row.id}.mp4" for a in m.attachments))
        ]
        card_ids = {c.id for c in cards}
        pings = [
            m
            for m in bot_msgs
            if row.user_id in m.pinged_user_ids
            and (
                (m.message_reference and int(m.message_reference.get("message_id") or 0) in card_ids)
                or f"#{row.id} " in f"{m.content} "
                or f"#{row.id})" in m.content
            )
        ]
        mapped.update(m.id for m in [*cards, *clips, *pings])
        if len(cards) > 1:
            tally.duplicates += len(cards) - 1
            problem(f"job #{row.id} {p!r}: {len(cards)} cards")
        if len(clips) > 1:
            tally.duplicates += len(clips) - 1
            problem(f"job #{row.id} {p!r}: {len(clips)} messages carry its MP4")
        if len(pings) > 1:
            tally.double_pings += len(pings) - 1
            problem(f"job #{row.id} {p!r}: {len(pings)} pings")
        live = [c for c in cards if not c.deleted]
        shown = ", ".join(repr(title(c)) for c in live) or "no card"
        if job.kind == "extend" and job.parent_card is not None and row.task_id is not None:
            parent = job_number(job.parent_card)
            parent_row = next((r for r in rows if r.id == parent), None)
            sent = next((t for t in job_tasks if t.id == row.task_id), None)
            if parent_row and sent and sent.body.get("extend_from_task_id") != parent_row.task_id:
                problem(
                    f"job #{row.id}: extends {sent.body.get('extend_from_task_id')}, not the clicked clip"
                )
        if row.status in UNFINISHED or row.status not in ENDED:
            tally.lost += 1
            problem(f"job #{row.id} {p!r}: never ended (status {row.status}; card {shown})")
            continue
        if row.status == "delivered":
            if any(is_final(c) and (has_mp4(c) or "Download" in c.text) for c in live):
                tally.delivered += 1
                if not pings:
                    tally.unpinged_deliveries += 1
                    problem(f"job #{row.id} {p!r}: delivered without a ping")
            else:
                tally.lost += 1
                problem(f"job #{row.id} {p!r}: delivered in the database, but the channel shows {shown}")
            continue
        if row.status == "submit_unknown":
            tally.unconfirmed += 1
            caught = [s for s in submits if s.prompt == p and s.generation in killed_gens]
            in_flight = [k for k in kills if p in k.submitting]
            for s in caught:
                k = next(k for k in kills if k.generation == s.generation)
                note(
                    f"job #{row.id} {p!r}: unconfirmed; task {s.task_id} created, "
                    f"then kill #{k.n} ({k.moment})"
                )
            if not caught and in_flight:
                tally.unconfirmed_unsent += 1
                k = in_flight[0]
                note(
                    f"job #{row.id} {p!r}: unconfirmed; kill #{k.n} ({k.moment}) hit while its submit "
                    "was in flight, and the POST never reached the API (nothing was made)"
                )
            if not caught and not in_flight:
                tally.unconfirmed_unexplained += 1
                seen = [s for s in submits if s.prompt == p]
                problem(
                    f"job #{row.id} {p!r}: unconfirmed, but no kill hit while its submit was in flight "
                    f"(submits seen: {seen})"
                )
        if any(is_final(c) for c in live) and pings:
            tally.told += 1
        elif not live and not job_tasks and mid and row.status == "rejected":
            tally.not_admitted += 1  # the row came before the card: nothing posted, nothing sent
            note(f"job #{row.id} {p!r}: not admitted, kill #{job.pending_at_kill} came before its card")
        else:
            tally.lost += 1
            problem(
                f"job #{row.id} {p!r}: ended {row.status} but the member was not told "
                f"(card {shown}; {len(pings)} pings; killed mid-command: {mid})"
            )

    for m in bot_msgs:
        if m.id in mapped:
            continue
        if job_number(m) is not None:
            tally.lost += 1  # a card nobody's job row owns: it can never end
            problem(f"message {m.id}: a card of job #{job_number(m)} ({title(m)!r}) that no job row owns")
        elif has_mp4(m):
            tally.duplicates += 1
            problem(f"message {m.id} carries an MP4 of no known job")
        elif m.pinged_user_ids:
            tally.double_pings += 1
            problem(f"message {m.id} pings {m.pinged_user_ids} for no known job: {m.content[:80]!r}")
    return tally
