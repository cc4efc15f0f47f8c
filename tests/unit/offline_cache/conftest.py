"""Fixtures of the offline_cache tests: a real SQLite file with the current schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from offline_cache.db import database_proxy, open_database
from offline_cache.schema import ensure_schema


@pytest.fixture
def database(tmp_path: Path) -> Iterator[SqliteDatabase]:
    db = open_database(tmp_path / "kiosk.sqlite3")
    ensure_schema(db)
    yield db
    db.close()
    database_proxy.initialize(None)
