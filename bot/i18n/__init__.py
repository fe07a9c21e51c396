"""Everything a member reads comes from the message catalogs here (Fluent; English is the source)."""

from bot.i18n.catalog import (
    ALIASES,
    DEFAULT_LOCALE,
    LOCALES,
    Arg,
    Msg,
    Text,
    catalog_source,
    has_message,
    number,
    render,
    resolve,
    text,
)

__all__ = [
    "ALIASES",
    "DEFAULT_LOCALE",
    "LOCALES",
    "Arg",
    "Msg",
    "Text",
    "catalog_source",
    "has_message",
    "number",
    "render",
    "resolve",
    "text",
]
