"""View models of the lookup screens built from contract objects, garbage included."""

from __future__ import annotations

import datetime as dt

from kiosk import content_queries, content_service
from kiosk.content_views import (
    TocEntry,
    announcement_view,
    guide_view,
    person_row,
    practitioner_card,
    toc_of,
)
from offline_cache.lookup import OutlineEntry


def _entry(position: int, *headings: str) -> OutlineEntry:
    return OutlineEntry(position, position + 1, 0, f"第{position + 1}条", tuple(headings))


def test_table_of_contents_from_headings() -> None:
    outline = [
        _entry(0, "第一编 总则", "第一章 基本规定"),
        _entry(1, "第一编 总则", "第一章 基本规定"),
        _entry(2, "第一编 总则", "第二章 自然人", "第一节 能力"),
        _entry(3, "第二编 物权", "第一章 通则"),
        _entry(4),
    ]
    assert toc_of(outline) == (
        TocEntry(0, "第一编 总则", 0),
        TocEntry(1, "第一章 基本规定", 0),
        TocEntry(1, "第二章 自然人", 2),
        TocEntry(2, "第一节 能力", 2),
        TocEntry(0, "第二编 物权", 3),
        TocEntry(1, "第一章 通则", 3),
    )
    assert toc_of([_entry(0), _entry(1)]) == ()


def test_practitioner_card_and_row_labels() -> None:
    data = {
        "name": "张伟",
        "role": "lawyer",
        "license_no": "123",
        "status": "revoked",
        "practice_since": 2015,
        "expertise": ["婚姻家庭", 7, None, "劳动争议"],
        "penalties": [{"date": "2024-01-01"}],
    }
    card = practitioner_card("p1", data, "示例律所", (), dt.date(2026, 11, 22))
    assert (card.role_label, card.status_label, card.years_in_practice) == ("律师", "吊销", 11)
    assert card.expertise == ("婚姻家庭", "劳动争议")
    row = person_row("practitioner", "p1", data, "示例律所")
    assert row.penalty_count == 1 and "示例律所" in row.detail


def test_garbage_becomes_empty_text_not_an_error() -> None:
    card = practitioner_card("p", {"practice_since": True, "name": 5}, "", (), dt.date(2026, 1, 1))
    assert card.name == "" and card.years_in_practice is None
    guide = guide_view("g", {"materials": "not a list", "steps": [1, "到窗口"]})
    assert guide.materials == () and guide.steps == ("到窗口",)
    news = announcement_view("a", {"title": "通知", "published_at": "2026-11-01T09:00:00+08:00"})
    assert news.published_on == "2026-11-01" and news.priority == 0


def test_the_service_and_its_queries_agree_on_kinds_and_limits() -> None:
    # ContentService repeats these so that it imports nothing heavy before Home.
    assert content_service.PEOPLE_KINDS == content_queries.PEOPLE_KINDS
    assert content_service.SEARCH_LIMIT == content_queries.SEARCH_LIMIT
