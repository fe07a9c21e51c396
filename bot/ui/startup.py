"""Discord's side of start-up failures: what logging in and syncing commands can raise, as one sentence each.

Used by `python -m bot` (around `bot.login`, and in `setup_hook` for the command sync) and, for the same
sentences, by `python -m bot --check`.
"""

from __future__ import annotations

import aiohttp
import discord

from bot.settings import Settings
from bot.startup import StartupError, one_line, reason, show_url, unreachable
from bot.ui.permissions import invite_url

__all__ = [
    "DISCORD_API",
    "TOKEN_REFUSED",
    "discord_where",
    "gateway_problem",
    "guild_problem",
    "login_problem",
    "sync_problem",
]

DISCORD_API = "https://discord.com/api/v10"
MISSING_ACCESS = 50001
UNKNOWN_GUILD = 10004
TOKEN_REFUSED = (
    "DISCORD_TOKEN was refused by Discord (401): reset the token in the developer portal (Bot → Reset Token) "
    "and put the new one in DISCORD_TOKEN"
)


def discord_where(settings: Settings) -> str:
    """How a line names the Discord being talked to: the setting when it is set, else discord.com."""
    if settings.discord_api_base:
        return f"DISCORD_API_BASE {show_url(settings.discord_api_base.rstrip('/'))}"
    return f"Discord ({DISCORD_API})"


def guild_problem(guild_id: int, application_id: int | None, status: int, code: int, message: str) -> str:
    """Why the commands cannot be synced to DEV_GUILD_ID (an answer to a guild commands call)."""
    if status == 403 and code == MISSING_ACCESS:
        fix = "open the bot's invite link as an admin of that server"
        if application_id is not None:
            fix = f"open {invite_url(application_id)}&guild_id={guild_id} as an admin of that server"
        return (
            f"DEV_GUILD_ID {guild_id}: the bot is not in that server, or was added without the "
            f"applications.commands scope: {fix} (or correct DEV_GUILD_ID)"
        )
    if status == 404 or code == UNKNOWN_GUILD:
        return (
            f"DEV_GUILD_ID {guild_id} is not a server Discord knows: copy the server id again (User Settings "
            "→ Advanced → Developer Mode, then right-click the server → Copy Server ID)"
        )
    if status >= 500:
        return f"Discord is having trouble (HTTP {status} for the commands of DEV_GUILD_ID): try again later"
    detail = f": {one_line(message)}" if message else ""
    return f"Discord refused the commands of DEV_GUILD_ID {guild_id} (HTTP {status}, code {code}){detail}"


def sync_problem(settings: Settings, application_id: int | None, exc: discord.HTTPException) -> StartupError:
    """The command sync failed: one sentence (for a DEV_GUILD_ID sync, naming it)."""
    status = exc.status
    if settings.dev_guild_id:
        return StartupError(guild_problem(settings.dev_guild_id, application_id, status, exc.code, exc.text))
    if status >= 500:
        return StartupError(f"Discord is having trouble (HTTP {status} at the command sync): try again later")
    detail = f": {one_line(exc.text)}" if exc.text else ""
    return StartupError(f"Discord refused the command sync (HTTP {status}, code {exc.code}){detail}")


INVALID_SHARD = 4010
SHARDING_REQUIRED = 4011


def gateway_problem(settings: Settings, code: int | None) -> StartupError | None:
    """The gateway closed for good with a sharding code: one sentence naming the settings; None otherwise."""
    if code == SHARDING_REQUIRED:
        now = f"SHARD_COUNT={settings.shard_count}" if settings.shard_count else "SHARD_COUNT unset"
        return StartupError(
            f"Discord requires more shards for this bot's servers (gateway close 4011, Sharding required; "
            f"{now}): raise SHARD_COUNT (about one shard per 1,000 servers; each process holds SHARD_IDS)"
        )
    if code == INVALID_SHARD:
        return StartupError(
            "Discord refused the shard (gateway close 4010, Invalid shard): check SHARD_COUNT and SHARD_IDS "
            "(ids from 0 to SHARD_COUNT - 1, the same SHARD_COUNT in every process)"
        )
    return None


def login_problem(settings: Settings, exc: BaseException) -> StartupError | None:
    """What logging in to Discord raised, as one sentence; None for anything unexpected (a bug)."""
    where = discord_where(settings)
    if isinstance(exc, discord.LoginFailure):
        return StartupError(TOKEN_REFUSED)
    if isinstance(exc, discord.DiscordServerError):
        return StartupError(f"Discord is having trouble (HTTP {exc.status} at login): try again later")
    if isinstance(exc, discord.HTTPException):
        detail = f": {one_line(exc.text)}" if exc.text else ""
        fix = ": is DISCORD_API_BASE right?" if settings.discord_api_base else ""
        return StartupError(f"{where} answered HTTP {exc.status} at login{detail}{fix}")
    if isinstance(exc, aiohttp.ClientError | OSError | TimeoutError):
        return StartupError(unreachable(where, reason(exc), custom=bool(settings.discord_api_base)))
    return None
