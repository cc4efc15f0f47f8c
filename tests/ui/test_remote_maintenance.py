"""The kiosk as built by ``build_services`` against the reference server: the platform takes it
out of service and back, and staff audit events reach ``/events``."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from devserver.testing import DevServer
from kiosk.app import Services, build_services
from kiosk.secret_store import SecretStore
from kiosk.settings import load_settings
from offline_cache.api_client import CentralClient
from offline_cache.db import database_proxy
from offline_cache.outbox import Outbox
from ui.main_window import MainWindow
from ui.screen_manager import HOME
from ui.screens.staff_pin import DIGIT_NAMES
from ui.staff_controller import StaffController
from ui.staff_gesture import gesture_zone
from ui.widgets import KineticScrollArea


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[Services, MainWindow, DevServer]]:
    with DevServer() as server:
        settings = load_settings(environ={}).with_values(
            {
                "storage.data_dir": str(tmp_path / "data"),
                "central.url": server.url,
                "central.token": server.token,
                "kiosk.id": server.kiosk_id,
            }
        )
        services = build_services(settings)
        services.staff.access.set_pin("240517")
        window = MainWindow(services)
        window.resize(1920, 1080)
        window.show()
        window.show_home()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        controller = StaffController(window, services, app, exit_application=lambda code: None)
        services.run_ready_callbacks()  # opens the database, starts the heartbeat
        heartbeat = services.staff.heartbeat
        assert heartbeat is not None
        # The first beat may wait behind the first content pull on a busy machine.
        qtbot.waitUntil(lambda: heartbeat.reachable is True, timeout=90_000)
        yield services, window, server
        services.shutdown()
        qtbot.waitUntil(lambda: not heartbeat._busy, timeout=10_000)
        controller.shutdown()
        # Staff log-out restarted the citizen clock: stop it before its window goes.
        services.session.stop_clock()
        window.allow_close()
        window.close()
        shiboken6.delete(window)
        for qobject in (services.session, services.staff.session, services.staff.maintenance):
            shiboken6.delete(qobject)
        database_proxy.obj.close()
        database_proxy.initialize(None)
        gc.collect()


def beat(qtbot: QtBot, services: Services) -> None:
    heartbeat = services.staff.heartbeat
    qtbot.waitUntil(lambda: not heartbeat._busy, timeout=10_000)
    with qtbot.waitSignal(heartbeat.beat_finished, timeout=10_000):
        assert heartbeat.beat_now()


def test_platform_switches_maintenance_on_and_off(
    qtbot: QtBot, kiosk: tuple[Services, MainWindow, DevServer]
) -> None:
    services, window, server = kiosk
    assert window.manager.current_id == HOME
    server.set_maintenance(True, message_zh="系统升级中", message_en="System upgrade")
    beat(qtbot, services)
    qtbot.waitUntil(lambda: window.manager.current_id == "out_of_service", timeout=5000)
    message = window.findChild(QWidget, "out_of_service.message_en")
    assert message is not None and message.text() == "System upgrade"  # type: ignore[attr-defined]
    assert services.connectivity.online
    beat(qtbot, services)
    assert server.heartbeats()[-1]["heartbeat"]["status"] == "maintenance"
    server.set_maintenance(False)
    beat(qtbot, services)
    qtbot.waitUntil(lambda: window.manager.current_id != "out_of_service", timeout=5000)


def login(qtbot: QtBot, window: MainWindow) -> None:
    for _ in range(5):
        qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=gesture_zone(1920).center())
    assert window.manager.current_id == "staff_pin"
    for digit in "240517":
        button = window.findChild(QWidget, f"staff_pin.key_{DIGIT_NAMES[int(digit)]}")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.findChild(QWidget, "staff_pin.ok"), Qt.MouseButton.LeftButton)
    assert window.manager.current_id == "staff_panel"


def test_staff_audit_events_are_delivered(
    qtbot: QtBot, kiosk: tuple[Services, MainWindow, DevServer]
) -> None:
    services, window, server = kiosk
    login(qtbot, window)
    qtbot.mouseClick(window.findChild(QWidget, "staff_panel.logout"), Qt.MouseButton.LeftButton)
    beat(qtbot, services)
    delivered = [row["event"]["type"] for row in server.events()]
    assert "staff_login" in delivered and "staff_logout" in delivered
    text = repr(server.events())
    assert "240517" not in text


def one_failed_submission(
    services: Services,
    server: DevServer,
    kind: str,
    client_ref: str,
    identity: dict[str, Any],
    body: dict[str, Any],
) -> Outbox:
    """The outbox after one submission that the platform refused for good (HTTP 422)."""
    outbox = Outbox(database_proxy.obj, SecretStore(services.settings.secret_file).key())
    outbox.enqueue(kind, client_ref, identity, body, "zh")
    server.fault("/api/v1/submissions", "status", status=422, count=1)
    outbox.deliver_due(CentralClient(server.url, server.token, server.kiosk_id))
    assert outbox.counts().failed == 1
    return outbox


def test_sync_now_and_retry_of_a_failed_submission(
    qtbot: QtBot, kiosk: tuple[Services, MainWindow, DevServer]
) -> None:
    services, window, server = kiosk
    outbox = one_failed_submission(
        services,
        server,
        "consultation",
        "HALL01-20261122-0001",
        {"verified": False, "name": "张三", "phone": "13812345678"},
        {
            "category": "x",
            "subject": "s" * 5,
            "content": "c" * 10,
            "is_public": False,
            "in_litigation": False,
            "consent_version": "1",
        },
    )

    login(qtbot, window)
    screen = window.manager.current_screen
    sync_facts = window.findChild(QWidget, "staff_panel.sync_facts")
    assert "发送失败：1" in sync_facts.text()  # type: ignore[attr-defined]
    entry = outbox.failed_entries()[0]
    retry = window.findChild(QWidget, f"staff_panel.retry.{entry.entry_id}")
    assert retry is not None
    assert "张三" not in repr(screen.findChildren(QWidget))  # never personal data on the panel

    sync_now = window.findChild(QWidget, "staff_panel.sync_now")
    assert sync_now.isEnabled()
    progress_texts: list[str] = []
    result_label = window.findChild(QWidget, "staff_panel.sync_result")
    services.sync.progressed.connect(lambda *_: progress_texts.append(result_label.text()))
    with qtbot.waitSignal(screen.panel.sync_finished, timeout=60_000) as finished:
        qtbot.mouseClick(sync_now, Qt.MouseButton.LeftButton)
    assert finished.args[0] is True
    assert "同步完成" in result_label.text()  # type: ignore[attr-defined]
    assert any("已处理" in text for text in progress_texts)  # the bar followed ``progressed``
    bar = window.findChild(QWidget, "staff_panel.sync_progress")
    assert bar.maximum() == 1 and bar.value() == 1  # type: ignore[attr-defined]
    assert services.staff.engine.state().last_success_at is not None
    beat(qtbot, services)
    actions = [
        row["event"].get("data", {}).get("action")
        for row in server.events()
        if row["event"]["type"] == "staff_action"
    ]
    assert "sync_now" in actions

    retry = window.findChild(QWidget, f"staff_panel.retry.{entry.entry_id}")  # rows were rebuilt
    window.findChild(KineticScrollArea, "staff_panel.scroll").ensureWidgetVisible(retry)
    qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    assert outbox.counts().failed == 0 and outbox.counts().pending == 1
    outbox.deliver_due(CentralClient(server.url, server.token, server.kiosk_id))
    assert outbox.counts().delivered == 1


def test_export_of_failed_submissions_and_the_network_check(
    qtbot: QtBot, kiosk: tuple[Services, MainWindow, DevServer]
) -> None:
    from kiosk.staff.export import read_export

    services, window, server = kiosk
    one_failed_submission(
        services,
        server,
        "complaint",
        "HALL01-20261122-0002",
        {"verified": False, "name": "李四", "phone": "13912345678"},
        {"subject": "s" * 5, "content": "c" * 10, "consent_version": "1"},
    )
    login(qtbot, window)

    # Opening the panel asks GET /health afresh.
    network = window.findChild(QWidget, "staff_panel.network_result")
    qtbot.waitUntil(lambda: "可达（" in network.text(), timeout=10_000)  # type: ignore[attr-defined]
    assert "不可达" not in network.text()  # type: ignore[attr-defined]
    server.fault("/api/v1/health", "status", status=503, count=1)
    qtbot.mouseClick(
        window.findChild(QWidget, "staff_panel.check_network"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: "不可达" in network.text(), timeout=10_000)  # type: ignore[attr-defined]

    folders = services.settings.data_dir / "export"
    targets = window.manager.current_screen.panel.export_folders()
    assert targets[-1] == folders
    to_data_folder = window.findChild(QWidget, f"staff_panel.export_to.{len(targets) - 1}")
    assert str(folders) in to_data_folder.text()  # type: ignore[attr-defined]
    passphrase = window.findChild(QWidget, "staff_panel.export_passphrase")
    result = window.findChild(QWidget, "staff_panel.export_result")
    scroll = window.findChild(KineticScrollArea, "staff_panel.scroll")
    passphrase.setText("short")  # type: ignore[attr-defined]
    scroll.ensureWidgetVisible(to_data_folder)
    qtbot.mouseClick(to_data_folder, Qt.MouseButton.LeftButton)
    assert "至少" in result.text() and not folders.exists()  # type: ignore[attr-defined]
    passphrase.setText("hall-12348-stick")  # type: ignore[attr-defined]
    folders.write_text("a file where the folder should be (a stick gone read-only)")
    qtbot.mouseClick(to_data_folder, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "无法写入" in result.text(), timeout=10_000)  # type: ignore[attr-defined]
    assert passphrase.text() == "hall-12348-stick"  # type: ignore[attr-defined]  # try again
    assert to_data_folder.isEnabled()
    folders.unlink()
    qtbot.mouseClick(to_data_folder, Qt.MouseButton.LeftButton)
    # Key derivation and the flush to the stick run in a thread: the panel says so
    # and takes no second export until the first has ended.
    assert "请勿拔出" in result.text() and not to_data_folder.isEnabled()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "已导出" in result.text(), timeout=10_000)  # type: ignore[attr-defined]
    assert to_data_folder.isEnabled()
    written = list(folders.glob("failed-*.lkexport"))
    assert len(written) == 1 and str(written[0]) in result.text()  # type: ignore[attr-defined]
    assert passphrase.text() == ""  # type: ignore[attr-defined]
    exported = read_export(written[0], "hall-12348-stick")
    assert len(exported) == 1 and "李四" in repr(exported)
    assert b"13912345678" not in written[0].read_bytes()
    assert "李四" not in result.text()  # type: ignore[attr-defined]
