"""Operator alerts on Discord (implements bot.worker.ports.Alerts): one message per incident, never a secret.

Where: `OPERATOR_ALERT_CHANNEL_ID` when set, else a direct message to the application's owner (the team's
owner for a team app), when Discord lets the bot DM them. What: the API key refused (401), out of credit
(402), a channel where the bot lacks permissions, deliveries that keep failing.

An incident is sent once while it lasts (`resolved` ends it; its message is then marked resolved, an edit,
not a new message). The same incident coming back within `REPEAT_AFTER` is not sent again, and at most
`MAX_PER_WINDOW` alerts go out per `WINDOW`; what is held back is logged and counted in the next alert.
Every text is scrubbed: the bot token and the API key are masked, URLs lose their credentials and query.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass
from typing import Any

import discord

from bot.worker.ports import Incident

log = logging.getLogger("bot.ui.alerts")

REPEAT_AFTER = 1800.0  # the same incident back within this long (after a resolve) is not re-sent
WINDOW = 600.0
MAX_PER_WINDOW = 5
DETAIL_CHARS = 300
CLOSE_GRACE = 2.0  # seconds close() gives an alert still on its way

_HEADLINES = {
    Incident.API_KEY_REFUSED: (
        "The video API refused the bot's API key (HTTP 401). New videos are paused; queued jobs wait, none "
        "is lost. The bot checks the key again on a backoff (at most AUTH_PAUSE_SECONDS apart) and resumes "
        "by itself once it is accepted. If the key was rotated, set APIMART_API_KEY and restart the bot."
    ),
    Incident.OUT_OF_CREDIT: (
        "The video API account is out of credit (HTTP 402). New videos are paused; queued jobs wait, none "
        "is lost. The bot checks the balance on a backoff (at most PAYMENT_PAUSE_SECONDS apart) and resumes "
        "by itself as soon as the account is topped up."
    ),
    Incident.CHANNEL_FORBIDDEN: (
        "The bot lacks permissions in a channel: it could not post a job card or a clip there. Give it "
        "View Channels, Send Messages, Embed Links, Attach Files and Read Message History "
        "(`python -m bot --check` prints the invite link with exactly these)."
    ),
    Incident.DELIVERY_FAILING: (
        "Finished clips keep failing to reach Discord; the bot keeps retrying each one for a while."
    ),
}

_URL = re.compile(r"\b([a-z][a-z0-9+.-]*://)([^\s/?#@]*@)?([^\s/?#]*)([^\s?#]*)(\?[^\s#]*)?(#\S*)?", re.I)
_BEARER = re.compile(r"(?i)\b(bearer|bot)\s+[A-Za-z0-9._~+/=-]{8,}")
_DISCORD_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,}")
_KEYLIKE = re.compile(r"\bsk-[A-Za-z0-9_-]{8,}")


def scrub(text: str, secrets: Iterable[str] = ()) -> str:
    """The text with known secrets masked, URL credentials and queries removed, token-like strings hidden."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")

    def url(m: re.Match[str]) -> str:
        userinfo = "***@" if m.group(2) else ""
        query = "?***" if m.group(5) else ""
        return f"{m.group(1)}{userinfo}{m.group(3)}{m.group(4)}{query}"

    text = _URL.sub(url, text)
    text = _BEARER.sub(lambda m: f"{m.group(1)} ***", text)
    text = _DISCORD_TOKEN.sub("***", text)
    return _KEYLIKE.sub("sk-***", text)


@dataclass
class _Open:
    """An incident that is going on."""

    detail: str
    message: discord.Message | None = None  # the alert, once delivered
    told: bool = False


class DiscordAlerts:
    def __init__(
        self,
        client: discord.Client,
        *,
        channel_id: int | None,
        secrets: Iterable[str] = (),
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._client = client
        self._channel_id = channel_id
        self._secrets = tuple(s for s in secrets if s)
        self._clock = clock
        self._open: dict[tuple[Incident, str], _Open] = {}
        self._last_sent: dict[tuple[Incident, str], tuple[float, bool]] = {}  # when, and whether it landed
        self._sent_at: list[float] = []
        self._held_back = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self._destination: discord.abc.Messageable | None = None
        self._lock = asyncio.Lock()
        self.sent: list[str] = []  # texts delivered so far (what the operator read)

    # ---- the protocol the worker (and the presenter) call ----------------------------------------------

    def incident(self, kind: Incident, detail: str, *, key: str = "") -> None:
        ident = (kind, key)
        if ident in self._open:
            return  # the same incident, still going on: already sent (or held back)
        now = self._clock()
        state = self._open[ident] = _Open(detail=scrub(detail, self._secrets))
        last = self._last_sent.get(ident)
        if last is not None and now - last[0] < REPEAT_AFTER:
            state.told = last[1]  # the operator heard of this very thing a moment ago
            log.info("operator alert %s%s not repeated (sent %.0f s ago)", kind, _key(key), now - last[0])
            return
        self._sent_at = [t for t in self._sent_at if now - t < WINDOW]
        if len(self._sent_at) >= MAX_PER_WINDOW:
            self._held_back += 1
            log.warning("operator alert %s%s held back (rate limit): %s", kind, _key(key), state.detail)
            return
        self._sent_at.append(now)
        self._last_sent[ident] = (now, False)
        self._spawn(self._send(ident, state, self._text(ident, state)))

    def resolved(self, kind: Incident, *, key: str = "") -> None:
        state = self._open.pop((kind, key), None)
        if state is not None and state.message is not None:
            self._spawn(self._mark_resolved(state.message))

    def told(self, kind: Incident, *, key: str = "") -> bool:
        state = self._open.get((kind, key))
        return state is not None and state.told

    async def close(self) -> None:
        """Give an alert on its way a moment to land, then stop."""
        pending = [t for t in self._tasks if not t.done()]
        if pending:
            await asyncio.wait(pending, timeout=CLOSE_GRACE)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    # ---- sending -------------------------------------------------------------------------------------

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro, name="operator-alert")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _text(self, ident: tuple[Incident, str], state: _Open) -> str:
        kind, key = ident
        lines = [f"⚠️ **videobot operator alert** — {_HEADLINES[kind]}"]
        if kind == Incident.CHANNEL_FORBIDDEN and key:
            lines.append(f"Channel: <#{key}>")
        if state.detail:
            detail = state.detail[:DETAIL_CHARS].replace("`", "'")
            lines.append(f"Detail: `{detail}`")
        if self._held_back:
            lines.append(f"({self._held_back} other alert(s) were held back by the rate limit; see the log.)")
            self._held_back = 0
        return scrub("\n".join(lines), self._secrets)

    async def _where(self) -> discord.abc.Messageable:
        if self._destination is None:
            if self._channel_id is not None:
                self._destination = self._client.get_partial_messageable(self._channel_id)
            else:
                info = await self._client.application_info()
                owner_id = info.team.owner_id if info.team is not None else None
                owner_id = owner_id or info.owner.id
                self._destination = self._client.get_user(owner_id) or await self._client.fetch_user(owner_id)
        return self._destination

    async def _send(self, ident: tuple[Incident, str], state: _Open, text: str) -> None:
        try:
            async with self._lock:  # one at a time, in order
                where = await self._where()
                message = await where.send(text, allowed_mentions=discord.AllowedMentions.none())
        except (discord.HTTPException, OSError, TimeoutError) as exc:
            target = f"channel {self._channel_id}" if self._channel_id else "the application owner (DM)"
            log.error("operator alert %s could not be sent to %s: %s", ident[0], target, exc)
            return
        self.sent.append(text)
        self._last_sent[ident] = (self._last_sent.get(ident, (self._clock(), False))[0], True)
        state.message, state.told = message, True
        log.info("operator alert %s%s sent", ident[0], _key(ident[1]))

    async def _mark_resolved(self, message: discord.Message) -> None:
        try:
            await message.edit(
                content=f"{message.content}\n✅ Resolved <t:{int(self._clock())}:R>.",
                allowed_mentions=discord.AllowedMentions.none(),
            )
        except (discord.HTTPException, OSError, TimeoutError) as exc:
            log.info("could not mark an operator alert resolved: %s", exc)


def _key(key: str) -> str:
    return f" ({key})" if key else ""
