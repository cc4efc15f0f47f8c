from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.speech_text import speakable


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("身份证号110105194912310021已核验", "身份证号尾号 0 0 2 1 已核验"),
        ("证件号码11010519491231002X", "证件号码尾号 0 0 2 X"),
        ("证件110***********0021", "证件尾号 0 0 2 1"),
        ("手机 138-1234-5678，请确认", "手机 尾号 5 6 7 8 ，请确认"),
        ("+86 13812345678", "尾号 5 6 7 8"),
        ("138****5678", "尾号 5 6 7 8"),
        ("永久居留证ABC123456789012", "永久居留证尾号 9 0 1 2"),
    ],
)
def test_personal_numbers_are_spoken_by_their_last_four_only(text: str, spoken: str) -> None:
    assert speakable(text, "zh_CN") == spoken


def test_english_says_ending_in() -> None:
    assert speakable("Your phone 13812345678 is saved.", "en") == (
        "Your phone ending in 5 6 7 8 is saved."
    )


@pytest.mark.parametrize(
    "text", ["请拨打12348热线", "《民法典》第1077条", "2026年11月22日", "3号窗口"]
)
def test_public_numbers_are_left_alone(text: str) -> None:
    assert speakable(text, "zh_CN") == text


@given(
    st.text(alphabet="0123456789 -，。号码", max_size=30),
    st.from_regex(r"[1-6]\d{16}[\dX]", fullmatch=True),
    st.from_regex(r"1[3-9]\d{9}", fullmatch=True),
)
def test_no_full_id_or_mobile_survives(prefix: str, id_number: str, mobile: str) -> None:
    spoken = speakable(f"{prefix}身份证{id_number}，电话{mobile}。", "zh_CN")
    digits_only = re.sub(r"\D", "", spoken)
    assert id_number[:14] not in digits_only
    assert mobile[:7] not in re.sub(r"\D", "", spoken.split("电话")[-1])
