"""Python's cycle collector runs on the UI thread only.

The collector runs in whichever thread happens to allocate when a threshold is
crossed: the sync and delivery threads, the content search worker, the card
reader. Whatever unreachable cycles exist at that moment are freed there, and
Qt objects are often among them (a screen and the lambda connected to one of
its buttons form a cycle). A widget or a timer destroyed on a thread other than
its own is undefined behaviour in Qt: warnings at best ("Timers cannot be
stopped from another thread"), a crash or a deadlock at worst. Counted over the
UI tests, hundreds of widgets, timers and whole main windows went to a
collection on an HTTP, search or sync thread.

So automatic collection is switched off and the UI thread runs the same
generational schedule itself on a short timer. Reference counting still frees
everything that is not in a cycle at once, on any thread; only cycles wait for
the next tick.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 250
"""How often the UI thread looks at the collector's counts (a look costs microseconds)."""
FULL_COLLECTION_MIN_INTERVAL_S = 120.0
"""A full collection walks every tracked object: about 45 ms with every screen built.
The interpreter holds it back until the long-lived objects have grown by a quarter
(a figure Python does not expose); a kiosk's heap is mostly long-lived screens, so
here a full collection comes at most this often, the younger ones as usual."""


class CollectionSchedule:
    """The interpreter's generational rule, applied from the UI thread."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._thresholds = gc.get_threshold()
        self._last_full = clock()

    def collect_due(self) -> int | None:
        """Collect the oldest generation that is due; the generation or None.

        Generation 0 when its allocation count passes the first threshold, an
        older one when enough younger collections have happened since it was
        last collected (the full one no more often than the interval above).
        """
        if threading.current_thread() is not threading.main_thread():
            return None  # only the UI thread may free Qt objects
        counts = gc.get_count()
        if counts[0] <= self._thresholds[0]:
            return None
        generation = 1 if counts[1] > self._thresholds[1] else 0
        now = self._clock()
        if counts[2] > self._thresholds[2] and now - self._last_full >= (
            FULL_COLLECTION_MIN_INTERVAL_S
        ):
            generation = 2
            self._last_full = now
        gc.collect(generation)
        return generation


_schedule = CollectionSchedule()


def collect_due_generations() -> int | None:
    """The application's schedule: collect what is due now (UI thread only)."""
    return _schedule.collect_due()


class MainThreadCollector(QObject):
    """Owned by the application: lives, and keeps collection on its thread, as long as it."""

    def __init__(self, parent: QObject, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.setObjectName("main-thread-gc")
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(collect_due_generations)
        self._timer.start()


def install_main_thread_gc(app: QCoreApplication) -> MainThreadCollector:
    """Switch automatic collection off and collect on ``app``'s thread (idempotent)."""
    existing = app.findChild(MainThreadCollector, "main-thread-gc")
    if isinstance(existing, MainThreadCollector):
        return existing
    return MainThreadCollector(app)
