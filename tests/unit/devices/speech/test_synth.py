"""The two synthesizers against the real espeak-ng installed on this machine."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devices.speech import SpeechError
from devices.speech.synth import EspeakNgSynthesizer, Pyttsx3Synthesizer, Synthesizer

TWENTY_HANZI = "公共法律服务中心为群众提供法律咨询和援助"
PINYIN = "ni3 hao3 zhong1 guo2"
MANDARIN = "sit/cmn-latn-pinyin"
ENGLISH = "gmw/en-us"


@pytest.fixture(params=[Pyttsx3Synthesizer, EspeakNgSynthesizer], ids=["pyttsx3", "espeak-ng"])
def synthesizer(request: pytest.FixtureRequest) -> Iterator[Synthesizer]:
    synth: Synthesizer = request.param()
    synth.open()
    yield synth
    synth.close()


def test_the_voices_the_kiosk_needs_are_installed(synthesizer: Synthesizer) -> None:
    voices = synthesizer.available_voices()
    assert MANDARIN in voices
    assert ENGLISH in voices


def test_twenty_hanzi_give_a_plausible_duration(synthesizer: Synthesizer) -> None:
    assert len(TWENTY_HANZI) == 20
    clip = synthesizer.synthesize(TWENTY_HANZI, MANDARIN, 160, 0.8)
    assert clip.sample_rate == 22050
    assert 2.0 <= clip.duration_s <= 8.0
    assert any(clip.pcm[i] for i in range(0, len(clip.pcm), 97)), "all silence"


def test_mandarin_voice_reads_pinyin_as_syllables_not_english_digits(
    synthesizer: Synthesizer,
) -> None:
    """The pinyin voice says 4 syllables; the English voice spells "ni three hao three...",
    and the plain sit/cmn voice also reads the tone digits as English numbers."""
    mandarin = synthesizer.synthesize(PINYIN, MANDARIN, 160, 0.8).duration_s
    english = synthesizer.synthesize(PINYIN, ENGLISH, 160, 0.8).duration_s
    plain_cmn = synthesizer.synthesize(PINYIN, "sit/cmn", 160, 0.8).duration_s
    assert mandarin < english * 0.8
    assert mandarin < plain_cmn * 0.9


def test_rate_changes_the_duration(synthesizer: Synthesizer) -> None:
    slow = synthesizer.synthesize(TWENTY_HANZI, MANDARIN, 100, 0.8).duration_s
    fast = synthesizer.synthesize(TWENTY_HANZI, MANDARIN, 300, 0.8).duration_s
    assert fast < slow * 0.7


def test_volume_changes_the_amplitude(synthesizer: Synthesizer) -> None:
    def peak(volume: float) -> int:
        pcm = synthesizer.synthesize("法律援助", MANDARIN, 160, volume).pcm
        samples = memoryview(pcm).cast("h")
        return max(abs(s) for s in samples)

    assert peak(0.3) < peak(1.0) * 0.6


def test_an_unknown_voice_is_an_error_not_a_silent_substitute(synthesizer: Synthesizer) -> None:
    with pytest.raises(SpeechError):
        synthesizer.synthesize("你好", "sit/no-such-voice", 160, 0.8)


def test_missing_espeak_program_is_reported() -> None:
    with pytest.raises(SpeechError, match="not installed"):
        EspeakNgSynthesizer("/nonexistent/espeak-ng").open()
