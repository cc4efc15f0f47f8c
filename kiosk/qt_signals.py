"""Emitting Qt signals from Python without crashing the kiosk after a few hundred emits.

Measured here (PySide6 6.12.0, CPython 3.11.7): every Python-side
``SignalInstance.emit()`` drops one reference to ``True`` that it never took.
After roughly as many emits as ``True`` had references (a few hundred at
start-up) CPython aborts with "bool_dealloc: deallocating True or False". On
CPython 3.12+ ``True`` is immortal and nothing shows. Signals emitted by Qt
itself (a button's ``clicked``, a timer's ``timeout``) are not affected; only
``.emit()`` called from Python is.

:func:`emit` measures the loss once, at import, and gives the reference back
after each emit. Where PySide does not lose it, the measurement finds 0 and
:func:`emit` is a plain ``signal.emit``. Every ``.emit()`` in kiosk/ and ui/
should go through it.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_INCREF = ctypes.pythonapi.Py_IncRef
_INCREF.argtypes = [ctypes.py_object]
_INCREF.restype = None


class _Probe(QObject):
    fired = Signal()


def _give_back(count: int) -> None:
    for _ in range(count):
        _INCREF(True)


def _references_lost_per_emit(samples: int = 64) -> int:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(samples):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        _give_back(lost)
    per_emit = round(lost / samples)
    return per_emit if per_emit > 0 else 0


TRUE_REFERENCES_LOST_PER_EMIT = _references_lost_per_emit()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, then return what this PySide build takes from ``True``."""
    signal.emit(*args)
    if TRUE_REFERENCES_LOST_PER_EMIT:
        _give_back(TRUE_REFERENCES_LOST_PER_EMIT)
