"""Helpers of the speech tests: a recording listener and speakers the test controls."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from devices.speech import AudioClip, SpeechStatus, WavFileSink


def wait_for(predicate: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Poll ``predicate`` until true; fail the test when the deadline passes."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met before the deadline")
        time.sleep(0.002)


class Recorder:
    """A SpeechListener keeping every call in order (called from engine threads)."""

    def __init__(self) -> None:
        self.events: list[tuple[str, object, ...]] = []  # type: ignore[misc]
        self._lock = threading.Lock()

    def utterance_started(self, text: str) -> None:
        with self._lock:
            self.events.append(("started", text))

    def utterance_finished(self, text: str, completed: bool) -> None:
        with self._lock:
            self.events.append(("finished", text, completed))

    def health_changed(self, status: SpeechStatus) -> None:
        with self._lock:
            self.events.append(("health", status.health, status.detail))

    def of(self, kind: str) -> list[tuple[object, ...]]:
        with self._lock:
            return [event for event in self.events if event[0] == kind]


class GatedSink(WavFileSink):
    """Writes each clip like WavFileSink, then 'plays' until the test opens the gate or it is
    cancelled - a speaker whose progress the test controls, so no test depends on timing."""

    name = "gated"

    def __init__(self, directory: Path) -> None:
        super().__init__(directory)
        self.gate = threading.Event()

    def play(self, clip: AudioClip, cancelled: threading.Event) -> bool:
        if not super().play(clip, cancelled):
            return False
        while not (cancelled.is_set() or self.gate.is_set()):
            cancelled.wait(0.002)
        return not cancelled.is_set()


class BrokenSpeaker(WavFileSink):
    """A sound output that fails (unplugged speaker, busy device) until ``repair()``."""

    name = "broken"

    def __init__(self, directory: Path) -> None:
        super().__init__(directory)
        self.broken = True

    def repair(self) -> None:
        self.broken = False

    def play(self, clip: AudioClip, cancelled: threading.Event) -> bool:
        from devices.speech import SpeechError

        if self.broken:
            raise SpeechError("device busy")
        return super().play(clip, cancelled)
