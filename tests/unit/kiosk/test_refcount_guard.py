"""Many signal emissions from Python do not abort the interpreter (PySide6 6.12 bug)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = """
import kiosk
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Source(QObject):
    fired = Signal(int)
source = Source()
received = []
source.fired.connect(received.append)
for number in range(20000):
    source.fired.emit(number)
print(len(received))
"""


def test_twenty_thousand_emissions_survive() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "20000"
