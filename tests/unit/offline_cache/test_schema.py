from __future__ import annotations

from pathlib import Path

import pytest

from offline_cache.content_store import ContentStore
from offline_cache.db import database_proxy, make_database, open_database
from offline_cache.models import FullSyncSeen, OutboxEntry, SyncState
from offline_cache.schema import (
    SCHEMA_VERSION,
    SchemaError,
    ddl_of_version,
    ensure_schema,
    schema_version,
)


def test_new_database_gets_current_version(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    try:
        assert ensure_schema(db) == 0
        assert schema_version(db) == SCHEMA_VERSION
        assert ensure_schema(db) == SCHEMA_VERSION  # idempotent
    finally:
        db.close()
        database_proxy.initialize(None)


def test_version_1_database_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = make_database(path)
    old.connect()
    old.connection().executescript(ddl_of_version(1))
    old.execute_sql(
        "INSERT INTO law (id, version, data, title, category, status, article_count) "
        "VALUES ('law-1', 3, '{\"kind\":\"law\",\"title\":\"示例法\"}', '示例法', '法律', 'in_force', 1)"
    )
    old.execute_sql(
        "INSERT INTO law_article (law_id, no, sub, label, headings, text, position) "
        "VALUES ('law-1', 1, 0, '第一条', '[]', '条文', 0)"
    )
    old.execute_sql(
        "INSERT INTO sync_state (id, cursor, full_sync_in_progress, pages_applied, changes_applied) "
        "VALUES (1, 'cursor-42', 0, 7, 70)"
    )
    old.execute_sql(
        "INSERT INTO submission (client_id, client_ref, kind, language, created_at, sealed_body) "
        "VALUES ('3f0c1a52-0000-4000-8000-000000000001', 'HALL01-1', 'consultation', 'zh', "
        "'2026-11-22T10:00:00+08:00', x'00')"
    )
    old.execute_sql(
        "INSERT INTO outbox_entry (submission_id, status, attempts, next_attempt_at, updated_at) "
        "VALUES (1, 'pending', 2, 0, 0)"
    )
    assert schema_version(old) == 1
    old.close()

    db = open_database(path)
    try:
        assert ensure_schema(db) == 1
        assert schema_version(db) == SCHEMA_VERSION
        law = ContentStore(db).get_law("law-1")
        assert law is not None and law.version == 3 and law.articles[0].label == "第一条"
        state = SyncState.get_by_id(1)
        assert state.cursor == "cursor-42" and state.demo_content is False
        entry = OutboxEntry.get_by_id(1)
        assert entry.attempts == 2 and entry.auth_problem is False
        assert FullSyncSeen.select().count() == 0
    finally:
        db.close()
        database_proxy.initialize(None)


def test_newer_database_is_refused(tmp_path: Path) -> None:
    db = open_database(tmp_path / "future.sqlite3")
    try:
        ensure_schema(db)
        db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        with pytest.raises(SchemaError, match="newer"):
            ensure_schema(db)
    finally:
        db.close()
        database_proxy.initialize(None)
