"""The catalogs: complete in every shipped locale, and nothing member-facing left outside them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import babel
import pytest
from fluent.syntax import ast as fl
from fluent.syntax import parse
from fluent.syntax.visitor import Visitor

from bot import i18n
from bot.i18n import Msg

ROOT = Path(__file__).resolve().parents[2]
CLDR_KEYS = frozenset({"zero", "one", "two", "few", "many", "other"})


def _messages(locale: str) -> dict[str, fl.Message]:
    resource = parse(i18n.catalog_source(locale))
    junk = [j.content[:60] for j in resource.body if isinstance(j, fl.Junk)]
    assert not junk, f"{locale}: unparsable entries {junk}"
    return {m.id.name: m for m in resource.body if isinstance(m, fl.Message)}


class _Walk(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.variables: set[str] = set()
        self.plural_selectors: dict[str, set[str]] = {}

    def visit_VariableReference(self, node: fl.VariableReference) -> None:
        self.variables.add(node.id.name)

    def visit_SelectExpression(self, node: fl.SelectExpression) -> None:
        keys = {v.key.name for v in node.variants if isinstance(v.key, fl.Identifier)}
        if (
            isinstance(node.selector, fl.VariableReference)
            and keys <= CLDR_KEYS
            and keys & {"one", "few", "many"}
        ):
            self.plural_selectors.setdefault(node.selector.id.name, set()).update(keys)
        self.generic_visit(node)


def _walk(message: fl.Message) -> _Walk:
    walk = _Walk()
    walk.visit(message)
    return walk


@pytest.mark.parametrize("locale", [loc for loc in i18n.LOCALES if loc != i18n.DEFAULT_LOCALE])
def test_every_message_is_in_every_locale_with_the_same_placeholders_and_plural_forms(locale: str) -> None:
    source, translated = _messages(i18n.DEFAULT_LOCALE), _messages(locale)
    assert sorted(set(source) - set(translated)) == [], "missing"
    assert sorted(set(translated) - set(source)) == [], "not in the English source"
    categories = set(babel.Locale.parse(locale, sep="-").plural_form.tags) | {"other"}
    for key, message in source.items():
        en, tr = _walk(message), _walk(translated[key])

        # `<name>_ordinal` is a helper variable (CLDR ordinal category) a language may not need.
        def plain(names: set[str]) -> set[str]:
            return {n for n in names if not n.endswith("_ordinal")}

        assert plain(en.variables) == plain(tr.variables), f"{locale} {key}: placeholders differ"
        for var, keys in tr.plural_selectors.items():
            assert keys <= categories, (
                f"{locale} {key}: ${var} uses {keys - categories}, not {locale} plurals"
            )
        for var in plain(set(en.plural_selectors)):
            english_keys = en.plural_selectors[var]
            if var in tr.plural_selectors and "one" in english_keys and "one" in categories:
                assert "one" in tr.plural_selectors[var], f"{locale} {key}: ${var} lacks its singular"


def test_every_locale_renders_every_message_without_errors() -> None:
    """A smoke render with typical arguments: a broken reference or selector would log and fall back."""
    args: dict[str, i18n.Arg] = {}
    for message in _messages(i18n.DEFAULT_LOCALE).values():
        for name in _walk(message).variables:
            args.setdefault(name, 2)  # a number fits NUMBER(), plural and string selectors (their default)
    for locale in i18n.LOCALES:
        bundle = i18n.catalog._bundle(locale)
        for key in _messages(locale):
            text, errors = bundle.format_pattern(
                bundle.get_message(key).value, dict(args, place_ordinal="few")
            )
            assert not errors, (locale, key, errors)
            assert text.strip(), (locale, key)


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_help_and_answers_name_commands_as_the_members_own_command_picker_does(locale: str) -> None:
    """Discord shows a member the command and option names of their language (`cmd-*`); /help and the admin
    answers that name a command must use the same words (a Spanish member's picker says `/cupo` and
    `descripcion:`, so "`/quota`" and "`prompt:`" would send them looking for what is not there)."""
    from cogs.info import help_embed

    def name(key: str, **args: i18n.Arg) -> str:
        return i18n.text(locale, key, **args)

    fields = {f.name: f.value or "" for f in help_embed(locale).fields}
    options, buttons, examples, more = (
        fields[i18n.text(locale, f"help-{part}-title")] for part in ("options", "buttons", "examples", "more")
    )
    for option in ("prompt", "video", "aspect_ratio", "private"):
        assert f"`{name(f'cmd-video-opt-{option}')}`" in options, (locale, option)
    assert f"`{name('cmd-video-opt-image-n', n=1)}` … `{name('cmd-video-opt-image-n', n=16)}`" in options
    assert f"`/{name('cmd-story')} {name('cmd-story-opt-job')}:`" in buttons
    for option in (
        name("cmd-video-opt-prompt"),
        name("cmd-video-opt-image-n", n=1),
        name("cmd-video-opt-private"),
    ):
        assert f" {option}: " in examples, (locale, option)
    assert f"`/{name('cmd-quota')}`" in more and f"`/{name('cmd-jobs')}`" in more
    assert f"`/videoadmin {name('cmd-videoadmin-resume')}`" in name("admin-pause-done")
    assert f"`{name('cmd-videoadmin-limits-opt-reset')}: True`" in name("admin-limits-nothing")


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_the_cannot_post_refusal_names_permissions_as_the_permission_list_does(locale: str) -> None:
    """The refusal an admin reads names the permissions in the same words as every other permission answer
    (`permission-*`, Discord's own labels in that language), so a label corrected in one place is corrected
    in all. The refusal had its own copies; with de, pl and ru's labels set to Discord's and those copies left
    as they were, this fails."""
    refusal = i18n.text(locale, "refusal-cannot-post")
    for pid in ("view-channel", "send-messages", "embed-links", "attach-files"):
        assert i18n.text(locale, f"permission-{pid}") in refusal, (locale, pid)


def test_locale_resolution_and_english_fallback() -> None:
    assert i18n.resolve("es-419") == "es-ES" and i18n.resolve("en-GB") == "en-US"
    assert i18n.resolve("ja") == "en-US" and i18n.resolve(None) == "en-US"
    assert Msg("cancel-done").render("fr") == "Annulé." and Msg("cancel-done").render("ko") == "Cancelled."
    stored = Msg("paused-operator-told", sentence=Msg("paused-out-of-credit"))
    assert Msg.from_row(stored.key, stored.to_json()) == stored
    assert (
        i18n.text("de", "quota-count", used=1234, limit=2000, left=766)
        == "1.234 von 2.000 verbraucht, 766 übrig"
    )


# ---- nothing member-facing outside the catalogs ---------------------------------------------------------

_LOG_CALLS = frozenset({"debug", "info", "warning", "error", "exception", "critical", "log"})
# Command metadata: the English source Discord shows by default, translated by CatalogTranslator and
# checked against the English catalog by test_command_english_is_the_catalogs_english.
_COMMAND_CALLS = frozenset({"command", "describe", "choices", "rename", "Choice", "ContextMenu", "Group"})
# Whole modules whose text is for the operator, never a member: settings and start-up checks (their
# sentences go to stderr), operations (backup, health, logs), the API client (its errors are logged and
# become a catalog message before a member sees anything), SQL, operator alerts, the invite-permission
# table printed by `--check`.
_OPERATOR_MODULES = (
    "bot/__main__.py", "bot/check.py", "bot/settings.py", "bot/startup.py", "bot/ops/", "bot/apimart/",
    "bot/store/", "bot/ui/alerts.py", "bot/ui/startup.py", "bot/ui/permissions.py",
)  # fmt: skip
# Single strings that are not prose for members: details for the log and the job's `last_error`, words
# matched in the API's own error texts, image modes, and the admin audit line.
_ALLOWED: dict[str, frozenset[str]] = {
    "bot/i18n/catalog.py": frozenset({"Msg"}),  # a forward reference in a type alias
    "bot/jobs/model.py": frozenset({"job= task= guild= channel= user="}),
    "bot/media/cut.py": frozenset({"the clip of job # is no longer kept"}),
    "bot/media/images.py": frozenset({"La"}),
    "bot/media/storyboard.py": frozenset({"Cf"}),  # a Unicode category (format characters)
    "bot/worker/api_sentences.py": frozenset(
        {
            "content policy",
            "prompt is required",
            "at most 16",
            "at most 1 video",
            "together with extend",
            "cannot be combined",
            "not completed",
            "cannot be extended",
            "seconds long",
            "image format",
            "only jpeg and png",
            "not supported",
        }
    ),
    "bot/worker/finish.py": frozenset({"job , attempt : ", "gave up after : "}),
    "bot/worker/gate.py": frozenset(
        {
            "balance:  credits left",
            "balance unknown",
            "key accepted",
            "key accepted, credit left",
            "another process saw the API accept again",  # a log line's reason
        }
    ),
    "bot/worker/intake.py": frozenset({"card refused: ", "card: : "}),
    "bot/worker/loop.py": frozenset(
        {"the process stopped", " during the submit request", "gave up after  errors; last "}
    ),
    "bot/worker/poll.py": frozenset(
        {"deadline passed", "completed without a video URL", "deadline passed; last error "}
    ),
    "bot/ui/presenter.py": frozenset({"server , channel : discord  "}),
    "cogs/admin.py": frozenset({"reset limits; ", "banned user ", "unbanned user "}),
}
_PROSE = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}|^[A-Z][a-z]+$")


def _leftovers(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()

    def skip_all(node: ast.AST) -> None:
        skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            skip.add(id(first.value))  # a docstring
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in _LOG_CALLS or name in _COMMAND_CALLS:
                skip_all(node)
        if isinstance(node, ast.Raise) and node.exc is not None:
            skip_all(node.exc)
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            skip_all(node)
    found: list[str] = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if _PROSE.search(text):
            found.append(text)
    return found


def test_no_member_facing_literal_is_left_in_the_code() -> None:
    """Every member-facing text comes from the catalog. The rule this scan enforces, over bot/ and cogs/:

    A string literal (an f-string's literal parts joined) that reads as prose — two words of letters, or one
    capitalised word such as a button label — is reported unless it is
    * a docstring, or an argument of a logging call (`log.info(...)`): operators read the log, in English;
    * inside a `raise` expression: exception texts are for operators and logs. The exceptions whose text a
      member reads (MediaError, ReferenceError, GiveUp, CardRefused, NotServerManager) take a catalog `Msg`,
      and mypy rejects a plain string there;
    * command metadata in `app_commands` decorators, `Choice`, `ContextMenu` and `Group`: the English source
      Discord shows by default, translated by CatalogTranslator and checked against the English catalog;
    * `__all__`;
    * in a module that only speaks to the operator (`_OPERATOR_MODULES`: settings, start-up checks,
      operations, the API client, SQL, operator alerts), or one of the explicitly allowed strings in
      `_ALLOWED` (log details stored as `last_error`, the API's words we match, image modes, audit lines).
    """
    leftovers: dict[str, list[str]] = {}
    for folder in ("bot", "cogs"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith(_OPERATOR_MODULES):
                continue
            found = [t for t in _leftovers(path) if t not in _ALLOWED.get(rel, frozenset())]
            if found:
                leftovers[rel] = found
    assert leftovers == {}, "member-facing text outside the catalog"


def test_the_scan_finds_a_member_facing_literal(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        'log.info("this is for operators")\n'
        'raise ValueError("also for operators")\n'
        'await reply(interaction, f"Deleted the clip of job #{job.id}.")\n'
        'label = "Extend"\n'
    )
    assert sorted(_leftovers(probe)) == ["Deleted the clip of job #.", "Extend"]
