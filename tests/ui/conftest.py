"""Fixtures of the shell tests: a session on a clock the test moves, and the real window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import Services
from kiosk.connectivity import Connectivity
from kiosk.content_access import open_content
from kiosk.session import CitizenSession
from kiosk.settings import load_settings
from offline_cache.db import database_proxy
from ui.application import Kiosk
from ui.main_window import MainWindow
from ui.screen_registry import ScreenRegistry, discover_screens


class FakeClock:
    """A monotonic clock that only moves when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def services(clock: FakeClock) -> Services:
    settings = load_settings(environ={})
    session = CitizenSession.from_settings(settings, clock=clock)
    return Services(settings=settings, session=session, connectivity=Connectivity(False))


@pytest.fixture
def window(qtbot: object, services: Services) -> Iterator[MainWindow]:
    """The main window alone (no application-wide filters), showing Home."""
    main = MainWindow(services)
    main.resize(1920, 1080)
    main.show()
    main.show_home()
    yield main
    main.allow_close()
    main.close()
    main.deleteLater()
    services.session.wipe()


@pytest.fixture
def kiosk(qtbot: object, services: Services) -> Iterator[Kiosk]:
    """The whole kiosk as ``legal-kiosk run`` builds it: window, lockdown, crash guard."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    running = Kiosk(app, services, windowed=False)
    services.session.stop_clock()  # the test drives the clock
    yield running
    running.shutdown()
    running.window.allow_close()
    running.window.close()
    running.window.deleteLater()
    services.session.wipe()


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo content (real laws, fictional people) loaded once (about ten seconds).

    Shared by every test of the session: tests that write (submissions) work on a copy.
    """
    path = tmp_path_factory.mktemp("demo-content") / "kiosk.sqlite3"
    prepared, _ = open_content(load_settings(environ={}), database_path=path)
    assert prepared.demo_loaded > 500
    prepared.database.close()
    database_proxy.initialize(None)
    return path


UNBUILT = "handoff"
"""A Home service these tests take out of the registry (it opens the coming-soon page)."""


def registry_without(screen_id: str = UNBUILT) -> ScreenRegistry:
    registry = discover_screens(ScreenRegistry())
    registry.remove(screen_id)
    return registry


@pytest.fixture
def partial_window(qtbot: object, services: Services) -> Iterator[MainWindow]:
    """The main window of a hall that does not offer the UNBUILT service."""
    main = MainWindow(services, registry_without())
    main.resize(1920, 1080)
    main.show()
    main.show_home()
    yield main
    main.allow_close()
    main.close()
    main.deleteLater()
    services.session.wipe()
