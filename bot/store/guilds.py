"""Per-server settings (limits, allow-lists, pause, requester-only) and bans."""

from __future__ import annotations

import json
from typing import Any

from bot.jobs.limits import GuildConfig
from bot.store.db import Database, locked


class Guilds(Database):
    @locked
    async def guild_config(self, guild_id: int) -> GuildConfig:
        return await self._guild_config(guild_id)

    async def _guild_config(self, guild_id: int) -> GuildConfig:
        row = await self._fetchone("SELECT * FROM guild_settings WHERE guild_id = ?", (guild_id,))
        return GuildConfig.from_row(row) if row else GuildConfig(guild_id=guild_id)

    @locked
    async def set_guild_config(self, guild_id: int, /, **fields: Any) -> GuildConfig:
        allowed = {
            "user_daily_limit", "user_concurrent_limit", "guild_daily_limit", "cooldown_seconds",
            "user_queue_limit", "allowed_channels", "allowed_roles", "paused", "requester_only",
        }  # fmt: skip
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown guild settings: {sorted(unknown)}")
        values = {k: json.dumps(v) if k.startswith("allowed_") else v for k, v in fields.items()}
        await self._execute(
            "INSERT INTO guild_settings (guild_id) VALUES (?) ON CONFLICT DO NOTHING", (guild_id,)
        )
        if values:
            sets = ", ".join(f"{k} = ?" for k in values)
            await self._execute(
                f"UPDATE guild_settings SET {sets}, updated_at = ? WHERE guild_id = ?",
                (*values.values(), self._clock(), guild_id),
            )
        return await self._guild_config(guild_id)

    @locked
    async def is_banned(self, guild_id: int, user_id: int) -> bool:
        row = await self._fetchone(
            "SELECT 1 FROM bans WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
        )
        return row is not None

    @locked
    async def ban(self, guild_id: int, user_id: int, by: int) -> bool:
        changed = await self._execute(
            "INSERT INTO bans (guild_id, user_id, banned_by, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (guild_id, user_id, by, self._clock()),
        )
        return changed == 1

    @locked
    async def unban(self, guild_id: int, user_id: int) -> bool:
        changed = await self._execute(
            "DELETE FROM bans WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
        )
        return changed == 1

    @locked
    async def bans(self, guild_id: int) -> list[int]:
        rows = await self._fetchall(
            "SELECT user_id FROM bans WHERE guild_id = ? ORDER BY created_at", (guild_id,)
        )
        return [int(r[0]) for r in rows]
