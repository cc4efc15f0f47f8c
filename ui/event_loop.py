"""Start-up work spread over the turns of the event loop, so that a tap never waits long."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer


def step_each_turn(step: Callable[[], bool]) -> None:
    """Run ``step`` now, then once per later turn of the event loop while it returns True
    (more to do)."""
    if step():
        QTimer.singleShot(0, lambda: step_each_turn(step))
