"""Log set-up: text or JSON lines (LOG_FORMAT), credentials in URLs masked, no voice warnings.

Job log lines start with `Job.log_fields()` (`job=12 task=… guild=… channel=… user=…`) in their message; a
filter reads those leading fields into record attributes, so JSON lines carry them as keys without every
call site having to pass `extra` (text lines show them in the message as before).
"""

from __future__ import annotations

import logging
import re
import sys
from typing import IO

from pythonjsonlogger.json import JsonFormatter

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
JOB_FIELDS = ("job", "task", "guild", "channel", "user")
_LEADING_FIELD = re.compile(r"(job|task|guild|channel|user)=(\S+)(?:\s+|$)")

# discord.py warns at start that voice cannot work; this bot has no voice, so those two lines are noise.
VOICE_WARNINGS = (
    "PyNaCl is not installed, voice will NOT be supported",
    "davey is not installed, voice will NOT be supported",
)

_MASK = "***"
_URL_USERINFO = re.compile(r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^\s/?#@]+@")
# Query values whose name says secret, and long random-looking values whatever their name.
_SECRET_QUERY = re.compile(
    r"(?P<key>[?&][^=&\s#]*(?:token|key|secret|password|passwd|pwd|auth|signature|sig|credential)[^=&\s#]*=)"
    r"[^&\s#\"']+",
    re.IGNORECASE,
)
_TOKEN_LIKE_QUERY = re.compile(r"(?P<key>[?&][^=&\s#]+=)(?=[A-Za-z0-9_.~+/%-]{32,})(?=[^&\s#]*\d)[^&\s#\"']+")
# Interaction and webhook tokens travel in the path: /interactions/<id>/<token>, /webhooks/<id>/<token>.
_PATH_TOKEN = re.compile(r"(?P<prefix>/(?:interactions|webhooks)/\d+/)[^/\s?#\"']+")


def mask_secrets(text: str) -> str:
    """`text` with credentials in URLs replaced by `***`: user:password@, secret-looking query values,
    interaction and webhook tokens."""
    if "://" not in text and "/interactions/" not in text and "/webhooks/" not in text:
        return text
    text = _URL_USERINFO.sub(rf"\g<scheme>{_MASK}@", text)
    text = _SECRET_QUERY.sub(rf"\g<key>{_MASK}", text)
    text = _TOKEN_LIKE_QUERY.sub(rf"\g<key>{_MASK}", text)
    return _PATH_TOKEN.sub(rf"\g<prefix>{_MASK}", text)


class MaskSecrets(logging.Filter):
    """Masks credentials in the formatted message and in the traceback of every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_secrets(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info:
            # Format the traceback once, masked; formatters (text and JSON) print exc_text when exc_info
            # is gone, so no handler formats the unmasked one again.
            text = record.exc_text or logging.Formatter().formatException(record.exc_info)
            record.exc_text, record.exc_info = mask_secrets(text), None
        if record.stack_info:
            record.stack_info = mask_secrets(record.stack_info)
        return True


class JobFields(logging.Filter):
    """Reads the leading `job=… task=… guild=…` of a message into record attributes (`-` becomes None)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        pos = 0
        while (found := _LEADING_FIELD.match(message, pos)) is not None:
            key, value = found.group(1), found.group(2)
            if not hasattr(record, key):
                setattr(record, key, _value(value))
            pos = found.end()
        return True


def _value(raw: str) -> int | str | None:
    if raw == "-":
        return None
    return int(raw) if raw.isdigit() else raw


class NoVoiceWarnings(logging.Filter):
    """Drops exactly discord.py's "voice will NOT be supported" warnings."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno == logging.WARNING and record.getMessage() in VOICE_WARNINGS)


def setup_logging(level: str, fmt: str = "text", stream: IO[str] | None = None) -> None:
    """Configure the root logger once, for `python -m bot`: `fmt` is `text` or `json` (one object a line)."""
    handler = logging.StreamHandler(sys.stderr if stream is None else stream)
    if fmt == "json":
        handler.setFormatter(
            JsonFormatter(
                "%(asctime)s %(levelname)s %(name)s %(message)s",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            )
        )
    else:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    handler.addFilter(MaskSecrets())
    handler.addFilter(JobFields())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # discord.py's DEBUG is a firehose of gateway frames: at most INFO from it, whatever LOG_LEVEL says.
    logging.getLogger("discord").setLevel(max(logging.INFO, logging.getLevelName(level)))
    logging.getLogger("discord.client").addFilter(NoVoiceWarnings())
