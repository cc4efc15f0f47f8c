"""Staff entry: the PIN check, the lockout and their audit events in one place."""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.secret_store import SecretStore
from kiosk.staff import audit
from kiosk.staff.audit import AuditLog
from kiosk.staff.lockout import PinLockout
from kiosk.staff.pin import hash_pin, verify_pin

PIN_HASH_KEY = "staff_pin_hash"


class PinOutcome(enum.Enum):
    GRANTED = "granted"
    WRONG = "wrong"
    LOCKED = "locked"
    NO_PIN_SET = "no_pin_set"


@dataclass(frozen=True)
class PinAttempt:
    outcome: PinOutcome
    attempts_left: int = 0
    locked_for_s: float = 0.0

    @property
    def granted(self) -> bool:
        return self.outcome is PinOutcome.GRANTED


class StaffAccess:
    """Checks PINs against the hash in the secret file, honouring the lockout."""

    def __init__(
        self,
        store: SecretStore,
        audit_log: AuditLog,
        clock: Callable[[], float] = time.time,
    ):
        self._store = store
        self._audit = audit_log
        self.lockout = PinLockout(store, clock)

    def has_pin(self) -> bool:
        return bool(self._store.get(PIN_HASH_KEY))

    def set_pin(self, pin: str) -> None:
        """Store a new PIN (PinRuleError if it breaks the rule); clears any lockout."""
        self._store.set(PIN_HASH_KEY, hash_pin(pin))
        self.lockout.record_success()
        self._audit.action("pin_changed")

    def try_pin(self, pin: str) -> PinAttempt:
        locked_for = self.lockout.seconds_left()
        if locked_for > 0:
            self._audit.record(audit.STAFF_LOGIN_FAILED, reason="locked")
            return PinAttempt(PinOutcome.LOCKED, locked_for_s=locked_for)
        stored = self._store.get(PIN_HASH_KEY)
        if not stored:
            self._audit.record(audit.STAFF_LOGIN_FAILED, reason="no_pin_set")
            return PinAttempt(PinOutcome.NO_PIN_SET)
        if verify_pin(pin, stored):
            self.lockout.record_success()
            self._audit.record(audit.STAFF_LOGIN)
            return PinAttempt(PinOutcome.GRANTED)
        state = self.lockout.record_failure()
        self._audit.record(audit.STAFF_LOGIN_FAILED, reason="wrong_pin", failures=state.failures)
        if state.locked_until is not None:
            self._audit.record(audit.STAFF_LOCKOUT, seconds=int(self.lockout.lockout_s))
            return PinAttempt(PinOutcome.LOCKED, locked_for_s=self.lockout.seconds_left())
        return PinAttempt(
            PinOutcome.WRONG, attempts_left=self.lockout.max_failures - state.failures
        )
