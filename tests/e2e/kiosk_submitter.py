"""A kiosk process reduced to submitting and delivering, for the kill -9 test and the benchmark.

    python -m tests.e2e.kiosk_submitter DATA_DIR URL TOKEN COUNT [--drain]

Opens the kiosk database in DATA_DIR, confirms COUNT consultations (each from
its own citizen) while the real delivery thread runs, and prints
``CONFIRMED <client_ref>`` right after each ``confirm`` returned. With
``--drain`` it then waits until the outbox is empty and prints ``DRAINED``.
The test kills it with SIGKILL at random moments.
"""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from kiosk.main_thread_gc import install_main_thread_gc
from kiosk.settings import load_settings
from kiosk.submissions.drafts import ConsultationDraft, Contact
from kiosk.submissions.setup import create_submission_service
from offline_cache.db import open_database
from offline_cache.outbox import outbox_counts
from offline_cache.retry import Backoff
from offline_cache.schema import ensure_schema


def draft(serial: str) -> ConsultationDraft:
    return ConsultationDraft(
        category="other",
        subject=f"工资问题 {serial}",
        content=f"公司拖欠工资三个月，编号 {serial}，请问我应该怎么维权？",
        is_public=False,
        in_litigation=False,
        contact=Contact(
            name="张小三",
            # Each submission from its own citizen, so the daily limit never interferes.
            phone=f"139{zlib.crc32(serial.encode()) % 10**8:08d}",
        ),
    )


def main(argv: list[str]) -> int:
    data_dir, url, token, count = Path(argv[0]), argv[1], argv[2], int(argv[3])
    drain = "--drain" in argv
    settings = load_settings(
        environ={
            "LEGAL_KIOSK_STORAGE__DATA_DIR": str(data_dir),
            "LEGAL_KIOSK_CENTRAL__URL": url,
            "LEGAL_KIOSK_CENTRAL__TOKEN": token,
            "LEGAL_KIOSK_CENTRAL__READ_TIMEOUT_S": "5",
        }
    )
    app = QCoreApplication(sys.argv[:1])
    install_main_thread_gc(app)  # as the kiosk: cycles are freed on the UI thread
    database = open_database(settings.database_path)
    ensure_schema(database)
    service = create_submission_service(settings, database, backoff=Backoff(base=0.05, cap=0.5))
    service.start_delivery(interval_ms=100)
    confirmed = 0
    run_id = f"{Path(data_dir).name}-{QCoreApplication.applicationPid()}"

    def step() -> None:
        nonlocal confirmed
        if confirmed < count:
            receipt = service.confirm(draft(f"{run_id}-{confirmed}"))
            print("CONFIRMED", receipt.client_ref, flush=True)
            confirmed += 1
            return
        counts = outbox_counts()
        if not drain:
            timer.stop()
            app.quit()
        elif counts.undelivered == 0:
            print("DRAINED", counts.delivered, counts.failed, flush=True)
            timer.stop()
            app.quit()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(step)
    timer.start()
    app.exec()
    service.stop_delivery()
    database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
