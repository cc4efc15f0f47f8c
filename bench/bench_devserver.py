"""The reference server's province-scale dataset: generating and loading it, then serving it.

Figures: seconds to generate and load the dataset into a fresh server database,
its size, and seconds for one client to pull the whole feed (1,000 changes a
page, gzip) over loopback without applying it.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import requests

from devserver.datasets import load_dataset
from devserver.store import Store
from devserver.testing import DevServer


def run() -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="bench-devserver-") as tmp:
        db_path = Path(tmp) / "province.sqlite3"
        started = time.perf_counter()
        store = Store(db_path)
        load_dataset(store, "province")
        counts = store.content_counts()
        store.close()
        load_s = time.perf_counter() - started
        db_mb = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 2**20

        with (
            DevServer(dataset="province", db_path=db_path) as server,
            requests.Session() as session,
        ):
            started = time.perf_counter()
            since: str | None = None
            changes = 0
            wire_bytes = 0
            while True:
                params: dict[str, object] = {"limit": 1000}
                if since is not None:
                    params["since"] = since
                response = session.get(
                    server.url + "/content/changes",
                    headers={**server.headers, "Accept-Encoding": "gzip"},
                    params=params,
                    timeout=120,
                )
                response.raise_for_status()
                wire_bytes += int(response.headers.get("Content-Length", 0))
                page = response.json()
                changes += len(page["changes"])
                since = page["next_cursor"]
                if not page["has_more"]:
                    break
            pull_s = time.perf_counter() - started
    return {
        "province_generate_and_load_s": round(load_s, 1),
        "province_db_mb": round(db_mb, 1),
        "province_items": counts,
        "full_feed_pull_s": round(pull_s, 1),
        "full_feed_changes": changes,
        "full_feed_gzip_mb": round(wire_bytes / 2**20, 1),
    }
