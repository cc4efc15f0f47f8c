"""Conversion of the bundled law texts (shared/data/laws JSONL) into the contract's Law objects.

The same shape the central platform sends in its change feed, so the embedded
demo content, the reference server and the tests all go through one path.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_STATUS = {
    "有效": "in_force",
    "已修改": "amended",
    "已废止": "repealed",
    "尚未施行": "not_yet_effective",
}


def law_record_to_contract(record: dict[str, Any], today: dt.date | None = None) -> dict[str, Any]:
    """One JSONL law record -> the contract's ``Law`` object (``data`` of a change)."""
    today = today or dt.date.today()
    status = _STATUS.get(record.get("status", "有效"), "in_force")
    effective = record.get("effective_date")
    if status == "in_force" and effective and dt.date.fromisoformat(effective) > today:
        status = "not_yet_effective"
    articles: list[dict[str, Any]] = []
    preamble = (record.get("preamble") or "").strip()
    if preamble:
        articles.append({"no": 0, "sub": 0, "label": "序言", "headings": [], "text": preamble})
    for article in record["articles"]:
        articles.append(
            {
                "no": int(article["num"]),
                "sub": int(article.get("sub") or 0),
                "label": article["label"],
                "headings": list(article.get("headings") or []),
                "text": article["text"],
            }
        )
    return {
        "kind": "law",
        "title": record["title"],
        "category": record["category"],
        "issuer": record.get("issuing_body"),
        "promulgated_on": record.get("publish_date"),
        "effective_on": effective,
        "status": status,
        "articles": articles,
    }


def read_law_records(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL file, plain or gzip-compressed."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)
