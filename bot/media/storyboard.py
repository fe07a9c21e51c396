"""A clip's storyboard: one PNG laying out its lineage tree. Pure: plain data in, PNG bytes and layout out.

Full layout (small trees): one panel per segment, generations left to right; the first child continues its
parent's row and every other child opens a new row below, so the path from the root to the clip asked about
is the top row and branches hang under it. Large trees are summarised: only the path (its middle elided when
very long), each panel counting the segments that branch off it.
"""

from __future__ import annotations

import functools
import io
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from importlib import resources

from PIL import Image, ImageDraw, ImageFont

from bot import i18n

MAX_PANELS = 20  # panels drawn at most
MAX_COLUMNS = 8  # generations drawn side by side in the full layout
MAX_ROWS = 6  # rows in the full layout
SUMMARY_COLUMNS = 5  # panels a row in the summary
MAX_BYTES = 8 * 1024 * 1024  # above this the picture is drawn again without frames
ALT_TEXT_MAX = 1024  # Discord's limit on an attachment's description

PANEL_W, PANEL_H = 224, 236
MIN_WIDTH, MAX_WIDTH = 480, 960  # the picture's width at least, and at most where the heading alone widens it
THUMB_W, THUMB_H = 208, 117
GAP, MARGIN, HEADER = 28, 20, 44
PAD = 8

BACKGROUND = (24, 25, 28)
PANEL_FILL = (43, 45, 49)
THUMB_FILL = (16, 16, 18)
PLACEHOLDER_FILL = (70, 72, 78)
TEXT = (235, 235, 240)
MUTED = (170, 172, 180)
LINE = (120, 124, 135)
PATH_BORDER = (88, 101, 242)
TARGET_BORDER = (250, 200, 60)

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True)
class Segment:
    """One clip of the tree, as plain data."""

    job_id: int
    parent_id: int | None  # the clip it was made from; None for the root
    author: str  # display name (never a mention)
    how: str  # "video", "extend", "remix", "retry", "animate"
    prompt: str
    frame: Image.Image | None = None  # a picture of the clip, or None when the clip is no longer kept
    note: str | None = None  # shown instead of a picture when there is none (default: "no longer kept")


@dataclass(frozen=True)
class Panel:
    job_id: int
    box: tuple[int, int, int, int]  # left, top, right, bottom in the PNG
    row: int
    column: int
    parent_id: int | None  # the drawn panel it is connected from
    on_path: bool  # on the path from the root to the clip asked about
    side_branches: int = 0  # segments branching off here that are not drawn


@dataclass(frozen=True)
class Storyboard:
    png: bytes
    width: int
    height: int
    panels: list[Panel]
    order: list[int]  # the drawn segments in reading order (the caption's order)
    path: list[int]  # root → the clip asked about
    summarised: bool
    hidden: int  # segments of the tree not drawn
    alt_text: str = field(default="")
    title: str = field(default="")  # the heading as drawn (clipped with "…" only past MAX_WIDTH)

    def panel(self, job_id: int) -> Panel:
        return next(p for p in self.panels if p.job_id == job_id)


def render(
    segments: Sequence[Segment], target: int, *, max_bytes: int = MAX_BYTES, locale: object = None
) -> Storyboard:
    """The storyboard of `target`'s tree (`segments` must contain target and its ancestors), its words in
    `locale` (the segments' `how` and `note` come already in it)."""
    board = _render(segments, target, frames=True, locale=locale)
    if len(board.png) > max_bytes:
        board = _render(segments, target, frames=False, locale=locale)
    return board


# ---- layout ----------------------------------------------------------------------------------------------


def _path(by_id: dict[int, Segment], target: int) -> list[int]:
    path: list[int] = []
    current: int | None = target
    while current is not None and current in by_id and current not in path:
        path.append(current)
        current = by_id[current].parent_id
    return path[::-1]


def _children(segments: Sequence[Segment], on_path: set[int]) -> dict[int, list[int]]:
    ids = {s.job_id for s in segments}
    children: dict[int, list[int]] = {}
    for s in sorted(segments, key=lambda s: s.job_id):
        if s.parent_id is not None and s.parent_id in ids:
            children.setdefault(s.parent_id, []).append(s.job_id)
    for kids in children.values():
        kids.sort(key=lambda k: (k not in on_path, k))  # the path's child first: the path is the top row
    return children


def _full_layout(root: int, children: dict[int, list[int]]) -> list[tuple[int, int, int, int | None]]:
    """(job, row, column, parent) in preorder; first children continue the parent's row."""
    placed: list[tuple[int, int, int, int | None]] = []
    next_row = 1
    stack: list[tuple[int, int, int, int | None]] = [(root, 0, 0, None)]
    while stack:
        job, row, col, parent = stack.pop()
        placed.append((job, row, col, parent))
        kids = children.get(job, [])
        rows = [row] if kids else []
        for _ in kids[1:]:
            rows.append(next_row)
            next_row += 1
        # Pushed in reverse so the first child is laid out (and numbered) first.
        stack.extend((kid, r, col + 1, job) for kid, r in reversed(list(zip(kids, rows, strict=True))))
    return placed


def _subtree_size(job: int, children: dict[int, list[int]]) -> int:
    size, stack = 0, [job]
    while stack:
        size += 1
        stack.extend(children.get(stack.pop(), []))
    return size


def _box(row: int, col: int) -> tuple[int, int, int, int]:
    left = MARGIN + col * (PANEL_W + GAP)
    top = MARGIN + HEADER + row * (PANEL_H + GAP)
    return (left, top, left + PANEL_W, top + PANEL_H)


def _layout(segments: Sequence[Segment], target: int) -> tuple[list[Panel], list[int], bool, int]:
    by_id = {s.job_id: s for s in segments}
    path = _path(by_id, target)
    on_path = set(path)
    children = _children(segments, on_path)
    reachable = _subtree_size(path[0], children)
    placed = _full_layout(path[0], children) if reachable <= MAX_PANELS else []
    if placed and max(p[2] for p in placed) < MAX_COLUMNS and max(p[1] for p in placed) < MAX_ROWS:
        panels = [
            Panel(job, _box(row, col), row, col, parent, job in on_path) for job, row, col, parent in placed
        ]
        return panels, [p.job_id for p in panels], False, len(segments) - len(panels)
    # Summary: the path only, its middle elided when it is too long; each panel counts its side branches.
    shown = path if len(path) <= MAX_PANELS else [path[0], *path[-(MAX_PANELS - 1) :]]
    panels = []
    for i, job in enumerate(shown):
        nxt = path[path.index(job) + 1] if job != path[-1] else None
        side = sum(_subtree_size(k, children) for k in children.get(job, []) if k != nxt)
        row, col = divmod(i, SUMMARY_COLUMNS)
        parent = shown[i - 1] if i and path.index(job) == path.index(shown[i - 1]) + 1 else None
        panels.append(Panel(job, _box(row, col), row, col, parent, True, side))
    return panels, shown, True, len(segments) - len(panels)


# ---- drawing ---------------------------------------------------------------------------------------------


@functools.cache
def _font_file() -> bytes:
    """DejaVu Sans, bundled (fonts/LICENSE): Pillow's default font has ASCII only, and a member's name, a
    prompt or a label in German, Spanish, French or Portuguese drew its accented letters as empty boxes."""
    return resources.files("bot.media").joinpath("fonts", "DejaVuSans.ttf").read_bytes()


@functools.lru_cache(maxsize=8)
def _font(size: int) -> Font:
    return ImageFont.truetype(io.BytesIO(_font_file()), size)


_MISSING = "\U0010fffd"  # a private-use code point: no font has it, so it draws as the missing-glyph box


@functools.cache
def _missing_box() -> bytes:
    return bytes(_font(14).getmask(_MISSING))


@functools.lru_cache(maxsize=4096)
def _has_glyph(ch: str) -> bool:
    """Whether the font draws `ch` as itself, not as its missing-glyph box."""
    return ch.isspace() or bytes(_font(14).getmask(ch)) != _missing_box()


def _drawable(text: str) -> str:
    """A member's text without the emoji and symbols the font cannot draw (a name like "🔥 Zoë 🔥" is drawn
    "Zoë", not between two empty boxes); letters it cannot draw stay, as boxes, so a name in a script the
    font lacks still shows that something is there. Empty when nothing is left (the caller keeps the text)."""
    kept = []
    for ch in text:
        kind = unicodedata.category(ch)
        if kind == "Cf" or (kind.startswith(("S", "M", "C")) and not _has_glyph(ch)):
            continue  # joiners and selectors (invisible), and symbols, marks and controls without a glyph
        kept.append(ch)
    return " ".join("".join(kept).split())


def _clip(draw: ImageDraw.ImageDraw, text: str, font: Font, width: int) -> str:
    full = draw.textlength(text, font=font)
    if full <= width:
        return text
    text = text[: int(len(text) * width / full) + 2]  # near the cut, then a few characters at a time
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: Font, width: int, lines: int) -> list[str]:
    words = " ".join(text.split())[:400].split(" ")
    out: list[str] = []
    line = ""
    for i, word in enumerate(words):
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
            continue
        out.append(line)
        line = word
        if len(out) == lines - 1:
            line = " ".join(words[i:])
            break
    if line:
        out.append(line)
    return [_clip(draw, s, font, width) for s in out[:lines]]


def _thumb(
    canvas: Image.Image, draw: ImageDraw.ImageDraw, seg: Segment, left: int, top: int, locale: object
) -> None:
    area = (left, top, left + THUMB_W, top + THUMB_H)
    if seg.frame is None:
        draw.rectangle(area, fill=PLACEHOLDER_FILL)
        note = _clip(draw, seg.note or i18n.text(locale, "story-clip-gone"), _font(13), THUMB_W)
        font = _font(13)
        w = draw.textlength(note, font=font)
        draw.text((left + (THUMB_W - w) / 2, top + THUMB_H / 2 - 8), note, fill=TEXT, font=font)
        return
    draw.rectangle(area, fill=THUMB_FILL)
    picture = seg.frame.convert("RGB")
    picture.thumbnail((THUMB_W, THUMB_H))
    canvas.paste(picture, (left + (THUMB_W - picture.width) // 2, top + (THUMB_H - picture.height) // 2))


def _draw_panel(
    canvas: Image.Image, draw: ImageDraw.ImageDraw, seg: Segment, panel: Panel, target: int, locale: object
) -> None:
    left, top, _right, bottom = panel.box
    border = TARGET_BORDER if seg.job_id == target else PATH_BORDER if panel.on_path else PANEL_FILL
    draw.rounded_rectangle(panel.box, radius=8, fill=PANEL_FILL, outline=border, width=3)
    _thumb(canvas, draw, seg, left + PAD, top + PAD, locale)
    width = PANEL_W - 2 * PAD
    y = top + PAD + THUMB_H + 6
    draw.text((left + PAD, y), _clip(draw, f"#{seg.job_id} · {seg.how}", _font(16), width), TEXT, _font(16))
    y += 20
    by = i18n.text(locale, "story-by", name=_drawable(seg.author) or seg.author)
    draw.text((left + PAD, y), _clip(draw, by, _font(14), width), MUTED, _font(14))
    y += 19
    for line in _wrap(
        draw,
        _drawable(seg.prompt) or seg.prompt or i18n.text(locale, "story-no-prompt"),
        _font(13),
        width,
        3 if not panel.side_branches else 2,
    ):
        draw.text((left + PAD, y), line, TEXT, _font(13))
        y += 16
    if panel.side_branches:
        n = panel.side_branches
        badge = i18n.text(locale, "story-branching-off", count=n)
        draw.text(
            (left + PAD, bottom - PAD - 16), _clip(draw, badge, _font(13), width), TARGET_BORDER, _font(13)
        )


def _connect(draw: ImageDraw.ImageDraw, parent: Panel, child: Panel) -> None:
    y0 = (parent.box[1] + parent.box[3]) // 2
    y1 = (child.box[1] + child.box[3]) // 2
    x_mid = child.box[0] - GAP // 2
    draw.line([(parent.box[2], y0), (x_mid, y0), (x_mid, y1), (child.box[0], y1)], fill=LINE, width=3)


def _render(segments: Sequence[Segment], target: int, *, frames: bool, locale: object) -> Storyboard:
    by_id = {s.job_id: s if frames else replace(s, frame=None) for s in segments}
    panels, order, summarised, hidden = _layout(segments, target)
    path = _path(by_id, target)
    width = max(p.box[2] for p in panels) + MARGIN
    height = max(p.box[3] for p in panels) + MARGIN
    title = i18n.text(locale, "story-picture-title", job=target, count=len(path))
    if hidden:
        title = i18n.text(locale, "story-picture-title-hidden", title=title, count=hidden)
    # As wide as the heading needs: a tree of one or two clips is narrower than its heading in most languages.
    heading = math.ceil(_font(18).getlength(title)) + 2 * MARGIN
    width = max(width, MIN_WIDTH, min(heading, MAX_WIDTH))
    canvas = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    title = _clip(draw, title, _font(18), width - 2 * MARGIN)
    draw.text((MARGIN, MARGIN), title, TEXT, _font(18))
    placed = {p.job_id: p for p in panels}
    for p in panels:
        if p.parent_id is not None and p.parent_id in placed:
            _connect(draw, placed[p.parent_id], p)
    for p in panels:
        _draw_panel(canvas, draw, by_id[p.job_id], p, target, locale)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    steps = " → ".join(
        i18n.text(locale, "segment-label", job=j, kind=by_id[j].how, name=by_id[j].author) for j in path
    )
    alt = i18n.text(locale, "story-alt", steps=steps)
    alt = alt if len(alt) <= ALT_TEXT_MAX else alt[: ALT_TEXT_MAX - 1] + "…"
    return Storyboard(buffer.getvalue(), width, height, panels, order, path, summarised, hidden, alt, title)
