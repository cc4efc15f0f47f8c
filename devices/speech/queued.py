"""The speech engine proper: a synthesis thread owning one synthesizer, a playback thread
owning the sink, and the queue between them.

Splitting the two keeps the first sound fast (the first sentence plays while
the next is synthesized) and keeps ``synthesize_to_file`` from waiting behind
a long text being read aloud. Every utterance carries its own cancellation
event: ``stop()`` sets it on everything queued or playing and kills the
playback process, so a new touch silences the speaker at once and nothing
queued before it is heard afterwards.
"""

from __future__ import annotations

import logging
import queue
import threading
from dataclasses import dataclass, field
from pathlib import Path

from devices.speech.audio import AudioClip
from devices.speech.engine import (
    DEFAULT_RATE_WPM,
    DEFAULT_VOLUME,
    VOICE_PREFERENCES,
    SpeechError,
    SpeechHealth,
    SpeechListener,
    SpeechStatus,
    clamp_rate,
    clamp_volume,
)
from devices.speech.sink import AudioSink, SilentSink
from devices.speech.synth import EspeakNgSynthesizer, Pyttsx3Synthesizer, Synthesizer
from devices.speech.text import clean_for_speech, normalize_language, split_for_speech

log = logging.getLogger("devices.speech")

# A phrase in each language synthesized at start-up: proves engine and voices work.
_PROBE_TEXT = {"zh": "测试", "en": "test"}


@dataclass(eq=False)
class _Utterance:
    text: str
    language: str
    pieces: list[str]
    cancelled: threading.Event = field(default_factory=threading.Event)
    started: bool = False
    finished: bool = False


@dataclass(eq=False)
class _FileJob:
    text: str
    language: str
    path: Path
    done: threading.Event = field(default_factory=threading.Event)
    error: Exception | None = None


@dataclass(eq=False)
class _Piece:
    """A synthesized piece for the playback thread; ``clip`` None marks the end."""

    utterance: _Utterance
    clip: AudioClip | None
    failed: bool = False


_CLOSE = object()


class QueuedSpeechEngine:
    """A :class:`~devices.speech.engine.SpeechEngine` over any synthesizer and sink.

    The constructor starts both threads and returns once the synthesizer has
    proved it can speak both languages; it raises SpeechError otherwise. A sink
    that cannot play here (no sound card) is replaced by a silent one and the
    health becomes ``absent``: captions and file synthesis keep working.
    """

    def __init__(
        self,
        synthesizer: Synthesizer,
        sink: AudioSink,
        *,
        rate: int = DEFAULT_RATE_WPM,
        volume: float = DEFAULT_VOLUME,
        voice_preferences: dict[str, tuple[str, ...]] | None = None,
        start_timeout_s: float = 15.0,
    ) -> None:
        self.name = synthesizer.name
        self._synthesizer = synthesizer
        self._rate = clamp_rate(rate)
        self._volume = clamp_volume(volume)
        self._preferences = voice_preferences or VOICE_PREFERENCES
        self._voices: dict[str, str] = {}
        self._lock = threading.Lock()
        self._listeners: list[SpeechListener] = []
        self._live: list[_Utterance] = []
        self._last: tuple[str, str] | None = None
        self._commands: queue.Queue[object] = queue.Queue()
        self._playback: queue.Queue[object] = queue.Queue()
        self._closed = False

        problem = sink.probe()
        self._sink: AudioSink = sink if problem is None else SilentSink()
        self._baseline = SpeechStatus("ok", "", self.name)
        if problem is not None:
            self._baseline = SpeechStatus("absent", f"no sound output: {problem}", self.name)
        self._status = self._baseline

        self._ready = threading.Event()
        self._start_error: Exception | None = None
        self._synthesis_thread = threading.Thread(
            target=self._synthesis_main, name=f"speech-synthesis-{self.name}", daemon=True
        )
        self._playback_thread = threading.Thread(
            target=self._playback_main, name=f"speech-playback-{self.name}", daemon=True
        )
        self._synthesis_thread.start()
        if not self._ready.wait(start_timeout_s):
            self._start_error = SpeechError(f"{self.name} did not start in {start_timeout_s} s")
        if self._start_error is not None:
            self._commands.put(_CLOSE)
            raise SpeechError(str(self._start_error)) from self._start_error
        self._playback_thread.start()
        log.info(
            "speech engine %s ready: voices %s, sink %s, health %s %s",
            self.name,
            self._voices,
            self._sink.name,
            self._status.health,
            self._status.detail,
        )

    # --- public API ---------------------------------------------------------------

    @property
    def status(self) -> SpeechStatus:
        return self._status

    @property
    def rate(self) -> int:
        return self._rate

    @property
    def volume(self) -> float:
        return self._volume

    @property
    def sink(self) -> AudioSink:
        return self._sink

    def add_listener(self, listener: SpeechListener) -> None:
        self._listeners.append(listener)

    def voice_for(self, language: str) -> str:
        return self._voices.get(normalize_language(language), "")

    def speak(self, text: str, language: str, *, interrupt: bool = False) -> None:
        language = normalize_language(language)
        pieces = split_for_speech(text, language)
        utterance = _Utterance(clean_for_speech(text, language), language, pieces)
        with self._lock:
            if self._closed:
                return
            if interrupt:
                self._cancel_all_locked()
            if pieces:
                self._last = (text, language)
                self._live.append(utterance)
                self._commands.put(utterance)
        if interrupt:
            self._sink.stop()

    def stop(self) -> None:
        with self._lock:
            self._cancel_all_locked()
        self._sink.stop()

    def interrupt(self) -> None:
        self.stop()

    def repeat_last(self) -> bool:
        last = self._last
        if last is None:
            return False
        self.speak(last[0], last[1], interrupt=True)
        return True

    def forget_last(self) -> None:
        """Drop the text kept for :meth:`repeat_last` (a citizen's session ended)."""
        with self._lock:
            self._last = None

    def set_rate(self, words_per_minute: int) -> None:
        self._rate = clamp_rate(words_per_minute)

    def set_volume(self, volume: float) -> None:
        self._volume = clamp_volume(volume)

    def synthesize_to_file(
        self, text: str, language: str, path: Path, *, timeout_s: float = 10.0
    ) -> Path:
        job = _FileJob(text, normalize_language(language), Path(path))
        if self._closed:
            raise SpeechError("speech engine is closed")
        self._commands.put(job)
        if not job.done.wait(timeout_s):
            raise SpeechError(f"no audio file after {timeout_s} s")
        if job.error is not None:
            raise SpeechError(str(job.error)) from job.error
        if not job.path.is_file():
            raise SpeechError(f"{job.path} was not written")
        return job.path

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._cancel_all_locked()
        self._sink.stop()
        self._commands.put(_CLOSE)
        self._playback.put(_CLOSE)
        self._synthesis_thread.join(5)
        if self._playback_thread.is_alive():
            self._playback_thread.join(5)

    # --- synthesis thread ---------------------------------------------------------

    def _synthesis_main(self) -> None:
        try:
            self._synthesizer.open()
            self._choose_voices()
        except Exception as error:
            log.warning("speech engine %s cannot start: %s", self.name, error)
            self._start_error = error
            self._ready.set()
            self._close_synthesizer()
            return
        self._ready.set()
        while True:
            command = self._commands.get()
            if command is _CLOSE:
                break
            if isinstance(command, _FileJob):
                self._write_file(command)
            elif isinstance(command, _Utterance):
                self._synthesize_utterance(command)
        self._close_synthesizer()

    def _close_synthesizer(self) -> None:
        try:
            self._synthesizer.close()
        except Exception:
            log.exception("closing speech synthesizer %s failed", self.name)

    def _choose_voices(self) -> None:
        installed = self._synthesizer.available_voices()
        for language, candidates in self._preferences.items():
            for voice in candidates:
                if voice.lower() not in installed:
                    continue
                clip = self._synthesizer.synthesize(
                    _PROBE_TEXT.get(language, "test"), voice, self._rate, self._volume
                )
                if clip.frames:
                    self._voices[language] = voice
                    break
            else:
                raise SpeechError(f"no working voice for {language!r} among {candidates}")

    def _synthesize_utterance(self, utterance: _Utterance) -> None:
        failed = False
        voice = self._voices[utterance.language]
        for piece in utterance.pieces:
            if utterance.cancelled.is_set():
                break
            try:
                clip = self._synthesizer.synthesize(piece, voice, self._rate, self._volume)
            except Exception as error:
                log.warning("speech synthesis failed: %s", error)
                self._set_status("error", f"synthesis failed: {error}")
                failed = True
                break
            self._playback.put(_Piece(utterance, clip))
        self._playback.put(_Piece(utterance, None, failed=failed))

    def _write_file(self, job: _FileJob) -> None:
        try:
            voice = self._voices[job.language]
            pieces = split_for_speech(job.text, job.language)
            if not pieces:
                raise SpeechError("nothing speakable in the text")
            clips = [
                self._synthesizer.synthesize(piece, voice, self._rate, self._volume)
                for piece in pieces
            ]
            AudioClip.concatenate(clips).write_wav(job.path)
        except Exception as error:
            job.error = error
        finally:
            job.done.set()

    # --- playback thread ----------------------------------------------------------

    def _playback_main(self) -> None:
        while True:
            item = self._playback.get()
            if item is _CLOSE:
                break
            assert isinstance(item, _Piece)
            self._play(item)

    def _play(self, piece: _Piece) -> None:
        utterance = piece.utterance
        if utterance.finished:
            return
        if utterance.cancelled.is_set():
            if utterance.started:
                self._finish(utterance, completed=False)
            else:
                utterance.finished = True  # dropped before a sound: nothing to report
                self._forget(utterance)
            return
        if not utterance.started:
            utterance.started = True
            self._notify("utterance_started", utterance.text)
        if piece.clip is None:
            self._finish(utterance, completed=not piece.failed)
            return
        try:
            played = self._sink.play(piece.clip, utterance.cancelled)
        except Exception as error:
            log.warning("audio playback failed: %s", error)
            self._set_status("error", f"playback failed: {error}")
            played = False
        else:
            if played:
                self._set_status(self._baseline.health, self._baseline.detail)
        if not played:
            self._finish(utterance, completed=False)

    def _finish(self, utterance: _Utterance, completed: bool) -> None:
        utterance.finished = True
        self._forget(utterance)
        self._notify("utterance_finished", utterance.text, completed)

    def _forget(self, utterance: _Utterance) -> None:
        with self._lock:
            if utterance in self._live:
                self._live.remove(utterance)

    # --- shared -------------------------------------------------------------------

    def _cancel_all_locked(self) -> None:
        for utterance in self._live:
            utterance.cancelled.set()

    def _set_status(self, health: SpeechHealth, detail: str) -> None:
        status = SpeechStatus(health, detail, self.name)
        if status == self._status:
            return
        self._status = status
        self._notify("health_changed", status)

    def _notify(self, method: str, *args: object) -> None:
        for listener in list(self._listeners):
            try:
                getattr(listener, method)(*args)
            except Exception:
                log.exception("speech listener %s failed", method)


class Pyttsx3Engine(QueuedSpeechEngine):
    """Speech through pyttsx3 (espeak driver) in one dedicated thread: the preferred engine."""

    def __init__(
        self, sink: AudioSink, *, rate: int = DEFAULT_RATE_WPM, volume: float = DEFAULT_VOLUME
    ) -> None:
        super().__init__(Pyttsx3Synthesizer(), sink, rate=rate, volume=volume)


class EspeakNgEngine(QueuedSpeechEngine):
    """Speech through the espeak-ng program: the fallback when pyttsx3 cannot start."""

    def __init__(
        self,
        sink: AudioSink,
        *,
        rate: int = DEFAULT_RATE_WPM,
        volume: float = DEFAULT_VOLUME,
        executable: str = "espeak-ng",
    ) -> None:
        super().__init__(EspeakNgSynthesizer(executable), sink, rate=rate, volume=volume)
