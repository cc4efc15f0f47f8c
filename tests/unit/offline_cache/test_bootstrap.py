from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from offline_cache.bootstrap import database_path, prepare_database
from offline_cache.db import database_proxy
from offline_cache.lawdata import law_record_to_contract, read_law_records
from offline_cache.models import Law, OutboxEntry, SyncState
from offline_cache.outbox import Outbox
from tests.content_factory import law_change, practitioner_change


@pytest.fixture(autouse=True)
def _unbind() -> Iterator[None]:
    yield
    database_proxy.initialize(None)


def real_law_changes(laws_path: Path) -> Iterator[dict[str, Any]]:
    for seq, record in enumerate(read_law_records(laws_path), start=1):
        yield {
            "seq": seq,
            "type": "law",
            "id": str(record["id"]),
            "op": "upsert",
            "version": 1,
            "data": law_record_to_contract(record),
        }


def test_demo_loaded_once_without_central(tmp_path: Path, laws_path: Path) -> None:
    prepared = prepare_database(
        tmp_path, has_central=False, demo_changes=lambda: real_law_changes(laws_path)
    )
    assert prepared.demo_loaded >= 390
    civil_code = Law.get(Law.title == "中华人民共和国民法典")
    article = prepared.store.get_article(civil_code.id, 1077)
    assert article is not None and article.label == "第一千零七十七条"
    assert "冷静期" in article.text or "离婚" in article.text
    state = SyncState.get_by_id(1)
    assert state.demo_content and state.cursor is None
    prepared.database.close()

    again = prepare_database(tmp_path, has_central=False, demo_changes=lambda: [law_change("x")])
    assert again.demo_loaded == 0 and again.store.get_law("x") is None
    again.database.close()


def test_no_demo_when_a_central_platform_is_configured(tmp_path: Path) -> None:
    prepared = prepare_database(
        tmp_path / "kiosk.sqlite3", has_central=True, demo_changes=lambda: [law_change("x")]
    )
    assert prepared.demo_loaded == 0 and prepared.store.is_empty()
    prepared.database.close()


def test_start_up_requeues_submissions_left_in_flight(tmp_path: Path) -> None:
    prepared = prepare_database(tmp_path, has_central=True)
    Outbox(prepared.database, bytes(32)).enqueue(
        "complaint",
        "HALL01-1",
        {"verified": False, "name": "李四", "phone": "13800000000"},
        {
            "complaint_type": "fees",
            "respondent_name": "某律所",
            "content": "收费不透明，要求说明。",
            "consent_version": "1",
        },
        "zh",
    )
    OutboxEntry.update(status="in_flight").execute()
    prepared.database.close()
    reopened = prepare_database(tmp_path, has_central=True)
    assert reopened.outbox_reset == 1 and OutboxEntry.get().status == "pending"
    reopened.database.close()


def test_database_path_accepts_folder_or_file(tmp_path: Path) -> None:
    assert database_path(tmp_path) == tmp_path / "kiosk.sqlite3"
    assert database_path(tmp_path / "other.sqlite3") == tmp_path / "other.sqlite3"


def test_demo_items_use_the_feed_apply_path(tmp_path: Path) -> None:
    bad = practitioner_change("p-bad")
    del bad["data"]["name"]
    prepared = prepare_database(
        tmp_path, has_central=False, demo_changes=lambda: [practitioner_change("p-0001"), bad]
    )
    assert prepared.demo_loaded == 1
    assert prepared.store.practitioners().total == 1
    prepared.database.close()


def test_bundled_demo_dataset_loads_by_default(tmp_path: Path) -> None:
    prepared = prepare_database(tmp_path, has_central=False)
    counts = prepared.store.counts()
    assert counts["law"] >= 390 and counts["article"] > 25_000
    for kind in ("practitioner", "institution", "case", "faq", "guide", "announcement"):
        assert counts[kind] > 0, kind
    services = {g.data["service"] for g in prepared.store.guides()}
    assert {"legal_aid", "notarization", "mediation", "judicial_appraisal"} <= services
    prepared.database.close()
