"""MediaError, the one error for a user's unusable file, and how its message names the file."""

from __future__ import annotations

from pathlib import PurePosixPath

__all__ = ["MediaError"]


class MediaError(Exception):
    """A problem with a user's file, carrying ONE clear sentence for the user (names the file)."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


def _name(filename: str) -> str:
    """The file's own name (no directories), or a stand-in when Discord gave none."""
    name = PurePosixPath(filename.replace("\\", "/")).name.strip()
    return name or "That file"
