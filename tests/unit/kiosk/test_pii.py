from __future__ import annotations

from kiosk.pii import mask_id_number, mask_name, mask_phone, mask_text


def test_masks_match_the_receipt_style() -> None:
    assert mask_name("张小三") == "张*三"
    assert mask_name("张三") == "张*"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_id_number("110105194912311233") == "110***********1233"


def test_mask_text_hides_numbers_inside_free_text() -> None:
    text = "联系人电话 13812345678，身份证11010519491231002X，另一个+86 139-1234-5678"
    masked = mask_text(text)
    assert "13812345678" not in masked
    assert "11010519491231002X" not in masked
    assert "1234-5678" not in masked
    assert "138****5678" in masked
    assert "110***********002X" in masked


def test_ordinary_numbers_are_left_alone() -> None:
    assert mask_text("民法典第1077条，2026年11月22日，金额 50000 元") == (
        "民法典第1077条，2026年11月22日，金额 50000 元"
    )
