"""Cold start to an interactive Home, against a bare PySide6 window, and screen-switch latency.

Cold start: wall time of ``python -m kiosk run --quit-when-ready`` (exits 0 once
Home is shown and the event loop turns), median of 5 runs, next to a bare
QMainWindow + QLabel that quits on its first event-loop turn, measured in the
same run with the same environment. Target: kiosk <= 2.5x bare.

Screen switch: time from ``navigate()`` until the posted layout and paint
events are processed (the new screen painted) on a 1920x1080 offscreen screen,
p95 over alternating switches Home <-> another screen (after a warm-up, so both
screens already exist, as they do after the first visit).
Target: <= 16 ms.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
SWITCHES = 200

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1920, 1080)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _offscreen_environment() -> dict[str, str]:
    config = Path(tempfile.gettempdir()) / "legal-kiosk-bench-screen.json"
    screen = {"name": "kiosk", "x": 0, "y": 0, "width": 1920, "height": 1080}
    screen |= {"logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="legal-kiosk-bench-")
    env["PYTHONPATH"] = str(ROOT)
    # A deployed kiosk runs from compiled bytecode (pip compiles on install); the
    # warm-up run writes it here, so the measured starts do not compile sources.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _wall_time(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def cold_start() -> dict[str, object]:
    env = _offscreen_environment()
    kiosk = [sys.executable, "-m", "kiosk", "run", "--quit-when-ready"]
    bare = [sys.executable, "-c", BARE_WINDOW]
    _wall_time(bare, env)  # warm the OS file cache for both, as a kiosk after boot
    _wall_time(kiosk, env)
    kiosk_times, bare_times = [], []
    for _ in range(RUNS):  # interleaved so that machine noise hits both alike
        bare_times.append(_wall_time(bare, env))
        kiosk_times.append(_wall_time(kiosk, env))
    kiosk_median = statistics.median(kiosk_times)
    bare_median = statistics.median(bare_times)
    return {
        "cold_start_kiosk_median_s": round(kiosk_median, 3),
        "cold_start_bare_median_s": round(bare_median, 3),
        "cold_start_ratio": round(kiosk_median / bare_median, 2),
        "cold_start_target_ratio": 2.5,
    }


def screen_switch() -> dict[str, object]:
    os.environ.update({k: v for k, v in _offscreen_environment().items() if k == "QT_QPA_PLATFORM"})
    from PySide6.QtWidgets import QApplication

    from kiosk.app import build_services
    from kiosk.settings import load_settings
    from ui.application import create_application
    from ui.main_window import MainWindow

    app = create_application()
    services = build_services(load_settings(environ={}))
    window = MainWindow(services)
    window.resize(1920, 1080)
    window.show()
    window.show_home()
    manager = window.manager
    QApplication.processEvents()
    samples: list[float] = []
    targets = ("laws", "home")
    manager.navigate("laws")  # warm-up: the first visit creates the screen
    manager.home()
    QApplication.processEvents()
    for index in range(SWITCHES):
        target = targets[index % 2]
        started = time.perf_counter()
        if target == "home":
            manager.home()
        else:
            manager.navigate(target)
        app.processEvents()  # layout, paint into the backing store and flush
        samples.append((time.perf_counter() - started) * 1000)
    window.allow_close()
    window.close()
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    return {
        "switch_median_ms": round(statistics.median(samples), 2),
        "switch_p95_ms": round(p95, 2),
        "switch_max_ms": round(samples[-1], 2),
        "switch_target_p95_ms": 16,
    }


def run() -> dict[str, object]:
    return {**cold_start(), **screen_switch()}


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value}")
