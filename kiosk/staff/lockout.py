"""Five wrong PINs lock staff entry for five minutes, across restarts.

The count of wrong PINs and the end of a lockout are kept in the secret file,
so pulling the power plug does not reset them. Wall-clock time is used because
a monotonic clock does not survive a restart; a clock that jumped backwards
never extends a lockout beyond its normal length.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.secret_store import SecretStore

MAX_FAILURES = 5
LOCKOUT_S = 300.0

_FAILURES_KEY = "staff_pin_failures"
_LOCKED_UNTIL_KEY = "staff_locked_until"


@dataclass(frozen=True)
class LockoutState:
    failures: int
    locked_until: float | None

    def seconds_left(self, now: float) -> float:
        if self.locked_until is None:
            return 0.0
        return max(0.0, self.locked_until - now)


class PinLockout:
    """Counts wrong PINs and says whether entry is locked right now."""

    def __init__(
        self,
        store: SecretStore,
        clock: Callable[[], float] = time.time,
        max_failures: int = MAX_FAILURES,
        lockout_s: float = LOCKOUT_S,
    ):
        self._store = store
        self._clock = clock
        self.max_failures = max_failures
        self.lockout_s = lockout_s

    def state(self) -> LockoutState:
        failures = _read_int(self._store.get(_FAILURES_KEY))
        until = _read_float(self._store.get(_LOCKED_UNTIL_KEY))
        now = self._clock()
        if until is not None:
            # A clock set backwards must not stretch the lockout.
            until = min(until, now + self.lockout_s)
            if until <= now:
                self._clear()
                return LockoutState(0, None)
        return LockoutState(failures, until)

    def seconds_left(self) -> float:
        return self.state().seconds_left(self._clock())

    def is_locked(self) -> bool:
        return self.seconds_left() > 0

    def record_failure(self) -> LockoutState:
        """Count one wrong PIN; the fifth in a row starts the lockout."""
        current = self.state()
        failures = current.failures + 1
        if failures >= self.max_failures:
            until = self._clock() + self.lockout_s
            self._store.set(_FAILURES_KEY, str(failures))
            self._store.set(_LOCKED_UNTIL_KEY, repr(until))
            return LockoutState(failures, until)
        self._store.set(_FAILURES_KEY, str(failures))
        return LockoutState(failures, None)

    def record_success(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self._store.delete(_FAILURES_KEY)
        self._store.delete(_LOCKED_UNTIL_KEY)


def _read_int(text: str | None) -> int:
    try:
        return max(0, int(text)) if text is not None else 0
    except ValueError:
        return 0


def _read_float(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None
