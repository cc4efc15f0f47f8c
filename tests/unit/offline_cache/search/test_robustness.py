"""No query text can break search: quotes, FTS5 operators, SQL, emoji, control characters, 10 kB."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offline_cache.search import SearchIndex

NASTY = [
    '"',
    '""""',
    "'",
    '民法典" OR "1=1',
    "NEAR(离婚 冷静, 2)",
    "离婚 AND OR NOT 财产",
    "title:离婚",
    "{title body}: 离婚",
    "离婚*",
    "^离婚",
    "(((",
    "'; DROP TABLE search_document; --",
    "1077) UNION SELECT * FROM search_meta --",
    "😀🎉👨‍👩‍👧",
    "\x00\x01\x1b[31m离婚",
    "\ud800离婚",
    "第条之",
    "民法典第条",
    "民法典 第99999999999条",
    "刑法之一",
    "a" * 10_000,
    "离婚" * 5_000,
    "　　 \t\n",
    "",
]

QUERY_TEXT = st.one_of(
    st.text(max_size=60),
    st.text(
        alphabet=st.sampled_from("民法典第一千零七十条之 \"*:^()ANDORNEAR-+{}'%_\\;离婚zw0123"),
        max_size=40,
    ),
    st.text(min_size=9_000, max_size=10_000, alphabet=st.characters(codec="utf-8")),
)


@pytest.mark.parametrize("query", NASTY)
def test_nasty_queries_return_a_list(laws_index: SearchIndex, query: str) -> None:
    hits = laws_index.search(query)
    assert isinstance(hits, list)
    assert laws_index.document_count() > 25_000


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=QUERY_TEXT, content_type=st.sampled_from([None, "law", "practitioner", "faq"]))
def test_any_text_never_raises(
    laws_index: SearchIndex, query: str, content_type: str | None
) -> None:
    hits = laws_index.search(query, content_type, limit=5)
    assert len(hits) <= 5
    assert all(content_type in (None, h.type) for h in hits)
