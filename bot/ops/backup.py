"""`python -m bot --backup PATH`: a consistent copy of the live database, safe while the bot runs.

SQLite's online backup API copies the pages under one read transaction, so the copy is a snapshot of one
moment even while the bot writes (WAL: the reader blocks no writer, and no writer blocks it). The source is
opened read-only and the bot's process lock is never touched: a backup is a reader, not a second bot. The
copy is written beside PATH, checked, switched to a plain rollback journal (one self-contained file) and
then renamed over PATH, so PATH is either the old file or a complete new one, never half a backup.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000


class BackupError(Exception):
    """One line saying why no backup was written."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    jobs: int
    size: int

    def line(self, source: Path) -> str:
        return f"Backed up {source} to {self.path}: {self.jobs} jobs, {self.size / 1e6:.1f} MB"


def backup(source: Path, target: Path) -> BackupResult:
    """Copy the database at `source` to `target` (a file, or a folder to put a dated file in)."""
    if not source.is_file():
        raise BackupError(f"no database at {source} (DATABASE_PATH)")
    if target.is_dir():
        target = target / f"{source.stem}-{time.strftime('%Y%m%d-%H%M%S', time.gmtime())}{source.suffix}"
    if target.resolve() == source.resolve():
        raise BackupError(f"the backup path {target} is the database itself: choose another file")
    if not target.parent.is_dir():
        raise BackupError(f"cannot write the backup: the folder {target.parent} does not exist")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        jobs = _copy(source, tmp)
        _fsync(tmp)
        os.replace(tmp, target)
        _fsync(target.parent)
    except sqlite3.Error as exc:
        raise BackupError(f"backup failed: {exc}") from exc
    except OSError as exc:
        raise BackupError(f"cannot write the backup {target}: {exc.strerror or exc}") from exc
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal"), tmp.with_name(tmp.name + "-wal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return BackupResult(path=target, jobs=jobs, size=target.stat().st_size)


def _copy(source: Path, tmp: Path) -> int:
    """Back `source` up into `tmp`; check the copy; return how many jobs it holds."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)  # all pages in one step: one consistent snapshot
            # The source is in WAL mode and so is its copy: make the copy one file that needs no -wal.
            dst.execute("PRAGMA journal_mode=DELETE").fetchall()
            check = dst.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise BackupError(f"the copy failed its integrity check: {check[0] if check else '?'}")
            row = dst.execute("SELECT count(*) FROM jobs").fetchone()
            return int(row[0]) if row else 0
        finally:
            dst.close()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            raise BackupError(f"{source} is not the bot's database (no jobs table)") from exc
        raise
    finally:
        src.close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
