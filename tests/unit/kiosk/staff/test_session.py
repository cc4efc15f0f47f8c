from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from kiosk.staff.audit import AuditLog, MemoryEventSink
from kiosk.staff.session import StaffSession


@pytest.fixture
def sink() -> MemoryEventSink:
    return MemoryEventSink()


@pytest.fixture
def session(qtbot: QtBot, sink: MemoryEventSink) -> Iterator[StaffSession]:
    created = StaffSession(AuditLog(sink), idle_timeout_s=600)
    yield created
    # Delete the Qt object now, while the application exists, not at interpreter exit.
    shiboken6.delete(created)


def test_session_ends_by_itself_after_its_idle_timeout(
    qtbot: QtBot, session: StaffSession, sink: MemoryEventSink
) -> None:
    session.set_idle_timeout(0.2)
    with qtbot.waitSignal(session.started):
        session.start()
    assert session.is_active
    with qtbot.waitSignal(session.ended, timeout=5000) as blocker:
        pass
    assert blocker.args == ["idle"]
    assert not session.is_active
    assert sink.events[-1]["type"] == "staff_logout"
    assert sink.events[-1]["data"] == {"reason": "idle"}


def test_logout_ends_once(qtbot: QtBot, session: StaffSession, sink: MemoryEventSink) -> None:
    session.start()
    with qtbot.waitSignal(session.ended) as blocker:
        session.end()
    session.end()
    assert blocker.args == ["logout"]
    assert [e["type"] for e in sink.events] == ["staff_logout"]
