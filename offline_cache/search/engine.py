"""Running a query plan against the index: candidates, ranking, snippets.

Ranking, best first:
1. article references (民法典 1077) and exact title matches (民法典, mfd, a name,
   a licence number);
2. coverage: the share of the query's concepts a document matches, each
   concept weighted by how rare it is (idf), so not every word has to match;
3. FTS5 bm25 (title weighted over headings over body) to break ties.
"""

from __future__ import annotations

import heapq
import math
import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from operator import itemgetter
from typing import Any

from offline_cache.db import database_proxy
from offline_cache.search.index import LAW_GENERATION_KEY
from offline_cache.search.models import CONTENT_TYPES, FTS_TABLE, id_range, type_of_id
from offline_cache.search.query import (
    MAX_GROUPS,
    QueryPlan,
    QueryPlanner,
    TermGroup,
    normalise,
)
from offline_cache.search.text import fold, is_cjk, match_expression
from offline_cache.search.vocabulary import Vocabulary

HIGHLIGHT_OPEN = "【"
HIGHLIGHT_CLOSE = "】"
MAX_LIMIT = 100
# Per concept, at most this many matches are ranked; a concept with more is
# common (its idf is low) and is only counted where it meets the others.
_RANKED_PER_GROUP = 2000
_ALL_GROUPS_LIMIT = 400
_SNIPPET_CHARS = 72
# Title, headings, body. An article's title is its law's title, shared by
# hundreds of articles, so it must not outweigh what the article says.
_BM25_WEIGHTS = "2.0, 1.5, 1.0"
_DEFINITION_BONUS = 0.15
_TERM_COUNT_WEIGHT = 0.1
_ARTICLE_REF_BONUS = 1000.0
_TITLE_BONUS = 500.0
_PREFIX_BONUS = 200.0
_IN_NAMED_LAW_BONUS = 1.0
_DOC_COUNT_TTL_S = 30.0


@dataclass(frozen=True)
class SearchHit:
    """One result. Law hits are articles; ``snippet`` marks matches with 【】."""

    type: str
    id: str
    title: str
    snippet: str
    score: float
    law_id: str | None = None
    law_title: str | None = None
    article_no: int | None = None
    article_sub: int | None = None
    article_label: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        if self.type != "law":
            for key in ("law_id", "law_title", "article_no", "article_sub", "article_label"):
                data.pop(key)
        return data


class Searcher:
    """Answers queries; keeps the vocabulary and the law names in memory."""

    def __init__(self, vocabulary: Vocabulary | None = None):
        self._vocabulary = vocabulary
        self._law_generation: str | None = None
        self._planner: QueryPlanner | None = None
        self._doc_count = 0
        self._doc_count_at = -math.inf

    def plan(self, query: str) -> QueryPlan:
        return self._current_planner().plan(query)

    def search(
        self, query: str, content_type: str | None = None, limit: int = 20
    ) -> list[SearchHit]:
        if content_type is not None and content_type not in CONTENT_TYPES:
            raise ValueError(f"unknown content type {content_type!r}")
        limit = max(1, min(int(limit), MAX_LIMIT))
        plan = self.plan(query)
        if plan.is_empty:
            return []
        scores: dict[int, float] = defaultdict(float)
        types = [content_type] if content_type else list(CONTENT_TYPES)
        if "law" in types:
            self._score_law_references(plan, scores)
        self._score_names(plan, types, scores)
        if plan.groups:
            self._split_unmatched(plan, types)
            self._score_terms(plan, types, scores)
        ranked = heapq.nlargest(max(limit * 3, 30), scores.items(), key=itemgetter(1))
        rows = self._rows([document_id for document_id, _ in ranked])
        compact = plan.compact
        for document_id, row in rows.items():
            # An exact title or name beats everything but an article reference.
            if row["content_type"] != "law" and normalise(row["title"]).replace(" ", "") == compact:
                scores[document_id] += _TITLE_BONUS
            elif row["content_type"] == "law" and _defines(row["body"], plan.groups):
                scores[document_id] += _DEFINITION_BONUS
            scores[document_id] += _TERM_COUNT_WEIGHT * _term_counts(row, plan.groups)
        ranked = sorted(((i, scores[i]) for i in rows), key=lambda item: (-item[1], item[0]))[
            :limit
        ]
        terms = sorted(
            {m for g in plan.groups for m in g.members if len(m) > 0}, key=len, reverse=True
        )
        return [_hit(rows[i], score, terms) for i, score in ranked]

    # -- the parts of the ranking ------------------------------------------------

    def _score_law_references(self, plan: QueryPlan, scores: dict[int, float]) -> None:
        opened: set[str] = set()
        for ref in plan.article_refs:
            row = database_proxy.execute_sql(
                "SELECT id FROM search_document WHERE content_type = 'law' AND item_id = ? "
                "AND article_no = ? ORDER BY article_sub = ? DESC, article_sub LIMIT 1",
                (ref.law_id, ref.no, ref.sub),
            ).fetchone()
            if row:
                scores[row[0]] += _ARTICLE_REF_BONUS
                opened.add(ref.law_id)
        if not plan.groups:
            # A law named alone, or with an article it does not have: its beginning.
            for law_id in plan.law_ids:
                if law_id in opened:
                    continue
                first = self._first_article(law_id)
                if first is not None:
                    scores[first] += _TITLE_BONUS
        if plan.pinyin:
            rows = database_proxy.execute_sql(
                "SELECT law_id, pinyin_initials = ?1 OR pinyin_full = ?1 FROM search_law "
                "WHERE pinyin_initials = ?1 OR pinyin_full = ?1 "
                "OR (pinyin_full >= ?1 AND pinyin_full < ?2) LIMIT 20",
                (plan.pinyin, plan.pinyin + "{"),
            ).fetchall()
            for law_id, exact in rows:
                first = self._first_article(law_id)
                if first is not None:
                    scores[first] += _TITLE_BONUS if exact else _PREFIX_BONUS

    def _first_article(self, law_id: str) -> int | None:
        row = database_proxy.execute_sql(
            "SELECT id FROM search_document WHERE content_type = 'law' AND item_id = ? "
            "ORDER BY article_no = 0, article_no, article_sub LIMIT 1",
            (law_id,),
        ).fetchone()
        return int(row[0]) if row else None

    def _score_names(self, plan: QueryPlan, types: list[str], scores: dict[int, float]) -> None:
        """Pinyin and licence numbers of people and institutions (and anything with them)."""
        searches: list[tuple[str, str]] = []
        if plan.pinyin:
            searches += [("pinyin_initials", plan.pinyin), ("pinyin_full", plan.pinyin)]
        if plan.license_no:
            searches.append(("license_no", plan.license_no))
        people = [t for t in types if t != "law"]
        for column, value in searches:
            for low, high in _ranges(people):
                rows = database_proxy.execute_sql(
                    f"SELECT id, {column} = ?1 FROM search_document "
                    f"WHERE {column} >= ?1 AND {column} < ?2 AND id BETWEEN ?3 AND ?4 LIMIT 60",
                    (value, value + "{", low, high),
                ).fetchall()
                for document_id, exact in rows:
                    scores[document_id] += _TITLE_BONUS if exact else _PREFIX_BONUS

    def _split_unmatched(self, plan: QueryPlan, types: list[str]) -> None:
        """An unknown chunk that matches nothing (离婚冷静期) is searched by its parts."""
        ranges = _ranges(types)
        groups: list[TermGroup] = []
        for group in plan.groups:
            expression = _group_expression(group)
            if (
                group.unknown
                and len(group.members[0]) > 2
                and is_cjk(group.members[0][0])
                and expression
                and not self._match(expression, ranges, 1, rank=False)
            ):
                groups.extend(g for g in group.pieces() if g not in groups)
            else:
                groups.append(group)
        plan.groups = groups[:MAX_GROUPS]

    def _score_terms(self, plan: QueryPlan, types: list[str], scores: dict[int, float]) -> None:
        expressions = [(_group_expression(g), g) for g in plan.groups]
        expressions = [(e, g) for e, g in expressions if e]
        if not expressions:
            return
        ranges = _ranges(types)
        law_ranges: list[tuple[int, int]] = []
        if "law" in types:
            found_ranges = (self._law_range(law_id) for law_id in plan.law_ids)
            law_ranges = [r for r in found_ranges if r is not None]
        total = max(self._document_count(), 1)
        # How many documents each concept has (counted in SQLite, up to the cap):
        # a common one is not ranked or fetched, only counted where all meet.
        counts = [self._count(e, ranges, _RANKED_PER_GROUP + 1) for e, _ in expressions]
        common = [count > _RANKED_PER_GROUP for count in counts]
        only_common = all(common)
        found: list[dict[int, float]] = []
        in_named_laws: list[dict[int, float]] = []
        for (expression, _group), is_common in zip(expressions, common, strict=True):
            hits: dict[int, float] = {}
            if only_common or not is_common:
                hits = self._match(expression, ranges, _RANKED_PER_GROUP, rank=not is_common)
            law_hits: dict[int, float] = {}
            for low, high in law_ranges:
                law_hits.update(self._match(expression, [(low, high)], _RANKED_PER_GROUP))
            found.append(hits)
            in_named_laws.append(law_hits)
        weights = [
            (0.3 if is_common else math.log(1 + total / (count + 1))) * group.weight
            for count, is_common, (_, group) in zip(counts, common, expressions, strict=True)
        ]
        weight_sum = sum(weights) or 1.0
        coverage: dict[int, float] = {}
        bm25: dict[int, float] = {}
        for hits, law_hits, is_common, weight in zip(
            found, in_named_laws, common, weights, strict=True
        ):
            # A common concept's hits are capped, so incomplete: it counts within
            # a law the citizen named and where all concepts meet (below).
            everywhere = hits if only_common or not is_common else {}
            get = coverage.get
            for document_id in everywhere.keys() | law_hits.keys():
                coverage[document_id] = get(document_id, 0.0) + weight
            if not is_common:
                get = bm25.get
                for document_id, rank in (everywhere | law_hits).items():
                    bm25[document_id] = get(document_id, 0.0) - rank
        if len(expressions) > 1:
            # Documents with every concept, however common each one is.
            together = " AND ".join(f"({e})" for e, _ in expressions)
            for document_id in self._match(together, ranges, _ALL_GROUPS_LIMIT, rank=False):
                coverage[document_id] = weight_sum
        scale = 0.25 / (max(bm25.values(), default=0.0) or 1.0)
        bm25_get = bm25.get
        term_scores = {
            document_id: share / weight_sum + scale * bm25_get(document_id, 0.0)
            for document_id, share in coverage.items()
        }
        for low, high in law_ranges:
            for document_id in term_scores:
                if low <= document_id <= high:
                    term_scores[document_id] += _IN_NAMED_LAW_BONUS
        for document_id, score in scores.items():
            term_scores[document_id] = term_scores.get(document_id, 0.0) + score
        scores.clear()
        scores.update(term_scores)

    def _match(
        self, expression: str, ranges: list[tuple[int, int]], limit: int, rank: bool = True
    ) -> dict[int, float]:
        found: dict[int, float] = {}
        for low, high in ranges:
            select = f"bm25({FTS_TABLE}, {_BM25_WEIGHTS})" if rank else "0"
            rows = database_proxy.execute_sql(
                f"SELECT rowid, {select} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? "
                "AND rowid BETWEEN ? AND ? LIMIT ?",
                (expression, low, high, limit - len(found)),
            ).fetchall()
            found.update(rows)
            if len(found) >= limit:
                break
        return found

    def _count(self, expression: str, ranges: list[tuple[int, int]], limit: int) -> int:
        total = 0
        for low, high in ranges:
            row = database_proxy.execute_sql(
                f"SELECT count(*) FROM (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? "
                "AND rowid BETWEEN ? AND ? LIMIT ?)",
                (expression, low, high, limit - total),
            ).fetchone()
            total += int(row[0]) if row else 0
            if total >= limit:
                break
        return total

    def _law_range(self, law_id: str) -> tuple[int, int] | None:
        row = database_proxy.execute_sql(
            "SELECT min(id), max(id) FROM search_document WHERE content_type = 'law' AND item_id = ?",
            (law_id,),
        ).fetchone()
        return (int(row[0]), int(row[1])) if row and row[0] is not None else None

    def _rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        cursor = database_proxy.execute_sql(
            "SELECT id, content_type, item_id, title, headings, body, article_no, article_sub, "
            f"article_label FROM search_document WHERE id IN ({marks})",
            ids,
        )
        names = [c[0] for c in cursor.description]
        return {row[0]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}

    # -- caches --------------------------------------------------------------------

    def _current_planner(self) -> QueryPlanner:
        row = database_proxy.execute_sql(
            "SELECT value FROM search_meta WHERE key = ?", (LAW_GENERATION_KEY,)
        ).fetchone()
        generation = row[0] if row else "0"
        if self._planner is None or generation != self._law_generation:
            if self._vocabulary is None:
                self._vocabulary = Vocabulary.load()
            self._planner = QueryPlanner(self._vocabulary, self._law_names())
            self._law_generation = generation
        return self._planner

    def _law_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        by_title: dict[str, str] = {}
        rows = database_proxy.execute_sql(
            "SELECT law_id, title, short_title FROM search_law ORDER BY status != 'in_force', law_id"
        ).fetchall()
        for law_id, title, short_title in rows:
            for name in (title, short_title, _without_brackets(short_title)):
                names.setdefault(fold(name), law_id)
            by_title.setdefault(fold(title), law_id)
        assert self._vocabulary is not None
        for alias, title in self._vocabulary.law_aliases.items():
            law_id = by_title.get(fold(title))
            if law_id is not None:
                names.setdefault(alias, law_id)
        # One-character names (a law called 法?) would swallow ordinary words.
        return {name: law_id for name, law_id in names.items() if len(name) >= 2}

    def _document_count(self) -> int:
        """About how many documents there are, for idf (ids are dense within each type)."""
        now = time.monotonic()
        if now - self._doc_count_at > _DOC_COUNT_TTL_S:
            count = 0
            for content_type in CONTENT_TYPES:
                low, high = id_range(content_type)
                row = database_proxy.execute_sql(
                    "SELECT min(id), max(id) FROM search_document WHERE id BETWEEN ? AND ?",
                    (low, high),
                ).fetchone()
                if row and row[0] is not None:
                    count += int(row[1]) - int(row[0]) + 1
            self._doc_count = count
            self._doc_count_at = now
        return self._doc_count


def _ranges(types: list[str]) -> list[tuple[int, int]]:
    """Document id ranges of ``types``, merged where adjacent (all types: one range)."""
    merged: list[tuple[int, int]] = []
    for low, high in sorted(id_range(t) for t in types):
        if merged and merged[-1][1] + 1 == low:
            merged[-1] = (merged[-1][0], high)
        else:
            merged.append((low, high))
    return merged


def _defines(body: str, groups: list[TermGroup]) -> bool:
    """The article says what a term of the query means (本法所称X，是指…)."""
    head = body[:160].lower()
    for group in groups[:2]:
        for member in group.members:
            if f"所称{member}" in head or f"{member}，是指" in head or f"{member}是指" in head:
                return True
    return False


def _term_counts(row: dict[str, Any], groups: list[TermGroup]) -> float:
    """How much of the query the text repeats, common words included (0..1).

    bm25 above only covers concepts rare enough to rank; this separates
    documents of equal coverage by the common words too (申请, 责任…).
    """
    if not groups:
        return 0.0
    text = f"{row['headings']} {row['body']}".lower()
    total = 0.0
    for group in groups:
        count = sum(text.count(m) for m in group.members)
        total += group.weight * min(count, 3) / 3
    return total / len(groups)


def _without_brackets(title: str) -> str:
    for bracket in ("（", "("):
        if bracket in title:
            return title.split(bracket, 1)[0]
    return title


def _group_expression(group: TermGroup) -> str:
    parts = [e for e in (match_expression(m) for m in group.members) if e]
    return " OR ".join(parts)


def _hit(row: dict[str, Any], score: float, terms: list[str]) -> SearchHit:
    content_type = row["content_type"]
    snippet = make_snippet(row["body"] or row["headings"] or "", terms)
    if content_type == "law":
        label = row["article_label"] or ""
        no = int(row["article_no"] or 0)
        sub = int(row["article_sub"] or 0)
        return SearchHit(
            type="law",
            id=f"{row['item_id']}/{no}" + (f"-{sub}" if sub else ""),
            title=f"{row['title']} {label}".strip(),
            snippet=snippet,
            score=round(score, 4),
            law_id=row["item_id"],
            law_title=row["title"],
            article_no=no,
            article_sub=sub,
            article_label=label,
        )
    if content_type in ("practitioner", "institution") and row["headings"]:
        snippet = make_snippet(" ".join(x for x in (row["headings"], row["body"]) if x), terms)
    return SearchHit(
        type=type_of_id(row["id"]),
        id=row["item_id"],
        title=row["title"],
        snippet=snippet,
        score=round(score, 4),
    )


def make_snippet(text: str, terms: list[str], size: int = _SNIPPET_CHARS) -> str:
    """A window of ``text`` around the first match, every term in it marked 【like this】."""
    text = " ".join(text.replace(HIGHLIGHT_OPEN, "〖").replace(HIGHLIGHT_CLOSE, "〗").split())
    lowered = text.lower() if len(text.lower()) == len(text) else text
    positions = [p for p in (lowered.find(t) for t in terms if t) if p >= 0]
    start = max(0, min(positions) - size // 4) if positions else 0
    end = min(len(text), start + size)
    window, lowered_window = text[start:end], lowered[start:end]
    marks = [False] * len(window)
    for term in terms:
        position = lowered_window.find(term)
        while term and position >= 0:
            for i in range(position, position + len(term)):
                marks[i] = True
            position = lowered_window.find(term, position + len(term))
    out: list[str] = []
    inside = False
    for char, marked in zip(window, marks, strict=True):
        if marked != inside:
            out.append(HIGHLIGHT_OPEN if marked else HIGHLIGHT_CLOSE)
            inside = marked
        out.append(char)
    if inside:
        out.append(HIGHLIGHT_CLOSE)
    return ("…" if start > 0 else "") + "".join(out) + ("…" if end < len(text) else "")
