"""Anonymous usage events, queued locally and uploaded to ``POST /events`` in batches.

Events never carry a name, an ID number or a phone number; ``queue_event``
refuses data that looks like one rather than sending it.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import uuid
from collections.abc import Mapping
from typing import Any

from offline_cache.models import EventQueue

MAX_BATCH = 500
_PERSONAL_KEYS = {"name", "phone", "id_number", "mobile", "citizen"}
_PERSONAL_VALUE = re.compile(r"(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx]|\d{15})(?!\d)")


class PersonalDataInEvent(ValueError):
    """An event carried something that looks like personal data."""


def _check(data: Any) -> None:
    if isinstance(data, Mapping):
        for key, value in data.items():
            if str(key).lower() in _PERSONAL_KEYS:
                raise PersonalDataInEvent(f"event field {key!r} is not allowed")
            _check(value)
    elif isinstance(data, list | tuple):
        for value in data:
            _check(value)
    elif isinstance(data, str) and _PERSONAL_VALUE.search(data):
        raise PersonalDataInEvent("event text looks like a phone or ID number")


def queue_event(
    event_type: str, data: Mapping[str, Any] | None = None, at: float | None = None
) -> str:
    """Queue one event; returns its id."""
    if not event_type or len(event_type) > 40:
        raise ValueError("event type must have 1 to 40 characters")
    _check(data or {})
    moment = time.time() if at is None else at
    event_id = str(uuid.uuid4())
    EventQueue.create(
        id=event_id,
        type=event_type,
        at=dt.datetime.fromtimestamp(moment, dt.UTC).isoformat(timespec="seconds"),
        data=dict(data) if data else None,
        queued_at=moment,
    )
    return event_id


def pending_batch(limit: int = MAX_BATCH) -> list[dict[str, Any]]:
    """The oldest queued events in the contract's ``Event`` shape."""
    rows = (
        EventQueue.select()
        .order_by(EventQueue.queued_at, EventQueue.id)
        .limit(min(limit, MAX_BATCH))
    )
    batch = []
    for row in rows:
        event: dict[str, Any] = {"id": row.id, "type": row.type, "at": row.at}
        if row.data is not None:
            event["data"] = row.data
        batch.append(event)
    return batch


def forget(event_ids: list[str]) -> int:
    return (
        int(EventQueue.delete().where(EventQueue.id.in_(event_ids)).execute()) if event_ids else 0
    )


def pending_count() -> int:
    return int(EventQueue.select().count())
