"""Discord's message rules, as the fake enforces them."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .models import (
    ATTACH_FILES,
    EMBED_LINKS,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    SEND_MESSAGES_IN_THREADS,
    VIEW_CHANNEL,
    FakeHTTPError,
    FakeMessage,
    invalid_form,
    walk_components,
)

MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_EMBED_TOTAL = 6000
MAX_FILES = 10
MAX_ROWS = 5
MAX_ROW_ITEMS = 5
IS_COMPONENTS_V2 = 1 << 15


def _len(value: Any) -> int:
    return len(str(value)) if value is not None else 0


def check_embeds(embeds: list[dict[str, Any]]) -> None:
    """Counts and per-field/total character limits."""
    if len(embeds) > MAX_EMBEDS:
        raise invalid_form(f"embeds: at most {MAX_EMBEDS} embeds, got {len(embeds)}")
    total = 0
    for i, embed in enumerate(embeds):
        limits = {"title": 256, "description": 4096}
        for key, limit in limits.items():
            n = _len(embed.get(key))
            if n > limit:
                raise invalid_form(f"embeds.{i}.{key}: must be {limit} or fewer in length ({n})")
            total += n
        fields = embed.get("fields") or []
        if len(fields) > 25:
            raise invalid_form(f"embeds.{i}.fields: at most 25 fields ({len(fields)})")
        for j, f in enumerate(fields):
            name, value = _len(f.get("name")), _len(f.get("value"))
            if name > 256 or value > 1024:
                raise invalid_form(f"embeds.{i}.fields.{j}: name ≤ 256 and value ≤ 1024 ({name}/{value})")
            if not name or not value:
                raise invalid_form(f"embeds.{i}.fields.{j}: name and value are required")
            total += name + value
        footer = _len((embed.get("footer") or {}).get("text"))
        author = _len((embed.get("author") or {}).get("name"))
        if footer > 2048:
            raise invalid_form(f"embeds.{i}.footer.text: must be 2048 or fewer in length ({footer})")
        if author > 256:
            raise invalid_form(f"embeds.{i}.author.name: must be 256 or fewer in length ({author})")
        total += footer + author
    if total > MAX_EMBED_TOTAL:
        raise invalid_form(f"embeds: total size must be {MAX_EMBED_TOTAL} or fewer ({total})")


def check_components(components: list[dict[str, Any]], flags: int = 0) -> None:
    """Rows, buttons per row, custom_id length and uniqueness."""
    if not flags & IS_COMPONENTS_V2:
        if len(components) > MAX_ROWS:
            raise invalid_form(f"components: at most {MAX_ROWS} action rows ({len(components)})")
        for i, row in enumerate(components):
            if row.get("type") != 1:
                raise invalid_form(f"components.{i}: top-level components must be action rows")
            items = row.get("components") or []
            if not items or len(items) > MAX_ROW_ITEMS:
                raise invalid_form(f"components.{i}.components: 1 to {MAX_ROW_ITEMS} items ({len(items)})")
    seen: set[str] = set()
    for comp in walk_components(components):
        check_component_text(comp)
        if comp.get("type") == 2:
            if "style" not in comp:
                raise invalid_form("button without style")
            if comp.get("style") == 5:
                if "url" not in comp or "custom_id" in comp:
                    raise invalid_form("link button needs url and no custom_id")
                continue
            if "custom_id" not in comp:
                raise invalid_form("button without custom_id")
        if "custom_id" in comp:
            cid = str(comp["custom_id"])
            if not 1 <= len(cid) <= 100:
                raise invalid_form(f"custom_id must be 1 to 100 characters ({len(cid)})")
            if cid in seen:
                raise invalid_form(f"custom_id {cid!r} is duplicated")
            seen.add(cid)


# Discord's text limits on components (docs: components/reference).
BUTTON_LABEL = 80
SELECT_PLACEHOLDER = 150
OPTION_TEXT = 100
TEXT_INPUT_LABEL = 45
TEXT_INPUT_PLACEHOLDER = 100


def check_component_text(comp: dict[str, Any]) -> None:
    """Button labels, select placeholders and option labels/descriptions within Discord's limits."""
    if comp.get("type") == 2 and _len(comp.get("label")) > BUTTON_LABEL:
        raise invalid_form(
            f"button label must be {BUTTON_LABEL} or fewer in length ({_len(comp.get('label'))})"
        )
    if comp.get("type") in (3, 5, 6, 7, 8):
        if _len(comp.get("placeholder")) > SELECT_PLACEHOLDER:
            raise invalid_form(f"select placeholder must be {SELECT_PLACEHOLDER} or fewer in length")
        for option in comp.get("options") or []:
            if not 1 <= _len(option.get("label")) <= OPTION_TEXT:
                raise invalid_form(f"select option label must be 1-{OPTION_TEXT} in length")
            if _len(option.get("description")) > OPTION_TEXT:
                raise invalid_form(f"select option description must be {OPTION_TEXT} or fewer in length")


def check_text_inputs(components: list[dict[str, Any]]) -> None:
    """A modal's text inputs (and their label wrappers): label 1-45, placeholder ≤ 100, value ≤ 4000."""
    for comp in walk_components(components):
        if comp.get("type") == 18 and not 1 <= _len(comp.get("label")) <= TEXT_INPUT_LABEL:
            raise invalid_form(f"label must be 1-{TEXT_INPUT_LABEL} in length ({_len(comp.get('label'))})")
        if comp.get("type") != 4:
            continue
        if "label" in comp and not 1 <= _len(comp.get("label")) <= TEXT_INPUT_LABEL:
            raise invalid_form(
                f"text input label must be 1-{TEXT_INPUT_LABEL} in length ({_len(comp.get('label'))})"
            )
        if _len(comp.get("placeholder")) > TEXT_INPUT_PLACEHOLDER:
            raise invalid_form(f"text input placeholder must be {TEXT_INPUT_PLACEHOLDER} or fewer in length")
        if _len(comp.get("value")) > 4000:
            raise invalid_form("text input value must be 4000 or fewer in length")


# Discord's locales (docs: reference#locales): the only keys a *_localizations map may have.
LOCALES = frozenset(
    {
        "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl",
        "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja",
        "zh-TW", "ko",
    }
)  # fmt: skip
# Discord's regex for a CHAT_INPUT command's or option's name is ^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$:
# letters and numbers of any script (Python's isalnum covers \p{L}, \p{N} and the Devanagari and Thai marks
# are letters or numbers too, except combining marks, which we also accept by Unicode category M).
_MARK_CATEGORIES = ("Mn", "Mc")


def _name_char_ok(c: str) -> bool:
    return c in "-_" or c.isalnum() or unicodedata.category(c) in _MARK_CATEGORIES


def _check_name(name: Any, where: str, *, chat_input: bool) -> None:
    text = str(name)
    if not 1 <= len(text) <= 32:
        raise invalid_form(f"{where}: names must be 1-32 characters ({len(text)})")
    if chat_input:
        if not all(_name_char_ok(c) for c in text):
            raise invalid_form(f"{where}: {text!r} does not match Discord's name regex")
        if text != text.lower():
            raise invalid_form(f"{where}: {text!r} must be lowercase")


def _check_localizations(value: Any, where: str, check: Any) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        raise invalid_form(f"{where}: must be an object")
    for locale, text in value.items():
        if locale not in LOCALES:
            raise invalid_form(f"{where}: {locale!r} is not a valid locale")
        check(text, f"{where}.{locale}")


def _check_description(text: Any, where: str) -> None:
    if not 1 <= len(str(text)) <= 100:
        raise invalid_form(f"{where}: descriptions must be 1-100 characters ({len(str(text))})")


def _check_choice(text: Any, where: str) -> None:
    if not 1 <= len(str(text)) <= 100:
        raise invalid_form(f"{where}: choice names must be 1-100 characters ({len(str(text))})")


def check_command(cmd: dict[str, Any]) -> None:
    """A synced command as Discord validates it: names (regex, lowercase for slash commands, 1-32),
    descriptions 1-100, choice names 1-100, and every *_localizations map's keys and values."""
    chat_input = int(cmd.get("type", 1)) == 1
    _check_name(cmd.get("name", ""), "name", chat_input=chat_input)
    _check_localizations(
        cmd.get("name_localizations"),
        "name_localizations",
        lambda t, w: _check_name(t, w, chat_input=chat_input),
    )
    if chat_input:
        _check_description(cmd.get("description", ""), "description")
    _check_localizations(
        cmd.get("description_localizations"), "description_localizations", _check_description
    )

    def options(opts: list[dict[str, Any]], where: str) -> None:
        names: set[tuple[str, str]] = set()
        for i, opt in enumerate(opts):
            at = f"{where}.{i}"
            _check_name(opt.get("name", ""), f"{at}.name", chat_input=True)
            _check_localizations(
                opt.get("name_localizations"), f"{at}.name_localizations",
                lambda t, w: _check_name(t, w, chat_input=True),
            )  # fmt: skip
            for locale, local in (opt.get("name_localizations") or {}).items():
                if (locale, local) in names:
                    raise invalid_form(f"{at}: duplicate option name {local!r} in {locale}")
                names.add((locale, local))
            _check_description(opt.get("description", ""), f"{at}.description")
            _check_localizations(
                opt.get("description_localizations"), f"{at}.description_localizations", _check_description
            )
            for j, choice in enumerate(opt.get("choices") or []):
                _check_choice(choice.get("name", ""), f"{at}.choices.{j}.name")
                _check_localizations(
                    choice.get("name_localizations"), f"{at}.choices.{j}.name_localizations", _check_choice
                )
            options(opt.get("options") or [], f"{at}.options")

    options(cmd.get("options") or [], "options")


def check_message(
    payload: dict[str, Any],
    files: list[tuple[str, bytes, str | None]],
    *,
    upload_limit: int,
    creating: bool,
    existing_attachments: int = 0,
) -> None:
    """Validate a create/edit payload; raises :class:`FakeHTTPError`."""
    content = payload.get("content")
    if content is not None and len(str(content)) > MAX_CONTENT:
        raise invalid_form(f"content: must be {MAX_CONTENT} or fewer in length ({len(str(content))})")
    check_embeds(payload.get("embeds") or [])
    flags = int(payload.get("flags") or 0)
    check_components(payload.get("components") or [], flags)
    if len(files) > MAX_FILES:
        raise invalid_form(f"files: at most {MAX_FILES} files ({len(files)})")
    for name, data, _ in files:
        if len(data) > upload_limit:
            raise FakeHTTPError(
                413, 40005, "Request entity too large", {"_fake": f"{name}: {len(data)} bytes"}
            )
    allowed = payload.get("allowed_mentions")
    if isinstance(allowed, dict):
        parse = allowed.get("parse") or []
        if "users" in parse and allowed.get("users"):
            raise invalid_form("allowed_mentions: parse users and users list are mutually exclusive")
        if "roles" in parse and allowed.get("roles"):
            raise invalid_form("allowed_mentions: parse roles and roles list are mutually exclusive")
    if creating:
        has_body = bool(
            content
            or payload.get("embeds")
            or files
            or payload.get("components")
            or payload.get("sticker_ids")
        )
        if not has_body and not existing_attachments and not payload.get("poll"):
            raise FakeHTTPError(400, 50006, "Cannot send an empty message")


def missing_post_permissions(
    perms: int, *, has_files: bool, has_embeds: bool = False, in_thread: bool = False, is_reply: bool = False
) -> int:
    """The permission bits a bot-token post here lacks (0: allowed). A reply needs Read Message History."""
    needed = VIEW_CHANNEL | (SEND_MESSAGES_IN_THREADS if in_thread else SEND_MESSAGES)
    if is_reply:
        needed |= READ_MESSAGE_HISTORY
    if has_files:
        needed |= ATTACH_FILES
    if has_embeds:
        needed |= EMBED_LINKS
    return needed & ~perms


def check_post_permissions(
    perms: int, *, has_files: bool, has_embeds: bool = False, in_thread: bool = False, is_reply: bool = False
) -> None:
    """403 50013 when the bot may not post this here (interaction responses and followups are exempt)."""
    missing = missing_post_permissions(
        perms, has_files=has_files, has_embeds=has_embeds, in_thread=in_thread, is_reply=is_reply
    )
    if missing:
        raise FakeHTTPError(403, 50013, "Missing Permissions", {"_fake": f"missing bits {missing}"})


_USER = re.compile(r"<@!?(\d+)>")
_ROLE = re.compile(r"<@&(\d+)>")


def compute_pings(
    msg: FakeMessage, allowed: dict[str, Any] | None, replied_author_id: int | None
) -> tuple[set[int], set[int], bool]:
    """Apply allowed_mentions to the content: (user ids, role ids, everyone)."""
    content = msg.content or ""
    users = {int(x) for x in _USER.findall(content)}
    roles = {int(x) for x in _ROLE.findall(content)}
    everyone = "@everyone" in content or "@here" in content
    if allowed is None:
        pinged_users = set(users)
        if replied_author_id is not None:
            pinged_users.add(replied_author_id)
        return pinged_users, roles, everyone
    parse = set(allowed.get("parse") or [])
    ok_users = users if "users" in parse else users & {int(u) for u in allowed.get("users") or []}
    ok_roles = roles if "roles" in parse else roles & {int(r) for r in allowed.get("roles") or []}
    if replied_author_id is not None and allowed.get("replied_user"):
        ok_users = ok_users | {replied_author_id}
    return set(ok_users), set(ok_roles), everyone and "everyone" in parse
