"""Helpers to run a real discord.py client against :class:`FakeDiscord` in tests."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import TypeVar

import discord
import pytest
import yarl

from tests.fakes.fake_discord import FakeDiscord

ClientT = TypeVar("ClientT", bound=discord.Client)


def point_discord_at(monkeypatch: pytest.MonkeyPatch, fake: FakeDiscord) -> None:
    """Patch discord.py's REST base and gateway URL to ``fake`` (undone by monkeypatch)."""
    monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url))


@contextlib.asynccontextmanager
async def running_bot(
    client: ClientT,
    fake: FakeDiscord,
    *,
    timeout: float = 10,
) -> AsyncIterator[ClientT]:
    """Start ``client`` against ``fake``, yield once ready, then close it cleanly.

    Races ``wait_until_ready`` against the start task so a failing ``setup_hook``/login surfaces
    its exception instead of hanging.
    """
    task = asyncio.create_task(client.start(fake.token), name="fake-discord-bot")
    ready = asyncio.ensure_future(client.wait_until_ready())
    try:
        done, _ = await asyncio.wait({task, ready}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            task.result()
            raise AssertionError("the bot stopped before it was ready")
        if not done:
            raise TimeoutError(f"the bot was not ready within {timeout}s")
        yield client
    finally:
        ready.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await ready
        await client.close()
        if not task.done():
            await asyncio.wait_for(task, timeout)
        elif not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]
