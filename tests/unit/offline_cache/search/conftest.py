"""One search database of the real laws per test session (indexing takes seconds)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from offline_cache.db import database_proxy, make_database
from offline_cache.lawdata import law_record_to_contract, read_law_records
from offline_cache.search import SearchIndex

REPO_ROOT = Path(__file__).resolve().parents[4]
SHARED_LAWS = REPO_ROOT.parent / "shared" / "data" / "laws" / "laws.jsonl"
BUNDLED_LAWS = REPO_ROOT / "assets" / "laws" / "laws.jsonl.gz"


def real_laws_file() -> Path:
    return SHARED_LAWS if SHARED_LAWS.exists() else BUNDLED_LAWS


@pytest.fixture(scope="session")
def laws_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqliteDatabase]:
    database = make_database(tmp_path_factory.mktemp("search") / "laws.sqlite3")
    database_proxy.initialize(database)
    index = SearchIndex()
    index.create_tables()
    index.bulk_index(
        ("law", record["id"], law_record_to_contract(record))
        for record in read_law_records(real_laws_file())
    )
    yield database
    database.close()


@pytest.fixture
def laws_index(laws_database: SqliteDatabase) -> SearchIndex:
    """The shared index of the real laws (bound again: other tests may rebind the proxy)."""
    database_proxy.initialize(laws_database)
    return SearchIndex()


@pytest.fixture
def empty_index(tmp_path: Path) -> Iterator[SearchIndex]:
    database = make_database(tmp_path / "kiosk.sqlite3")
    database_proxy.initialize(database)
    index = SearchIndex()
    index.create_tables()
    yield index
    database.close()
