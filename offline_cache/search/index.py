"""Writing the search index: the indexer the content store calls in its transaction."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import astuple
from functools import lru_cache
from typing import Any

from offline_cache.db import database_proxy
from offline_cache.search.documents import DocumentRow, IndexedItem, LawRow, documents_for
from offline_cache.search.models import (
    CONTENT_TYPES,
    FTS_DDL,
    FTS_TABLE,
    INDEX_FORMAT,
    MODELS,
    PARTIAL_INDEXES_DDL,
    SearchDocument,
    SearchLaw,
    SearchMeta,
    id_range,
)
from offline_cache.search.text import index_tokens

log = logging.getLogger(__name__)

_DOC_COLUMNS = (
    "content_type",
    "item_id",
    "title",
    "headings",
    "body",
    "article_no",
    "article_sub",
    "article_label",
    "license_no",
    "role",
    "district",
    "pinyin_full",
    "pinyin_initials",
)
_INSERT_DOC = (
    f"INSERT INTO search_document (id, {', '.join(_DOC_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (len(_DOC_COLUMNS) + 1))})"
)
_INSERT_FTS = f"INSERT INTO {FTS_TABLE} (rowid, title, headings, body) VALUES (?, ?, ?, ?)"
_DELETE_FTS = (
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title, headings, body) "
    "VALUES ('delete', ?, ?, ?, ?)"
)
_INSERT_LAW = (
    "INSERT OR REPLACE INTO search_law "
    "(law_id, title, short_title, pinyin_full, pinyin_initials, status) VALUES (?, ?, ?, ?, ?, ?)"
)
LAW_GENERATION_KEY = "law_generation"
_BATCH_DOCUMENTS = 5000


class IndexWriter:
    """Adds, replaces and removes documents; every method runs in one transaction
    (a savepoint when the caller's transaction is already open)."""

    def create_tables(self) -> None:
        db = database_proxy
        with db.atomic():
            db.create_tables(list(MODELS), safe=True)
            for statement in PARTIAL_INDEXES_DDL:
                db.execute_sql(statement)
            db.execute_sql(FTS_DDL)
            stored = SearchMeta.get_or_none(SearchMeta.key == "index_format")
            if stored is None or stored.value != INDEX_FORMAT:
                if stored is not None:
                    log.info("search index format changed, rebuilding the full-text index")
                self._rebuild_fts()
                SearchMeta.replace(key="index_format", value=INDEX_FORMAT).execute()

    def index_item(self, content_type: str, item_id: str, data: dict[str, Any]) -> None:
        """Index (or re-index) one content item; unknown types are ignored."""
        if content_type not in CONTENT_TYPES:
            return
        item = documents_for(content_type, item_id, data)
        with database_proxy.atomic():
            self._delete(content_type, item_id)
            self._insert([(content_type, item_id, item)])

    def remove_item(self, content_type: str, item_id: str) -> None:
        if content_type not in CONTENT_TYPES:
            return
        with database_proxy.atomic():
            self._delete(content_type, item_id)

    def remove_all(self) -> None:
        with database_proxy.atomic():
            SearchDocument.delete().execute()
            SearchLaw.delete().execute()
            database_proxy.execute_sql(
                f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('delete-all')"
            )
            self._bump_law_generation()

    def bulk_index(self, items: Iterable[tuple[str, str, dict[str, Any]]]) -> int:
        """Index many items in batches of a few thousand documents; returns documents written.

        Each batch is one transaction (a savepoint inside the caller's), so an
        initial load of 150,000 articles costs a handful of commits.
        """
        written = 0
        batch: list[tuple[str, str, IndexedItem]] = []
        batch_documents = 0
        for content_type, item_id, data in items:
            if content_type not in CONTENT_TYPES:
                continue
            item = documents_for(content_type, item_id, data)
            batch.append((content_type, item_id, item))
            batch_documents += len(item.documents)
            if batch_documents >= _BATCH_DOCUMENTS:
                written += self._write_batch(batch)
                batch, batch_documents = [], 0
        if batch:
            written += self._write_batch(batch)
        return written

    def _write_batch(self, batch: Sequence[tuple[str, str, IndexedItem]]) -> int:
        with database_proxy.atomic():
            # One look-up for the batch: on a first load nothing is there to replace.
            present = self._present({(content_type, item_id) for content_type, item_id, _ in batch})
            for content_type, item_id, _ in batch:
                if (content_type, item_id) in present:
                    self._delete(content_type, item_id)
            return self._insert(batch)

    def _present(self, keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        by_type: dict[str, list[str]] = {}
        for content_type, item_id in keys:
            by_type.setdefault(content_type, []).append(item_id)
        for content_type, item_ids in by_type.items():
            for start in range(0, len(item_ids), 500):
                chunk = item_ids[start : start + 500]
                rows = database_proxy.execute_sql(
                    "SELECT DISTINCT item_id FROM search_document WHERE content_type = ? "
                    f"AND item_id IN ({', '.join('?' * len(chunk))})",
                    (content_type, *chunk),
                ).fetchall()
                found.update((content_type, row[0]) for row in rows)
        return found

    def _insert(self, batch: Sequence[tuple[str, str, IndexedItem]]) -> int:
        next_ids: dict[str, int] = {}
        doc_rows: list[tuple[Any, ...]] = []
        fts_rows: list[tuple[int, str, str, str]] = []
        law_rows: list[LawRow] = []
        for content_type, _item_id, item in batch:
            if item.law is not None:
                law_rows.append(item.law)
            for document in item.documents:
                if content_type not in next_ids:
                    next_ids[content_type] = self._next_id(content_type)
                document_id = next_ids[content_type]
                next_ids[content_type] += 1
                doc_rows.append((document_id, *_document_values(document)))
                fts_rows.append(
                    (
                        document_id,
                        _repeated_tokens(document.title),
                        _repeated_tokens(document.headings),
                        index_tokens(document.body),
                    )
                )
        cursor = database_proxy.cursor()
        if doc_rows:
            cursor.executemany(_INSERT_DOC, doc_rows)
            cursor.executemany(_INSERT_FTS, fts_rows)
        if law_rows:
            cursor.executemany(_INSERT_LAW, [astuple(law) for law in law_rows])
            self._bump_law_generation()
        return len(doc_rows)

    def _delete(self, content_type: str, item_id: str) -> None:
        rows = database_proxy.execute_sql(
            "SELECT id, title, headings, body FROM search_document "
            "WHERE content_type = ? AND item_id = ?",
            (content_type, item_id),
        ).fetchall()
        if rows:
            database_proxy.cursor().executemany(
                _DELETE_FTS,
                [
                    (row[0], index_tokens(row[1]), index_tokens(row[2]), index_tokens(row[3]))
                    for row in rows
                ],
            )
            database_proxy.execute_sql(
                "DELETE FROM search_document WHERE content_type = ? AND item_id = ?",
                (content_type, item_id),
            )
        if content_type == "law":
            deleted = SearchLaw.delete().where(SearchLaw.law_id == item_id).execute()
            if deleted:
                self._bump_law_generation()

    def _next_id(self, content_type: str) -> int:
        low, high = id_range(content_type)
        row = database_proxy.execute_sql(
            "SELECT max(id) FROM search_document WHERE id BETWEEN ? AND ?", (low, high)
        ).fetchone()
        return low + 1 if row is None or row[0] is None else int(row[0]) + 1

    def _bump_law_generation(self) -> None:
        database_proxy.execute_sql(
            "INSERT INTO search_meta (key, value) VALUES (?, '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
            (LAW_GENERATION_KEY,),
        )

    def _rebuild_fts(self) -> None:
        """Re-create the full-text table from search_document (after a format change)."""
        database_proxy.execute_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        database_proxy.execute_sql(FTS_DDL)
        cursor = database_proxy.execute_sql("SELECT id, title, headings, body FROM search_document")
        insert = database_proxy.cursor()
        while rows := cursor.fetchmany(2000):
            insert.executemany(
                _INSERT_FTS,
                [(r[0], index_tokens(r[1]), index_tokens(r[2]), index_tokens(r[3])) for r in rows],
            )


@lru_cache(maxsize=4096)
def _repeated_tokens(text: str) -> str:
    """Tokens of titles and headings, which hundreds of articles share."""
    return index_tokens(text)


def _document_values(document: DocumentRow) -> tuple[Any, ...]:
    return tuple(getattr(document, name) for name in _DOC_COLUMNS)
