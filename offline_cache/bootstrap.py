"""Opening the local database at start-up, and the embedded demo content.

``prepare_database`` opens (or creates) the database, brings its schema up to
date, puts submissions a crash left in flight back in the queue, and — when no
central platform is configured and there is no content yet — loads the bundled
demo dataset through the same apply path as the change feed. The demo is
marked as such and has no cursor, so the first pull from a central platform is
a full sync whose clean-up removes every demo item the platform does not have.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase

from offline_cache.content_store import ContentIndexer, ContentStore
from offline_cache.db import open_database
from offline_cache.models import SyncState
from offline_cache.outbox import reset_in_flight
from offline_cache.schema import ensure_schema

log = logging.getLogger(__name__)

DATABASE_FILE_NAME = "kiosk.sqlite3"
_DEMO_BATCH = 100


@dataclass(frozen=True)
class PreparedDatabase:
    database: SqliteDatabase
    store: ContentStore
    previous_schema_version: int
    outbox_reset: int
    demo_loaded: int  # demo changes applied at this start (0 when none)


def database_path(data_dir_or_path: Path | str) -> Path:
    """A folder means the default file inside it; a file path is used as is."""
    path = Path(data_dir_or_path).expanduser()
    return path / DATABASE_FILE_NAME if path.is_dir() or not path.suffix else path


def _batches(items: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _default_demo_changes() -> Iterable[dict[str, Any]] | None:
    try:
        from offline_cache.demo import iter_demo_changes
    except ImportError:
        log.warning("no bundled demo dataset in this build")
        return None
    return iter_demo_changes()


def _index_is_empty(indexer: ContentIndexer) -> bool:
    is_empty = getattr(indexer, "is_empty", None)
    return bool(is_empty()) if is_empty is not None else False


def rebuild_index(store: ContentStore, indexer: ContentIndexer) -> int:
    """Index every stored item again, in one transaction."""
    count = 0
    with store.database.atomic():
        indexer.remove_all()
        bulk = getattr(indexer, "bulk_index", None)
        items = ((item.type, item.id, item.data) for item in store.iter_items())
        if bulk is not None:
            count = bulk(items)
        else:
            for kind, item_id, data in items:
                indexer.index_item(kind, item_id, data)
                count += 1
    log.info("search index rebuilt: %d documents", count)
    return count


def load_demo(store: ContentStore, changes: Iterable[dict[str, Any]] | None = None) -> int:
    """Apply the demo changes (one transaction, so a kill leaves no half demo)."""
    source = changes if changes is not None else _default_demo_changes()
    if source is None:
        return 0
    applied = 0
    with store.database.atomic():
        for batch in _batches(source, _DEMO_BATCH):
            applied += store.apply_changes(batch).applied
        state = SyncState.get_or_none(SyncState.id == 1) or SyncState.create(id=1)
        state.cursor = None
        state.demo_content = True
        state.save()
    log.info("loaded %d demo content items", applied)
    return applied


def prepare_database(
    data_dir_or_path: Path | str,
    has_central: bool,
    indexer: ContentIndexer | None = None,
    demo_changes: Callable[[], Iterable[dict[str, Any]]] | None = None,
) -> PreparedDatabase:
    """Open the database for this process and make it ready for the kiosk."""
    database = open_database(database_path(data_dir_or_path))
    previous = ensure_schema(database)
    reset = reset_in_flight(database)
    if reset:
        log.info("%d submissions interrupted in flight are queued again", reset)
    store = ContentStore(database, indexer)
    create_tables = getattr(indexer, "create_tables", None)
    if create_tables is not None:
        create_tables()
    loaded = 0
    if not has_central and store.is_empty():
        loaded = load_demo(store, demo_changes() if demo_changes else None)
    elif indexer is not None and _index_is_empty(indexer) and not store.is_empty():
        # Content synced before this index existed (or the index was dropped):
        # build it once from what the store holds, so search matches the content.
        rebuild_index(store, indexer)
    return PreparedDatabase(database, store, previous, reset, loaded)
