"""Settings: one clear line per problem, never a secret's value, the environment wins over .env."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import aiohttp
import pytest

from bot.settings import SettingsError, load_settings


def test_missing_required_settings_are_named() -> None:
    with pytest.raises(SettingsError) as info:
        load_settings({}, dotenv=None)
    assert [p.split(" ")[0] for p in info.value.problems] == ["DISCORD_TOKEN", "APIMART_API_KEY"]


def test_malformed_value_is_named_but_never_echoed() -> None:
    env = {
        "DISCORD_TOKEN": "t",
        "APIMART_API_KEY": "k",
        "DEV_GUILD_ID": "sk-secret-looking",
        "LOG_LEVEL": "loud",
    }
    with pytest.raises(SettingsError) as info:
        load_settings(env, dotenv=None)
    text = str(info.value)
    assert "DEV_GUILD_ID is malformed" in text and "LOG_LEVEL is malformed" in text
    assert "sk-secret-looking" not in text


def test_environment_wins_over_dotenv(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("# comment\nDISCORD_TOKEN='from-file'\nAPIMART_API_KEY=file-key\nPOLL_MIN_INTERVAL=3\n")
    settings = load_settings({"APIMART_API_KEY": "env-key"}, dotenv=dotenv)
    assert settings.discord_token == "from-file"
    assert settings.apimart_api_key == "env-key"
    assert settings.poll_min_interval == 3.0
    assert "env-key" not in repr(settings) and "from-file" not in repr(settings)


async def test_start_command_without_settings_prints_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "APIMART_"))}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await proc.communicate()
    assert proc.returncode == 2
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert "DISCORD_TOKEN" in lines[0] and "APIMART_API_KEY" in lines[0]
    assert "Traceback" not in err.decode() and out == b""


def test_every_setting_is_documented_in_env_example() -> None:
    from bot.settings import _OPTIONAL

    documented = {
        line.split("=", 1)[0]
        for line in (Path(__file__).resolve().parent.parent / ".env.example").read_text().splitlines()
        if line and not line.startswith("#") and "=" in line
    }
    assert {"DISCORD_TOKEN", "APIMART_API_KEY", *_OPTIONAL} <= documented
    assert load_settings({"DISCORD_TOKEN": "t", "APIMART_API_KEY": "k"}, dotenv=None).cooldown_seconds == 30


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("POLL_MIN_INTERVAL", "nan"),
        ("POLL_MIN_INTERVAL", "0"),
        ("USER_DAILY_LIMIT", "-1"),
        ("USER_DAILY_LIMIT", "2.5"),
        ("WEBHOOK_LISTEN_PORT", "70000"),
        ("API_RATE_PER_MINUTE", "1"),
        ("ALLOW_DMS", "perhaps"),
        ("EXTEND_STITCH", "sometimes"),
        ("APIMART_BASE_URL", "ftp://example"),
    ],
)
def test_out_of_range_values_are_named(name: str, value: str) -> None:
    with pytest.raises(SettingsError) as info:
        load_settings({"DISCORD_TOKEN": "t", "APIMART_API_KEY": "k", name: value}, dotenv=None)
    assert info.value.problems == [info.value.problems[0]] and info.value.problems[0].startswith(name)


async def test_the_suite_cannot_reach_any_host_but_loopback() -> None:
    """The guard in conftest.py: a test that forgot to point the bot at a fake fails instead of going out."""

    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.ClientConnectorError) as refused:
            await session.get("https://discord.com/api/v10/gateway")
    assert "may only talk to 127.0.0.1" in str(refused.value.os_error)
