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

from bot.i18n import Arg, Msg, text
from bot.jobs.limits import DAY, GuildConfig, Limits, day_start
from bot.store import UsageRow
from bot.ui.cards import NO_MENTIONS, shorten
from bot.ui.replies import member_locale, reply

if TYPE_CHECKING:
    from bot.ui.bot import VideoBot

log = logging.getLogger("cogs.admin")

NEED_MANAGE = Msg("admin-need-manage")
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
# The settings; a sentence names each with the catalog message `admin-limit-<setting>`, a list with
# `admin-limit-label-<setting>`.
LIMIT_KEYS = (
    "user_daily_limit",
    "user_concurrent_limit",
    "user_queue_limit",
    "guild_daily_limit",
    "cooldown_seconds",
)

Channel = discord.TextChannel | discord.VoiceChannel | discord.StageChannel | discord.Thread


class NotServerManager(app_commands.CheckFailure):
    """The member lacks Manage Server; the tree's error handler shows the sentence."""

    def __init__(self) -> None:
        super().__init__(NEED_MANAGE.render())
        self.sentence = NEED_MANAGE


def can_manage(interaction: discord.Interaction[Any]) -> bool:
    perms = interaction.permissions
    return interaction.guild_id is not None and bool(perms.manage_guild or perms.administrator)


# ---- plain formatting ----------------------------------------------------------------------------------


def _limit_value(key: str, value: float) -> Msg:
    if key == "user_queue_limit" and not value:
        return Msg("admin-value-no-line")
    if key == "cooldown_seconds":
        return Msg("admin-value-seconds", seconds=value) if value else Msg("admin-value-none")
    return Msg("admin-value-count", count=int(value)) if value else Msg("admin-value-no-limit")


def capped(items: list[str], *, limit: int = FIELD_MAX, sep: str = ", ", locale: object = None) -> str:
    """Join `items` into at most `limit` characters, ending with "and N more" when they don't all fit."""
    out: list[str] = []
    size = 0
    for i, item in enumerate(items):
        more = sep + text(locale, "admin-and-more", count=len(items) - i)
        if size + len(sep) + len(item) + len(more) > limit:
            return sep.join(out) + more
        out.append(item)
        size += len(sep) + len(item)
    return sep.join(out)


@dataclass(frozen=True)
class AllowList:
    """The channel or role allow-list: how an action changes it, and the sentence that says so (catalog
    messages `admin-<kind>-…`)."""

    kind: str  # "channel" | "role"
    mention: str  # format with the id

    def rule(self, items: list[int], locale: object = None) -> Msg:
        if not items:
            return Msg(f"admin-{self.kind}-rule-open")
        listed = capped([self.mention.format(i) for i in items], limit=1500, locale=locale)
        return Msg(f"admin-{self.kind}-rule-closed", listed=listed)

    def edit(
        self, current: list[int], action: str, target: int | None, locale: object = None
    ) -> tuple[list[int] | None, Msg]:
        """The new list (None when nothing changes) and one sentence for the admin."""
        kind = self.kind
        if action == "clear":
            if not current:
                return None, Msg("admin-list-already-empty", kind=kind)
            return [], Msg("admin-list-cleared", kind=kind, rule=self.rule([], locale))
        if target is None:
            return None, Msg("admin-list-pick", kind=kind, action=action)
        named = self.mention.format(target)
        if action == "allow":
            if target in current:
                return None, Msg("admin-list-already-allowed", named=named)
            if len(current) >= MAX_LISTED:
                return None, Msg("admin-list-full", kind=kind, limit=MAX_LISTED)
            new = [*current, target]
            return new, Msg("admin-list-allowed", named=named, rule=self.rule(new, locale))
        if target not in current:
            return None, Msg("admin-list-not-on", named=named)
        new = [i for i in current if i != target]
        return new, Msg("admin-list-removed", named=named, rule=self.rule(new, locale))


CHANNELS = AllowList("channel", "<#{}>")
ROLES = AllowList("role", "<@&{}>")


def limits_text(config: GuildConfig, defaults: Limits, locale: object = None) -> str:
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
            Msg("admin-source-server", default=_limit_value(key, default))
            if overridden
            else Msg("admin-source-default")
        )
        label = Msg(f"admin-limit-label-{key}")
        lines.append(
            text(locale, "admin-limit-line", label=label, value=_limit_value(key, value), source=source)
        )
    return "\n".join(lines)


def show_embed(
    config: GuildConfig, *, defaults: Limits, max_concurrent_jobs: int, bans: list[int], locale: object = None
) -> discord.Embed:
    def t(key: str, **args: Arg) -> str:
        return text(locale, key, **args)

    embed = discord.Embed(title=t("admin-show-title"), colour=COLOUR)
    embed.add_field(name=t("admin-show-limits"), value=limits_text(config, defaults, locale), inline=False)
    budget = defaults.daily_credit_budget
    if not budget:
        budget_text = t("admin-show-budget-none")
    elif defaults.credits_per_job:
        budget_text = t(
            "admin-show-budget-videos", budget=budget, videos=int(budget // defaults.credits_per_job)
        )
    else:
        budget_text = t("admin-show-budget", budget=budget)
    embed.add_field(
        name=t("admin-show-bot-wide"),
        value=t("admin-show-bot-wide-value", jobs=max_concurrent_jobs, budget=budget_text),
        inline=False,
    )
    channels = [f"<#{c}>" for c in config.allowed_channels]
    roles = [f"<@&{r}>" for r in config.allowed_roles]
    embed.add_field(
        name=t("admin-show-channels"),
        value=capped(channels, locale=locale) if channels else t("admin-show-any-channel"),
        inline=False,
    )
    embed.add_field(
        name=t("admin-show-roles"),
        value=t("admin-show-roles-listed", roles=capped(roles, limit=FIELD_MAX - 40, locale=locale))
        if roles
        else t("admin-show-everyone"),
        inline=False,
    )
    embed.add_field(
        name=t("admin-show-generation"),
        value=t("admin-show-paused") if config.paused else t("admin-show-running"),
        inline=True,
    )
    embed.add_field(
        name=t("admin-show-iteration"),
        value=t("admin-show-requester-only") if config.requester_only else t("admin-show-anyone"),
        inline=True,
    )
    banned = (
        t(
            "admin-show-banned-list",
            count=len(bans),
            members=capped([f"<@{u}>" for u in bans], limit=FIELD_MAX - 40, locale=locale),
        )
        if bans
        else t("admin-value-none")
    )
    embed.add_field(name=t("admin-show-banned"), value=banned, inline=False)
    return embed


def usage_embed(rows: list[UsageRow], *, with_file: bool, locale: object = None) -> discord.Embed:
    """A compact table (as much as fits) plus totals; the full report goes in usage.csv."""

    def t(key: str, **args: Arg) -> str:
        return text(locale, key, **args)

    header = (
        f"{t('admin-usage-day'):<10} {t('admin-usage-member'):<14} {t('admin-usage-clips'):>5} "
        f"{t('admin-usage-done'):>4} {t('admin-usage-fail'):>4} {t('admin-usage-credits'):>8}"
    )
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
        description += t("admin-usage-more-rows", count=len(rows) - shown)
    embed = discord.Embed(
        title=t("admin-usage-title", days=REPORT_DAYS), description=description, colour=COLOUR
    )
    embed.add_field(
        name=t("admin-usage-totals"),
        value=t(
            "admin-usage-totals-value",
            clips=sum(r.clips for r in rows),
            members=len({r.user_id for r in rows}),
            delivered=sum(r.delivered for r in rows),
            failed=sum(r.failures for r in rows),
            credits=round(sum(r.credits for r in rows), 1),
        ),
        inline=False,
    )
    embed.set_footer(text=t("admin-usage-footer-file") if with_file else t("admin-usage-footer"))
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

    async def _changed(self, interaction: discord.Interaction[Any], sentence: Msg, what: str) -> None:
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
            locale=member_locale(interaction),
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
            await reply(interaction, Msg("admin-limits-nothing"))
            return
        fields: dict[str, Any] = dict.fromkeys(given) if reset else {}
        fields.update(chosen)
        await self.bot.store.set_guild_config(self._guild(interaction), **fields)
        parts = [
            Msg("admin-limit-set-part", name=Msg(f"admin-limit-{k}"), value=_limit_value(k, v))
            for k, v in chosen.items()
        ]
        if reset:
            sentence = (
                Msg("admin-limits-reset-then-set", parts=_and(parts)) if parts else Msg("admin-limits-reset")
            )
        else:
            sentence = Msg("admin-limits-set", parts=_and(parts))
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
        new, sentence = CHANNELS.edit(
            config.allowed_channels, action.value, target, member_locale(interaction)
        )
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
        new, sentence = ROLES.edit(config.allowed_roles, action.value, target, member_locale(interaction))
        await self._set_list(
            interaction, "allowed_roles", new, sentence, _what("roles", action.value, target)
        )

    async def _set_list(
        self, interaction: discord.Interaction[Any], key: str, new: list[int] | None, sentence: Msg, what: str
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
            await reply(interaction, Msg("admin-ban-already", user=user.id))
            return
        await self._changed(interaction, Msg("admin-ban-done", user=user.id), f"banned user {user.id}")

    @videoadmin.command(name="unban", description="Let a banned member make videos again")
    @app_commands.describe(user="The member who may make videos here again")
    async def unban(self, interaction: discord.Interaction[VideoBot], user: discord.User) -> None:
        removed = await self.bot.store.unban(self._guild(interaction), user.id)
        if not removed:
            await reply(interaction, Msg("admin-unban-not-banned", user=user.id))
            return
        await self._changed(interaction, Msg("admin-unban-done", user=user.id), f"unbanned user {user.id}")

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
            await reply(interaction, Msg("admin-pause-already" if paused else "admin-pause-not-paused"))
            return
        await self.bot.store.set_guild_config(guild_id, paused=paused)
        sentence = Msg("admin-pause-done") if paused else Msg("admin-resume-done")
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
                Msg("admin-requester-only-already-on" if enabled else "admin-requester-only-already-off"),
            )
            return
        await self.bot.store.set_guild_config(guild_id, requester_only=enabled)
        sentence = Msg("admin-requester-only-on") if enabled else Msg("admin-requester-only-off")
        await self._changed(interaction, sentence, f"requester_only={enabled}")

    @videoadmin.command(
        name="usage", description=f"Videos, failures and credits per member per day ({REPORT_DAYS} days)"
    )
    async def usage(self, interaction: discord.Interaction[VideoBot]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        since = day_start(self.bot.clock()) - (REPORT_DAYS - 1) * DAY  # today and the 29 days before
        rows = await self.bot.store.usage_report(self._guild(interaction), since)
        if not rows:
            await reply(interaction, Msg("admin-usage-none", days=REPORT_DAYS))
            return
        data = usage_csv(rows)
        fits = len(data) <= interaction.filesize_limit
        embed = usage_embed(rows, with_file=fits, locale=member_locale(interaction))
        files = [discord.File(io.BytesIO(data), filename="usage.csv")] if fits else []
        await interaction.followup.send(
            embed=embed, files=files, ephemeral=True, allowed_mentions=NO_MENTIONS
        )


def _what(kind: str, action: str, target: int | None) -> str:
    return f"{kind}: {action}" if action == "clear" else f"{kind}: {action} {target}"


def _and(parts: list[Msg]) -> Msg:
    listed = parts[0]
    for part in parts[1:-1]:
        listed = Msg("list-comma", first=listed, next=part)
    return Msg("list-and", first=listed, last=parts[-1]) if len(parts) > 1 else listed


async def setup(bot: VideoBot) -> None:
    await bot.add_cog(AdminCog(bot))
