"""Exactly the Discord permissions the bot needs, and the invite link that asks for them (nothing more).

The link is only ever printed (``python -m bot --check``); nothing here talks to Discord.
"""

from __future__ import annotations

import discord

__all__ = ["NEEDED", "PERMISSIONS", "SCOPES", "invite_url", "permission_names"]

# No gateway intent beyond `guilds` is needed: in particular not the privileged Message Content intent (the
# bot reads only its own messages, and "Animate with AI" gets its message whole from the interaction).

# (discord.py flag, the name Discord's UI shows, why the bot needs it). Nothing else is requested:
# no Administrator, no Manage Messages, no Mention Everyone.
NEEDED: tuple[tuple[str, str, str], ...] = (
    # To see the channel at all: post the job card there and edit it later.
    ("view_channel", "View Channels", "see the channel where /video was used, to post and edit the job card"),
    # The job card, the finished clip and the short reply that pings the requester go out with the bot token.
    ("send_messages", "Send Messages", "post the job card, the finished clip and the ping to the requester"),
    # /video and the buttons also work inside threads and forum posts.
    ("send_messages_in_threads", "Send Messages in Threads", "do the same when /video is used in a thread"),
    # The job card (progress, result, errors) is an embed.
    ("embed_links", "Embed Links", "show the job card (progress, result, errors) as an embed"),
    # The finished clip is posted as a playable MP4 attachment.
    ("attach_files", "Attach Files", "post the finished clip as a playable MP4"),
    # To find its own card and ping after a crash (none posted twice); the ping is a reply to the card,
    # which Discord only allows with this permission. ("Animate with AI" reads no history: the menu's
    # interaction carries the message.)
    (
        "read_message_history",
        "Read Message History",
        "after a restart, find its own card and ping again (so none is posted twice), and reply to the card "
        "to ping the requester",
    ),
)

PERMISSIONS: discord.Permissions = discord.Permissions(**{flag: True for flag, _, _ in NEEDED})

# `bot` adds the bot user to the server; `applications.commands` lets it register /video and the menus.
SCOPES: tuple[str, ...] = ("bot", "applications.commands")


def permission_names() -> list[str]:
    """The Discord UI names of the needed permissions, in the order of NEEDED."""
    return [name for _, name, _ in NEEDED]


def invite_url(application_id: int) -> str:
    """The OAuth2 link a server admin opens to add the bot with exactly PERMISSIONS (never requested here)."""
    return discord.utils.oauth_url(application_id, permissions=PERMISSIONS, scopes=SCOPES)
