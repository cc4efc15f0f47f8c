"""Results of plain Python worker threads, handed to the UI thread with no Qt call
made on the worker's side.

A worker thread that emits a Qt signal holds the interpreter lock while Qt locks
the sender's connection list. If the UI thread is destroying a widget connected
to that sender at the same moment (a panel dropped by a session wipe, released
with ``deleteLater``), Qt holds that lock there and needs the interpreter to drop
the Python slot: each thread waits for the other for good, and the kiosk freezes
with no error. (A run of the hand-off tests once froze in exactly that moment: a
token request still on its way while the wipe dropped the receipt's QR panel.)

So workers only put their answer into a queue, and the UI thread takes it out on
a short timer, which runs only while an answer is awaited.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

POLL_INTERVAL_MS = 10


class UiInbox(QObject):
    """Call ``expect()`` on the UI thread for each answer to come, ``post()`` it from any
    thread; the callback then runs on the UI thread within ``POLL_INTERVAL_MS``."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = POLL_INTERVAL_MS):
        super().__init__(parent)
        self._answers: queue.SimpleQueue[tuple[Callable[..., Any], tuple[Any, ...]]] = (
            queue.SimpleQueue()
        )
        self._awaited = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.deliver)

    @property
    def awaited(self) -> int:
        """Answers expected and not delivered yet."""
        return self._awaited

    @property
    def polling(self) -> bool:
        """Whether the UI thread is looking for answers (only while some are awaited)."""
        return self._timer.isActive()

    def expect(self) -> None:
        """One more answer will be posted (UI thread only)."""
        self._awaited += 1
        if not self._timer.isActive():
            self._timer.start()

    def post(self, callback: Callable[..., Any], *args: Any) -> None:
        """Run ``callback(*args)`` on the UI thread (safe from any thread: no Qt call)."""
        self._answers.put((callback, args))

    def deliver(self) -> int:
        """Run the answers posted so far (the timer does this); returns how many ran."""
        delivered = 0
        while True:
            try:
                callback, args = self._answers.get_nowait()
            except queue.Empty:
                break
            delivered += 1
            self._awaited = max(0, self._awaited - 1)
            try:
                callback(*args)
            except Exception:  # one faulty receiver must not stop the others' answers
                log.exception("delivering a worker's answer failed")
        if self._awaited == 0:
            self._timer.stop()
        return delivered
