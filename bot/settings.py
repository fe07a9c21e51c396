"""One frozen settings object, built once from the environment (and `.env` when present)."""

from __future__ import annotations

import dataclasses
import ipaddress
import math
import os
import re
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dotenv.parser import parse_stream

from bot.jobs.limits import Limits

_SECRET_FIELDS = frozenset({"discord_token", "apimart_api_key", "database_url"})


class SettingsError(Exception):
    """Raised with one line per missing or malformed setting; never carries a secret's value."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class Settings:
    discord_token: str = field(repr=False)
    apimart_api_key: str = field(repr=False)
    apimart_base_url: str = "https://api.apimart.ai"
    apimart_model: str = "gemini-omni-flash-preview"
    database_path: Path = Path("data/bot.sqlite3")
    # PostgreSQL (several processes on one store); unset: the SQLite file at DATABASE_PATH.
    database_url: str = field(default="", repr=False)
    dev_guild_id: int | None = None
    log_level: str = "INFO"
    log_format: str = "text"  # text, or json: one JSON object a line, job fields as keys
    # Sharding: unset, one unsharded gateway connection; set, this process holds `shard_ids` (default: all)
    # of `shard_count` shards (discord.py's AutoShardedBot).
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    # Jobs and polling.
    job_deadline_seconds: float = 1800.0
    poll_first_delay: float = 5.0
    poll_min_interval: float = 2.0
    poll_max_interval: float = 60.0
    poll_concurrency: int = 8
    api_timeout_seconds: float = 30.0
    # All API calls share this budget (the key allows about 500 a minute; keep a margin).
    api_rate_per_minute: float = 300.0
    # Push: when set, the API calls <url>/callback on completion and a small receiver listens.
    webhook_public_url: str = ""
    webhook_listen_host: str = "0.0.0.0"
    webhook_listen_port: int = 8080
    extend_max_age_hours: float = 24.0
    extend_stitch: str = "auto"
    # Delivery.
    max_clip_bytes: int = 200 * 1024 * 1024
    card_edit_interval: float = 5.0
    # Spend control (0 turns a limit off). Defaults suit a mid-size community server: a member can make a
    # handful of clips a day, and the whole bot can never spend more than ~$50 of credit a day.
    user_daily_limit: int = 10
    user_concurrent_limit: int = 2
    user_queue_limit: int = 3
    guild_daily_limit: int = 100
    cooldown_seconds: float = 30.0
    max_concurrent_jobs: int = 10
    daily_credit_budget: float = 500.0
    credits_per_job: float = 8.8
    failed_jobs_count: bool = False
    allow_dms: bool = False
    # After a 402 / 401 new jobs wait while GET /v1/balance is probed, from a few seconds apart up to these.
    payment_pause_seconds: float = 60.0
    auth_pause_seconds: float = 60.0
    # Where operator alerts go (401, 402, missing channel permissions, failing deliveries); unset: the
    # application owner's DMs.
    operator_alert_channel_id: int | None = None
    # Reference files kept for Retry / Remix after Discord's and the API's links expire.
    reference_retention_days: float = 7.0
    reference_storage_max_mb: float = 2048.0
    # Only for tests and local development against the fakes; leave empty in production.
    discord_api_base: str = ""
    discord_gateway_url: str = ""

    def __repr__(self) -> str:
        shown = []
        for f in dataclasses.fields(self):
            value = "***" if f.name in _SECRET_FIELDS else repr(getattr(self, f.name))
            shown.append(f"{f.name}={value}")
        return f"Settings({', '.join(shown)})"

    @property
    def sharded(self) -> bool:
        return self.shard_count is not None

    @property
    def syncs_commands(self) -> bool:
        """One process syncs the command tree: the one holding shard 0 (or the only, unsharded one)."""
        return self.shard_ids is None or 0 in self.shard_ids

    @property
    def data_dir(self) -> Path:
        return self.database_path.parent

    @property
    def limits(self) -> Limits:
        """The bot-wide default limits (servers may override some of them)."""
        return Limits(
            user_daily=self.user_daily_limit,
            user_concurrent=self.user_concurrent_limit,
            user_queue=self.user_queue_limit,
            guild_daily=self.guild_daily_limit,
            cooldown_seconds=self.cooldown_seconds,
            daily_credit_budget=self.daily_credit_budget,
            credits_per_job=self.credits_per_job,
        )


def read_dotenv(path: Path, problems: list[str] | None = None) -> dict[str, str]:
    """Read a `.env` file with python-dotenv: comments (inline ones too), quotes, escapes and `export` are
    understood; `${VAR}` is kept as written. A line that cannot be read adds a problem naming its number
    (never its text: it may hold a secret)."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    try:
        with path.open(encoding="utf-8-sig") as stream:
            bindings = list(parse_stream(stream))
    except (OSError, UnicodeDecodeError) as exc:
        if problems is not None:
            why = "it is not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
            problems.append(f"{path} cannot be read ({why}): fix it, or set the settings in the environment")
        return values
    for binding in bindings:
        if binding.error:
            if problems is not None:
                problems.append(
                    f"{path} line {binding.original.line} cannot be read (an unclosed quote, or not "
                    "KEY=VALUE): fix or remove that line"
                )
        elif binding.key is not None and binding.value is not None:
            values[binding.key] = binding.value
    return values


class _Hint(ValueError):
    """A malformed value, with a hint that is safe to print (it never contains the value)."""

    def __init__(self, hint: str) -> None:
        super().__init__(hint)
        self.hint = hint


# Generous ceilings: beyond them a value is a typo, and time or SQLite arithmetic would overflow.
_MAX_NUMBER = 1e9
_MAX_WHOLE = 10**12


def _int_in(low: int, high: int = _MAX_WHOLE) -> Callable[[str], int]:
    """A parser of whole numbers from `low` up to `high` (inclusive)."""

    def parse(raw: str) -> int:
        value = int(raw)
        if value < low:
            raise ValueError
        if value > high:
            raise _Hint(f"at most {high}")
        return value

    return parse


def _float_from(low: float, *, inclusive: bool, high: float = _MAX_NUMBER) -> Callable[[str], float]:
    """A parser of numbers above `low` (or from `low` when inclusive) up to `high`; NaN and inf refused."""

    def parse(raw: str) -> float:
        value = float(raw)
        if not (value >= low if inclusive else value > low):
            raise ValueError
        if not math.isfinite(value) or value > high:
            raise _Hint(f"a finite number, at most {high:.12g}")
        return value

    return parse


_positive_float = _float_from(0, inclusive=False)
_non_negative_float = _float_from(0, inclusive=True)
_hours = _float_from(0, inclusive=False, high=24 * 365 * 10)
_days = _float_from(0, inclusive=False, high=365 * 10)
_rate = _float_from(2, inclusive=True)
_positive_int = _int_in(1)
_non_negative_int = _int_in(0)
_snowflake = _int_in(1, 2**63 - 1)
_port = _int_in(0, 65535)


def _bool(raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ValueError


def _checked_url(raw: str, schemes: tuple[str, str]) -> str:
    """A URL with one of `schemes`, a host, and (if any) a valid port."""
    parts = urllib.parse.urlsplit(raw)  # ValueError on, say, an unclosed IPv6 bracket
    if parts.scheme.lower() not in schemes or any(c.isspace() for c in raw):
        raise ValueError
    if not parts.hostname:
        raise _Hint(f"with a host, like {schemes[1]}://example.com")
    _ = parts.port  # ValueError when the port is not a number from 0 to 65535
    return raw


def _url(raw: str) -> str:
    return _checked_url(raw, ("http", "https")).rstrip("/")


def _postgres_url(raw: str) -> str:
    import yarl

    url = yarl.URL(raw)
    if url.scheme not in {"postgresql", "postgres"} or not url.host:
        raise ValueError
    return raw


def _ws_url(raw: str) -> str:
    return _checked_url(raw, ("ws", "wss"))


_HOST_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")


def _listen_host(raw: str) -> str:
    """An IP address or a host name, without a port (127.0.0.1:8080 is a typical slip)."""
    try:
        return str(ipaddress.ip_address(raw.removeprefix("[").removesuffix("]")))
    except ValueError:
        pass
    if ":" in raw:
        raise _Hint("without a port: put the port in WEBHOOK_LISTEN_PORT")
    labels = raw.removesuffix(".").split(".")
    if len(raw) > 253 or not all(_HOST_LABEL.fullmatch(label) for label in labels):
        raise ValueError
    return raw


def _file_path(raw: str) -> Path:
    """A file path; a leading ~ means the home folder (as in a shell)."""
    try:
        return Path(raw).expanduser()
    except RuntimeError:  # ~user of an unknown user, or no home folder
        raise _Hint("its ~ could not be expanded: write the full path") from None


def _stitch_mode(raw: str) -> str:
    mode = raw.strip().lower()
    if mode not in {"auto", "always", "never"}:
        raise ValueError
    return mode


MAX_SHARDS = 100_000  # far beyond any bot's needs (Discord: one shard per ~1,000 servers)


def _shard_ids(raw: str) -> tuple[int, ...]:
    """A list (`0,1,2`), a range (`0-3`), or both (`0-3,8`) of shard ids, each once."""
    ids: list[int] = []
    for part in raw.split(","):
        low, dash, high = part.strip().partition("-")
        first = int(low)
        last = int(high) if dash else first
        if first < 0 or last < first:
            raise ValueError
        if last >= MAX_SHARDS:
            raise _Hint(f"ids below {MAX_SHARDS}")
        ids.extend(range(first, last + 1))
    if len(set(ids)) != len(ids):
        raise _Hint("each shard id once")
    return tuple(ids)


def _shard_problem(kwargs: dict[str, Any], given: Mapping[str, str]) -> str | None:
    """SHARD_IDS must name shards of SHARD_COUNT; one sentence when it does not."""
    ids: tuple[int, ...] | None = kwargs.get("shard_ids")
    if ids is None:
        return None
    count: int | None = kwargs.get("shard_count")
    if count is None:
        if given.get("SHARD_COUNT", "").strip():
            return None  # SHARD_COUNT is malformed: that line says so
        return "SHARD_IDS is malformed: it needs SHARD_COUNT (the total number of shards of the bot)"
    if max(ids) >= count:
        return f"SHARD_IDS is malformed: shard ids go from 0 to {count - 1} with SHARD_COUNT={count}"
    return None


def _log_format(raw: str) -> str:
    fmt = raw.strip().lower()
    if fmt not in {"text", "json"}:
        raise ValueError
    return fmt


def _log_level(raw: str) -> str:
    level = raw.upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
        raise ValueError
    return level


# env name -> (field name, parser, what a valid value looks like)
_OPTIONAL: dict[str, tuple[str, Callable[[str], Any], str]] = {
    "APIMART_BASE_URL": ("apimart_base_url", _url, "an http(s) URL"),
    "APIMART_MODEL": ("apimart_model", str, "a model id"),
    "DATABASE_PATH": ("database_path", _file_path, "a file path"),
    "DATABASE_URL": ("database_url", _postgres_url, "a postgresql://user:password@host:port/database URL"),
    "DEV_GUILD_ID": ("dev_guild_id", _snowflake, "a server id (a positive number)"),
    "LOG_LEVEL": ("log_level", _log_level, "DEBUG, INFO, WARNING or ERROR"),
    "LOG_FORMAT": ("log_format", _log_format, "text or json"),
    "SHARD_COUNT": ("shard_count", _int_in(1, MAX_SHARDS), "a positive whole number of shards"),
    "SHARD_IDS": ("shard_ids", _shard_ids, "shard ids like 0,1,2 or a range like 0-3"),
    "JOB_DEADLINE_SECONDS": ("job_deadline_seconds", _positive_float, "a positive number of seconds"),
    "POLL_FIRST_DELAY": ("poll_first_delay", _positive_float, "a positive number of seconds"),
    "POLL_MIN_INTERVAL": ("poll_min_interval", _positive_float, "a positive number of seconds"),
    "POLL_MAX_INTERVAL": ("poll_max_interval", _positive_float, "a positive number of seconds"),
    "POLL_CONCURRENCY": ("poll_concurrency", _positive_int, "a positive whole number"),
    "API_TIMEOUT_SECONDS": ("api_timeout_seconds", _positive_float, "a positive number of seconds"),
    "API_RATE_PER_MINUTE": ("api_rate_per_minute", _rate, "a number of requests a minute, at least 2"),
    "WEBHOOK_PUBLIC_URL": ("webhook_public_url", _url, "an http(s) URL"),
    "WEBHOOK_LISTEN_HOST": ("webhook_listen_host", _listen_host, "a host name or address to listen on"),
    "WEBHOOK_LISTEN_PORT": ("webhook_listen_port", _port, "a port number (0-65535)"),
    "EXTEND_MAX_AGE_HOURS": ("extend_max_age_hours", _hours, "a positive number of hours"),
    "EXTEND_STITCH": ("extend_stitch", _stitch_mode, "auto, always or never"),
    "MAX_CLIP_BYTES": ("max_clip_bytes", _positive_int, "a positive number of bytes"),
    "CARD_EDIT_INTERVAL": ("card_edit_interval", _non_negative_float, "a number of seconds"),
    "USER_DAILY_LIMIT": ("user_daily_limit", _non_negative_int, "a whole number (0 = no limit)"),
    "USER_CONCURRENT_LIMIT": ("user_concurrent_limit", _non_negative_int, "a whole number (0 = no limit)"),
    "USER_QUEUE_LIMIT": ("user_queue_limit", _non_negative_int, "a whole number (0 = no line)"),
    "GUILD_DAILY_LIMIT": ("guild_daily_limit", _non_negative_int, "a whole number (0 = no limit)"),
    "COOLDOWN_SECONDS": ("cooldown_seconds", _non_negative_float, "a number of seconds (0 = none)"),
    "MAX_CONCURRENT_JOBS": ("max_concurrent_jobs", _positive_int, "a positive whole number"),
    "DAILY_CREDIT_BUDGET": (
        "daily_credit_budget",
        _non_negative_float,
        "a number of credits (0 = no budget)",
    ),
    "CREDITS_PER_JOB": ("credits_per_job", _positive_float, "a positive number of credits"),
    "FAILED_JOBS_COUNT": ("failed_jobs_count", _bool, "true or false"),
    "ALLOW_DMS": ("allow_dms", _bool, "true or false"),
    "PAYMENT_PAUSE_SECONDS": ("payment_pause_seconds", _positive_float, "a positive number of seconds"),
    "AUTH_PAUSE_SECONDS": ("auth_pause_seconds", _positive_float, "a positive number of seconds"),
    "OPERATOR_ALERT_CHANNEL_ID": ("operator_alert_channel_id", _snowflake, "a channel id (a number)"),
    "REFERENCE_RETENTION_DAYS": ("reference_retention_days", _days, "a positive number of days"),
    "REFERENCE_STORAGE_MAX_MB": ("reference_storage_max_mb", _positive_float, "a positive number of MB"),
    "DISCORD_API_BASE": ("discord_api_base", _url, "an http(s) URL"),
    "DISCORD_GATEWAY_URL": ("discord_gateway_url", _ws_url, "a ws(s) URL"),
}


def load_settings(environ: Mapping[str, str] | None = None, dotenv: Path | None = Path(".env")) -> Settings:
    """Build the settings: the environment wins over `.env`. Raises SettingsError naming every problem."""
    problems: list[str] = []
    merged: dict[str, str] = dict(read_dotenv(dotenv, problems)) if dotenv is not None else {}
    merged.update(os.environ if environ is None else environ)
    kwargs: dict[str, Any] = {}
    for name, attr in (("DISCORD_TOKEN", "discord_token"), ("APIMART_API_KEY", "apimart_api_key")):
        value = merged.get(name, "").strip()
        if not value:
            problems.append(f"{name} is missing: set it in the environment or in .env (see .env.example)")
        else:
            kwargs[attr] = value
    for name, (attr, parse, expected) in _OPTIONAL.items():
        raw = merged.get(name, "").strip()
        if not raw:
            continue
        try:
            kwargs[attr] = parse(raw)
        except ValueError as exc:
            # Never echo the value: a misplaced secret must not reach a terminal or a log.
            hint = f" ({exc.hint})" if isinstance(exc, _Hint) else ""
            problems.append(f"{name} is malformed: expected {expected}{hint}")
    if "poll_min_interval" in kwargs or "poll_max_interval" in kwargs:
        lo = kwargs.get("poll_min_interval", Settings.poll_min_interval)
        hi = kwargs.get("poll_max_interval", Settings.poll_max_interval)
        if lo > hi:
            problems.append("POLL_MIN_INTERVAL is malformed: it must not exceed POLL_MAX_INTERVAL")
    shards = _shard_problem(kwargs, merged)
    if shards is not None:
        problems.append(shards)
    if problems:
        raise SettingsError(problems)
    return Settings(**kwargs)
