"""Application-wide event filters: keep citizens inside the kiosk, and notice every touch.

``LockdownFilter`` swallows the keys and gestures that would leave, close or
zoom the kiosk, context menus and middle-click paste. Closing the main window
is refused by the window itself until staff allow it
(:meth:`ui.main_window.MainWindow.allow_close`).

``ActivityMonitor`` tells the citizen session about every touch, click and key,
which starts a session and postpones the idle countdown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent

_MOD = Qt.KeyboardModifier
_KEY = Qt.Key

# (key, modifiers that must be held); None = with any modifiers.
_BLOCKED_KEYS: tuple[tuple[Qt.Key, Qt.KeyboardModifier | None], ...] = (
    (_KEY.Key_F4, _MOD.AltModifier),
    (_KEY.Key_Escape, None),
    (_KEY.Key_Tab, _MOD.AltModifier),
    (_KEY.Key_Backtab, _MOD.AltModifier),
    (_KEY.Key_Q, _MOD.ControlModifier),
    (_KEY.Key_W, _MOD.ControlModifier),
    (_KEY.Key_F11, None),
    (_KEY.Key_Plus, _MOD.ControlModifier),
    (_KEY.Key_Minus, _MOD.ControlModifier),
    (_KEY.Key_Equal, _MOD.ControlModifier),
    (_KEY.Key_Super_L, None),
    (_KEY.Key_Super_R, None),
    (_KEY.Key_Menu, None),
    (_KEY.Key_Close, None),
)

_BLOCKED_EVENTS = {
    QEvent.Type.ContextMenu,
    QEvent.Type.NativeGesture,  # pinch / zoom / rotate from a touchpad or touch screen
    QEvent.Type.Gesture,
}

_ACTIVITY_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}


def is_blocked_key(event: QKeyEvent) -> bool:
    key = event.key()
    modifiers = event.modifiers()
    for blocked, needed in _BLOCKED_KEYS:
        if key == blocked and (needed is None or modifiers & needed):
            return True
    return False


class LockdownFilter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            return isinstance(event, QKeyEvent) and is_blocked_key(event)
        if kind in _BLOCKED_EVENTS:
            return True
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease) and isinstance(
            event, QMouseEvent
        ):
            return event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton)
        if kind == QEvent.Type.MouseButtonDblClick and isinstance(event, QMouseEvent):
            return event.button() != Qt.MouseButton.LeftButton
        if kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            return bool(event.modifiers() & _MOD.ControlModifier)  # Ctrl+wheel = zoom
        return False


class ActivityMonitor(QObject):
    """Calls ``on_activity`` for each user input anywhere in the application."""

    def __init__(self, on_activity: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_activity = on_activity

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Mouse and key events reach the filter once per widget they propagate
        # through; the session only stores a timestamp, so repeats cost nothing.
        if event.type() in _ACTIVITY_EVENTS:
            self._on_activity()
        return False
