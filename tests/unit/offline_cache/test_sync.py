"""The sync engine against a real HTTP feed on loopback (tests/http_stub.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from peewee import SqliteDatabase

from offline_cache import events
from offline_cache.api_client import CentralClient, MalformedResponse, TransientError
from offline_cache.content_store import ContentStore
from offline_cache.models import FullSyncSeen, KioskConfigCache, SyncState
from offline_cache.sync import SyncEngine, SyncProgress
from tests.content_factory import law_change, practitioner_change
from tests.http_stub import Fault, PlatformState, running_platform


@pytest.fixture
def platform() -> Iterator[tuple[str, PlatformState]]:
    with running_platform() as served:
        yield served


@pytest.fixture
def engine(platform: tuple[str, PlatformState], database: SqliteDatabase) -> SyncEngine:
    url, state = platform
    client = CentralClient(url, state.token, state.kiosk_id, read_timeout=2.0)
    return SyncEngine(client, ContentStore(database), clock=lambda: 1_800_000_000.0, page_size=3)


def seed(state: PlatformState, laws: int = 5, practitioners: int = 4) -> None:
    for n in range(laws):
        state.upsert("law", f"law-{n}", law_change(f"law-{n}", articles=2)["data"])
    for n in range(practitioners):
        state.upsert("practitioner", f"p-{n:04d}", practitioner_change(f"p-{n:04d}")["data"])


def local_snapshot(store: ContentStore) -> dict[tuple[str, str], int]:
    from offline_cache.models import CONTENT_MODELS

    return {
        (kind, row.id): row.version
        for kind, model in CONTENT_MODELS.items()
        for row in model.select(model.id, model.version)
    }


def platform_snapshot(state: PlatformState) -> dict[tuple[str, str], int]:
    return {key: change["version"] for key, change in state.items.items()}


def test_full_then_incremental(engine: SyncEngine, platform: tuple[str, PlatformState]) -> None:
    _, state = platform
    seed(state)
    seen: list[SyncProgress] = []
    result = engine.pull(progress=seen.append)
    assert result.full and result.changes == 9 and result.pages == 3
    assert [p.pages for p in seen] == [1, 2, 3]
    assert local_snapshot(engine.store) == platform_snapshot(state)
    assert engine.state().last_success_at is not None and engine.state().last_error is None

    state.upsert("law", "law-1", law_change("law-1", version=2, articles=7)["data"])
    state.delete("practitioner", "p-0002")
    state.upsert("law", "law-9", law_change("law-9")["data"])
    result = engine.pull()
    assert not result.full and result.changes == 3 and result.deleted == 1
    assert local_snapshot(engine.store) == platform_snapshot(state)
    law = engine.store.get_law("law-1")
    assert law is not None and len(law.articles) == 7


def test_lower_version_in_feed_is_ignored(
    engine: SyncEngine, platform: tuple[str, PlatformState]
) -> None:
    _, state = platform
    state.upsert("law", "law-1", law_change("law-1", articles=4)["data"], version=5)
    engine.pull()
    state.upsert("law", "law-1", law_change("law-1", articles=1)["data"], version=3)
    result = engine.pull()
    assert result.ignored_older == 1
    law = engine.store.get_law("law-1")
    assert law is not None and law.version == 5 and len(law.articles) == 4


def test_cursor_expired_runs_full_sync_and_drops_missing(
    engine: SyncEngine, platform: tuple[str, PlatformState]
) -> None:
    _, state = platform
    seed(state)
    engine.pull()
    state.delete("law", "law-0")
    state.delete("practitioner", "p-0001")
    state.upsert("law", "law-2", law_change("law-2", version=2)["data"])
    state.compact()  # the deletes are no longer in the history
    result = engine.pull()
    assert result.full and result.removed_by_full_sync == 2
    assert local_snapshot(engine.store) == platform_snapshot(state)
    assert FullSyncSeen.select().count() == 0
    assert engine.pull().changes == 0  # back to incremental


def test_interrupted_full_sync_resumes_and_cleans_up(
    engine: SyncEngine, platform: tuple[str, PlatformState], database: SqliteDatabase
) -> None:
    _, state = platform
    seed(state)
    engine.pull()
    state.delete("law", "law-4")
    state.compact()
    # 410 (compacted), then the first full-sync page, then the platform goes away.
    state.fault("/content/changes", Fault("status", status=503, skip=2))
    with pytest.raises(TransientError):
        engine.pull()
    stored = SyncState.get_by_id(1)
    assert stored.full_sync_in_progress and stored.cursor.startswith("full.")
    assert FullSyncSeen.select().count() == 3
    # A new engine, as after a restart, resumes the full sync and still cleans up.
    restarted = SyncEngine(engine.client, ContentStore(database), page_size=3)
    result = restarted.pull()
    assert result.full and result.removed_by_full_sync == 1
    assert local_snapshot(engine.store) == platform_snapshot(state)


def test_server_errors_leave_cache_intact_and_recorded(
    engine: SyncEngine, platform: tuple[str, PlatformState]
) -> None:
    _, state = platform
    seed(state)
    engine.pull()
    before = local_snapshot(engine.store)
    state.upsert("law", "law-7", law_change("law-7")["data"])
    for mode in ("malformed_json", "wrong_types", "huge"):
        state.fault("/content/changes", Fault(mode))
        with pytest.raises(MalformedResponse):
            engine.pull()
        assert local_snapshot(engine.store) == before
        assert engine.state().last_error
    state.fault("/content/changes", Fault("status", status=503, retry_after=30))
    with pytest.raises(TransientError) as busy:
        engine.pull()
    assert busy.value.retry_after == 30.0
    engine.pull()
    assert local_snapshot(engine.store) == platform_snapshot(state)
    assert engine.state().last_error is None


def test_config_etag_heartbeat_and_events(
    engine: SyncEngine, platform: tuple[str, PlatformState]
) -> None:
    _, state = platform
    first = engine.refresh_config()
    assert first.config is not None and engine.cached_config() == state.config
    assert engine.refresh_config().not_modified
    _, refetched = engine.heartbeat("0.1.0", uptime_s=12)
    assert not refetched
    state.config = {**state.config, "idle_timeout_s": 120}
    state.config_version += 1
    _, refetched = engine.heartbeat("0.1.0", uptime_s=72)
    assert refetched and engine.cached_config()["idle_timeout_s"] == 120
    assert KioskConfigCache.get_by_id(1).etag == state.etag
    beat = [r for r in state.requests if r.path.endswith("/heartbeat")][-1]
    assert b'"outbox_pending":0' in beat.body.replace(b" ", b"")

    for n in range(1203):
        events.queue_event("screen_view", {"screen": f"law-{n % 7}"}, at=1_800_000_000.0 + n)
    assert engine.upload_events() == 1203
    sizes = [
        len(__import__("json").loads(r.body)["events"])
        for r in state.requests
        if r.path == "/events"
    ]
    assert sizes == [500, 500, 203]
    assert len(state.events) == 1203 and events.pending_count() == 0


def test_events_refuse_personal_data(database: SqliteDatabase) -> None:
    with pytest.raises(events.PersonalDataInEvent):
        events.queue_event("search", {"query": "13812345678"})
    with pytest.raises(events.PersonalDataInEvent):
        events.queue_event("idcard_read", {"name": "张三"})
    assert events.pending_count() == 0


def test_state_snapshot_for_staff(engine: SyncEngine, platform: tuple[str, PlatformState]) -> None:
    from offline_cache.outbox import Outbox

    _, state = platform
    seed(state, laws=2, practitioners=1)
    engine.pull()
    Outbox(engine.database, bytes(32)).enqueue(
        "consultation",
        "HALL01-9",
        {"verified": False, "name": "赵六", "phone": "13700000000"},
        {
            "category": "c",
            "subject": "一个问题的标题",
            "content": "这是一个足够长的问题描述。",
            "is_public": False,
            "in_litigation": False,
            "consent_version": "1",
        },
        "zh",
    )
    events.queue_event("session_start")
    snapshot = engine.state()
    assert snapshot.cursor is not None and not snapshot.full_sync_in_progress
    assert snapshot.item_counts["law"] == 2 and snapshot.item_counts["article"] == 4
    assert snapshot.outbox_pending == 1 and snapshot.outbox_failed == 0
    assert snapshot.events_pending == 1
    assert snapshot.last_success_at is not None and snapshot.last_success_at.year == 2027
