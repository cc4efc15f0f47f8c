"""The Qt read-aloud service over the real engine, audio captured as WAV files."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from devices.speech import NullSpeech, Pyttsx3Engine, WavFileSink
from kiosk.settings import load_settings
from kiosk.speech_service import SpeechService
from tests.unit.devices.speech.helpers import BrokenSpeaker, GatedSink

ID_NUMBER = "110105194912310021"


@pytest.fixture
def sink(tmp_path: Path) -> WavFileSink:
    return WavFileSink(tmp_path / "played")


@pytest.fixture
def service(sink: WavFileSink) -> Iterator[SpeechService]:
    speech = SpeechService.from_settings(load_settings(environ={}), sink=sink)
    yield speech
    speech.close()


def test_built_from_settings_with_their_defaults(service: SpeechService) -> None:
    assert service.enabled is True
    assert service.engine_name == "pyttsx3"
    assert service.health == "ok"
    assert (service.rate, service.volume) == (160, 0.8)
    assert service.language == "zh_CN"
    assert service.voice() == "sit/cmn-latn-pinyin"
    service.set_language("en")
    assert service.voice() == "gmw/en-us"


def test_spoken_text_is_captioned_masked_and_signals_arrive_on_the_gui_thread(
    qtbot: QtBot, service: SpeechService, sink: WavFileSink
) -> None:
    threads: list[QThread] = []
    captions: list[str] = []
    service.speaking_started.connect(lambda text: threads.append(QThread.currentThread()))
    service.speaking_started.connect(captions.append)
    with qtbot.waitSignals(
        [service.speaking_started, service.speaking_finished], order="strict", timeout=10_000
    ):
        service.speak(f"您的身份证号{ID_NUMBER}已核验，欢迎您，张*三。")
    [caption] = captions
    assert caption == "您的身份证号尾号 0 0 2 1 已核验，欢迎您，张某三。"
    assert ID_NUMBER not in caption
    assert service.last_caption == caption
    assert threads == [service.thread()]
    assert sink.played
    assert not service.is_speaking


def test_speak_now_interrupts(qtbot: QtBot, tmp_path: Path) -> None:
    sink = GatedSink(tmp_path / "played")
    speech = SpeechService(Pyttsx3Engine(sink))
    captions: list[str] = []
    finished: list[bool] = []
    speech.speaking_started.connect(captions.append)
    speech.speaking_finished.connect(lambda: finished.append(True))
    try:
        speech.speak("第一句。第二句。第三句。第四句。")
        qtbot.waitUntil(lambda: captions == ["第一句。第二句。第三句。第四句。"], timeout=10_000)
        speech.speak_now("返回首页")
        qtbot.waitUntil(lambda: len(captions) == 2, timeout=10_000)
        assert captions[1] == "返回首页"
        assert finished == [True]  # the long text ended before the new one began
        assert speech.is_speaking
        sink.gate.set()
        qtbot.waitUntil(lambda: len(finished) == 2, timeout=10_000)
        assert len(sink.played) == 2
    finally:
        sink.gate.set()
        speech.close()


def test_repeat_last_and_language_follow_the_session(qtbot: QtBot, service: SpeechService) -> None:
    assert service.repeat_last() is False
    service.set_language("en")
    with qtbot.waitSignal(service.speaking_finished, timeout=10_000):
        service.speak("Please take a number.")
    with qtbot.waitSignal(service.speaking_started, timeout=10_000) as blocker:
        assert service.repeat_last() is True
    assert blocker.args == ["Please take a number."]


def test_reset_to_defaults_after_a_session(qtbot: QtBot, service: SpeechService) -> None:
    with qtbot.waitSignal(service.read_aloud_changed) as blocker:
        service.set_read_aloud(True)
    assert blocker.args == [True]
    service.set_rate(300)
    service.set_volume(0.2)
    assert (service.rate, service.volume) == (300, 0.2)
    service.reset_to_defaults()
    assert (service.rate, service.volume) == (160, 0.8)
    assert service.read_aloud is False


def test_announce_speaks_only_in_read_aloud_mode(qtbot: QtBot, service: SpeechService) -> None:
    with qtbot.assertNotEmitted(service.speaking_started, wait=200):
        service.announce("首页")
    service.set_read_aloud(True)
    with qtbot.waitSignal(service.speaking_started, timeout=10_000) as blocker:
        service.announce("首页")
    assert blocker.args == ["首页"]


def test_disabled_by_settings_says_nothing_and_starts_no_engine(qtbot: QtBot) -> None:
    settings = load_settings(environ={"LEGAL_KIOSK_SPEECH__ENABLED": "false"})
    before = {thread.name for thread in threading.enumerate()}
    speech = SpeechService.from_settings(settings)
    assert speech.enabled is False
    assert speech.health == "absent"
    assert "speech.enabled" in speech.health_detail
    speech.set_read_aloud(True)
    assert speech.read_aloud is False
    with qtbot.assertNotEmitted(speech.speaking_started, wait=200):
        speech.speak("你好")
        speech.speak_now("你好")
        assert speech.repeat_last() is False
    assert not any(
        t.name.startswith("speech-") for t in threading.enumerate() if t.name not in before
    )


def test_speech_unavailable_still_gives_captions(qtbot: QtBot) -> None:
    speech = SpeechService(NullSpeech("absent", "no speech engine"))
    assert speech.health == "absent"
    with qtbot.waitSignals([speech.speaking_started, speech.speaking_finished], timeout=2000):
        speech.speak_now("请到3号窗口")
    assert speech.last_caption == "请到3号窗口"


def test_health_changed_reaches_staff(qtbot: QtBot, tmp_path: Path) -> None:
    sink = BrokenSpeaker(tmp_path / "played")
    speech = SpeechService(Pyttsx3Engine(sink))
    try:
        with qtbot.waitSignal(speech.health_changed, timeout=10_000) as blocker:
            speech.speak("测试")
        assert blocker.args == ["error"]
        assert "device busy" in speech.health_detail
        sink.repair()
        with qtbot.waitSignal(speech.health_changed, timeout=10_000) as blocker:
            speech.speak("测试")
        assert blocker.args == ["ok"]
    finally:
        speech.close()


def test_synthesize_to_file_for_staff_masks_too(service: SpeechService, tmp_path: Path) -> None:
    path = service.synthesize_to_file(f"身份证{ID_NUMBER}", tmp_path / "check.wav")
    assert path.stat().st_size > 1000


def test_voice_follows_the_text_as_well_as_the_session(service: SpeechService) -> None:
    service.set_language("en")
    assert service.language_for("《民法典》第1077条") == "zh"  # law texts stay Chinese
    assert service.language_for("Please wait") == "en"
    assert service.language_for("12348") == "en"
    service.set_language("zh_CN")
    assert service.language_for("12348") == "zh"
    assert service.language_for("Legal aid") == "en"


def test_an_english_session_reading_chinese_masks_with_the_chinese_label(
    qtbot: QtBot, service: SpeechService
) -> None:
    service.set_language("en")
    with qtbot.waitSignal(service.speaking_started, timeout=10_000) as blocker:
        service.speak_now("手机13812345678")
    assert blocker.args == ["手机尾号 5 6 7 8"]


def test_reset_to_defaults_forgets_what_the_citizen_heard(
    qtbot: QtBot, service: SpeechService
) -> None:
    with qtbot.waitSignal(service.speaking_finished, timeout=10_000):
        service.speak_now("欢迎您，张*三")
    assert service.last_caption == "欢迎您，张某三"
    service.reset_to_defaults()
    assert service.last_caption == ""
    assert service.repeat_last() is False  # nothing of the last citizen to say again


def test_null_speech_forgets_too() -> None:
    engine = NullSpeech("absent", "no engine")
    engine.speak("欢迎您", "zh")
    engine.forget_last()
    assert engine.repeat_last() is False
