"""The hidden staff gesture: a 5 s press on the page title, or five taps there within 3 s.

The zone is the top strip from 16 % to 29 % of the screen width, where the top
bar shows the start of the page title (a plain label): Back and Home lie to its
left, the language, preference, log-out and Finish buttons to its right (at
their widest, English large text with a citizen logged in, they begin at 31 %),
so staff taps there never press a citizen control. Screens without the top bar (the attract loop, the
out-of-service notice) keep nothing clickable in that strip either;
``tests/ui/test_staff.py`` checks this on every screen, in both languages and
with large text.

An application-wide event filter, so it works on every screen whatever widget
lies there, and never eats the event: a citizen who happens to tap the title
sees nothing unusual.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

# The zone, as fractions of the window width, and its height in pixels (the top bar's).
ZONE_LEFT = 0.16
ZONE_RIGHT = 0.29
ZONE_HEIGHT_PX = 96
TAPS = 5
TAP_WINDOW_S = 3.0
LONG_PRESS_MS = 5000


class StaffGestureFilter(QObject):
    triggered = Signal()

    def __init__(
        self,
        window: QWidget,
        clock: Callable[[], float] = time.monotonic,
        long_press_ms: int = LONG_PRESS_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._clock = clock
        self._taps: list[float] = []
        self._last_timestamp: int | None = None
        self._long_press = QTimer(self)
        self._long_press.setSingleShot(True)
        self._long_press.setInterval(long_press_ms)
        self._long_press.timeout.connect(self._fire)

    def zone(self) -> QRect:
        """Where the gesture counts, in window coordinates."""
        return gesture_zone(self._window.width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            point = self._global_point(event)
            # One press reaches the filter once per widget it propagates through.
            stamp = event.timestamp() if isinstance(event, QMouseEvent | QTouchEvent) else None
            if point is not None and stamp != self._last_timestamp:
                self._last_timestamp = stamp
                self._on_press(point)
        elif kind in (
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            self._long_press.stop()
        return False

    def _global_point(self, event: QEvent) -> QPoint | None:
        if isinstance(event, QMouseEvent):
            return event.globalPosition().toPoint()
        if isinstance(event, QTouchEvent) and event.points():
            return event.points()[0].globalPosition().toPoint()
        return None

    def _on_press(self, global_point: QPoint) -> None:
        if not self._window.isVisible():
            return
        local = self._window.mapFromGlobal(global_point)
        if not self.zone().contains(local):
            self._taps.clear()
            self._long_press.stop()
            return
        now = self._clock()
        self._taps = [t for t in self._taps if now - t <= TAP_WINDOW_S] + [now]
        self._long_press.start()
        if len(self._taps) >= TAPS:
            self._fire()

    def _fire(self) -> None:
        self._taps.clear()
        self._long_press.stop()
        self.triggered.emit()


def gesture_zone(window_width: int) -> QRect:
    left = round(window_width * ZONE_LEFT)
    return QRect(left, 0, round(window_width * ZONE_RIGHT) - left, ZONE_HEIGHT_PX)
