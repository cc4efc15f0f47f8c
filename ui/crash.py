"""Unexpected errors: logged with their traceback, never shown to a citizen.

``CrashGuard`` replaces ``sys.excepthook`` (Python errors raised in Qt slots
and event handlers end up there) and ``threading.excepthook``.

Qt's own messages are deliberately *not* routed through a Python message
handler: Qt calls it from its internal threads (the keyboard's QML loader, the
scene graph) while the GUI thread may hold the interpreter lock inside a Qt
call, and the two wait for each other forever (seen when the on-screen keyboard
first appears). Qt writes its messages to stderr, which the service manager's
journal keeps next to our log. Each error emits ``crashed`` (queued, so the UI
reacts outside the failing code); the main window answers with the calm
recovery screen and then Home.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("kiosk.crash")


class CrashGuard(QObject):
    crashed = Signal(str)
    """An unexpected error happened; the argument is its one-line summary (for logs only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        self._previous_hook: Any = None
        self._previous_thread_hook: Any = None

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            threading.excepthook = self._previous_thread_hook
            self._previous_hook = None

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            if self._previous_hook is not None:
                self._previous_hook(exc_type, exc, tb)
            return
        self.count += 1
        try:
            log.error("unexpected error, recovering", exc_info=(exc_type, exc, tb))
        except Exception:  # logging itself failed: still never show a dialog
            sys.stderr.write("".join(traceback.format_exception(exc_type, exc, tb)))
        self.crashed.emit(f"{exc_type.__name__}")

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)
