"""The queued engine over real espeak-ng: order, interruption, repetition, health."""

from __future__ import annotations

import threading
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.speech import (
    EspeakNgEngine,
    Pyttsx3Engine,
    QueuedSpeechEngine,
    SpeechError,
    WavFileSink,
)
from tests.unit.devices.speech.helpers import BrokenSpeaker, GatedSink, Recorder, wait_for

LONG_TEXT = (
    "第一句，请您仔细听。第二句，法律援助可以免费申请。第三句，请携带身份证件。"
    "第四句，工作时间为周一至周五。第五句，节假日休息。第六句，谢谢您的耐心。"
)
ENGINES = [Pyttsx3Engine, EspeakNgEngine]


def wav_duration(path: Path) -> float:
    with wave.open(str(path)) as reader:
        return reader.getnframes() / reader.getframerate()


@pytest.fixture(params=ENGINES, ids=["pyttsx3", "espeak-ng"])
def engine_class(request: pytest.FixtureRequest) -> type[QueuedSpeechEngine]:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def engine(
    engine_class: type[QueuedSpeechEngine], wav_sink: WavFileSink, recorder: Recorder
) -> Iterator[QueuedSpeechEngine]:
    speech = engine_class(wav_sink)  # type: ignore[call-arg]
    speech.add_listener(recorder)
    yield speech
    speech.close()


@pytest.fixture
def gated_engine(gated_sink: GatedSink, recorder: Recorder) -> Iterator[QueuedSpeechEngine]:
    speech = Pyttsx3Engine(gated_sink)
    speech.add_listener(recorder)
    yield speech
    gated_sink.gate.set()
    speech.close()


def test_engine_starts_healthy_with_the_mandarin_pinyin_voice(engine: QueuedSpeechEngine) -> None:
    assert engine.status.health == "ok"
    assert engine.voice_for("zh_CN") == "sit/cmn-latn-pinyin"
    assert engine.voice_for("en") == "gmw/en-us"


def test_speech_reaches_the_sink_as_real_audio_with_started_then_finished(
    engine: QueuedSpeechEngine, wav_sink: WavFileSink, recorder: Recorder
) -> None:
    engine.speak("请把身份证放在读卡器上。谢谢。", "zh_CN")
    wait_for(lambda: recorder.of("finished"))
    assert recorder.events == [
        ("started", "请把身份证放在读卡器上。谢谢。"),
        ("finished", "请把身份证放在读卡器上。谢谢。", True),
    ]
    assert len(wav_sink.played) == 2  # one clip per sentence
    assert all(wav_duration(path) > 0.3 for path in wav_sink.played)


def test_utterances_play_in_the_order_they_were_queued(
    engine: QueuedSpeechEngine, recorder: Recorder
) -> None:
    for text in ("第一条。", "第二条。", "Third."):
        engine.speak(text, "zh" if text != "Third." else "en")
    wait_for(lambda: len(recorder.of("finished")) == 3)
    assert [event[1] for event in recorder.events] == [
        "第一条。",
        "第一条。",
        "第二条。",
        "第二条。",
        "Third.",
        "Third.",
    ]
    assert [event[0] for event in recorder.events] == ["started", "finished"] * 3


def test_synthesize_to_file_waits_for_a_complete_plausible_wav(
    engine: QueuedSpeechEngine, tmp_path: Path
) -> None:
    text = "公共法律服务中心为群众提供法律咨询和援助"
    path = engine.synthesize_to_file(text, "zh_CN", tmp_path / "zh.wav")
    assert path.is_file()
    assert 2.0 <= wav_duration(path) <= 8.0
    english = engine.synthesize_to_file("Legal aid is free.", "en", tmp_path / "en.wav")
    assert 0.5 <= wav_duration(english) <= 4.0


def test_synthesize_to_file_refuses_text_with_nothing_to_say(
    engine: QueuedSpeechEngine, tmp_path: Path
) -> None:
    with pytest.raises(SpeechError):
        engine.synthesize_to_file("。。。", "zh", tmp_path / "none.wav")
    assert not (tmp_path / "none.wav").exists()


def test_rate_and_volume_apply_to_what_follows(engine: QueuedSpeechEngine, tmp_path: Path) -> None:
    text = "请到三号窗口办理"
    engine.set_rate(100)
    slow = wav_duration(engine.synthesize_to_file(text, "zh", tmp_path / "slow.wav"))
    engine.set_rate(300)
    fast = wav_duration(engine.synthesize_to_file(text, "zh", tmp_path / "fast.wav"))
    assert fast < slow * 0.7
    engine.set_rate(10_000)
    engine.set_volume(7.5)
    assert engine.rate == 400
    assert engine.volume == 1.0


def test_interrupt_stops_a_long_text_after_the_piece_playing(
    gated_engine: QueuedSpeechEngine, gated_sink: GatedSink, recorder: Recorder
) -> None:
    gated_engine.speak(LONG_TEXT, "zh")
    wait_for(lambda: len(gated_sink.played) == 1)  # first sentence is "playing"
    gated_engine.speak("返回首页", "zh", interrupt=True)
    wait_for(lambda: len(recorder.of("finished")) == 1)
    assert recorder.events[:2] == [
        ("started", LONG_TEXT),
        ("finished", LONG_TEXT, False),
    ]
    assert gated_sink.stop_calls >= 1
    wait_for(lambda: len(gated_sink.played) == 2)
    gated_sink.gate.set()
    wait_for(lambda: len(recorder.of("finished")) == 2)
    assert recorder.events[2:] == [("started", "返回首页"), ("finished", "返回首页", True)]
    # Six sentences were queued; only the first and the new text ever reached the speaker.
    assert len(gated_sink.played) == 2


def test_stop_drops_everything_queued(
    gated_engine: QueuedSpeechEngine, gated_sink: GatedSink, recorder: Recorder
) -> None:
    gated_engine.speak("第一段。", "zh")
    gated_engine.speak("第二段。", "zh")
    gated_engine.speak("第三段。", "zh")
    wait_for(lambda: len(gated_sink.played) == 1)
    gated_engine.stop()
    wait_for(lambda: recorder.of("finished"))
    gated_sink.gate.set()
    gated_engine.speak("之后。", "zh")
    wait_for(lambda: ("finished", "之后。", True) in recorder.events)
    started = [event[1] for event in recorder.of("started")]
    assert started == ["第一段。", "之后。"]
    assert recorder.of("finished")[0] == ("finished", "第一段。", False)


def test_repeat_last_says_the_last_text_again(
    engine: QueuedSpeechEngine, recorder: Recorder
) -> None:
    assert engine.repeat_last() is False
    engine.speak("请取号。", "zh")
    wait_for(lambda: len(recorder.of("finished")) == 1)
    assert engine.repeat_last() is True
    wait_for(lambda: len(recorder.of("finished")) == 2)
    assert [event[1] for event in recorder.of("started")] == ["请取号。", "请取号。"]


def test_text_with_nothing_speakable_is_ignored(
    engine: QueuedSpeechEngine, recorder: Recorder, wav_sink: WavFileSink
) -> None:
    engine.speak("   ", "zh")
    engine.speak("***", "en")
    engine.speak("好。", "zh")
    wait_for(lambda: recorder.of("finished"))
    assert recorder.of("started") == [("started", "好。")]
    assert len(wav_sink.played) == 1


def test_no_sound_card_means_absent_health_but_captions_still_flow(
    tmp_path: Path, recorder: Recorder
) -> None:
    class NoSoundCard(WavFileSink):
        def probe(self) -> str | None:
            return "no sound card found"

    sink = NoSoundCard(tmp_path / "never")
    speech = Pyttsx3Engine(sink)
    speech.add_listener(recorder)
    try:
        assert speech.status.health == "absent"
        assert "no sound card" in speech.status.detail
        speech.speak("欢迎。", "zh")
        wait_for(lambda: recorder.of("finished"))
        assert recorder.of("started") == [("started", "欢迎。")]
        assert sink.played == []  # nothing sent to a speaker that is not there
    finally:
        speech.close()


def test_a_failing_speaker_turns_health_to_error_and_back(
    tmp_path: Path, recorder: Recorder
) -> None:
    sink = BrokenSpeaker(tmp_path / "played")
    speech = Pyttsx3Engine(sink)
    speech.add_listener(recorder)
    try:
        speech.speak("第一次。", "zh")
        wait_for(lambda: recorder.of("finished"))
        assert recorder.of("finished") == [("finished", "第一次。", False)]
        assert speech.status.health == "error"
        assert "device busy" in speech.status.detail
        sink.repair()
        speech.speak("第二次。", "zh")
        wait_for(lambda: len(recorder.of("finished")) == 2)
        assert speech.status.health == "ok"
        assert [event[1] for event in recorder.of("health")] == ["error", "ok"]
    finally:
        speech.close()


def test_a_missing_voice_prevents_start(wav_sink: WavFileSink) -> None:
    from devices.speech.synth import Pyttsx3Synthesizer

    with pytest.raises(SpeechError, match="no working voice"):
        QueuedSpeechEngine(
            Pyttsx3Synthesizer(),
            wav_sink,
            voice_preferences={"zh": ("sit/not-installed",), "en": ("gmw/en-us",)},
        )


def test_a_missing_espeak_program_prevents_start(wav_sink: WavFileSink) -> None:
    with pytest.raises(SpeechError, match="not installed"):
        EspeakNgEngine(wav_sink, executable="/nonexistent/espeak-ng")


def test_closed_engine_ignores_speech_and_refuses_files(
    wav_sink: WavFileSink, tmp_path: Path
) -> None:
    speech = EspeakNgEngine(wav_sink)
    speech.close()
    speech.speak("你好", "zh")
    with pytest.raises(SpeechError):
        speech.synthesize_to_file("你好", "zh", tmp_path / "x.wav")
    assert wav_sink.played == []


def test_many_threads_speaking_at_once_never_corrupt_the_audio(
    wav_sink: WavFileSink, recorder: Recorder
) -> None:
    speech = Pyttsx3Engine(wav_sink)
    speech.add_listener(recorder)
    try:
        threads = [
            threading.Thread(target=speech.speak, args=(f"第{i}号。", "zh")) for i in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wait_for(lambda: len(recorder.of("finished")) == 8)
        assert all(event[2] is True for event in recorder.of("finished"))
        durations = [wav_duration(path) for path in wav_sink.played]
        assert len(durations) == 8
        assert all(duration > 0.3 for duration in durations)
    finally:
        speech.close()
