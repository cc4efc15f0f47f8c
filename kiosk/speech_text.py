"""What may be said aloud: ID numbers and mobile numbers only ever by their last four.

A speaker is heard by everyone in the hall, so the rule is stricter than on
screen: 110105194912310021 and 110***********0021 are both spoken "尾号 0 0 2 1"
("ending in 0 0 2 1" in English), digit by digit. The masking itself is
``kiosk.pii``'s, so screen, log and speech agree on what counts as personal.
"""

from __future__ import annotations

import re

from kiosk.pii import mask_text

# A masked number as kiosk.pii writes it: kept head, a run of '*', kept tail.
_MASKED_NUMBER = re.compile(
    r"(?<![0-9A-Za-z*])[0-9A-Za-z]{0,6}\*{2,}([0-9A-Za-z]{1,4})(?![0-9A-Za-z*])"
)

_ENDING_IN = {"zh": "尾号", "en": "ending in"}


def speakable(text: str, language: str) -> str:
    """``text`` with every ID or mobile number (full or already masked) reduced to its tail."""
    key = "en" if language.lower().startswith("en") else "zh"
    label = _ENDING_IN[key]

    def spoken_tail(match: re.Match[str]) -> str:
        digits = " ".join(match.group(1).upper())
        return f" {label} {digits} " if key == "en" else f"{label} {digits} "

    spoken = _MASKED_NUMBER.sub(spoken_tail, mask_text(text))
    return re.sub(r"[ ]{2,}", " ", spoken).strip()
