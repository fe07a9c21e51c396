"""The message catalogs: one Fluent file per shipped locale, English (en-US) the source.

A member-facing sentence is a `Msg` (a message id and its arguments) until the moment it is shown, when it is
rendered in the locale of whoever reads it. Arguments that are themselves `Msg`s are rendered in the same
locale first. Numbers are formatted for the locale by Fluent (CLDR through Babel), except identifiers (a job
number, a user or channel id: see `_is_identifier`), which are passed as plain text so `<@123456>` and
`#1234` are never grouped into `<@123,456>`.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Mapping
from importlib import resources
from typing import Any, Union

import babel
from fluent.runtime import FluentBundle, FluentResource

log = logging.getLogger("bot.i18n")

DEFAULT_LOCALE = "en-US"
# The shipped catalogs, by Discord locale. Adding a language: add its file here (see the README).
LOCALES: tuple[str, ...] = ("en-US", "es-ES", "de", "fr", "pt-BR", "ru", "tr", "pl")
# Discord locales served by another shipped catalog.
ALIASES: Mapping[str, str] = {"en-GB": "en-US", "es-419": "es-ES"}

Arg = Union[str, int, float, "Msg"]


class Msg:
    """Something to tell a member: a message id of the catalog and its arguments, rendered late."""

    __slots__ = ("args", "key")

    def __init__(self, key: str, /, **args: Arg) -> None:
        self.key = key
        self.args: dict[str, Arg] = args

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.key, self.args) == (other.key, other.args)

    __hash__ = None  # type: ignore[assignment]  # the arguments are a dict

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, {self.args!r})" if self.args else f"Msg({self.key!r})"

    def render(self, locale: object = DEFAULT_LOCALE) -> str:
        return text(locale, self.key, **self.args)

    def to_json(self) -> str:
        """The arguments as JSON (stored beside the key on a job row)."""
        return json.dumps(_encode_args(self.args), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_row(cls, key: str, args_json: str | None) -> Msg:
        return cls(key, **_decode_args(json.loads(args_json or "{}")))


# Something shown to a member: a catalog message, or text that is not ours to translate (a member's prompt,
# a server's role name, an old job row's stored sentence).
Text = Msg | str


def _encode_args(args: Mapping[str, Arg]) -> dict[str, Any]:
    return {
        k: ({"$msg": v.key, "args": _encode_args(v.args)} if isinstance(v, Msg) else v)
        for k, v in args.items()
    }


def _decode_args(raw: Mapping[str, Any]) -> dict[str, Arg]:
    out: dict[str, Arg] = {}
    for k, v in raw.items():
        out[k] = Msg(v["$msg"], **_decode_args(v.get("args", {}))) if isinstance(v, dict) else v
    return out


def resolve(locale: object) -> str:
    """The shipped catalog for a Discord locale (a `discord.Locale` or its value); English when unknown."""
    value = str(getattr(locale, "value", locale) or "")
    if value in LOCALES:
        return value
    if ALIASES.get(value) in LOCALES:
        return ALIASES[value]
    language = value.split("-")[0].lower()
    for shipped in LOCALES:
        if shipped.split("-")[0].lower() == language:
            return shipped
    return DEFAULT_LOCALE


def catalog_source(locale: str) -> str:
    """The Fluent text of a shipped locale's catalog."""
    return resources.files("bot.i18n").joinpath("locales", f"{locale}.ftl").read_text(encoding="utf-8")


@functools.cache
def _bundle(locale: str) -> FluentBundle:
    # use_isolating=False: Discord renders bidi isolation marks as stray characters and they break mentions.
    bundle = FluentBundle([locale], use_isolating=False)
    bundle.add_resource(FluentResource(catalog_source(locale)))
    return bundle


def _is_identifier(name: str) -> bool:
    return name in ("job", "parent", "source", "user", "channel", "role") or name.endswith(
        ("_job", "_id", "_user")
    )


@functools.cache
def _babel_locale(locale: str) -> babel.Locale:
    return babel.Locale.parse(locale, sep="-")


def _prepare(locale: str, args: Mapping[str, Arg]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in args.items():
        if isinstance(value, Msg):
            out[name] = value.render(locale)
        elif isinstance(value, int) and not isinstance(value, bool) and _is_identifier(name):
            out[name] = str(value)
        else:
            out[name] = value
            if isinstance(value, int) and not isinstance(value, bool):
                # fluent.runtime has no ordinal NUMBER(type: "ordinal"): `$place_ordinal` is the CLDR
                # ordinal category ("one", "two", "few", "other") for selectors such as 1st / 2nd / 3rd.
                out[f"{name}_ordinal"] = _babel_locale(locale).ordinal_form(value)
    return out


def has_message(locale: str, key: str) -> bool:
    """Whether a shipped locale's own catalog has this message (no fallback)."""
    return bool(_bundle(locale).has_message(key))


def text(locale: object, key: str, /, **args: Arg) -> str:
    """One message of the catalog in a locale (English when the locale or the message is missing)."""
    shipped = resolve(locale)
    bundle = _bundle(shipped)
    if not bundle.has_message(key):
        if shipped == DEFAULT_LOCALE:
            raise KeyError(f"no message {key!r} in the catalog")
        log.warning("message %s missing in %s; English shown", key, shipped)
        shipped, bundle = DEFAULT_LOCALE, _bundle(DEFAULT_LOCALE)
    message = bundle.get_message(key)
    assert message.value is not None, key
    rendered, errors = bundle.format_pattern(message.value, _prepare(shipped, args))
    if errors:
        log.warning("message %s in %s: %s", key, shipped, errors)
    return str(rendered)


def render(value: Text, locale: object) -> str:
    """What a member reads: a catalog message in their locale, or text that is not ours, as it is."""
    return value.render(locale) if isinstance(value, Msg) else value


def number(value: int | float, locale: object) -> str:
    """A number written the locale's way (1,234.5 / 1.234,5 / 1 234,5)."""
    return text(locale, "number", value=value)
