from __future__ import annotations

from pathlib import Path

from kiosk.secret_store import SecretStore
from kiosk.staff.access import PinOutcome, StaffAccess
from kiosk.staff.audit import AuditLog, MemoryEventSink


class FakeClock:
    """Wall-clock stand-in so a five-minute lockout can be crossed in a test."""

    def __init__(self, now: float = 1_800_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def make_access(path: Path, clock: FakeClock) -> tuple[StaffAccess, MemoryEventSink]:
    sink = MemoryEventSink()
    return StaffAccess(SecretStore(path), AuditLog(sink, clock), clock), sink


def test_no_pin_set_refuses_entry(tmp_path: Path) -> None:
    access, sink = make_access(tmp_path / "secret.toml", FakeClock())
    assert not access.has_pin()
    assert access.try_pin("240517").outcome is PinOutcome.NO_PIN_SET
    assert sink.events[-1]["type"] == "staff_login_failed"


def test_right_pin_is_granted_and_audited(tmp_path: Path) -> None:
    access, sink = make_access(tmp_path / "secret.toml", FakeClock())
    access.set_pin("240517")
    assert access.try_pin("240517").granted
    assert [e["type"] for e in sink.events] == ["staff_action", "staff_login"]
    assert "240517" not in repr(sink.events)


def test_wrong_pins_count_down_then_lock(tmp_path: Path) -> None:
    clock = FakeClock()
    access, sink = make_access(tmp_path / "secret.toml", clock)
    access.set_pin("240517")
    lefts = [access.try_pin("111112").attempts_left for _ in range(4)]
    assert lefts == [4, 3, 2, 1]
    fifth = access.try_pin("111112")
    assert fifth.outcome is PinOutcome.LOCKED
    assert fifth.locked_for_s == 300
    # Even the right PIN is refused while locked.
    assert access.try_pin("240517").outcome is PinOutcome.LOCKED
    assert "staff_lockout" in [e["type"] for e in sink.events]


def test_lockout_survives_a_restart_and_ends_after_five_minutes(tmp_path: Path) -> None:
    clock = FakeClock()
    first, _ = make_access(tmp_path / "secret.toml", clock)
    first.set_pin("240517")
    for _ in range(5):
        first.try_pin("000001")
    clock.now += 120
    restarted, _ = make_access(tmp_path / "secret.toml", clock)
    attempt = restarted.try_pin("240517")
    assert attempt.outcome is PinOutcome.LOCKED
    assert attempt.locked_for_s == 180
    clock.now += 181
    assert restarted.try_pin("240517").granted
    # The count starts again from zero after the lockout.
    assert restarted.try_pin("000001").attempts_left == 4


def test_right_pin_resets_the_failure_count(tmp_path: Path) -> None:
    access, _ = make_access(tmp_path / "secret.toml", FakeClock())
    access.set_pin("240517")
    for _ in range(4):
        access.try_pin("000001")
    assert access.try_pin("240517").granted
    assert access.try_pin("000001").attempts_left == 4


def test_clock_set_backwards_does_not_stretch_the_lockout(tmp_path: Path) -> None:
    clock = FakeClock()
    access, _ = make_access(tmp_path / "secret.toml", clock)
    access.set_pin("240517")
    for _ in range(5):
        access.try_pin("000001")
    clock.now -= 86_400
    assert access.lockout.seconds_left() == 300


def test_garbage_in_the_secret_file_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "secret.toml"
    store = SecretStore(path)
    store.set("staff_pin_failures", "many")
    store.set("staff_locked_until", "soon")
    access, _ = make_access(path, FakeClock())
    access.set_pin("240517")
    assert access.try_pin("000001").attempts_left == 4
