"""Where synthesized audio goes: the sound card through ``aplay``, nowhere, or WAV files.

``play`` blocks the engine's playback thread until the clip has played (True)
or was cancelled (False). Cancelling must really silence the speaker, so the
real sink runs ``aplay`` as a child process it can kill, rather than letting
pyttsx3 start ``aplay`` through ``os.system`` where nobody can reach it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Protocol

from devices.speech.audio import AudioClip
from devices.speech.engine import SpeechError


class AudioSink(Protocol):
    name: str

    def probe(self) -> str | None:
        """None when this sink can play here, else the reason it cannot (for staff)."""

    def play(self, clip: AudioClip, cancelled: threading.Event) -> bool:
        """Play ``clip``; False as soon as ``cancelled`` is set (see :meth:`stop`)."""

    def stop(self) -> None:
        """Silence the clip playing now if its ``cancelled`` event is set (never a clip that
        was not cancelled: a new utterance may already be playing). Called from other threads."""


class AplaySink:
    """ALSA playback with ``aplay`` (Debian alsa-utils), one killable process per clip."""

    name = "aplay"

    def __init__(self, executable: str = "aplay", device: str = "") -> None:
        self._executable = executable
        self._device = device
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._playing_cancelled: threading.Event | None = None

    def probe(self) -> str | None:
        path = shutil.which(self._executable)
        if path is None:
            return f"{self._executable} is not installed (Debian package alsa-utils)"
        try:
            result = subprocess.run(
                [path, "-l"], capture_output=True, timeout=5, check=False, text=True
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"{self._executable} -l failed: {error}"
        listing = result.stdout + result.stderr
        if result.returncode != 0 or "card " not in listing:
            return "no sound card found (aplay -l lists none)"
        return None

    def play(self, clip: AudioClip, cancelled: threading.Event) -> bool:
        handle, name = tempfile.mkstemp(prefix="kiosk-speech-", suffix=".wav")
        os.close(handle)
        path = clip.write_wav(Path(name))
        command = [self._executable, "-q"]
        if self._device:
            command += ["-D", self._device]
        try:
            with self._lock:
                # Checked under the lock stop() takes: a stop() that came first
                # is seen here, one that comes later finds the process to kill.
                if cancelled.is_set():
                    return False
                try:
                    process = subprocess.Popen(
                        [*command, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
                    )
                except OSError as error:
                    raise SpeechError(f"cannot start {self._executable}: {error}") from error
                self._process = process
                self._playing_cancelled = cancelled
            _, stderr = process.communicate()
            with self._lock:
                self._process = None
                self._playing_cancelled = None
            if cancelled.is_set():
                return False
            if process.returncode != 0:
                message = stderr.decode("utf-8", "replace").strip() or "no message"
                raise SpeechError(f"{self._executable} exited with {process.returncode}: {message}")
            return True
        finally:
            path.unlink(missing_ok=True)

    def stop(self) -> None:
        with self._lock:
            process, cancelled = self._process, self._playing_cancelled
            if process is None or cancelled is None or not cancelled.is_set():
                return
            if process.poll() is None:
                process.kill()


class SilentSink:
    """No sound output: every clip 'plays' at once, so captions still follow the speech."""

    name = "silent"

    def probe(self) -> str | None:
        return None

    def play(self, clip: AudioClip, cancelled: threading.Event) -> bool:
        return not cancelled.is_set()

    def stop(self) -> None:
        return None


class WavFileSink:
    """Writes every clip to ``directory`` as a numbered WAV and remembers what it wrote.

    For tests, demos and diagnosis on machines without a sound card. With
    ``pace`` > 0 a clip takes ``pace`` x its duration to 'play' (ended early by
    cancellation), like a real speaker would.
    """

    name = "wav-files"

    def __init__(self, directory: Path, pace: float = 0.0) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.pace = pace
        self.played: list[Path] = []
        self.stop_calls = 0
        self._lock = threading.Lock()

    def probe(self) -> str | None:
        return None if self.directory.is_dir() else f"{self.directory} is not a folder"

    def play(self, clip: AudioClip, cancelled: threading.Event) -> bool:
        if cancelled.is_set():
            return False
        with self._lock:
            path = self.directory / f"{len(self.played) + 1:04d}.wav"
            clip.write_wav(path)
            self.played.append(path)
        if self.pace > 0:
            cancelled.wait(clip.duration_s * self.pace)
        return not cancelled.is_set()

    def stop(self) -> None:
        self.stop_calls += 1
