from __future__ import annotations

from offline_cache.search.text import fold, index_tokens, match_expression


def test_chinese_is_stored_as_bigrams_with_the_last_character() -> None:
    assert index_tokens("离婚冷静期") == "离婚 婚冷 冷静 静期 期"


def test_punctuation_separates_and_ascii_words_stay_whole() -> None:
    assert index_tokens("工伤，ETC卡 2024年") == "工伤 伤 etc 卡 2024 年"


def test_fold_makes_full_width_half_width_and_lower_case() -> None:
    assert fold("ＡＢＣ１２３") == "abc123"


def test_a_word_is_the_phrase_of_its_bigrams() -> None:
    assert match_expression("冷静期") == '"冷静 静期"'
    assert match_expression("离婚") == '"离婚"'


def test_single_characters_and_ascii_words_are_prefixes() -> None:
    assert match_expression("婚") == '"婚"*'
    assert match_expression("zhang") == '"zhang"*'


def test_nothing_searchable_gives_no_expression() -> None:
    assert match_expression("") is None
    assert match_expression("。，") is None
