"""1,000 queued submissions drain against the reference server (a separate process).

Figures: time to confirm each submission (the citizen waits for it), time to
drain the whole outbox through the real delivery thread, and the largest
lateness of a 10 ms timer on the main (UI) thread while the worker drains,
which is what a citizen would feel as a stall.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer

from devserver.testing import DevServer
from kiosk.main_thread_gc import install_main_thread_gc
from kiosk.submissions.drafts import ConsultationDraft, Contact
from kiosk.submissions.rules import SubmissionPolicy
from kiosk.submissions.service import SubmissionService
from offline_cache.api_client import CentralClient
from offline_cache.db import database_proxy, open_database
from offline_cache.outbox import Outbox, outbox_counts
from offline_cache.retry import Backoff
from offline_cache.schema import ensure_schema
from offline_cache.submission_log import ensure_submission_log

SUBMISSIONS = 1000
TICK_MS = 10
DRAIN_TIMEOUT_S = 600


def _draft(number: int) -> ConsultationDraft:
    return ConsultationDraft(
        category="other",
        subject=f"劳动合同问题 {number}",
        content=f"公司要求我签一份新的劳动合同（编号 {number}），里面的加班条款是否合法？" * 4,
        contact=Contact(name="张小三", phone=f"139{number:08d}"),
    )


def run() -> dict[str, object]:
    app = QCoreApplication.instance() or QCoreApplication([])
    install_main_thread_gc(app)  # as on the kiosk
    with tempfile.TemporaryDirectory() as folder, DevServer("empty", in_subprocess=True) as server:
        database = open_database(Path(folder) / "kiosk.sqlite3")
        ensure_schema(database)
        ensure_submission_log(database)

        def client() -> CentralClient:
            return CentralClient(server.url, server.token, server.kiosk_id)

        service = SubmissionService(
            kiosk_id=server.kiosk_id,
            outbox=Outbox(database, b"k" * 32, backoff=Backoff(base=0.05, cap=1.0)),
            secret=b"s" * 32,
            policy=lambda: SubmissionPolicy(),
            client=client(),
            delivery_client=client(),
        )
        confirm_ms: list[float] = []
        for number in range(SUBMISSIONS):
            started = time.perf_counter()
            service.confirm(_draft(number))
            confirm_ms.append((time.perf_counter() - started) * 1000)

        lateness_ms: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        expected = [float(TICK_MS)]

        def tick() -> None:
            now = float(clock.elapsed())
            lateness_ms.append(max(0.0, now - expected[0]))
            expected[0] = now + TICK_MS
            if outbox_counts().undelivered == 0:
                app.quit()

        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(app.quit)
        started = time.perf_counter()
        service.start_delivery(interval_ms=200)
        timer.start()
        deadline.start(DRAIN_TIMEOUT_S * 1000)
        app.exec()
        drain_s = time.perf_counter() - started
        timer.stop()
        service.stop_delivery()
        counts = outbox_counts()
        on_server = len(server.submissions())
        database.close()
        database_proxy.initialize(None)
    ordered = sorted(lateness_ms)
    return {
        "submissions": SUBMISSIONS,
        "confirm_median_ms": round(statistics.median(confirm_ms), 2),
        "confirm_p95_ms": round(ordered_percentile(sorted(confirm_ms), 0.95), 2),
        "confirm_max_ms": round(max(confirm_ms), 2),
        "drain_s": round(drain_s, 2),
        "drain_per_submission_ms": round(drain_s * 1000 / SUBMISSIONS, 2),
        "delivered": counts.delivered,
        "failed": counts.failed,
        "on_server": on_server,
        "ui_timer_ticks": len(lateness_ms),
        "ui_lateness_p99_ms": round(ordered_percentile(ordered, 0.99), 1),
        "ui_lateness_max_ms": round(ordered[-1], 1) if ordered else None,
        "ui_ticks_late_over_50ms": sum(1 for late in ordered if late > 50),
    }


def ordered_percentile(ordered: list[float], fraction: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]
