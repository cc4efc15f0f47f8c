"""Feeds the supervisor's watchdog from the Qt event loop.

The ``WATCHDOG=1`` pings come from a QTimer on the main thread, so they stop
when the event loop stops turning: a hung UI misses the watchdog deadline and
is restarted, which a background thread feeding the watchdog would hide.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from kiosk.sd_notify import SystemdNotifier


class WatchdogFeeder(QObject):
    def __init__(self, notifier: SystemdNotifier, parent: QObject | None = None):
        super().__init__(parent)
        self._notifier = notifier
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        interval = notifier.watchdog_interval_s
        if interval is not None:
            # Ping at a third of the deadline: two pings may be late before a restart.
            self._timer.setInterval(max(50, int(interval * 1000 / 3)))

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        """Tell the supervisor we are ready and begin feeding its watchdog."""
        self._notifier.ready()
        if self._notifier.watchdog_interval_s is not None:
            self._notifier.watchdog()
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._notifier.stopping()

    def _on_timer_timeout(self) -> None:
        self._notifier.watchdog()
