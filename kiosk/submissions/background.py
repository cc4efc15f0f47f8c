"""Run one blocking call (a lookup over the network) off the UI thread.

The result comes back through a signal delivered on the thread that created
the ``BackgroundCall`` (the UI thread), so a screen's slot may touch widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class BackgroundCall(QObject):
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._work = work
        self.running = False

    def start(self, pool: QThreadPool | None = None) -> None:
        self.running = True
        (pool or QThreadPool.globalInstance()).start(_Job(self))

    def _run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # reported, never raised into the pool
            log.exception("background call failed")
            self.running = False
            self.failed.emit(type(error).__name__)
            return
        self.running = False
        self.finished.emit(result)


class _Job(QRunnable):
    def __init__(self, call: BackgroundCall):
        super().__init__()
        self._call = call

    def run(self) -> None:
        self._call._run()
