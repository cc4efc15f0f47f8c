"""The background sync against the reference server over loopback, on a real Qt event loop."""

from __future__ import annotations

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
def service(devserver: Any, tmp_path: Path, qtbot: Any) -> Iterator[tuple[SyncService, Any]]:
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
    connectivity = Connectivity(False)
    sync = SyncService.from_settings(settings, prepared.database, index, connectivity)
    yield sync, index
    sync.stop()
    prepared.database.close()
    database_proxy.initialize(None)


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
