"""Background delivery of the outbox: a worker on its own QThread, never the UI thread.

The worker wakes on a timer (and at once when a submission is confirmed),
asks the outbox to deliver whatever is due, and reports the outcome through
signals that the UI receives on its own thread. Backoff, ``Retry-After`` and
exactly-once live in the outbox; this module only decides *when* to call it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

log = logging.getLogger(__name__)

DeliverDue = Callable[[float], Any]


class DeliveryWorker(QObject):
    """Lives on the delivery thread; every slot runs there."""

    delivery_finished = Signal(object)  # whatever deliver_due returned
    delivery_failed = Signal(str)  # a bug or an unexpected error, for staff

    def __init__(self, deliver_due: DeliverDue, interval_ms: int, close: Callable[[], object]):
        super().__init__()
        self._deliver_due = deliver_due
        self._interval_ms = interval_ms
        self._close = close
        self._timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        self._timer = QTimer(self)
        self._timer.setInterval(self._interval_ms)
        self._timer.timeout.connect(self.deliver_now)
        self._timer.start()
        self.deliver_now()

    @Slot()
    def deliver_now(self) -> None:
        try:
            outcome = self._deliver_due(time.time())
        except Exception as error:  # the worker must outlive any single bad round
            log.exception("outbox delivery round failed")
            self.delivery_failed.emit(type(error).__name__)
            return
        self.delivery_finished.emit(outcome)

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        try:
            self._close()
        finally:
            # Quit from inside the thread so that this slot has run before the loop ends.
            QThread.currentThread().quit()


class DeliveryThread(QObject):
    """Owns the thread and the worker; ``wake()`` is safe to call from the UI thread."""

    delivery_finished = Signal(object)
    delivery_failed = Signal(str)
    _wake_requested = Signal()
    _stop_requested = Signal()

    def __init__(
        self,
        deliver_due: DeliverDue,
        interval_ms: int = 5000,
        close: Callable[[], object] = lambda: None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("outbox-delivery")
        self._worker = DeliveryWorker(deliver_due, interval_ms, close)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.start)
        self._wake_requested.connect(self._worker.deliver_now)
        self._stop_requested.connect(self._worker.stop)
        self._worker.delivery_finished.connect(self.delivery_finished)
        self._worker.delivery_failed.connect(self.delivery_failed)

    @property
    def worker_thread(self) -> QThread:
        return self._thread

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake_requested.emit()

    def stop(self, timeout_ms: int = 30_000) -> bool:
        """Stop after the round in progress; True when the thread ended in time."""
        if not self._thread.isRunning():
            return True
        self._stop_requested.emit()
        return self._thread.wait(timeout_ms)
