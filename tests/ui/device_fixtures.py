"""Fixtures of the login and read-aloud tests: the real reader simulator over a pty, real
espeak-ng speech (pyttsx3) into WAV files instead of a sound card, and the main window.

Import the fixtures into a test module: ``from tests.ui.device_fixtures import *``.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
from pytestqt.qtbot import QtBot

from devices.speech import WavFileSink, open_speech_engine
from kiosk.app import Services
from kiosk.connectivity import Connectivity
from kiosk.device_services import attach_device_services
from kiosk.idcard_service import IdCardService
from kiosk.session import CitizenSession
from kiosk.settings import load_settings
from kiosk.speech_service import SpeechService
from tests.ui.conftest import FakeClock
from ui.main_window import MainWindow

TODAY = dt.date(2026, 11, 22)

__all__ = [
    "TODAY",
    "device_services",
    "device_window",
    "every_visible_text",
    "speech_sink",
    "spoken",
]


@pytest.fixture
def speech_sink(tmp_path: Path) -> WavFileSink:
    """WAV files instead of a speaker; each clip takes its real duration to 'play'."""
    return WavFileSink(tmp_path / "speech", pace=1.0)


@pytest.fixture
def device_services(qtbot: QtBot, clock: FakeClock, speech_sink: WavFileSink) -> Iterator[Services]:
    """Services as ``build_services`` makes them, on the test's clock, devices started."""
    settings = load_settings(environ={}).with_values({"idcard.poll_interval_s": 0.05})
    session = CitizenSession.from_settings(settings, clock=clock)
    services = Services(settings=settings, session=session, connectivity=Connectivity(False))
    services.idcard = IdCardService(settings, today=lambda: TODAY)
    engine = open_speech_engine(speech_sink, engines=("pyttsx3",))
    assert engine.name == "pyttsx3", engine.status
    services.speech = SpeechService.from_settings(settings, engine=engine)
    attach_device_services(services)
    services.run_ready_callbacks()
    qtbot.waitUntil(lambda: services.idcard.health == "ok", timeout=10_000)
    yield services
    services.shutdown()
    gc.collect()  # the windows' reference cycles go now, not in the middle of a later test


@pytest.fixture
def device_window(qtbot: QtBot, device_services: Services) -> Iterator[MainWindow]:
    main = MainWindow(device_services)
    main.resize(1920, 1080)
    main.show()
    main.show_home()
    yield main
    main.allow_close()
    main.close()
    main.deleteLater()
    device_services.session.wipe()


@pytest.fixture
def spoken(device_services: Services) -> list[str]:
    """Every text the speech service started to say, in order."""
    said: list[str] = []
    device_services.speech.speaking_started.connect(said.append)
    return said


def every_visible_text() -> list[str]:
    """Texts, accessible names and descriptions of every widget of the application."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            texts.append(widget.toPlainText())
    return [t for t in texts if t]
