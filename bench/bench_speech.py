"""Tap -> first audio sample: time from ``SpeechService.speak_now()`` to the first
synthesized samples being handed to the audio sink (target <= 150 ms).

The sink here only timestamps the hand-over (no sound card needed), so the
figure is the kiosk's own latency: masking, splitting, queueing, synthesis of
the first sentence. aplay's start-up on a real sound card comes on top.
"""

from __future__ import annotations

import shutil
import statistics
import threading
import time
from typing import Any

from PySide6.QtCore import QCoreApplication

from devices.speech import (
    AplaySink,
    AudioClip,
    EspeakNgEngine,
    Pyttsx3Engine,
    QueuedSpeechEngine,
)
from kiosk.speech_service import SpeechService

PHRASES = {
    "zh_CN": [
        "首页",
        "法律咨询",
        "法律援助",
        "人民调解",
        "公证服务",
        "返回",
        "下一步",
        "提交",
        "请把身份证放在读卡器上",
        "欢迎您，张某三",
        "搜索法律法规",
        "离婚冷静期",
        "劳动合同纠纷",
        "请选择您要办理的业务",
        "已为您取号",
        "请到三号窗口",
        "朗读此页",
        "放大字体",
        "退出登录",
        "再听一遍",
    ],
    "en": [
        "Home",
        "Legal advice",
        "Legal aid",
        "Mediation",
        "Notary services",
        "Back",
        "Next",
        "Submit",
        "Place your ID card on the reader",
        "Welcome",
        "Search laws",
        "Divorce cooling-off period",
        "Labour contract disputes",
        "Please choose a service",
        "Your number is ready",
        "Please go to window three",
        "Read this page",
        "Larger text",
        "Log out",
        "Repeat",
    ],
}

LONG_TEXT = (
    "离婚冷静期是指在协议离婚中，给予双方当事人的一段冷静思考时间。"
    "自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚的，"
    "可以向婚姻登记机关撤回离婚登记申请。"
) * 6


class _TimestampSink:
    """Records when the first clip of an utterance arrives; plays instantly."""

    name = "timestamp"

    def __init__(self) -> None:
        self.arrived = threading.Event()
        self.at = 0.0

    def probe(self) -> str | None:
        return None

    def play(self, clip: AudioClip, cancelled: threading.Event) -> bool:
        if not self.arrived.is_set() and clip.frames:
            self.at = time.perf_counter()
            self.arrived.set()
        return not cancelled.is_set()

    def stop(self) -> None:
        return None


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))
    return ordered[index]


def _measure(engine_class: type[QueuedSpeechEngine]) -> dict[str, Any]:
    sink = _TimestampSink()
    service = SpeechService(engine_class(sink))  # type: ignore[call-arg]
    figures: dict[str, Any] = {}
    try:
        for language, phrases in PHRASES.items():
            service.set_language(language)
            samples = []
            for phrase in phrases:
                sink.arrived.clear()
                start = time.perf_counter()
                service.speak_now(phrase)
                if not sink.arrived.wait(5):
                    raise RuntimeError(f"no audio for {phrase!r}")
                samples.append((sink.at - start) * 1000)
            key = "zh" if language == "zh_CN" else "en"
            figures[f"first_audio_{key}_median_ms"] = round(statistics.median(samples), 1)
            figures[f"first_audio_{key}_p95_ms"] = round(_percentile(samples, 0.95), 1)
            figures[f"first_audio_{key}_max_ms"] = round(max(samples), 1)
        service.set_language("zh_CN")
        samples = []
        for _ in range(10):
            sink.arrived.clear()
            start = time.perf_counter()
            service.speak_now(LONG_TEXT)
            sink.arrived.wait(5)
            samples.append((sink.at - start) * 1000)
        figures[f"first_audio_long_{len(LONG_TEXT)}_chars_median_ms"] = round(
            statistics.median(samples), 1
        )
    finally:
        service.close()
    return figures


def _aplay_start_ms() -> float | None:
    """aplay playing 50 ms of audio to ALSA's null device: the process cost a real
    sound card adds on top of the figures above (the card's own buffer not included)."""
    if shutil.which("aplay") is None:
        return None
    sink = AplaySink(device="null")
    clip = AudioClip(b"\0\0" * 1102)
    samples = []
    for _ in range(20):
        start = time.perf_counter()
        sink.play(clip, threading.Event())
        samples.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(samples), 1)


def run() -> dict[str, Any]:
    # The speech service hands its events to the UI thread's inbox, which needs an
    # application (the kiosk has one); the figures are taken at the sink.
    _app = QCoreApplication.instance() or QCoreApplication([])
    results: dict[str, Any] = {"aplay_null_device_play_50ms_clip_median_ms": _aplay_start_ms()}
    for engine_class in (Pyttsx3Engine, EspeakNgEngine):
        for name, value in _measure(engine_class).items():
            results[f"{engine_class.__name__}.{name}"] = value
    return results


if __name__ == "__main__":
    for figure, value in run().items():
        print(f"{figure}: {value}")
