"""ID-card login as the citizen sees it: the real reader simulator over a pty, the real window."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from devices.idcard.samples import sample_card
from kiosk.app import Services
from kiosk.identity import CitizenIdentity
from kiosk.logging_setup import LOG_FILE_NAME, configure_logging
from kiosk.session import SessionState
from tests.ui.conftest import FakeClock
from tests.ui.device_fixtures import *  # noqa: F403 (fixtures)
from tests.ui.device_fixtures import every_visible_text
from ui.main_window import MainWindow

READ_TIMEOUT_MS = 10_000


def _place(services: Services, kind: str) -> None:
    services.idcard.place_demo_card(kind)


def _wait_for_overlay(qtbot: QtBot, window: MainWindow, kind: str) -> None:
    qtbot.waitUntil(lambda: window.login_overlay.kind == kind, timeout=READ_TIMEOUT_MS)


def _secrets(kind: str) -> list[str]:
    card = sample_card(kind)
    return [card.id_number, card.display_name]


def _leaks(secrets: list[str]) -> list[str]:
    return [t for t in every_visible_text() for s in secrets if s and s in t]


def test_a_placed_card_greets_with_the_masked_name_and_logs_in(
    qtbot: QtBot, device_window: MainWindow, device_services: Services
) -> None:
    _place(device_services, "resident")  # 张演示
    _wait_for_overlay(qtbot, device_window, "greeting")
    overlay = device_window.login_overlay
    assert overlay.heading.text() == "欢迎您，张*示"
    assert "居民身份证" in overlay.detail.text()
    identity = device_services.session.identity
    assert isinstance(identity, CitizenIdentity)
    assert identity.id_number == sample_card("resident").id_number
    assert overlay.number.text().endswith(identity.masked_id_number)
    top = device_window.top_bar
    assert top.logout.isVisibleTo(device_window) and "张*示" in top.logout.text()
    assert not _leaks(_secrets("resident"))  # masked everywhere on screen


def test_the_greeting_is_in_the_citizens_language(
    qtbot: QtBot, device_window: MainWindow, device_services: Services
) -> None:
    device_services.session.touch()
    device_services.session.set_language("en")
    _place(device_services, "foreign_2023")
    _wait_for_overlay(qtbot, device_window, "greeting")
    overlay = device_window.login_overlay
    assert overlay.heading.text().startswith("Welcome, ")
    assert "foreign permanent resident ID card" in overlay.detail.text()
    assert overlay.ok_button.text() == "Continue"


def test_a_card_on_the_attract_screen_starts_a_session_and_logs_in(
    qtbot: QtBot, device_window: MainWindow, device_services: Services
) -> None:
    device_services.session.wipe()
    assert device_window.manager.current_id == "attract"
    _place(device_services, "hmt_residence")
    _wait_for_overlay(qtbot, device_window, "greeting")
    assert device_services.session.state is SessionState.ACTIVE
    assert device_window.manager.current_id == "home"
    assert device_window.top_bar.isVisibleTo(device_window)


@pytest.mark.parametrize(
    ("kind", "language", "expected"),
    [
        ("resident_expired", "zh_CN", "已过有效期"),
        ("resident_expired", "en", "has expired"),
        ("resident_bad_check_digit", "zh_CN", "未通过校验"),
        ("resident_bad_check_digit", "en", "did not pass its checks"),
    ],
)
def test_a_refused_card_says_why_and_logs_nobody_in(
    qtbot: QtBot,
    device_window: MainWindow,
    device_services: Services,
    kind: str,
    language: str,
    expected: str,
) -> None:
    device_services.session.touch()
    device_services.session.set_language(language)
    _place(device_services, kind)
    _wait_for_overlay(qtbot, device_window, "refusal")
    assert expected in device_window.login_overlay.detail.text()
    assert device_services.session.identity is None
    assert not device_window.top_bar.logout.isVisibleTo(device_window)
    assert not _leaks(_secrets(kind))
    # The citizen closes it with the button.
    qtbot.mouseClick(device_window.login_overlay.ok_button, Qt.MouseButton.LeftButton)
    assert device_window.login_overlay.kind == ""


def test_the_login_screen_explains_and_its_demo_control_logs_in(
    qtbot: QtBot, device_window: MainWindow, device_services: Services
) -> None:
    device_services.session.touch()
    home = device_window.manager.current_screen
    qtbot.mouseClick(home.tiles["idcard"], Qt.MouseButton.LeftButton)
    assert device_window.manager.current_id == "login"
    screen = device_window.manager.current_screen
    assert screen.demo.isVisibleTo(device_window)  # the built-in simulator is in use
    assert "读卡区" in screen.heading.text()
    qtbot.mouseClick(screen.demo_buttons["foreign_2017"], Qt.MouseButton.LeftButton)
    _wait_for_overlay(qtbot, device_window, "greeting")
    assert device_services.session.identity.id_type == "foreign_permanent"
    # Logged in from the screen that explains it: back to Home, greeting on top.
    assert device_window.manager.current_id == "home"


def test_log_out_forgets_the_identity_everywhere(
    qtbot: QtBot,
    device_window: MainWindow,
    device_services: Services,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    log_dir = tmp_path / "logs"
    handler = configure_logging(log_dir, "DEBUG", stderr=False)
    caplog.set_level(logging.DEBUG)
    try:
        device_services.session.touch()
        device_window.manager.navigate("login")  # its state label will hold the masked name
        _place(device_services, "resident")
        _wait_for_overlay(qtbot, device_window, "greeting")
        login_screen = device_window.manager.screen("login")
        assert "张*示" in login_screen.state.text()
        secrets = _secrets("resident")
        masked = device_services.session.identity.masked_name
        qtbot.mouseClick(device_window.top_bar.logout, Qt.MouseButton.LeftButton)
        assert device_services.session.identity is None
        assert device_services.session.state is SessionState.IDLE
        assert device_window.manager.current_id == "attract"
        assert device_window.login_overlay.kind == ""
        assert not device_window.top_bar.logout.isVisibleTo(device_window)
        assert not device_window.top_bar.logout.text()
        assert not _leaks([*secrets, masked])  # not even the masked name stays on screen
    finally:
        assert handler is not None
        handler.flush()
        logging.getLogger().removeHandler(handler)
        handler.close()
    log_text = (log_dir / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "logged in with an ID card" in log_text
    raw = "\n".join(record.getMessage() for record in caplog.records)
    for secret in secrets:
        assert secret not in log_text
        assert secret not in raw  # not even before the masking filter


def test_the_idle_wipe_forgets_the_identity(
    qtbot: QtBot, device_window: MainWindow, device_services: Services, clock: FakeClock
) -> None:
    session = device_services.session
    _place(device_services, "resident_long_term")
    _wait_for_overlay(qtbot, device_window, "greeting")
    masked = session.identity.masked_name
    clock.advance(session.idle_timeout_s)
    session.tick()
    assert device_window.idle_overlay.isVisible()
    clock.advance(session.countdown_s)
    session.tick()
    assert session.identity is None
    assert device_window.manager.current_id == "attract"
    assert not _leaks([*_secrets("resident_long_term"), masked])


def test_another_citizens_card_replaces_the_first_without_a_trace(
    qtbot: QtBot, device_window: MainWindow, device_services: Services
) -> None:
    _place(device_services, "resident")
    _wait_for_overlay(qtbot, device_window, "greeting")
    first = device_services.session.identity
    device_window.login_overlay.dismiss()
    _place(device_services, "foreign_2023")  # lifts the first card, then places this one
    qtbot.waitUntil(
        lambda: (
            device_services.session.identity is not None
            and not device_services.session.identity.same_person(first)
        ),
        timeout=READ_TIMEOUT_MS,
    )
    assert not _leaks([*_secrets("resident"), first.masked_name])


def test_finish_forgets_the_identity(
    qtbot: QtBot, device_window: MainWindow, device_services: Services
) -> None:
    _place(device_services, "foreign_2017")
    _wait_for_overlay(qtbot, device_window, "greeting")
    masked = device_services.session.identity.masked_name
    device_window.login_overlay.dismiss()
    qtbot.mouseClick(device_window.top_bar.finish, Qt.MouseButton.LeftButton)
    assert device_services.session.identity is None
    assert not _leaks([*_secrets("foreign_2017"), masked])
