"""A fleet: several real `python -m bot` processes, each holding some shards, on ONE PostgreSQL job store.

`Fleet` starts one process per shard of `SHARD_COUNT` (the same `DATABASE_URL` schema for all), one fake
Discord with guilds on every shard and one fake APIMart. Members act in the guilds; the test SIGKILLs,
SIGTERMs and restarts processes; `audit` (tests/reliability/storm.py) then counts what members saw, reading
the job rows through `bot.store`.

Which process sent a submit is known from the wire: the fake API keeps the client's TCP port
(`FakeTask.peer_port`), and psutil says which of our processes owns that socket. That lets a test kill the
process that sent a submit right after it reached the API (its answer never comes back).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

from tests.conftest import BotProcess
from tests.fakes.fake_apimart import FakeApiMart, FakeTask, Timeline
from tests.fakes.fake_discord import FakeChannel, FakeDiscord, FakeGuild, FakeUser
from tests.reliability.storm import (
    Issued,
    Kill,
    Row,
    RowReader,
    SubmitSeen,
    Tally,
    answered,
    audit,
    next_event,
    settled,
)
from tests.stores import database_url_for

START_TIMEOUT = 30.0


@dataclasses.dataclass
class Member:
    """One bot process of the fleet: the shards it holds, its subprocess, which start of it this is."""

    index: int
    shard_ids: tuple[int, ...]
    proc: BotProcess
    generation: int = 0  # fleet-wide number of the current start (0: never started)
    stopped_at: float | None = None  # when it went down (kill or SIGTERM); None while it runs
    # Its client ports to the fake API the moment it was SIGKILLed: submits it had already written to those
    # sockets reach the fake's handler after its death, when psutil can no longer name the sender.
    ports_at_kill: frozenset[int] = frozenset()

    @property
    def alive(self) -> bool:
        p = self.proc.proc
        return p is not None and p.returncode is None

    @property
    def pid(self) -> int | None:
        return self.proc.proc.pid if self.proc.proc is not None else None


class Fleet:
    def __init__(
        self,
        fd: FakeDiscord,
        fa: FakeApiMart,
        tmp_path: Path,
        *,
        shard_count: int = 3,
        guilds_per_shard: int = 1,
        members_per_guild: int = 2,
        env: dict[str, str] | None = None,
    ) -> None:
        self.fd, self.fa = fd, fa
        self.shard_count = shard_count
        self.db = tmp_path / "data" / "bot.sqlite3"  # stands for the shared PostgreSQL schema
        self.url = database_url_for(self.db)
        assert self.url, "a fleet shares one PostgreSQL store: set TEST_DATABASE_URL"
        self.reader = RowReader(self.db)
        self.generations = 0
        self.kills: list[Kill] = []
        self.issued: list[Issued] = []
        self.submits: list[SubmitSeen] = []
        self.sent_by: dict[str, int] = {}  # task id -> generation of the process that submitted it
        self.started = time.monotonic()
        self.guilds: dict[int, list[FakeGuild]] = {
            s: [fd.add_guild(f"shard{s}-g{g}", shard=(s, shard_count)) for g in range(guilds_per_shard)]
            for s in range(shard_count)
        }
        self.users: dict[int, list[FakeUser]] = {
            guild.id: [fd.add_user(f"{guild.name}-m{m}", guild=guild) for m in range(members_per_guild)]
            for guilds in self.guilds.values()
            for guild in guilds
        }
        base = self._env(tmp_path)
        base.update(env or {})
        self.members = [
            Member(s, (s,), BotProcess({**base, "SHARD_IDS": str(s)}, tmp_path / f"bot{s}.log", tmp_path))
            for s in range(shard_count)
        ]

    def _env(self, tmp_path: Path) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "APIMART_", "DATABASE_"))}
        env.pop("DEV_GUILD_ID", None)  # global commands: /video exists in every guild
        repo = str(Path(__file__).resolve().parents[2])
        env.update(
            {
                "PYTHONPATH": os.pathsep.join(p for p in (repo, os.environ.get("PYTHONPATH", "")) if p),
                "DISCORD_TOKEN": self.fd.token,
                "APIMART_API_KEY": self.fa.api_key,
                "APIMART_BASE_URL": self.fa.base_url,
                # One data folder for all (the shared volume); the jobs live in the one PostgreSQL schema.
                "DATABASE_PATH": str(self.db),
                "DATABASE_URL": self.url,
                "SHARD_COUNT": str(self.shard_count),
                "POLL_FIRST_DELAY": "0.05",
                "POLL_MIN_INTERVAL": "0.05",
                "POLL_MAX_INTERVAL": "0.5",
                "COOLDOWN_SECONDS": "0",
                "CARD_EDIT_INTERVAL": "0.2",
                "API_RATE_PER_MINUTE": "100000",
                "DISCORD_API_BASE": self.fd.api_base,
                "DISCORD_GATEWAY_URL": self.fd.gateway_url,
                "LOG_LEVEL": "INFO",
                "PYTHONUNBUFFERED": "1",
            }
        )
        return env

    # ---- the processes ---------------------------------------------------------------------------

    def shard_up(self, shard_id: int) -> bool:
        session = self.fd.gateway.live.get((shard_id, self.shard_count))
        return session is not None and session.connected

    def guild_up(self, guild: FakeGuild) -> bool:
        return self.fd.gateway.ready_for(guild.id)

    async def start(self, member: Member) -> None:
        self.generations += 1
        member.generation = self.generations
        member.stopped_at = None
        member.ports_at_kill = frozenset()
        before = {s: self.fd.shard_sessions().get((s, self.shard_count)) for s in member.shard_ids}
        await member.proc.start()
        assert member.proc.proc is not None
        child = member.proc.proc

        def up_or_dead() -> bool:
            fresh = all(
                self.shard_up(s) and self.fd.shard_sessions().get((s, self.shard_count)) != before[s]
                for s in member.shard_ids
            )
            return fresh or child.returncode is not None

        await self.fd.wait_until(up_or_dead, timeout=START_TIMEOUT)
        if child.returncode is not None:
            raise AssertionError(
                f"bot {member.index} exited with {child.returncode} during start-up:\n{self.log_tail(member)}"
            )

    async def start_all(self) -> None:
        """Shard 0's process first (it syncs the commands), then the others side by side."""
        first, *others = self.members
        await self.start(first)
        await self.fd.wait_until(lambda: bool(self.fd.command_syncs), timeout=START_TIMEOUT)
        await asyncio.gather(*(self.start(m) for m in others))
        await self.reader.rows()  # connect now (the schema exists), not in the middle of a kill

    def _catch_pending(self, member: Member, n: int) -> None:
        """Commands of `member`'s shards still waiting for their answer were caught by stop/kill `n`."""
        for job in self.issued:
            if job.pending_at_kill is None and not answered(job.interaction) and self._on(member, job):
                job.pending_at_kill = n

    def _on(self, member: Member, job: Issued) -> bool:
        return job.guild_id is not None and (job.guild_id >> 22) % self.shard_count in member.shard_ids

    def kill_now(self, member: Member, moment: str, detail: str) -> bool:
        """SIGKILL `member` right now (also from inside a fake's request handler); False if it was down."""
        if not member.alive or member.stopped_at is not None:
            return False
        assert member.pid is not None
        member.ports_at_kill = frozenset(self._api_ports(member.pid))
        os.kill(member.pid, signal.SIGKILL)
        n = len(self.kills) + 1
        kill = Kill(n, moment, member.generation, time.monotonic(), detail, wall=time.time())
        self.kills.append(kill)
        member.stopped_at = time.monotonic()
        self._catch_pending(member, kill.n)
        return True

    async def reap(self, member: Member) -> None:
        """After a kill: wait for the process to be gone, note which submits were left in flight."""
        assert member.proc.proc is not None
        await member.proc.proc.wait()
        member.proc.proc = None
        kill = self.kills[-1]
        # The submits it left in flight: its rows still in 'submitting', and those a survivor has already
        # taken over and ended as unconfirmed (on PostgreSQL its claims free the moment its connection drops).
        rows = await self.reader.rows()
        taken = await self.reader.query(
            "SELECT prompt FROM jobs WHERE status = 'submit_unknown' AND finished_at >= ?", (kill.wall,)
        )
        kill.submitting = {r.prompt for r in rows if r.status == "submitting"} | {p for (p,) in taken}
        with member.proc.log_path.open("a") as log:
            log.write(f"==== fleet: SIGKILL #{kill.n} at {kill.moment}: {kill.detail} ====\n")

    async def terminate(self, member: Member, timeout: float = 20) -> int:
        """SIGTERM: the process drains (answers what it got, finishes in-flight steps, frees its claims)."""
        member.stopped_at = time.monotonic()
        code = await asyncio.wait_for(member.proc.terminate(), timeout)
        return code

    async def stop_all(self) -> dict[int, int]:
        codes = {}
        for m in self.members:
            if m.alive:
                codes[m.index] = await self.terminate(m)
        return codes

    async def close(self) -> None:
        for m in self.members:
            if m.alive:
                await m.proc.kill()
        await self.reader.close()

    def log_tail(self, member: Member, lines: int = 40) -> str:
        return "\n".join(member.proc.output().splitlines()[-lines:])

    # ---- who sent it -----------------------------------------------------------------------------

    def sender(self, task: FakeTask) -> Member | None:
        """The fleet member whose socket sent `task`'s submit (by its client port). A member killed while
        that submit was on the wire is named by the ports it held when it was killed."""
        if task.peer_port is None:
            return None
        for m in self.members:
            if m.pid is not None and m.alive and task.peer_port in self._api_ports(m.pid):
                return m
        for m in self.members:
            if m.stopped_at is not None and task.peer_port in m.ports_at_kill:
                return m
        return None

    def _api_ports(self, pid: int) -> set[int]:
        """The local ports of `pid`'s open connections to the fake API (empty once it is gone)."""
        with contextlib.suppress(psutil.Error):
            return {
                c.laddr.port
                for c in psutil.Process(pid).net_connections(kind="tcp")
                if c.laddr and c.raddr and c.raddr.port == self.fa.port
            }
        return set()

    def observe(self, on_submit: Callable[[FakeTask], None] | None = None) -> None:
        """Record every submit (and the generation that sent it); `on_submit` may change its task."""

        def submitted(task: FakeTask) -> None:
            who = self.sender(task)
            generation = who.generation if who is not None else 0
            self.sent_by[task.id] = generation
            self.submits.append(
                SubmitSeen(str(task.body.get("prompt") or ""), task.id, generation, time.monotonic())
            )
            if on_submit is not None:
                on_submit(task)

        self.fa.on("submit", submitted)

    def arm_kill_on_submit(self, victim: Member) -> Callable[[], None]:
        """SIGKILL `victim` right after one of ITS submits reached the API (before the answer goes back)."""

        def sent_by_victim(task: FakeTask) -> bool:
            return self.sent_by.get(task.id) == victim.generation and victim.stopped_at is None

        def kill(task: FakeTask) -> None:
            self.kill_now(victim, "submit", f"task {task.id} ({task.body.get('prompt')!r})")

        return self.fa.on("submit", kill, when=sent_by_victim, once=True)

    # ---- members acting --------------------------------------------------------------------------

    def live_guilds(self) -> list[FakeGuild]:
        return [g for guilds in self.guilds.values() for g in guilds if self.guild_up(g)]

    async def video(self, user: FakeUser, guild: FakeGuild, prompt: str, **options: Any) -> Issued:
        channel: FakeChannel = guild.channels[0]
        ia = await self.fd.slash(user, "video", {"prompt": prompt, **options}, channel=channel)
        job = Issued(prompt, user, "video", self.generations, ia, guild_id=guild.id)
        self.issued.append(job)
        return job

    def quick_timelines(self, rng: Any, count: int, low: float = 0.5, high: float = 1.6) -> None:
        self.fa.queue_timeline(
            *(
                Timeline.quick(finish_at=rng.uniform(low, high), progress=(20, 60, 90), estimated_time=1)
                for _ in range(count)
            )
        )

    # ---- the end ---------------------------------------------------------------------------------

    async def rows(self) -> list[Row]:
        return await self.reader.rows()

    async def settle(self, timeout: float) -> None:
        """Wait (bounded) until every job has ended and its member was told."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not settled(await self.reader.rows(), self.issued):
            left = deadline - loop.time()
            if left <= 0:
                busy = [f"#{r.id} {r.status}{'' if r.announced else ' (untold)'}" for r in await self.rows()]
                raise AssertionError(f"not settled after {timeout:g} s: {busy}")
            await next_event(self.fd, min(0.5, left))

    async def audit(self, exit_codes: dict[int, int] | None = None) -> Tally:
        tally = Tally(0, kills=list(self.kills))
        tally.elapsed = time.monotonic() - self.started
        codes = set((exit_codes or {}).values())
        tally.exit_code = max(codes) if codes else None
        return audit(tally, self.fd, self.fa, self.issued, self.submits, await self.reader.rows())
