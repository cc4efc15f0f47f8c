"""Card placed on the reader -> the login greeting painted on screen (target <= 1.5 s).

The whole path as a citizen sees it: the pty simulator paced at 115200 baud,
``IdCardService`` polling at the default ``idcard.poll_interval_s``, card checks,
``CardLogin`` putting the identity into the session, and the main window
painting the greeting overlay. The clock stops at the first paint of the
greeting's heading after the card was placed. Cards are placed at a random
point of the poll cycle, as a hand would. Measured with read-aloud off and on
(on: speech through pyttsx3 into a silent sink, so the figure includes starting
the greeting's speech, and the time to the greeting's first spoken sample is
reported too).

Runs in a child process: it needs a QApplication (widgets), and other
benchmarks of the same run may already have created a QCoreApplication.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PLACEMENTS = 10
TIMEOUT_S = 10.0


def run() -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-m", "bench.bench_login", "--child"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"login benchmark failed:\n{result.stderr[-3000:]}")
    figures: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def _measure() -> dict[str, object]:
    from ui.screenshots import prepare_offscreen

    prepare_offscreen()
    from PySide6.QtCore import QEvent, QEventLoop, QObject
    from PySide6.QtWidgets import QApplication

    from devices.idcard.samples import sample_card
    from devices.idcard.simulator import ReaderSimulator
    from devices.speech import SilentSink, open_speech_engine
    from kiosk.app import Services
    from kiosk.connectivity import Connectivity
    from kiosk.device_services import attach_device_services
    from kiosk.idcard_service import IdCardService
    from kiosk.main_thread_gc import install_main_thread_gc
    from kiosk.session import CitizenSession
    from kiosk.settings import load_settings
    from kiosk.speech_service import SpeechService
    from ui.main_window import MainWindow

    class PaintClock(QObject):
        """Time of the first paint of a widget after :meth:`arm`."""

        def __init__(self) -> None:
            super().__init__()
            self.painted_at = 0.0
            self.armed = False

        def arm(self) -> None:
            self.painted_at, self.armed = 0.0, True

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.armed and event.type() == QEvent.Type.Paint:
                self.painted_at, self.armed = time.perf_counter(), False
            return False

    app = QApplication.instance() or QApplication([])
    install_main_thread_gc(app)  # as on the kiosk
    loop = QEventLoop()

    def spin(condition: Callable[[], bool], timeout: float = TIMEOUT_S) -> None:
        # QEventLoop.processEvents: the static QCoreApplication one leaks in PySide6 6.12.
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError("benchmark step did not finish in time")
            loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.0005)

    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="bench-login-") as folder:
        simulator = ReaderSimulator(Path(folder), wire_baud=115_200)
        simulator.start()
        settings = load_settings(environ={}).with_values({"idcard.port": str(simulator.path)})
        session = CitizenSession.from_settings(settings)
        services = Services(settings=settings, session=session, connectivity=Connectivity(False))
        services.idcard = IdCardService(settings)
        services.speech = SpeechService.from_settings(
            settings, engine=open_speech_engine(SilentSink())
        )
        attach_device_services(services)
        services.run_ready_callbacks()
        window = MainWindow(services)
        window.resize(1920, 1080)
        window.show()
        window.show_home()
        clock = PaintClock()
        window.login_overlay.heading.installEventFilter(clock)
        spoken_at: list[float] = []
        read_at: list[float] = []
        services.idcard.card_read.connect(lambda card: read_at.append(time.perf_counter()))
        services.speech.speaking_started.connect(
            lambda text: spoken_at.append(time.perf_counter()) if "欢迎" in text else None
        )
        rng = random.Random(12348)
        poll = float(settings["idcard.poll_interval_s"])
        card = sample_card("resident")
        try:
            spin(lambda: services.idcard.health == "ok")
            for read_aloud in (False, True):
                latencies: list[float] = []
                kiosk_part: list[float] = []
                speech_latencies: list[float] = []
                for _ in range(PLACEMENTS):
                    session.touch()
                    session.set_read_aloud(read_aloud)
                    window.login_overlay.dismiss()
                    simulator.lift()
                    seen = simulator.requests_answered
                    spin(lambda s=seen: simulator.requests_answered >= s + 2)
                    settle = time.monotonic() + rng.uniform(0, 2 * poll)
                    spin(lambda t=settle: time.monotonic() >= t)
                    clock.arm()
                    said = len(spoken_at)
                    placed = time.perf_counter()
                    simulator.place(card)
                    spin(lambda: clock.painted_at > 0 and window.login_overlay.kind == "greeting")
                    latencies.append(clock.painted_at - placed)
                    kiosk_part.append(clock.painted_at - read_at[-1])
                    if read_aloud:
                        spin(lambda s=said: len(spoken_at) > s)
                        speech_latencies.append(spoken_at[-1] - placed)
                key = "read_aloud_on" if read_aloud else "read_aloud_off"
                ms = [x * 1000 for x in latencies]
                figures[f"card_placed_to_greeting_painted_{key}_p50_ms"] = round(
                    statistics.median(ms)
                )
                figures[f"card_placed_to_greeting_painted_{key}_max_ms"] = round(max(ms))
                kms = [x * 1000 for x in kiosk_part]
                figures[f"card_read_to_greeting_painted_{key}_p50_ms"] = round(
                    statistics.median(kms), 1
                )
                figures[f"card_read_to_greeting_painted_{key}_max_ms"] = round(max(kms), 1)
                if speech_latencies:
                    sms = [x * 1000 for x in speech_latencies]
                    figures["card_placed_to_greeting_speech_started_p50_ms"] = round(
                        statistics.median(sms)
                    )
                    figures["card_placed_to_greeting_speech_started_max_ms"] = round(max(sms))
        finally:
            session.wipe()
            window.allow_close()
            window.close()
            services.shutdown()
            simulator.stop()
    figures["placements_per_mode"] = PLACEMENTS
    figures["poll_interval_s"] = poll
    figures["target_ms"] = 1500
    del app
    return figures


def main(argv: list[str]) -> int:
    if "--child" in argv:
        figures: dict[str, Any] = _measure()
        print(json.dumps(figures))
        return 0
    for name, value in run().items():
        print(f"{name}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
