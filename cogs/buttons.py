"""The buttons under cards and results, and the modals they open.

Every button is a DynamicItem whose custom_id carries the job id (`v:<action>:<job>`), so it works on
messages posted before any number of restarts. Modal submits are routed by custom_id in `on_interaction`
rather than through discord.py's in-memory modal store, so a modal opened before a restart still works.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from bot.i18n import Msg, text
from bot.jobs import ACTIVE, Job, JobKind, JobStatus, NewJob, rules
from bot.jobs.sentences import ending_of
from bot.ui.cards import NO_MENTIONS, shorten
from bot.ui.replies import member_locale, reply
from cogs.common import (
    PROMPT_MAX_CHARS,
    SOMETHING_WRONG,
    is_moderator,
    iteration_refusal,
    modal_values,
    start_job,
)
from cogs.fullcut import send_full_cut
from cogs.story import send_story

if TYPE_CHECKING:
    from bot.ui.bot import VideoBot

log = logging.getLogger("cogs.buttons")

S = JobStatus
_MODAL_RE = re.compile(r"v:(?P<action>extm|rmxm):(?P<job>[0-9]+)")


def card_view(job: Job) -> discord.ui.View | None:
    """The buttons a card carries in the job's current state, labelled in the card's locale."""
    view = discord.ui.View(timeout=None)
    loc = job.locale
    if job.status in ACTIVE:
        view.add_item(CancelButton(job.id, loc))
    elif job.status == S.DELIVERED:
        view.add_item(ExtendButton(job.id, loc))
        view.add_item(RemixButton(job.id, loc))
        view.add_item(RetryButton(job.id, loc))
        view.add_item(DeleteButton(job.id, loc))
        view.add_item(StoryButton(job.id, loc))  # the 5th of a row (Discord allows 5)
        view.add_item(FullCutButton(job.id, loc))  # on the second row
    elif job.status in (S.FAILED, S.TIMED_OUT, S.SUBMIT_UNKNOWN):
        view.add_item(RetryButton(job.id, loc))
    else:
        return None
    return view


def _button(
    label: str,
    style: discord.ButtonStyle,
    action: str,
    job_id: int,
    locale: object,
    *,
    row: int | None = None,
) -> discord.ui.Button[Any]:
    """A button whose label is the catalog message `button-<label>` (its custom_id stays the same)."""
    shown = text(locale, f"button-{label}")
    return discord.ui.Button(label=shown, style=style, custom_id=f"v:{action}:{job_id}", row=row)


_ButtonItem = discord.ui.DynamicItem[discord.ui.Button[Any]]


class _Answers:
    """Every button answers its presser, whatever goes wrong (never a silent "thinking…")."""

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        raise NotImplementedError

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            await self.run(interaction)
        except Exception:
            log.exception("button %s failed", type(self).__name__)
            await reply(interaction, SOMETHING_WRONG)


async def _load(interaction: discord.Interaction[Any], job_id: int) -> tuple[VideoBot, Job | None]:
    bot: VideoBot = interaction.client
    return bot, await bot.store.get(job_id)


class ExtendButton(
    _Answers, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"v:ext:(?P<job>[0-9]+)"
):
    def __init__(self, job_id: int, locale: object = None) -> None:
        super().__init__(_button("extend", discord.ButtonStyle.primary, "ext", job_id, locale))
        self.job_id = job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ExtendButton:
        return cls(int(match["job"]))

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        bot, parent = await _load(interaction, self.job_id)
        problem = await extend_problem(bot, interaction, parent)
        if problem is not None or parent is None:
            await _refuse_extend(bot, interaction, parent, problem or Msg("extend-cannot"))
            return
        await _send_modal(interaction, extend_modal(parent.id, member_locale(interaction)))


class RemixButton(
    _Answers, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"v:rmx:(?P<job>[0-9]+)"
):
    def __init__(self, job_id: int, locale: object = None) -> None:
        super().__init__(_button("remix", discord.ButtonStyle.secondary, "rmx", job_id, locale))
        self.job_id = job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> RemixButton:
        return cls(int(match["job"]))

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        bot, source = await _load(interaction, self.job_id)
        problem = await repeat_problem(bot, interaction, source)
        if problem is not None or source is None:
            await reply(interaction, problem or Msg("remix-cannot"))
            return
        await _send_modal(interaction, remix_modal(source.id, source.prompt, member_locale(interaction)))


class RetryButton(
    _Answers, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"v:rty:(?P<job>[0-9]+)"
):
    def __init__(self, job_id: int, locale: object = None) -> None:
        super().__init__(_button("retry", discord.ButtonStyle.secondary, "rty", job_id, locale))
        self.job_id = job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> RetryButton:
        return cls(int(match["job"]))

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        bot, source = await _load(interaction, self.job_id)
        problem = await repeat_problem(bot, interaction, source)
        if problem is not None or source is None:
            await reply(interaction, problem or Msg("retry-cannot"))
            return
        new = _again(source, interaction, JobKind.RETRY, source.prompt)
        await start_job(bot, interaction, new, private=new.private, owns_refs=False)


class DeleteButton(
    _Answers, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"v:del:(?P<job>[0-9]+)"
):
    def __init__(self, job_id: int, locale: object = None) -> None:
        super().__init__(_button("delete", discord.ButtonStyle.danger, "del", job_id, locale))
        self.job_id = job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> DeleteButton:
        return cls(int(match["job"]))

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        _, job = await _load(interaction, self.job_id)
        if job is None:
            await reply(interaction, Msg("repeat-unknown"))
            return
        if interaction.user.id != job.user_id and not is_moderator(interaction):
            await reply(interaction, Msg("delete-not-yours"))
            return
        try:
            if interaction.message is not None:
                await interaction.message.delete()
        except discord.HTTPException as exc:
            log.warning("%s could not be deleted: %s %s", job.log_fields(), exc.status, exc.code)
            await reply(interaction, Msg("delete-failed"))
            return
        log.info("%s result deleted by user %s", job.log_fields(), interaction.user.id)
        await reply(interaction, Msg("delete-done", job=job.id))


class StoryButton(
    _Answers, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"v:sty:(?P<job>[0-9]+)"
):
    def __init__(self, job_id: int, locale: object = None) -> None:
        super().__init__(_button("story", discord.ButtonStyle.secondary, "sty", job_id, locale))
        self.job_id = job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> StoryButton:
        return cls(int(match["job"]))

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        await send_story(interaction.client, interaction, self.job_id)


class FullCutButton(
    _Answers, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"v:cut:(?P<job>[0-9]+)"
):
    def __init__(self, job_id: int, locale: object = None) -> None:
        super().__init__(_button("full-cut", discord.ButtonStyle.secondary, "cut", job_id, locale, row=1))
        self.job_id = job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> FullCutButton:
        return cls(int(match["job"]))

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        await send_full_cut(interaction.client, interaction, self.job_id)


class CancelButton(
    _Answers, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"v:cnl:(?P<job>[0-9]+)"
):
    def __init__(self, job_id: int, locale: object = None) -> None:
        super().__init__(_button("cancel", discord.ButtonStyle.danger, "cnl", job_id, locale))
        self.job_id = job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> CancelButton:
        return cls(int(match["job"]))

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        bot, job = await _load(interaction, self.job_id)
        if job is None:
            await reply(interaction, Msg("cancel-unknown"))
            return
        if interaction.user.id != job.user_id and not is_moderator(interaction):
            await reply(interaction, Msg("cancel-not-yours"))
            return
        if job.status not in ACTIVE:
            await reply(interaction, Msg("cancel-already-ended", job=job.id))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        cancelled = await bot.worker.cancel(job, by_user_id=interaction.user.id)
        if cancelled is None:
            await reply(interaction, Msg("cancel-too-late", job=job.id))
            return
        await reply(interaction, ending_of(cancelled) or Msg("cancel-done"))


PICK_MAX = 25  # options Discord allows in one select menu


def extend_picker(story_of: int, jobs: list[Job], locale: object = None) -> discord.ui.View | None:
    """The Story answer's select menu: extend any delivered segment (the first 25 in the story's order)."""
    if not jobs:
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(ExtendPick(story_of, jobs[:PICK_MAX], locale))
    return view


class ExtendPick(
    _Answers, discord.ui.DynamicItem[discord.ui.Select[Any]], template=r"v:pick:(?P<job>[0-9]+)"
):
    """Pick a segment of a story to extend it: a new branch from that segment."""

    def __init__(self, story_of: int, jobs: list[Job] | None = None, locale: object = None) -> None:
        options = [
            discord.SelectOption(
                label=shorten(segment_label(j, locale), 100),
                value=str(j.id),
                description=shorten(j.prompt or "", 100) or None,
            )
            for j in jobs or []
        ] or [discord.SelectOption(label=f"#{story_of}", value=str(story_of))]
        super().__init__(
            discord.ui.Select(
                custom_id=f"v:pick:{story_of}",
                placeholder=shorten(text(locale, "story-pick-placeholder"), 150),
                options=options,
            )
        )
        self.story_of = story_of

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ExtendPick:
        return cls(int(match["job"]))

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        data: dict[str, Any] = dict(interaction.data or {})
        values = [str(v) for v in data.get("values") or []]
        picked = int(values[0]) if values and values[0].isdigit() else self.story_of
        await ExtendButton(picked).run(interaction)


def segment_label(job: Job, locale: object) -> str:
    """`#12 extend by alice`: a segment of a story, its kind in the reader's language."""
    kind = Msg(f"kind-{job.kind.value}")
    if job.user_name:
        return text(locale, "segment-label", job=job.id, kind=kind, name=job.user_name)
    return text(locale, "segment-label-someone", job=job.id, kind=kind)


def extend_modal(job_id: int, locale: object) -> PromptModal:
    return PromptModal(
        text(locale, "extend-modal-title"), f"v:extm:{job_id}", text(locale, "extend-modal-label")
    )


def remix_modal(job_id: int, prompt: str, locale: object) -> PromptModal:
    return PromptModal(
        text(locale, "remix-modal-title"),
        f"v:rmxm:{job_id}",
        text(locale, "remix-modal-label"),
        default=prompt,
    )


class PromptModal(discord.ui.Modal):
    """A one-field prompt modal. Its submit is handled by ButtonsCog.on_interaction (by custom_id)."""

    def __init__(self, title: str, custom_id: str, label: str, *, default: str | None = None) -> None:
        super().__init__(title=title, custom_id=custom_id, timeout=None)
        self.prompt: discord.ui.TextInput[PromptModal] = discord.ui.TextInput(
            label=label,
            style=discord.TextStyle.paragraph,
            custom_id="prompt",
            default=(default or "")[:PROMPT_MAX_CHARS] or None,
            max_length=PROMPT_MAX_CHARS,
            required=True,
        )
        self.add_item(self.prompt)


async def _send_modal(interaction: discord.Interaction[Any], modal: discord.ui.Modal) -> None:
    await interaction.response.send_modal(modal)
    # Forget it in memory: the submit is routed by custom_id, which also works after a restart.
    modal.stop()


async def extend_problem(
    bot: VideoBot, interaction: discord.Interaction[Any], parent: Job | None
) -> Msg | None:
    """Why this clip cannot be extended right now (server rules, then the core's rule); None when it can."""
    if parent is not None:
        problem = await iteration_refusal(bot, interaction, parent)
        if problem is not None:
            return problem
    return rules.extend_problem(parent, now=bot.clock(), max_age_hours=bot.settings.extend_max_age_hours)


async def _refuse_extend(
    bot: VideoBot, interaction: discord.Interaction[Any], parent: Job | None, problem: Msg
) -> None:
    """Say why the clip cannot be extended; when only its task is too old, offer a Remix of it instead."""
    if parent is None or await iteration_refusal(bot, interaction, parent) is not None:
        await reply(interaction, problem)
        return
    if await repeat_problem(bot, interaction, parent) is not None:
        await reply(interaction, problem)
        return
    view = discord.ui.View(timeout=None)
    locale = member_locale(interaction)
    view.add_item(RemixButton(parent.id, locale))
    await interaction.response.send_message(
        text(locale, "extend-remix-instead", problem=problem),
        view=view,
        ephemeral=True,
        allowed_mentions=NO_MENTIONS,
    )


async def repeat_problem(
    bot: VideoBot, interaction: discord.Interaction[Any], source: Job | None
) -> Msg | None:
    """Why this job cannot be remixed / retried (server rules, then the core's rule); None when it can."""
    if source is not None:
        problem = await iteration_refusal(bot, interaction, source)
        if problem is not None:
            return problem
    parent = await bot.store.get(source.parent_job_id) if source and source.parent_job_id else None
    missing = (
        [r.filename for r in source.refs if not (bot.settings.data_dir / r.path).is_file()] if source else []
    )
    return rules.repeat_problem(
        source,
        parent=parent,
        missing_files=missing,
        now=bot.clock(),
        max_age_hours=bot.settings.extend_max_age_hours,
        retention_days=bot.settings.reference_retention_days,
    )


def _again(source: Job, interaction: discord.Interaction[Any], kind: JobKind, prompt: str) -> NewJob:
    """A new job with the same inputs as `source`, asked for by whoever pressed the button."""
    return NewJob(
        kind=kind,
        guild_id=source.guild_id if source.private else interaction.guild_id,
        channel_id=source.channel_id if source.private else (interaction.channel_id or source.channel_id),
        user_id=interaction.user.id,
        user_name=interaction.user.display_name,
        prompt=prompt,
        aspect_ratio=source.aspect_ratio,
        # Same kept files; their API links are refreshed at submit time if they expired.
        refs=[replace(r) for r in source.refs],
        parent_job_id=source.parent_job_id,
        parent_task_id=source.parent_task_id,
        source_job_id=source.id,
        credit_user_id=source.user_id,
        private=source.private,
    )


class ButtonsCog(commands.Cog):
    def __init__(self, bot: VideoBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(
            ExtendButton, RemixButton, RetryButton, DeleteButton, StoryButton, FullCutButton, CancelButton
        )
        self.bot.presenter.views = card_view
        self.bot.presenter.story_view = extend_picker

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(
            ExtendButton,
            RemixButton,
            RetryButton,
            DeleteButton,
            StoryButton,
            FullCutButton,
            CancelButton,
            ExtendPick,
        )

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction[VideoBot]) -> None:
        if interaction.type != discord.InteractionType.modal_submit or not interaction.data:
            return
        match = _MODAL_RE.fullmatch(str(interaction.data.get("custom_id", "")))
        if match is None:
            return
        values = modal_values(dict(interaction.data))
        try:
            await interaction.response.defer(ephemeral=True, thinking=True)
            if match["action"] == "extm":
                await self._extend(interaction, int(match["job"]), values.get("prompt", "").strip())
            else:
                await self._remix(interaction, int(match["job"]), values.get("prompt", "").strip())
        except Exception:
            log.exception("modal submit %s failed", match.group(0))
            await reply(interaction, SOMETHING_WRONG)

    async def _extend(self, interaction: discord.Interaction[VideoBot], parent_id: int, prompt: str) -> None:
        parent = await self.bot.store.get(parent_id)
        problem = await extend_problem(self.bot, interaction, parent)
        if problem is not None or parent is None:
            await reply(interaction, problem or Msg("extend-cannot"))
            return
        if not prompt:
            await reply(interaction, Msg("extend-no-prompt"))
            return
        new = NewJob(
            kind=JobKind.EXTEND,
            guild_id=parent.guild_id if parent.private else interaction.guild_id,
            channel_id=parent.channel_id if parent.private else (interaction.channel_id or parent.channel_id),
            user_id=interaction.user.id,
            user_name=interaction.user.display_name,
            prompt=prompt[:PROMPT_MAX_CHARS],
            aspect_ratio=parent.aspect_ratio,
            parent_job_id=parent.id,
            parent_task_id=parent.task_id,
            source_job_id=parent.id,
            credit_user_id=parent.user_id,
            private=parent.private,
        )
        await start_job(self.bot, interaction, new, private=parent.private)

    async def _remix(self, interaction: discord.Interaction[VideoBot], source_id: int, prompt: str) -> None:
        source = await self.bot.store.get(source_id)
        problem = await repeat_problem(self.bot, interaction, source)
        if problem is not None or source is None:
            await reply(interaction, problem or Msg("remix-cannot"))
            return
        if not prompt and not source.refs and not source.parent_task_id:
            await reply(interaction, Msg("remix-no-prompt"))
            return
        new = _again(source, interaction, JobKind.REMIX, prompt[:PROMPT_MAX_CHARS])
        await start_job(self.bot, interaction, new, private=new.private, owns_refs=False)


async def setup(bot: VideoBot) -> None:
    await bot.add_cog(ButtonsCog(bot))
