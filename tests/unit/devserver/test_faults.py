"""The fault board: specs are checked, counts run out, the oldest matching fault wins."""

from __future__ import annotations

import pytest

from devserver.faults import FaultBoard, FaultSpecError


def test_counted_fault_runs_out() -> None:
    board = FaultBoard()
    board.add({"path": "/content/changes", "mode": "status", "status": 429, "count": 2})
    taken = [board.take("/api/v1/content/changes") for _ in range(3)]
    assert [f.status if f else None for f in taken] == [429, 429, None]


def test_prefix_matching_and_clear() -> None:
    board = FaultBoard()
    board.add({"path": "/api/v1/submissions", "mode": "drop_after_commit"})
    assert board.take("/api/v1/content/changes") is None
    fault = board.take("/api/v1/submissions/ZX1")
    assert fault is not None and fault.mode == "drop_after_commit"
    board.clear()
    assert board.take("/api/v1/submissions") is None


@pytest.mark.parametrize(
    "spec",
    [
        None,
        {"path": "x", "mode": "status"},
        {"path": "/a", "mode": "explode"},
        {"path": "/a", "mode": "status", "status": 99},
        {"path": "/a", "mode": "slow", "delay_s": "soon"},
        {"path": "/a", "mode": "status", "count": 0},
    ],
)
def test_bad_specs_are_refused(spec: object) -> None:
    with pytest.raises(FaultSpecError):
        FaultBoard().add(spec)
