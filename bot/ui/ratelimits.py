"""What Discord's own answers say about its rate limits, read off the wire.

discord.py obeys Discord's rate-limit headers by itself (it sleeps when a bucket is exhausted, and on a 429),
but it tells its caller nothing: an edit that waited on the limit looks like an edit that was slow. The card
throttle needs to know which it was (a busy channel: edit this card less often; a slow host or network:
nothing to back off from), so this watches discord.py's HTTP session through an aiohttp `TraceConfig`
(discord.py's `http_trace` option) and keeps, per message, the longest wait Discord asked for on an edit
of it since the caller last looked: `X-RateLimit-Reset-After` when `X-RateLimit-Remaining` hit 0, or the
wait of a 429. And per channel, since Discord counts a channel's edits together whichever message they
edit (the route's major parameter is the channel): how many times its edits were limited, and the latest
wait, so every card in a busy channel can slow down, not only the one whose edit was answered.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from types import SimpleNamespace

import aiohttp

log = logging.getLogger("bot.ui.ratelimits")

_MESSAGE_EDIT = re.compile(r"/channels/(\d+)/messages/(\d+)$")
KEEP = 1024  # messages remembered (only those Discord limited, and only until read)


class DiscordLimits:
    def __init__(self) -> None:
        self._waits: dict[int, float] = {}
        # channel → (times its edits were limited, the latest wait)
        self._channels: dict[int, tuple[int, float]] = {}

    def trace_config(self) -> aiohttp.TraceConfig:
        """Pass as discord.py's `http_trace` (one client per instance)."""
        trace = aiohttp.TraceConfig()
        trace.on_request_end.append(self._on_request_end)
        return trace

    def edit_wait(self, message_id: int) -> float:
        """The longest wait Discord asked for on an edit of this message since the last call (0: none)."""
        return self._waits.pop(message_id, 0.0)

    def channel_news(self, channel_id: int, seen: int) -> tuple[int, float]:
        """(How many times Discord limited this channel's edits so far, the latest wait it asked for if that
        came after the caller's `seen` count, else 0)."""
        count, wait = self._channels.get(channel_id, (0, 0.0))
        return count, wait if count > seen else 0.0

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
            self._waits[message_id] = max(wait, self._waits.pop(message_id, 0.0))
            count, _ = self._channels.pop(channel_id, (0, 0.0))
            self._channels[channel_id] = (count + 1, wait)
            for kept in (self._waits, self._channels):
                while len(kept) > KEEP:
                    del kept[next(iter(kept))]
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
