"""`python -m bot --check`, run for real as a subprocess against the fake Discord and the fake APIMart."""

from __future__ import annotations

import asyncio
import dataclasses
import io
import os
import secrets
import socket
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import discord
import pytest

from bot.check import run_check
from bot.settings import Settings
from bot.ui.permissions import NEEDED, PERMISSIONS, SCOPES, invite_url
from tests.fakes.fake_apimart import FakeApiMart
from tests.fakes.fake_discord import FakeDiscord


@dataclasses.dataclass
class CheckRun:
    code: int
    out: str
    err: str

    @property
    def problems(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]

    def assert_no_secrets(self, *values: str) -> None:
        for value in values:
            assert value not in self.out
            assert value not in self.err
        assert "Traceback" not in self.err


@pytest.fixture
def secrets_for(fake_discord: FakeDiscord, fake_api: FakeApiMart) -> tuple[str, str]:
    """Distinctive secrets (so a leak cannot hide behind a common word); the fakes accept only these."""
    fake_discord.token = "discord-token-" + secrets.token_hex(12)
    fake_api.api_key = "apimart-key-" + secrets.token_hex(12)
    return fake_discord.token, fake_api.api_key


def check_env(fake_discord: FakeDiscord, fake_api: FakeApiMart, **overrides: str | None) -> dict[str, str]:
    """Built like conftest's `bot_process` env; an override of None removes that variable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "APIMART_"))}
    env.update(
        {
            "DISCORD_TOKEN": fake_discord.token,
            "APIMART_API_KEY": fake_api.api_key,
            "APIMART_BASE_URL": fake_api.base_url,
            "DISCORD_API_BASE": fake_discord.api_base,
            "PYTHONUNBUFFERED": "1",
        }
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


async def run_cli(env: dict[str, str], cwd: Path) -> CheckRun:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "--check",
        cwd=str(cwd),
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise
    assert proc.returncode is not None
    return CheckRun(proc.returncode, out.decode(errors="replace"), err.decode(errors="replace"))


# ------------------------------------------------------------------------------------------ subprocess


async def test_healthy_setup_passes_and_prints_credits_and_invite_link(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, secrets_for: tuple[str, str], tmp_path: Path
) -> None:
    fake_api.credits = 42.5
    run = await run_cli(check_env(fake_discord, fake_api), tmp_path)

    assert run.code == 0, run.err
    assert run.problems == []
    assert "Settings: OK" in run.out
    assert (
        f"Discord: logged in as {fake_discord.bot_user.name} (application {fake_discord.application_id})"
        in (run.out)
    )
    assert "APIMart: key accepted, 42.5 credits left" in run.out
    links = [word for word in run.out.split() if word.startswith("https://discord.com/oauth2/authorize")]
    assert len(links) == 1
    query = parse_qs(urlsplit(links[0]).query)
    assert query["client_id"] == [str(fake_discord.application_id)]
    assert query["permissions"] == [str(PERMISSIONS.value)]
    assert query["scope"] == ["bot applications.commands"]
    assert f"Permissions: {PERMISSIONS.value} = View Channels, Send Messages" in run.out
    assert "All checks passed." in run.out
    run.assert_no_secrets(*secrets_for)

    # Read-only: who am I, which application, the balance. No gateway, no command sync, no submit.
    assert sorted((r.method, r.path) for r in fake_discord.requests) == [
        ("GET", "/oauth2/applications/@me"),
        ("GET", "/users/@me"),
    ]
    assert [(r.method, r.path) for r in fake_api.requests] == [("GET", "/v1/balance")]
    assert not (tmp_path / "data").exists()  # no database was created


async def test_bad_discord_token_is_one_line_naming_it(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, secrets_for: tuple[str, str], tmp_path: Path
) -> None:
    wrong = "wrong-discord-token-" + secrets.token_hex(12)
    run = await run_cli(check_env(fake_discord, fake_api, DISCORD_TOKEN=wrong), tmp_path)

    assert run.code == 1
    assert run.problems == [
        "DISCORD_TOKEN was refused by Discord (401): reset the token in the developer portal "
        "(Bot → Reset Token) and put the new one in DISCORD_TOKEN"
    ]
    assert "APIMart: key accepted, 105 credits left" in run.out  # the other check still ran
    assert "Invite link: unavailable until DISCORD_TOKEN works" in run.out
    assert f"Permissions: {PERMISSIONS.value}" in run.out
    run.assert_no_secrets(wrong, *secrets_for)


async def test_bad_api_key_is_one_line_naming_it(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, secrets_for: tuple[str, str], tmp_path: Path
) -> None:
    wrong = "wrong-apimart-key-" + secrets.token_hex(12)
    run = await run_cli(check_env(fake_discord, fake_api, APIMART_API_KEY=wrong), tmp_path)

    assert run.code == 1
    assert len(run.problems) == 1
    assert run.problems[0].startswith("APIMART_API_KEY was refused by the video API (401)")
    assert "Discord: logged in as" in run.out
    assert f"permissions={PERMISSIONS.value}" in run.out  # the invite link is still printed
    run.assert_no_secrets(wrong, *secrets_for)


async def test_account_out_of_credit(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, secrets_for: tuple[str, str], tmp_path: Path
) -> None:
    fake_api.payment_required = True
    run = await run_cli(check_env(fake_discord, fake_api), tmp_path)

    assert run.code == 1
    assert len(run.problems) == 1
    assert "out of credit (402)" in run.problems[0]
    run.assert_no_secrets(*secrets_for)


async def test_unreachable_services_each_get_a_clear_line(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, secrets_for: tuple[str, str], tmp_path: Path
) -> None:
    port = _closed_port()
    closed = f"http://127.0.0.1:{port}"
    env = check_env(fake_discord, fake_api, APIMART_BASE_URL=closed, DISCORD_API_BASE=closed + "/api/v10")
    run = await run_cli(env, tmp_path)

    assert run.code == 1
    assert run.problems == [
        f"DISCORD_API_BASE {closed}/api/v10 could not be reached: connection refused by 127.0.0.1:{port}: "
        "is the URL right, and is it up?",
        f"APIMART_BASE_URL {closed} could not be reached: connection refused by 127.0.0.1:{port}: "
        "is the URL right, and is it up?",
    ]
    run.assert_no_secrets(*secrets_for)


async def test_missing_settings_exit_2_with_one_line_each(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, secrets_for: tuple[str, str], tmp_path: Path
) -> None:
    env = check_env(fake_discord, fake_api, DISCORD_TOKEN=None, APIMART_API_KEY=None, LOG_LEVEL="LOUD")
    run = await run_cli(env, tmp_path)

    assert run.code == 2
    assert len(run.problems) == 3
    assert run.problems[0].startswith("DISCORD_TOKEN is missing")
    assert run.problems[1].startswith("APIMART_API_KEY is missing")
    assert run.problems[2].startswith("LOG_LEVEL is malformed")
    assert run.out == ""
    assert fake_discord.requests == [] and fake_api.requests == []  # nothing was contacted
    run.assert_no_secrets(*secrets_for)


# ------------------------------------------------------------------------------------------ in-process


async def test_balance_failure_reported_as_200_with_success_false(
    fake_discord: FakeDiscord, fake_api: FakeApiMart, secrets_for: tuple[str, str]
) -> None:
    fake_api.balance_failure = f"quota lookup failed for {fake_api.api_key}"  # even an echoed key is scrubbed
    out, err = io.StringIO(), io.StringIO()
    settings = Settings(
        discord_token=fake_discord.token,
        apimart_api_key=fake_api.api_key,
        apimart_base_url=fake_api.base_url,
        discord_api_base=fake_discord.api_base,
    )

    code = await run_check(settings, out=out, err=err)

    assert code == 1
    assert err.getvalue().splitlines() == [
        "APIMart: the balance check failed: balance: quota lookup failed for ***"
    ]
    run = CheckRun(code, out.getvalue(), err.getvalue())
    run.assert_no_secrets(*secrets_for)


# ----------------------------------------------------------------------------------------- permissions


def test_permissions_are_exactly_the_listed_flags() -> None:
    enabled = {name for name, value in PERMISSIONS if value}
    # discord.py spells View Channel `read_messages` (with `view_channel` as its alias).
    assert enabled == {
        "read_messages",
        "send_messages",
        "send_messages_in_threads",
        "embed_links",
        "attach_files",
        "read_message_history",
    }
    assert PERMISSIONS.view_channel
    assert not PERMISSIONS.administrator
    assert (
        PERMISSIONS.value
        == discord.Permissions(
            view_channel=True,
            send_messages=True,
            send_messages_in_threads=True,
            embed_links=True,
            attach_files=True,
            read_message_history=True,
        ).value
    )
    assert all(reason.strip() for _, _, reason in NEEDED)
    assert SCOPES == ("bot", "applications.commands")


def test_invite_url() -> None:
    url = invite_url(1234567890123)
    assert url == (
        "https://discord.com/oauth2/authorize?client_id=1234567890123"
        f"&scope=bot+applications.commands&permissions={PERMISSIONS.value}"
    )


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port
