"""Animate with AI between its menu and its modal: what the target message showed, kept on disk briefly.

The bot does not ask for the privileged Message Content intent, so it sees a member's message whole only in
the menu's own interaction (Discord's `resolved` message); fetching it again later returns it blank. So the
menu writes down the media it saw (names, sizes and Discord's signed links) under a key carried by the
modal's custom_id, and the submit, even after a restart, takes the record back. Nothing is downloaded before
the member submits.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

# A modal left open longer than this is answered "start again"; Discord's links last about a day.
PENDING_TTL_SECONDS = 6 * 3600.0


@dataclass(frozen=True)
class PendingFile:
    """One image or video of the target message, shaped like an attachment for the reference collector."""

    filename: str
    size: int
    url: str
    kind: str  # "image" | "video"


@dataclass(frozen=True)
class PendingAnimate:
    user_id: int  # who opened the menu (only they can submit it)
    credit_user_id: int | None  # the message's author, when it is someone else
    files: tuple[PendingFile, ...]
    created: float

    @property
    def images(self) -> list[PendingFile]:
        return [f for f in self.files if f.kind == "image"]

    @property
    def videos(self) -> list[PendingFile]:
        return [f for f in self.files if f.kind == "video"]


def _folder(data_dir: Path) -> Path:
    return data_dir / "pending-animate"


def save(data_dir: Path, key: int, record: PendingAnimate) -> None:
    """Write `record` under `key` (written whole or not at all) and drop records past their time."""
    folder = _folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    wall = time.time()  # file times are wall-clock times, whatever clock the caller runs on
    for old in folder.glob("*.json"):
        with contextlib.suppress(OSError):
            if wall - old.stat().st_mtime > PENDING_TTL_SECONDS:
                old.unlink()
    body = {**asdict(record), "files": [asdict(f) for f in record.files]}
    tmp = folder / f"{key}.json.tmp"
    tmp.write_text(json.dumps(body))
    os.replace(tmp, folder / f"{key}.json")


def take(data_dir: Path, key: int, user_id: int, *, now: float | None = None) -> PendingAnimate | None:
    """The record saved under `key` for `user_id`, removed (used once); None when unknown or expired."""
    path = _folder(data_dir) / f"{key}.json"
    try:
        body = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    if int(body["user_id"]) != user_id:
        return None
    with contextlib.suppress(OSError):
        path.unlink()
    record = PendingAnimate(
        user_id=int(body["user_id"]),
        credit_user_id=body.get("credit_user_id"),
        files=tuple(PendingFile(**f) for f in body["files"]),
        created=float(body["created"]),
    )
    now = time.time() if now is None else now
    return record if now - record.created <= PENDING_TTL_SECONDS else None
