"""Check digits of the numbers printed on the cards.

* 18-character numbers (resident cards, HMT residence permits, 2023 foreign
  cards): GB 11643-1999, ISO 7064 MOD 11-2.
* 15-character 2017 foreign card numbers: 7-3-1 weighted mod 10 (ICAO 9303),
  letters counting A=10 ... Z=35.
"""

from __future__ import annotations

import re

_MOD11_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_MOD11_CHECK = "10X98765432"
_ICAO_WEIGHTS = (7, 3, 1)

_NUMBER_18 = re.compile(r"\d{17}[\dX]")
_FOREIGN_2017 = re.compile(r"[A-Z]{3}\d{12}")


def mod11_2_check_char(first17: str) -> str:
    """The check character of the first 17 digits (raises ValueError on non-digits)."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("expected 17 digits")
    total = sum(int(d) * w for d, w in zip(first17, _MOD11_WEIGHTS, strict=True))
    return _MOD11_CHECK[total % 11]


def is_valid_18(number: str) -> bool:
    """True when an 18-character number has the right shape and MOD 11-2 check character."""
    number = number.upper()
    if not _NUMBER_18.fullmatch(number):
        return False
    return mod11_2_check_char(number[:17]) == number[17]


def _icao_value(char: str) -> int:
    if char.isdigit():
        return int(char)
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    if char == "<":
        return 0
    raise ValueError(f"character {char!r} has no check-digit value")


def icao_731_check_digit(text: str) -> str:
    """7-3-1 weighted mod 10 check digit of ``text`` (digits, A-Z and the filler '<')."""
    total = sum(_icao_value(c) * _ICAO_WEIGHTS[i % 3] for i, c in enumerate(text.upper()))
    return str(total % 10)


def is_valid_foreign_2017(number: str) -> bool:
    """True for 3 letters + 12 digits whose last digit is the 7-3-1 check of the first 14."""
    if not _FOREIGN_2017.fullmatch(number):
        return False
    return icao_731_check_digit(number[:14]) == number[14]


def previous_foreign_number(new_number: str, link: str, nationality: str) -> str | None:
    """Rebuild a 2017-edition number from a 2023 card's number and its 3-character link.

    alpha-3 nationality + new chars 2-3 + link chars 1-2 + new chars 9-14 (YYMMDD of
    birth) + link char 3 + 7-3-1 check digit. None when the pieces do not fit.
    """
    link = link.strip()
    if len(new_number) != 18 or len(link) != 3 or not re.fullmatch(r"[A-Z]{3}", nationality):
        return None
    body = nationality + new_number[1:3] + link[0:2] + new_number[8:14] + link[2]
    if not re.fullmatch(r"[A-Z]{3}\d{11}", body):
        return None
    return body + icao_731_check_digit(body)
