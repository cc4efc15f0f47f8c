"""Synthesizers: text + voice + rate + volume -> an AudioClip, nothing played.

Two ranked implementations: pyttsx3 driving the espeak-ng library in-process,
and the ``espeak-ng`` program as a subprocess when pyttsx3 cannot start. A
synthesizer is used by one thread only (the engine's synthesis thread), which
also calls :meth:`open` - pyttsx3 must be created by the thread that uses it.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Protocol

from devices.speech.audio import AudioClip, AudioFormatError, clip_from_wav_bytes
from devices.speech.engine import SpeechError

log = logging.getLogger("devices.speech")

# The espeak-ng library behind pyttsx3 is one piece of global C state: two
# threads driving it at once crash. Every pyttsx3 call in this process holds this.
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
    """pyttsx3 2.99 with its espeak driver, writing each piece to a private temporary WAV.

    Measured pitfalls worked around: ``runAndWait`` may return before the file
    exists (wait for ``finished-utterance`` and for the file); one ``runAndWait``
    per file (several ``save_to_file`` calls keep only the last); pyttsx3 keeps
    engines in a WeakValueDictionary (hold the reference); an unknown voice is
    ignored silently (check the voice really in use afterwards).
    """

    name = "pyttsx3"

    def __init__(self, timeout_s: float = 10.0) -> None:
        self._timeout_s = timeout_s
        self._engine: Any = None
        self._finished = threading.Event()
        self._directory: tempfile.TemporaryDirectory[str] | None = None
        self._counter = 0

    def open(self) -> None:
        try:
            import pyttsx3
            import pyttsx3.drivers.espeak as espeak_driver
        except Exception as error:  # ImportError, or OSError when libespeak-ng is missing
            raise SpeechError(f"pyttsx3 with its espeak driver cannot load: {error}") from error
        # The driver prints "Audio saved to ..." for every file; a module-level
        # name shadows the builtin for that module only.
        espeak_driver.print = _discard  # type: ignore[attr-defined]
        with _ESPEAK_LIBRARY_LOCK:
            try:
                self._engine = pyttsx3.init("espeak")
            except Exception as error:
                raise SpeechError(f"pyttsx3 could not start espeak: {error}") from error
        self._engine.connect("finished-utterance", self._on_finished_utterance)
        self._directory = tempfile.TemporaryDirectory(prefix="kiosk-speech-")

    def _on_finished_utterance(self, name: object = None, completed: bool = True) -> None:
        self._finished.set()

    def available_voices(self) -> set[str]:
        with _ESPEAK_LIBRARY_LOCK:
            return {str(voice.id).lower() for voice in self._engine.getProperty("voices")}

    def synthesize(self, text: str, voice: str, rate: int, volume: float) -> AudioClip:
        if self._engine is None or self._directory is None:
            raise SpeechError("pyttsx3 synthesizer is not open")
        self._counter += 1
        path = Path(self._directory.name) / f"piece-{self._counter}.wav"
        with _ESPEAK_LIBRARY_LOCK:
            self._finished.clear()
            try:
                self._engine.setProperty("voice", voice)
                self._engine.setProperty("rate", int(rate))
                self._engine.setProperty("volume", max(0.0, min(1.0, volume)))
                self._engine.save_to_file(text, str(path))
                self._engine.runAndWait()
            except Exception as error:
                raise SpeechError(f"pyttsx3 failed: {error}") from error
            if not self._finished.wait(self._timeout_s):
                raise SpeechError("pyttsx3 never reported the end of the utterance")
            in_use = str(self._engine.getProperty("voice") or "").lower()
        if in_use != voice.lower():
            raise SpeechError(f"voice {voice!r} is not installed (pyttsx3 kept {in_use!r})")
        data = _wait_for_file(path, self._timeout_s)
        path.unlink(missing_ok=True)
        try:
            return clip_from_wav_bytes(data)
        except AudioFormatError as error:
            raise SpeechError(f"pyttsx3 wrote an unreadable WAV: {error}") from error

    def close(self) -> None:
        if self._directory is not None:
            self._directory.cleanup()
            self._directory = None
        # The engine object is dropped; the espeak library itself stays loaded
        # (the driver initialises it once per process by design).
        self._engine = None


def _discard(*args: object, **kwargs: object) -> None:
    return None


def _wait_for_file(path: Path, timeout_s: float) -> bytes:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            data = b""
        if len(data) > 44:
            return data
        if time.monotonic() > deadline:
            raise SpeechError(f"synthesized file {path.name} never appeared")
        time.sleep(0.002)


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
