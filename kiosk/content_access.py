"""Opening the local content for reading: the database and its search index.

Until the content store's bootstrap takes over, a database without content is
given the bundled law texts, so search works offline out of the box.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kiosk.settings import Settings
from offline_cache.db import open_database
from offline_cache.lawdata import law_record_to_contract, read_law_records
from offline_cache.search import SearchIndex

log = logging.getLogger(__name__)

BUNDLED_LAWS = Path(__file__).resolve().parents[1] / "assets" / "laws" / "laws.jsonl.gz"


def open_search(settings: Settings, laws_file: Path = BUNDLED_LAWS) -> SearchIndex:
    """Open the database at ``settings.database_path`` and return its search index.

    The search tables are created when missing; an empty index is filled with
    the laws of ``laws_file`` (a few seconds, once).
    """
    open_database(settings.database_path)
    index = SearchIndex()
    index.create_tables()
    if index.is_empty() and laws_file.exists():
        log.info("search index is empty: indexing the bundled laws from %s", laws_file)
        index.bulk_index(_bundled_laws(laws_file))
    return index


def _bundled_laws(path: Path) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for record in read_law_records(path):
        yield "law", record["id"], law_record_to_contract(record)
