"""The Qt bridge over the real simulator pty, with a real Qt event loop."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from devices.idcard.cards import CardData
from devices.idcard.simulator import ReaderSimulator
from kiosk.errors import DeviceError
from kiosk.idcard_service import IdCardService
from kiosk.settings import load_settings

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def service(qtbot: QtBot) -> Iterator[IdCardService]:
    settings = load_settings(environ={}).with_values({"idcard.poll_interval_s": 0.05})
    svc = IdCardService(settings, today=lambda: TODAY)
    svc.start()
    qtbot.waitUntil(lambda: svc.health == "ok", timeout=10_000)
    yield svc
    svc.stop()


def test_empty_port_starts_the_simulator_and_a_demo_card_logs_in(
    qtbot: QtBot, service: IdCardService
) -> None:
    assert service.simulated
    assert service.device_path is not None and service.device_path.exists()
    threads: list[QThread] = []
    service.card_read.connect(lambda card: threads.append(QThread.currentThread()))
    with qtbot.waitSignal(service.card_read, timeout=10_000) as blocker:
        service.place_demo_card()
    card = blocker.args[0]
    assert isinstance(card, CardData) and card.id_type == "resident"
    # Delivered on the thread that owns the service (the GUI thread), not the reader's.
    assert threads == [service.thread()]
    assert service.last_read_at() is not None
    assert service.status.sam_id


@pytest.mark.parametrize(
    ("kind", "reason"),
    [("resident_expired", "expired"), ("resident_bad_check_digit", "invalid")],
)
def test_refused_cards_emit_a_reason_code(
    qtbot: QtBot, service: IdCardService, kind: str, reason: str
) -> None:
    with (
        qtbot.assertNotEmitted(service.card_read, wait=0),
        qtbot.waitSignal(service.card_rejected, timeout=10_000) as blocker,
    ):
        service.place_demo_card(kind)
    assert blocker.args == [reason]


def test_every_foreign_edition_is_accepted(qtbot: QtBot, service: IdCardService) -> None:
    for kind, edition in (("foreign_2017", "2017"), ("foreign_2023", "2023")):
        with qtbot.waitSignal(service.card_read, timeout=10_000) as blocker:
            service.place_demo_card(kind)
        assert blocker.args[0].card_edition == edition


def test_a_configured_port_uses_the_real_reader_and_reports_health(
    qtbot: QtBot, tmp_path: Path
) -> None:
    sim = ReaderSimulator(tmp_path)
    sim.start()
    settings = load_settings(environ={}).with_values(
        {"idcard.port": str(sim.path), "idcard.poll_interval_s": 0.05}
    )
    svc = IdCardService(settings, today=lambda: TODAY)
    try:
        assert not svc.simulated
        with pytest.raises(DeviceError):
            svc.place_demo_card()
        with qtbot.waitSignal(svc.health_changed, timeout=10_000) as blocker:
            svc.start()
        assert blocker.args == ["ok"]
        with qtbot.waitSignal(svc.health_changed, timeout=10_000) as blocker:
            sim.unplug()
        assert blocker.args == ["absent"]
        with qtbot.waitSignal(svc.health_changed, timeout=10_000) as blocker:
            sim.replug()
        assert blocker.args == ["ok"]
    finally:
        svc.stop()
        sim.stop()
