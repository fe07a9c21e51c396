"""`/videoadmin …`: a server's own video settings — limits, channels, roles, bans, pause, usage report.

`default_permissions` only hides the commands, and a server can override that in its Integrations
settings, so `interaction_check` checks Manage Server again on every subcommand before anything runs.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.jobs.limits import DAY, GuildConfig, Limits, day_start
from bot.store import UsageRow
from bot.ui.cards import NO_MENTIONS, shorten
from bot.ui.replies import reply

if TYPE_CHECKING:
    from bot.ui.bot import VideoBot

log = logging.getLogger("cogs.admin")

NEED_MANAGE = "You need the Manage Server permission to change the video settings."
REPORT_DAYS = 30
MAX_LISTED = 50  # channels or roles on an allow-list
FIELD_MAX = 1024
TABLE_MAX = 3900  # characters of the usage table in the embed description (limit 4096)
COLOUR = discord.Colour.blurple()

ACTIONS = [
    app_commands.Choice(name="allow (add to the allow-list)", value="allow"),
    app_commands.Choice(name="disallow (remove from the allow-list)", value="disallow"),
    app_commands.Choice(name="clear (empty the allow-list: no restriction)", value="clear"),
]
# Setting name -> how a sentence names it.
LIMIT_NAMES = {
    "user_daily_limit": "videos per member per day",
    "user_concurrent_limit": "videos in progress per member",
    "user_queue_limit": "videos waiting in a member's line",
    "guild_daily_limit": "videos per server per day",
    "cooldown_seconds": "the cooldown between videos",
}

Channel = discord.TextChannel | discord.VoiceChannel | discord.StageChannel | discord.Thread


class NotServerManager(app_commands.CheckFailure):
    """The member lacks Manage Server; the tree's error handler shows the sentence."""

    def __init__(self) -> None:
        super().__init__(NEED_MANAGE)


def can_manage(interaction: discord.Interaction[Any]) -> bool:
    perms = interaction.permissions
    return interaction.guild_id is not None and bool(perms.manage_guild or perms.administrator)


# ---- plain formatting ----------------------------------------------------------------------------------


def _count(n: int) -> str:
    return str(n) if n else "no limit"


def _seconds(s: float) -> str:
    return f"{s:g} s" if s else "none"


def _limit_value(key: str, value: float) -> str:
    if key == "user_queue_limit" and not value:
        return "no line (refused at the limit)"
    return _seconds(value) if key == "cooldown_seconds" else _count(int(value))


def capped(items: list[str], *, limit: int = FIELD_MAX, sep: str = ", ") -> str:
    """Join `items` into at most `limit` characters, ending with "and N more" when they don't all fit."""
    out: list[str] = []
    size = 0
    for i, item in enumerate(items):
        tail = len(f"{sep}… and {len(items) - i} more")
        if size + len(sep) + len(item) + tail > limit:
            return sep.join(out) + f"{sep}… and {len(items) - i} more"
        out.append(item)
        size += len(sep) + len(item)
    return sep.join(out)


@dataclass(frozen=True)
class AllowList:
    """The channel or role allow-list: how an action changes it, and the sentence that says so."""

    noun: str
    mention: str  # format with the id
    open_rule: str  # what an empty list means
    closed_rule: str  # what a non-empty list means, with {listed}

    def rule(self, items: list[int]) -> str:
        if not items:
            return self.open_rule
        return self.closed_rule.format(listed=capped([self.mention.format(i) for i in items], limit=1500))

    def edit(self, current: list[int], action: str, target: int | None) -> tuple[list[int] | None, str]:
        """The new list (None when nothing changes) and one sentence for the admin."""
        if action == "clear":
            if not current:
                return None, f"The {self.noun} allow-list is already empty; nothing changed."
            return [], f"Cleared the {self.noun} allow-list: {self.rule([])}."
        if target is None:
            return None, f"Pick the {self.noun} to {action}; nothing changed."
        named = self.mention.format(target)
        if action == "allow":
            if target in current:
                return None, f"{named} is already allowed; nothing changed."
            if len(current) >= MAX_LISTED:
                return None, f"The allow-list holds at most {MAX_LISTED} {self.noun}s; nothing changed."
            new = [*current, target]
            return new, f"Allowed {named}: {self.rule(new)}."
        if target not in current:
            return None, f"{named} isn't on the allow-list, so nothing changed."
        new = [i for i in current if i != target]
        return new, f"Removed {named} from the allow-list: {self.rule(new)}."


CHANNELS = AllowList(
    "channel", "<#{}>", "videos can now be made in any channel", "videos can now be made only in {listed}"
)
ROLES = AllowList(
    "role",
    "<@&{}>",
    "everyone may now make videos",
    "only members with {listed} (and moderators) can now make videos",
)


def limits_text(config: GuildConfig, defaults: Limits) -> str:
    effective = config.apply(defaults)
    rows = [
        ("user_daily_limit", effective.user_daily, defaults.user_daily),
        ("user_concurrent_limit", effective.user_concurrent, defaults.user_concurrent),
        ("user_queue_limit", effective.user_queue, defaults.user_queue),
        ("guild_daily_limit", effective.guild_daily, defaults.guild_daily),
        ("cooldown_seconds", effective.cooldown_seconds, defaults.cooldown_seconds),
    ]
    lines = []
    for key, value, default in rows:
        overridden = getattr(config, key) is not None
        source = (
            f"this server's setting; bot default {_limit_value(key, default)}" if overridden else "default"
        )
        name = LIMIT_NAMES[key].removeprefix("the ")
        lines.append(f"{name[0].upper()}{name[1:]}: **{_limit_value(key, value)}** ({source})")
    return "\n".join(lines)


def show_embed(
    config: GuildConfig, *, defaults: Limits, max_concurrent_jobs: int, bans: list[int]
) -> discord.Embed:
    embed = discord.Embed(title="Video settings for this server", colour=COLOUR)
    embed.add_field(name="Limits", value=limits_text(config, defaults), inline=False)
    budget = defaults.daily_credit_budget
    videos = f" (about {int(budget // defaults.credits_per_job)} videos)" if defaults.credits_per_job else ""
    embed.add_field(
        name="Bot-wide (set by the bot's operator, not per server)",
        value=(
            f"Videos generating at once, all servers: **{max_concurrent_jobs}**\n"
            f"Daily credit budget, all servers: **{f'{budget:g} credits' if budget else 'none'}**"
            f"{videos if budget else ''}"
        ),
        inline=False,
    )
    channels = [f"<#{c}>" for c in config.allowed_channels]
    roles = [f"<@&{r}>" for r in config.allowed_roles]
    embed.add_field(name="Channels", value=capped(channels) if channels else "Any channel", inline=False)
    embed.add_field(
        name="Roles",
        value=(capped(roles, limit=FIELD_MAX - 20) + " (and moderators)") if roles else "Everyone",
        inline=False,
    )
    embed.add_field(name="Generation", value="⏸️ paused" if config.paused else "▶️ running", inline=True)
    embed.add_field(
        name="Extend / Remix / Retry",
        value="only the requester (and moderators)"
        if config.requester_only
        else "anyone who may make videos",
        inline=True,
    )
    banned = (f"{len(bans)}: " + capped([f"<@{u}>" for u in bans], limit=FIELD_MAX - 12)) if bans else "none"
    embed.add_field(name="Banned members", value=banned, inline=False)
    return embed


def usage_embed(rows: list[UsageRow], *, with_file: bool) -> discord.Embed:
    """A compact table (as much as fits) plus totals; the full report goes in usage.csv."""
    header = f"{'Day':<10} {'Member':<14} {'Clips':>5} {'Done':>4} {'Fail':>4} {'Credits':>8}"
    lines = [header]
    size = len(header)
    for row in rows:
        name = shorten(" ".join(row.user_name.split()) or str(row.user_id), 14).replace("`", "'")
        counts = f"{row.clips:>5} {row.delivered:>4} {row.failures:>4} {row.credits:>8.1f}"
        line = f"{row.day:<10} {name:<14} {counts}"
        if size + len(line) + 1 > TABLE_MAX:
            break
        lines.append(line)
        size += len(line) + 1
    shown = len(lines) - 1
    description = "```\n" + "\n".join(lines) + "\n```"
    if shown < len(rows):
        description += f"… and {len(rows) - shown} more rows in usage.csv"
    embed = discord.Embed(
        title=f"Video usage on this server, last {REPORT_DAYS} days", description=description, colour=COLOUR
    )
    members = len({r.user_id for r in rows})
    embed.add_field(
        name="Totals",
        value=(
            f"{sum(r.clips for r in rows)} clips by {members} members · {sum(r.delivered for r in rows)} "
            f"delivered · {sum(r.failures for r in rows)} failed · {sum(r.credits for r in rows):.1f} credits"
        ),
        inline=False,
    )
    footer = "Per member per UTC day. The full report is attached as usage.csv."
    embed.set_footer(text=footer if with_file else "Per member per UTC day.")
    return embed


def _cell(text: str) -> str:
    # A name starting like a formula would run as one when the CSV is opened in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def usage_csv(rows: list[UsageRow]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["day", "user_id", "user_name", "clips", "delivered", "failures", "credits"])
    for r in rows:
        writer.writerow(
            [r.day, r.user_id, _cell(r.user_name), r.clips, r.delivered, r.failures, f"{r.credits:.2f}"]
        )
    return out.getvalue().encode("utf-8")


# ---- the cog -------------------------------------------------------------------------------------------


class AdminCog(commands.Cog):
    videoadmin = app_commands.Group(
        name="videoadmin",
        description="Video settings for this server (Manage Server)",
        default_permissions=discord.Permissions(manage_guild=True),
        guild_only=True,
    )

    def __init__(self, bot: VideoBot) -> None:
        self.bot = bot

    def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        """Runs before every subcommand: Manage Server (or Administrator) on this server, or nothing runs."""
        if not can_manage(interaction):
            log.info("videoadmin refused: user %s lacks Manage Server", interaction.user.id)
            raise NotServerManager
        return True

    async def _changed(self, interaction: discord.Interaction[Any], sentence: str, what: str) -> None:
        log.info("videoadmin guild=%s admin=%s: %s", interaction.guild_id, interaction.user.id, what)
        await reply(interaction, sentence)

    def _guild(self, interaction: discord.Interaction[Any]) -> int:
        assert interaction.guild_id is not None  # can_manage() refused DMs
        return interaction.guild_id

    @videoadmin.command(name="show", description="Show this server's video limits and settings")
    async def show(self, interaction: discord.Interaction[VideoBot]) -> None:
        guild_id = self._guild(interaction)
        config = await self.bot.store.guild_config(guild_id)
        bans = await self.bot.store.bans(guild_id)
        embed = show_embed(
            config,
            defaults=self.bot.settings.limits,
            max_concurrent_jobs=self.bot.settings.max_concurrent_jobs,
            bans=bans,
        )
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)

    @videoadmin.command(name="limits", description="Set this server's video limits (0 = no limit)")
    @app_commands.describe(
        user_daily="Videos each member may make per UTC day (0 = no limit)",
        user_concurrent="Videos each member may have in progress at once (0 = no limit)",
        user_queue="Videos a member at that limit may have waiting in their own line (0 = no line: refuse)",
        guild_daily="Videos the whole server may make per UTC day (0 = no limit)",
        cooldown="Seconds a member waits between videos (0 = none)",
        reset="Forget this server's limits and use the bot's defaults again",
    )
    async def limits(
        self,
        interaction: discord.Interaction[VideoBot],
        user_daily: app_commands.Range[int, 0, 10_000] | None = None,
        user_concurrent: app_commands.Range[int, 0, 100] | None = None,
        user_queue: app_commands.Range[int, 0, 100] | None = None,
        guild_daily: app_commands.Range[int, 0, 1_000_000] | None = None,
        cooldown: app_commands.Range[int, 0, 86_400] | None = None,
        reset: bool = False,
    ) -> None:
        given = {
            "user_daily_limit": user_daily,
            "user_concurrent_limit": user_concurrent,
            "user_queue_limit": user_queue,
            "guild_daily_limit": guild_daily,
            "cooldown_seconds": cooldown,
        }
        chosen = {k: v for k, v in given.items() if v is not None}
        if not chosen and not reset:
            await reply(interaction, "Nothing changed: give at least one limit, or `reset: True`.")
            return
        fields: dict[str, Any] = dict.fromkeys(given) if reset else {}
        fields.update(chosen)
        await self.bot.store.set_guild_config(self._guild(interaction), **fields)
        parts = [f"{LIMIT_NAMES[k]} to {_limit_value(k, v)}" for k, v in chosen.items()]
        if reset:
            sentence = "Reset this server's limits to the bot's defaults" + (
                f", then set {_and(parts)}." if parts else "."
            )
        else:
            sentence = f"Set {_and(parts)} on this server."
        what = ("reset limits; " if reset else "") + ", ".join(f"{k}={v}" for k, v in chosen.items())
        await self._changed(interaction, sentence, what.strip("; "))

    @videoadmin.command(name="channel", description="Choose the channels where videos can be made")
    @app_commands.describe(
        action="allow or disallow a channel, or clear the list (then every channel is allowed)",
        channel="The channel (default: this one)",
    )
    @app_commands.choices(action=ACTIONS)
    async def channel(
        self,
        interaction: discord.Interaction[VideoBot],
        action: app_commands.Choice[str],
        channel: Channel | None = None,
    ) -> None:
        config = await self.bot.store.guild_config(self._guild(interaction))
        target = channel.id if channel is not None else interaction.channel_id
        new, sentence = CHANNELS.edit(config.allowed_channels, action.value, target)
        await self._set_list(
            interaction, "allowed_channels", new, sentence, _what("channels", action.value, target)
        )

    @videoadmin.command(name="role", description="Choose the roles that may make videos")
    @app_commands.describe(
        action="allow or disallow a role, or clear the list (then everyone may make videos)",
        role="The role (needed for allow and disallow)",
    )
    @app_commands.choices(action=ACTIONS)
    async def role(
        self,
        interaction: discord.Interaction[VideoBot],
        action: app_commands.Choice[str],
        role: discord.Role | None = None,
    ) -> None:
        config = await self.bot.store.guild_config(self._guild(interaction))
        target = role.id if role is not None else None
        new, sentence = ROLES.edit(config.allowed_roles, action.value, target)
        await self._set_list(
            interaction, "allowed_roles", new, sentence, _what("roles", action.value, target)
        )

    async def _set_list(
        self, interaction: discord.Interaction[Any], key: str, new: list[int] | None, sentence: str, what: str
    ) -> None:
        if new is None:
            await reply(interaction, sentence)
            return
        await self.bot.store.set_guild_config(self._guild(interaction), **{key: new})
        await self._changed(interaction, sentence, what)

    @videoadmin.command(name="ban", description="Stop a member from making videos on this server")
    @app_commands.describe(user="The member who may no longer make videos here")
    async def ban(self, interaction: discord.Interaction[VideoBot], user: discord.User) -> None:
        added = await self.bot.store.ban(self._guild(interaction), user.id, by=interaction.user.id)
        if not added:
            await reply(
                interaction, f"<@{user.id}> is already banned from making videos here; nothing changed."
            )
            return
        await self._changed(
            interaction, f"<@{user.id}> can no longer make videos on this server.", f"banned user {user.id}"
        )

    @videoadmin.command(name="unban", description="Let a banned member make videos again")
    @app_commands.describe(user="The member who may make videos here again")
    async def unban(self, interaction: discord.Interaction[VideoBot], user: discord.User) -> None:
        removed = await self.bot.store.unban(self._guild(interaction), user.id)
        if not removed:
            await reply(interaction, f"<@{user.id}> isn't banned here; nothing changed.")
            return
        await self._changed(
            interaction, f"<@{user.id}> can make videos on this server again.", f"unbanned user {user.id}"
        )

    @videoadmin.command(name="pause", description="Pause video generation on this server")
    async def pause(self, interaction: discord.Interaction[VideoBot]) -> None:
        await self._set_paused(interaction, True)

    @videoadmin.command(name="resume", description="Resume video generation on this server")
    async def resume(self, interaction: discord.Interaction[VideoBot]) -> None:
        await self._set_paused(interaction, False)

    async def _set_paused(self, interaction: discord.Interaction[VideoBot], paused: bool) -> None:
        guild_id = self._guild(interaction)
        config = await self.bot.store.guild_config(guild_id)
        if config.paused == paused:
            state = "already paused" if paused else "not paused"
            await reply(interaction, f"Video generation is {state} on this server; nothing changed.")
            return
        await self.bot.store.set_guild_config(guild_id, paused=paused)
        if paused:
            sentence = (
                "Paused video generation on this server: new videos are refused until `/videoadmin resume` "
                "(videos already in progress still finish)."
            )
        else:
            sentence = "Resumed video generation on this server: members can make videos again."
        await self._changed(interaction, sentence, "paused" if paused else "resumed")

    @videoadmin.command(
        name="requester_only", description="Whether only the requester may Extend, Remix or Retry a clip"
    )
    @app_commands.describe(
        enabled="True: only the requester (and moderators); False: anyone who may make videos"
    )
    async def requester_only(self, interaction: discord.Interaction[VideoBot], enabled: bool) -> None:
        guild_id = self._guild(interaction)
        if (await self.bot.store.guild_config(guild_id)).requester_only == enabled:
            await reply(
                interaction,
                f"The requester-only switch is already {'on' if enabled else 'off'}; nothing changed.",
            )
            return
        await self.bot.store.set_guild_config(guild_id, requester_only=enabled)
        if enabled:
            sentence = (
                "Only the person who asked for a clip (and moderators) can now Extend, Remix or Retry it."
            )
        else:
            sentence = "Anyone who may make videos here can now Extend, Remix or Retry any clip."
        await self._changed(interaction, sentence, f"requester_only={enabled}")

    @videoadmin.command(
        name="usage", description=f"Videos, failures and credits per member per day ({REPORT_DAYS} days)"
    )
    async def usage(self, interaction: discord.Interaction[VideoBot]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        since = day_start(self.bot.clock()) - (REPORT_DAYS - 1) * DAY  # today and the 29 days before
        rows = await self.bot.store.usage_report(self._guild(interaction), since)
        if not rows:
            await reply(interaction, f"No videos were made on this server in the last {REPORT_DAYS} days.")
            return
        data = usage_csv(rows)
        fits = len(data) <= interaction.filesize_limit
        embed = usage_embed(rows, with_file=fits)
        files = [discord.File(io.BytesIO(data), filename="usage.csv")] if fits else []
        await interaction.followup.send(
            embed=embed, files=files, ephemeral=True, allowed_mentions=NO_MENTIONS
        )


def _what(kind: str, action: str, target: int | None) -> str:
    return f"{kind}: {action}" if action == "clear" else f"{kind}: {action} {target}"


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


async def setup(bot: VideoBot) -> None:
    await bot.add_cog(AdminCog(bot))
