"""The one way the screens reach content: laws, people, cases, Q&A, guides, announcements.

Opening the database may mean loading the bundled demo content (about ten
seconds on a kiosk): :meth:`ContentService.start` does it on a thread of its
own, after Home is shown, and says ``ready`` when done; until then the screens
show a calm "preparing" message (``state`` is ``loading``).

Searches run on one worker thread: a screen asks with
:meth:`ContentService.request_search` (or ``request_people_search``), gets a
request id back and receives ``search_finished(request_id, results)``. A newer
request on the same channel supersedes an older one still waiting, and a
screen drops any result whose id is not its latest, so results never arrive
out of order on screen.

Everything else is a small indexed query answered at once on the calling
(UI) thread; each returns the typed view models of :mod:`kiosk.content_views`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from PySide6.QtCore import QObject, Signal

from kiosk.content_views import (
    GUIDE_SERVICES,
    LAW_CATEGORIES,
    LAW_STATUS_LABELS,
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
    announcement_view,
    entry_row,
    entry_view,
    guide_view,
    institution_card,
    penalty_views,
    person_row,
    practitioner_card,
    respondent,
    toc_of,
)
from kiosk.settings import Settings
from offline_cache import lookup
from offline_cache.content_store import Article, ContentStore
from offline_cache.search import SearchHit, SearchIndex

log = logging.getLogger(__name__)

PEOPLE_KINDS = ("practitioner", "institution")
SEARCH_LIMIT = 60
RESPONDENT_LIMIT = 20
CHOICES_TTL_S = 60.0
_STOP = object()


class ContentState:
    IDLE = "idle"
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


def _result(hit: SearchHit) -> SearchResult:
    return SearchResult(
        type=hit.type,
        id=hit.law_id or hit.id if hit.type == "law" else hit.id,
        title=hit.law_title or hit.title if hit.type == "law" else hit.title,
        snippet=hit.snippet,
        law_id=hit.law_id or "",
        law_title=hit.law_title or "",
        article_no=hit.article_no,
        article_sub=hit.article_sub or 0,
        article_label=hit.article_label or "",
    )


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
        self._store: ContentStore | None = None
        self._index: SearchIndex | None = None
        self._loader: threading.Thread | None = None
        self._requests: queue.Queue[Any] = queue.Queue()
        self._ids = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._latest_lock = threading.Lock()
        self._worker: threading.Thread | None = None
        self._pending = 0
        self._choices: dict[tuple[Any, ...], tuple[float, list[str]]] = {}
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
        if self._state != ContentState.IDLE:
            return
        self._state = ContentState.LOADING
        self.state_changed.emit(self._state)
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
        try:
            # Imported here (off the UI thread): the bootstrap pulls in the outbox,
            # the HTTP client and the migrations, none of which the first screen needs.
            from kiosk.content_access import open_content

            prepared, index = open_content(self.settings, database_path=self.database_path)
            if threading.current_thread() is self._loader:
                # Each thread has its own connection: the loader's would stay open for good.
                prepared.database.close()
            self._store, self._index = prepared.store, index
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
        self.state_changed.emit(self._state)

    def _on_state_changed(self, state: str) -> None:
        if state == ContentState.READY:
            self._start_worker()
            self.ready.emit()

    def close(self) -> None:
        """Stop the worker threads (waits for a load in progress)."""
        if self._loader is not None:
            self._loader.join()
        if self._worker is not None:
            self._requests.put(_STOP)
            self._worker.join()
            self._worker = None

    # --- searches on the worker thread -----------------------------------------
    def _start_worker(self) -> None:
        if self._worker is None:
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
            if not superseded:
                try:
                    results = run()
                except Exception:  # a bad query must not kill the worker
                    log.exception("search failed")
                    results = []
                self.search_finished.emit(request_id, results)
            with self._latest_lock:
                self._pending -= 1

    def _submit(self, channel: str, run: Callable[[], list[Any]]) -> int:
        request_id = next(self._ids)
        with self._latest_lock:
            self._latest[channel] = request_id
        if not self.is_ready:
            # Nothing to search yet: answer at once with no results.
            self.search_finished.emit(request_id, [])
            return request_id
        self._start_worker()
        with self._latest_lock:
            self._pending += 1
        self._requests.put((request_id, channel, run))
        return request_id

    def searches_pending(self) -> int:
        """Requests queued or running (the screen tour waits for them)."""
        with self._latest_lock:
            return self._pending

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

    def search_now(
        self,
        query: str,
        content_type: str | tuple[str, ...] | None = None,
        limit: int = SEARCH_LIMIT,
    ) -> list[SearchResult]:
        """Best first; several content types are searched each and merged by score."""
        if self._index is None or not isinstance(query, str) or not query.strip():
            return []
        if isinstance(content_type, tuple):
            hits = [h for t in content_type for h in self._index.search(query, t, limit)]
            hits.sort(key=lambda h: -h.score)
            return [_result(hit) for hit in hits[:limit]]
        return [_result(hit) for hit in self._index.search(query, content_type, limit)]

    def people_search_now(
        self,
        kind: str,
        query: str,
        role: str | None = None,
        district: str | None = None,
        expertise: str | None = None,
    ) -> list[PersonRow]:
        if kind not in PEOPLE_KINDS or self._store is None:
            return []
        rows = []
        for hit in self.search_now(query, kind, 100):
            item = self._store.get_item(kind, hit.id)
            if item is None:
                continue
            data = item.data
            if role and data.get("role") != role:
                continue
            if district and data.get("district") != district:
                continue
            if expertise and expertise not in (data.get("expertise") or []):
                continue
            rows.append(item)
        names = self._institution_names([r.data for r in rows]) if kind == "practitioner" else {}
        return [
            person_row(kind, r.id, r.data, names.get(str(r.data.get("institution_id")), ""))
            for r in rows
        ]

    def request_respondents(self, text: str, limit: int = 5, channel: str = "respondents") -> int:
        """``find_respondents`` in the background; the answer comes as ``search_finished``."""
        return self._submit(channel, lambda: self.find_respondents(text, limit))

    def find_respondents(self, text: str, limit: int = 5) -> list[Respondent]:
        """Practitioners and institutions a complaint may name, best match first.

        Matches names, pinyin, initials and licence numbers through the search
        index, like the practitioner lookup. Blocking (a few indexed queries):
        the complaint form asks through :meth:`request_respondents`.
        """
        if self._store is None or not isinstance(text, str) or not text.strip():
            return []
        limit = max(1, min(int(limit), RESPONDENT_LIMIT))
        found: list[Respondent] = []
        for hit in self.search_now(text.strip()[:100], PEOPLE_KINDS, limit):
            item = self._store.get_item(hit.type, hit.id)
            if item is None:
                continue
            institution = ""
            if hit.type == "practitioner":
                institution_id = str(item.data.get("institution_id") or "")
                institution = self._institution_names([item.data]).get(institution_id, "")
            found.append(respondent(person_row(hit.type, item.id, item.data), institution))
        return found

    # --- laws ----------------------------------------------------------------------
    def law_categories(self) -> list[tuple[str, int]]:
        """(category, number of laws), in the usual order of the legal hierarchy."""
        if self._store is None:
            return []
        found = dict(self._store.law_categories())
        known = [(c, found.pop(c)) for c in LAW_CATEGORIES if c in found]
        return known + sorted(found.items())

    def laws_in_category(self, category: str, offset: int = 0, limit: int = 50) -> list[LawRow]:
        if self._store is None:
            return []
        return [
            LawRow(
                s.id,
                s.title,
                s.category,
                s.status,
                LAW_STATUS_LABELS.get(s.status, s.status),
                s.effective_on or "",
                s.article_count,
            )
            for s in self._store.laws_by_category(category, limit=limit, offset=offset)
        ]

    def law(self, law_id: str) -> LawView | None:
        """A law's header and table of contents (no article texts: opening stays instant)."""
        if self._store is None or not isinstance(law_id, str):
            return None
        detail = self._store.get_law(law_id, with_articles=False)
        if detail is None:
            return None
        outline = lookup.law_outline(law_id)
        return LawView(
            detail.id,
            detail.title,
            detail.category,
            detail.status,
            LAW_STATUS_LABELS.get(detail.status, detail.status),
            detail.issuer or "",
            detail.promulgated_on or "",
            detail.effective_on or "",
            len(outline),
            toc_of(outline),
        )

    def article(self, law_id: str, no: int, sub: int = 0) -> ArticleView | None:
        if self._store is None:
            return None
        position = lookup.position_of_article(law_id, int(no), int(sub))
        return None if position is None else self.article_at(law_id, position)

    def article_at(self, law_id: str, position: int) -> ArticleView | None:
        if self._store is None or not isinstance(law_id, str):
            return None
        found = lookup.article_at(law_id, int(position))
        if found is None:
            return None
        return self._article_view(found, self._law_title(law_id), lookup.article_count(law_id))

    def articles_page(self, law_id: str, offset: int, limit: int) -> list[ArticleView]:
        """Articles from ``offset`` in reading order (for the law's article list)."""
        if self._store is None:
            return []
        title = self._law_title(law_id)
        total = lookup.article_count(law_id)
        return [
            self._article_view(a, title, total) for a in lookup.articles_page(law_id, offset, limit)
        ]

    @staticmethod
    def parse_article_number(text: str) -> tuple[int, int] | None:
        """1077, 第一千零七十七条 or 第十条之一 -> (no, sub); None when it is no article number."""
        return lookup.article_number(text)

    def _law_title(self, law_id: str) -> str:
        detail = self._store.get_law(law_id, with_articles=False) if self._store else None
        return detail.title if detail else ""

    @staticmethod
    def _article_view(article: Article, title: str, total: int) -> ArticleView:
        return ArticleView(
            article.law_id,
            title,
            article.no,
            article.sub,
            article.label,
            tuple(article.headings),
            article.text,
            article.position,
            total,
        )

    # --- practitioners and institutions ---------------------------------------------
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
        if self._store is None or kind not in PEOPLE_KINDS:
            return [], 0
        query = self._store.practitioners if kind == "practitioner" else self._store.institutions
        page = query(role=role, district=district, expertise=expertise, limit=limit, offset=offset)
        names = (
            self._institution_names([i.data for i in page.items]) if kind == "practitioner" else {}
        )
        rows = [
            person_row(kind, i.id, i.data, names.get(str(i.data.get("institution_id")), ""))
            for i in page.items
        ]
        return rows, page.total

    def districts(self, kind: str = "practitioner") -> list[str]:
        if self._store is None or kind not in PEOPLE_KINDS:
            return []
        store = self._store
        return self._cached(("districts", kind), lambda: store.districts(kind))

    def expertise_values(self, kind: str = "practitioner", limit: int = 12) -> list[str]:
        if self._store is None or kind not in PEOPLE_KINDS:
            return []
        return self._cached(
            ("expertise", kind, limit), lambda: lookup.expertise_values(kind, limit)
        )

    def _cached(self, key: tuple[Any, ...], compute: Callable[[], list[str]]) -> list[str]:
        """Filter choices scan every row (50,000 people): keep them a minute."""
        now = time.monotonic()
        found = self._choices.get(key)
        if found is not None and now - found[0] < CHOICES_TTL_S:
            return list(found[1])
        values = compute()
        self._choices[key] = (now, values)
        return list(values)

    def practitioner(self, item_id: str) -> PractitionerCard | None:
        if self._store is None:
            return None
        item = self._store.get_item("practitioner", item_id)
        if item is None:
            return None
        data = item.data
        institution_id = str(data.get("institution_id") or "")
        names = lookup.institution_names([institution_id]) if institution_id else {}
        today = dt.date.fromtimestamp(self._clock())
        penalties = penalty_views(self._store.penalties("practitioner", item_id))
        return practitioner_card(
            item.id,
            data,
            names.get(institution_id, ""),
            penalties,
            today,
            self._photo_path(data.get("photo_url")),
        )

    def institution(self, item_id: str) -> InstitutionCard | None:
        if self._store is None:
            return None
        item = self._store.get_item("institution", item_id)
        if item is None:
            return None
        team = tuple(
            person_row("practitioner", p.id, p.data, "")
            for p in self._store.practitioners_of_institution(item_id)
        )
        penalties = penalty_views(self._store.penalties("institution", item_id))
        return institution_card(item.id, item.data, team, penalties)

    def _institution_names(self, items: list[dict[str, Any]]) -> dict[str, str]:
        return lookup.institution_names([str(d.get("institution_id") or "") for d in items])

    @staticmethod
    def _photo_path(url: Any) -> str:
        """A photo the kiosk holds locally (file path or file: URL); never fetched here."""
        if not isinstance(url, str) or not url:
            return ""
        parsed = urlparse(url)
        path = Path(parsed.path) if parsed.scheme in ("", "file") else None
        return str(path) if path is not None and path.is_file() else ""

    # --- cases and Q&A ------------------------------------------------------------------
    def entry_categories(self) -> list[str]:
        if self._store is None:
            return []
        seen = dict.fromkeys(self._store.categories("case") + self._store.categories("faq"))
        return list(seen)

    def entries(self, category: str | None = None) -> list[EntryRow]:
        """Typical cases (newest first), then Q&A, of a category or of all."""
        if self._store is None:
            return []
        cases = [entry_row("case", i.id, i.data) for i in self._store.cases(category)]
        faqs = [entry_row("faq", i.id, i.data) for i in self._store.faqs(category)]
        return cases + faqs

    def entry(self, kind: str, item_id: str) -> EntryView | None:
        if self._store is None or kind not in ("case", "faq"):
            return None
        item = self._store.get_item(kind, item_id)
        return entry_view(kind, item.id, item.data) if item else None

    # --- guides, windows, announcements ----------------------------------------------
    def guides(self) -> list[GuideView]:
        if self._store is None:
            return []
        order = {service: n for n, (service, _) in enumerate(GUIDE_SERVICES)}
        views = [guide_view(i.id, i.data) for i in self._store.guides()]
        return sorted(views, key=lambda g: (order.get(g.service, len(order)), g.title))

    def guide(self, item_id: str) -> GuideView | None:
        if self._store is None:
            return None
        item = self._store.get_item("guide", item_id)
        return guide_view(item.id, item.data) if item else None

    def hall_windows(self) -> list[HallWindow]:
        """Each window named by a guide, with the services it handles, in window order."""
        windows: dict[str, list[str]] = {}
        for guide in self.guides():
            if guide.window:
                windows.setdefault(guide.window, []).append(guide.title)

        def window_number(name: str) -> tuple[int, str]:
            digits = "".join(itertools.takewhile(str.isdigit, name))
            return (int(digits) if digits else 10_000, name)

        return [
            HallWindow(w, tuple(s))
            for w, s in sorted(windows.items(), key=lambda i: window_number(i[0]))
        ]

    def hall_map_image(self) -> Path | None:
        """The hall's own floor-plan image (setting ``ui.hall_map``) when it exists."""
        configured = str(self.settings["ui.hall_map"] or "")
        if not configured or configured == ".":
            return None
        path = Path(configured).expanduser()
        return path if path.is_file() else None

    def announcements(self, limit: int = 10) -> list[AnnouncementView]:
        """Published and not expired, newest first."""
        if self._store is None:
            return []
        return [
            announcement_view(i.id, i.data)
            for i in self._store.active_announcements(self._clock(), limit)
        ]

    def counts(self) -> dict[str, int]:
        return self._store.counts() if self._store else {}
