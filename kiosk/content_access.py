"""Opening the local content for reading and writing: the database and its search index.

There is one way to open the kiosk's database: ``open_content``. It brings the
schema up to date, makes sure the search tables exist, loads the bundled demo
content through the change-feed path when no central platform is configured
and nothing is stored yet, and rebuilds the search index when content exists
without one. The run command, ``search`` and ``sync`` all go through it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from kiosk.settings import Settings
from offline_cache.bootstrap import PreparedDatabase, prepare_database
from offline_cache.search import SearchIndex


def open_content(
    settings: Settings,
    demo_changes: Callable[[], Iterable[dict[str, Any]]] | None = None,
) -> tuple[PreparedDatabase, SearchIndex]:
    """The prepared database of ``settings.database_path`` and its search index."""
    index = SearchIndex()
    prepared = prepare_database(
        settings.database_path,
        has_central=settings.has_central,
        indexer=index,
        demo_changes=demo_changes,
    )
    return prepared, index


def open_search(
    settings: Settings,
    demo_changes: Callable[[], Iterable[dict[str, Any]]] | None = None,
) -> SearchIndex:
    """The search index over the kiosk's content (opening the database on the way)."""
    return open_content(settings, demo_changes)[1]
