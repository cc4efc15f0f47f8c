"""Properties of the query parsers over generated input (Hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from offline_cache.search.query import MAX_QUERY_CHARS, chinese_number, normalise
from offline_cache.search.text import CJK_CLASS, match_expression

_DIGITS = "零一二三四五六七八九"
_ALLOWED = re.compile(rf"[{CJK_CLASS}a-z0-9〇 ]*")
_SAFE_EXPRESSION = re.compile(rf'"[{CJK_CLASS}a-z0-9 ]+"\*?')


def to_chinese(number: int) -> str:
    """The way statutes write article numbers: 1077 -> 一千零七十七, 19 -> 十九."""
    parts = []
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            parts.append(_DIGITS[digit] + unit)
        elif parts and number and not parts[-1].endswith("零"):
            parts.append("零")
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_article_numbers_read_back(number: int) -> None:
    assert chinese_number(to_chinese(number)) == number
    assert chinese_number(str(number)) == number


@given(st.text(max_size=3000))
def test_normalised_queries_are_short_and_plain(query: str) -> None:
    text = normalise(query)
    assert len(text) <= MAX_QUERY_CHARS
    assert _ALLOWED.fullmatch(text)
    assert text == text.strip()
    assert "  " not in text


@given(st.text(max_size=40))
def test_match_expressions_cannot_carry_operators(term: str) -> None:
    expression = match_expression(normalise(term))
    assert expression is None or _SAFE_EXPRESSION.fullmatch(expression)
