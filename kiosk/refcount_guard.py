"""Guard against a reference-counting bug of PySide6 6.12.0 on CPython 3.11.

``SignalInstance.emit()`` returns ``True`` without taking a new reference, so
every signal emitted from Python code takes one reference away from the
``True`` singleton. CPython 3.11 aborts the process ("bool_dealloc") when that
count reaches zero: after a few thousand emissions, which a kiosk running for
days reaches for certain, and the test suite within one run. (From CPython
3.12 on, True and False are immortal and the bug is harmless.)

The guard gives ``True`` and ``False`` a very large number of extra references
once, at start-up: far more than any process can ever emit signals. Both
objects live as long as the interpreter anyway, so nothing is kept alive that
would otherwise be freed.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA = 1 << 48


def protect_bool_singletons() -> bool:
    """Add the extra references (once); False where not needed (immortal bools)."""
    if sys.version_info >= (3, 12) or getattr(sys, "_legal_kiosk_bools_protected", False):
        return False
    for singleton in (True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += _EXTRA
    sys._legal_kiosk_bools_protected = True  # type: ignore[attr-defined]
    return True
