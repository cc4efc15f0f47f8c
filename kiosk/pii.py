"""Masking of personal data (names, ID numbers, phone numbers) for logs, screens and speech.

One place decides what a masked value looks like, so a log line, a receipt and
the staff panel all agree: 张*三, 138****5678, 110***********1233.
"""

from __future__ import annotations

import re

# An 18-character PRC-style number (resident cards, HMT residence permits and
# 2023 foreign cards share the shape), the older 15-digit form, and the 2017
# foreign permanent resident number (3 letters + 12 digits).
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15}|[A-Z]{3}\d{12})(?![0-9A-Za-z])")
# Mainland mobile numbers, optionally with +86 / 86 and separators people type.
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)")


def mask_id_number(number: str) -> str:
    """110105194912310021 -> 110***********0021 (first 3 and last 4 kept)."""
    number = number.strip()
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_phone(phone: str) -> str:
    """13812345678 -> 138****5678."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) >= 11:
        digits = digits[-11:]
        return digits[:3] + "****" + digits[-4:]
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]


def mask_name(name: str) -> str:
    """张三 -> 张*, 张小三 -> 张*三, 欧阳小明 -> 欧**明, John Smith -> J*** S****."""
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


def mask_text(text: str) -> str:
    """Mask every ID number and mobile number found inside free text."""
    text = _ID_NUMBER.sub(lambda m: mask_id_number(m.group(0)), text)
    return _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)


def find_id_numbers(text: str) -> list[str]:
    return [m.group(0) for m in _ID_NUMBER.finditer(text)]


def find_phone_numbers(text: str) -> list[str]:
    return ["".join(m.groups()) for m in _MOBILE.finditer(text)]


def personal_number_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every ID number ("id_number") and mobile number ("phone") in text."""
    spans = [(m.start(), m.end(), "id_number") for m in _ID_NUMBER.finditer(text)]
    taken = [(start, end) for start, end, _ in spans]
    for m in _MOBILE.finditer(text):
        if not any(start < m.end() and m.start() < end for start, end in taken):
            spans.append((m.start(), m.end(), "phone"))
    return sorted(spans)
