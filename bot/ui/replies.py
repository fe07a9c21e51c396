"""One reply helper that answers, follows up or edits, whatever state the interaction is in."""

from __future__ import annotations

import logging

import discord

from bot.ui.cards import NO_MENTIONS

log = logging.getLogger("bot.ui.replies")


async def reply(interaction: discord.Interaction, text: str, *, ephemeral: bool = True) -> None:
    """Say one sentence to the person who interacted. Never raises: a lost reply is only logged."""
    text = text if len(text) <= 2000 else text[:1999] + "…"
    try:
        if not interaction.response.is_done():
            await interaction.response.send_message(text, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)
        elif interaction.response.type == discord.InteractionResponseType.deferred_channel_message:
            await interaction.edit_original_response(content=text, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.followup.send(text, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException as exc:
        log.warning("could not reply to interaction %s: %s %s", interaction.id, exc.status, exc.code)
