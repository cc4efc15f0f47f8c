from __future__ import annotations

import pytest

from kiosk.staff.pin import PinRuleError, check_pin_rule, hash_pin, verify_pin


@pytest.mark.parametrize("pin", ["12345", "1234567890123", "12a456", "１２３９８７", "", "000000"])
def test_pins_breaking_the_rule_are_refused(pin: str) -> None:
    with pytest.raises(PinRuleError):
        check_pin_rule(pin)


@pytest.mark.parametrize("pin", ["123456", "987654", "890123"])
def test_runs_of_consecutive_digits_are_refused(pin: str) -> None:
    with pytest.raises(PinRuleError, match="consecutive"):
        check_pin_rule(pin)


def test_hash_verifies_the_right_pin_only() -> None:
    stored = hash_pin("240517")
    assert stored.startswith("scrypt$")
    assert "240517" not in stored
    assert verify_pin("240517", stored)
    assert not verify_pin("240518", stored)
    assert not verify_pin("", stored)


def test_same_pin_hashes_differently_each_time() -> None:
    assert hash_pin("240517") != hash_pin("240517")


@pytest.mark.parametrize(
    "stored", ["", "garbage", "scrypt$1$2$3$!!$!!", "bcrypt$16384$8$1$AA==$AA=="]
)
def test_malformed_stored_hash_never_matches(stored: str) -> None:
    assert not verify_pin("240517", stored)
