"""Kill storm: SIGKILL the real bot at the worst wire moments; nothing is lost, posted twice or re-sent.

Run with ``python -m pytest -m killstorm`` (the default run skips it). Each seed starts 15 jobs by five
members (plain prompts, image references, two Extends), kills the bot 12 times at moments chosen from the
wire (see tests/reliability/storm.py), restarts it on the same database each time, lets every job end, and
audits what the members saw. One line per seed and a summary line are written to the terminal.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import BotProcess
from tests.fakes.fake_apimart import FakeApiMart
from tests.fakes.fake_discord import FakeDiscord
from tests.reliability.storm import Storm, Tally, summary_line

pytestmark = pytest.mark.killstorm  # not e2e: `-m e2e` stays quick

SEEDS = [1, 2, 3, 4, 5]
_TALLIES: list[Tally] = []


def _report(request: pytest.FixtureRequest, line: str) -> None:
    """Write a line to the terminal whatever the capture mode (-s or not), like ``capsys.disabled()``."""
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture is not None else contextlib.nullcontext():
        print(line, flush=True)


@pytest.fixture(scope="module", autouse=True)
def _storm_summary(request: pytest.FixtureRequest) -> Iterator[None]:
    _TALLIES.clear()
    yield
    if _TALLIES:
        _report(request, "")
        _report(request, summary_line(_TALLIES))


@pytest.mark.parametrize("seed", SEEDS)
async def test_kill_storm(
    seed: int,
    fake_discord: FakeDiscord,
    fake_api: FakeApiMart,
    bot_process: BotProcess,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    db = tmp_path / "data" / "bot.sqlite3"
    bot_process.env.update(
        {
            # Limits off: every member may run several jobs at once; only the kills decide the outcome.
            "USER_DAILY_LIMIT": "0",
            "USER_CONCURRENT_LIMIT": "0",
            "GUILD_DAILY_LIMIT": "0",
            "DAILY_CREDIT_BUDGET": "100000",
            "MAX_CONCURRENT_JOBS": "50",
            "API_RATE_PER_MINUTE": "100000",
            "CARD_EDIT_INTERVAL": "0.2",
            "DATABASE_PATH": str(db),
        }
    )
    storm = Storm(seed, fake_discord, fake_api, bot_process, db)
    try:
        await storm.run()
    finally:
        tally = await storm.audit()
        _TALLIES.append(tally)
        _report(request, "")
        _report(request, f"kill storm {tally.line()}")
        for problem in tally.problems:
            _report(request, f"    PROBLEM {problem}")
        for note in tally.notes:
            _report(request, f"    ok: {note}")

    kills = "\n".join(f"  #{k.n} gen {k.generation} {k.moment}: {k.detail}" for k in tally.kills)
    details = "\n".join(tally.problems) + f"\nkills:\n{kills}\nbot log: {bot_process.log_path}"
    assert len(tally.kills) >= 8, details
    assert tally.jobs >= 12, details
    tally.assert_nothing_lost(details, why_no_refusals="the storm's settings should admit every job")
    assert not fake_discord.internal_errors and not fake_api.hooks.errors and not fake_discord.hooks.errors
