"""What Discord's own answers say about its rate limits, read off the wire.

discord.py obeys Discord's rate-limit headers by itself (it sleeps when a bucket is exhausted, and on a 429),
but it tells its caller nothing: an edit that waited on the limit looks like an edit that was slow. The card
throttle needs to know which it was (a busy channel: edit this card less often; a slow host or network:
nothing to back off from), so this watches discord.py's HTTP session through an aiohttp `TraceConfig`
(discord.py's `http_trace` option) and keeps, per channel, how many times Discord limited an edit there,
the latest wait it asked for (`X-RateLimit-Reset-After` when `X-RateLimit-Remaining` hit 0, or the wait of
a 429) and which message that edit was of. Per channel, since Discord counts a channel's edits together
whichever message they edit (the route's major parameter is the channel): every card in a busy channel
slows down, not only the one whose edit was answered.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from types import SimpleNamespace
from typing import NamedTuple

import aiohttp

log = logging.getLogger("bot.ui.ratelimits")

_MESSAGE_EDIT = re.compile(r"/channels/(\d+)/messages/(\d+)$")
KEEP = 1024  # channels remembered (only those Discord limited)


class Limited(NamedTuple):
    """What Discord said of a channel's edits."""

    times: int  # how many times it limited them so far
    wait: float  # the latest wait it asked for (in `channel_news`: 0 unless that is news to the caller)
    message_id: int  # whose edit that latest limit answered


class DiscordLimits:
    def __init__(self) -> None:
        self._channels: dict[int, Limited] = {}

    def trace_config(self) -> aiohttp.TraceConfig:
        """Pass as discord.py's `http_trace` (one client per instance)."""
        trace = aiohttp.TraceConfig()
        trace.on_request_end.append(self._on_request_end)
        return trace

    def channel_news(self, channel_id: int, seen: int) -> Limited:
        """This channel's record; its wait is 0 unless Discord limited an edit there after the caller's
        `seen` count of limits."""
        now = self._channels.get(channel_id, Limited(0, 0.0, 0))
        return now if now.times > seen else now._replace(wait=0.0)

    async def _on_request_end(
        self, _session: aiohttp.ClientSession, _ctx: SimpleNamespace, params: aiohttp.TraceRequestEndParams
    ) -> None:
        # Inside discord.py's request: nothing here may raise into it.
        try:
            if params.method != "PATCH":
                return
            match = _MESSAGE_EDIT.search(params.url.path)
            if match is None:
                return
            wait = asked_wait(params.response.status, params.response.headers)
            if wait <= 0:
                return
            channel_id, message_id = int(match.group(1)), int(match.group(2))
            before = self._channels.pop(channel_id, None)
            self._channels[channel_id] = Limited(before.times + 1 if before else 1, wait, message_id)
            while len(self._channels) > KEEP:
                del self._channels[next(iter(self._channels))]
        except Exception:
            log.exception("reading Discord's rate-limit headers failed")


def asked_wait(status: int, headers: Mapping[str, str]) -> float:
    """Seconds Discord asked the client to wait before this route's next request (0: none)."""
    if status == 429:
        return _seconds(headers.get("X-RateLimit-Reset-After")) or _seconds(headers.get("Retry-After"))
    if headers.get("X-RateLimit-Remaining") == "0":
        return _seconds(headers.get("X-RateLimit-Reset-After"))
    return 0.0


def _seconds(value: str | None) -> float:
    try:
        return max(0.0, float(value)) if value is not None else 0.0
    except ValueError:
        return 0.0
