"""Command names, option names, choices and descriptions in the member's language (discord.py's Translator).

The English in the command decorators is what Discord shows by default; every other shipped locale gets its
`name_localizations` / `description_localizations` from the catalog, under an id derived from where the
string sits: `cmd-<command>` and `cmd-<command>-desc`, `cmd-<command>-opt-<option>` and `…-desc`, and
`choice-<value>` (a command path's spaces and any character Fluent ids can't hold become `-`). A locale the
bot does not ship gets nothing, so Discord shows the English.
"""

from __future__ import annotations

import re
from typing import Any

import discord
from discord import app_commands
from discord.app_commands import TranslationContextLocation as Where

from bot import i18n

_NOT_ID = re.compile(r"[^a-zA-Z0-9_-]+")
_NUMBERED = re.compile(r"(?P<base>[a-z_]+?)(?P<n>[0-9]+)")


def _slug(value: object) -> str:
    return _NOT_ID.sub("-", str(value)).strip("-").lower()


def _option(name: str) -> tuple[str, dict[str, i18n.Arg]]:
    """A numbered option (image1 … image16) shares one message, `…-opt-image-n`, with its number as `$n`."""
    numbered = _NUMBERED.fullmatch(name)
    if numbered is None:
        return _slug(name), {}
    return _slug(numbered["base"]) + "-n", {"n": int(numbered["n"])}


def _command_key(command: Any) -> str:
    return "cmd-" + _slug(command.qualified_name)


def catalog_key(location: Where, data: Any) -> str | None:
    """The catalog id of a command's name, description, option or choice (None: not ours to translate)."""
    if location in (Where.command_name, Where.group_name):
        return _command_key(data)
    if location in (Where.command_description, Where.group_description):
        return _command_key(data) + "-desc"
    if location == Where.parameter_name:
        return f"{_command_key(data.command)}-opt-{_option(data.name)[0]}"
    if location == Where.parameter_description:
        return f"{_command_key(data.command)}-opt-{_option(data.name)[0]}-desc"
    if location == Where.choice_name:
        return "choice-" + _slug(data.value)
    return None


class CatalogTranslator(app_commands.Translator):
    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        key = string.extras.get("key") or catalog_key(context.location, context.data)
        shipped = i18n.resolve(locale)
        if key is None or shipped == i18n.DEFAULT_LOCALE:
            return None  # English is the default Discord already shows; unknown locales fall back to it
        if not i18n.has_message(shipped, key):
            return None
        args: dict[str, i18n.Arg] = {}
        if context.location in (Where.parameter_name, Where.parameter_description):
            args = _option(context.data.name)[1]
        return i18n.text(shipped, key, **args)
