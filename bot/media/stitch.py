"""Join clips end to end, so a chain of Extends becomes one longer video.

Whether the API's answer to an extend holds only the new part or the whole continued clip is not
documented (apimart-api.md). The delivery decides by duration (see `needs_stitch`) and, when the answer
is only the new part, joins the parent's delivered clip and the new part here: one H.264 + AAC MP4 with
the parent's picture size and frame rate, the sound kept, timestamps continuous.

The parts rarely sound alike: our own joined clip has 48 kHz stereo sound, the API's next part may be
44.1 kHz mono, and a part may have no sound at all. PyAV's ``AudioResampler`` only takes frames like the
first one it saw, so every part gets its own resampler to the output's format (and a new one if its
format changes midway), and its sound is laid on the output's timeline from the sample where its first
picture starts, cut or padded with silence to end where its last picture ends: sound and picture meet
at every join, and the length is the sum of the parts.

Plain, synchronous, CPU-bound PyAV code: call it through ``asyncio.to_thread``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
from av.container import OutputContainer
from av.video.frame import PictureType

from bot.i18n import Msg
from bot.media import MediaError, video_duration

VIDEO_BITRATE = 4_000_000  # 720p at a quality that stays close to the source
# The joined clip's sound, whatever its parts had: AAC's native sample format, stereo, 48 kHz.
AUDIO_RATE = 48_000
AUDIO_LAYOUT = "stereo"
AUDIO_FORMAT = "fltp"
AUDIO_BITRATE = 128_000
_AUDIO_TIME_BASE = Fraction(1, AUDIO_RATE)
_AAC_FRAME = 1024  # samples per AAC frame
_SILENCE_CHUNK = 8 * _AAC_FRAME
# A jump in a part's sound timestamps larger than this is a gap (filled with silence) or an overlap
# (dropped); smaller ones are the resampler's own delay.
_AUDIO_SLACK = 0.04  # seconds
# An answer at least this much longer than the parent already contains it.
CONTAINS_PARENT_MARGIN = 0.5


FRAME_MATCH = 12.0  # mean absolute difference (0-255) of two tiny grey thumbnails that counts as "same"


def needs_stitch(parent: Path, child: Path) -> bool:
    """True when the child clip looks like only the new part, not the parent followed by the new part.

    A child that already contains its parent is longer than it and opens on the same picture.
    """
    if video_duration(child) < video_duration(parent) + CONTAINS_PARENT_MARGIN:
        return True
    return _difference(_first_frame(parent), _first_frame(child)) > FRAME_MATCH


def _first_frame(path: Path) -> list[int]:
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            thumb = frame.to_image().convert("L").resize((32, 18))  # type: ignore[no-untyped-call]
            return list(thumb.tobytes())
    raise MediaError(Msg("media-no-pictures", name=path.name))


def _difference(a: list[int], b: list[int]) -> float:
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)


def concat(clips: Sequence[Path], dest: Path, *, skips: Sequence[float] | None = None) -> None:
    """Write `clips` one after another into `dest` (replaced atomically; no partial file on error).

    `skips` (seconds, one per clip) leaves out the start of a part: what an earlier part already shows.

    The parts may differ in picture size, frame rate and sound (sample rate, mono or stereo, sample
    format, or no sound at all): the result has the first part's picture size and frame rate, and, when any
    part has sound, one AAC stereo track at 48 kHz in which a part without sound is silent. Each part keeps
    its own length, and its sound starts exactly where its picture does.
    """
    if not clips:
        raise ValueError("nothing to join")
    if skips is not None and len(skips) != len(clips):
        raise ValueError("one skip per clip")
    fd, tmp_name = tempfile.mkstemp(prefix=".join-", suffix=".mp4", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _concat(clips, tmp, skips or [0.0] * len(clips))
        os.replace(tmp, dest)
    except (av.FFmpegError, IndexError, ValueError) as exc:
        raise MediaError(Msg("media-join-failed", name=dest.name)) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _concat(clips: Sequence[Path], dest: Path, skips: Sequence[float]) -> None:
    with av.open(str(clips[0])) as first:
        vfirst = first.streams.video[0]
        width, height = vfirst.codec_context.width, vfirst.codec_context.height
        rate = Fraction(vfirst.average_rate or vfirst.guessed_rate or 24)
    with_sound = any(_has_sound(clip) for clip in clips)
    with av.open(str(dest), mode="w", format="mp4", options={"movflags": "+faststart"}) as out:
        picture = _Picture(out, width, height, rate)
        sound = _Sound(out) if with_sound else None
        for clip, skip in zip(clips, skips, strict=True):
            _append(clip, picture, sound, skip)
        picture.close()
        if sound is not None:
            sound.close()


def _has_sound(clip: Path) -> bool:
    with av.open(str(clip)) as container:
        return bool(container.streams.audio)


def _append(clip: Path, picture: _Picture, sound: _Sound | None, skip: float = 0.0) -> None:
    """Add one part at the end of the timeline: its pictures, and its sound (or silence) under them.

    The part's first `skip` seconds are left out (pictures and sound)."""
    with av.open(str(clip)) as inp:
        if not inp.streams.video:
            raise MediaError(Msg("media-no-pictures", name=clip.name))
        vin = inp.streams.video[0]
        vin.thread_type = "AUTO"
        ain = inp.streams.audio[0] if inp.streams.audio and sound is not None else None
        # The part's own clock starts with its first picture; its sound is placed against that clock.
        origin = (
            float(vin.start_time * vin.time_base) if vin.start_time is not None and vin.time_base else 0.0
        ) + skip
        step = 1 / float(vin.average_rate or vin.guessed_rate or picture.rate)
        first_slot = picture.frames
        part_sound = _PartSound(sound, sound.position) if sound is not None else None
        end = 0.0  # clip time at which the latest picture stops showing
        last: float | None = None
        streams: list[Any] = [vin] if ain is None else [vin, ain]
        for packet in inp.demux(streams):
            for frame in _decode(packet):
                if isinstance(frame, av.VideoFrame):
                    at = _time(frame, origin)
                    if at is None:
                        at = 0.0 if last is None else last + step
                    last = at
                    if at < -step / 2:
                        continue  # before the skipped start
                    length = (
                        float(frame.duration * frame.time_base) if frame.duration and frame.time_base else 0.0
                    )
                    end = max(end, at + (length or step))
                    picture.put(
                        frame, first_slot + round(at * picture.rate), opens=picture.frames == first_slot
                    )
                    if sound is not None:
                        sound.send(until=picture.samples_at(picture.frames))
                elif part_sound is not None and isinstance(frame, av.AudioFrame):
                    part_sound.add(frame, _time(frame, origin))
        if picture.frames == first_slot:
            raise MediaError(Msg("media-no-pictures", name=clip.name))
        # Show the last picture for as long as the part lasts, then end its sound exactly there.
        picture.fill(max(picture.frames, first_slot + round(end * picture.rate)))
        if part_sound is not None:
            part_sound.finish(picture.samples_at(picture.frames))


def _time(frame: av.VideoFrame | av.AudioFrame, origin: float) -> float | None:
    if frame.pts is None or not frame.time_base:
        return None
    return float(frame.pts * frame.time_base) - origin


class _Picture:
    """The output's video: a constant frame rate, each part's pictures at their own times."""

    def __init__(self, out: OutputContainer, width: int, height: int, rate: Fraction) -> None:
        self._out = out
        self.rate = rate
        self.width, self.height = width, height
        stream = out.add_stream("libx264", rate=rate, options={"preset": "veryfast"})
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.bit_rate = VIDEO_BITRATE
        stream.codec_context.time_base = 1 / rate
        self._stream = stream
        self.frames = 0  # frames written so far: the timeline's length, in 1/rate steps
        self._last: av.VideoFrame | None = None

    def samples_at(self, slot: int) -> int:
        """Where frame `slot` starts on the sound's clock (samples at AUDIO_RATE)."""
        return round(slot * AUDIO_RATE / self.rate)

    def put(self, frame: av.VideoFrame, slot: int, *, opens: bool) -> None:
        """Show `frame` from frame `slot` on (the previous picture held until then; a late one dropped)."""
        if opens:
            slot = self.frames  # a part starts with its first picture, right after the previous part
        if slot < self.frames:
            return  # a higher input frame rate: this picture falls on a slot already shown
        self.fill(slot)
        self._write(frame.reformat(width=self.width, height=self.height, format="yuv420p"))

    def fill(self, slot: int) -> None:
        while self.frames < slot and self._last is not None:
            self._write(self._last)

    def _write(self, picture: av.VideoFrame) -> None:
        picture.pts = self.frames
        picture.time_base = self._stream.codec_context.time_base
        picture.pict_type = PictureType.NONE  # let x264 choose; never force the input's types
        self._out.mux(self._stream.encode(picture))
        self.frames += 1
        self._last = picture

    def close(self) -> None:
        self._out.mux(self._stream.encode(None))


class _Sound:
    """The output's sound: AAC stereo at AUDIO_RATE, written in order as one continuous run of samples."""

    def __init__(self, out: OutputContainer) -> None:
        self._out = out
        stream = out.add_stream("aac", rate=AUDIO_RATE, layout=AUDIO_LAYOUT)
        stream.bit_rate = AUDIO_BITRATE
        self._stream = stream
        self._fifo = av.AudioFifo()
        self.position = 0  # timeline position, in samples, of the end of what has been queued
        self._sent = 0  # samples handed to the encoder (always a prefix of what has been queued)

    def queue(self, frame: av.AudioFrame) -> None:
        """Append `frame` (already AUDIO_FORMAT, AUDIO_LAYOUT, AUDIO_RATE) at the end of the timeline."""
        frame.pts = None  # the timeline decides where samples go, not the frame
        frame.time_base = _AUDIO_TIME_BASE
        self._fifo.write(frame)
        self.position += frame.samples

    def silence(self, samples: int) -> None:
        while samples > 0:
            n = min(samples, _SILENCE_CHUNK)
            frame = av.AudioFrame(format=AUDIO_FORMAT, layout=AUDIO_LAYOUT, samples=n)
            for plane in frame.planes:
                plane.update(bytes(plane.buffer_size))
            frame.sample_rate = AUDIO_RATE
            self.queue(frame)
            samples -= n

    def end_at(self, position: int) -> None:
        """Make the timeline end exactly at `position`: pad with silence, or cut what runs past it."""
        if position >= self.position:
            self.silence(position - self.position)
            return
        # Never below what the encoder already has: it only gets sound under pictures already written.
        keep = max(0, self._fifo.samples - (self.position - position))
        head = self._fifo.read(keep) if keep else None
        self._fifo.read()  # drop the rest
        if head is not None:
            head.pts = None
            self._fifo.write(head)
        self.position = self._sent + self._fifo.samples

    def send(self, until: int) -> None:
        """Encode the queued sound up to timeline position `until` (whole AAC frames only)."""
        while self._sent + _AAC_FRAME <= until and self._fifo.samples >= _AAC_FRAME:
            frame = self._fifo.read(_AAC_FRAME)
            assert frame is not None
            self._encode(frame)

    def _encode(self, frame: av.AudioFrame) -> None:
        frame.pts = self._sent
        frame.time_base = _AUDIO_TIME_BASE
        self._out.mux(self._stream.encode(frame))
        self._sent += frame.samples

    def close(self) -> None:
        while (frame := self._fifo.read(_AAC_FRAME, partial=True)) is not None:
            self._encode(frame)
        self._out.mux(self._stream.encode(None))


class _PartSound:
    """One part's sound, converted to the output's format and laid on the timeline from `start` on.

    A resampler is set up from the part's first sound frame, and set up again whenever the format changes
    (PyAV's resampler refuses frames unlike its first one). Timestamps place the sound: a gap is filled
    with silence, sound before the part's first picture or overlapping itself is dropped.
    """

    def __init__(self, sound: _Sound, start: int) -> None:
        self._sound = sound
        self._start = start
        self._resampler: av.AudioResampler | None = None
        self._source: tuple[str, str, int] | None = None
        self._skip = 0  # samples still to drop from the resampled sound
        self._placed = False  # whether the first sound frame has been placed on the timeline

    def add(self, frame: av.AudioFrame, at: float | None) -> None:
        source = (frame.format.name, frame.layout.name, frame.sample_rate)
        if source != self._source:
            self._flush()
            self._resampler = av.AudioResampler(format=AUDIO_FORMAT, layout=AUDIO_LAYOUT, rate=AUDIO_RATE)
            self._source = source
        if at is not None:
            self._place(self._start + round(at * AUDIO_RATE))
        assert self._resampler is not None
        for chunk in self._resampler.resample(frame):
            self._put(chunk)

    def _place(self, target: int) -> None:
        # The resampler holds back a few samples, so only a jump beyond that counts as a gap or overlap.
        tolerance = round(_AUDIO_SLACK * AUDIO_RATE) if self._placed else 0
        self._placed = True
        drift = target - (self._sound.position - self._skip)
        if drift > tolerance:
            room = min(drift, self._skip)
            self._skip -= room
            self._sound.silence(drift - room)
        elif drift < -tolerance:
            self._skip += -drift

    def _put(self, chunk: av.AudioFrame) -> None:
        if self._skip >= chunk.samples:
            self._skip -= chunk.samples
            return
        if self._skip:
            fifo = av.AudioFifo()
            chunk.pts = None
            fifo.write(chunk)
            fifo.read(self._skip)
            rest = fifo.read()
            self._skip = 0
            if rest is None:
                return
            chunk = rest
        self._sound.queue(chunk)

    def _flush(self) -> None:
        if self._resampler is not None:
            for chunk in self._resampler.resample(None):
                self._put(chunk)
            self._resampler = None

    def finish(self, end: int) -> None:
        """The part's picture ends at timeline position `end`: its sound ends there too."""
        self._flush()
        self._sound.end_at(end)


def _decode(packet: Any) -> list[Any]:
    try:
        return list(packet.decode())
    except av.InvalidDataError:
        return []
