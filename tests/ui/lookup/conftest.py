"""Fixtures of the lookup screen tests: the real demo database, built once per session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.speech import NullSpeech
from kiosk.app import Services
from kiosk.connectivity import Connectivity
from kiosk.content_service import ContentService
from kiosk.session import CitizenSession
from kiosk.settings import load_settings
from kiosk.speech_service import SpeechService
from ui.main_window import MainWindow

# The demo announcements are dated 2025-2026; read them as on this day.
TODAY = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC).timestamp()


class SpokenText(SpeechService):
    """The real read-aloud service over the silent engine (no audio device in CI),
    recording what the screens asked it to read."""

    def __init__(self) -> None:
        super().__init__(NullSpeech("absent", "no sound card in tests"))
        self.spoken: list[str] = []

    def speak_now(self, text: str) -> None:
        self.spoken.append(text)
        super().speak_now(text)


@pytest.fixture
def content(qtbot: object, demo_database: Path) -> Iterator[ContentService]:
    settings = load_settings(environ={})
    service = ContentService(settings, demo_database, clock=lambda: TODAY)
    service.open_blocking()
    assert service.is_ready
    yield service
    service.close()


@pytest.fixture
def lookup_services(content: ContentService) -> Services:
    settings = load_settings(environ={})
    session = CitizenSession.from_settings(settings)
    services = Services(settings=settings, session=session, connectivity=Connectivity(False))
    services.content = content
    services.speech = SpokenText()
    return services


@pytest.fixture
def lookup_window(qtbot: object, lookup_services: Services) -> Iterator[MainWindow]:
    main = MainWindow(lookup_services)
    main.resize(1920, 1080)
    main.show()
    main.show_home()
    yield main
    main.allow_close()
    main.close()
    main.deleteLater()
    lookup_services.session.wipe()
