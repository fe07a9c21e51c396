"""SIGTERM the real `python -m bot` mid-submit, mid-download and mid-ping, and start a second process on its
database: it drains and exits 0 in time, and after a restart every member sees one result and one ping."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

from bot.jobs.sentences import SHUTTING_DOWN_SENTENCE, SUBMIT_UNKNOWN_SENTENCE
from tests.conftest import BotProcess, answer, asked_by
from tests.fakes.fake_apimart import FakeApiMart, Timeline
from tests.fakes.fake_discord import FakeDiscord, FakeFile, FakeMessage, FakeUser
from tests.fakes.media import make_png
from tests.reliability.storm import has_mp4
from tests.stores import run_sql, sqlite_only

pytestmark = pytest.mark.e2e

EXIT_WITHIN = 10.0  # seconds from SIGTERM to exit (a container runtime SIGKILLs after 10 s)
DRAIN_OUTLASTED = 30.0  # a slow answer that outlasts the bot's drain (8 s)
START_TIMEOUT = 30.0
SETTLE_TIMEOUT = 10.0  # once the restarted bot is up, a member hears about their job within this
ENDED = ("delivered", "rejected", "submit_unknown", "failed", "cancelled", "timed_out")


# ------------------------------------------------------------------------------------------ helpers


def _tail(proc: BotProcess, lines: int = 30) -> str:
    return "\n".join(proc.output().splitlines()[-lines:])


async def _start(fd: FakeDiscord, proc: BotProcess) -> None:
    identifies = fd.identify_count
    proc.env["PYTHONFAULTHANDLER"] = "1"  # a bot that hangs on SIGTERM is SIGABRTed: its stacks go to the log
    await proc.start()
    try:
        await fd.wait_until(
            lambda: fd.identify_count > identifies and bool(fd.commands.get(fd.guild.id)),
            timeout=START_TIMEOUT,
        )
        await fd.wait_connected(timeout=START_TIMEOUT)
    except TimeoutError:
        raise AssertionError(f"the bot did not come up; log tail:\n{_tail(proc)}") from None


async def _sigterm(proc: BotProcess, *, sent_at: float | None = None) -> float:
    """SIGTERM the bot (unless it was sent at loop time `sent_at`); it must exit 0 within EXIT_WITHIN.
    Returns the seconds from the signal to the exit."""
    assert proc.proc is not None
    loop = asyncio.get_running_loop()
    if sent_at is None:
        sent_at = loop.time()
        proc.proc.send_signal(signal.SIGTERM)
    try:
        code = await asyncio.wait_for(proc.proc.wait(), timeout=max(0.0, sent_at + EXIT_WITHIN - loop.time()))
    except TimeoutError:
        state = _state(proc.proc.pid)
        proc.proc.send_signal(signal.SIGABRT)  # faulthandler (see _start) dumps every thread into the log
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(proc.proc.wait(), timeout=5)
        raise AssertionError(
            f"still running ({state}) {EXIT_WITHIN:.0f} s after SIGTERM; log tail:\n{_tail(proc, 120)}"
        ) from None
    took = loop.time() - sent_at
    proc.proc = None
    assert code == 0, f"exit code {code} after SIGTERM; log tail:\n{_tail(proc)}"
    return took


def _state(pid: int) -> str:
    try:
        return str(psutil.Process(pid).status())
    except psutil.NoSuchProcess:
        return "gone"


async def _wait_for_log(proc: BotProcess, text: str, *, seen_before: int, timeout: float = 5.0) -> None:
    """Wait until the bot's log holds `text` more often than `seen_before` (a file: nothing to await)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while proc.output().count(text) <= seen_before:
        if loop.time() > deadline:
            raise AssertionError(f"no {text!r} in the bot log within {timeout} s; tail:\n{_tail(proc)}")
        await asyncio.sleep(0.02)


def _db(proc: BotProcess) -> Path:
    return Path(proc.env["DATABASE_PATH"])


def _jobs(proc: BotProcess) -> list[dict[str, Any]]:
    """The jobs table, read-only (the bot may be running)."""
    return run_sql(_db(proc), "SELECT * FROM jobs ORDER BY id")


def _dump(proc: BotProcess) -> list[str]:
    """Every table's contents, read-only, as SQL."""
    con = sqlite3.connect(f"file:{_db(proc)}?mode=ro", uri=True, timeout=5)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def _bot_posts(fd: FakeDiscord) -> list[FakeMessage]:
    """Every message the bot ever posted in the channel, deleted ones included."""
    return [
        m
        for m in fd.messages.values()
        if m.channel_id == fd.channel.id and m.author.id == fd.bot_user.id and not m.ephemeral
    ]


def _results(fd: FakeDiscord, user: FakeUser) -> list[FakeMessage]:
    return [m for m in _bot_posts(fd) if asked_by(m) == user.id and has_mp4(m)]


def _pings(fd: FakeDiscord, user: FakeUser) -> list[FakeMessage]:
    return [m for m in _bot_posts(fd) if user.id in m.pinged_user_ids]


async def _pinged(fd: FakeDiscord, proc: BotProcess, user: FakeUser) -> FakeMessage:
    """The ping is a job's last effect: once it is there the job has ended and been announced."""
    try:
        return await fd.wait_for_message(
            lambda m: user.id in m.pinged_user_ids, channel=fd.channel, timeout=SETTLE_TIMEOUT
        )
    except TimeoutError:
        now = time.time()
        rows = [
            f"job {r['id']} {r['status']} (interrupted={r['interrupted']}, claimed_by={r['claimed_by']}, "
            f"next_poll_at in {r['next_poll_at'] - now:+.1f} s)"
            if r["next_poll_at"] is not None
            else f"job {r['id']} {r['status']} (next_poll_at None)"
            for r in _jobs(proc)
            if r["user_id"] == user.id
        ]
        raise AssertionError(
            f"{user.name} heard nothing within {SETTLE_TIMEOUT:.0f} s; {'; '.join(rows) or 'no job row'}; "
            f"log tail:\n{_tail(proc)}"
        ) from None


async def _canary(fd: FakeDiscord, proc: BotProcess) -> None:
    """A fresh job delivered by the restarted bot: its loop has run, so any repeat would have happened."""
    canary = fd.add_user("canary")
    await fd.slash(canary, "video", {"prompt": "proof the restarted bot works"})
    await _pinged(fd, proc, canary)
    assert len(_results(fd, canary)) == 1, f"log tail:\n{_tail(proc)}"


def _assert_once(fd: FakeDiscord, user: FakeUser, *, results: int = 1) -> None:
    got, pings = _results(fd, user), _pings(fd, user)
    assert len(got) == results, f"{user.name} got {len(got)} MP4 results, expected {results}"
    assert len(pings) == 1, f"{user.name} was pinged {len(pings)} times: {[m.text for m in pings]}"
    assert pings[0].pinged_user_ids == {user.id}, "the ping mentions only the requester"


def _assert_books(proc: BotProcess) -> list[dict[str, Any]]:
    """Every job ended and was announced; nobody is charged for an unconfirmed submit."""
    rows = _jobs(proc)
    for r in rows:
        assert r["status"] in ENDED and r["announced"] == 1, f"job {r['id']} left {r['status']}: {r}"
        assert not (r["status"] == "submit_unknown" and r["charged"]), f"job {r['id']} charged: {r}"
    return rows


def _row_of(rows: list[dict[str, Any]], user: FakeUser) -> dict[str, Any]:
    [row] = [r for r in rows if r["user_id"] == user.id]
    return row


# ------------------------------------------------------------------------------------------ tests


async def test_sigterm_during_a_submit_lets_it_finish_and_turns_newcomers_away(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, bot_process: BotProcess
) -> None:
    fd, fa, proc = fake_discord, fake_api, bot_process
    await _start(fd, proc)
    fa.fault_next("submit", "slow", delay=3.0)  # the task exists at once; the answer takes 3 s
    alice, bob = fd.add_user("alice"), fd.add_user("bob")
    await fd.slash(alice, "video", {"prompt": "caught mid-submit by a SIGTERM"})
    await fa.wait_until(lambda: len(fa.submit_attempts) == 1, timeout=START_TIMEOUT)

    loop = asyncio.get_running_loop()
    sent_at = loop.time()
    drains = proc.output().count("draining:")
    assert proc.proc is not None
    proc.proc.send_signal(signal.SIGTERM)
    # While it drains, a newcomer is turned away with one sentence and nothing recorded against them.
    await _wait_for_log(proc, "draining:", seen_before=drains)
    turned_away = await answer(await fd.slash(bob, "video", {"prompt": "too late"}))
    assert turned_away.text == SHUTTING_DOWN_SENTENCE.render()
    await _sigterm(proc, sent_at=sent_at)

    await _start(fd, proc)
    await _pinged(fd, proc, alice)
    await _canary(fd, proc)
    await _sigterm(proc)

    _assert_once(fd, alice)
    assert len(fa.submit_attempts) == 2 and len(fa.tasks) == 2, "alice's job was sent once (and the canary)"
    assert not _pings(fd, bob) and not _results(fd, bob)
    rows = _assert_books(proc)
    assert _row_of(rows, alice)["status"] == "delivered"
    assert not [r for r in rows if r["user_id"] == bob.id], "the turned-away /video left no job"


async def test_sigterm_during_a_submit_that_outlasts_the_drain_ends_unconfirmed_and_free(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, bot_process: BotProcess
) -> None:
    fd, fa, proc = fake_discord, fake_api, bot_process
    await _start(fd, proc)
    fa.fault_next("submit", "slow", delay=DRAIN_OUTLASTED)  # created (maybe billed), answered too late
    alice = fd.add_user("alice")
    await fd.slash(alice, "video", {"prompt": "a submit cut short by our own shutdown"})
    await fa.wait_until(lambda: len(fa.submit_attempts) == 1, timeout=START_TIMEOUT)
    await _sigterm(proc)

    await _start(fd, proc)
    told = await _pinged(fd, proc, alice)
    assert "may or may not have started" in told.text
    await _canary(fd, proc)
    await _sigterm(proc)

    _assert_once(fd, alice, results=0)
    assert len(fa.submit_attempts) == 2, "a submit that may have been billed is never sent again"
    card = await fd.wait_for_message(lambda m: asked_by(m) == alice.id, channel=fd.channel)
    assert SUBMIT_UNKNOWN_SENTENCE.render() in card.text, "the card says what happened"
    row = _row_of(_assert_books(proc), alice)
    assert (row["status"], row["charged"]) == ("submit_unknown", 0)


async def test_sigterm_during_a_reference_upload_sends_the_job_once_after_the_restart(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, bot_process: BotProcess
) -> None:
    fd, fa, proc = fake_discord, fake_api, bot_process
    await _start(fd, proc)
    fa.fault_next("upload", "slow", delay=2.0)  # the submit step's first request: its reference upload
    grace = fd.add_user("grace")
    image = {"image1": FakeFile("boat.png", make_png())}
    await fd.slash(grace, "video", {"prompt": "caught mid-upload by a SIGTERM"}, attachments=image)
    await fa.wait_until(lambda: any(r.route == "upload" for r in fa.requests), timeout=START_TIMEOUT)
    await _sigterm(proc)
    assert not fa.submit_attempts, "a draining bot starts no new submit"

    await _start(fd, proc)
    await _pinged(fd, proc, grace)
    await _canary(fd, proc)
    await _sigterm(proc)

    _assert_once(fd, grace)
    prompts = [a.get("prompt") for a in fa.submit_attempts]
    assert prompts.count("caught mid-upload by a SIGTERM") == 1, prompts
    assert _row_of(_assert_books(proc), grace)["status"] == "delivered"


@pytest.mark.parametrize("delay", [3.0, DRAIN_OUTLASTED], ids=["finishes-in-drain", "outlasts-drain"])
async def test_sigterm_during_a_delivery_posts_the_clip_once(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, bot_process: BotProcess, delay: float
) -> None:
    fd, fa, proc = fake_discord, fake_api, bot_process
    await _start(fd, proc)
    fa.fault_next("file", "slow", delay=delay)  # the clip's download answers `delay` s late
    carol = fd.add_user("carol")
    await fd.slash(carol, "video", {"prompt": "caught mid-download by a SIGTERM"})
    await fa.wait_until(lambda: any(r.route == "file" for r in fa.requests), timeout=START_TIMEOUT)
    assert not _results(fd, carol)
    await _sigterm(proc)

    await _start(fd, proc)
    await _pinged(fd, proc, carol)
    await _canary(fd, proc)
    await _sigterm(proc)

    _assert_once(fd, carol)
    assert len(fa.tasks) == 2, "one task for carol (and the canary's)"
    assert _row_of(_assert_books(proc), carol)["status"] == "delivered"


async def test_sigterm_at_the_moment_of_the_ping_pings_once(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, bot_process: BotProcess
) -> None:
    fd, fa, proc = fake_discord, fake_api, bot_process
    await _start(fd, proc)
    dave = fd.add_user("dave")
    loop = asyncio.get_running_loop()
    sent: list[float] = []

    def sigterm(_: FakeMessage) -> None:  # runs inside the fake's handler: the ping is stored, unanswered
        assert proc.proc is not None
        proc.proc.send_signal(signal.SIGTERM)
        sent.append(loop.time())

    fd.on("ping", sigterm, when=lambda m: dave.id in m.pinged_user_ids, once=True)
    await fd.slash(dave, "video", {"prompt": "caught mid-ping by a SIGTERM"})
    await fd.wait_until(lambda: bool(sent), timeout=SETTLE_TIMEOUT)
    await _sigterm(proc, sent_at=sent[0])

    await _start(fd, proc)
    await _canary(fd, proc)
    await _sigterm(proc)

    _assert_once(fd, dave)
    assert len(fa.tasks) == 2
    assert _row_of(_assert_books(proc), dave)["status"] == "delivered"


async def test_sigterm_while_the_gateway_is_away_and_a_reconnect_hangs_exits_0(
    fake_discord: FakeDiscord, bot_process: BotProcess
) -> None:
    """Discord's gateway goes away; the client's reconnect attempt reaches a host that accepts the connection
    and never answers the WebSocket handshake; SIGTERM comes while that attempt is in flight. The bot exits 0
    in time, without a traceback (discord.py's close used to unset the client's event loop under the attempt:
    AttributeError out of connect(), exit 1)."""
    fd, proc = fake_discord, bot_process
    await _start(fd, proc)
    port = fd.port
    await fd.stop()  # the gateway is gone (the client starts reconnecting, with backoff)
    loop = asyncio.get_running_loop()
    sent: list[float] = []
    logged = 0
    held: list[asyncio.StreamWriter] = []
    attempted = asyncio.Event()

    async def hang(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal logged
        held.append(writer)  # accepted, never answered: the attempt stays in flight
        request = await reader.readline()
        if request.startswith(b"GET /gateway") and not sent:
            assert proc.proc is not None
            logged = len(proc.output())
            proc.proc.send_signal(signal.SIGTERM)
            sent.append(loop.time())
            attempted.set()

    server = await asyncio.start_server(hang, "127.0.0.1", port)
    try:
        await asyncio.wait_for(attempted.wait(), timeout=START_TIMEOUT)
        await _sigterm(proc, sent_at=sent[0])
    finally:
        for writer in held:
            writer.close()
        server.close()
        await server.wait_closed()
    after = proc.output()[logged:]
    assert "Traceback" not in after, f"after SIGTERM:\n{after}"


@sqlite_only
async def test_a_second_process_on_the_same_database_refuses_and_touches_nothing(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, bot_process: BotProcess
) -> None:
    fd, fa, proc = fake_discord, fake_api, bot_process
    await _start(fd, proc)
    assert proc.proc is not None
    first = psutil.Process(proc.proc.pid)
    erin, frank = fd.add_user("erin"), fd.add_user("frank")
    fa.queue_timeline(Timeline.manual(estimated_time=5))
    await fd.slash(erin, "video", {"prompt": "started before the second process"})
    await fa.wait_until(lambda: len(fa.tasks) == 1 and fa.polls(next(iter(fa.tasks))) >= 1, timeout=20)
    lock = _db(proc).with_name(_db(proc).name + ".lock")

    # Freeze the first process so that whatever changes in the database meanwhile is the second one's doing.
    first.suspend()
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 5
        while first.status() != psutil.STATUS_STOPPED:
            assert loop.time() < deadline, "the first process did not stop"
            await asyncio.sleep(0.01)
        db_before, lock_before = _dump(proc), lock.read_text()
        api_before, discord_before, identifies = len(fa.requests), len(fd.requests), fd.identify_count
        second = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            cwd=str(proc.cwd),
            env=proc.env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            out, err = await asyncio.wait_for(second.communicate(), timeout=20)
        except TimeoutError:
            second.kill()
            await second.wait()
            raise AssertionError("a second process on the same database did not refuse to start") from None
        db_after, lock_after = _dump(proc), lock.read_text()
        api_after, discord_after = len(fa.requests), len(fd.requests)
    finally:
        first.resume()

    assert any('INSERT INTO "jobs"' in line for line in db_before), "erin's job is in the dump"
    assert db_after == db_before, "the second process wrote to the database"
    assert lock_after == lock_before == f"{first.pid}\n", "the lock file still names the first process"
    assert (api_after, discord_after) == (api_before, discord_before), "the second process made requests"
    assert fd.identify_count == identifies, "the second process did not log in"

    # The first process goes on as if nothing happened.
    fa.complete(next(iter(fa.tasks)))
    await _pinged(fd, proc, erin)
    await fd.slash(frank, "video", {"prompt": "started after the second process"})
    await _pinged(fd, proc, frank)
    await _sigterm(proc)

    _assert_once(fd, erin)
    _assert_once(fd, frank)
    assert len(fa.submit_attempts) == 2
    rows = _assert_books(proc)
    assert [r["status"] for r in rows] == ["delivered", "delivered"]
    assert "took over" not in proc.output(), "no recovery ran: the first process never stopped"

    # What the operator sees from the second attempt: one line naming the setting, exit code 1.
    stderr = err.decode(errors="replace")
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert second.returncode == 1, f"exit code {second.returncode}; stderr:\n{stderr}"
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}:\n{stderr}"
    assert lines[0].startswith("cannot start: another bot process is already using the database")
    assert "DATABASE_PATH" in lines[0] and "Traceback" not in stderr
    assert out == b""
