"""Services: built from settings with nothing configured; start-up callbacks."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Services, build_services
from kiosk.session import CitizenSession, SessionState
from kiosk.settings import load_settings


def test_defaults_build_a_working_core(qtbot: QtBot) -> None:
    services = build_services(load_settings(environ={}))
    assert services.session.state is SessionState.IDLE
    assert services.session.idle_timeout_s == 90
    assert services.session.countdown_s == 20
    assert services.connectivity.online is False
    with qtbot.waitSignal(services.connectivity.changed) as changed:
        services.connectivity.set_online(True)
    assert changed.args == [True]


def test_settings_reach_the_session() -> None:
    settings = load_settings(
        environ={"LEGAL_KIOSK_SESSION__IDLE_TIMEOUT_S": "120", "LEGAL_KIOSK_UI__LANGUAGE": "en"}
    )
    services = build_services(settings)
    assert services.session.idle_timeout_s == 120
    assert services.session.language == "en"


def test_ready_callbacks_run_once_and_a_failure_does_not_stop_the_rest(
    caplog: pytest.LogCaptureFixture,
) -> None:
    services = build_services(load_settings(environ={}))
    ran: list[str] = []

    def failing() -> None:
        raise RuntimeError("cannot open the database")

    services.after_ready(lambda: ran.append("first"))
    services.after_ready(failing)
    services.after_ready(lambda: ran.append("third"))
    try:
        with caplog.at_level(logging.ERROR):
            services.run_ready_callbacks()
        services.run_ready_callbacks()
    finally:
        services.shutdown()  # the devices started by the ready callbacks
    assert ran == ["first", "third"]
    assert "cannot open the database" in caplog.text


def test_ready_callbacks_can_run_one_at_a_time_in_order() -> None:
    settings = load_settings(environ={})
    services = Services(settings=settings, session=CitizenSession.from_settings(settings))
    ran: list[int] = []
    for number in range(3):
        services.after_ready(lambda number=number: ran.append(number))
    assert services.run_next_ready_callback() is True and ran == [0]
    assert services.run_next_ready_callback() is True and ran == [0, 1]
    assert services.run_next_ready_callback() is False and ran == [0, 1, 2]
    assert services.run_next_ready_callback() is False and ran == [0, 1, 2]


def test_shutdown_stops_services_last_started_first() -> None:
    services = build_services(load_settings(environ={}))
    stopped: list[str] = []
    services.on_shutdown(lambda: stopped.append("database"))
    services.on_shutdown(lambda: stopped.append("sync"))
    services.shutdown()
    services.shutdown()
    assert stopped[-2:] == ["sync", "database"]
    assert stopped.count("sync") == 1
