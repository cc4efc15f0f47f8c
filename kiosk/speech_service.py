"""The read-aloud service the screens talk to: Qt signals over a speech engine.

Screens call ``speak`` / ``speak_now`` with display text; this service makes it
safe to say aloud (``kiosk.speech_text``: ID and mobile numbers only by their
last four), speaks it in the session's language, and reports back through
signals that are always emitted on the thread that owns the service (the GUI
thread), whatever thread the engine calls from (its calls go through an inbox,
``kiosk.ui_inbox``, never through signals emitted on its threads):

- ``speaking_started(str)``: the text now being spoken, for on-screen captions;
- ``speaking_finished()``: it ended (completed or interrupted);
- ``health_changed(str)``: ``ok`` / ``absent`` / ``error`` for the staff panel;
- ``read_aloud_changed(bool)``: the citizen's read-aloud toggle.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from devices.speech import (
    AudioSink,
    NullSpeech,
    SpeechEngine,
    SpeechStatus,
    normalize_language,
    open_speech_engine,
)
from kiosk.settings import Settings
from kiosk.speech_text import speakable
from kiosk.ui_inbox import UiInbox, ui_inbox

log = logging.getLogger("kiosk.speech")

_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]{2,}")


class SpeechService(QObject):
    speaking_started = Signal(str)
    speaking_finished = Signal()
    health_changed = Signal(str)
    read_aloud_changed = Signal(bool)

    def __init__(
        self,
        engine: SpeechEngine,
        *,
        enabled: bool = True,
        default_rate: int = 160,
        default_volume: float = 0.8,
        language: str = "zh_CN",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._enabled = enabled
        self._default_rate = default_rate
        self._default_volume = default_volume
        self._language = language
        self._read_aloud = False
        self._speaking = 0
        self._last_caption = ""
        self._health: str = engine.status.health
        self._health_detail = engine.status.detail
        # The engine reports from its own threads: through the inbox, its reports
        # reach this object's thread (see kiosk.ui_inbox), for as long as it is open.
        self._inbox = ui_inbox()
        self._inbox.listen()
        self._listening = True
        engine.add_listener(_EngineRelay(self, self._inbox))
        engine.set_rate(default_rate)
        engine.set_volume(default_volume)

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        sink: AudioSink | None = None,
        engine: SpeechEngine | None = None,
        parent: QObject | None = None,
    ) -> SpeechService:
        """The service configured by ``speech.*`` and ``ui.language``; never raises."""
        enabled = bool(settings["speech.enabled"])
        rate = int(settings["speech.rate"])
        volume = float(settings["speech.volume"])
        if engine is None:
            if enabled:
                engine = open_speech_engine(sink, rate=rate, volume=volume)
            else:
                engine = NullSpeech("absent", "read-aloud disabled (speech.enabled = false)")
        return cls(
            engine,
            enabled=enabled,
            default_rate=rate,
            default_volume=volume,
            language=str(settings["ui.language"]),
            parent=parent,
        )

    # --- state --------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        """Read-aloud is allowed on this terminal (setting ``speech.enabled``)."""
        return self._enabled

    @property
    def read_aloud(self) -> bool:
        """The citizen turned read-aloud on (the top-bar toggle)."""
        return self._read_aloud

    @property
    def health(self) -> str:
        return self._health

    @property
    def health_detail(self) -> str:
        return self._health_detail

    @property
    def engine_name(self) -> str:
        return self._engine.name

    @property
    def language(self) -> str:
        return self._language

    @property
    def rate(self) -> int:
        return self._engine.rate

    @property
    def volume(self) -> float:
        return self._engine.volume

    @property
    def is_speaking(self) -> bool:
        return self._speaking > 0

    @property
    def last_caption(self) -> str:
        """The text of the last utterance that started (what a caption shows)."""
        return self._last_caption

    def voice_for_language(self, language: str) -> str:
        """The voice id the engine uses for ``language`` ('' when it has none)."""
        return self._engine.voice_for(language)

    def voice(self) -> str:
        """The voice id used for the current language ('' when speech is unavailable)."""
        return self._engine.voice_for(self._language)

    # --- commands -----------------------------------------------------------------

    def speak(self, text: str) -> None:
        """Queue ``text`` after whatever is being said."""
        self._say(text, interrupt=False)

    def speak_now(self, text: str) -> None:
        """Stop what is being said and say ``text`` at once (a tap, a new screen)."""
        self._say(text, interrupt=True)

    def announce(self, text: str) -> None:
        """``speak_now`` when the citizen has read-aloud on, else nothing."""
        if self._read_aloud:
            self.speak_now(text)

    def stop(self) -> None:
        self._engine.stop()

    def repeat_last(self) -> bool:
        """Say the last text again; False when nothing was said yet."""
        if not self._enabled:
            return False
        return self._engine.repeat_last()

    def set_rate(self, words_per_minute: int) -> None:
        self._engine.set_rate(words_per_minute)

    def set_volume(self, volume: float) -> None:
        self._engine.set_volume(volume)

    def set_language(self, language: str) -> None:
        """Follow the session language ('zh_CN' or 'en')."""
        self._language = language

    def set_read_aloud(self, on: bool) -> None:
        on = bool(on) and self._enabled
        if on == self._read_aloud:
            return
        self._read_aloud = on
        if not on:
            self._engine.stop()
        self.read_aloud_changed.emit(on)

    def reset_to_defaults(self) -> None:
        """Session end: silence, read-aloud off, default rate and volume, nothing to repeat."""
        self._engine.stop()
        # What the last citizen heard (a greeting with their masked name) is not kept.
        self._last_caption = ""
        forget_last = getattr(self._engine, "forget_last", None)
        if forget_last is not None:
            forget_last()
        self._engine.set_rate(self._default_rate)
        self._engine.set_volume(self._default_volume)
        self.set_read_aloud(False)

    def synthesize_to_file(self, text: str, path: Path) -> Path:
        """Staff diagnosis: the current language's voice into a WAV file (raises SpeechError)."""
        return self._engine.synthesize_to_file(
            speakable(text, self._language), self._language, path
        )

    def close(self) -> None:
        self._engine.close()
        if self._listening:
            self._listening = False
            self._inbox.stop_listening()

    def _say(self, text: str, *, interrupt: bool) -> None:
        if not self._enabled:
            return
        text = str(text or "")
        language = self.language_for(text)
        safe = speakable(text, language)
        if not safe:
            if interrupt:
                self._engine.stop()
            return
        self._engine.speak(safe, language, interrupt=interrupt)

    def language_for(self, text: str) -> str:
        """The voice language for ``text``: Mandarin for any Hanzi (law texts are Chinese
        even in an English session), English for Latin-only text, else the session's."""
        if _HANZI.search(text):
            return "zh"
        if _LATIN.search(text):
            return "en"
        return normalize_language(self._language)

    # --- relays (this object's thread) ----------------------------------------------

    def _on_engine_started(self, text: str) -> None:
        self._speaking += 1
        self._last_caption = text
        self.speaking_started.emit(text)

    def _on_engine_finished(self, text: str, completed: bool) -> None:
        self._speaking = max(0, self._speaking - 1)
        self.speaking_finished.emit()

    def _on_engine_health(self, health: str, detail: str) -> None:
        self._health_detail = detail
        if health != self._health:
            self._health = health
            log.info("speech health %s %s", health, detail)
            self.health_changed.emit(health)


class _EngineRelay:
    """The engine's listener: posts its calls (from its threads) to the service's thread."""

    def __init__(self, service: SpeechService, inbox: UiInbox) -> None:
        self._service = service
        self._inbox = inbox

    def utterance_started(self, text: str) -> None:
        self._inbox.post(self._service._on_engine_started, text)

    def utterance_finished(self, text: str, completed: bool) -> None:
        self._inbox.post(self._service._on_engine_finished, text, completed)

    def health_changed(self, status: SpeechStatus) -> None:
        self._inbox.post(self._service._on_engine_health, status.health, status.detail)
