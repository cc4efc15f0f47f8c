"""Staff mode in the shell: the gesture, the staff session, and out of service.

- The staff gesture (a 5 s press on the page title, or five taps there in 3 s) ends any
  citizen session and opens the PIN pad (or the panel, if staff are still in).
- While the staff session runs, the citizen idle timer is stopped and any
  countdown is dismissed at once: the citizen wipe never ends staff work. The
  staff session has its own, longer timeout, fed by every touch.
- While the kiosk is out of service (staff or platform), every screen a citizen
  could reach is replaced by the out-of-service notice; only the gesture works.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from ui.lockdown import ActivityMonitor
from ui.screen_manager import ATTRACT
from ui.staff_gesture import LONG_PRESS_MS, StaffGestureFilter

if TYPE_CHECKING:
    from kiosk.app import Services
    from kiosk.maintenance import MaintenanceNotice
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

STAFF_SCREENS = ("staff_pin", "staff_panel")
OUT_OF_SERVICE = "out_of_service"


def _quit_application(code: int) -> None:
    QApplication.exit(code)


class StaffController(QObject):
    def __init__(
        self,
        window: MainWindow,
        services: Services,
        app: QApplication,
        clock: Callable[[], float] = time.monotonic,
        long_press_ms: int = LONG_PRESS_MS,
        exit_application: Callable[[int], None] = _quit_application,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.app = app
        self.staff = services.staff
        self._exit_application = exit_application
        self.gesture = StaffGestureFilter(window, clock, long_press_ms, self)
        self.activity = ActivityMonitor(self.staff.session.touch, self)
        app.installEventFilter(self.gesture)
        app.installEventFilter(self.activity)
        self.gesture.triggered.connect(self._on_gesture_triggered)
        self.staff.session.started.connect(self._on_staff_session_started)
        self.staff.session.ended.connect(self._on_staff_session_ended)
        self.staff.maintenance.changed.connect(self._on_maintenance_changed)
        services.session.countdown_started.connect(self._on_citizen_countdown_started)
        window.manager.screen_changed.connect(self._on_manager_screen_changed)
        # The panel is created when staff first open it, not with the kiosk.
        window.manager.screen_created.connect(self._on_manager_screen_created)
        if self.staff.maintenance.active:
            QTimer.singleShot(0, self._enforce)

    def shutdown(self) -> None:
        self.app.removeEventFilter(self.gesture)
        self.app.removeEventFilter(self.activity)

    def _on_manager_screen_created(self, screen_id: str, screen: object) -> None:
        if screen_id == "staff_panel":
            screen.exit_requested.connect(self._on_panel_exit_requested)  # type: ignore[attr-defined]

    # --- gesture and staff session ------------------------------------------------
    def _on_gesture_triggered(self) -> None:
        manager = self.window.manager
        if self.staff.session.is_active:
            manager.jump("staff_panel")
            return
        if manager.current_id in STAFF_SCREENS:
            return
        # Staff take over the terminal: whatever a citizen left is forgotten first.
        if self.services.session.is_active:
            self.services.session.wipe()
        log.info("staff gesture: PIN pad")
        manager.jump("staff_pin")

    def _on_staff_session_started(self) -> None:
        self.services.session.stop_clock()

    def _on_staff_session_ended(self, reason: str) -> None:
        self.services.session.wipe()
        self.services.session.start_clock()
        if self.window.manager.current_id in STAFF_SCREENS:
            self.window.manager.show_attract()
        self._enforce()

    def _on_citizen_countdown_started(self, _seconds: int) -> None:
        if self.staff.session.is_active:
            self.services.session.extend()

    # --- out of service -------------------------------------------------------------
    def _on_maintenance_changed(self, notice: MaintenanceNotice) -> None:
        if notice.active and self.window.manager.current_id == OUT_OF_SERVICE:
            # A new message or end time while the notice is up: show it at once.
            screen = self.window.manager.current_screen
            if screen is not None:
                screen.enter()
        elif notice.active:
            self._enforce()
        elif self.window.manager.current_id == OUT_OF_SERVICE:
            self.window.manager.show_attract()

    def _on_manager_screen_changed(self, screen_id: str) -> None:
        if self.staff.session.is_active and screen_id == ATTRACT:
            # A wipe while staff work (e.g. a stray Finish) returns to the panel.
            QTimer.singleShot(0, lambda: self.window.manager.jump("staff_panel"))
            return
        if self.staff.maintenance.active and screen_id not in (*STAFF_SCREENS, OUT_OF_SERVICE):
            QTimer.singleShot(0, self._enforce)

    def _enforce(self) -> None:
        manager = self.window.manager
        if (
            self.staff.maintenance.active
            and not self.staff.session.is_active
            and manager.current_id not in (*STAFF_SCREENS, OUT_OF_SERVICE)
        ):
            if self.services.session.is_active:
                self.services.session.wipe()
            manager.jump(OUT_OF_SERVICE)

    # --- leaving ----------------------------------------------------------------------
    def _on_panel_exit_requested(self, code: int) -> None:
        log.info("staff asked the kiosk to exit with %s", code)
        self.window.allow_close()
        self._exit_application(code)
