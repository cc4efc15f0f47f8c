"""Choosing an engine, and the 'speech unavailable' state when none works."""

from __future__ import annotations

from pathlib import Path

import pytest

from devices.speech import (
    EspeakNgEngine,
    NullSpeech,
    SpeechError,
    WavFileSink,
    open_speech_engine,
)
from devices.speech.engine import SpeechEngine
from devices.speech.sink import AudioSink
from tests.unit.devices.speech.helpers import Recorder


def test_the_preferred_engine_is_pyttsx3(wav_sink: WavFileSink) -> None:
    engine = open_speech_engine(wav_sink)
    try:
        assert engine.name == "pyttsx3"
        assert engine.status.health == "ok"
    finally:
        engine.close()


def test_falls_back_to_the_espeak_program_when_pyttsx3_fails(wav_sink: WavFileSink) -> None:
    def broken_pyttsx3(sink: AudioSink, rate: int, volume: float) -> SpeechEngine:
        raise SpeechError("libespeak-ng.so.1: cannot open shared object file")

    def espeak(sink: AudioSink, rate: int, volume: float) -> SpeechEngine:
        return EspeakNgEngine(sink, rate=rate, volume=volume)

    engine = open_speech_engine(wav_sink, builders={"pyttsx3": broken_pyttsx3, "espeak-ng": espeak})
    try:
        assert engine.name == "espeak-ng"
        assert engine.status.health == "ok"
    finally:
        engine.close()


def test_no_working_engine_gives_null_speech_with_every_reason(wav_sink: WavFileSink) -> None:
    def missing_program(sink: AudioSink, rate: int, volume: float) -> SpeechEngine:
        return EspeakNgEngine(sink, executable="/nonexistent/espeak-ng")

    def crashing(sink: AudioSink, rate: int, volume: float) -> SpeechEngine:
        raise OSError("segmentation fault in a driver")

    engine = open_speech_engine(
        wav_sink,
        engines=("pyttsx3", "espeak-ng", "festival"),
        builders={"pyttsx3": crashing, "espeak-ng": missing_program},
    )
    assert isinstance(engine, NullSpeech)
    assert engine.status.health == "absent"
    assert "segmentation fault" in engine.status.detail
    assert "not installed" in engine.status.detail
    assert "festival: unknown engine" in engine.status.detail


def test_null_speech_never_raises_and_still_reports_captions(tmp_path: Path) -> None:
    speech = NullSpeech("error", "sound card unplugged", rate=999, volume=-1)
    recorder = Recorder()
    speech.add_listener(recorder)
    assert speech.repeat_last() is False
    speech.speak("欢迎您，张*三。", "zh_CN", interrupt=True)
    speech.stop()
    speech.interrupt()
    assert speech.repeat_last() is True
    assert (
        recorder.events
        == [
            ("started", "欢迎您，张某三。"),
            ("finished", "欢迎您，张某三。", False),
        ]
        * 2
    )
    assert (speech.rate, speech.volume) == (400, 0.0)
    assert speech.voice_for("zh") == ""
    assert speech.status.health == "error"
    with pytest.raises(SpeechError, match="unplugged"):
        speech.synthesize_to_file("你好", "zh", tmp_path / "x.wav")
    speech.close()
