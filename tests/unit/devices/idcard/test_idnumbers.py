from __future__ import annotations

import pytest

from devices.idcard.idnumbers import (
    icao_731_check_digit,
    is_valid_18,
    is_valid_foreign_2017,
    mod11_2_check_char,
    previous_foreign_number,
)


def test_standard_sample_number_and_its_worked_check() -> None:
    assert mod11_2_check_char("11010519491231002") == "X"
    assert is_valid_18("11010519491231002X")
    assert is_valid_18("11010519491231002x")  # people type the X in lower case


@pytest.mark.parametrize("number", ["932682198501010017", "911124198108030024"])
def test_documented_foreign_and_permit_examples_are_valid(number: str) -> None:
    assert is_valid_18(number)


@pytest.mark.parametrize(
    "number",
    ["110105194912310021", "11010519491231002", "1101051949123100XX", "ABCDEFGHIJKLMNOPQR", ""],
)
def test_wrong_check_digits_and_shapes_are_invalid(number: str) -> None:
    assert not is_valid_18(number)


def test_every_single_digit_change_is_detected() -> None:
    good = "11010519491231002X"
    for position in range(17):
        for digit in "0123456789":
            if digit != good[position]:
                changed = good[:position] + digit + good[position + 1 :]
                assert not is_valid_18(changed), changed


def test_previous_number_of_the_published_sample_pair() -> None:
    assert previous_foreign_number("931586198001010028", "000", "PAK") == "PAK310080010103"
    assert is_valid_foreign_2017("PAK310080010103")


def test_previous_number_needs_all_pieces() -> None:
    assert previous_foreign_number("931586198001010028", "", "PAK") is None
    assert previous_foreign_number("931586198001010028", "000", "pk") is None
    assert previous_foreign_number("9315861980", "000", "PAK") is None


def test_icao_check_digit_counts_letters() -> None:
    # ICAO 9303 worked example: document number L898902C3 -> 6
    assert icao_731_check_digit("L898902C3") == "6"
    assert not is_valid_foreign_2017("PAK310080010104")
    assert not is_valid_foreign_2017("PA1310080010103")
    with pytest.raises(ValueError):
        icao_731_check_digit("é")
    with pytest.raises(ValueError):
        mod11_2_check_char("1234")
