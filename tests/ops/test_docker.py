"""Dockerfile, .dockerignore, docker-compose.yml and requirements.txt, checked without pulling an image."""

from __future__ import annotations

import asyncio
import json
import re
import shlex
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import BotProcess
from tests.fakes.fake_discord import FakeDiscord
from tests.ops.helpers import run_command

ROOT = Path(__file__).resolve().parents[2]


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for raw in (ROOT / "Dockerfile").read_text().splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        full = pending + line
        pending = ""
        keyword, _, rest = full.partition(" ")
        instructions.append((keyword.upper(), rest.strip()))
    return instructions


def one(keyword: str) -> str:
    found = [rest for kw, rest in dockerfile() if kw == keyword]
    assert len(found) == 1, f"expected one {keyword}, found {found}"
    return found[0]


def exec_form(arguments: str) -> list[str]:
    parsed = json.loads(arguments)
    assert isinstance(parsed, list) and all(isinstance(a, str) for a in parsed), "exec form: a JSON array"
    return parsed


def procfile_command() -> list[str]:
    [line] = [x for x in (ROOT / "Procfile").read_text().splitlines() if x.strip()]
    kind, _, command = line.partition(":")
    assert kind == "worker"
    return shlex.split(command)


def healthcheck_command() -> list[str]:
    arguments = one("HEALTHCHECK")
    _options, found, command = arguments.partition("CMD ")
    assert found, "HEALTHCHECK ... CMD [...]"
    return exec_form(command)


def test_the_image_runs_what_the_procfile_runs() -> None:
    assert [kw for kw, _ in dockerfile() if kw == "ENTRYPOINT"] == [], "CMD alone: easy to override"
    assert exec_form(one("CMD")) == procfile_command() == ["python", "-m", "bot"]


def test_a_slim_python_311_base_and_a_non_root_user() -> None:
    assert re.fullmatch(r"python:3\.11(\.\d+)?-slim(-\w+)?", one("FROM"))
    kinds = [kw for kw, _ in dockerfile()]
    user = one("USER")
    assert user.split(":")[0] not in {"root", "0"}
    assert kinds.index("USER") < kinds.index("CMD"), "the bot runs as that user"
    runs = " ".join(rest for kw, rest in dockerfile() if kw == "RUN")
    assert re.search(rf"useradd .*--uid [1-9]\d* .*{user}", runs), "a system user with a fixed, non-zero uid"


def test_the_data_volume_holds_the_database() -> None:
    assert exec_form(one("VOLUME")) == ["/data"]
    env = " ".join(rest for kw, rest in dockerfile() if kw == "ENV")
    assert "DATABASE_PATH=/data/bot.sqlite3" in env.split()
    runs = " ".join(rest for kw, rest in dockerfile() if kw == "RUN")
    assert "chown videobot:videobot /data" in runs, "the non-root user can write the volume"


def test_the_healthcheck_runs_the_health_command() -> None:
    options = one("HEALTHCHECK").partition("CMD ")[0]
    assert "--interval=" in options and "--start-period=" in options
    assert healthcheck_command() == ["python", "-m", "bot", "--health"]


def test_dependencies_come_pinned_and_secrets_stay_out_of_the_build() -> None:
    runs = [rest for kw, rest in dockerfile() if kw == "RUN"]
    assert "pip install -r requirements.txt" in runs
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    for pattern in (".env", "data/", "*.sqlite3", ".git", ".venv/", "tests/"):
        assert pattern in ignored, f".dockerignore lacks {pattern}"


def test_requirements_pin_what_pyproject_asks_for() -> None:
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"{line!r} is not pinned"
            pins[canonicalize_name(name)] = version
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for spec in project["dependencies"]:
        req = Requirement(spec)
        pinned = pins.get(canonicalize_name(req.name))
        assert pinned is not None, f"requirements.txt lacks {req.name}"
        assert req.specifier.contains(pinned), f"{req.name}=={pinned} is outside pyproject's {req.specifier}"
    assert "pytest" not in pins and "mypy" not in pins, "runtime packages only"


def test_compose_keeps_the_data_and_gives_the_drain_its_time() -> None:
    text = (ROOT / "docker-compose.yml").read_text()
    lines = [line.split(" #")[0].rstrip() for line in text.splitlines() if not line.lstrip().startswith("#")]
    body = "\n".join(lines)
    assert re.search(r"^services:\n  bot:\n    build: \.$", body, re.M)
    assert re.search(r"^    env_file: \.env$", body, re.M)
    assert re.search(r"^    restart: (unless-stopped|always)$", body, re.M)
    assert re.search(r"^      DATABASE_PATH: /data/bot\.sqlite3$", body, re.M), (
        ".env cannot move it off the volume"
    )
    assert re.search(r"^      - bot-data:/data$", body, re.M)
    assert re.search(r"^volumes:\n  bot-data:$", body, re.M)
    grace = re.search(r"^    stop_grace_period: (\d+)s$", body, re.M)
    assert grace is not None and int(grace.group(1)) >= 10, "SIGKILL must not cut the drain short"


@pytest.mark.e2e
async def test_the_healthcheck_command_works_when_run_directly(
    fake_discord: FakeDiscord, bot_process: BotProcess
) -> None:
    command = healthcheck_command()
    assert (await run_command(bot_process, command)).code == 1
    await bot_process.start()
    await fake_discord.wait_connected(timeout=30)
    async with asyncio.timeout(30):
        while (ran := await run_command(bot_process, command)).code != 0:
            assert ran.code == 1 and ran.err.startswith("unhealthy: ")
            await asyncio.sleep(0.2)
    assert ran.out.startswith("healthy: ")
    assert await bot_process.terminate() == 0


def test_the_scale_profile_runs_every_shard_once_on_one_postgresql_and_one_data_volume() -> None:
    import yaml

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert "profiles" not in services["bot"], "`docker compose up` still starts the single bot"
    assert services["postgres"]["profiles"] == ["scale"] and "healthcheck" in services["postgres"]
    shards = {name: s for name, s in services.items() if name.startswith("bot-shard-")}
    assert len(shards) >= 2
    urls, counts, ids = set(), set(), []
    for service in shards.values():
        assert service["profiles"] == ["scale"]
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert service["volumes"] == ["bot-data:/data"], "kept files are shared"
        assert service["stop_grace_period"] == "30s"
        env = service["environment"]
        assert env["DATABASE_PATH"].startswith("/data/")
        urls.add(env["DATABASE_URL"])
        counts.add(int(env["SHARD_COUNT"]))
        ids += [int(i) for i in env["SHARD_IDS"].split(",")]
    assert len(urls) == 1 and next(iter(urls)).startswith(
        "postgresql://videobot:${POSTGRES_PASSWORD}@postgres"
    )
    assert counts == {len(shards)} and sorted(ids) == list(range(len(shards))), "each shard held once"
