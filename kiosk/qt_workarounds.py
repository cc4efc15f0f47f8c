"""Work-arounds for defects of the Qt binding that would crash the kiosk.

PySide6 6.12's ``SignalInstance.emit()`` returns ``True`` without taking a new
reference to it. On Python 3.11, where ``True`` is an ordinary reference-counted
object, every emit made from Python code lowers its count by one; after enough
emits (a few thousand; a kiosk does that within hours, a screen tour at exit)
the interpreter aborts with "Fatal Python error: bool_dealloc". Python 3.12 made
``True``/``False`` immortal, which is exactly what we do here by hand: give them
a reference count so large that no realistic number of emits reaches zero.

``None`` gets the same treatment: the static ``QCoreApplication.processEvents``
(also when called through the application object) drops a reference to it on
every call, and a long screen tour ended in "Fatal Python error: none_dealloc"
while the interpreter finalized.
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
