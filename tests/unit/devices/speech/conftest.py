"""Fixtures for the speech tests: real espeak-ng, audio captured as WAV files instead of played."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.speech import WavFileSink
from tests.unit.devices.speech.helpers import GatedSink, Recorder


@pytest.fixture
def wav_sink(tmp_path: Path) -> WavFileSink:
    return WavFileSink(tmp_path / "played")


@pytest.fixture
def gated_sink(tmp_path: Path) -> Iterator[GatedSink]:
    sink = GatedSink(tmp_path / "played")
    yield sink
    sink.gate.set()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()
