"""Cycles, Qt objects among them, are freed on the UI thread only (kiosk.main_thread_gc)."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from kiosk.main_thread_gc import (
    FULL_COLLECTION_MIN_INTERVAL_S,
    CollectionSchedule,
    MainThreadCollector,
    collect_due_generations,
    install_main_thread_gc,
)


class Node:
    def __init__(self) -> None:
        self.other: Any = self  # a cycle: only the collector frees it


@pytest.fixture
def collections_by_thread() -> Iterator[list[str]]:
    seen: list[str] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(threading.current_thread().name)

    gc.callbacks.append(record)
    yield seen
    gc.callbacks.remove(record)


def allocate_cycles(count: int) -> None:
    for _ in range(count):
        Node()


def test_a_busy_worker_never_frees_qt_objects_the_ui_thread_does(
    qtbot: QtBot, qapp: Any, collections_by_thread: list[str]
) -> None:
    assert install_main_thread_gc(qapp) is install_main_thread_gc(qapp)  # one per application
    # The tests run with automatic collection off already: switch it on to see that a
    # new collector switches it off.
    gc.enable()
    owner_of_timer = QObject()
    MainThreadCollector(owner_of_timer)
    assert not gc.isenabled()

    owner = Node()
    owner.widget = QObject()  # a Qt object held by a cycle, as a screen's lambda holds it
    freed = weakref.ref(owner.widget)
    del owner

    # A worker allocating far past every threshold: with automatic collection on,
    # it would collect (and destroy the Qt object) on its own thread.
    worker = threading.Thread(target=allocate_cycles, args=(200_000,), name="busy-worker")
    worker.start()
    worker.join()
    assert "busy-worker" not in collections_by_thread
    assert freed() is not None

    qtbot.waitUntil(lambda: freed() is None, timeout=5_000)  # the UI thread's timer
    assert set(collections_by_thread) == {threading.main_thread().name}
    shiboken6.delete(owner_of_timer)


def test_only_the_main_thread_collects_and_only_when_due() -> None:
    gc.collect()
    assert collect_due_generations() is None  # nothing allocated since

    answers: list[int | None] = []

    def from_a_worker() -> None:
        allocate_cycles(10_000)
        answers.append(collect_due_generations())

    worker = threading.Thread(target=from_a_worker)
    worker.start()
    worker.join()
    assert answers == [None]

    allocate_cycles(gc.get_threshold()[0] + 10)
    assert collect_due_generations() in (0, 1, 2)
    assert gc.get_count()[0] < gc.get_threshold()[0]


def test_a_full_collection_comes_at_most_once_per_interval() -> None:
    now = [0.0]
    schedule = CollectionSchedule(clock=lambda: now[0])
    threshold0, _, threshold2 = gc.get_threshold()

    def make_every_generation_due() -> None:
        for _ in range(threshold2 + 1):
            gc.collect(1)  # each counts towards the oldest generation
        allocate_cycles(threshold0 + 10)

    make_every_generation_due()
    assert schedule.collect_due() in (0, 1)  # a full one just happened (at start)
    now[0] += FULL_COLLECTION_MIN_INTERVAL_S
    make_every_generation_due()
    assert schedule.collect_due() == 2
    make_every_generation_due()
    assert schedule.collect_due() in (0, 1)
