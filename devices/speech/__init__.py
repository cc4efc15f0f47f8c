"""Speech output for citizens who need the screen read to them.

``open_speech_engine()`` returns the best engine that works here:
:class:`Pyttsx3Engine`, else :class:`EspeakNgEngine`, else :class:`NullSpeech`
(health ``absent`` with the reason). Audio goes to an injectable sink:
:class:`AplaySink` (the speaker), :class:`SilentSink`, :class:`WavFileSink`.
"""

from devices.speech.audio import AudioClip, clip_from_wav_bytes
from devices.speech.engine import (
    DEFAULT_RATE_WPM,
    DEFAULT_VOLUME,
    VOICE_PREFERENCES,
    SpeechEngine,
    SpeechError,
    SpeechHealth,
    SpeechListener,
    SpeechStatus,
)
from devices.speech.factory import ENGINE_RANKING, open_speech_engine
from devices.speech.null import NullSpeech
from devices.speech.queued import EspeakNgEngine, Pyttsx3Engine, QueuedSpeechEngine
from devices.speech.sink import AplaySink, AudioSink, SilentSink, WavFileSink
from devices.speech.text import clean_for_speech, normalize_language, split_for_speech

__all__ = [
    "DEFAULT_RATE_WPM",
    "DEFAULT_VOLUME",
    "ENGINE_RANKING",
    "VOICE_PREFERENCES",
    "AplaySink",
    "AudioClip",
    "AudioSink",
    "EspeakNgEngine",
    "NullSpeech",
    "Pyttsx3Engine",
    "QueuedSpeechEngine",
    "SilentSink",
    "SpeechEngine",
    "SpeechError",
    "SpeechHealth",
    "SpeechListener",
    "SpeechStatus",
    "WavFileSink",
    "clean_for_speech",
    "clip_from_wav_bytes",
    "normalize_language",
    "open_speech_engine",
    "split_for_speech",
]
