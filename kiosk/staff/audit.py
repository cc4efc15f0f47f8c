"""The audit trail of staff actions, sent to the platform through ``POST /events``.

Every staff action becomes one event of the contract's ``Event`` shape
(``id``, ``type``, ``at``, ``data``). Events never carry personal data: their
``data`` holds only numbers, booleans and short codes, and any text that looks
like an ID number or a phone number is dropped before the event is queued.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Protocol

from kiosk.pii import mask_text

log = logging.getLogger(__name__)

# Event types (the contract's examples, plus the staff-specific ones).
STAFF_LOGIN = "staff_login"
STAFF_LOGIN_FAILED = "staff_login_failed"
STAFF_LOCKOUT = "staff_lockout"
STAFF_LOGOUT = "staff_logout"
STAFF_ACTION = "staff_action"
MAINTENANCE_ON = "maintenance_on"
MAINTENANCE_OFF = "maintenance_off"

_MAX_TEXT = 80
_REDACTED = "[redacted]"

Event = dict[str, Any]


class EventSink(Protocol):
    """Where audit events go: the durable event queue that feeds ``POST /events``."""

    def enqueue(self, event: Mapping[str, Any]) -> None: ...


class QueuedEventSink:
    """The local SQLite event queue (``offline_cache.events``), uploaded by the sync engine.

    Events recorded before the database is open (early in start-up) wait in
    memory and go to the queue with the next event once it is open.
    """

    def __init__(self) -> None:
        self._waiting: list[Mapping[str, Any]] = []

    def enqueue(self, event: Mapping[str, Any]) -> None:
        from offline_cache import events
        from offline_cache.db import database_proxy

        self._waiting.append(dict(event))
        if database_proxy.obj is None:
            return
        while self._waiting:
            waiting = self._waiting[0]
            moment = datetime.fromisoformat(str(waiting["at"])).timestamp()
            events.queue_event(str(waiting["type"]), waiting.get("data") or None, at=moment)
            self._waiting.pop(0)


def make_event(event_type: str, data: Mapping[str, Any], at: float) -> Event:
    import uuid  # (and the platform probe behind it) when the first event is made

    return {
        "id": str(uuid.uuid4()),
        "type": event_type[:40],
        "at": datetime.fromtimestamp(at, UTC).isoformat(timespec="seconds"),
        "data": clean_data(data),
    }


def clean_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """Only plain values; text that carries an ID or phone number is replaced."""
    cleaned: dict[str, Any] = {}
    for key, value in data.items():
        if value is None or isinstance(value, bool | int | float):
            cleaned[str(key)] = value
        elif isinstance(value, str):
            text = value[:_MAX_TEXT]
            cleaned[str(key)] = text if mask_text(text) == text else _REDACTED
        else:
            cleaned[str(key)] = _REDACTED
    return cleaned


class AuditLog:
    """Records staff actions as events; a failing sink never breaks the action itself."""

    def __init__(self, sink: EventSink, clock: Callable[[], float] = time.time):
        self._sink = sink
        self._clock = clock

    def record(self, event_type: str, **data: Any) -> Event:
        event = make_event(event_type, data, self._clock())
        try:
            self._sink.enqueue(event)
        except Exception:  # the audit trail must not stop staff from working
            log.exception("could not queue audit event %s", event_type)
        log.info("audit %s %s", event["type"], event["data"])
        return event

    def action(self, action: str, **data: Any) -> Event:
        """One staff action (toggle, setting change, sync now, restart, exit …)."""
        return self.record(STAFF_ACTION, action=action, **data)


class MemoryEventSink:
    """Keeps events in memory; used where no durable queue exists (CLI, demos)."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def enqueue(self, event: Mapping[str, Any]) -> None:
        self.events.append(dict(event))
