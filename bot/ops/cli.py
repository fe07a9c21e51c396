"""`python -m bot --health` and `python -m bot --backup PATH`: one line out, an exit code for scripts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

from bot.ops.backup import BackupError, backup
from bot.ops.health import check_file, health_file
from bot.settings import SettingsError, load_settings


def health(out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """0 when the running bot's heartbeat is fresh and healthy, else 1 (Docker reserves 2: never used)."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"unhealthy: {'; '.join(exc.problems)}", file=err)
        return 1
    status = check_file(health_file(settings.data_dir))
    print(status.reason, file=out if status.healthy else err)
    return 0 if status.healthy else 1


def backup_to(path: Path, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """0 and one line when the backup was written, 1 when it failed, 2 when a setting is wrong."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"cannot back up: {'; '.join(exc.problems)}", file=err)
        return 2
    try:
        result = backup(settings.database_path, path)
    except BackupError as exc:
        print(f"cannot back up: {exc}", file=err)
        return 1
    print(result.line(settings.database_path), file=out)
    return 0
