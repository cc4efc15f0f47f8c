"""Read queries of the lookup screens on a real SQLite file."""

from __future__ import annotations

import pytest
from peewee import SqliteDatabase

from offline_cache import lookup
from offline_cache.content_store import ContentStore
from tests.content_factory import law_change, practitioner_change


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1077", (1077, 0)),
        ("第一千零七十七条", (1077, 0)),
        (" 第 十 条 之 一 ", (10, 1)),
        ("十九", (19, 0)),
        ("第十条之", None),
        ("", None),
        ("第条", None),
        ("abc", None),
        ("1" * 40, None),
        ("'; DROP TABLE law; --", None),
    ],
)
def test_article_number(typed: str, expected: tuple[int, int] | None) -> None:
    assert lookup.article_number(typed) == expected


def test_outline_positions_and_pages(database: SqliteDatabase) -> None:
    store = ContentStore(database)
    store.apply_changes([law_change("law-1", articles=5)])
    outline = lookup.law_outline("law-1")
    assert [entry.position for entry in outline] == [0, 1, 2, 3, 4]
    assert outline[2].label == "第3条" and outline[2].headings == ("第一章 总则",)
    assert lookup.article_count("law-1") == 5
    assert lookup.position_of_article("law-1", 4) == 3
    assert lookup.position_of_article("law-1", 99) is None
    article = lookup.article_at("law-1", 4)
    assert article is not None and article.no == 5 and "第5条" in article.text
    assert lookup.article_at("law-1", 5) is None
    assert [a.no for a in lookup.articles_page("law-1", 3, 10)] == [4, 5]
    assert lookup.law_outline("no-such-law") == []


def test_expertise_most_common_first_and_institution_names(database: SqliteDatabase) -> None:
    store = ContentStore(database)
    store.apply_changes(
        [
            practitioner_change("p1", expertise=["婚姻家庭", "劳动争议"]),
            practitioner_change("p2", expertise=["婚姻家庭"]),
            practitioner_change("p3", expertise=["交通事故", "婚姻家庭", "劳动争议"]),
        ]
    )
    assert lookup.expertise_values("practitioner") == ["婚姻家庭", "劳动争议", "交通事故"]
    assert lookup.expertise_values("practitioner", limit=1) == ["婚姻家庭"]
    with pytest.raises(ValueError):
        lookup.expertise_values("law; DROP TABLE law")
    assert lookup.institution_names(["nobody", ""]) == {}
