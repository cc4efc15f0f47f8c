"""Answers to the screens' questions about the local content, as view models.

Built by :class:`kiosk.content_service.ContentService` once the database is open
(on its loader thread), so that neither the database layer nor the search engine
is imported before Home is on screen. Every method is a small indexed query and
returns the typed views of :mod:`kiosk.content_views`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from kiosk.content_service import PEOPLE_KINDS, SEARCH_LIMIT
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
from offline_cache import lookup
from offline_cache.content_store import Article, ContentStore
from offline_cache.search import SearchHit, SearchIndex

RESPONDENT_LIMIT = 20
CHOICES_TTL_S = 60.0


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


class ContentQueries:
    """Lookup and search over an open content store and its search index."""

    def __init__(
        self, store: ContentStore, index: SearchIndex, clock: Callable[[], float] = time.time
    ) -> None:
        self._store = store
        self._index = index
        self._clock = clock
        self._choices: dict[tuple[Any, ...], tuple[float, list[str]]] = {}

    def search_now(
        self,
        query: str,
        content_type: str | tuple[str, ...] | None = None,
        limit: int = SEARCH_LIMIT,
    ) -> list[SearchResult]:
        """Best first; several content types are searched each and merged by score."""
        if not isinstance(query, str) or not query.strip():
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
        if kind not in PEOPLE_KINDS:
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

    def find_respondents(self, text: str, limit: int = 5) -> list[Respondent]:
        """Practitioners and institutions a complaint may name, best match first.

        Matches names, pinyin, initials and licence numbers through the search
        index, like the practitioner lookup. Blocking (a few indexed queries):
        the complaint form asks through :meth:`request_respondents`.
        """
        if not isinstance(text, str) or not text.strip():
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
        found = dict(self._store.law_categories())
        known = [(c, found.pop(c)) for c in LAW_CATEGORIES if c in found]
        return known + sorted(found.items())

    def laws_in_category(self, category: str, offset: int = 0, limit: int = 50) -> list[LawRow]:
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
        if not isinstance(law_id, str):
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
        position = lookup.position_of_article(law_id, int(no), int(sub))
        return None if position is None else self.article_at(law_id, position)

    def article_at(self, law_id: str, position: int) -> ArticleView | None:
        if not isinstance(law_id, str):
            return None
        found = lookup.article_at(law_id, int(position))
        if found is None:
            return None
        return self._article_view(found, self._law_title(law_id), lookup.article_count(law_id))

    def articles_page(self, law_id: str, offset: int, limit: int) -> list[ArticleView]:
        """Articles from ``offset`` in reading order (for the law's article list)."""
        title = self._law_title(law_id)
        total = lookup.article_count(law_id)
        return [
            self._article_view(a, title, total) for a in lookup.articles_page(law_id, offset, limit)
        ]

    def _law_title(self, law_id: str) -> str:
        detail = self._store.get_law(law_id, with_articles=False)
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
        if kind not in PEOPLE_KINDS:
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
        if kind not in PEOPLE_KINDS:
            return []
        return self._cached(("districts", kind), lambda: self._store.districts(kind))

    def expertise_values(self, kind: str = "practitioner", limit: int = 12) -> list[str]:
        if kind not in PEOPLE_KINDS:
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
        seen = dict.fromkeys(self._store.categories("case") + self._store.categories("faq"))
        return list(seen)

    def entries(self, category: str | None = None) -> list[EntryRow]:
        """Typical cases (newest first), then Q&A, of a category or of all."""
        cases = [entry_row("case", i.id, i.data) for i in self._store.cases(category)]
        faqs = [entry_row("faq", i.id, i.data) for i in self._store.faqs(category)]
        return cases + faqs

    def entry(self, kind: str, item_id: str) -> EntryView | None:
        if kind not in ("case", "faq"):
            return None
        item = self._store.get_item(kind, item_id)
        return entry_view(kind, item.id, item.data) if item else None

    # --- guides, windows, announcements ----------------------------------------------
    def guides(self) -> list[GuideView]:
        order = {service: n for n, (service, _) in enumerate(GUIDE_SERVICES)}
        views = [guide_view(i.id, i.data) for i in self._store.guides()]
        return sorted(views, key=lambda g: (order.get(g.service, len(order)), g.title))

    def guide(self, item_id: str) -> GuideView | None:
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

    def announcements(self, limit: int = 10) -> list[AnnouncementView]:
        """Published and not expired, newest first."""
        return [
            announcement_view(i.id, i.data)
            for i in self._store.active_announcements(self._clock(), limit)
        ]

    def counts(self) -> dict[str, int]:
        return self._store.counts()
