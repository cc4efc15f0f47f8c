"""Answers of worker threads reach the UI thread without a Qt call on the worker's side."""

from __future__ import annotations

import logging
import threading

import pytest
from pytestqt.qtbot import QtBot

from kiosk.ui_inbox import UiInbox


def test_an_answer_posted_by_a_worker_runs_on_the_ui_thread(qtbot: QtBot) -> None:
    inbox = UiInbox()
    received: list[tuple[str, threading.Thread]] = []
    inbox.expect()
    worker = threading.Thread(
        target=lambda: inbox.post(
            lambda text: received.append((text, threading.current_thread())), "好"
        )
    )
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
    inbox.post(received.append, 1)
    inbox.post(fail, 2)
    inbox.post(received.append, 3)
    with caplog.at_level(logging.ERROR):
        qtbot.waitUntil(lambda: inbox.awaited == 0, timeout=5_000)
    assert received == [1, 3]
    assert "receiver broke" in caplog.text


def test_polling_goes_on_while_an_answer_is_still_awaited(qtbot: QtBot) -> None:
    inbox = UiInbox()
    inbox.expect()
    inbox.expect()
    inbox.post(lambda: None)
    qtbot.waitUntil(lambda: inbox.awaited == 1, timeout=5_000)
    assert inbox.polling
    inbox.post(lambda: None)
    qtbot.waitUntil(lambda: inbox.awaited == 0, timeout=5_000)
    assert not inbox.polling
