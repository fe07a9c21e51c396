"""Which permissions the bot lacks to post a job here, decided from app_permissions bits (no Discord)."""

from __future__ import annotations

import discord

from bot.jobs import permissions as p
from bot.jobs.sentences import missing_permissions_sentence
from bot.ui.permissions import PERMISSIONS

EVERYTHING = (
    p.VIEW_CHANNEL
    | p.SEND_MESSAGES
    | p.SEND_MESSAGES_IN_THREADS
    | p.EMBED_LINKS
    | p.ATTACH_FILES
    | p.READ_MESSAGE_HISTORY
)


def test_the_bits_are_discords() -> None:
    flags = discord.Permissions
    assert flags(view_channel=True).value == p.VIEW_CHANNEL
    assert flags(send_messages=True).value == p.SEND_MESSAGES
    assert flags(send_messages_in_threads=True).value == p.SEND_MESSAGES_IN_THREADS
    assert flags(embed_links=True).value == p.EMBED_LINKS
    assert flags(attach_files=True).value == p.ATTACH_FILES
    assert flags(read_message_history=True).value == p.READ_MESSAGE_HISTORY
    assert PERMISSIONS.value & EVERYTHING == EVERYTHING, "the invite link asks for every one checked"


def test_missing_to_post() -> None:
    assert p.missing_to_post(EVERYTHING, in_thread=False) == ()
    assert p.missing_to_post(EVERYTHING & ~p.ATTACH_FILES, in_thread=False) == ("attach-files",)
    assert p.missing_to_post(EVERYTHING & ~p.EMBED_LINKS & ~p.ATTACH_FILES, in_thread=True) == (
        "embed-links",
        "attach-files",
    )
    assert p.missing_to_post(0, in_thread=False) == (
        "view-channel",
        "send-messages",
        "embed-links",
        "attach-files",
        "read-message-history",
    )
    assert p.missing_to_post(EVERYTHING & ~p.READ_MESSAGE_HISTORY, in_thread=False) == (
        "read-message-history",
    )
    # In a thread, Send Messages in Threads is what counts, not Send Messages.
    assert p.missing_to_post(EVERYTHING & ~p.SEND_MESSAGES, in_thread=True) == ()
    assert p.missing_to_post(EVERYTHING & ~p.SEND_MESSAGES_IN_THREADS, in_thread=True) == (
        "send-messages-in-threads",
    )


def test_the_sentence_names_them_and_says_where_to_grant_them() -> None:
    assert missing_permissions_sentence(("attach-files",), role_name="videobot").render() == (
        "I can't post videos here: I'm missing the Attach Files permission in this channel. "
        "A server admin can grant it in the channel's settings (Permissions → videobot). Nothing was charged."
    )
    two = missing_permissions_sentence(
        ("embed-links", "attach-files"), role_name="videobot", in_thread=True
    ).render()
    assert "the Embed Links and Attach Files permissions in this thread" in two
    assert "grant them in its parent channel's settings" in two
    three = missing_permissions_sentence(
        ("view-channel", "send-messages", "attach-files"), role_name="vb"
    ).render()
    assert "the View Channel, Send Messages and Attach Files permissions" in three
