from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from peewee import SqliteDatabase
from pytestqt.qtbot import QtBot

from devserver.testing import DevServer
from kiosk.heartbeat import HeartbeatService
from kiosk.maintenance import MaintenanceMode, MaintenanceNotice
from kiosk.staff.audit import AuditLog, MemoryEventSink
from offline_cache.api_client import CentralClient
from offline_cache.content_store import ContentStore
from offline_cache.db import database_proxy, open_database
from offline_cache.schema import ensure_schema
from offline_cache.sync import SyncEngine


class WallClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC).timestamp()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def database(tmp_path: Path) -> Iterator[SqliteDatabase]:
    db = open_database(tmp_path / "kiosk.sqlite3")
    ensure_schema(db)
    yield db
    db.close()
    database_proxy.initialize(None)


def make_mode(
    tmp_path: Path, clock: WallClock | None = None
) -> tuple[MaintenanceMode, MemoryEventSink]:
    sink = MemoryEventSink()
    return MaintenanceMode(
        tmp_path / "maintenance.json", AuditLog(sink), clock or WallClock()
    ), sink


def test_staff_switch_is_audited_and_survives_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    mode, sink = make_mode(tmp_path)
    with qtbot.waitSignal(mode.changed) as blocker:
        mode.set_by_staff(True, "设备检修，请到3号窗口办理")
    assert blocker.args[0] == MaintenanceNotice(
        True, "staff", "设备检修，请到3号窗口办理", "设备检修，请到3号窗口办理"
    )
    assert sink.events[-1]["type"] == "maintenance_on"
    assert sink.events[-1]["data"] == {"source": "staff", "with_message": True}
    restarted, _ = make_mode(tmp_path)
    assert restarted.active and restarted.notice().source == "staff"
    restarted.set_by_staff(False)
    assert not make_mode(tmp_path)[0].active


def test_platform_maintenance_ends_at_until(tmp_path: Path) -> None:
    clock = WallClock()
    mode, sink = make_mode(tmp_path, clock)
    mode.apply_config(
        {
            "maintenance": {
                "active": True,
                "message_zh": "系统升级",
                "message_en": "Upgrading",
                "until": "2026-11-22T20:30:00+08:00",
            }
        }
    )
    notice = mode.notice()
    assert notice.active and notice.source == "platform" and notice.message_en == "Upgrading"
    clock.now += 29 * 60
    mode.recheck()
    assert mode.active
    clock.now += 2 * 60
    mode.recheck()
    assert not mode.active
    assert [e["type"] for e in sink.events] == ["maintenance_on", "maintenance_off"]


def test_garbage_config_and_state_file_do_not_break_it(tmp_path: Path) -> None:
    (tmp_path / "maintenance.json").write_text("{not json")
    mode, _ = make_mode(tmp_path)
    for config in (None, {}, {"maintenance": "yes"}, {"maintenance": {"active": "true"}}):
        mode.apply_config(config)  # type: ignore[arg-type]
        assert not mode.active
    mode.apply_config({"maintenance": {"active": True, "until": "tomorrow"}})
    assert mode.active  # an unreadable until means: until switched off


def test_remote_maintenance_on_and_off_through_the_heartbeat(
    qtbot: QtBot, tmp_path: Path, database: SqliteDatabase
) -> None:
    with DevServer() as server:
        client = CentralClient(server.url, server.token, server.kiosk_id, read_timeout=10)
        engine = SyncEngine(client, ContentStore(database))
        mode, sink = make_mode(tmp_path)
        heartbeat = HeartbeatService(
            engine,
            "0.1.0",
            interval_s=3600,
            status=lambda: "maintenance" if mode.active else "in_service",
            devices=lambda: {"idcard": "absent", "speech": "ok"},
        )
        heartbeat.config_received.connect(mode.apply_config)
        with qtbot.waitSignal(heartbeat.beat_finished, timeout=10_000) as first:
            heartbeat.start()
        assert first.args == [True]
        assert not mode.active

        server.set_maintenance(True, message_zh="系统维护中", message_en="Under maintenance")
        with qtbot.waitSignal(mode.changed, timeout=10_000) as on:
            assert heartbeat.beat_now()
        assert on.args[0].active and on.args[0].message_zh == "系统维护中"

        with qtbot.waitSignal(heartbeat.beat_finished, timeout=10_000):
            heartbeat.beat_now()
        first_beat, last_beat = (
            server.heartbeats()[0]["heartbeat"],
            server.heartbeats()[-1]["heartbeat"],
        )
        assert first_beat["status"] == "in_service"
        assert last_beat["status"] == "maintenance"
        assert last_beat["devices"] == {"idcard": "absent", "speech": "ok"}
        assert last_beat["outbox_pending"] == 0 and last_beat["app_version"] == "0.1.0"
        assert "maintenance_on" in [e["type"] for e in sink.events]

        server.set_maintenance(False)
        with qtbot.waitSignal(mode.changed, timeout=10_000) as off:
            heartbeat.beat_now()
        assert not off.args[0].active
        heartbeat.stop()
