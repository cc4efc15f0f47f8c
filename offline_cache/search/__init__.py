"""Search over the offline content: laws by article, people, institutions, cases,
Q&A, guides and announcements, the way citizens type.

The content store calls a ``SearchIndex`` inside its write transaction
(``index_item`` / ``remove_item`` / ``remove_all``); the UI and the CLI call
``SearchIndex.search``. The index lives in its own tables of the kiosk
database (``search_document``, ``search_law``, ``search_meta``, ``search_fts``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from offline_cache.db import database_proxy
from offline_cache.search.engine import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, Searcher, SearchHit
from offline_cache.search.index import IndexWriter
from offline_cache.search.models import CONTENT_TYPES
from offline_cache.search.query import QueryPlan
from offline_cache.search.vocabulary import Vocabulary

__all__ = [
    "CONTENT_TYPES",
    "HIGHLIGHT_CLOSE",
    "HIGHLIGHT_OPEN",
    "SearchHit",
    "SearchIndex",
]


class SearchIndex:
    """The indexer protocol of the content store plus the query side.

    Cheap to create; the vocabulary is read on the first query and the law
    names are re-read only when laws changed.
    """

    def __init__(self, vocabulary: Vocabulary | None = None):
        self._writer = IndexWriter()
        self._searcher = Searcher(vocabulary)

    def create_tables(self) -> None:
        self._writer.create_tables()

    def index_item(self, content_type: str, item_id: str, data: dict[str, Any]) -> None:
        self._writer.index_item(content_type, item_id, data)

    def remove_item(self, content_type: str, item_id: str) -> None:
        self._writer.remove_item(content_type, item_id)

    def remove_all(self) -> None:
        self._writer.remove_all()

    def bulk_index(self, items: Iterable[tuple[str, str, dict[str, Any]]]) -> int:
        """(content_type, item_id, data) triples; returns the number of documents written."""
        return self._writer.bulk_index(items)

    def is_empty(self) -> bool:
        return (
            database_proxy.execute_sql("SELECT 1 FROM search_document LIMIT 1").fetchone() is None
        )

    def document_count(self, content_type: str | None = None) -> int:
        if content_type is None:
            row = database_proxy.execute_sql("SELECT count(*) FROM search_document").fetchone()
        else:
            row = database_proxy.execute_sql(
                "SELECT count(*) FROM search_document WHERE content_type = ?", (content_type,)
            ).fetchone()
        return int(row[0]) if row else 0

    def plan(self, query: str) -> QueryPlan:
        """How a query is understood (for diagnostics and tests)."""
        return self._searcher.plan(query)

    def search(
        self, query: str, content_type: str | None = None, limit: int = 20
    ) -> list[SearchHit]:
        """Best first. Never raises on any query text; ValueError for an unknown content type."""
        return self._searcher.search(query, content_type, limit)
