"""The background sync against the reference server over loopback, on a real Qt event loop."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.connectivity import Connectivity
from kiosk.content_access import open_content
from kiosk.settings import load_settings
from kiosk.sync_service import SyncRoundSummary, SyncService
from offline_cache.db import database_proxy

testing = pytest.importorskip("devserver.testing")


@pytest.fixture
def content(devserver: Any, tmp_path: Path) -> Iterator[tuple[Any, Any, Any]]:
    """Settings for the reference server, the opened content and its search index."""
    settings = load_settings(
        environ={
            "LEGAL_KIOSK_CENTRAL__URL": devserver.url,
            "LEGAL_KIOSK_CENTRAL__TOKEN": devserver.token,
            "LEGAL_KIOSK_KIOSK__ID": devserver.kiosk_id,
            "LEGAL_KIOSK_STORAGE__DATA_DIR": str(tmp_path / "kiosk"),
            "LEGAL_KIOSK_CENTRAL__READ_TIMEOUT_S": "5",
        }
    )
    prepared, index = open_content(settings)
    yield settings, prepared.database, index
    prepared.database.close()
    database_proxy.initialize(None)


@pytest.fixture
def service(content: Any, qtbot: Any) -> Iterator[tuple[SyncService, Any]]:
    settings, database, index = content
    sync = SyncService.from_settings(settings, database, index, Connectivity(False))
    yield sync, index
    sync.stop()


def next_round(qtbot: Any, sync: SyncService, action: Any = None) -> SyncRoundSummary:
    with qtbot.waitSignal(sync.round_finished, timeout=120_000) as blocker:
        if action is not None:
            action()
    return blocker.args[0]


def test_rounds_pull_index_and_report_reachability(
    qtbot: Any, service: Any, devserver: Any
) -> None:
    sync, index = service
    connectivity = sync._connectivity
    first = next_round(qtbot, sync, sync.start)
    assert first.ok and first.changes_applied > 0
    assert connectivity is not None and connectivity.online
    state = sync.state()
    assert state is not None and state.cursor and state.item_counts["law"] > 300
    assert index.search("民法典 1077")[0].article_no == 1077

    faq = {
        "kind": "faq",
        "question": "示例新问题：宠物扰民怎么办？",
        "answer": "可以先协商。",
        "category": "邻里",
    }
    devserver.upsert("faq", "faq-new-1", faq)
    second = next_round(qtbot, sync, sync.sync_now)
    assert second.ok and second.changes_applied == 1
    assert any(hit.id == "faq-new-1" for hit in index.search("宠物扰民"))

    devserver.fault("/content/changes", "status", status=503, retry_after=1, count=5)
    failed = next_round(qtbot, sync, sync.sync_now)
    assert not failed.ok and failed.error
    assert not connectivity.online
    assert any(hit.id == "faq-new-1" for hit in index.search("宠物扰民")), "cache kept"


def test_stop_ends_the_thread_and_its_timer_and_nothing_restarts_it(
    qtbot: Any, qtlog: Any, content: Any
) -> None:
    settings, database, index = content
    sync = SyncService.from_settings(settings, database, index, Connectivity(False))
    next_round(qtbot, sync, sync.start)
    assert sync.running
    sync.stop()
    assert not sync.running
    # The start is connected to "content ready", which can come after the kiosk
    # began to shut down; a thread started then would outlive its owner.
    sync.start()
    sync.sync_now()
    assert not sync.running
    # The worker's timer was stopped on its own thread: destroying the worker
    # here (the UI thread) has nothing to stop from the wrong thread.
    del sync
    gc.collect()
    assert not [record.message for record in qtlog.records if "Timers" in record.message]


def test_a_service_stopped_before_it_started_never_starts(service: Any) -> None:
    sync, _ = service
    sync.stop()
    sync.start()
    assert not sync.running
