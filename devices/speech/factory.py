"""Choosing the best speech engine that works on this terminal."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from devices.speech.engine import DEFAULT_RATE_WPM, DEFAULT_VOLUME, SpeechEngine, SpeechError
from devices.speech.null import NullSpeech
from devices.speech.queued import EspeakNgEngine, Pyttsx3Engine
from devices.speech.sink import AplaySink, AudioSink

log = logging.getLogger("devices.speech")

EngineBuilder = Callable[[AudioSink, int, float], SpeechEngine]

# Best first. Each builder raises SpeechError when its engine cannot work here.
ENGINE_RANKING: dict[str, EngineBuilder] = {
    "pyttsx3": lambda sink, rate, volume: Pyttsx3Engine(sink, rate=rate, volume=volume),
    "espeak-ng": lambda sink, rate, volume: EspeakNgEngine(sink, rate=rate, volume=volume),
}


def open_speech_engine(
    sink: AudioSink | None = None,
    *,
    rate: int = DEFAULT_RATE_WPM,
    volume: float = DEFAULT_VOLUME,
    engines: Sequence[str] = ("pyttsx3", "espeak-ng"),
    builders: dict[str, EngineBuilder] | None = None,
) -> SpeechEngine:
    """The first engine in ``engines`` that starts, else a NullSpeech saying why.

    Never raises: a terminal without speech still runs, and staff see the reason.
    """
    builders = builders if builders is not None else ENGINE_RANKING
    sink = sink if sink is not None else AplaySink()
    reasons: list[str] = []
    for name in engines:
        builder = builders.get(name)
        if builder is None:
            reasons.append(f"{name}: unknown engine")
            continue
        try:
            return builder(sink, rate, volume)
        except SpeechError as error:
            log.warning("speech engine %s unavailable: %s", name, error)
            reasons.append(f"{name}: {error}")
        except Exception as error:  # a broken installation must not stop the kiosk
            log.exception("speech engine %s crashed while starting", name)
            reasons.append(f"{name}: {type(error).__name__}: {error}")
    detail = "; ".join(reasons) or "no speech engine configured"
    return NullSpeech("absent", detail, rate=rate, volume=volume)
