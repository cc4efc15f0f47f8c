"""Read queries of the lookup screens that the content store does not answer itself.

A law's outline (article labels and headings, no text) for its table of
contents, articles by position for the reader, pages of articles, the
expertise values in use, and names of institutions by id. All are single
indexed queries, so opening a law of 1,260 articles stays well under a frame.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from offline_cache.content_store import Article
from offline_cache.db import database_proxy
from offline_cache.models import Institution, LawArticle
from offline_cache.search.query import chinese_number

__all__ = [
    "OutlineEntry",
    "article_at",
    "article_count",
    "article_number",
    "articles_page",
    "expertise_values",
    "institution_names",
    "law_outline",
    "position_of_article",
]


@dataclass(frozen=True)
class OutlineEntry:
    """One article of a law without its text: where it sits and under which headings."""

    position: int
    no: int
    sub: int
    label: str
    headings: tuple[str, ...]


def _headings(raw: Any) -> tuple[str, ...]:
    if isinstance(raw, list):
        return tuple(str(h) for h in raw)
    if isinstance(raw, str) and raw:
        try:
            value = json.loads(raw)
        except ValueError:
            return ()
        return tuple(str(h) for h in value) if isinstance(value, list) else ()
    return ()


def law_outline(law_id: str) -> list[OutlineEntry]:
    """Every article of ``law_id`` in reading order, without text."""
    cursor = database_proxy.execute_sql(
        "SELECT position, no, sub, label, headings FROM law_article "
        "WHERE law_id = ? ORDER BY position",
        (law_id,),
    )
    return [
        OutlineEntry(int(position), int(no), int(sub), str(label), _headings(headings))
        for position, no, sub, label, headings in cursor.fetchall()
    ]


def _article(row: LawArticle, law_id: str) -> Article:
    return Article(
        law_id, row.no, row.sub, row.label, list(row.headings or []), row.text, row.position
    )


def article_at(law_id: str, position: int) -> Article | None:
    row = LawArticle.get_or_none((LawArticle.law == law_id) & (LawArticle.position == position))
    return _article(row, law_id) if row is not None else None


def articles_page(law_id: str, offset: int, limit: int) -> list[Article]:
    rows = (
        LawArticle.select()
        .where((LawArticle.law == law_id) & (LawArticle.position >= offset))
        .order_by(LawArticle.position)
        .limit(max(0, limit))
    )
    return [_article(row, law_id) for row in rows]


def article_count(law_id: str) -> int:
    row = database_proxy.execute_sql(
        "SELECT count(*) FROM law_article WHERE law_id = ?", (law_id,)
    ).fetchone()
    return int(row[0]) if row else 0


def position_of_article(law_id: str, no: int, sub: int = 0) -> int | None:
    row = database_proxy.execute_sql(
        "SELECT position FROM law_article WHERE law_id = ? AND no = ? AND sub = ? "
        "ORDER BY position LIMIT 1",
        (law_id, no, sub),
    ).fetchone()
    return int(row[0]) if row else None


def article_number(text: str) -> tuple[int, int] | None:
    """What a citizen types to reach an article: 1077, 第一千零七十七条, 十条之一 -> (no, sub)."""
    if not isinstance(text, str):
        return None
    cleaned = "".join(text.split())[:30]
    cleaned = cleaned.removeprefix("第")
    sub = 0
    if "之" in cleaned:
        cleaned, _, rest = cleaned.partition("之")
        sub_value = chinese_number(rest) if rest else None
        if sub_value is None:
            return None
        sub = sub_value
    cleaned = cleaned.removesuffix("条")
    if not cleaned:
        return None
    value = chinese_number(cleaned)
    if value is None or value < 0 or value > 100_000:
        return None
    return value, sub


def expertise_values(table: str = "practitioner", limit: int = 16) -> list[str]:
    """The expertise labels in use, most common first."""
    if table not in ("practitioner", "institution"):
        raise ValueError(f"unknown table {table!r}")
    cursor = database_proxy.execute_sql(
        f"SELECT je.value, count(*) AS n FROM {table}, json_each({table}.expertise) AS je "
        "GROUP BY je.value ORDER BY n DESC, je.value LIMIT ?",
        (int(limit),),
    )
    return [str(value) for value, _ in cursor.fetchall()]


def institution_names(ids: list[str]) -> dict[str, str]:
    wanted = sorted({i for i in ids if i})
    names: dict[str, str] = {}
    for start in range(0, len(wanted), 400):
        chunk = wanted[start : start + 400]
        query: Any = (
            Institution.select(Institution.id, Institution.name)
            .where(Institution.id.in_(chunk))
            .tuples()
        )
        names.update({item_id: name for item_id, name in query})
    return names
