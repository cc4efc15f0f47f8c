"""The reader and speech as services of the kiosk: nothing started before Home, both started
after it, each failure isolated, both stopped at exit."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from devices.idcard.samples import sample_card
from kiosk.app import build_services
from kiosk.card_login import CardLogin
from kiosk.device_services import DEVICE_START_DELAY_MS
from kiosk.idcard_service import IdCardService
from kiosk.settings import load_settings
from kiosk.speech_service import SpeechService


def test_build_services_starts_nothing(qtbot: QtBot) -> None:
    services = build_services(load_settings(environ={}))
    try:
        assert isinstance(services.idcard, IdCardService)
        assert isinstance(services.login, CardLogin)
        assert services.idcard.simulated  # no idcard.port: the built-in simulator
        assert services.idcard.device_path is None  # ... not opened yet
        assert services.speech is None  # opened once Home is shown
    finally:
        services.shutdown()


def test_ready_callbacks_start_both_devices_and_shutdown_stops_them(qtbot: QtBot) -> None:
    settings = load_settings(environ={}).with_values({"idcard.poll_interval_s": 0.05})
    services = build_services(settings)
    services.run_ready_callbacks()
    try:
        assert services.speech is None  # a moment after Home, not while it appears
        qtbot.waitUntil(lambda: services.idcard.health == "ok", timeout=10_000)
        assert isinstance(services.speech, SpeechService)
        device = services.idcard.device_path
        assert device is not None and device.exists()
    finally:
        services.shutdown()
    assert services.idcard.device_path is None  # the simulator's pty is gone
    services.shutdown()  # a second shutdown does nothing


def test_a_failing_speech_start_leaves_the_reader_running(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> SpeechService:
        raise RuntimeError("no audio stack")

    monkeypatch.setattr(SpeechService, "from_settings", broken)
    settings = load_settings(environ={}).with_values({"idcard.poll_interval_s": 0.05})
    services = build_services(settings)
    services.run_ready_callbacks()
    try:
        qtbot.waitUntil(lambda: services.idcard.health == "ok", timeout=10_000)
        assert services.speech is None
        assert "read-aloud could not start" in caplog.text
    finally:
        services.shutdown()


def test_cards_are_ignored_while_staff_mode_is_open(qtbot: QtBot, tmp_path: Path) -> None:
    services = build_services(
        load_settings(environ={"LEGAL_KIOSK_STORAGE__DATA_DIR": str(tmp_path / "data")})
    )
    try:
        services.staff.session.start()
        with qtbot.assertNotEmitted(services.login.logged_in):
            services.idcard.card_read.emit(sample_card("resident"))
        assert services.session.identity is None
        services.staff.session.end("logout")
        with qtbot.waitSignal(services.login.logged_in):
            services.idcard.card_read.emit(sample_card("resident"))
    finally:
        services.session.wipe()
        services.shutdown()


def test_a_start_still_pending_at_exit_never_happens(qtbot: QtBot) -> None:
    services = build_services(load_settings(environ={}))
    services.run_ready_callbacks()  # the start is scheduled ...
    services.shutdown()  # ... and the kiosk stops before it came
    qtbot.wait(2 * DEVICE_START_DELAY_MS)  # the pending start has had its chance
    assert services.speech is None
    assert services.idcard.device_path is None  # no simulator was opened
