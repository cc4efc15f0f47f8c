"""Whether the central platform is reachable: one flag the top bar shows as a badge.

The sync and heartbeat services call :meth:`Connectivity.set_online`; the UI
listens to ``changed``. With no central platform configured the kiosk serves
its bundled content and reports itself offline.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Connectivity(QObject):
    changed = Signal(bool)
    """The platform became reachable (True) or unreachable (False)."""

    def __init__(self, online: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._online = online

    @property
    def online(self) -> bool:
        return self._online

    def set_online(self, online: bool) -> None:
        if bool(online) != self._online:
            self._online = bool(online)
            self.changed.emit(self._online)
