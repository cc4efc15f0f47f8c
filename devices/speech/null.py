"""The 'speech unavailable' engine: accepts everything, plays nothing, never raises.

Listeners still hear of every utterance, so on-screen captions keep working
for a citizen who asked for read-aloud on a terminal whose speech is broken.
"""

from __future__ import annotations

from pathlib import Path

from devices.speech.engine import (
    DEFAULT_RATE_WPM,
    DEFAULT_VOLUME,
    SpeechError,
    SpeechHealth,
    SpeechListener,
    SpeechStatus,
    clamp_rate,
    clamp_volume,
)
from devices.speech.text import clean_for_speech, normalize_language


class NullSpeech:
    name = "none"

    def __init__(
        self,
        health: SpeechHealth = "absent",
        detail: str = "no speech engine",
        *,
        rate: int = DEFAULT_RATE_WPM,
        volume: float = DEFAULT_VOLUME,
    ) -> None:
        self._status = SpeechStatus(health, detail, self.name)
        self._rate = clamp_rate(rate)
        self._volume = clamp_volume(volume)
        self._listeners: list[SpeechListener] = []
        self._last: tuple[str, str] | None = None

    @property
    def status(self) -> SpeechStatus:
        return self._status

    @property
    def rate(self) -> int:
        return self._rate

    @property
    def volume(self) -> float:
        return self._volume

    def add_listener(self, listener: SpeechListener) -> None:
        self._listeners.append(listener)

    def voice_for(self, language: str) -> str:
        return ""

    def speak(self, text: str, language: str, *, interrupt: bool = False) -> None:
        language = normalize_language(language)
        caption = clean_for_speech(text, language)
        if not caption:
            return
        self._last = (text, language)
        for listener in list(self._listeners):
            listener.utterance_started(caption)
            listener.utterance_finished(caption, False)

    def stop(self) -> None:
        return None

    def interrupt(self) -> None:
        return None

    def forget_last(self) -> None:
        self._last = None

    def repeat_last(self) -> bool:
        if self._last is None:
            return False
        self.speak(*self._last, interrupt=True)
        return True

    def set_rate(self, words_per_minute: int) -> None:
        self._rate = clamp_rate(words_per_minute)

    def set_volume(self, volume: float) -> None:
        self._volume = clamp_volume(volume)

    def synthesize_to_file(
        self, text: str, language: str, path: Path, *, timeout_s: float = 10.0
    ) -> Path:
        raise SpeechError(f"speech unavailable: {self._status.detail}")

    def close(self) -> None:
        return None
