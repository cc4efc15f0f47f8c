from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.speech.text import (
    MAX_PIECE_CHARS,
    clean_for_speech,
    normalize_language,
    split_for_speech,
)

LONG_ZH = (
    "离婚冷静期是指在协议离婚中，给予双方当事人的一段冷静思考时间。"
    "自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚的，"
    "可以向婚姻登记机关撤回离婚登记申请。前款规定期限届满后三十日内，"
    "双方应当亲自到婚姻登记机关申请发给离婚证；未申请的，视为撤回离婚登记申请！"
    "如有疑问，请咨询窗口工作人员？"
)


@pytest.mark.parametrize(
    ("given_language", "expected"),
    [("zh_CN", "zh"), ("zh", "zh"), ("cmn", "zh"), ("en", "en"), ("en_US", "en"), ("", "zh")],
)
def test_languages_are_normalized(given_language: str, expected: str) -> None:
    assert normalize_language(given_language) == expected


def test_chinese_keeps_full_width_pauses_and_gains_them_after_ascii_punctuation() -> None:
    assert clean_for_speech("你好，世界。", "zh") == "你好，世界。"
    # espeak-ng makes no pause at an ASCII comma squeezed between Hanzi.
    assert clean_for_speech("你好,世界.再见!", "zh") == "你好，世界。再见！"
    # ...but a decimal point is not a full stop.
    assert clean_for_speech("利率3.5%", "zh") == "利率3.5%"


def test_english_gets_ascii_punctuation() -> None:
    assert clean_for_speech("Hello，world。OK？", "en") == "Hello, world. OK?"


def test_masked_names_read_with_mou_and_stars_never_read() -> None:
    assert clean_for_speech("欢迎您，张*三", "zh") == "欢迎您，张某三"
    assert clean_for_speech("欧**明", "zh") == "欧某明"
    assert "*" not in clean_for_speech("Welcome, J*** S****", "en")


def test_symbols_read_by_name_become_pauses() -> None:
    assert clean_for_speech("• 第一项 | 第二项", "zh") == "第一项 第二项"


def test_long_text_is_split_into_sentences_in_order() -> None:
    pieces = split_for_speech(LONG_ZH, "zh")
    assert len(pieces) >= 5
    assert all(len(piece) <= MAX_PIECE_CHARS["zh"] for piece in pieces)
    hanzi = re.compile(r"[\u4e00-\u9fff]")
    assert hanzi.findall("".join(pieces)) == hanzi.findall(LONG_ZH)
    assert pieces[0] == "离婚冷静期是指在协议离婚中，给予双方当事人的一段冷静思考时间。"
    assert pieces[-1] == "如有疑问，请咨询窗口工作人员？"


def test_english_sentences_split_at_full_stops_not_decimals() -> None:
    pieces = split_for_speech("Fees are 2.5 yuan. Please wait. Thank you", "en")
    assert pieces == ["Fees are 2.5 yuan.", "Please wait.", "Thank you"]


def test_nothing_speakable_gives_no_pieces() -> None:
    assert split_for_speech("", "zh") == []
    assert split_for_speech("。。。 ，，", "zh") == []
    assert split_for_speech("***", "en") == []


@given(st.text(max_size=400), st.sampled_from(["zh_CN", "en"]))
def test_any_text_splits_without_error_into_bounded_pieces(text: str, language: str) -> None:
    limit = MAX_PIECE_CHARS[normalize_language(language)]
    for piece in split_for_speech(text, language):
        assert piece.strip() == piece
        assert 0 < len(piece) <= limit
        assert "*" not in piece
