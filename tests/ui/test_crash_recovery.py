"""An unexpected error: logged with its traceback, a calm screen, then Home; no dialog."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.application import Kiosk
from ui.screens import recovery


def _faulty_slot() -> None:
    raise RuntimeError("boom in a slot 110101199003077777")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_recovery_screen_then_home(
    qtbot: QtBot, kiosk: Kiosk, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recovery, "RETURN_HOME_AFTER_MS", 50)
    manager = kiosk.window.manager
    manager.navigate("laws")
    with caplog.at_level(logging.ERROR, logger="kiosk.crash"):
        QTimer.singleShot(0, _faulty_slot)
        qtbot.waitUntil(lambda: manager.current_id == "recovery", timeout=3000)
    screen = manager.current_screen
    assert screen is not None
    assert screen.heading.text() == "系统正在恢复"
    assert not kiosk.window.top_bar.isVisible()
    record = next(r for r in caplog.records if r.name == "kiosk.crash")
    assert record.exc_info is not None and "boom in a slot" in str(record.exc_info[1])
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [kiosk.window]  # no message box, no traceback window
    qtbot.waitUntil(lambda: manager.current_id == "home", timeout=3000)
    assert kiosk.crash_guard.count == 1


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_worker_thread_is_logged_and_recovered(
    qtbot: QtBot, kiosk: Kiosk, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recovery, "RETURN_HOME_AFTER_MS", 50)

    def work() -> None:
        raise ValueError("worker failed")

    with caplog.at_level(logging.ERROR, logger="kiosk.crash"):
        worker = threading.Thread(target=work)
        worker.start()
        worker.join(timeout=10)
        qtbot.waitUntil(lambda: kiosk.window.manager.current_id == "recovery", timeout=3000)
    assert any("worker failed" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)
    qtbot.waitUntil(lambda: kiosk.window.manager.current_id == "home", timeout=3000)
