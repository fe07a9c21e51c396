"""MediaError, the one error for a user's unusable file, and how its message names the file."""

from __future__ import annotations

from pathlib import PurePosixPath

from bot.i18n import Msg

__all__ = ["MediaError"]


class MediaError(Exception):
    """A problem with a user's file, carrying ONE clear sentence for the user (names the file): `sentence`
    is the catalog message shown to them, `user_message` its English text (logs)."""

    def __init__(self, sentence: Msg) -> None:
        self.sentence = sentence
        self.user_message = sentence.render()
        super().__init__(self.user_message)


def _name(filename: str) -> str | Msg:
    """The file's own name (no directories), or a stand-in when Discord gave none."""
    name = PurePosixPath(filename.replace("\\", "/")).name.strip()
    return name or Msg("media-that-file")
