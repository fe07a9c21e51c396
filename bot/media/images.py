"""Checks attached images and converts them into a PNG or JPEG the video API accepts."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import PurePosixPath

from PIL import Image, ImageOps, UnidentifiedImageError

from bot.i18n import Msg
from bot.media.errors import MediaError, _name

__all__ = ["MAX_IMAGE_BYTES", "PreparedImage", "prepare_image"]

MAX_IMAGE_BYTES = 20 * 1024 * 1024

# Formats passed through byte for byte. Pillow calls a JPEG with a multi-picture (MPO) extension "MPO";
# it is still a JPEG every consumer can read.
_PASSTHROUGH = {"PNG": "image/png", "JPEG": "image/jpeg", "MPO": "image/jpeg"}
_PASSTHROUGH_SUFFIXES = {"image/png": (".png",), "image/jpeg": (".jpg", ".jpeg", ".jpe", ".jfif")}
# Pillow can only "decode" EPS by running Ghostscript on it: never do that with a stranger's file.
_REFUSED_FORMATS = frozenset({"EPS"})
_MIB = 1024 * 1024


def _megabytes(size: int) -> Msg:
    """Size in MB (MiB) with one decimal, rounded *up* so a refused file never reads as "20.0 MB"."""
    return Msg("size-mb", mb=math.ceil(size * 10 / _MIB) / 10)


@dataclass(frozen=True)
class PreparedImage:
    data: bytes
    filename: str
    content_type: str  # "image/png" | "image/jpeg"


def _open_formats() -> list[str]:
    Image.init()
    return [fmt for fmt in Image.OPEN if fmt not in _REFUSED_FORMATS]


def _too_many_pixels(name: str | Msg) -> MediaError:
    limit = Image.MAX_IMAGE_PIXELS
    if not limit:
        return MediaError(Msg("media-too-many-pixels", name=name))
    if limit >= 1_000_000:
        return MediaError(Msg("media-too-many-megapixels", name=name, limit=round(limit / 1_000_000)))
    return MediaError(Msg("media-too-many-pixels-over", name=name, limit=limit))


def prepare_image(data: bytes, filename: str) -> PreparedImage:
    """Make an attached image ready to send on: JPEG/PNG unchanged, other still images as PNG.

    The decision is made from the bytes (Pillow identifies the file, ``verify()``s it and then really
    decodes every pixel), never from the extension or the content type Discord reports:

    * JPEG and PNG come back byte for byte unchanged (a JPEG named ``.png`` gets a ``.jpg`` name);
      because they are fully decoded first, a corrupt or truncated file is refused.
    * WebP and GIF are converted to PNG: the first frame of an animation, alpha kept, EXIF rotation
      applied, and the name's extension changed to ``.png``. So is any other *still-image* format Pillow
      decodes (BMP, TIFF, ICO, AVIF, ...) - except EPS, which would mean running Ghostscript.
    * Anything else - text, PDF, SVG (Pillow reads neither), HEIC, a renamed non-image, an image larger
      than 20 MB before or after conversion, or a decompression bomb - raises :class:`MediaError`.

    CPU-bound and blocking: call it through ``asyncio.to_thread`` from async code.
    """
    name = _name(filename)
    if len(data) > MAX_IMAGE_BYTES:
        raise MediaError(Msg("media-image-too-large", name=name, size=_megabytes(len(data))))
    not_an_image = MediaError(Msg("media-not-an-image", name=name))
    if not data:
        raise not_an_image
    formats = _open_formats()
    try:
        # verify() checks the structure (and PNG CRCs) but leaves the image unusable, hence a second open
        # that really decodes it. Pillow reports decompression bombs either as DecompressionBombError or,
        # between 1x and 2x MAX_IMAGE_PIXELS, as a warning; when warnings are errors that warning arrives
        # here as an exception, otherwise it is only printed and the explicit pixel check below refuses.
        with Image.open(io.BytesIO(data), formats=formats) as probe:
            probe.verify()
        with Image.open(io.BytesIO(data), formats=formats) as image:
            limit = Image.MAX_IMAGE_PIXELS
            if limit and image.width * image.height > limit:
                raise _too_many_pixels(name)
            image.load()
            return _prepared_from(image, data, name if isinstance(name, str) else "image")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(name) from None
    except MediaError:
        raise
    except UnidentifiedImageError:
        raise not_an_image from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, KeyError) as exc:
        # Pillow raises a zoo of exception types for damaged files (SyntaxError for bad PNG chunks,
        # OSError for truncated data, ...); none of them is our bug, all of them mean "unusable file".
        raise MediaError(Msg("media-image-damaged", name=name)) from exc


def _prepared_from(image: Image.Image, data: bytes, name: str) -> PreparedImage:
    fmt = image.format or ""
    content_type = _PASSTHROUGH.get(fmt)
    if content_type is not None:
        suffix = PurePosixPath(name).suffix.lower()
        good = _PASSTHROUGH_SUFFIXES[content_type]
        out_name = name if suffix in good else _with_suffix(name, good[0])
        return PreparedImage(data=data, filename=out_name, content_type=content_type)

    # A freshly opened image sits on its first frame, so an animation (GIF, WebP) gives its first frame.
    frame = ImageOps.exif_transpose(image)
    has_alpha = frame.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in frame.info
    converted = frame.convert("RGBA" if has_alpha else "RGB")
    out = io.BytesIO()
    converted.save(out, format="PNG")
    png = out.getvalue()
    if len(png) > MAX_IMAGE_BYTES:
        raise MediaError(Msg("media-png-too-large", name=name, size=_megabytes(len(png))))
    return PreparedImage(data=png, filename=_with_suffix(name, ".png"), content_type="image/png")


def _with_suffix(name: str, suffix: str) -> str:
    path = PurePosixPath(name)
    stem = path.stem if path.suffix else path.name
    return f"{stem or 'image'}{suffix}"
