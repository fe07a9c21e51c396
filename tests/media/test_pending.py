"""Animate with AI's record between the menu and its modal: kept on disk, used once, only by its opener."""

from __future__ import annotations

import os
from pathlib import Path

from bot.media import pending

FILES = (
    pending.PendingFile("a.png", 10, "http://127.0.0.1/a.png?ex=1", "image"),
    pending.PendingFile("b.mp4", 20, "http://127.0.0.1/b.mp4?ex=1", "video"),
)


def record(created: float) -> pending.PendingAnimate:
    return pending.PendingAnimate(user_id=1, credit_user_id=2, files=FILES, created=created)


def test_taken_once_by_its_opener(tmp_path: Path) -> None:
    pending.save(tmp_path, 42, record(1000.0))
    assert pending.take(tmp_path, 42, user_id=9, now=1001.0) is None, "someone else's box"
    got = pending.take(tmp_path, 42, user_id=1, now=1001.0)
    assert got == record(1000.0)
    assert [f.filename for f in got.images] == ["a.png"] and [f.filename for f in got.videos] == ["b.mp4"]
    assert pending.take(tmp_path, 42, user_id=1, now=1002.0) is None, "used once"
    assert pending.take(tmp_path, 7, user_id=1, now=1002.0) is None, "unknown key"


def test_old_records_expire_and_are_swept(tmp_path: Path) -> None:
    late = pending.PENDING_TTL_SECONDS + 1
    pending.save(tmp_path, 1, record(0.0))
    assert pending.take(tmp_path, 1, user_id=1, now=late) is None, "too old to use"
    pending.save(tmp_path, 2, record(0.0))
    os.utime(tmp_path / "pending-animate" / "2.json", (0, 0))  # written long ago
    pending.save(tmp_path, 3, record(late))
    assert sorted(p.name for p in (tmp_path / "pending-animate").iterdir()) == ["3.json"], "swept"
