"""Keys, clicks and gestures that would leave, close or zoom the kiosk do nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPointingDevice,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from ui.application import Kiosk

K = Qt.Key
M = Qt.KeyboardModifier


class _Probe(QLineEdit):
    """A field that records what reaches it."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []
        self.context_menus = 0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keys.append(event.key())
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menus += 1


@pytest.fixture
def probe(kiosk: Kiosk) -> _Probe:
    field = _Probe()
    field.setObjectName("probe")
    home = kiosk.window.manager.current_screen
    assert home is not None
    home.layout().addWidget(field)
    field.show()
    return field


def _press(widget: QLineEdit, key: K, modifiers: M = M.NoModifier) -> None:
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, ""))


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (K.Key_F4, M.AltModifier),
        (K.Key_Escape, M.NoModifier),
        (K.Key_Tab, M.AltModifier),
        (K.Key_Q, M.ControlModifier),
        (K.Key_W, M.ControlModifier),
        (K.Key_F11, M.NoModifier),
    ],
)
def test_escape_keys_never_reach_a_widget(
    kiosk: Kiosk, probe: _Probe, key: K, modifiers: M
) -> None:
    _press(probe, key, modifiers)
    assert probe.keys == []
    assert kiosk.window.isVisible()


def test_ordinary_typing_still_works(kiosk: Kiosk, probe: _Probe) -> None:
    _press(probe, K.Key_A)
    assert probe.keys == [K.Key_A]


def test_alt_f4_on_the_window_does_not_close_it(qtbot: QtBot, kiosk: Kiosk) -> None:
    qtbot.keyClick(kiosk.window, K.Key_F4, M.AltModifier)
    assert kiosk.window.isVisible()


def test_close_is_refused_until_staff_allow_it(kiosk: Kiosk) -> None:
    assert kiosk.window.close() is False
    assert kiosk.window.isVisible()
    kiosk.window.allow_close()
    assert kiosk.window.close() is True


def test_right_click_opens_no_context_menu(kiosk: Kiosk, probe: _Probe) -> None:
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), probe.mapToGlobal(QPoint(5, 5)), M.NoModifier
    )
    QApplication.sendEvent(probe, event)
    assert probe.context_menus == 0


def _click(probe: _Probe, kind: QEvent.Type, button: Qt.MouseButton) -> QMouseEvent:
    return QMouseEvent(
        kind, QPointF(5, 5), QPointF(probe.mapToGlobal(QPoint(5, 5))), button, button, M.NoModifier
    )


def test_middle_and_right_clicks_are_swallowed_left_clicks_pass(
    kiosk: Kiosk, probe: _Probe
) -> None:
    QGuiApplication.clipboard().setText("pasted")
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        for button in (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton):
            event = _click(probe, kind, button)
            assert kiosk.lockdown.eventFilter(probe, event) is True
            QApplication.sendEvent(probe, _click(probe, kind, button))
        left = _click(probe, kind, Qt.MouseButton.LeftButton)
        assert kiosk.lockdown.eventFilter(probe, left) is False
    assert probe.text() == ""


def test_pinch_and_ctrl_wheel_zoom_are_swallowed(kiosk: Kiosk, probe: _Probe) -> None:
    lockdown = kiosk.lockdown
    pinch = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        QPointF(5, 5),
        QPointF(5, 5),
        QPointF(5, 5),
        0.5,
        QPointF(0, 0),
        0,
    )
    assert lockdown.eventFilter(probe, pinch) is True
    wheel = QWheelEvent(
        QPointF(5, 5),
        QPointF(5, 5),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        M.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    assert lockdown.eventFilter(probe, wheel) is True


def test_every_input_counts_as_activity(qtbot: QtBot, kiosk: Kiosk) -> None:
    session = kiosk.services.session
    assert not session.is_active
    home = kiosk.window.manager.current_screen
    assert home is not None
    qtbot.mousePress(home, Qt.MouseButton.LeftButton)
    assert session.is_active
