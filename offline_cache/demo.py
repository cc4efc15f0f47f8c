"""The embedded demo dataset as a change feed: real law texts plus fictional services.

The kiosk loads it on first run when no central platform is configured, and the
reference server serves it as its ``demo`` dataset, so both see exactly the same
changes in the contract's ``Change`` shape.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from offline_cache.lawdata import law_record_to_contract, read_law_records

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
BUNDLED_LAWS = ASSETS_DIR / "laws" / "laws.jsonl.gz"
DEMO_DIR = ASSETS_DIR / "demo"

# Institutions before practitioners, so an institution_id always names a known item.
DEMO_FILES = ("institutions", "practitioners", "cases", "faqs", "guides", "announcements")


def iter_demo_items(demo_dir: Path = DEMO_DIR) -> Iterator[dict[str, Any]]:
    """The fictional content items: ``{"type", "id", "version", "data"}`` each."""
    for name in DEMO_FILES:
        items = json.loads((demo_dir / f"{name}.json").read_text(encoding="utf-8"))
        yield from items


def iter_demo_changes(laws_path: Path | None = None) -> Iterator[dict[str, Any]]:
    """Upsert changes (``seq`` from 1, version 1) for the laws, then the demo items."""
    seq = 0
    for record in read_law_records(laws_path or BUNDLED_LAWS):
        seq += 1
        yield {
            "seq": seq,
            "type": "law",
            "id": str(record["id"]),
            "op": "upsert",
            "version": 1,
            "data": law_record_to_contract(record),
        }
    for item in iter_demo_items():
        seq += 1
        yield {
            "seq": seq,
            "type": item["type"],
            "id": item["id"],
            "op": "upsert",
            "version": int(item.get("version", 1)),
            "data": item["data"],
        }
