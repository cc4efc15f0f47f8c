from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal

from kiosk.qt_signals import TRUE_REFERENCES_LOST_PER_EMIT, _give_back, emit


class _Sender(QObject):
    said = Signal(str, int)


def test_thousands_of_emits_leave_the_references_to_true_as_they_were() -> None:
    sender = _Sender()
    received: list[tuple[str, int]] = []
    sender.said.connect(lambda text, number: received.append((text, number)))
    # Garbage of earlier tests (widgets holding True) must not be collected mid-count.
    gc.collect()
    before = sys.getrefcount(True)
    for number in range(3000):
        emit(sender.said, "x", number)
    # Unpatched, this would be -3000; a few references come and go with the test itself.
    assert abs(sys.getrefcount(True) - before) < 20
    assert len(received) == 3000
    assert received[-1] == ("x", 2999)


def test_the_measured_loss_is_what_a_raw_emit_really_loses() -> None:
    sender = _Sender()
    before = sys.getrefcount(True)
    for number in range(100):
        sender.said.emit("raw", number)
    lost = before - sys.getrefcount(True)
    # Give back what the raw emits took, so this test leaves the process healthy.
    _give_back(max(lost, 0))
    assert round(lost / 100) == TRUE_REFERENCES_LOST_PER_EMIT
