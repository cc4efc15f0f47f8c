"""The ID-card reader, card login and read-aloud as services of the running kiosk.

``attach_device_services`` runs inside :func:`kiosk.app.build_services` and does
only cheap work: it builds the (not yet started) reader service and the card
login on top of it. Opening the serial port (or the built-in simulator) and the
speech engine happens in :func:`start_device_services`, which
``Services.after_ready`` schedules :data:`DEVICE_START_DELAY_MS` after Home is
shown, so that neither Home's first frame nor its first tap waits for a device;
a failure there is logged and leaves the kiosk running without that device.
``stop_device_services`` runs at exit.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from kiosk.card_login import CardLogin
from kiosk.idcard_service import IdCardService

if TYPE_CHECKING:
    from kiosk.app import Services

log = logging.getLogger(__name__)

# Long enough for Home's first frame and first tap, short enough that a card
# placed as the kiosk comes up is read at once.
DEVICE_START_DELAY_MS = 150


def attach_device_services(services: Services) -> None:
    """Fill ``idcard`` and ``login``; start both devices once Home is shown."""
    if services.idcard is None:
        services.idcard = IdCardService(services.settings)
    if services.login is None:
        services.login = CardLogin(
            services.idcard,
            services.session,
            is_staff_mode=lambda: staff_mode_active(services),
        )
    lifecycle = _DeviceLifecycle(services)
    services.after_ready(lifecycle.schedule_start)
    services.on_shutdown(lifecycle.stop)


class _DeviceLifecycle:
    """Starts the devices a moment after Home, stops them at exit, and never starts
    them after the exit (a start still pending when the kiosk stops is dropped)."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._stopped = False

    def schedule_start(self, delay_ms: int = DEVICE_START_DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self.start)

    def start(self) -> None:
        if not self._stopped:
            start_device_services(self._services)

    def stop(self) -> None:
        self._stopped = True
        stop_device_services(self._services)


def staff_mode_active(services: Services) -> bool:
    """True while staff mode is open (the staff session is running)."""
    staff = services.staff
    session = getattr(staff, "session", None) if staff is not None else None
    return bool(session is not None and session.is_active)


def start_device_services(services: Services) -> None:
    """Open the reader and the speech engine; each failure only costs that device."""
    if services.speech is None:
        try:
            # Imported here: the speech stack is the slowest import of the kiosk.
            from kiosk.speech_service import SpeechService

            services.speech = SpeechService.from_settings(services.settings)
        except Exception:
            log.exception("read-aloud could not start; the kiosk runs without it")
    idcard = services.idcard
    if idcard is not None:
        try:
            idcard.start()
        except Exception:
            log.exception("ID-card reader could not start; the kiosk runs without it")


def stop_device_services(services: Services) -> None:
    idcard = services.idcard
    if idcard is not None:
        try:
            idcard.stop()
        except Exception:
            log.exception("stopping the ID-card reader failed")
    speech = services.speech
    if speech is not None:
        try:
            speech.close()
        except Exception:
            log.exception("stopping read-aloud failed")
