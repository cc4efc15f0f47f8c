"""Work-arounds for defects of the Qt binding that would crash the kiosk.

PySide6 6.12's ``SignalInstance.emit()`` returns ``True`` without taking a new
reference to it. On Python 3.11, where ``True`` is an ordinary reference-counted
object, every emit made from Python code lowers its count by one; after enough
emits (a few thousand; a kiosk does that within hours, a screen tour at exit)
the interpreter aborts with "Fatal Python error: bool_dealloc". Python 3.12 made
``True``/``False`` immortal, which is exactly what we do here by hand: give them
a reference count so large that no realistic number of emits reaches zero.

The same build drops a reference to ``None`` on every call of a ``void`` Qt
method from Python (``label.setText``, ``painter.translate``…) and every time
C++ calls a Python override that returns ``None`` (``paintEvent``,
``fetchMore``, ``data()`` for an unused role). A list view scrolling through
thousands of rows makes thousands of such calls a second: measured here, a
screen tour of the lookup screens aborted at exit with "none_dealloc". ``None``
gets the same treatment as the booleans.
"""

from __future__ import annotations

import sys

_MARGIN = 1 << 48


def keep_bool_singletons_alive() -> None:
    """Make ``True``, ``False`` and ``None`` effectively immortal (no-op on Python >= 3.12)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for singleton in (True, False, None):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _MARGIN:
            count.value += _MARGIN
