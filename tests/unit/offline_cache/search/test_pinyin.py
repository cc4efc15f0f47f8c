from __future__ import annotations

import pytest

from offline_cache.search.pinyin import pinyin_of


@pytest.mark.parametrize(
    ("text", "full", "initials"),
    [
        ("民法典", "minfadian", "mfd"),
        ("重庆市", "chongqingshi", "cqs"),
        ("张伟", "zhangwei", "zw"),
        ("劳动合同法", "laodonghetongfa", "ldhtf"),
        ("", "", ""),
    ],
)
def test_pinyin_is_phrase_aware_and_lower_case(text: str, full: str, initials: str) -> None:
    assert pinyin_of(text) == (full, initials)


def test_latin_letters_in_a_name_are_kept() -> None:
    full, initials = pinyin_of("李ABC")
    assert full == "liabc"
    assert initials.startswith("l")
