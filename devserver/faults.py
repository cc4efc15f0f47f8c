"""Injected faults, so tests can see how a kiosk copes with a misbehaving platform."""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from typing import Any

MODES = (
    "status",
    "slow",
    "malformed_json",
    "wrong_types",
    "huge",
    "drop_after_commit",
    "close_connection",
)
API_PREFIX = "/api/v1"


class FaultSpecError(ValueError):
    """A fault request the server cannot honour."""


@dataclass
class Fault:
    id: int
    path: str
    mode: str
    status: int = 503
    retry_after: int | None = None
    count: int | None = None  # None: until cleared
    delay_s: float = 2.0
    size_bytes: int = 64 * 1024 * 1024

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _parse(spec: Any, fault_id: int) -> Fault:
    if not isinstance(spec, dict):
        raise FaultSpecError("a fault is a JSON object")
    path = spec.get("path")
    mode = spec.get("mode")
    if not isinstance(path, str) or not path.startswith("/"):
        raise FaultSpecError("path: a path prefix such as /api/v1/content/changes")
    if mode not in MODES:
        raise FaultSpecError(f"mode: one of {', '.join(MODES)}")
    if not path.startswith(API_PREFIX):
        path = API_PREFIX + path
    fault = Fault(id=fault_id, path=path, mode=mode)
    try:
        if "status" in spec:
            fault.status = int(spec["status"])
        if spec.get("retry_after") is not None:
            fault.retry_after = int(spec["retry_after"])
        if spec.get("count") is not None:
            fault.count = int(spec["count"])
        if spec.get("delay_s") is not None:
            fault.delay_s = float(spec["delay_s"])
        if spec.get("size_bytes") is not None:
            fault.size_bytes = int(spec["size_bytes"])
    except (TypeError, ValueError):
        raise FaultSpecError(
            "status, retry_after, count, size_bytes: integers; delay_s: number"
        ) from None
    if not 100 <= fault.status <= 599:
        raise FaultSpecError("status: an HTTP status code")
    if fault.count is not None and fault.count < 1:
        raise FaultSpecError("count: at least 1 (omit it for a fault that lasts until cleared)")
    if not 0 <= fault.delay_s <= 600 or fault.size_bytes < 0:
        raise FaultSpecError("delay_s: 0 to 600; size_bytes: not negative")
    return fault


class FaultBoard:
    """The active faults; each request takes at most one, the oldest that matches."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._next_id = 1

    def add(self, spec: Any) -> Fault:
        with self._lock:
            fault = _parse(spec, self._next_id)
            self._next_id += 1
            self._faults.append(fault)
            return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def active(self) -> list[dict[str, Any]]:
        with self._lock:
            return [fault.as_dict() for fault in self._faults]

    def take(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if path.startswith(fault.path):
                    if fault.count is not None:
                        fault.count -= 1
                        if fault.count <= 0:
                            self._faults.remove(fault)
                    return fault
        return None
