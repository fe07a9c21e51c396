"""Start-up failures: one typed error, one sentence on stderr, one exit code, never a traceback.

Raise `StartupError` where the problem is known (the store, the webhook receiver, the command sync);
`python -m bot` prints its message as the only line and exits with its code. `python -m bot --check`
reports the same problems with the same sentences, found without starting anything.

Exit codes: `SETTING_WRONG` (2) when a setting's value is missing or malformed, found before anything is
contacted; `ENVIRONMENT` (1) when the world disagrees with a well-formed setting (Discord unreachable or
refusing, a port in use, a database that cannot be used).
"""

from __future__ import annotations

import errno
import logging
import logging.handlers
import re
import socket
import ssl

import aiohttp
import yarl

__all__ = [
    "ENVIRONMENT",
    "SETTING_WRONG",
    "HeldLogs",
    "StartupError",
    "listen_problem",
    "one_line",
    "reason",
    "show_url",
    "unreachable",
]

SETTING_WRONG = 2
ENVIRONMENT = 1
_MAX_DETAIL = 200


class StartupError(Exception):
    """A start-up failure with its one sentence (naming the setting and the fix) and its exit code."""

    def __init__(self, message: str, exit_code: int = ENVIRONMENT) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def listen_problem(host: str, port: int, exc: OSError) -> StartupError:
    """Why the push receiver cannot listen on host:port, as one sentence naming the setting to change."""
    where = f"{host}:{port}"
    if isinstance(exc, socket.gaierror):
        return StartupError(
            f"WEBHOOK_LISTEN_HOST {host!r} could not be resolved to an address of this machine: "
            "use one of its addresses, or 0.0.0.0 to listen on all of them"
        )
    if exc.errno == errno.EADDRINUSE:
        return StartupError(
            f"WEBHOOK_LISTEN_PORT {port} is already in use on {host} (another program, or this bot already "
            "running): stop it, or choose another WEBHOOK_LISTEN_PORT"
        )
    if exc.errno == errno.EADDRNOTAVAIL:
        return StartupError(
            f"WEBHOOK_LISTEN_HOST {host} is not an address of this machine: use one of its addresses, "
            "or 0.0.0.0 to listen on all of them"
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return StartupError(
            f"WEBHOOK_LISTEN_PORT {port} may not be used by this user (ports below 1024 need privileges): "
            "choose 1024 or above and put a reverse proxy in front"
        )
    detail = one_line(exc.strerror or type(exc).__name__)
    return StartupError(
        f"WEBHOOK_LISTEN_HOST / WEBHOOK_LISTEN_PORT {where} cannot be listened on ({detail}): "
        "choose another host or port"
    )


class HeldLogs:
    """Log records written during start-up wait here: printed once start-up succeeded, dropped when it
    failed (the one line says it all), unless LOG_LEVEL=DEBUG asked for everything."""

    def __init__(self) -> None:
        self._root = logging.getLogger()
        self._swapped: list[tuple[logging.Handler, logging.handlers.MemoryHandler]] = []

    def hold(self) -> HeldLogs:
        for index, handler in enumerate(list(self._root.handlers)):
            if isinstance(handler, logging.NullHandler):
                continue
            buffer = logging.handlers.MemoryHandler(
                capacity=10_000, flushLevel=logging.CRITICAL + 1, target=handler, flushOnClose=False
            )
            self._root.handlers[index] = buffer
            self._swapped.append((handler, buffer))
        return self

    def release(self) -> None:
        """Write what was held, and log straight through from now on."""
        self._restore(flush=True)

    def failed(self) -> None:
        """Start-up failed: drop what was held (printed only when the root logger is at DEBUG)."""
        self._restore(flush=self._root.getEffectiveLevel() <= logging.DEBUG)

    def _restore(self, *, flush: bool) -> None:
        for handler, buffer in self._swapped:
            if flush:
                buffer.flush()
            buffer.acquire()
            try:
                buffer.buffer.clear()
            finally:
                buffer.release()
            if buffer in self._root.handlers:
                self._root.handlers[self._root.handlers.index(buffer)] = handler
        self._swapped.clear()


# ----------------------------------------------------------------------------------------------- text


def unreachable(where: str, why: str, *, custom: bool) -> str:
    """`where` (a service, or the setting that points at it) could not be reached, and what to do."""
    fix = "is the URL right, and is it up?" if custom else "check this machine's network, DNS and firewall"
    return f"{where} could not be reached: {why}: {fix}"


def reason(exc: BaseException, *, timeout: float | None = None) -> str:
    """A short, secret-free reason for a transport failure."""
    if isinstance(exc, TimeoutError):
        return f"no answer within {timeout:g} s" if timeout is not None else "no answer in time"
    if isinstance(exc, aiohttp.InvalidURL):
        return "not a valid URL"
    if isinstance(exc, aiohttp.ClientConnectorCertificateError | aiohttp.ClientSSLError):
        return "the TLS handshake failed (certificate or proxy problem)"
    if isinstance(exc, aiohttp.ClientConnectorError):
        os_error = exc.os_error
        if isinstance(os_error, socket.gaierror):
            return f"the host name {exc.host!r} could not be resolved (DNS)"
        if isinstance(os_error, ConnectionRefusedError):
            return f"connection refused by {exc.host}:{exc.port}"
        if isinstance(os_error, ssl.SSLError):
            return "the TLS handshake failed"
        return one_line(os_error.strerror or type(os_error).__name__)
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return "the server closed the connection without answering"
    if isinstance(exc, aiohttp.ClientPayloadError):
        return "the answer was cut off"
    if isinstance(exc, OSError) and exc.strerror:
        return one_line(exc.strerror)
    return type(exc).__name__


def show_url(url: str) -> str:
    """The URL without any user:password part (a misplaced secret must not reach the terminal)."""
    try:
        parsed = yarl.URL(url)
    except (TypeError, ValueError):
        return "(unparsable URL)"
    if parsed.user is not None or parsed.password is not None:
        parsed = parsed.with_user(None)
    return str(parsed.with_query(None).with_fragment(None))


def one_line(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= _MAX_DETAIL else text[: _MAX_DETAIL - 1] + "…"
