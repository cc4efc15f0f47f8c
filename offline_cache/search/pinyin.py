"""Pinyin of names and titles, computed when a document is indexed.

pypinyin takes ~0.3 s and 65 MiB to load, so it is imported on first use and
only by the indexer: searching compares the stored strings.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_NOT_LETTER = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=1)
def _pypinyin() -> Any:
    import pypinyin

    return pypinyin


@lru_cache(maxsize=65536)
def pinyin_of(text: str) -> tuple[str, str]:
    """Full pinyin and initials, phrase-aware: 民法典 -> ("minfadian", "mfd").

    Cached: names repeat a lot (张伟), and a full sync indexes 50,000 of them.
    """
    if not text:
        return "", ""
    module = _pypinyin()
    syllables = module.lazy_pinyin(text, style=module.Style.NORMAL, errors="default")
    full = _NOT_LETTER.sub("", "".join(syllables).lower())
    initials = _NOT_LETTER.sub("", "".join(s[:1] for s in syllables if s).lower())
    return full, initials
