"""`python -m bot --health`, `--backup PATH`, `--copy-to-postgres`: one line out, an exit code for scripts."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import IO

from bot.ops import copy_to_postgres as copy
from bot.ops.backup import BackupError, backup
from bot.ops.health import check_file, health_file
from bot.settings import Settings, SettingsError, load_settings
from bot.startup import StartupError
from bot.store import postgres


def _settings(err: IO[str], prefix: str) -> Settings | None:
    """The settings, or None after one line on `err` naming what is wrong."""
    try:
        return load_settings()
    except SettingsError as exc:
        print(f"{prefix}: {'; '.join(exc.problems)}", file=err)
        return None


def health(out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """0 when the running bot's heartbeat is fresh and healthy, else 1 (Docker reserves 2: never used)."""
    out, err = out or sys.stdout, err or sys.stderr
    settings = _settings(err, "unhealthy")
    if settings is None:
        return 1
    status = check_file(health_file(settings.data_dir))
    print(status.reason, file=out if status.healthy else err)
    return 0 if status.healthy else 1


def copy_to_postgres(out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """0 and one line when DATABASE_PATH was copied into DATABASE_URL; 1 when it failed; 2: a setting."""
    out, err = out or sys.stdout, err or sys.stderr
    settings = _settings(err, "cannot copy")
    if settings is None:
        return 2
    if not settings.database_url:
        print("cannot copy: set DATABASE_URL to the PostgreSQL database to copy into", file=err)
        return 2
    try:
        copied = asyncio.run(copy.copy_to_postgres(settings.database_path, settings.database_url))
    except (copy.CopyError, StartupError) as exc:
        print(f"cannot copy: {exc}", file=err)
        return 1
    print(copied.line(settings.database_path, postgres.redact(settings.database_url)), file=out)
    return 0


def backup_to(path: Path, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """0 and one line when the backup was written, 1 when it failed, 2 when a setting is wrong."""
    out, err = out or sys.stdout, err or sys.stderr
    settings = _settings(err, "cannot back up")
    if settings is None:
        return 2
    if settings.database_url:
        print(
            "cannot back up: the bot uses PostgreSQL (DATABASE_URL): back it up with PostgreSQL's own "
            "tools, for example `pg_dump --format=custom --file=videobot.dump <database>`; --backup copies "
            "SQLite files",
            file=err,
        )
        return 1
    try:
        result = backup(settings.database_path, path)
    except BackupError as exc:
        print(f"cannot back up: {exc}", file=err)
        return 1
    print(result.line(settings.database_path), file=out)
    return 0
