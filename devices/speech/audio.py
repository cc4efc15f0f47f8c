"""A piece of synthesized audio: 16-bit PCM with its format, to and from WAV."""

from __future__ import annotations

import io
import struct
import wave
from dataclasses import dataclass
from pathlib import Path


class AudioFormatError(ValueError):
    """Bytes that are not a WAV file this package understands (PCM, RIFF)."""


@dataclass(frozen=True)
class AudioClip:
    """Raw PCM samples and their format."""

    pcm: bytes
    sample_rate: int = 22050
    channels: int = 1
    sample_width: int = 2

    @property
    def frames(self) -> int:
        return len(self.pcm) // (self.channels * self.sample_width)

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate if self.sample_rate else 0.0

    def to_wav_bytes(self) -> bytes:
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as out:
            out.setnchannels(self.channels)
            out.setsampwidth(self.sample_width)
            out.setframerate(self.sample_rate)
            out.writeframes(self.pcm)
        return buffer.getvalue()

    def write_wav(self, path: Path) -> Path:
        """Write atomically (temporary name, then rename), so a reader never sees half a file."""
        path = Path(path)
        partial = path.with_name(path.name + ".partial")
        partial.write_bytes(self.to_wav_bytes())
        partial.replace(path)
        return path

    @classmethod
    def concatenate(cls, clips: list[AudioClip]) -> AudioClip:
        if not clips:
            return cls(b"")
        first = clips[0]
        return cls(
            b"".join(clip.pcm for clip in clips),
            first.sample_rate,
            first.channels,
            first.sample_width,
        )


def clip_from_wav_bytes(data: bytes) -> AudioClip:
    """Parse a PCM WAV, including the streamed kind whose size fields are placeholders.

    ``espeak-ng --stdout`` writes its header before it knows the length, so the
    RIFF and data sizes are bogus (0x7ffff000); the samples simply run to the
    end of the bytes. The ``wave`` module would trust the sizes, so parse here.
    """
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise AudioFormatError("not a RIFF/WAVE file")
    position = 12
    sample_rate = channels = sample_width = 0
    while position + 8 <= len(data):
        chunk_id = data[position : position + 4]
        (size,) = struct.unpack_from("<I", data, position + 4)
        body = position + 8
        if chunk_id == b"fmt ":
            if size < 16 or body + 16 > len(data):
                raise AudioFormatError("truncated fmt chunk")
            audio_format, channels, sample_rate, _, _, bits = struct.unpack_from(
                "<HHIIHH", data, body
            )
            if audio_format != 1 or bits not in (8, 16, 24, 32) or not channels:
                raise AudioFormatError(f"unsupported WAV format {audio_format}/{bits} bits")
            sample_width = bits // 8
        elif chunk_id == b"data":
            if not sample_rate:
                raise AudioFormatError("data chunk before fmt chunk")
            end = min(len(data), body + size)
            pcm = data[body:end]
            pcm = pcm[: len(pcm) - len(pcm) % (channels * sample_width)]
            return AudioClip(pcm, sample_rate, channels, sample_width)
        position = body + size + (size & 1)
    raise AudioFormatError("no data chunk")
