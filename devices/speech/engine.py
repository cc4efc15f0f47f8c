"""What every speech engine offers, and the small types they share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

# ok: speech works. absent: no engine or no sound output on this terminal.
# error: an engine or the sound output is there but failing.
SpeechHealth = Literal["ok", "absent", "error"]

# Voice ids as espeak-ng names them (the "File" column of `espeak-ng --voices`),
# best first. The plain sit/cmn voice reads the tone digits of pinyin aloud in
# English, so the pinyin variant comes first.
VOICE_PREFERENCES: dict[str, tuple[str, ...]] = {
    "zh": ("sit/cmn-latn-pinyin", "sit/cmn"),
    "en": ("gmw/en-us", "gmw/en"),
}

DEFAULT_RATE_WPM = 160
DEFAULT_VOLUME = 0.8
MIN_RATE_WPM = 80
MAX_RATE_WPM = 400


class SpeechError(Exception):
    """Synthesis or playback failed."""


@dataclass(frozen=True)
class SpeechStatus:
    """Health for the staff panel and the heartbeat, with a reason a technician can act on."""

    health: SpeechHealth
    detail: str = ""
    engine: str = ""


class SpeechListener(Protocol):
    """Receives what an engine does. Called from the engine's own threads: keep it short."""

    def utterance_started(self, text: str) -> None:
        """The first sound of ``text`` is about to play (``text`` as cleaned for speech)."""

    def utterance_finished(self, text: str, completed: bool) -> None:
        """``text`` ended: ``completed`` is False when it was stopped or failed."""

    def health_changed(self, status: SpeechStatus) -> None:
        """The engine's health changed."""


class SpeechEngine(Protocol):
    """Text in, sound out, one utterance after another."""

    name: str

    @property
    def status(self) -> SpeechStatus: ...

    @property
    def rate(self) -> int: ...

    @property
    def volume(self) -> float: ...

    def add_listener(self, listener: SpeechListener) -> None: ...

    def speak(self, text: str, language: str, *, interrupt: bool = False) -> None:
        """Queue ``text`` (or, with ``interrupt``, stop everything and say it at once)."""

    def stop(self) -> None:
        """Stop the current utterance now (audio included) and drop everything queued."""

    def interrupt(self) -> None:
        """Same as :meth:`stop`: what a new touch or a navigation does."""

    def repeat_last(self) -> bool:
        """Say the last utterance again (interrupting); False when nothing was said yet."""

    def set_rate(self, words_per_minute: int) -> None: ...

    def set_volume(self, volume: float) -> None: ...

    def synthesize_to_file(
        self, text: str, language: str, path: Path, *, timeout_s: float = 10.0
    ) -> Path:
        """Write ``text`` as a WAV file; returns once the complete file exists."""

    def voice_for(self, language: str) -> str:
        """The voice id used for ``language`` ('zh' or 'en'), '' when there is none."""

    def close(self) -> None:
        """Stop and release the engine's threads and processes."""


def clamp_rate(words_per_minute: int) -> int:
    return max(MIN_RATE_WPM, min(MAX_RATE_WPM, int(words_per_minute)))


def clamp_volume(volume: float) -> float:
    return max(0.0, min(1.0, float(volume)))
