"""Settings: one clear line per problem, never a secret's value, the environment wins over .env."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import aiohttp
import pytest

from bot.settings import Settings, SettingsError, load_settings


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
        ("APIMART_BASE_URL", "http://"),
        ("APIMART_BASE_URL", "https://:443"),
        ("APIMART_BASE_URL", "http:/api.apimart.ai"),
        ("APIMART_BASE_URL", "https://api.apimart.ai:99999"),
        ("APIMART_BASE_URL", "https://api apimart.ai"),
        ("WEBHOOK_PUBLIC_URL", "https://"),
        ("DISCORD_API_BASE", "127.0.0.1:8080"),
        ("DISCORD_GATEWAY_URL", "ws://"),
        ("POLL_MAX_INTERVAL", "inf"),
        ("POLL_MAX_INTERVAL", "-inf"),
        ("JOB_DEADLINE_SECONDS", "1e400"),
        ("JOB_DEADLINE_SECONDS", "1e300"),
        ("COOLDOWN_SECONDS", "infinity"),
        ("DAILY_CREDIT_BUDGET", "nan"),
        ("EXTEND_MAX_AGE_HOURS", "1e6"),
        ("USER_DAILY_LIMIT", "1" + "0" * 30),
        ("DEV_GUILD_ID", str(2**64)),
        ("WEBHOOK_LISTEN_HOST", "127.0.0.1:8080"),
        ("WEBHOOK_LISTEN_HOST", "http://0.0.0.0"),
        ("WEBHOOK_LISTEN_HOST", "my host"),
        ("WEBHOOK_LISTEN_HOST", "-bad-.example"),
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


@pytest.mark.parametrize(
    ("name", "value", "attr", "expected"),
    [
        ("APIMART_BASE_URL", "https://api.apimart.ai/", "apimart_base_url", "https://api.apimart.ai"),
        ("APIMART_BASE_URL", "http://127.0.0.1:8080/v1", "apimart_base_url", "http://127.0.0.1:8080/v1"),
        ("DISCORD_GATEWAY_URL", "ws://127.0.0.1:9000/gw", "discord_gateway_url", "ws://127.0.0.1:9000/gw"),
        ("WEBHOOK_LISTEN_HOST", "0.0.0.0", "webhook_listen_host", "0.0.0.0"),
        ("WEBHOOK_LISTEN_HOST", "::", "webhook_listen_host", "::"),
        ("WEBHOOK_LISTEN_HOST", "[::1]", "webhook_listen_host", "::1"),
        ("WEBHOOK_LISTEN_HOST", "localhost", "webhook_listen_host", "localhost"),
        ("WEBHOOK_LISTEN_HOST", "bot-1.internal.example", "webhook_listen_host", "bot-1.internal.example"),
        ("JOB_DEADLINE_SECONDS", "1e5", "job_deadline_seconds", 100000.0),
        ("DEV_GUILD_ID", "1234567890123456789", "dev_guild_id", 1234567890123456789),
    ],
)
def test_well_formed_values_are_accepted(name: str, value: str, attr: str, expected: object) -> None:
    settings = load_settings({"DISCORD_TOKEN": "t", "APIMART_API_KEY": "k", name: value}, dotenv=None)
    assert getattr(settings, attr) == expected


def test_out_of_range_number_says_the_limit_without_the_value() -> None:
    with pytest.raises(SettingsError) as info:
        load_settings({"DISCORD_TOKEN": "t", "APIMART_API_KEY": "k", "POLL_MAX_INTERVAL": "inf"}, dotenv=None)
    assert info.value.problems == [
        "POLL_MAX_INTERVAL is malformed: expected a positive number of seconds "
        "(a finite number, at most 1000000000)"
    ]


def test_database_path_expands_the_home_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    settings = load_settings(
        {"DISCORD_TOKEN": "t", "APIMART_API_KEY": "k", "DATABASE_PATH": "~/bot.db"}, dotenv=None
    )
    assert settings.database_path == tmp_path / "bot.db"
    assert settings.data_dir == tmp_path


def test_dotenv_is_read_like_python_dotenv_reads_it(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        "\ufeff# a comment line\n"
        "DISCORD_TOKEN=abc.def.ghi # the bot token, with a comment after it\n"
        "APIMART_API_KEY='sk-#not-a-comment'   # quoted: the # inside is part of the key\n"
        "USER_DAILY_LIMIT=10 # per day\n"
        'APIMART_MODEL="a \\"quoted\\" model"\n'
        "export GUILD_DAILY_LIMIT=7\n"
        "COOLDOWN_SECONDS = 12\n"
        "DEV_GUILD_ID=\n"
        "LOG_LEVEL=${NOT_EXPANDED}\n",
        encoding="utf-8",
    )
    with pytest.raises(SettingsError) as info:
        load_settings({}, dotenv=dotenv)
    assert info.value.problems == ["LOG_LEVEL is malformed: expected DEBUG, INFO, WARNING or ERROR"]

    dotenv.write_text(
        dotenv.read_text(encoding="utf-8").replace("${NOT_EXPANDED}", "debug"), encoding="utf-8"
    )
    settings = load_settings({"COOLDOWN_SECONDS": "3"}, dotenv=dotenv)
    assert settings.discord_token == "abc.def.ghi"
    assert settings.apimart_api_key == "sk-#not-a-comment"
    assert settings.user_daily_limit == 10
    assert settings.apimart_model == 'a "quoted" model'
    assert settings.guild_daily_limit == 7
    assert settings.cooldown_seconds == 3.0  # the environment wins over the file
    assert settings.dev_guild_id is None
    assert settings.log_level == "DEBUG"


def test_unreadable_dotenv_line_is_named_by_number_never_echoed(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text('APIMART_API_KEY=k\nDISCORD_TOKEN="sekrit-token-value\n')
    with pytest.raises(SettingsError) as info:
        load_settings({}, dotenv=dotenv)
    text = str(info.value)
    assert f"{dotenv} line 2 cannot be read" in text
    assert "sekrit" not in text
    assert info.value.problems[-1].startswith("DISCORD_TOKEN is missing")


def test_dotenv_that_is_not_text_is_one_problem(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_bytes(b"DISCORD_TOKEN=\xff\xfe\n")
    with pytest.raises(SettingsError) as info:
        load_settings({"DISCORD_TOKEN": "t", "APIMART_API_KEY": "k"}, dotenv=dotenv)
    assert info.value.problems == [
        f"{dotenv} cannot be read (it is not UTF-8 text): fix it, or set the settings in the environment"
    ]


def _shards(**env: str) -> Settings:
    return load_settings({"DISCORD_TOKEN": "t", "APIMART_API_KEY": "k", **env}, dotenv=None)


def test_sharding_is_off_unless_set() -> None:
    settings = _shards()
    assert settings.shard_count is None and settings.shard_ids is None


@pytest.mark.parametrize(
    ("count", "ids", "expected"),
    [
        ("4", "", None),
        ("4", "0,1,2", (0, 1, 2)),
        ("4", "0-3", (0, 1, 2, 3)),
        ("8", " 2 - 3 , 7 ", (2, 3, 7)),
        ("1", "0", (0,)),
    ],
)
def test_shard_ids_take_a_list_or_a_range(count: str, ids: str, expected: tuple[int, ...] | None) -> None:
    settings = _shards(SHARD_COUNT=count, SHARD_IDS=ids)
    assert settings.shard_count == int(count) and settings.shard_ids == expected


@pytest.mark.parametrize(
    ("env", "sentence"),
    [
        ({"SHARD_COUNT": "two"}, "SHARD_COUNT is malformed: expected a positive whole number of shards"),
        ({"SHARD_COUNT": "0"}, "SHARD_COUNT is malformed: expected a positive whole number of shards"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "one"}, "SHARD_IDS is malformed: expected shard ids like 0,1,2"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "3-1"}, "SHARD_IDS is malformed: expected shard ids like 0,1,2"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "-1"}, "SHARD_IDS is malformed: expected shard ids like 0,1,2"),
        ({"SHARD_IDS": "0,1"}, "SHARD_IDS is malformed: it needs SHARD_COUNT"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "0-2"}, "SHARD_IDS is malformed: shard ids go from 0 to 1"),
        ({"SHARD_COUNT": "4", "SHARD_IDS": "0-2,2"}, "SHARD_IDS is malformed: expected shard ids"),
        ({"SHARD_COUNT": "4", "SHARD_IDS": "1,,2"}, "SHARD_IDS is malformed: expected shard ids"),
    ],
)
def test_bad_sharding_is_one_clear_sentence(env: dict[str, str], sentence: str) -> None:
    with pytest.raises(SettingsError) as info:
        _shards(**env)
    assert len(info.value.problems) == 1 and info.value.problems[0].startswith(sentence), info.value.problems


def test_duplicate_shard_ids_say_so() -> None:
    with pytest.raises(SettingsError) as info:
        _shards(SHARD_COUNT="4", SHARD_IDS="0-2,2")
    assert info.value.problems == [
        "SHARD_IDS is malformed: expected shard ids like 0,1,2 or a range like 0-3 (each shard id once)"
    ]
