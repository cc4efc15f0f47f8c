"""Recovery after kill -9 under the supervisor: seconds from the kill to the next READY=1.

Uses deploy/supervise.py with RestartSec=1 (as the systemd unit), so the figure is
1 s of deliberate delay plus the kiosk's own start-up.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KILLS = 3


def standin_command(data_dir: Path) -> list[str]:
    return [sys.executable, str(ROOT / "tests" / "e2e" / "standin_kiosk.py"), str(data_dir)]


def kiosk_command(data_dir: Path) -> list[str]:
    config = data_dir / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{data_dir}"\n')
    return [sys.executable, "-m", "kiosk", "run", "--config", str(config), "--windowed"]


def _events(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _wait_ready(path: Path, count: int, limit_s: float = 60.0) -> dict[str, object]:
    end = time.monotonic() + limit_s
    while time.monotonic() < end:
        ready = [e for e in _events(path) if e["event"] == "ready"]
        if len(ready) >= count:
            return ready[count - 1]
        time.sleep(0.01)
    raise RuntimeError("the kiosk did not come back")


def measure(command: Callable[[Path], list[str]]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        data_dir.mkdir()
        events = Path(folder) / "events.jsonl"
        environ = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_IM_MODULE="")
        supervisor = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "deploy" / "supervise.py"),
                "--restart-sec",
                "1",
                "--watchdog-sec",
                "10",
                "--events",
                str(events),
                "--",
                *command(data_dir),
            ],
            cwd=ROOT,
            env=environ,
        )
        try:
            first = _wait_ready(events, 1)
            cold_start = float(first["monotonic"]) - float(_events(events)[0]["monotonic"])  # type: ignore[arg-type]
            recoveries = []
            current = first
            for index in range(KILLS):
                killed_at = time.monotonic()
                os.kill(int(current["pid"]), signal.SIGKILL)  # type: ignore[call-overload]
                current = _wait_ready(events, index + 2)
                recoveries.append(float(current["monotonic"]) - killed_at)  # type: ignore[arg-type]
        finally:
            supervisor.send_signal(signal.SIGTERM)
            supervisor.wait(30)
    return {
        "cold_start_to_ready_s": round(cold_start, 2),
        "kill9_to_ready_s_median": round(statistics.median(recoveries), 2),
        "kill9_to_ready_s_max": round(max(recoveries), 2),
    }


def run() -> dict[str, object]:
    figures: dict[str, object] = {"restart_sec": 1.0, "kills": KILLS}
    for name, command in (("standin", standin_command), ("kiosk", kiosk_command)):
        for key, value in measure(command).items():
            figures[f"{name}_{key}"] = value
    return figures
