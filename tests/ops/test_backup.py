"""`backup()`: a consistent, self-contained copy written atomically, and one clear line when it cannot be."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.ops.backup import BackupError, backup
from bot.store import Store

pytestmark = pytest.mark.sqlite_only  # --backup copies the SQLite file


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
async def live(tmp_path: Path) -> AsyncIterator[Store]:
    """A migrated database held open by a store, as the running bot holds it (with its process lock)."""
    store = await Store.open(tmp_path / "data" / "bot.sqlite3")
    yield store
    await store.close()


async def test_a_backup_of_a_database_in_use_is_one_self_contained_file(live: Store, tmp_path: Path) -> None:
    source = tmp_path / "data" / "bot.sqlite3"
    result = backup(source, tmp_path / "copy.sqlite3")
    assert result.path == tmp_path / "copy.sqlite3" and result.jobs == 0 and result.size > 0
    assert result.line(source).startswith(f"Backed up {source} to {result.path}: 0 jobs, ")
    assert _names(tmp_path) == ["copy.sqlite3", "data"], "no -wal, no temp file"
    with sqlite3.connect(result.path) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert copy.execute("PRAGMA user_version").fetchone()[0] >= 3
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_a_folder_gets_a_dated_file(live: Store, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    result = backup(tmp_path / "data" / "bot.sqlite3", folder)
    assert (
        result.path.parent == folder
        and result.path.name.startswith("bot-")
        and result.path.suffix == ".sqlite3"
    )


async def test_a_failed_backup_leaves_the_old_one_alone(tmp_path: Path) -> None:
    source = tmp_path / "not-a-database.sqlite3"
    source.write_bytes(b"this is not SQLite at all " * 100)
    target = tmp_path / "last-good.sqlite3"
    target.write_bytes(b"yesterday's backup")
    with pytest.raises(BackupError, match=r"^backup failed: file is not a database$"):
        backup(source, target)
    assert target.read_bytes() == b"yesterday's backup"
    assert _names(tmp_path) == ["last-good.sqlite3", "not-a-database.sqlite3"]


async def test_mistakes_are_one_line_each(live: Store, tmp_path: Path) -> None:
    source = tmp_path / "data" / "bot.sqlite3"
    with pytest.raises(BackupError, match="no database at"):
        backup(tmp_path / "nowhere.sqlite3", tmp_path / "copy.sqlite3")
    with pytest.raises(BackupError, match="is the database itself"):
        backup(source, source)
    with pytest.raises(BackupError, match="does not exist"):
        backup(source, tmp_path / "missing-folder" / "copy.sqlite3")
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")  # a valid SQLite database, without the bot's tables
    with pytest.raises(BackupError, match="not the bot's database"):
        backup(empty, tmp_path / "copy.sqlite3")
