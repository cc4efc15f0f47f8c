"""Unexpected errors: logged with their traceback, never shown to a citizen.

``CrashGuard`` replaces ``sys.excepthook`` (Python errors raised in Qt slots
and event handlers end up there) and ``threading.excepthook``, and routes Qt's
own warnings into the log. Each error emits ``crashed`` (queued, so the UI
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

from PySide6.QtCore import QMessageLogContext, QObject, QtMsgType, Signal, qInstallMessageHandler

log = logging.getLogger("kiosk.crash")
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


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
        qInstallMessageHandler(_qt_message_handler)

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            threading.excepthook = self._previous_thread_hook
            qInstallMessageHandler(None)
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


# Platform plugins without a window manager say these about every window; not a problem.
_HARMLESS = ("This plugin does not support",)


def _qt_message_handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _QT_LEVELS.get(kind, logging.WARNING)
    if message.startswith(_HARMLESS):
        level = logging.DEBUG
    qt_log.log(level, "%s", message)
