"""Composition root: settings → session + database → API client → bot → start. Closed in reverse order."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from pathlib import Path

import discord
import yarl

from bot.app import build_app
from bot.check import run_check
from bot.ops import cli as ops_cli
from bot.ops.logs import setup_logging
from bot.settings import Settings, SettingsError, load_settings
from bot.startup import HeldLogs, StartupError
from bot.ui.startup import gateway_problem, login_problem

log = logging.getLogger("bot")


def point_discord_at(settings: Settings) -> None:
    """Only for tests and local development: talk to a fake Discord instead of discord.com."""
    if settings.discord_api_base:
        discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    if settings.discord_gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


async def run(settings: Settings) -> int:
    """Run the bot until it is stopped. A start-up failure (bot.startup.StartupError, raised where the
    problem is known) is the only line printed: exit code 2 for a setting, 1 for the environment."""
    held = HeldLogs().hold()  # start-up logs are printed once the bot is logged in and set up
    try:
        return await _run(settings, held)
    except StartupError as exc:
        held.failed()
        print(f"cannot start: {exc.message}", file=sys.stderr)
        return exc.exit_code
    finally:
        held.release()


async def _login(bot: discord.Client, settings: Settings) -> None:
    """Log in and run setup_hook (command sync, worker, push receiver); failures become one sentence."""
    try:
        await bot.login(settings.discord_token)
    except StartupError:
        raise
    except Exception as exc:
        problem = login_problem(settings, exc)
        if problem is None:  # a bug, not a deployment problem: the details are in the DEBUG log
            log.debug("start-up failed", exc_info=True)
            problem = StartupError(
                f"start-up failed unexpectedly ({type(exc).__name__}): run with LOG_LEVEL=DEBUG to see where"
            )
        raise problem from exc


async def _run(settings: Settings, held: HeldLogs) -> int:
    app = await build_app(settings)
    log.info("starting with %r", settings)
    bot = app.bot
    stopping: list[asyncio.Task[None]] = []  # keep a reference to the shutdown task
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            # Drain, then close (bot.close): well inside the 10 s a container runtime allows.
            loop.add_signal_handler(sig, lambda: stopping.append(asyncio.ensure_future(bot.close())))
    try:
        async with bot:
            await _login(bot, settings)
            held.release()
            await bot.connect()
    except discord.PrivilegedIntentsRequired:
        raise StartupError("Discord refused the requested gateway intents") from None
    except discord.ConnectionClosed as exc:
        problem = gateway_problem(settings, exc.code)
        if problem is None:
            raise
        raise problem from None
    finally:
        await asyncio.gather(*stopping, return_exceptions=True)
        await app.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Run the video bot.")
    parser.add_argument(
        "--check",
        action="store_true",
        help="check the settings, the Discord token and the API key (with remaining credits), print the "
        "invite link, and exit: 0 when all is well, 1 when a check failed, 2 when a setting is wrong",
    )
    parser.add_argument(
        "--health",
        action="store_true",
        help="exit 0 when the running bot is healthy (gateway connected, worker loop alive), else 1",
    )
    parser.add_argument(
        "--backup",
        metavar="PATH",
        type=Path,
        help="copy the live database to PATH (a file, or a folder for a dated file), safe while the bot runs",
    )
    parser.add_argument(
        "--copy-to-postgres",
        action="store_true",
        help="copy the SQLite database (DATABASE_PATH) into an empty PostgreSQL database (DATABASE_URL), "
        "once, with the bot stopped",
    )
    args = parser.parse_args(argv)
    if args.copy_to_postgres:
        return ops_cli.copy_to_postgres()
    if args.health:
        return ops_cli.health()
    if args.backup is not None:
        return ops_cli.backup_to(args.backup)
    try:
        settings = load_settings()
    except SettingsError as exc:
        if args.check:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return 2
        print(f"cannot start: {'; '.join(exc.problems)}", file=sys.stderr)
        return 2
    if args.check:
        # Problems are reported as lines by the check itself; keep library warnings off the terminal.
        logging.getLogger().addHandler(logging.NullHandler())
        return asyncio.run(run_check(settings, out=sys.stdout, err=sys.stderr))
    setup_logging(settings.log_level, settings.log_format)
    point_discord_at(settings)
    return asyncio.run(run(settings))


if __name__ == "__main__":
    sys.exit(main())
