"""Run one blocking call (a lookup over the network) off the UI thread.

The work runs on a thread of its own and its result comes back through the
application's inbox (kiosk.ui_inbox), so ``finished`` and ``failed`` are
emitted on the UI thread and a screen's slot may touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.ui_inbox import ui_inbox


class BackgroundCall(QObject):
    finished = Signal(object)
    failed = Signal(str)  # the exception's class name (logged with its traceback)

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._work = work

    def start(self) -> None:
        ui_inbox().run_in_thread(
            "background-call",
            self._work,
            self.finished.emit,
            lambda error: self.failed.emit(type(error).__name__),
        )
