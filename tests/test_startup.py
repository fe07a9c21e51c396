"""Every start-up failure is one line: `python -m bot` and `python -m bot --check`, run as subprocesses.

Each row of the table breaks one thing in an otherwise healthy deployment (the fake Discord and the fake
APIMart, so the bot gets past login when nothing else is wrong) and expects, from both commands: exactly
one line on stderr naming the setting, the exit code (2: a setting's value is wrong; 1: the environment
disagrees), and no traceback.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import shutil
import signal
import socket
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.store import Store
from bot.store.db import DatabaseTooNew, inspect_database, latest_version
from tests.fakes.fake_apimart import FakeApiMart
from tests.fakes.fake_discord import FakeDiscord


@dataclasses.dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


@dataclasses.dataclass
class Ctx:
    """What a row may change before the two commands run."""

    discord: FakeDiscord
    api: FakeApiMart
    tmp: Path
    env: dict[str, str]
    keep: list[socket.socket] = dataclasses.field(default_factory=list)  # ports held busy
    files: dict[Path, bytes] = dataclasses.field(default_factory=dict)  # must be unchanged afterwards

    def snapshot(self, *paths: Path) -> None:
        for path in paths:
            self.files[path] = path.read_bytes()


def healthy_env(fake_discord: FakeDiscord, fake_api: FakeApiMart, tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "APIMART_", "WEBHOOK_"))}
    env.update(
        {
            "DISCORD_TOKEN": fake_discord.token,
            "APIMART_API_KEY": fake_api.api_key,
            "APIMART_BASE_URL": fake_api.base_url,
            "DATABASE_PATH": str(tmp / "data" / "bot.sqlite3"),
            "DEV_GUILD_ID": str(fake_discord.guild.id),
            "DISCORD_API_BASE": fake_discord.api_base,
            "DISCORD_GATEWAY_URL": fake_discord.gateway_url,
            "LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


async def run_bot(env: dict[str, str], cwd: Path, *args: str, timeout: float = 60) -> Run:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=str(cwd), env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        out, err = await asyncio.wait_for(proc.communicate(), timeout=timeout)
    except TimeoutError:
        proc.kill()
        out, err = await proc.communicate()
        raise AssertionError(f"python -m bot {' '.join(args)} hung; stderr:\n{err.decode()}") from None
    assert proc.returncode is not None
    return Run(proc.returncode, out.decode(errors="replace"), err.decode(errors="replace"))


def _busy_port() -> socket.socket:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def _newer_database(path: Path, *, wal: bool = False) -> None:
    """A database as a newer bot would leave it: a version above ours (and, with `wal`, frames still in
    the -wal file, as after a crash)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not wal:
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE future (x)")
            conn.execute("INSERT INTO future VALUES (1)")
            conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
        conn.close()
        return
    scratch = path.parent / "scratch"
    scratch.mkdir()
    conn = sqlite3.connect(scratch / "db", isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("CREATE TABLE future (x)")
        conn.execute("INSERT INTO future VALUES (1)")
        conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
        shutil.copy(scratch / "db", path)  # copied while open: the version bump lives in the WAL only
        shutil.copy(scratch / "db-wal", path.with_name(path.name + "-wal"))
    finally:
        conn.close()
    shutil.rmtree(scratch)


def _unwritable_folder(ctx: Ctx) -> None:
    if os.geteuid() == 0:
        # Permission bits do not stop root: use a folder the kernel itself refuses to create files in.
        folder = Path("/sys/kernel")
        if not folder.is_dir() or os.access(folder / "videobot-test.sqlite3", os.F_OK):
            pytest.skip("no folder that refuses root here")
    else:
        folder = ctx.tmp / "locked"
        folder.mkdir()
        folder.chmod(0o555)
    ctx.env["DATABASE_PATH"] = str(folder / "videobot-test.sqlite3")


def _under_a_file(ctx: Ctx) -> None:
    (ctx.tmp / "afile").write_text("not a folder")
    ctx.env["DATABASE_PATH"] = str(ctx.tmp / "afile" / "bot.sqlite3")


def _newer(ctx: Ctx) -> None:
    path = ctx.tmp / "data" / "bot.sqlite3"
    _newer_database(path)
    ctx.snapshot(path)


def _newer_wal(ctx: Ctx) -> None:
    path = ctx.tmp / "data" / "bot.sqlite3"
    _newer_database(path, wal=True)
    ctx.snapshot(path, path.with_name(path.name + "-wal"))


def _not_a_database(ctx: Ctx) -> None:
    path = ctx.tmp / "data" / "bot.sqlite3"
    path.parent.mkdir()
    path.write_text("these are my notes, not a database\n" * 10)
    ctx.snapshot(path)


def _a_folder(ctx: Ctx) -> None:
    (ctx.tmp / "data" / "bot.sqlite3").mkdir(parents=True)


PG_PASSWORD = "pg-secret-pw"


def _postgres_unreachable(ctx: Ctx) -> None:
    ctx.env["DATABASE_URL"] = f"postgresql://bot:{PG_PASSWORD}@127.0.0.1:{_closed_port()}/videobot"


def _postgres_malformed(ctx: Ctx) -> None:
    ctx.env["DATABASE_URL"] = f"mysql://bot:{PG_PASSWORD}@127.0.0.1/videobot"


def _discord_unreachable(ctx: Ctx) -> None:
    ctx.env["DISCORD_API_BASE"] = f"http://127.0.0.1:{_closed_port()}/api/v10"


def _bad_token(ctx: Ctx) -> None:
    ctx.env["DISCORD_TOKEN"] = "not-the-token"


def _guild_not_joined(ctx: Ctx) -> None:
    ctx.env["DEV_GUILD_ID"] = str(max(ctx.discord.guilds) + 4242)


def _push(ctx: Ctx, host: str, port: int) -> None:
    ctx.env["WEBHOOK_PUBLIC_URL"] = "https://bot.example.com/hooks"
    ctx.env["WEBHOOK_LISTEN_HOST"] = host
    ctx.env["WEBHOOK_LISTEN_PORT"] = str(port)


def _port_in_use(ctx: Ctx) -> None:
    sock = _busy_port()
    ctx.keep.append(sock)
    _push(ctx, "127.0.0.1", sock.getsockname()[1])


def _host_with_port(ctx: Ctx) -> None:
    _push(ctx, "127.0.0.1:8080", 8080)


def _env(**values: str) -> Callable[[Ctx], None]:
    def apply(ctx: Ctx) -> None:
        ctx.env.update(values)

    return apply


def _dotenv(text: str) -> Callable[[Ctx], None]:
    def apply(ctx: Ctx) -> None:
        (ctx.tmp / ".env").write_text(text)

    return apply


@dataclasses.dataclass(frozen=True)
class Row:
    id: str
    setup: Callable[[Ctx], None]
    names: str  # what the one line must name
    code: int  # the same for `python -m bot` and `python -m bot --check`


TABLE = [
    Row("database-folder-unwritable", _unwritable_folder, "DATABASE_PATH", 1),
    Row("database-under-a-file", _under_a_file, "DATABASE_PATH", 1),
    Row("database-is-a-folder", _a_folder, "DATABASE_PATH", 1),
    Row("database-not-sqlite", _not_a_database, "DATABASE_PATH", 1),
    Row("database-newer-version", _newer, "DATABASE_PATH", 1),
    Row("database-newer-version-wal", _newer_wal, "DATABASE_PATH", 1),
    Row("postgres-unreachable", _postgres_unreachable, "DATABASE_URL", 1),
    Row("postgres-malformed", _postgres_malformed, "DATABASE_URL", 2),
    Row("discord-unreachable", _discord_unreachable, "DISCORD_API_BASE", 1),
    Row("discord-token-refused", _bad_token, "DISCORD_TOKEN", 1),
    Row("dev-guild-not-joined", _guild_not_joined, "DEV_GUILD_ID", 1),
    Row("listen-port-in-use", _port_in_use, "WEBHOOK_LISTEN_PORT", 1),
    Row("listen-host-with-port", _host_with_port, "WEBHOOK_LISTEN_HOST", 2),
    Row("poll-max-interval-inf", _env(POLL_MAX_INTERVAL="inf"), "POLL_MAX_INTERVAL", 2),
    Row("job-deadline-overflow", _env(JOB_DEADLINE_SECONDS="1e400"), "JOB_DEADLINE_SECONDS", 2),
    Row("apimart-url-without-host", _env(APIMART_BASE_URL="http://"), "APIMART_BASE_URL", 2),
    Row("token-missing", _env(DISCORD_TOKEN=""), "DISCORD_TOKEN", 2),
    Row("dotenv-line-unreadable", _dotenv('APIMART_MODEL="unclosed\n'), ".env line 1", 2),
]


@pytest.fixture
def ctx(fake_discord: FakeDiscord, fake_api: FakeApiMart, tmp_path: Path) -> Iterator[Ctx]:
    context = Ctx(fake_discord, fake_api, tmp_path, healthy_env(fake_discord, fake_api, tmp_path))
    try:
        yield context
    finally:
        for sock in context.keep:
            sock.close()
        locked = tmp_path / "locked"
        if locked.exists():
            locked.chmod(0o755)


@pytest.mark.parametrize("row", TABLE, ids=[row.id for row in TABLE])
@pytest.mark.parametrize("command", ["run", "check"])
async def test_every_start_up_failure_is_one_line(ctx: Ctx, row: Row, command: str) -> None:
    row.setup(ctx)
    args = ("--check",) if command == "check" else ()

    run = await run_bot(ctx.env, ctx.tmp, *args)

    assert "Traceback" not in run.err, run.err
    assert len(run.lines) == 1, f"expected one line on stderr, got:\n{run.err}"
    line = run.lines[0]
    assert row.names in line, line
    assert run.code == row.code, (run.code, line)
    if command == "run":
        assert line.startswith("cannot start: ")
        assert run.out == ""
    for secret in (ctx.discord.token, ctx.api.api_key, PG_PASSWORD):
        assert secret not in run.out + run.err
    for path, before in ctx.files.items():
        assert path.read_bytes() == before, f"{path.name} was modified"


async def test_guild_line_names_the_invite_link_for_that_server(ctx: Ctx) -> None:
    _guild_not_joined(ctx)
    for args in ((), ("--check",)):
        run = await run_bot(ctx.env, ctx.tmp, *args)
        (line,) = run.lines
        assert "not in that server, or was added without the applications.commands scope" in line
        assert f"client_id={ctx.discord.application_id}" in line
        assert f"guild_id={ctx.env['DEV_GUILD_ID']}" in line


async def test_check_passes_on_a_healthy_deployment_without_creating_the_database(ctx: Ctx) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _push(ctx, "127.0.0.1", port)

    run = await run_bot(ctx.env, ctx.tmp, "--check")

    assert run.code == 0, run.err
    assert run.lines == []
    assert "will be created at the first start" in run.out
    assert f"the bot can sync its commands to DEV_GUILD_ID {ctx.discord.guild.id}" in run.out
    assert f"the receiver can listen on 127.0.0.1:{port}" in run.out
    assert "All checks passed." in run.out
    assert not (ctx.tmp / "data").exists()


async def test_check_leaves_an_existing_database_untouched(ctx: Ctx) -> None:
    path = ctx.tmp / "data" / "bot.sqlite3"
    store = await Store.open(path)
    await store.close()
    before = {p.name: p.read_bytes() for p in path.parent.iterdir()}

    run = await run_bot(ctx.env, ctx.tmp, "--check")

    assert run.code == 0, run.err
    assert f"is writable (database version {latest_version()})" in run.out
    assert {p.name: p.read_bytes() for p in path.parent.iterdir()} == before


async def test_a_healthy_start_prints_its_held_logs_and_stops_cleanly(ctx: Ctx, tmp_path: Path) -> None:
    log = (tmp_path / "bot.log").open("wb")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=str(tmp_path), env=ctx.env, stdout=log, stderr=log
    )
    log.close()
    try:
        for _ in range(300):
            text = (tmp_path / "bot.log").read_text(errors="replace")
            if "worker started" in text or proc.returncode is not None:
                break
            await asyncio.sleep(0.1)
        assert "worker started" in text, text
        assert "starting with Settings(" in text  # held during start-up, printed once logged in
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(proc.wait(), timeout=20)
    assert code == 0
    assert "Traceback" not in (tmp_path / "bot.log").read_text(errors="replace")


# ------------------------------------------------------------------------------------ the store itself


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal-with-pending-frames"])
async def test_a_newer_database_is_refused_and_left_byte_for_byte_same(tmp_path: Path, wal: bool) -> None:
    path = tmp_path / "bot.sqlite3"
    _newer_database(path, wal=wal)
    files = [p for p in (path, path.with_name(path.name + "-wal")) if p.exists()]
    before = [p.read_bytes() for p in files]

    with pytest.raises(DatabaseTooNew) as refused:
        await Store.open(path)
    assert refused.value.exit_code == 1
    assert f"database version {latest_version() + 5}; this version knows up to {latest_version()}" in str(
        refused.value
    )
    with pytest.raises(DatabaseTooNew):  # not DatabaseInUse: the refusal released the process lock
        await Store.open(path)
    with pytest.raises(DatabaseTooNew):
        inspect_database(path)

    assert [p.read_bytes() for p in files] == before


@pytest.mark.parametrize("shards", [{}, {"SHARD_COUNT": "1"}], ids=["unsharded", "too-few-shards"])
async def test_sharding_required_is_one_line_naming_shard_count(ctx: Ctx, shards: dict[str, str]) -> None:
    ctx.discord.max_guilds_per_shard = 0  # Discord: 2,500 servers a shard; the gateway closes with 4011
    run = await run_bot(ctx.env | shards, ctx.tmp)
    assert "Traceback" not in run.err, run.err
    # The gateway answers after login, once the held start-up logs are out: the sentence is the last line.
    line = run.lines[-1]
    assert [x for x in run.lines if x.startswith("cannot start")] == [line]
    assert line.startswith("cannot start: Discord requires more shards") and "raise SHARD_COUNT" in line, line
    assert run.code == 1 and run.out == ""
