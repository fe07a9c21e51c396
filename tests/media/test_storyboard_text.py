"""The storyboard picture's text: every letter drawn as a letter, not as the font's empty box, in every
shipped language and for members' names and prompts in the scripts Discord's languages use."""

from __future__ import annotations

import pytest

from bot import i18n
from bot.media import storyboard

# What a member may type: names and prompts in the Latin, Cyrillic and Greek letters of Discord's languages.
MEMBERS_TEXT = "Zoë Müller · Ñandú ção ő ł ş ğ İ ř ů Æ ß · Привет, мир · Ελλάδα · “quotes” — dash …"
# Drawn on the picture: the title, each panel's kind, "by <name>", the prompt or its stand-in, the note in
# place of a frame and the branching badge (story.py passes kind-*, someone and story-note-* in as text).
DRAWN = (
    "story-picture-title", "story-picture-title-hidden", "story-by", "story-no-prompt", "story-clip-gone",
    "story-branching-off", "someone", "kind-video", "kind-extend", "kind-remix", "kind-retry", "kind-animate",
    "story-note-failed", "story-note-timed-out", "story-note-cancelled", "story-note-rejected",
    "story-note-submit-unknown", "story-note-in-progress",
)  # fmt: skip


def _missing(text: str) -> set[str]:
    return {ch for ch in set(text) if not storyboard._has_glyph(ch)}


def test_the_check_sees_a_missing_letter() -> None:
    assert _missing("日本") == {"日", "本"}, "a script the bundled font lacks is reported"
    assert _missing("abc") == set()


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_every_label_of_the_storyboard_is_drawn_in_its_own_letters(locale: str) -> None:
    texts = [i18n.text(locale, key, job=12, count=3, title="T", name="N") for key in DRAWN]
    assert _missing("".join(texts)) == set(), locale


def test_members_names_and_prompts_are_drawn_in_their_own_letters() -> None:
    assert _missing(MEMBERS_TEXT) == set()
    # And they reach the picture: a board with such a name and prompt renders (its text wrapped and clipped
    # by the same font's widths).
    segment = storyboard.Segment(
        job_id=1, parent_id=None, author="Zoë Müller", how="vídeo", prompt=MEMBERS_TEXT
    )
    board = storyboard.render([segment], 1, locale="pt-BR")
    assert board.png.startswith(b"\x89PNG")


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_a_small_trees_heading_is_drawn_whole(locale: str) -> None:
    """One or two clips make a narrow picture; its heading ("Story of job #2: 2 segments from the first
    clip") is wider than that in most languages, and had been cut with "…". The picture widens for it."""
    segments = [
        storyboard.Segment(job_id=1, parent_id=None, author="Ana", how="video", prompt="a paper boat"),
        storyboard.Segment(job_id=2, parent_id=1, author="Bo", how="extend", prompt="the camera flies up"),
    ]
    for target in (1, 2):
        board = storyboard.render(segments[:target], target, locale=locale)
        assert board.title == i18n.text(locale, "story-picture-title", job=target, count=target), board.title
        assert board.width <= storyboard.MAX_WIDTH


def test_a_members_emoji_are_left_out_rather_than_drawn_as_boxes() -> None:
    """Discord names and prompts are full of emoji the bundled font has no glyph for: they are left out of
    the picture (the caption and the cards, drawn by Discord, keep them); letters of a script the font lacks
    are kept (as boxes), so a name in it still shows that something is there."""
    assert storyboard._drawable("🔥 Zoë 🔥") == "Zoë"
    assert storyboard._drawable("ok 👍🏽 👨‍👩‍👧 fine") == "ok fine"  # skin tone, joiners and all
    assert _missing(storyboard._drawable("a 🦄 unicorn at dawn 🌅✨")) == set()
    assert storyboard._drawable("さくら") == "さくら", "letters stay"
    assert storyboard._drawable("🔥🔥") == "", "nothing left: the caller draws the text as it was"
