"""Search over the real law texts: references, titles, pinyin, short queries, snippets."""

from __future__ import annotations

import pytest

from offline_cache.search import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, SearchIndex
from offline_cache.search.engine import make_snippet

CIVIL_CODE = "中华人民共和国民法典"


@pytest.mark.parametrize(
    ("query", "title", "no", "sub"),
    [
        ("民法典 1077", CIVIL_CODE, 1077, 0),
        ("民法典第一千零七十七条", CIVIL_CODE, 1077, 0),
        ("中华人民共和国民法典 第1077条", CIVIL_CODE, 1077, 0),
        ("刑法133条之一", "中华人民共和国刑法", 133, 1),
        ("劳动合同法 第19条", "中华人民共和国劳动合同法", 19, 0),
        ("道交法 第九十一条", "中华人民共和国道路交通安全法", 91, 0),
        ("民法典第１０７７条", CIVIL_CODE, 1077, 0),
    ],
)
def test_article_references_open_the_article(
    laws_index: SearchIndex, query: str, title: str, no: int, sub: int
) -> None:
    top = laws_index.search(query)[0]
    assert (top.law_title, top.article_no, top.article_sub) == (title, no, sub)
    assert top.type == "law"


def test_the_reference_example_of_the_issue(laws_index: SearchIndex) -> None:
    top = laws_index.search("民法典 1077")[0]
    assert top.article_label == "第一千零七十七条"
    assert top.law_title == CIVIL_CODE
    assert top.id == f"{top.law_id}/1077"


def test_bride_price_finds_article_1042_in_the_top_three(laws_index: SearchIndex) -> None:
    top3 = [(h.law_title, h.article_no) for h in laws_index.search("彩礼", limit=3)]
    assert (CIVIL_CODE, 1042) in top3


def test_a_reference_with_words_puts_the_article_first_then_the_words(
    laws_index: SearchIndex,
) -> None:
    hits = laws_index.search("劳动合同法第十九条 试用期")
    assert (hits[0].article_no, hits[0].law_title) == (19, "中华人民共和国劳动合同法")
    assert any("试用期" in h.snippet for h in hits[1:])


def test_an_article_the_law_does_not_have_opens_the_law(laws_index: SearchIndex) -> None:
    top = laws_index.search("民法典 第9999条")[0]
    assert (top.law_title, top.article_no) == (CIVIL_CODE, 1)


@pytest.mark.parametrize("query", ["民法典", "mfd", "minfadian", "MFD"])
def test_a_law_title_or_its_pinyin_opens_the_law(laws_index: SearchIndex, query: str) -> None:
    top = laws_index.search(query)[0]
    assert top.law_title == CIVIL_CODE
    assert top.article_no == 1


def test_words_within_a_named_law_come_first(laws_index: SearchIndex) -> None:
    hits = laws_index.search("劳动合同法 试用期", limit=5)
    assert all(h.law_title == "中华人民共和国劳动合同法" for h in hits)
    assert 19 in [h.article_no for h in hits]


@pytest.mark.parametrize("query", ["离婚", "工伤", "婚", "赌"])
def test_one_and_two_character_queries_find_articles(laws_index: SearchIndex, query: str) -> None:
    hits = laws_index.search(query, limit=10)
    assert len(hits) == 10
    assert all(query in h.snippet for h in hits)


def test_snippets_mark_the_matched_words(laws_index: SearchIndex) -> None:
    hit = laws_index.search("离婚冷静期")[0]
    assert hit.article_no == 1077
    assert f"{HIGHLIGHT_OPEN}离婚登记申请{HIGHLIGHT_CLOSE}" in hit.snippet


def test_not_every_word_has_to_match(laws_index: SearchIndex) -> None:
    hits = laws_index.search("试用期 最长 多久 甲乙丙丁")
    assert hits and hits[0].law_title == "中华人民共和国劳动合同法"


def test_the_limit_is_respected(laws_index: SearchIndex) -> None:
    assert len(laws_index.search("合同", limit=3)) == 3
    assert len(laws_index.search("合同", limit=1000)) == 100


def test_hits_serialise_for_the_command_line(laws_index: SearchIndex) -> None:
    law_hit = laws_index.search("民法典 1077")[0].to_json()
    assert set(law_hit) >= {"type", "id", "title", "snippet", "law_id", "article_no"}
    assert isinstance(law_hit["article_no"], int)
    assert isinstance(law_hit["article_sub"], int)


def test_make_snippet_windows_long_text_and_escapes_existing_brackets() -> None:
    text = "【序言】" + "甲" * 100 + "离婚" + "乙" * 100
    snippet = make_snippet(text, ["离婚"])
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "【离婚】" in snippet
    # Brackets of the text itself must not look like highlights.
    assert make_snippet(text, []).startswith("〖序言〗")
    assert make_snippet(text, ["序言"]).startswith("〖【序言】〗")
