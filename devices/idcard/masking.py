"""Masking of the personal fields of a card, in the kiosk's formats.

devices/ may not import kiosk/, so the few rules needed here are repeated; the
tests check they agree with kiosk.pii (张*三, 110***********1233).
"""

from __future__ import annotations


def mask_name(name: str) -> str:
    """张小三 -> 张*三, 张三 -> 张*, John Smith -> J*** S****."""
    name = name.strip()
    if not name:
        return ""
    if name.isascii():
        return " ".join(part[0] + "*" * (len(part) - 1) for part in name.split())
    if len(name) == 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_number(number: str) -> str:
    """110105194912310021 -> 110***********0021 (first 3 and last 4 kept)."""
    number = number.strip()
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_address(address: str) -> str:
    """Keep the first six characters (province and city), hide the rest."""
    address = address.strip()
    if len(address) <= 6:
        return "*" * len(address)
    return address[:6] + "*" * min(len(address) - 6, 8)
