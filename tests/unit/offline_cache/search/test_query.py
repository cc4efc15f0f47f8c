from __future__ import annotations

import pytest

from offline_cache.search.query import (
    MAX_QUERY_CHARS,
    ArticleRef,
    QueryPlanner,
    chinese_number,
    normalise,
)
from offline_cache.search.vocabulary import Segmenter, Vocabulary

LAWS = {
    "中华人民共和国民法典": "civil",
    "民法典": "civil",
    "刑法": "criminal",
    "中华人民共和国刑法": "criminal",
    "劳动合同法": "labour",
}


@pytest.fixture(scope="module")
def planner() -> QueryPlanner:
    return QueryPlanner(Vocabulary.load(), LAWS)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一千零七十七", 1077),
        ("十九", 19),
        ("一百三十三", 133),
        ("一千零十", 1010),
        ("二十", 20),
        ("1077", 1077),
    ],
)
def test_chinese_numbers(text: str, number: int) -> None:
    assert chinese_number(text) == number


def test_chinese_number_rejects_other_text() -> None:
    assert chinese_number("离婚") is None


def test_normalise_keeps_only_words() -> None:
    assert normalise('  "民法典" AND 1077 OR; DROP TABLE x;-- 😀\x00ＡＢＣ  ') == (
        "民法典 and 1077 or drop table x abc"
    )


def test_normalise_caps_the_length() -> None:
    assert len(normalise("离婚" * 5000)) == MAX_QUERY_CHARS


@pytest.mark.parametrize(
    ("query", "ref"),
    [
        ("民法典 1077", ArticleRef("civil", 1077, 0)),
        ("民法典第一千零七十七条", ArticleRef("civil", 1077, 0)),
        ("中华人民共和国民法典第1077条", ArticleRef("civil", 1077, 0)),
        ("刑法133条之一", ArticleRef("criminal", 133, 1)),
        ("刑法第一百三十三条之一", ArticleRef("criminal", 133, 1)),
        ("劳动合同法 第19条", ArticleRef("labour", 19, 0)),
        ("劳动合同法第十九条 试用期", ArticleRef("labour", 19, 0)),
    ],
)
def test_article_references(planner: QueryPlanner, query: str, ref: ArticleRef) -> None:
    plan = planner.plan(query)
    assert plan.article_refs == [ref]
    assert plan.law_ids == [ref.law_id]


def test_a_number_without_a_law_is_no_reference(planner: QueryPlanner) -> None:
    assert planner.plan("第1077条").article_refs == []


def test_a_law_name_alone_names_the_law(planner: QueryPlanner) -> None:
    plan = planner.plan("民法典")
    assert plan.law_ids == ["civil"]
    assert plan.groups == []


def test_stop_words_are_dropped_and_colloquial_words_expanded(planner: QueryPlanner) -> None:
    plan = planner.plan("欠薪怎么办")
    assert len(plan.groups) == 1
    assert "拖欠劳动报酬" in plan.groups[0].members
    assert all("怎么办" not in g.members for g in plan.groups)


def test_a_phrase_is_recognised_across_spaces(planner: QueryPlanner) -> None:
    spaced = planner.plan("离婚 房子 怎么分")
    joined = planner.plan("离婚房子怎么分")
    assert spaced.groups == joined.groups
    assert any("共同财产" in g.members for g in spaced.groups)


def test_unknown_words_are_cut_where_spaces_were(planner: QueryPlanner) -> None:
    plan = planner.plan("甲乙 丙丁")
    assert [g.members for g in plan.groups] == [("甲乙",), ("丙丁",)]
    assert all(g.unknown for g in plan.groups)


def test_single_character_stop_words_are_trimmed_from_unknown_words(
    planner: QueryPlanner,
) -> None:
    assert [g.members for g in planner.plan("丙丁吗").groups] == [("丙丁",)]


def test_a_lone_character_is_searched_when_it_is_all_there_is(planner: QueryPlanner) -> None:
    assert [g.members for g in planner.plan("婚").groups] == [("婚",)]


def test_letters_are_pinyin_and_long_digit_runs_licence_numbers(planner: QueryPlanner) -> None:
    assert planner.plan("ZhangWei").pinyin == "zhangwei"
    assert planner.plan("13101201510123456").license_no == "13101201510123456"
    assert planner.plan("民法典").pinyin is None


def test_segmenter_prefers_the_longest_known_word() -> None:
    segmenter = Segmenter(["离婚", "离婚协议", "协议"])
    assert segmenter.segment("离婚协议书") == [("离婚协议", True), ("书", False)]


def test_the_shipped_dictionary_is_substantial() -> None:
    vocabulary = Vocabulary.load()
    assert len(vocabulary.colloquial) >= 150
    assert "怎么办" in vocabulary.stop_words
    assert vocabulary.law_aliases["道交法"] == "中华人民共和国道路交通安全法"


def test_every_legal_term_of_the_dictionary_occurs_in_the_laws() -> None:
    """The dictionary maps to statutory language, not to more everyday words."""
    from offline_cache.lawdata import read_law_records
    from offline_cache.search.text import fold
    from tests.unit.offline_cache.search.conftest import real_laws_file

    corpus = "\n".join(
        fold(article["text"])
        for record in read_law_records(real_laws_file())
        for article in record["articles"]
    )
    missing = [
        f"{key}: {term}"
        for key, groups in Vocabulary.load().colloquial.items()
        for group in groups
        for term in group
        if term not in corpus
    ]
    assert not missing
