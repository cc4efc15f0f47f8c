"""A stand-in for the kiosk process under the supervisor: a Qt event loop that feeds the
watchdog and keeps writing to a real SQLite database in WAL mode, as the kiosk's outbox does.

Run as ``python tests/e2e/standin_kiosk.py DATA_DIR``. It blocks its event loop for good
when ``DATA_DIR/hang`` appears, the way a hung UI would.
"""

from __future__ import annotations

import sys
import time
import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kiosk.sd_notify import SystemdNotifier  # noqa: E402
from kiosk.watchdog import WatchdogFeeder  # noqa: E402
from offline_cache.db import open_database  # noqa: E402


def main() -> int:
    data_dir = Path(sys.argv[1])
    app = QCoreApplication(sys.argv)
    database = open_database(data_dir / "kiosk.sqlite3")
    database.execute_sql(
        "CREATE TABLE IF NOT EXISTS probe_outbox (id TEXT PRIMARY KEY, body TEXT NOT NULL)"
    )

    def write_one() -> None:
        with database.atomic():
            database.execute_sql(
                "INSERT INTO probe_outbox (id, body) VALUES (?, ?)",
                (str(uuid.uuid4()), "x" * 2000),
            )

    def maybe_hang() -> None:
        if (data_dir / "hang").exists():
            while True:  # the event loop never turns again
                time.sleep(1)

    writer = QTimer()
    writer.timeout.connect(write_one)
    writer.start(10)
    hang_check = QTimer()
    hang_check.timeout.connect(maybe_hang)
    hang_check.start(50)
    feeder = WatchdogFeeder(SystemdNotifier())
    QTimer.singleShot(0, feeder.start)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
