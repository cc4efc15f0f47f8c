"""Writing the index: every content type, replacement, removal, pinyin, licence numbers."""

from __future__ import annotations

from typing import Any

import pytest

from offline_cache.db import database_proxy
from offline_cache.search import SearchIndex

LAW = {
    "kind": "law",
    "title": "中华人民共和国示例法",
    "category": "法律",
    "status": "in_force",
    "articles": [
        {
            "no": 1,
            "sub": 0,
            "label": "第一条",
            "headings": ["第一章 总则"],
            "text": "为了规范押金的退还，制定本法。",
        },
        {
            "no": 2,
            "sub": 0,
            "label": "第二条",
            "headings": ["第一章 总则"],
            "text": "出租人应当按时返还押金。",
        },
        {
            "no": 2,
            "sub": 1,
            "label": "第二条之一",
            "headings": [],
            "text": "逾期不返还的，承担违约责任。",
        },
    ],
}
PRACTITIONER = {
    "kind": "practitioner",
    "name": "张伟",
    "role": "lawyer",
    "license_no": "13101201510123456",
    "status": "practising",
    "district": "示例区",
    "expertise": ["婚姻家庭", "劳动争议"],
}
INSTITUTION = {
    "kind": "institution",
    "name": "示例区法律援助中心",
    "role": "legal_aid_center",
    "status": "active",
    "license_no": None,
    "address": "示例路1号",
}
OTHERS: dict[str, dict[str, Any]] = {
    "case": {
        "kind": "case",
        "title": "王某追讨劳动报酬案",
        "category": "劳动",
        "summary": "用人单位拖欠工资三个月。",
    },
    "faq": {
        "kind": "faq",
        "question": "法律援助需要交钱吗？",
        "answer": "法律援助免费。",
        "category": "法律援助",
    },
    "guide": {
        "kind": "guide",
        "title": "申请法律援助",
        "service": "legal_aid",
        "steps": ["提交申请", "审查"],
        "materials": ["身份证"],
        "window": "3号窗口",
    },
    "announcement": {
        "kind": "announcement",
        "title": "春节期间服务时间",
        "body": "春节期间大厅暂停公证服务。",
        "published_at": "2026-01-20T09:00:00+08:00",
    },
}


def ids(index: SearchIndex, query: str, content_type: str | None = None) -> list[str]:
    return [hit.id for hit in index.search(query, content_type)]


def fts_matches(word: str) -> int:
    """Rows of the full-text index that contain ``word`` (2 characters)."""
    return int(
        database_proxy.execute_sql(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", (f'"{word}"',)
        ).fetchone()[0]
    )


def test_a_law_is_indexed_article_by_article(empty_index: SearchIndex) -> None:
    empty_index.index_item("law", "law-1", LAW)
    assert empty_index.document_count("law") == 3
    hits = empty_index.search("押金")
    assert {(h.article_no, h.article_sub) for h in hits} == {(1, 0), (2, 0)}
    hit = next(h for h in hits if h.article_no == 2)
    assert hit.law_id == "law-1"
    assert hit.article_label == "第二条"
    assert hit.title == "中华人民共和国示例法 第二条"
    assert "【押金】" in hit.snippet


def test_article_sub_numbers_are_addressable(empty_index: SearchIndex) -> None:
    empty_index.index_item("law", "law-1", LAW)
    [hit] = empty_index.search("示例法第二条之一")
    assert (hit.article_no, hit.article_sub, hit.article_label) == (2, 1, "第二条之一")


def test_reindexing_replaces_instead_of_duplicating(empty_index: SearchIndex) -> None:
    empty_index.index_item("law", "law-1", LAW)
    changed = dict(LAW, articles=[{"no": 1, "label": "第一条", "text": "保证金应当退还。"}])
    empty_index.index_item("law", "law-1", changed)
    assert empty_index.document_count() == 1
    assert fts_matches("押金") == 0
    assert fts_matches("退还") == 1
    assert ids(empty_index, "出租人") == []
    assert ids(empty_index, "保证金") == ["law-1/1"]


def test_removing_an_item_removes_it_from_search(empty_index: SearchIndex) -> None:
    empty_index.index_item("law", "law-1", LAW)
    empty_index.index_item("practitioner", "p-1", PRACTITIONER)
    empty_index.remove_item("law", "law-1")
    assert ids(empty_index, "押金") == []
    assert empty_index.search("示例法", "law") == []
    assert ids(empty_index, "张伟") == ["p-1"]
    assert not empty_index.is_empty()
    empty_index.remove_all()
    assert empty_index.is_empty()
    assert empty_index.document_count() == 0
    assert ids(empty_index, "张伟") == []


def test_practitioners_by_name_pinyin_initials_and_licence(empty_index: SearchIndex) -> None:
    empty_index.index_item("practitioner", "p-1", PRACTITIONER)
    empty_index.index_item("practitioner", "p-2", dict(PRACTITIONER, name="李娜", license_no="999"))
    for query in ("张伟", "zhangwei", "zw", "ZW", "zhang", "13101201510123456", "1310120151"):
        assert ids(empty_index, query)[:1] == ["p-1"], query
    [hit] = empty_index.search("zhangwei")
    assert hit.type == "practitioner"
    assert "律师" in hit.snippet


def test_a_licence_number_finds_nothing_else(empty_index: SearchIndex) -> None:
    empty_index.index_item("practitioner", "p-1", PRACTITIONER)
    empty_index.index_item(
        "practitioner", "p-2", dict(PRACTITIONER, license_no="13101201510999999")
    )
    # Digits are not cut into pieces the way unknown Chinese words are.
    assert ids(empty_index, "13101201510123456") == ["p-1"]


def test_institutions_and_other_content_are_found(empty_index: SearchIndex) -> None:
    empty_index.index_item("institution", "i-1", INSTITUTION)
    for content_type, data in OTHERS.items():
        empty_index.index_item(content_type, f"{content_type}-1", data)
    assert ids(empty_index, "法律援助中心")[:1] == ["i-1"]
    assert ids(empty_index, "拖欠工资")[:1] == ["case-1"]
    assert ids(empty_index, "春节")[:1] == ["announcement-1"]
    assert set(ids(empty_index, "法律援助")) >= {"i-1", "faq-1", "guide-1"}


def test_the_type_filter_keeps_only_that_type(empty_index: SearchIndex) -> None:
    empty_index.index_item("institution", "i-1", INSTITUTION)
    for content_type, data in OTHERS.items():
        empty_index.index_item(content_type, f"{content_type}-1", data)
    assert ids(empty_index, "法律援助", "guide") == ["guide-1"]
    assert ids(empty_index, "法律援助", "faq") == ["faq-1"]
    assert ids(empty_index, "法律援助", "law") == []
    with pytest.raises(ValueError, match="unknown content type"):
        empty_index.search("法律援助", "nonsense")


def test_an_exact_name_comes_first(empty_index: SearchIndex) -> None:
    empty_index.index_item("institution", "i-1", INSTITUTION)
    empty_index.index_item(
        "institution", "i-2", dict(INSTITUTION, name="示例区法律援助中心第二分部")
    )
    assert ids(empty_index, "示例区法律援助中心")[0] == "i-1"


def test_a_name_with_a_middle_dot_is_an_exact_match(empty_index: SearchIndex) -> None:
    empty_index.index_item("practitioner", "p-1", dict(PRACTITIONER, name="买买提·艾力"))
    empty_index.index_item("practitioner", "p-2", dict(PRACTITIONER, name="买买提·艾力江"))
    assert ids(empty_index, "买买提·艾力")[0] == "p-1"
    assert ids(empty_index, "买买提 艾力")[0] == "p-1"


def test_unknown_types_and_malformed_data_are_ignored(empty_index: SearchIndex) -> None:
    empty_index.index_item("weather", "w-1", {"text": "晴"})
    empty_index.index_item(
        "law", "law-x", {"title": "残缺法", "articles": ["not an article", None]}
    )
    empty_index.index_item("faq", "faq-x", {"question": None, "answer": 42})
    assert empty_index.document_count() == 1
    assert ids(empty_index, "42") == ["faq-x"]


def test_bulk_index_writes_everything_in_batches(empty_index: SearchIndex) -> None:
    items = [("law", f"law-{i}", LAW) for i in range(2500)]
    items.append(("practitioner", "p-1", PRACTITIONER))
    assert empty_index.bulk_index(items) == 2500 * 3 + 1
    assert empty_index.bulk_index([("law", "law-0", LAW)]) == 3
    assert empty_index.document_count() == 2500 * 3 + 1
    assert fts_matches("押金") == 2500 * 2


def test_create_tables_twice_keeps_the_content(empty_index: SearchIndex) -> None:
    empty_index.index_item("practitioner", "p-1", PRACTITIONER)
    empty_index.create_tables()
    assert ids(empty_index, "张伟") == ["p-1"]


def test_a_changed_index_format_rebuilds_the_full_text_rows(empty_index: SearchIndex) -> None:
    empty_index.index_item("practitioner", "p-1", PRACTITIONER)
    database_proxy.execute_sql("UPDATE search_meta SET value = 'old' WHERE key = 'index_format'")
    database_proxy.execute_sql("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
    assert ids(empty_index, "张伟") == []
    SearchIndex().create_tables()
    assert ids(empty_index, "张伟") == ["p-1"]


def test_the_indexer_joins_the_callers_transaction(empty_index: SearchIndex) -> None:
    class Abort(Exception):
        pass

    with pytest.raises(Abort), database_proxy.atomic():
        empty_index.index_item("practitioner", "p-1", PRACTITIONER)
        raise Abort
    assert empty_index.document_count() == 0
    assert ids(empty_index, "张伟") == []


def test_law_names_are_refreshed_when_laws_change(empty_index: SearchIndex) -> None:
    assert empty_index.search("示例法 第1条") == []
    empty_index.index_item("law", "law-1", LAW)
    assert ids(empty_index, "示例法 第1条") == ["law-1/1"]
