"""The services the screens use, built once at start-up and passed through constructors.

Screens receive one :class:`Services` and reach nothing else: no globals, no
database, no device. The optional slots are filled by the features that provide
them; a screen whose service is ``None`` shows that the service is not
available instead of failing.

Keep :func:`build_services` light: it runs before Home is shown, so anything
slow (opening the database, importing pypinyin or requests) belongs in a
service's own lazy start, or in a callback registered with
:meth:`Services.after_ready`, which the shell runs once Home is on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk.connectivity import Connectivity
from kiosk.device_services import attach_device_services
from kiosk.session import CitizenSession
from kiosk.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Services:
    """Everything a screen may use. ``None`` slots are services not built (yet)."""

    settings: Settings
    session: CitizenSession
    connectivity: Connectivity = field(default_factory=Connectivity)
    content: Any = None
    """Lookup and search of laws, practitioners, institutions, cases, Q&A, guides, announcements."""
    sync: Any = None
    """Pull of the central content change feed and push of the outbox."""
    submissions: Any = None
    """Consultations and complaints: drafts, durable outbox, receipts, answers."""
    idcard: Any = None
    """The ID-card reader (real or simulated)."""
    speech: Any = None
    """Read-aloud (text to speech)."""
    handoff: Any = None
    """Continue-on-phone QR codes."""
    staff: Any = None
    """Staff mode: PIN check, maintenance actions."""
    login: Any = None
    """ID-card login (kiosk.card_login.CardLogin): a card placed logs the citizen in."""
    _ready_callbacks: list[Callable[[], None]] = field(default_factory=list, repr=False)
    _stop_callbacks: list[Callable[[], None]] = field(default_factory=list, repr=False)

    def after_ready(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once Home is shown (for slow start-up work)."""
        self._ready_callbacks.append(callback)

    def on_shutdown(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` when the kiosk stops (threads joined, devices closed)."""
        self._stop_callbacks.append(callback)

    def shutdown(self) -> None:
        """Stop every started service, the last started first; safe to call twice.

        Start-up work still waiting is dropped: what it would start now would
        outlive the kiosk (its stop callbacks have already run).
        """
        self._ready_callbacks.clear()
        callbacks, self._stop_callbacks = self._stop_callbacks, []
        for callback in reversed(callbacks):
            try:
                callback()
            except Exception:  # stopping one service must not keep the others running
                log.exception("shutdown callback %r failed", callback)

    def run_ready_callbacks(self) -> None:
        """Run every start-up callback now, in the order they were registered."""
        while self.run_next_ready_callback():
            pass

    def run_next_ready_callback(self) -> bool:
        """Run the oldest start-up callback still waiting; True while others wait.

        The shell runs one per turn of the event loop, so that a tap on Home is
        never kept waiting for all of them together.
        """
        if self._ready_callbacks:
            callback = self._ready_callbacks.pop(0)
            try:
                callback()
            except Exception:  # one failing service must not stop the others
                log.exception("start-up callback %r failed", callback)
        return bool(self._ready_callbacks)


def build_services(settings: Settings) -> Services:
    """The services of a running kiosk. Features add their service here."""
    from kiosk.staff.overrides import apply_overrides
    from kiosk.staff.services import build_staff_services, start_fleet_services

    settings = apply_overrides(settings)  # what staff changed in the staff panel
    session = CitizenSession.from_settings(settings)
    services = Services(settings=settings, session=session, connectivity=Connectivity(False))
    attach_device_services(services)
    from kiosk.submissions.install import install_submissions

    install_submissions(services)
    services.staff = build_staff_services(settings)
    from kiosk.handoff import HandoffService

    services.handoff = HandoffService(None, settings["handoff.ttl_s"])
    # A token is as personal as the draft behind it: the next citizen never inherits one.
    session.wiped.connect(services.handoff.forget)
    services.after_ready(lambda: start_fleet_services(services))
    # Imported here: the content service pulls in peewee and the search engine.
    from kiosk.content_service import ContentService

    services.content = ContentService(settings)
    services.after_ready(services.content.start)
    services.on_shutdown(services.content.close)
    return services
