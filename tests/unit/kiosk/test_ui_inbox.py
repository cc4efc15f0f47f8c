"""Answers of worker threads reach the UI thread without a Qt call on the worker's side."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ui_inbox import LISTEN_INTERVAL_MS, POLL_INTERVAL_MS, UiInbox, ui_inbox


def test_an_answer_replied_by_a_worker_runs_on_the_ui_thread(qtbot: QtBot) -> None:
    inbox = UiInbox()
    received: list[tuple[str, threading.Thread]] = []

    def receive(text: str) -> None:
        received.append((text, threading.current_thread()))

    inbox.expect()
    worker = threading.Thread(target=lambda: inbox.reply(receive, "好"))
    worker.start()
    worker.join()
    assert received == []  # nothing runs on the worker's side
    qtbot.waitUntil(lambda: bool(received), timeout=5_000)
    assert received == [("好", threading.main_thread())]
    assert inbox.awaited == 0
    assert not inbox.polling  # no polling while nothing is awaited


def test_answers_keep_their_order_and_a_failing_one_does_not_stop_the_rest(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = UiInbox()
    received: list[int] = []

    def fail(_: int) -> None:
        raise RuntimeError("receiver broke")

    for _ in range(3):
        inbox.expect()
    inbox.reply(received.append, 1)
    inbox.reply(fail, 2)
    inbox.reply(received.append, 3)
    with caplog.at_level(logging.ERROR):
        qtbot.waitUntil(lambda: inbox.awaited == 0, timeout=5_000)
    assert received == [1, 3]
    assert "receiver broke" in caplog.text


def test_polling_goes_on_while_an_answer_is_still_awaited(qtbot: QtBot) -> None:
    inbox = UiInbox()
    inbox.expect()
    inbox.expect()
    inbox.reply(lambda: None)
    qtbot.waitUntil(lambda: inbox.awaited == 1, timeout=5_000)
    assert inbox.polling
    inbox.reply(lambda: None)
    qtbot.waitUntil(lambda: inbox.awaited == 0, timeout=5_000)
    assert not inbox.polling


def test_a_listener_gets_unasked_events_until_it_stops_listening(qtbot: QtBot) -> None:
    inbox = UiInbox()
    events: list[str] = []
    inbox.listen()
    inbox.listen()  # two devices open
    threading.Thread(target=lambda: inbox.post(events.append, "card")).start()
    qtbot.waitUntil(lambda: events == ["card"], timeout=5_000)
    assert inbox.polling and inbox.awaited == 0
    inbox.stop_listening()
    assert inbox.polling  # the other device is still open
    inbox.post(events.append, "health")
    inbox.stop_listening()  # delivers what is already there, then rests
    assert events == ["card", "health"]
    assert not inbox.polling


def test_the_application_has_one_inbox_that_lives_as_long_as_it() -> None:
    assert ui_inbox() is ui_inbox()
    assert ui_inbox().parent() is QApplication.instance()


def test_it_looks_often_while_an_answer_is_awaited_and_less_for_open_devices(
    qtbot: QtBot,
) -> None:
    inbox = UiInbox()
    assert inbox.poll_interval_ms is None
    inbox.listen()
    assert inbox.poll_interval_ms == LISTEN_INTERVAL_MS
    inbox.expect()
    assert inbox.poll_interval_ms == POLL_INTERVAL_MS < LISTEN_INTERVAL_MS
    inbox.reply(lambda: None)
    qtbot.waitUntil(lambda: inbox.awaited == 0, timeout=5_000)
    assert inbox.poll_interval_ms == LISTEN_INTERVAL_MS
    inbox.stop_listening()
    assert inbox.poll_interval_ms is None


def test_work_run_in_a_thread_answers_on_the_ui_thread_even_when_it_fails(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = UiInbox()
    results: list[tuple[object, threading.Thread]] = []
    failures: list[tuple[str, threading.Thread]] = []
    workers: list[threading.Thread] = []

    def work() -> int:
        workers.append(threading.current_thread())
        return 42

    def broken() -> int:
        raise OSError("stick pulled out")

    inbox.run_in_thread(
        "probe", work, lambda value: results.append((value, threading.current_thread()))
    )
    inbox.run_in_thread(
        "broken-probe",
        broken,
        lambda value: results.append((value, threading.current_thread())),
        lambda error: failures.append((str(error), threading.current_thread())),
    )
    inbox.run_in_thread("unheard", broken, lambda value: results.append((value, None)))
    qtbot.waitUntil(lambda: inbox.awaited == 0, timeout=5_000)
    assert results == [(42, threading.main_thread())]
    assert workers and workers[0] is not threading.main_thread()
    assert failures == [("stick pulled out", threading.main_thread())]
    assert not inbox.polling  # the failed ones were answered too: nothing left to wait for
    assert "broken-probe failed" in caplog.text and "unheard failed" in caplog.text


def test_a_thread_that_cannot_start_is_answered_as_a_failure(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = UiInbox()
    failures: list[str] = []

    def no_thread(self: threading.Thread) -> None:  # resources exhausted: the one fake
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", no_thread)
    inbox.run_in_thread("starved", lambda: 1, lambda _: None, lambda e: failures.append(str(e)))
    monkeypatch.undo()
    qtbot.waitUntil(lambda: inbox.awaited == 0, timeout=5_000)
    assert failures == ["can't start new thread"]
    assert "starved could not start" in caplog.text
