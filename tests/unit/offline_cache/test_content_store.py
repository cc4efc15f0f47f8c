from __future__ import annotations

from typing import Any

import pytest
from peewee import SqliteDatabase

from offline_cache.content_store import ContentStore, parse_timestamp
from offline_cache.models import FullSyncSeen, LawArticle, Penalty, SyncState
from tests.content_factory import delete_change, law_change, practitioner_change


class RecordingIndexer:
    """Notes what the store asks the index to do (the real one lives in offline_cache.search)."""

    def __init__(self) -> None:
        self.indexed: dict[tuple[str, str], dict[str, Any]] = {}
        self.removed: list[tuple[str, str]] = []

    def index_item(self, content_type: str, item_id: str, data: dict[str, Any]) -> None:
        self.indexed[(content_type, item_id)] = data

    def remove_item(self, content_type: str, item_id: str) -> None:
        self.removed.append((content_type, item_id))
        self.indexed.pop((content_type, item_id), None)

    def remove_all(self) -> None:
        self.indexed.clear()


@pytest.fixture
def indexer() -> RecordingIndexer:
    return RecordingIndexer()


@pytest.fixture
def store(database: SqliteDatabase, indexer: RecordingIndexer) -> ContentStore:
    return ContentStore(database, indexer)


def test_law_upsert_stores_articles_in_order(
    store: ContentStore, indexer: RecordingIndexer
) -> None:
    store.apply_page([law_change("law-1", articles=5)], "c1")
    law = store.get_law("law-1")
    assert law is not None
    assert [a.no for a in law.articles] == [1, 2, 3, 4, 5]
    assert law.articles[0].headings == ["第一章 总则"]
    article = store.get_article("law-1", 3)
    assert article is not None and article.label == "第3条"
    assert ("law", "law-1") in indexer.indexed
    assert SyncState.get_by_id(1).cursor == "c1"
    item = store.get_item("law", "law-1")
    assert item is not None and len(item.data["articles"]) == 5


def test_newer_version_replaces_lower_version_is_ignored(store: ContentStore) -> None:
    store.apply_page([law_change("law-1", version=2, articles=3)], "c1")
    result = store.apply_page([law_change("law-1", version=1, articles=9)], "c2")
    assert result.ignored_older == 1
    assert store.counts()["article"] == 3
    store.apply_page([law_change("law-1", version=3, articles=4)], "c3")
    law = store.get_law("law-1")
    assert law is not None and law.version == 3 and len(law.articles) == 4
    assert "版本3" in law.articles[0].text
    assert SyncState.get_by_id(1).cursor == "c3"


def test_same_change_twice_leaves_same_result(store: ContentStore) -> None:
    change = practitioner_change("p-0001", penalties=2)
    store.apply_change(change)
    store.apply_change(change)
    assert store.counts()["practitioner"] == 1
    assert len(store.penalties("practitioner", "p-0001")) == 2


def test_delete_removes_item_rows_and_index(store: ContentStore, indexer: RecordingIndexer) -> None:
    store.apply_page([law_change("law-1"), practitioner_change("p-0001", penalties=1)], "c1")
    store.apply_page([delete_change("law", "law-1"), delete_change("practitioner", "p-0001")], "c2")
    assert store.get_law("law-1") is None
    assert LawArticle.select().count() == 0
    assert Penalty.select().count() == 0
    assert ("law", "law-1") in indexer.removed and not indexer.indexed


def test_a_failing_indexer_rolls_back_page_and_cursor(database: SqliteDatabase) -> None:
    class BrokenIndexer(RecordingIndexer):
        def index_item(self, content_type: str, item_id: str, data: dict[str, Any]) -> None:
            if item_id == "law-2":
                raise RuntimeError("disk full")

    store = ContentStore(database, BrokenIndexer())
    store.apply_page([law_change("law-0")], "c0")
    with pytest.raises(RuntimeError):
        store.apply_page([law_change("law-1"), law_change("law-2")], "c1")
    assert store.get_law("law-1") is None
    assert SyncState.get_by_id(1).cursor == "c0"


def test_invalid_changes_are_skipped_not_half_applied(store: ContentStore) -> None:
    bad_article = law_change("law-bad")
    bad_article["data"]["articles"][1] = {"no": "two", "label": 2}
    garbage: list[Any] = [
        "not a change",
        {"type": "weather", "id": "x", "op": "upsert", "version": 1, "data": {}},
        {"type": "law", "id": "x", "op": "upsert", "version": "1", "data": {}},
        {"type": "faq", "id": "f", "op": "upsert", "version": 1, "data": {"question": 5}},
        bad_article,
    ]
    result = store.apply_page([*garbage, law_change("law-ok")], "c1")
    assert result.invalid == 5 and result.applied == 1
    assert store.get_law("law-bad") is None
    assert LawArticle.select().where(LawArticle.law == "law-bad").count() == 0
    assert store.get_law("law-ok") is not None


def test_full_sync_drops_items_not_yielded(store: ContentStore, indexer: RecordingIndexer) -> None:
    store.apply_page([law_change("law-old"), law_change("law-kept", version=5)], "c1")
    store.begin_full_sync()
    assert SyncState.get_by_id(1).cursor is None
    # An older version still counts as yielded: the item exists on the platform.
    store.apply_page(
        [law_change("law-kept", version=4), law_change("law-new")], "f1", record_seen=True
    )
    assert FullSyncSeen.select().count() == 2
    removed = store.finish_full_sync(now=1000.0)
    assert removed == 1
    assert store.get_law("law-old") is None and ("law", "law-old") in indexer.removed
    assert store.get_law("law-kept") is not None and store.get_law("law-new") is not None
    state = SyncState.get_by_id(1)
    assert not state.full_sync_in_progress and state.cursor == "f1"
    assert FullSyncSeen.select().count() == 0


def test_people_filters_and_count(store: ContentStore) -> None:
    changes = [
        practitioner_change(
            f"p-{n:04d}",
            name=f"律师{n}",
            district="东城区" if n % 2 else "西城区",
            expertise=["婚姻家庭"] if n % 3 == 0 else ["刑事辩护"],
        )
        for n in range(30)
    ]
    store.apply_page(changes, "c1")
    page = store.practitioners(district="东城区", limit=5)
    assert page.total == 15 and len(page.items) == 5
    family = store.practitioners(expertise="婚姻家庭")
    assert family.total == 10
    assert all("婚姻家庭" in item.data["expertise"] for item in family.items)
    assert store.practitioners(expertise="婚姻").total == 0  # whole element only
    assert store.practitioners(role="notary").total == 0
    assert store.districts() == ["东城区", "西城区"]


def test_active_announcements_newest_first_expired_hidden(store: ContentStore) -> None:
    def announcement(item_id: str, published: str, expires: str | None) -> dict[str, Any]:
        return {
            "seq": 1,
            "type": "announcement",
            "id": item_id,
            "op": "upsert",
            "version": 1,
            "data": {
                "kind": "announcement",
                "title": item_id,
                "body": "…",
                "published_at": published,
                "expires_at": expires,
                "priority": 0,
            },
        }

    store.apply_page(
        [
            announcement("old", "2026-01-01T08:00:00+08:00", None),
            announcement("new", "2026-03-01T08:00:00+08:00", "2026-12-31T00:00:00Z"),
            announcement("expired", "2026-02-01T08:00:00+08:00", "2026-02-10T00:00:00Z"),
            announcement("future", "2027-01-01T00:00:00Z", None),
        ],
        "c1",
    )
    now = parse_timestamp("2026-06-01T00:00:00Z")
    assert [a.id for a in store.active_announcements(now)] == ["new", "old"]


def test_cases_faqs_guides_by_category(store: ContentStore) -> None:
    store.apply_page(
        [
            {
                "seq": 1,
                "type": "faq",
                "id": "q1",
                "op": "upsert",
                "version": 1,
                "data": {
                    "kind": "faq",
                    "question": "欠薪怎么办？",
                    "answer": "可以申请劳动仲裁。",
                    "category": "劳动",
                },
            },
            {
                "seq": 2,
                "type": "faq",
                "id": "q2",
                "op": "upsert",
                "version": 1,
                "data": {
                    "kind": "faq",
                    "question": "彩礼能退吗？",
                    "answer": "视情况。",
                    "category": "婚姻",
                },
            },
            {
                "seq": 3,
                "type": "guide",
                "id": "g1",
                "op": "upsert",
                "version": 1,
                "data": {
                    "kind": "guide",
                    "title": "法律援助",
                    "service": "legal_aid",
                    "steps": ["申请"],
                },
            },
            {
                "seq": 4,
                "type": "case",
                "id": "k1",
                "op": "upsert",
                "version": 1,
                "data": {"kind": "case", "title": "案例", "category": "劳动", "summary": "摘要"},
            },
        ],
        "c1",
    )
    assert [f.id for f in store.faqs("劳动")] == ["q1"]
    assert store.categories("faq") == ["劳动", "婚姻"]
    assert [g.id for g in store.guides("legal_aid")] == ["g1"]
    assert [c.id for c in store.cases("劳动")] == ["k1"]


def test_several_changes_of_one_item_on_a_page_follow_feed_order(store: ContentStore) -> None:
    store.apply_page([law_change("law-1", version=2, articles=2)], "c1")
    result = store.apply_page(
        [
            law_change("law-1", version=1, articles=9),  # older than stored: ignored
            law_change("law-1", version=3, articles=3),
            delete_change("law", "law-1", version=4),
            law_change("law-1", version=5, articles=5),
            law_change("law-2", version=1),
            delete_change("law", "law-2", version=2),
        ],
        "c2",
    )
    assert result.ignored_older == 1
    law = store.get_law("law-1")
    assert law is not None and law.version == 5 and len(law.articles) == 5
    assert store.get_law("law-2") is None
    assert LawArticle.select().count() == 5


def test_an_indexer_with_bulk_index_gets_each_page_at_once(database: SqliteDatabase) -> None:
    class BulkIndexer(RecordingIndexer):
        def __init__(self) -> None:
            super().__init__()
            self.batches: list[list[str]] = []

        def bulk_index(self, items: list[tuple[str, str, dict[str, Any]]]) -> int:
            self.batches.append([item_id for _, item_id, _ in items])
            for kind, item_id, data in items:
                self.indexed[(kind, item_id)] = data
            return len(items)

    indexer = BulkIndexer()
    store = ContentStore(database, indexer)
    store.apply_page([law_change("law-1"), law_change("law-2")], "c1")
    store.apply_page([law_change("law-1", version=2), delete_change("law", "law-2")], "c2")
    assert indexer.batches == [["law-1", "law-2"], ["law-1"]]
    assert indexer.removed == [("law", "law-1"), ("law", "law-2")]
    assert set(indexer.indexed) == {("law", "law-1")}
