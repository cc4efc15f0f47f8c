"""Start the kiosk: the QApplication, guards, theme, services and the main window.

``run_kiosk`` is what ``legal-kiosk run`` calls. Start-up stays light on
purpose: nothing slow is imported before Home is on screen; services register
slow work with ``Services.after_ready``.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.app import Services, build_services
from kiosk.main_thread_gc import install_main_thread_gc
from kiosk.sd_notify import SystemdNotifier
from kiosk.settings import Settings
from kiosk.watchdog import WatchdogFeeder
from ui.crash import CrashGuard
from ui.event_loop import step_each_turn
from ui.lockdown import ActivityMonitor, LockdownFilter
from ui.main_window import MainWindow
from ui.screen_manager import HOME

log = logging.getLogger(__name__)


class Kiosk:
    """The running kiosk: what lives as long as the QApplication."""

    def __init__(self, app: QApplication, services: Services, windowed: bool = False) -> None:
        self.app = app
        self.services = services
        self.crash_guard = CrashGuard(app)
        self.crash_guard.install()
        self.lockdown = LockdownFilter(app)
        self.activity = ActivityMonitor(services.session.touch, app)
        app.installEventFilter(self.lockdown)
        app.installEventFilter(self.activity)
        self.window = MainWindow(services)
        self.crash_guard.crashed.connect(self.window.recover)
        self.keyboard = None
        if os.environ.get("QT_IM_MODULE") == "qtvirtualkeyboard":
            from ui.keyboard import VirtualKeyboard

            self.keyboard = VirtualKeyboard(self.window, services.session)
        app.aboutToQuit.connect(self._on_app_about_to_quit)
        self.window.place_on_screen(windowed)
        self.window.show_home()
        services.after_ready(self.window.register_remaining_screens)
        # A citizen leaving Home while start-up work still waits (a tap in the first
        # tens of milliseconds) has it run first: no screen then meets a service
        # that is merely not started yet ("not available" on the agreement).
        self.window.manager.navigation_started.connect(
            lambda _screen_id: services.run_ready_callbacks()
        )
        services.session.start_clock()
        self.staff_controller = None
        if services.staff is not None:
            from ui.staff_controller import StaffController

            self.staff_controller = StaffController(self.window, services, app)

    def start_after_home(self) -> None:
        """The start-up work left for after Home, one callback per turn of the event
        loop, from the first turn after Home is shown."""
        QTimer.singleShot(0, lambda: step_each_turn(self.services.run_next_ready_callback))

    def _on_app_about_to_quit(self) -> None:
        # Take the focus out of any field and hide the window while the
        # keyboard still exists: left to the interpreter's final clean-up, the
        # focus change reached the keyboard after its windows were gone (crash).
        focused = self.app.focusWidget()
        if focused is not None:
            focused.clearFocus()
        self.app.inputMethod().hide()
        self.window.hide()

    def shutdown(self) -> None:
        if self.staff_controller is not None:
            self.staff_controller.shutdown()
        if self.keyboard is not None:
            self.keyboard.release()
        self.crash_guard.uninstall()
        self.app.removeEventFilter(self.lockdown)
        self.app.removeEventFilter(self.activity)
        self.window.read_aloud.detach()
        self.services.shutdown()  # devices stop: reader thread, simulator pty, speech threads


def create_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("legal-kiosk")
    app.setOrganizationName("legal-kiosk")
    app.setQuitOnLastWindowClosed(True)
    install_main_thread_gc(app)  # Qt objects in cycles are freed on their own thread
    return app


def run_kiosk(
    settings: Settings,
    *,
    windowed: bool = False,
    screenshots: Path | None = None,
    quit_when_ready: bool = False,
) -> int:
    if screenshots is not None:
        from ui.screenshots import prepare_offscreen

        prepare_offscreen()
    elif not _has_display():
        print(
            "legal-kiosk: no display found (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are "
            "unset). Start it with `make run` (which uses a virtual screen), under xvfb-run, "
            "or render every screen with `legal-kiosk run --screenshots DIR`.",
            file=sys.stderr,
        )
        return 2
    else:
        os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
        # The keyboard's Qt Quick panel: software rendering halves its memory and
        # needs no GPU driver (measured: ~111 MiB instead of ~218 MiB RSS).
        os.environ.setdefault("QT_QUICK_BACKEND", "software")
    app = create_application()
    services = build_services(settings)
    if screenshots is not None:
        from ui.screenshots import render_tour

        written = render_tour(app, services, screenshots)
        _close_services(services)
        print(f"{len(written)} screenshots written to {screenshots}")
        return 0
    kiosk = Kiosk(app, services, windowed=windowed)
    kiosk.start_after_home()
    # READY=1 and the watchdog pings come from the event loop: a hung UI stops them.
    watchdog = WatchdogFeeder(SystemdNotifier(), app)
    QTimer.singleShot(0, watchdog.start)
    if quit_when_ready:
        QTimer.singleShot(0, lambda: _quit_when_home(kiosk))
    stop_on_sigterm = _StopOnSignal(kiosk)
    log.info("kiosk %s ready", settings["kiosk.id"])
    try:
        return int(app.exec())
    finally:
        stop_on_sigterm.release()
        watchdog.stop()
        kiosk.shutdown()
        _close_services(services)


class _StopOnSignal:
    """``systemctl stop`` (SIGTERM) or Ctrl+C in a terminal (SIGINT, e.g. ``make demo``)
    ends the kiosk through its normal shutdown.

    Python runs signal handlers only when it holds the interpreter, which it does
    not while Qt waits for events: a short timer gives it that chance.
    """

    def __init__(self, kiosk: Kiosk) -> None:
        self._kiosk = kiosk
        self._previous = {
            number: signal.signal(number, self._on_signal)
            for number in (signal.SIGTERM, signal.SIGINT)
        }
        self._wake = QTimer()
        self._wake.setInterval(250)
        self._wake.timeout.connect(lambda: None)
        self._wake.start()

    def _on_signal(self, _number: int, _frame: object) -> None:
        log.info("stop requested (%s): shutting down", signal.Signals(_number).name)
        self._kiosk.window.allow_close()
        self._kiosk.app.exit(0)

    def release(self) -> None:
        self._wake.stop()
        for number, previous in self._previous.items():
            signal.signal(number, previous)


def _close_services(services: Services) -> None:
    """Stop service threads before the interpreter goes (a first load is let finish:
    it is one transaction, and a half-run thread at exit can abort the process)."""
    close = getattr(services.content, "close", None)
    if callable(close):
        close()


def _has_display() -> bool:
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _quit_when_home(kiosk: Kiosk) -> None:
    """Exit 0 once Home is on screen and the event loop is turning (input is accepted)."""
    window = kiosk.window
    if window.isVisible() and kiosk.window.manager.current_id == HOME:
        print("ready: home shown", flush=True)
        window.allow_close()
        kiosk.app.exit(0)
    else:
        QTimer.singleShot(10, lambda: _quit_when_home(kiosk))
