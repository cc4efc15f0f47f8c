"""Cold start to an interactive Home, against a bare PySide6 window, and screen-switch latency.

Cold start: from starting ``python -m kiosk run --quit-when-ready`` until it
reports Home shown with the event loop turning (the line ``ready: home shown``),
median of 5 runs, next to a bare QMainWindow + QLabel that reports ``ready`` on
its first event-loop turn, measured in the same run with the same environment.
Target: kiosk <= 2.5x bare. The whole process time (start-up, then an orderly
shutdown) is reported too.

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
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
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


def _start_times(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds until the process printed its ``ready`` line, seconds until it ended)."""
    started = time.perf_counter()
    ready = None
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if ready is None and line.startswith("ready"):
                ready = time.perf_counter() - started
        code = process.wait(timeout=120)
    ended = time.perf_counter() - started
    if code != 0 or ready is None:
        raise RuntimeError(f"{command[1:]} failed (exit {code}, ready line: {ready is not None})")
    return ready, ended


def cold_start() -> dict[str, object]:
    env = _offscreen_environment()
    kiosk = [sys.executable, "-m", "kiosk", "run", "--quit-when-ready"]
    bare = [sys.executable, "-c", BARE_WINDOW]
    _start_times(bare, env)  # warm the OS file cache for both, as a kiosk after boot
    _start_times(kiosk, env)
    kiosk_times, bare_times = [], []
    for _ in range(RUNS):  # interleaved so that machine noise hits both alike
        bare_times.append(_start_times(bare, env))
        kiosk_times.append(_start_times(kiosk, env))
    kiosk_median = statistics.median(ready for ready, _ in kiosk_times)
    bare_median = statistics.median(ready for ready, _ in bare_times)
    kiosk_process = statistics.median(ended for _, ended in kiosk_times)
    bare_process = statistics.median(ended for _, ended in bare_times)
    return {
        "cold_start_kiosk_median_s": round(kiosk_median, 3),
        "cold_start_bare_median_s": round(bare_median, 3),
        "cold_start_ratio": round(kiosk_median / bare_median, 2),
        "cold_start_target_ratio": 2.5,
        "process_kiosk_median_s": round(kiosk_process, 3),
        "process_bare_median_s": round(bare_process, 3),
        "process_ratio": round(kiosk_process / bare_process, 2),
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


WARM_UP_S = 3.0


def after_home_probe() -> dict[str, object]:
    """In a kiosk started as ``run`` starts it: the longest time the event loop was kept
    from turning during the first seconds after Home (the start-up work left for then:
    services, database, the other screens' modules, the content loader thread)."""
    from PySide6.QtCore import QTimer

    from kiosk.app import build_services
    from kiosk.settings import load_settings
    from ui.application import Kiosk, create_application

    app = create_application()
    services = build_services(load_settings(environ={}))
    kiosk = Kiosk(app, services, windowed=True)
    kiosk.start_after_home()
    gaps: list[float] = []
    last = [time.perf_counter()]
    started = last[0]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        if now - started > WARM_UP_S:
            app.exit(0)  # not quit(): the kiosk window refuses to close

    probe = QTimer()
    probe.setInterval(0)
    probe.timeout.connect(tick)
    probe.start()
    app.exec()
    probe.stop()
    registry_complete = kiosk.window.manager.registry.complete
    content_ready = bool(services.content.is_ready)
    kiosk.window.allow_close()
    kiosk.shutdown()  # closes the content service too
    gaps.sort()
    return {
        "after_home_max_stall_ms": round(gaps[-1] * 1000, 1),
        "after_home_stalls_over_16ms": sum(1 for gap in gaps if gap > 0.016),
        "after_home_screens_registered": registry_complete,
        "after_home_content_ready": content_ready,
    }


def after_home() -> dict[str, object]:
    env = _offscreen_environment()
    # As on a kiosk that has run before: the content database is there already
    # (the search command opens it, loading the bundled content on first use).
    subprocess.run(
        [sys.executable, "-m", "kiosk", "search", "劳动合同"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    result = subprocess.run(
        [sys.executable, "-m", "bench.bench_startup", "--after-home-probe"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def run() -> dict[str, object]:
    return {**cold_start(), **after_home(), **screen_switch()}


if __name__ == "__main__":
    if sys.argv[1:] == ["--after-home-probe"]:
        print(json.dumps(after_home_probe()))
    else:
        for name, value in run().items():
            print(f"{name}: {value}")
