"""Composition root: settings → session + database → API client → bot → start. Closed in reverse order."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys

import discord
import yarl

from bot.app import build_app
from bot.check import run_check
from bot.settings import Settings, SettingsError, load_settings
from bot.store import DatabaseInUse

log = logging.getLogger("bot")


def point_discord_at(settings: Settings) -> None:
    """Only for tests and local development: talk to a fake Discord instead of discord.com."""
    if settings.discord_api_base:
        discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    if settings.discord_gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


async def run(settings: Settings) -> int:
    try:
        app = await build_app(settings)
    except DatabaseInUse as exc:
        print(f"cannot start: {exc}", file=sys.stderr)
        return 1
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
            await bot.start(settings.discord_token)
    except discord.LoginFailure:
        print("cannot start: Discord refused DISCORD_TOKEN (check the bot token)", file=sys.stderr)
        return 1
    except discord.PrivilegedIntentsRequired:
        print("cannot start: Discord refused the requested gateway intents", file=sys.stderr)
        return 1
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
    args = parser.parse_args(argv)
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
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    logging.getLogger("discord").setLevel(max(logging.INFO, logging.getLevelName(settings.log_level)))
    point_discord_at(settings)
    return asyncio.run(run(settings))


if __name__ == "__main__":
    sys.exit(main())
