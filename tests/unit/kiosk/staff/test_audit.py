from __future__ import annotations

import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.staff.audit import AuditLog, MemoryEventSink, QueuedEventSink, clean_data


def test_event_has_the_contract_shape() -> None:
    sink = MemoryEventSink()
    event = AuditLog(sink, clock=lambda: 1_800_000_000.0).action("sync_now")
    assert sink.events == [event]
    assert uuid.UUID(event["id"]).version == 4
    assert event["type"] == "staff_action"
    assert event["at"] == "2027-01-15T08:00:00+00:00"
    assert event["data"] == {"action": "sync_now"}


def test_personal_data_never_reaches_an_event() -> None:
    data = clean_data(
        {
            "note": "call 13812345678",
            "id": "11010519491231002X",
            "obj": {"name": "张三"},
            "count": 3,
            "ok": True,
            "key": "session.idle_timeout_s",
        }
    )
    assert data == {
        "note": "[redacted]",
        "id": "[redacted]",
        "obj": "[redacted]",
        "count": 3,
        "ok": True,
        "key": "session.idle_timeout_s",
    }


def test_a_failing_sink_does_not_stop_the_action() -> None:
    class BrokenSink:
        def enqueue(self, event: Mapping[str, Any]) -> None:
            raise OSError("disk full")

    event = AuditLog(BrokenSink()).action("restart")
    assert event["data"]["action"] == "restart"


def test_events_reach_the_durable_queue_in_contract_shape(tmp_path: Path) -> None:
    from offline_cache import events
    from offline_cache.db import database_proxy, open_database
    from offline_cache.schema import ensure_schema

    database = open_database(tmp_path / "kiosk.sqlite3")
    ensure_schema(database)
    log = AuditLog(QueuedEventSink(), clock=lambda: 1_800_000_000.0)
    log.action("setting_changed", key="session.idle_timeout_s")
    log.record("staff_login")
    batch = events.pending_batch()
    assert sorted((e["type"], repr(e.get("data"))) for e in batch) == [
        ("staff_action", repr({"action": "setting_changed", "key": "session.idle_timeout_s"})),
        ("staff_login", "None"),
    ]
    assert {e["at"] for e in batch} == {"2027-01-15T08:00:00+00:00"}
    database.close()
    database_proxy.initialize(None)
