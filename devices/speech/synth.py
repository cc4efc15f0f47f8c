"""Synthesizers: text + voice + rate + volume -> an AudioClip, nothing played.

Two ranked implementations: pyttsx3 driving the espeak-ng library in-process,
and the ``espeak-ng`` program as a subprocess when pyttsx3 cannot start. A
synthesizer is used by one thread only (the engine's synthesis thread), which
also calls :meth:`open`.
"""

from __future__ import annotations

import ctypes
import logging
import shutil
import subprocess
import threading
from typing import Any, Protocol

from devices.speech.audio import AudioClip, AudioFormatError, clip_from_wav_bytes
from devices.speech.engine import SpeechError

log = logging.getLogger("devices.speech")

# The espeak-ng library is one piece of global C state: two threads driving it
# at once crash. Every call into it in this process holds this lock.
_ESPEAK_LIBRARY_LOCK = threading.Lock()


class Synthesizer(Protocol):
    name: str

    def open(self) -> None:
        """Start the synthesizer (raises SpeechError when it cannot work here)."""

    def available_voices(self) -> set[str]:
        """Lower-case voice ids, as in the File column of ``espeak-ng --voices``."""

    def synthesize(self, text: str, voice: str, rate: int, volume: float) -> AudioClip:
        """Synthesize ``text``; raises SpeechError."""

    def close(self) -> None: ...


def _amplitude(volume: float) -> int:
    """espeak-ng amplitude (0-200, 100 = normal) for a 0-1 volume."""
    return round(max(0.0, min(1.0, volume)) * 100)


class Pyttsx3Synthesizer:
    """libespeak-ng in this process, through the ctypes binding pyttsx3 ships
    (``pyttsx3.drivers._espeak``), in espeak's synchronous mode.

    pyttsx3's own ``Engine`` is not used for synthesis: its espeak driver runs
    the library in asynchronous retrieval mode, and its end-of-utterance
    callback comes from espeak's thread while the next command may already be
    running. Measured here (pyttsx3 2.99, espeak-ng 1.51): of 300 consecutive
    ``setProperty`` + ``save_to_file`` + ``runAndWait`` calls in one thread,
    181 were cancelled by the driver itself or used the previous rate. In
    synchronous mode ``Synth`` returns when the last sample has been handed
    over, on the calling thread, so none of that can happen. The espeak library
    is global state: one initialisation per process, every call under one lock
    (two threads in it at once crash), and nothing in the kiosk calls
    ``pyttsx3.init()`` (whose driver would initialise it again differently).
    """

    name = "pyttsx3"

    def __init__(self) -> None:
        self._espeak: Any = None

    def open(self) -> None:
        self._espeak = _load_espeak_library()

    def available_voices(self) -> set[str]:
        with _ESPEAK_LIBRARY_LOCK:
            return {
                voice.identifier.decode("utf-8", "replace").lower()
                for voice in self._espeak.ListVoices(None)
                if voice.identifier
            }

    def synthesize(self, text: str, voice: str, rate: int, volume: float) -> AudioClip:
        espeak = self._espeak
        if espeak is None:
            raise SpeechError("pyttsx3 synthesizer is not open")
        with _ESPEAK_LIBRARY_LOCK:
            if espeak.SetVoiceByName(voice.encode("utf-8")) != 0:
                raise SpeechError(f"voice {voice!r} is not installed")
            current = espeak.GetCurrentVoice()
            in_use = current.contents.identifier.decode("utf-8", "replace") if current else ""
            if in_use.lower() != voice.lower():
                raise SpeechError(f"voice {voice!r} is not installed (espeak kept {in_use!r})")
            espeak.SetParameter(espeak.RATE, int(rate), 0)
            espeak.SetParameter(espeak.VOLUME, _amplitude(volume), 0)
            chunks: list[bytes] = []
            _LIBRARY_STATE["collector"] = chunks
            try:
                status = espeak.Synth(
                    text.encode("utf-8"), flags=espeak.CHARS_UTF8 | espeak.ENDPAUSE
                )
            finally:
                _LIBRARY_STATE["collector"] = None
        if status != 0:
            raise SpeechError(f"espeak_Synth failed with status {status}")
        return AudioClip(b"".join(chunks), int(_LIBRARY_STATE["sample_rate"] or 22050))

    def close(self) -> None:
        # The library stays initialised for the life of the process (espeak
        # cannot be initialised twice); only this object lets go of it.
        self._espeak = None


# Process-wide state of the espeak library: its sample rate, the callback
# object (ctypes must keep it alive) and the list collecting the current samples.
_LIBRARY_STATE: dict[str, Any] = {"sample_rate": 0, "callback": None, "collector": None}
_SYNTH_BUFFER_MS = 100


def _load_espeak_library() -> Any:
    try:
        from pyttsx3.drivers import _espeak
    except Exception as error:  # ImportError, or OSError when libespeak-ng is missing
        raise SpeechError(f"pyttsx3's espeak binding cannot load: {error}") from error
    with _ESPEAK_LIBRARY_LOCK:
        if not _LIBRARY_STATE["sample_rate"]:
            rate = _espeak.Initialize(_espeak.AUDIO_OUTPUT_SYNCHRONOUS, _SYNTH_BUFFER_MS)
            if rate <= 0:
                raise SpeechError("espeak-ng could not initialise (espeak-ng-data missing?)")
            callback = _espeak.t_espeak_callback(_collect_samples)
            _espeak.cSetSynthCallback(callback)
            _LIBRARY_STATE["callback"] = callback
            _LIBRARY_STATE["sample_rate"] = rate
    return _espeak


def _collect_samples(wav: Any, samples: int, events: Any) -> int:
    """espeak's synth callback: runs on the thread inside ``Synth``; 0 = carry on."""
    collector = _LIBRARY_STATE["collector"]
    if collector is not None and samples > 0 and wav:
        collector.append(ctypes.string_at(wav, samples * 2))
    return 0


class EspeakNgSynthesizer:
    """The ``espeak-ng`` program: one short process per piece, WAV read from its stdout."""

    name = "espeak-ng"

    def __init__(self, executable: str = "espeak-ng", timeout_s: float = 10.0) -> None:
        self._executable = executable
        self._timeout_s = timeout_s
        self._path: str | None = None

    def open(self) -> None:
        self._path = shutil.which(self._executable)
        if self._path is None:
            raise SpeechError(f"{self._executable} is not installed (Debian package espeak-ng)")

    def available_voices(self) -> set[str]:
        output = self._run(["--voices"], b"").decode("utf-8", "replace")
        voices = set()
        for line in output.splitlines()[1:]:
            fields = line.split()
            if len(fields) >= 5:
                voices.add(fields[4].lower())
        return voices

    def synthesize(self, text: str, voice: str, rate: int, volume: float) -> AudioClip:
        # Text goes through stdin (-b 1: UTF-8), so text starting with "-" is never an option.
        arguments = ["-b", "1", "-v", voice, "-s", str(int(rate)), "-a", str(_amplitude(volume))]
        data = self._run([*arguments, "--stdout"], text.encode("utf-8"))
        try:
            return clip_from_wav_bytes(data)
        except AudioFormatError as error:
            raise SpeechError(f"espeak-ng produced no audio: {error}") from error

    def _run(self, arguments: list[str], stdin: bytes) -> bytes:
        if self._path is None:
            raise SpeechError("espeak-ng synthesizer is not open")
        try:
            result = subprocess.run(
                [self._path, *arguments],
                input=stdin,
                capture_output=True,
                timeout=self._timeout_s,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SpeechError(f"espeak-ng failed: {error}") from error
        if result.returncode != 0:
            message = result.stderr.decode("utf-8", "replace").strip() or "no message"
            raise SpeechError(f"espeak-ng exited with status {result.returncode}: {message}")
        return result.stdout

    def close(self) -> None:
        self._path = None
