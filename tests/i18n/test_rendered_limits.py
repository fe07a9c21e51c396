"""Discord's length limits hold in every locale: each card, button row, modal and member answer is rendered
in each shipped locale and checked by the fake Discord's own validation (the rules it enforces on the wire).
Also: the English of every command, option and choice is the English catalog's."""

from __future__ import annotations

import itertools
from typing import Any

import discord
import pytest
from discord import app_commands

from bot import i18n
from bot.jobs import Job, JobKind, JobStatus, Reference
from bot.jobs.limits import GuildConfig, Limits, Usage
from bot.jobs.sentences import ending_fields
from bot.store import UsageRow
from bot.ui import cards
from bot.ui.translator import catalog_key
from cogs import admin, buttons, info, video
from tests.fakes.discord.interactions import InteractionsMixin
from tests.fakes.discord.rules import check_components, check_embeds, check_message

LOCALES = i18n.LOCALES
LONGEST_NAME = "n" * 32  # Discord display names are at most 32 characters


def _job(status: JobStatus, kind: JobKind, locale: str, **fields: Any) -> Job:
    refs = [Reference(kind="image", path="x", filename="a.png", content_type="image/png", size=1)] * 16
    job = Job(
        id=123456789, status=status, kind=kind, guild_id=1, channel_id=2, user_id=1 << 62,
        user_name=LONGEST_NAME, prompt="p" * 4000, aspect_ratio="16:9", refs=refs, parent_job_id=123456788,
        parent_task_id="t", task_id="t", card_message_id=3, ping_message_id=None, created_at=0.0,
        updated_at=0.0, submitted_at=1.0, finished_at=None, next_poll_at=None, deadline_at=None, attempts=0,
        polls=0, progress=64, estimated_time=60.0, video_expires_at=4e9, source_job_id=123456788,
        credit_user_id=(1 << 62) + 1, locale=locale, queued=True, in_line=True,
    )  # fmt: skip
    for key, value in fields.items():
        setattr(job, key, value)
    return job


ENDINGS = [
    i18n.Msg(m)
    for m in (
        "ending-submit-unknown",
        "ending-gave-up-before-start",
        "api-refused-model",
        "ending-card-failed",
    )
] + [i18n.Msg("rejected-reference-link-expired", filename="f" * 200 + ".mp4")]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_card_and_its_buttons_fit_in_every_locale(locale: str) -> None:
    link = "https://cdn.example/" + "x" * 500
    for status, kind in itertools.product(JobStatus, JobKind):
        for ending in ENDINGS:
            job = _job(status, kind, locale, **ending_fields(ending))
            embed = cards.card_embed(
                job, now=2.0, link=link, queue_position=1000, line_position=23,
                waiting_reason=i18n.Msg("paused-operator-told", sentence=i18n.Msg("paused-misconfigured")),
            )  # fmt: skip
            view = buttons.card_view(job)
            components = view.to_components() if view else []
            check_message(
                {"content": cards.ping_text(job), "embeds": [embed.to_dict()], "components": components},
                [], upload_limit=1, creating=True,
            )  # fmt: skip
            assert embed.footer.text and embed.footer.text.startswith(cards.footer_of(job.id, locale))


@pytest.mark.parametrize("locale", LOCALES)
def test_every_modal_and_menu_fits_in_every_locale(locale: str) -> None:
    for modal in (
        buttons.extend_modal(123456789, locale),
        buttons.remix_modal(123456789, "p" * 4000, locale),
        video.animate_modal(1 << 62, locale),
    ):
        InteractionsMixin._check_modal(modal.to_dict())  # type: ignore[arg-type]
    jobs = [_job(JobStatus.DELIVERED, kind, locale) for kind in JobKind] * 5
    picker = buttons.extend_picker(123456789, jobs, locale)
    assert picker is not None
    check_components(picker.to_components())
    remix = discord.ui.View()
    remix.add_item(buttons.RemixButton(1, locale))
    check_components(remix.to_components())


@pytest.mark.parametrize("locale", LOCALES)
def test_every_answer_embed_fits_in_every_locale(locale: str) -> None:
    limits = Limits(
        user_daily=10_000, user_concurrent=100, user_queue=100, guild_daily=1_000_000,
        cooldown_seconds=86_400, daily_credit_budget=1e9, credits_per_job=1.0,
    )  # fmt: skip
    usage = Usage(user_today=9_999, user_active=99, guild_today=999_999, credits_today=1e9 - 1,
                  last_request_at=1.0)  # fmt: skip
    help_embed = info.help_embed(locale)
    for name, value in info.limit_fields(limits, usage, 2.0, in_guild=True, locale=locale):
        help_embed.add_field(name=name, value=value, inline=False)
    jobs = [_job(status, JobKind.REMIX, locale) for status in JobStatus]
    config = GuildConfig(
        guild_id=1, allowed_channels=list(range(10**17, 10**17 + 50)), allowed_roles=list(range(50)),
        user_daily_limit=1, cooldown_seconds=30, paused=True, requester_only=True,
    )  # fmt: skip
    rows = [UsageRow(day="2026-01-01", user_id=i, user_name=LONGEST_NAME, clips=10**6, delivered=10**6,
                     failures=10**6, credits=1e9) for i in range(500)]  # fmt: skip
    embeds = [
        help_embed,
        info.jobs_embed(jobs, locale),
        admin.show_embed(
            config, defaults=limits, max_concurrent_jobs=1000, bans=list(range(200)), locale=locale
        ),
        admin.usage_embed(rows, with_file=True, locale=locale),
    ]
    for embed in embeds:
        check_embeds([embed.to_dict()])  # type: ignore[list-item]


def _command_strings(tree: app_commands.CommandTree[Any]) -> list[tuple[str | None, str]]:
    """(catalog id, English) of every command name, description, option and choice in the tree."""
    Where = app_commands.TranslationContextLocation
    out: list[tuple[str | None, str]] = []
    for command in tree.walk_commands():
        if isinstance(command, app_commands.ContextMenu):
            out.append((catalog_key(Where.command_name, command), command.name))
            continue
        group = isinstance(command, app_commands.Group)
        out.append((catalog_key(Where.group_name if group else Where.command_name, command), command.name))
        desc_where = Where.group_description if group else Where.command_description
        out.append((catalog_key(desc_where, command), command.description))
        for param in [] if group else command.parameters:
            numbered = param.name.rstrip("0123456789")
            english_name = f"{numbered}{{n}}" if numbered != param.name else param.name
            out.append((catalog_key(Where.parameter_name, param), english_name))
            out.append((catalog_key(Where.parameter_description, param), param.description))
            for choice in param.choices:
                out.append((catalog_key(Where.choice_name, choice), choice.name))
    return out


async def test_command_english_is_the_catalogs_english(harness: Any) -> None:
    bot = await harness.start()
    strings = _command_strings(bot.tree)
    assert len(strings) > 60
    for key, english in strings:
        assert key is not None
        shown = i18n.text("en-US", key, n="{n}")
        assert shown == english, f"{key}: the decorator says {english!r}, the catalog {shown!r}"
