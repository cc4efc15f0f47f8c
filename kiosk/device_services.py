"""The ID-card reader, card login and read-aloud as services of the running kiosk.

``attach_device_services`` runs inside :func:`kiosk.app.build_services` and does
only cheap work: it builds the (not yet started) reader service and the card
login on top of it. Opening the serial port (or the built-in simulator) and the
speech engine happens in :func:`start_device_services`, registered with
``Services.after_ready`` so that Home is on screen first; a failure there is
logged and leaves the kiosk running without that device. ``stop_device_services``
runs at exit.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kiosk.card_login import CardLogin
from kiosk.idcard_service import IdCardService

if TYPE_CHECKING:
    from kiosk.app import Services

log = logging.getLogger(__name__)


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
    services.after_ready(lambda: start_device_services(services))
    services.at_exit(lambda: stop_device_services(services))


def staff_mode_active(services: Services) -> bool:
    """True while staff mode is open (a staff service with a true ``active``)."""
    return bool(getattr(services.staff, "active", False))


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
