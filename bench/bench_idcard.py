"""Card placed on the reader -> ``IdCardService.card_read`` delivered on the GUI thread.

The simulator paces its answers at 115200 baud (the 1295-byte read answer alone
takes ~112 ms on the wire) and the service polls at the default
``idcard.poll_interval_s``, so the figure includes the wait for the next poll.
Also measured: replugging the reader with a new card on it -> card delivered.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop

from devices.idcard.samples import sample_card
from devices.idcard.simulator import ReaderSimulator
from kiosk.idcard_service import IdCardService
from kiosk.main_thread_gc import install_main_thread_gc
from kiosk.settings import load_settings

PLACEMENTS = 20
REPLUGS = 5
TIMEOUT_S = 10.0


def _spin(loop: QEventLoop, condition: Callable[[], bool], timeout: float = TIMEOUT_S) -> None:
    # QEventLoop.processEvents, not QCoreApplication.processEvents: in PySide6 6.12
    # the static one drops a reference to None on every call and, called in a
    # loop, crashes the interpreter ("deallocating None").
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError("benchmark step did not finish in time")
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.0005)


def run() -> dict[str, object]:
    app = QCoreApplication.instance() or QCoreApplication([])
    install_main_thread_gc(app)  # as on the kiosk
    loop = QEventLoop()
    with tempfile.TemporaryDirectory(prefix="bench-idcard-") as folder:
        simulator = ReaderSimulator(Path(folder), wire_baud=115_200)
        simulator.start()
        settings = load_settings(environ={}).with_values({"idcard.port": str(simulator.path)})
        service = IdCardService(settings)
        delivered: list[float] = []
        service.card_read.connect(lambda card: delivered.append(time.perf_counter()))
        service.start()
        try:
            _spin(loop, lambda: service.health == "ok")
            card = sample_card("resident")
            rng = random.Random(12348)
            service_poll = settings["idcard.poll_interval_s"]
            latencies: list[float] = []
            for _ in range(PLACEMENTS):
                simulator.lift()
                seen = simulator.requests_answered
                _spin(loop, lambda s=seen: simulator.requests_answered >= s + 2)
                # A hand does not wait for the poll: place at a random point of the cycle.
                settle = time.monotonic() + rng.uniform(0, 2 * service_poll)
                _spin(loop, lambda t=settle: time.monotonic() >= t)
                count = len(delivered)
                placed = time.perf_counter()
                simulator.place(card)
                _spin(loop, lambda c=count: len(delivered) > c)
                latencies.append(delivered[-1] - placed)
            replugs: list[float] = []
            for attempt in range(REPLUGS):
                simulator.unplug()
                simulator.lift()
                _spin(loop, lambda: service.health == "absent")
                # A card left on the reader across a replug is not a new placement,
                # so each round puts a different card on the unplugged reader.
                simulator.place(sample_card("hmt_residence" if attempt % 2 else "foreign_2023"))
                count = len(delivered)
                started = time.perf_counter()
                simulator.replug()
                _spin(loop, lambda c=count: len(delivered) > c)
                replugs.append(delivered[-1] - started)
        finally:
            service.stop()
            simulator.stop()
    ms = [round(x * 1000) for x in sorted(latencies)]
    del app
    return {
        "poll_interval_s": settings["idcard.poll_interval_s"],
        "placements": PLACEMENTS,
        "card_placed_to_card_read_p50_ms": round(statistics.median(latencies) * 1000),
        "card_placed_to_card_read_max_ms": max(ms),
        "card_placed_to_card_read_min_ms": min(ms),
        "replug_to_card_read_p50_ms": round(statistics.median(replugs) * 1000),
        "replug_to_card_read_max_ms": round(max(replugs) * 1000),
        "target_ms": 1500,
    }
