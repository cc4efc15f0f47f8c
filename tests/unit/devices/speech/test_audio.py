from __future__ import annotations

import subprocess
import wave
from pathlib import Path

import pytest

from devices.speech.audio import AudioClip, AudioFormatError, clip_from_wav_bytes


def test_streamed_espeak_output_with_placeholder_sizes_is_parsed() -> None:
    data = subprocess.run(
        ["espeak-ng", "-v", "gmw/en", "--stdout", "hello"], capture_output=True, check=True
    ).stdout
    assert data[4:8] == b"\x24\xf0\xff\x7f"  # the placeholder size espeak-ng writes
    clip = clip_from_wav_bytes(data)
    assert clip.sample_rate == 22050
    assert clip.sample_width == 2
    assert 0.2 < clip.duration_s < 2.0
    assert len(clip.pcm) == len(data) - 44


def test_clip_round_trips_through_a_wav_file(tmp_path: Path) -> None:
    clip = AudioClip(b"\x01\x00" * 22050)
    path = clip.write_wav(tmp_path / "one-second.wav")
    with wave.open(str(path)) as reader:
        assert reader.getnframes() == 22050
        assert reader.getframerate() == 22050
    assert clip_from_wav_bytes(path.read_bytes()) == clip
    assert not list(tmp_path.glob("*.partial"))


def test_concatenation_keeps_the_format_and_adds_durations() -> None:
    joined = AudioClip.concatenate([AudioClip(b"\0\0" * 100), AudioClip(b"\0\0" * 50)])
    assert joined.frames == 150
    assert AudioClip.concatenate([]).frames == 0


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"RIFF",
        b"RIFF\0\0\0\0WAVE",
        b"not a wave file at all",
        b"RIFF\0\0\0\0WAVEdata\4\0\0\0abcd",
    ],
)
def test_garbage_is_refused_with_our_error(data: bytes) -> None:
    with pytest.raises(AudioFormatError):
        clip_from_wav_bytes(data)
