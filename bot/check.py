"""`python -m bot --check`: is this deployment ready? Token, API key, credit, and the invite link.

Talks to Discord (``GET /users/@me``, ``GET /oauth2/applications/@me``, and with DEV_GUILD_ID the
guild's commands, which needs the bot in that server with the ``applications.commands`` scope) and to the
video API (``GET /v1/balance``) once each, with short timeouts; checks that DATABASE_PATH can be used
(read-only: it creates or modifies no database) and, with push on, that the receiver's host and port can
be listened on (bound and released at once). Nothing else: no gateway, no command sync. Results go to
``out``; every problem is one line on ``err``, the same sentence `python -m bot` would print. Secrets are
never printed: every line is scrubbed of the token and the key before it is written, and unexpected
exceptions are reported by type only.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TextIO

import aiohttp

from bot.apimart import (
    ApiConnectionError,
    ApiError,
    ApiMartClient,
    ApiTimeout,
    AuthError,
    Balance,
    MalformedResponse,
    PaymentRequired,
    PermissionDenied,
    RateLimited,
    ServerError,
    TaskNotFound,
)
from bot.settings import Settings
from bot.startup import StartupError, listen_problem, one_line, reason, show_url, unreachable
from bot.store import postgres
from bot.store.db import DatabaseUnusable, inspect_database
from bot.ui.permissions import PERMISSIONS, SCOPES, invite_url, permission_names
from bot.ui.startup import DISCORD_API, TOKEN_REFUSED, guild_problem

__all__ = ["DISCORD_API", "TIMEOUT_SECONDS", "run_check"]

TIMEOUT_SECONDS = 10.0


@dataclass
class _Result:
    lines: list[str] = field(default_factory=list)  # for `out`
    problems: list[str] = field(default_factory=list)  # for `err`, one line each
    application_id: int | None = None


async def run_check(settings: Settings, *, out: TextIO, err: TextIO) -> int:
    """Check the Discord token and the API key; print the invite link. 0 when all is well, else 1."""
    scrub = _scrubber(settings)

    def say(line: str) -> None:
        out.write(scrub(line) + "\n")

    def problem(line: str) -> None:
        err.write(scrub(line) + "\n")

    say("Settings: OK")
    timeout = aiohttp.ClientTimeout(total=TIMEOUT_SECONDS, sock_connect=TIMEOUT_SECONDS)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        # Independent checks: run them side by side, report them in a fixed order.
        database_result, discord_result, api_result, push_result = await asyncio.gather(
            _guarded("Database", _check_database(settings)),
            _guarded("Discord", _check_discord(session, settings)),
            _guarded("APIMart", _check_apimart(session, settings)),
            _guarded("Push", _check_listen(settings)),
        )
    problems: list[str] = []
    for result in (database_result, discord_result, api_result, push_result):
        for line in result.lines:
            say(line)
        for line in result.problems:
            problem(line)
        problems.extend(result.problems)

    names = ", ".join(permission_names())
    say(f"Permissions: {PERMISSIONS.value} = {names} (scopes: {' '.join(SCOPES)})")
    if discord_result.application_id is not None:
        say(f"Invite link: {invite_url(discord_result.application_id)}")
    else:
        say("Invite link: unavailable until DISCORD_TOKEN works (the link needs the application id)")

    if problems:
        say(f"Check failed: {len(problems)} problem{'s' if len(problems) != 1 else ''} (listed on stderr).")
    else:
        say("All checks passed.")
    out.flush()
    err.flush()
    return 1 if problems else 0


async def _guarded(what: str, check: Coroutine[Any, Any, _Result]) -> _Result:
    """Never a traceback: an unexpected exception becomes one problem line naming only its type."""
    try:
        return await check
    except Exception as exc:
        return _Result(problems=[f"{what}: the check failed unexpectedly ({type(exc).__name__})"])


# --------------------------------------------------------------------------------------- database, push


async def _check_database(settings: Settings) -> _Result:
    """DATABASE_PATH usable? Read-only: nothing is created, and an existing database is not modified."""
    result = _Result()
    if settings.database_url:
        return await _check_postgres(settings.database_url)
    path = settings.database_path
    try:
        version = await asyncio.to_thread(inspect_database, path)
    except DatabaseUnusable as exc:
        result.problems.append(exc.message)
        return result
    if version is None:
        result.lines.append(f"Database: {path} will be created at the first start (its folder is writable)")
    else:
        result.lines.append(f"Database: {path} is writable (database version {version})")
    return result


async def _check_postgres(url: str) -> _Result:
    result = _Result()
    try:
        version = await postgres.inspect(url)
    except StartupError as exc:
        result.problems.append(exc.message)
        return result
    where = postgres.redact(url)
    if version is None:
        result.lines.append(
            f"Database: PostgreSQL at {where} answers; its tables are made at the first start"
        )
    else:
        result.lines.append(f"Database: PostgreSQL at {where} answers (database version {version})")
    return result


async def _check_listen(settings: Settings) -> _Result:
    """With push on: can the receiver listen on WEBHOOK_LISTEN_HOST:WEBHOOK_LISTEN_PORT? Bound, then freed."""
    result = _Result()
    if not settings.webhook_public_url:
        return result
    host, port = settings.webhook_listen_host, settings.webhook_listen_port
    try:
        server = await asyncio.get_running_loop().create_server(asyncio.Protocol, host, port)
    except OSError as exc:
        result.problems.append(listen_problem(host, port, exc).message)
        return result
    server.close()
    await server.wait_closed()
    result.lines.append(
        f"Push: the receiver can listen on {host}:{port}; the API will call "
        f"{_show_url(settings.webhook_public_url)}/callback"
    )
    return result


# ---------------------------------------------------------------------------------------------- Discord


async def _check_discord(session: aiohttp.ClientSession, settings: Settings) -> _Result:
    result = _Result()
    token = settings.discord_token
    if not token.isascii() or not token.isprintable() or " " in token:
        result.problems.append(
            "DISCORD_TOKEN is malformed: it contains characters a bot token never has (copy it again)"
        )
        return result
    base = (settings.discord_api_base or DISCORD_API).rstrip("/")
    where = f"DISCORD_API_BASE {_show_url(base)}" if settings.discord_api_base else f"Discord ({base})"
    headers = {
        "Authorization": f"Bot {token}",
        "Accept": "application/json",
        "User-Agent": "DiscordBot (https://github.com/Rapptz/discord.py, videobot-check)",
    }
    try:
        status, me = await _get_json(session, f"{base}/users/@me", headers)
        if status == 401:
            result.problems.append(TOKEN_REFUSED)
            return result
        if status != 200 or not isinstance(me, dict) or "id" not in me:
            result.problems.append(_discord_http_problem("GET /users/@me", status, me, where))
            return result
        status, app = await _get_json(session, f"{base}/oauth2/applications/@me", headers)
        if status != 200 or not isinstance(app, dict) or "id" not in app:
            result.problems.append(_discord_http_problem("GET /oauth2/applications/@me", status, app, where))
            return result
    except (TimeoutError, aiohttp.ClientError) as exc:
        result.problems.append(unreachable(where, _reason(exc), custom=bool(settings.discord_api_base)))
        return result

    name = str(me.get("username") or "?")
    if str(me.get("discriminator") or "0") not in ("0", "0000"):
        name = f"{name}#{me['discriminator']}"
    try:
        result.application_id = int(app["id"])
    except (TypeError, ValueError):
        result.problems.append(f"{where}: GET /oauth2/applications/@me returned no usable application id")
        return result
    result.lines.append(f"Discord: logged in as {name} (application {result.application_id})")
    if app.get("bot_require_code_grant") is True:
        result.problems.append(
            'Discord: "Requires OAuth2 Code Grant" is on, so the invite link will not work: '
            "turn it off on the developer portal's Bot page"
        )
    if app.get("bot_public") is False:
        result.lines.append(
            "Discord: the bot is private (Public Bot is off): only its owner can add it to a server"
        )
    if settings.dev_guild_id:
        await _check_guild(session, base, headers, settings.dev_guild_id, result.application_id, result)
    return result


async def _check_guild(
    session: aiohttp.ClientSession,
    base: str,
    headers: dict[str, str],
    guild_id: int,
    application_id: int,
    result: _Result,
) -> None:
    """Reading the guild's commands needs what syncing them at start-up needs: the bot in that server, added
    with the applications.commands scope."""
    path = f"/applications/{application_id}/guilds/{guild_id}/commands"
    try:
        status, body = await _get_json(session, f"{base}{path}", headers)
    except (TimeoutError, aiohttp.ClientError) as exc:
        result.problems.append(f"Discord: the commands of DEV_GUILD_ID could not be read: {_reason(exc)}")
        return
    if status == 200 and isinstance(body, list):
        result.lines.append(f"Discord: the bot can sync its commands to DEV_GUILD_ID {guild_id}")
        return
    if status in (403, 404):
        code = body.get("code") if isinstance(body, dict) else None
        result.problems.append(guild_problem(guild_id, application_id, status, int(code or 0), ""))
        return
    result.problems.append(_discord_http_problem(f"GET {path}", status, body, "Discord"))


async def _get_json(session: aiohttp.ClientSession, url: str, headers: dict[str, str]) -> tuple[int, Any]:
    async with session.get(url, headers=headers, allow_redirects=False) as resp:
        body = await resp.read()
        status = resp.status
    try:
        return status, json.loads(body)
    except ValueError:
        return status, None


def _discord_http_problem(what: str, status: int, body: Any, where: str) -> str:
    detail = ""
    if isinstance(body, dict) and body.get("message"):
        detail = f": {_one_line(str(body['message']))}"
    if status == 429:
        return f"Discord rate-limited the check ({what} answered 429): try again in a minute"
    if status >= 500:
        return f"Discord is having trouble ({what} answered HTTP {status}): try again later"
    if status == 200:
        return f"{where} answered {what} with something that is not Discord's JSON: is the URL right?"
    return f"Discord answered {what} with HTTP {status}{detail}"


# ---------------------------------------------------------------------------------------------- APIMart


async def _check_apimart(session: aiohttp.ClientSession, settings: Settings) -> _Result:
    result = _Result()
    where = f"APIMART_BASE_URL {_show_url(settings.apimart_base_url)}"
    api = ApiMartClient(
        session,
        base_url=settings.apimart_base_url,
        api_key=settings.apimart_api_key,
        model=settings.apimart_model,
        timeout=min(settings.api_timeout_seconds, TIMEOUT_SECONDS),
    )
    try:
        balance = await api.balance()
    except AuthError:
        result.problems.append(
            "APIMART_API_KEY was refused by the video API (401): check the key in your APIMart account"
        )
    except PaymentRequired:
        result.problems.append(
            "APIMart: the account is out of credit (402): top it up before anyone uses /video"
        )
    except PermissionDenied as exc:
        result.problems.append(
            f"APIMART_API_KEY is not allowed to use the video API (403): {_one_line(exc.message)}"
        )
    except (ApiTimeout, ApiConnectionError) as exc:
        custom = settings.apimart_base_url != Settings.apimart_base_url
        result.problems.append(unreachable(where, _api_reason(exc), custom=custom))
    except RateLimited:
        result.problems.append("APIMart rate-limited the check (429): try again in a minute")
    except ServerError as exc:
        result.problems.append(f"APIMart is having trouble (HTTP {exc.status}): try again later")
    except (TaskNotFound, MalformedResponse) as exc:
        status = f"HTTP {exc.status}" if exc.status is not None else "an unreadable answer"
        result.problems.append(
            f"{where} does not look like the APIMart API (GET /v1/balance gave {status}): is the URL right?"
        )
    except ApiError as exc:
        result.problems.append(f"APIMart: the balance check failed: {_one_line(exc.message)}")
    else:
        result.lines.append(f"APIMart: key accepted, {_credits(balance)}")
    return result


def _credits(balance: Balance) -> str:
    if balance.unlimited:
        return "unlimited quota"
    if balance.remain_credits is None:
        return "remaining credits not reported"
    return f"{_number(balance.remain_credits)} credits left"


def _number(value: float) -> str:
    if value.is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _api_reason(exc: ApiError) -> str:
    if isinstance(exc, ApiTimeout):
        return f"no answer within {TIMEOUT_SECONDS:g} s"
    cause = exc.__context__  # the client raises `from None`, which still keeps the original as context
    if isinstance(cause, aiohttp.ClientError | TimeoutError):
        return _reason(cause)
    return _one_line(exc.message.split(": ", 1)[-1])


# ----------------------------------------------------------------------------------------------- helpers


def _reason(exc: BaseException) -> str:
    """A short, secret-free reason for a transport failure."""
    return reason(exc, timeout=TIMEOUT_SECONDS)


_show_url = show_url
_one_line = one_line


def _scrubber(settings: Settings) -> Callable[[str], str]:
    secrets = [s for s in (settings.discord_token, settings.apimart_api_key) if s]

    def scrub(line: str) -> str:
        line = re.sub(r"[\r\n]+", " ", line)
        for secret in secrets:
            line = line.replace(secret, "***")
        return line

    return scrub
