"""Sync benchmark: full sync of a whole feed and an incremental pull of 100 changes.

A reference server (``python -m devserver``) runs as its own process with the
province-scale dataset (``BENCH_SYNC_DATASET=demo`` for the small one). The
full sync is a real ``legal-kiosk sync --once --full`` process: its wall time
and peak RSS (from ``wait4``) are measured, then the database size. The
incremental figure is one ``SyncEngine.pull`` after 100 changes were made on
the server (90 practitioners or institutions, 10 laws), in this process.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _dataset() -> str:
    return os.environ.get("BENCH_SYNC_DATASET", "province")


def _write_config(folder: Path, url: str, token: str) -> Path:
    config = folder / "kiosk.toml"
    config.write_text(
        f'[central]\nurl = "{url}"\ntoken = "{token}"\nread_timeout_s = 120\n'
        f'[sync]\npage_size = 1000\n[storage]\ndata_dir = "{folder / "data"}"\n'
        '[log]\nlevel = "WARNING"\n',
        encoding="utf-8",
    )
    return config


def _timed_full_sync(config: Path) -> tuple[float, float, str]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--config", str(config), "sync", "--once", "--full"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"sync failed ({process.returncode}):\n{output[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024.0, output.strip().splitlines()[-3] if output else ""


def _make_changes(server: Any, store: Any, count: int = 100) -> int:
    """Change up to ``count`` items on the server; returns how many were changed."""
    from offline_cache.models import Institution, Law, Practitioner

    laws = [row.id for row in Law.select(Law.id).order_by(Law.id).limit(count // 10)]
    people = [
        ("practitioner", row.id)
        for row in Practitioner.select(Practitioner.id).order_by(Practitioner.id).limit(count)
    ]
    people += [("institution", row.id) for row in Institution.select(Institution.id).limit(count)]
    targets = [("law", law_id) for law_id in laws] + people[: count - len(laws)]
    for kind, item_id in targets:
        item = store.get_item(kind, item_id)
        data = dict(item.data)
        if kind == "law":
            data["title"] = data["title"] + "（修订）"
        else:
            data["name"] = data["name"] + "·"
        server.upsert(kind, item_id, data, version=item.version + 1)
    return len(targets)


def run() -> dict[str, object]:
    try:
        from devserver.testing import DevServer
    except ImportError:
        return {"skipped": "devserver is not available in this checkout"}
    from offline_cache.api_client import CentralClient
    from offline_cache.bootstrap import prepare_database
    from offline_cache.db import database_proxy
    from offline_cache.sync import SyncEngine

    dataset = _dataset()
    figures: dict[str, object] = {"dataset": dataset}
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as folder_name:
        folder = Path(folder_name)
        started = time.perf_counter()
        server = DevServer(dataset, db_path=folder / "server.sqlite3", in_subprocess=True)
        server.start()
        figures["server_start_s"] = round(time.perf_counter() - started, 1)
        try:
            config = _write_config(folder, server.url, server.token)
            elapsed, peak_rss_mib, summary = _timed_full_sync(config)
            db_path = folder / "data" / "kiosk.sqlite3"
            figures["full_sync_s"] = round(elapsed, 1)
            figures["full_sync_peak_rss_mib"] = round(peak_rss_mib)
            figures["full_sync_summary"] = summary
            size = sum(p.stat().st_size for p in db_path.parent.glob("kiosk.sqlite3*"))
            figures["db_size_mib"] = round(size / (1 << 20), 1)

            prepared = prepare_database(db_path, has_central=True)
            figures["items"] = prepared.store.counts()
            client = CentralClient(server.url, server.token, server.kiosk_id, read_timeout=120)
            engine = SyncEngine(client, prepared.store, page_size=1000)
            timings = []
            for _ in range(3):
                made = _make_changes(server, prepared.store, 100)
                started = time.perf_counter()
                result = engine.pull()
                timings.append(time.perf_counter() - started)
                assert result.changes == made, result
            figures["incremental_changes"] = made
            figures["incremental_100_changes_s"] = round(statistics.median(timings), 3)
            figures["incremental_100_changes_max_s"] = round(max(timings), 3)
            client.close()
            prepared.database.close()
            database_proxy.initialize(None)
        finally:
            server.close()
    return figures
