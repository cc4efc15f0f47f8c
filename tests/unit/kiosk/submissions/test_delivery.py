from __future__ import annotations

import threading
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.submissions.delivery import DeliveryThread


def test_rounds_run_off_the_ui_thread_and_wake_runs_one_at_once(qtbot: QtBot) -> None:
    threads: list[int] = []
    closed: list[int] = []

    def deliver_due(now: float) -> int:
        threads.append(threading.get_ident())
        return len(threads)

    delivery = DeliveryThread(
        deliver_due, interval_ms=3_600_000, close=lambda: closed.append(threading.get_ident())
    )
    with qtbot.waitSignal(delivery.delivery_finished, timeout=5000) as first:
        delivery.start()
    assert first.args == [1]
    with qtbot.waitSignal(delivery.delivery_finished, timeout=5000) as second:
        delivery.wake()
    assert second.args == [2]
    assert delivery.stop()
    assert threading.get_ident() not in threads
    assert closed == [threads[0]]


def test_a_failing_round_is_reported_and_the_worker_goes_on(qtbot: QtBot) -> None:
    calls: list[float] = []

    def deliver_due(now: float) -> int:
        calls.append(now)
        if len(calls) == 1:
            raise RuntimeError("boom")
        return 0

    delivery = DeliveryThread(deliver_due, interval_ms=3_600_000)
    with qtbot.waitSignal(delivery.delivery_failed, timeout=5000) as failed:
        delivery.start()
    assert failed.args == ["RuntimeError"]
    with qtbot.waitSignal(delivery.delivery_finished, timeout=5000):
        delivery.wake()
    assert delivery.stop()


def test_what_a_round_says_about_the_platform() -> None:
    from kiosk.submissions.install import reachability
    from offline_cache.outbox import DeliveryReport

    assert reachability(DeliveryReport(delivered=["HALL01-1"])) is True
    assert reachability(DeliveryReport(failed=["HALL01-1"])) is True  # it answered, with a refusal
    assert reachability(DeliveryReport(stopped_early="unreachable")) is False
    assert reachability(DeliveryReport()) is None  # nothing was due: nothing learnt
    assert reachability(DeliveryReport(stopped_early="auth")) is None


def test_a_round_outlasting_the_stop_keeps_its_thread_owned_until_it_ends(
    qtbot: QtBot, offline_service: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow server at shutdown: dropping a running thread would abort the kiosk."""
    in_round, release = threading.Event(), threading.Event()

    def slow_round(now: float) -> None:
        in_round.set()
        release.wait(10)

    monkeypatch.setattr(offline_service, "deliver_due", slow_round)
    delivery = offline_service.start_delivery(interval_ms=3_600_000)
    assert in_round.wait(5)
    assert offline_service.stop_delivery(timeout_ms=50) is False
    assert offline_service.start_delivery() is delivery  # still owned, not a second thread
    assert delivery.worker_thread.isRunning()
    release.set()
    assert offline_service.stop_delivery()
    assert not delivery.worker_thread.isRunning()
