"""One reply helper that answers, follows up or edits, whatever state the interaction is in.

Whose language: a reply only one member sees is in that member's `interaction.locale`; a public one is in
the server's `interaction.guild_locale` (the member's own in a DM)."""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.i18n import Text, render, resolve
from bot.ui.cards import NO_MENTIONS

log = logging.getLogger("bot.ui.replies")


def member_locale(interaction: discord.Interaction[Any]) -> str:
    """The shipped locale for what only this member sees."""
    return resolve(interaction.locale)


def server_locale(interaction: discord.Interaction[Any]) -> str:
    """The shipped locale for what everybody in the channel sees (the member's own outside a server)."""
    if interaction.guild_id is not None and interaction.guild_locale is not None:
        return resolve(interaction.guild_locale)
    return resolve(interaction.locale)


async def reply(interaction: discord.Interaction[Any], text: Text, *, ephemeral: bool = True) -> None:
    """Say one sentence to the person who interacted. Never raises: a lost reply is only logged."""
    shown = render(text, member_locale(interaction) if ephemeral else server_locale(interaction))
    shown = shown if len(shown) <= 2000 else shown[:1999] + "…"
    try:
        if not interaction.response.is_done():
            await interaction.response.send_message(shown, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)
        elif interaction.response.type == discord.InteractionResponseType.deferred_channel_message:
            await interaction.edit_original_response(content=shown, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.followup.send(shown, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException as exc:
        log.warning("could not reply to interaction %s: %s %s", interaction.id, exc.status, exc.code)
