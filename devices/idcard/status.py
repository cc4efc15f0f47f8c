"""How a card reader is doing: what the staff panel, the heartbeat and the login screen
may know about it (never any card data).

Its own module so that the kiosk can show the reader's state before the reader,
its serial port library and the card decoder are imported.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class ReaderHealth(enum.StrEnum):
    OK = "ok"
    ABSENT = "absent"  # no device at the configured port
    ERROR = "error"  # a device is there but does not work (SAM, permissions, garbage)


@dataclass(frozen=True)
class ReaderStatus:
    """What the staff panel and the heartbeat may know: never any card data."""

    health: ReaderHealth
    detail: str = ""
    last_read_at: dt.datetime | None = None
    sam_id: str | None = None
