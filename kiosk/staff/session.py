"""The staff session: separate from the citizen session, with its own idle timeout.

The citizen idle wipe never touches it. It ends when staff log out, or after
``staff.idle_timeout_s`` without a touch (the UI calls :meth:`touch` on input).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.staff import audit
from kiosk.staff.audit import AuditLog


class StaffSession(QObject):
    started = Signal()
    ended = Signal(str)  # reason: "logout" or "idle"

    def __init__(self, audit_log: AuditLog, idle_timeout_s: float, parent: QObject | None = None):
        super().__init__(parent)
        self._audit = audit_log
        self._active = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.set_idle_timeout(idle_timeout_s)

    @property
    def is_active(self) -> bool:
        return self._active

    @property
    def idle_timeout_s(self) -> int:
        return self._timer.interval() // 1000

    def set_idle_timeout(self, seconds: float) -> None:
        self._timer.setInterval(int(seconds * 1000))
        if self._active:
            self._timer.start()

    def start(self) -> None:
        """Begin (after a granted PIN); starting again only restarts the idle clock."""
        was_active = self._active
        self._active = True
        self._timer.start()
        if not was_active:
            self.started.emit()

    def touch(self) -> None:
        if self._active:
            self._timer.start()

    def end(self, reason: str = "logout") -> None:
        if not self._active:
            return
        self._active = False
        self._timer.stop()
        self._audit.record(audit.STAFF_LOGOUT, reason=reason)
        self.ended.emit(reason)

    def _on_timer_timeout(self) -> None:
        self.end("idle")
