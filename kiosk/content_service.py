"""The one way the screens reach content: laws, people, cases, Q&A, guides, announcements.

Opening the database may mean loading the bundled demo content (about ten
seconds on a kiosk): :meth:`ContentService.start` does it on a thread of its
own, after Home is shown, and says ``ready`` when done; until then the screens
show a calm "preparing" message (``state`` is ``loading``) and every question
gets an empty answer.

Searches run on one worker thread: a screen asks with
:meth:`ContentService.request_search` (or ``request_people_search``), gets a
request id back and receives ``search_finished(request_id, results)``. A newer
request on the same channel supersedes an older one still waiting, and a
screen drops any result whose id is not its latest, so results never arrive
out of order on screen.

Everything else is a small indexed query answered at once on the calling
(UI) thread by :class:`kiosk.content_queries.ContentQueries`; each returns the
typed view models of :mod:`kiosk.content_views`. That module, the database layer
and the search engine are imported by the loader thread, not before Home.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kiosk.settings import Settings
from kiosk.ui_inbox import ui_inbox

if TYPE_CHECKING:
    from kiosk.content_queries import ContentQueries
    from kiosk.content_views import (
        AnnouncementView,
        ArticleView,
        EntryRow,
        EntryView,
        GuideView,
        HallWindow,
        InstitutionCard,
        LawRow,
        LawView,
        PersonRow,
        PractitionerCard,
        Respondent,
        SearchResult,
    )

log = logging.getLogger(__name__)

# Defined here, not in kiosk.content_queries (which takes them from here): asking
# before the content is ready then imports nothing.
PEOPLE_KINDS = ("practitioner", "institution")
SEARCH_LIMIT = 60
_STOP = object()


class ContentState:
    IDLE = "idle"
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


class ContentService(QObject):
    """Lookup and search of the local content, for the screens."""

    ready = Signal()
    """The content can be read (emitted once, on the UI thread)."""
    state_changed = Signal(str)
    search_finished = Signal(int, object)
    """(request id, results): list[SearchResult], list[PersonRow] or list[Respondent]."""

    def __init__(
        self,
        settings: Settings,
        database_path: Path | None = None,
        *,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.database_path = database_path or settings.database_path
        self._clock = clock
        self._state = ContentState.IDLE
        self._error = ""
        self._queries: ContentQueries | None = None
        self._loader: threading.Thread | None = None
        self._requests: queue.Queue[Any] = queue.Queue()
        self._ids = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._latest_lock = threading.Lock()
        self._worker: threading.Thread | None = None
        self._closed = False
        # Answers of the loader and the search worker reach the UI thread through an
        # inbox, not through signals emitted on those threads (see kiosk.ui_inbox).
        self._inbox = ui_inbox()
        self._searches_awaited = 0
        self.load_seconds: float | None = None
        self.state_changed.connect(self._on_state_changed)

    # --- life cycle -------------------------------------------------------------
    @property
    def state(self) -> str:
        return self._state

    @property
    def is_ready(self) -> bool:
        return self._state == ContentState.READY

    @property
    def error(self) -> str:
        return self._error

    def start(self) -> None:
        """Open (and on first run fill) the database on a background thread."""
        if self._state != ContentState.IDLE or self._closed:
            return
        self._state = ContentState.LOADING
        self.state_changed.emit(self._state)
        self._inbox.expect()
        self._loader = threading.Thread(target=self._load, name="content-loader", daemon=True)
        self._loader.start()

    def open_blocking(self) -> None:
        """Open the database on this thread (command-line tools, benchmarks, tests)."""
        if self._state == ContentState.READY:
            return
        self._state = ContentState.LOADING
        self._load()

    def wait_until_ready(self, timeout_s: float = 120.0) -> bool:
        """Block until loading ends (only off the event loop: screenshots, benchmarks)."""
        if self._loader is not None:
            self._loader.join(timeout_s)
        return self._state == ContentState.READY

    def _load(self) -> None:
        started = time.perf_counter()
        on_loader_thread = threading.current_thread() is self._loader
        try:
            # Imported here (off the UI thread): the bootstrap pulls in the outbox,
            # the HTTP client and the migrations, none of which the first screen needs.
            from kiosk.content_access import open_content
            from kiosk.content_queries import ContentQueries

            prepared, index = open_content(self.settings, database_path=self.database_path)
            if on_loader_thread:
                # Each thread has its own connection: the loader's would stay open for good.
                prepared.database.close()
            self._queries = ContentQueries(prepared.store, index, self._clock)
            self._state = ContentState.READY
            self.load_seconds = time.perf_counter() - started
            log.info(
                "content ready in %.1f s (%d demo items loaded)",
                self.load_seconds,
                prepared.demo_loaded,
            )
        except Exception as error:  # the kiosk stays up; screens say content is unavailable
            log.exception("opening the content failed")
            self._error = str(error)[:200]
            self._state = ContentState.FAILED
        if on_loader_thread:
            self._inbox.reply(self.state_changed.emit, self._state)
        else:
            self.state_changed.emit(self._state)

    def _on_state_changed(self, state: str) -> None:
        # A load that ends after close() (its answer was still in the inbox) starts
        # nothing: the worker and whatever waits for `ready` would outlive the kiosk.
        if state == ContentState.READY and not self._closed:
            self._start_worker()
            self.ready.emit()

    def close(self) -> None:
        """Stop the worker threads (waits for a load in progress); nothing starts after."""
        self._closed = True
        if self._loader is not None:
            self._loader.join()
        if self._worker is not None:
            self._requests.put(_STOP)
            self._worker.join()
            self._worker = None

    # --- searches on the worker thread -----------------------------------------
    def _start_worker(self) -> None:
        if self._worker is None and not self._closed:
            self._worker = threading.Thread(target=self._work, name="content-search", daemon=True)
            self._worker.start()

    def _work(self) -> None:
        while True:
            job = self._requests.get()
            if job is _STOP:
                return
            request_id, channel, run = job
            with self._latest_lock:
                superseded = self._latest.get(channel, request_id) != request_id
            results: list[Any] | None = None  # None: superseded, no answer to show
            if not superseded:
                try:
                    results = run()
                except Exception:  # a bad query must not kill the worker
                    log.exception("search failed")
                    results = []
            self._inbox.reply(self._on_search_answered, request_id, results)

    def _submit(self, channel: str, run: Callable[[], list[Any]]) -> int:
        request_id = next(self._ids)
        with self._latest_lock:
            self._latest[channel] = request_id
        if not self.is_ready or self._closed:
            # Nothing to search (yet, or any more): answer at once with no results.
            self.search_finished.emit(request_id, [])
            return request_id
        self._start_worker()
        self._searches_awaited += 1
        self._inbox.expect()
        self._requests.put((request_id, channel, run))
        return request_id

    def searches_pending(self) -> int:
        """Requests whose answer has not reached the screens yet (the screen tour waits)."""
        return self._searches_awaited

    def _on_search_answered(self, request_id: int, results: list[Any] | None) -> None:
        self._searches_awaited = max(0, self._searches_awaited - 1)
        if results is not None:  # None: a newer request on its channel came first
            self.search_finished.emit(request_id, results)

    def request_search(
        self,
        query: str,
        content_type: str | tuple[str, ...] | None = None,
        limit: int = SEARCH_LIMIT,
        channel: str = "search",
    ) -> int:
        """Search in the background; the answer comes as ``search_finished``."""
        return self._submit(channel, lambda: self.search_now(query, content_type, limit))

    def request_people_search(
        self,
        kind: str,
        query: str,
        role: str | None = None,
        district: str | None = None,
        expertise: str | None = None,
        channel: str = "people",
    ) -> int:
        """Practitioners or institutions by name, pinyin, initials or licence number."""
        return self._submit(
            channel, lambda: self.people_search_now(kind, query, role, district, expertise)
        )

    # --- questions answered at once (empty until the content is ready) --------------
    def search_now(
        self,
        query: str,
        content_type: str | tuple[str, ...] | None = None,
        limit: int = SEARCH_LIMIT,
    ) -> list[SearchResult]:
        """Best first; several content types are searched each and merged by score."""
        return self._queries.search_now(query, content_type, limit) if self._queries else []

    def people_search_now(
        self,
        kind: str,
        query: str,
        role: str | None = None,
        district: str | None = None,
        expertise: str | None = None,
    ) -> list[PersonRow]:
        if self._queries is None:
            return []
        return self._queries.people_search_now(kind, query, role, district, expertise)

    def request_respondents(self, text: str, limit: int = 5, channel: str = "respondents") -> int:
        """``find_respondents`` in the background; the answer comes as ``search_finished``."""
        return self._submit(channel, lambda: self.find_respondents(text, limit))

    def find_respondents(self, text: str, limit: int = 5) -> list[Respondent]:
        """Practitioners and institutions a complaint may name, best match first (blocking:
        the complaint form asks through :meth:`request_respondents`)."""
        return self._queries.find_respondents(text, limit) if self._queries else []

    def law_categories(self) -> list[tuple[str, int]]:
        """(category, number of laws), in the usual order of the legal hierarchy."""
        return self._queries.law_categories() if self._queries else []

    def laws_in_category(self, category: str, offset: int = 0, limit: int = 50) -> list[LawRow]:
        return self._queries.laws_in_category(category, offset, limit) if self._queries else []

    def law(self, law_id: str) -> LawView | None:
        """A law's header and table of contents (no article texts: opening stays instant)."""
        return self._queries.law(law_id) if self._queries else None

    def article(self, law_id: str, no: int, sub: int = 0) -> ArticleView | None:
        return self._queries.article(law_id, no, sub) if self._queries else None

    def article_at(self, law_id: str, position: int) -> ArticleView | None:
        return self._queries.article_at(law_id, position) if self._queries else None

    def articles_page(self, law_id: str, offset: int, limit: int) -> list[ArticleView]:
        """Articles from ``offset`` in reading order (for the law's article list)."""
        return self._queries.articles_page(law_id, offset, limit) if self._queries else []

    @staticmethod
    def parse_article_number(text: str) -> tuple[int, int] | None:
        """1077, 第一千零七十七条 or 第十条之一 -> (no, sub); None when it is no article number."""
        from offline_cache.lookup import article_number

        return article_number(text)

    def people_page(
        self,
        kind: str,
        role: str | None = None,
        district: str | None = None,
        expertise: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> tuple[list[PersonRow], int]:
        """One page of practitioners or institutions by name, and how many match in all."""
        if self._queries is None:
            return [], 0
        return self._queries.people_page(kind, role, district, expertise, offset, limit)

    def districts(self, kind: str = "practitioner") -> list[str]:
        return self._queries.districts(kind) if self._queries else []

    def expertise_values(self, kind: str = "practitioner", limit: int = 12) -> list[str]:
        return self._queries.expertise_values(kind, limit) if self._queries else []

    def practitioner(self, item_id: str) -> PractitionerCard | None:
        return self._queries.practitioner(item_id) if self._queries else None

    def institution(self, item_id: str) -> InstitutionCard | None:
        return self._queries.institution(item_id) if self._queries else None

    def entry_categories(self) -> list[str]:
        return self._queries.entry_categories() if self._queries else []

    def entries(self, category: str | None = None) -> list[EntryRow]:
        """Typical cases (newest first), then Q&A, of a category or of all."""
        return self._queries.entries(category) if self._queries else []

    def entry(self, kind: str, item_id: str) -> EntryView | None:
        return self._queries.entry(kind, item_id) if self._queries else None

    def guides(self) -> list[GuideView]:
        return self._queries.guides() if self._queries else []

    def guide(self, item_id: str) -> GuideView | None:
        return self._queries.guide(item_id) if self._queries else None

    def hall_windows(self) -> list[HallWindow]:
        """Each window named by a guide, with the services it handles, in window order."""
        return self._queries.hall_windows() if self._queries else []

    def hall_map_image(self) -> Path | None:
        """The hall's own floor-plan image (setting ``ui.hall_map``) when it exists."""
        configured = str(self.settings["ui.hall_map"] or "")
        if not configured or configured == ".":
            return None
        path = Path(configured).expanduser()
        return path if path.is_file() else None

    def announcements(self, limit: int = 10) -> list[AnnouncementView]:
        """Published and not expired, newest first."""
        return self._queries.announcements(limit) if self._queries else []

    def counts(self) -> dict[str, int]:
        return self._queries.counts() if self._queries else {}
