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

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 250
"""How often the UI thread looks at the collector's counts (a look costs microseconds)."""

_thresholds = gc.get_threshold()


def collect_due_generations() -> int | None:
    """Collect the oldest generation whose threshold is crossed; the generation or None.

    The same rule the interpreter applies on allocation: generation 0 when its
    allocation count passes the first threshold, an older one when enough
    younger collections have happened since it was last collected.
    """
    if threading.current_thread() is not threading.main_thread():
        return None  # only the UI thread may free Qt objects
    counts = gc.get_count()
    if counts[0] <= _thresholds[0]:
        return None
    generation = 0
    for older in (1, 2):
        if counts[older] > _thresholds[older]:
            generation = older
    gc.collect(generation)
    return generation


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
