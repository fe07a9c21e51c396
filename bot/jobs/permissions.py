"""Can the bot post a job's card and clip where it was asked? Decided from permission bits (no Discord here).

Discord sends the bot's computed permissions in the channel (overrides applied) with every interaction as
``app_permissions``; the cogs pass that integer in. The card and the clip are channel messages posted with
the bot token, which Discord refuses (403 / 50013) without these permissions, while the interaction's own
answers need none: so the check runs before anything is admitted, reserved or sent to the video API.
"""

from __future__ import annotations

__all__ = [
    "ATTACH_FILES",
    "EMBED_LINKS",
    "NAMES",
    "READ_MESSAGE_HISTORY",
    "SEND_MESSAGES",
    "SEND_MESSAGES_IN_THREADS",
    "VIEW_CHANNEL",
    "missing_to_post",
]

# Bit values from Discord's permission table (docs: topics/permissions).
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
SEND_MESSAGES_IN_THREADS = 1 << 38

# Permission ids; the name a server admin sees on a channel's Permissions page is the catalog message
# `permission-<id>` (Discord shows these names in the admin's own language).
NAMES: dict[int, str] = {
    VIEW_CHANNEL: "view-channel",
    SEND_MESSAGES: "send-messages",
    SEND_MESSAGES_IN_THREADS: "send-messages-in-threads",
    EMBED_LINKS: "embed-links",
    ATTACH_FILES: "attach-files",
    READ_MESSAGE_HISTORY: "read-message-history",
}


def missing_to_post(app_permissions: int, *, in_thread: bool) -> tuple[str, ...]:
    """The permissions the bot lacks to post a job's card (an embed), its clip (an MP4) and the ping (a
    reply) here, by name.

    Empty when it has them all. In a thread, Discord asks for Send Messages in Threads instead of Send
    Messages.
    """
    send = SEND_MESSAGES_IN_THREADS if in_thread else SEND_MESSAGES
    # Read Message History: the requester's ping is a reply to the card, and Discord refuses a reply
    # without it; after a restart the bot also reads its own recent messages to post nothing twice.
    needed = (VIEW_CHANNEL, send, EMBED_LINKS, ATTACH_FILES, READ_MESSAGE_HISTORY)
    return tuple(NAMES[bit] for bit in needed if not app_permissions & bit)
