"""The kiosk as ``legal-kiosk run`` builds it, devices included: a demo card placed from the
login screen logs in, and at exit no reader or speech thread is left behind."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import build_services
from kiosk.settings import load_settings
from ui.application import Kiosk


def test_the_running_kiosk_logs_in_with_a_demo_card_and_stops_its_devices(
    qtbot: QtBot,
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = {thread.ident for thread in threading.enumerate()}
    settings = load_settings(environ={}).with_values({"idcard.poll_interval_s": 0.05})
    services = build_services(settings)
    kiosk = Kiosk(app, services)
    try:
        services.session.stop_clock()
        services.run_ready_callbacks()  # what run_kiosk does once Home is shown
        qtbot.waitUntil(lambda: services.idcard.health == "ok", timeout=10_000)
        window = kiosk.window
        qtbot.mouseClick(window.manager.current_screen.tiles["idcard"], Qt.MouseButton.LeftButton)
        screen = window.manager.current_screen
        assert screen.screen_id == "login" and screen.demo.isVisible()
        qtbot.mouseClick(screen.demo_buttons["resident"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.login_overlay.kind == "greeting", timeout=10_000)
        assert services.session.identity is not None
    finally:
        kiosk.shutdown()
        kiosk.window.allow_close()
        kiosk.window.close()
        kiosk.window.deleteLater()
        services.session.wipe()
    left = [t.name for t in threading.enumerate() if t.ident not in before and t.is_alive()]
    assert not left, left
