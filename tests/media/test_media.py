"""What a user notices about bot.media: which attachments are taken, how they come out, and why not."""

from __future__ import annotations

import asyncio
import io
import re
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import av
import pytest
from PIL import Image

from bot import media
from bot.media import MediaError
from bot.media import encode as media_encode
from bot.media import images as media_images
from bot.media import video as media_video
from tests.fakes.media import make_big_png, make_gif, make_jpeg, make_mp4, make_png, make_webp

MIB = 1024 * 1024


def _image(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------------------------------ images


def test_png_and_jpeg_pass_through_unchanged() -> None:
    png, jpeg = make_png(), make_jpeg()

    got_png = media.prepare_image(png, "cat.png")
    got_jpeg = media.prepare_image(jpeg, "dog.jpeg")

    assert got_png == media.PreparedImage(data=png, filename="cat.png", content_type="image/png")
    assert got_jpeg == media.PreparedImage(data=jpeg, filename="dog.jpeg", content_type="image/jpeg")


def test_kind_comes_from_the_bytes_not_the_name() -> None:
    jpeg = make_jpeg()

    got = media.prepare_image(jpeg, "photo.png")

    assert got.data == jpeg
    assert got.content_type == "image/jpeg"
    assert got.filename == "photo.jpg"


def test_webp_becomes_a_png_of_the_same_picture() -> None:
    got = media.prepare_image(make_webp(80, 48, color=(50, 200, 90)), "leaf.webp")

    assert got.content_type == "image/png"
    assert got.filename == "leaf.png"
    image = _image(got.data)
    assert image.format == "PNG"
    assert image.size == (80, 48)
    pixel = image.convert("RGB").getpixel((60, 36))
    assert isinstance(pixel, tuple)
    assert all(abs(got - want) < 12 for got, want in zip(pixel, (50, 200, 90), strict=True))


def test_transparent_webp_keeps_its_alpha() -> None:
    out = io.BytesIO()
    Image.new("RGBA", (32, 32), (10, 20, 30, 100)).save(out, format="WEBP", lossless=True)

    image = _image(media.prepare_image(out.getvalue(), "ghost.webp").data)

    assert image.mode == "RGBA"
    assert image.getpixel((16, 16)) == (10, 20, 30, 100)


def test_animated_gif_becomes_a_png_of_its_first_frame() -> None:
    gif = make_gif(frames=3, color=(220, 200, 40))
    with Image.open(io.BytesIO(gif)) as original:
        assert getattr(original, "n_frames", 1) == 3
        first = original.convert("RGB").getpixel((48, 48))
        original.seek(1)
        second = original.convert("RGB").getpixel((48, 48))
    assert first != second

    got = media.prepare_image(gif, "dance.gif")

    assert got.content_type == "image/png"
    assert got.filename == "dance.png"
    image = _image(got.data)
    assert image.format == "PNG"
    assert image.size == (64, 64)
    assert image.convert("RGB").getpixel((48, 48)) == first


def test_other_still_formats_pillow_decodes_become_png() -> None:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (1, 2, 3)).save(out, format="BMP")

    got = media.prepare_image(out.getvalue(), "scan.bmp")

    assert (got.filename, got.content_type) == ("scan.png", "image/png")
    assert _image(got.data).getpixel((5, 5)) == (1, 2, 3)


def _eps() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, format="EPS")
    return out.getvalue()


def _corrupt_png() -> bytes:
    png = bytearray(make_png())
    png[60] ^= 0xFF  # inside the image data: the chunk's CRC no longer matches
    return bytes(png)


NOT_USABLE: list[tuple[str, Callable[[], bytes]]] = [
    ("notes.txt", lambda: b"remember to buy milk\n"),
    ("paper.pdf", lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"),
    (
        "logo.svg",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8"/></svg>',
    ),
    ("really_text.png", lambda: b"this is not a png at all, just words\n" * 4),
    ("truncated.png", lambda: make_png()[: len(make_png()) // 2]),
    ("no_end.png", lambda: make_png()[:-20]),
    ("corrupt.png", _corrupt_png),
    ("truncated.jpg", lambda: make_jpeg()[: len(make_jpeg()) // 2]),
    ("movie.png", lambda: make_mp4()),
    ("empty.png", lambda: b""),
    ("drawing.eps", _eps),  # Pillow would need to run Ghostscript on it
]


@pytest.mark.parametrize(("filename", "make"), NOT_USABLE, ids=[name for name, _ in NOT_USABLE])
def test_unusable_files_are_refused_with_a_sentence_naming_them(
    filename: str, make: Callable[[], bytes]
) -> None:
    with pytest.raises(MediaError) as caught:
        media.prepare_image(make(), filename)

    message = caught.value.user_message
    assert filename in message
    assert message.endswith(".") and "\n" not in message
    assert str(caught.value) == message


def test_non_image_message_says_what_to_attach() -> None:
    with pytest.raises(MediaError) as caught:
        media.prepare_image(b"hello", "notes.txt")

    expected = "notes.txt is not an image I can use: attach a PNG, JPEG, WebP or GIF."
    assert caught.value.user_message == expected


def test_image_over_20_mb_is_refused_with_its_size() -> None:
    big = make_big_png(21 * MIB)

    with pytest.raises(MediaError) as caught:
        media.prepare_image(big, "cat.png")

    match = re.fullmatch(
        r"cat\.png is (\d+\.\d) MB; images must be 20 MB or smaller\.", caught.value.user_message
    )
    assert match is not None, caught.value.user_message
    assert float(match.group(1)) == pytest.approx(len(big) / MIB, abs=0.1)


def test_image_too_big_once_converted_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    webp = make_webp(600, 600)
    png_size = len(media.prepare_image(webp, "wide.webp").data)
    assert png_size > len(webp)
    monkeypatch.setattr(media_images, "MAX_IMAGE_BYTES", (png_size + len(webp)) // 2)

    with pytest.raises(MediaError) as caught:
        media.prepare_image(webp, "wide.webp")

    assert caught.value.user_message.startswith("wide.webp is ")
    assert "once converted to PNG" in caught.value.user_message


@pytest.mark.parametrize(("side", "why"), [(64, "warning"), (100, "error")])
def test_decompression_bombs_are_refused_not_crashes(
    monkeypatch: pytest.MonkeyPatch, side: int, why: str
) -> None:
    # 64x64 = 4096 pixels is between 1x and 2x the limit (Pillow warns; pytest makes warnings errors),
    # 100x100 is beyond 2x (Pillow raises DecompressionBombError).
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 3000)

    with pytest.raises(MediaError) as caught:
        media.prepare_image(make_png(side, side), "huge.png")

    assert "huge.png has too many pixels" in caught.value.user_message


def test_decompression_bomb_refused_even_when_warnings_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 3000)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(MediaError, match=r"huge\.png has too many pixels"):
            media.prepare_image(make_png(64, 64), "huge.png")


# ------------------------------------------------------------------------------------------ videos


def test_probe_reads_duration_size_and_sound(tmp_path: Path) -> None:
    path = _write(tmp_path, "clip.mp4", make_mp4(2.0))

    info = media.probe_video(path, "clip.mp4")

    assert info.duration == pytest.approx(2.0, abs=0.1)
    assert (info.width, info.height) == (160, 90)
    assert info.has_audio is True
    assert info.video_codec == "h264"
    assert "mp4" in info.container
    assert media.video_duration(path) == pytest.approx(2.0, abs=0.1)


def test_probe_sees_a_silent_clip(tmp_path: Path) -> None:
    path = _write(tmp_path, "quiet.mp4", make_mp4(1.5, audio=False))

    assert media.probe_video(path, "quiet.mp4").has_audio is False


def test_probe_demuxes_for_the_duration_when_the_header_has_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "stream.mp4", make_mp4(2.0))
    monkeypatch.setattr(media_video, "_header_duration", lambda container, stream: None)

    assert media.probe_video(path, "stream.mp4").duration == pytest.approx(2.0, abs=0.1)


def test_reference_video_of_two_seconds_is_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path, "clip.mp4", make_mp4(2.0))

    assert media.check_reference_video(path, "clip.mp4").duration == pytest.approx(2.0, abs=0.1)


@pytest.mark.parametrize(
    ("seconds", "fps", "shown"),
    [(0.5, 24, "0.5 s"), (25.0, 5, "25.0 s")],
)
def test_reference_video_outside_1_to_24_seconds_is_refused(
    tmp_path: Path, seconds: float, fps: int, shown: str
) -> None:
    path = _write(tmp_path, "upload.bin", make_mp4(seconds, fps=fps, audio=False))

    with pytest.raises(MediaError) as caught:
        media.check_reference_video(path, "clip.mp4")

    assert caught.value.user_message == (
        f"clip.mp4 is {shown} long; a reference video must be 1–24 s (3 s or less works best)."
    )


def _audio_only_m4a() -> bytes:
    out = io.BytesIO()
    with av.open(out, mode="w", format="ipod") as container:
        stream = container.add_stream("aac", rate=48_000, layout="stereo")
        for i in range(20):
            frame = av.AudioFrame(format="fltp", layout="stereo", samples=1024)
            for plane in frame.planes:
                plane.update(bytes(plane.buffer_size))
            frame.sample_rate = 48_000
            frame.pts = i * 1024
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return out.getvalue()


def _mangled_mp4() -> bytes:
    data = bytearray(make_mp4(2.0))
    data[:2048] = bytes(2048)  # ftyp and moov gone
    return bytes(data)


NOT_VIDEOS: list[tuple[str, Callable[[], bytes]]] = [
    ("random.mp4", lambda: bytes(range(256)) * 64),
    ("notes.mp4", lambda: b"just some text, promise\n" * 100),
    ("mangled.mp4", _mangled_mp4),
    ("photo.mp4", lambda: make_png()),
    ("song.m4a", _audio_only_m4a),
    ("empty.mp4", lambda: b""),
]


@pytest.mark.parametrize(("filename", "make"), NOT_VIDEOS, ids=[name for name, _ in NOT_VIDEOS])
def test_files_that_are_not_usable_videos_are_refused(
    tmp_path: Path, filename: str, make: Callable[[], bytes]
) -> None:
    path = _write(tmp_path, "upload.bin", make())

    with pytest.raises(MediaError) as caught:
        media.check_reference_video(path, filename)

    message = caught.value.user_message
    assert message.startswith(filename + " ")
    assert message.endswith(".") and "\n" not in message


# ----------------------------------------------------------------------------------- fit to a size


@pytest.fixture(scope="module")
def big_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 14 MiB: 8 s of 1280x720 noise at 15 Mbit/s with AAC sound (made once per module)."""
    path = tmp_path_factory.mktemp("big") / "big.mp4"
    path.write_bytes(make_mp4(seconds=8, width=1280, height=720, noise=True, bitrate=15_000_000))
    return path


def _streams(path: Path) -> dict[str, Any]:
    with av.open(str(path)) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        return {
            "video": video.codec_context.name,
            "pix_fmt": video.codec_context.pix_fmt,
            "audio": audio.codec_context.name,
            "size": (video.codec_context.width, video.codec_context.height),
        }


def test_big_clip_is_squeezed_under_10_mib_and_stays_playable(big_clip: Path, tmp_path: Path) -> None:
    assert big_clip.stat().st_size > 12 * MIB
    dest = tmp_path / "out.mp4"

    assert media.fit_to_size(big_clip, dest, 10 * MIB) is True

    assert dest.stat().st_size <= 10 * MIB
    streams = _streams(dest)
    assert (streams["video"], streams["pix_fmt"], streams["audio"]) == ("h264", "yuv420p", "aac")
    original = media.probe_video(big_clip, "big.mp4")
    fitted = media.probe_video(dest, "out.mp4")
    assert fitted.duration == pytest.approx(original.duration, abs=0.2)
    assert fitted.has_audio
    head = dest.read_bytes()[:65536]
    assert 0 <= head.find(b"moov") < head.find(b"mdat") or b"mdat" not in head  # +faststart
    assert list(tmp_path.iterdir()) == [dest]


def test_small_budget_scales_the_picture_down(big_clip: Path, tmp_path: Path) -> None:
    dest = tmp_path / "small.mp4"

    assert media.fit_to_size(big_clip, dest, 400_000) is True

    assert dest.stat().st_size <= 400_000
    info = media.probe_video(dest, "small.mp4")
    assert info.height < 720 and info.width % 2 == 0 and info.height % 2 == 0
    assert info.duration == pytest.approx(8.0, abs=0.2)
    assert info.has_audio


def test_impossible_budget_returns_false_and_leaves_no_file(big_clip: Path, tmp_path: Path) -> None:
    dest = tmp_path / "out.mp4"

    assert media.fit_to_size(big_clip, dest, 20_000) is False

    assert not dest.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def medium_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 2 MiB: 4 s of 640x360 noise at 4 Mbit/s."""
    path = tmp_path_factory.mktemp("medium") / "medium.mp4"
    path.write_bytes(make_mp4(seconds=4, width=640, height=360, noise=True, bitrate=4_000_000))
    return path


def test_overshoot_is_retried_lower(
    medium_clip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real_encode = media_encode._encode

    def overshooting_first(src: Path, dest: Path, **kwargs: Any) -> None:
        calls.append(kwargs["video_bps"])
        if len(calls) == 1:
            kwargs["video_bps"] *= 3  # as if the encoder badly missed its target
        real_encode(src, dest, **kwargs)

    monkeypatch.setattr(media_encode, "_encode", overshooting_first)
    dest = tmp_path / "out.mp4"

    assert media.fit_to_size(medium_clip, dest, 1 * MIB) is True

    assert len(calls) == 2 and calls[1] < calls[0]
    assert dest.stat().st_size <= 1 * MIB
    assert list(tmp_path.iterdir()) == [dest]


def test_gives_up_after_three_tries_without_leaving_files(
    medium_clip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0

    def always_too_big(src: Path, dest: Path, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        dest.write_bytes(bytes(2 * MIB))

    monkeypatch.setattr(media_encode, "_encode", always_too_big)
    dest = tmp_path / "out.mp4"

    assert media.fit_to_size(medium_clip, dest, 1 * MIB) is False

    assert calls == 3
    assert list(tmp_path.iterdir()) == []


def test_failed_encode_leaves_no_partial_file(
    medium_clip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crashing(src: Path, dest: Path, **kwargs: Any) -> None:
        dest.write_bytes(b"half a file")
        raise av.FFmpegError(5, "boom")

    monkeypatch.setattr(media_encode, "_encode", crashing)

    with pytest.raises(av.FFmpegError):
        media.fit_to_size(medium_clip, tmp_path / "out.mp4", 1 * MIB)

    assert list(tmp_path.iterdir()) == []


def test_clip_that_already_fits_is_copied_as_is(tmp_path: Path) -> None:
    data = make_mp4(1.0)
    src = _write(tmp_path, "src.mp4", data)
    dest = tmp_path / "dest.mp4"

    assert media.fit_to_size(src, dest, 10 * MIB) is True

    assert dest.read_bytes() == data


def test_unreadable_source_is_a_media_error(tmp_path: Path) -> None:
    src = _write(tmp_path, "broken.mp4", b"not a video" * 1000)

    with pytest.raises(MediaError, match=r"broken\.mp4"):
        media.fit_to_size(src, tmp_path / "dest.mp4", 1000)
    assert not (tmp_path / "dest.mp4").exists()


# ----------------------------------------------------------------------------------------- threads


async def test_everything_runs_in_worker_threads(tmp_path: Path) -> None:
    path = _write(tmp_path, "clip.mp4", make_mp4(2.0))

    image, info, duration = await asyncio.gather(
        asyncio.to_thread(media.prepare_image, make_webp(), "a.webp"),
        asyncio.to_thread(media.check_reference_video, path, "clip.mp4"),
        asyncio.to_thread(media.video_duration, path),
    )

    assert image.content_type == "image/png"
    assert info.duration == pytest.approx(duration)
