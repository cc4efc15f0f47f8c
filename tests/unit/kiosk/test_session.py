"""The citizen session: start, idle countdown, unlimited extensions, one wipe."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kiosk.session import CitizenSession, SessionState


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def session(qtbot: QtBot, clock: Clock) -> CitizenSession:
    return CitizenSession(idle_timeout_s=90, countdown_s=20, clock=clock)


def test_first_touch_starts_the_session(qtbot: QtBot, session: CitizenSession) -> None:
    assert session.state is SessionState.IDLE
    with qtbot.waitSignal(session.started):
        session.touch()
    assert session.state is SessionState.ACTIVE
    with qtbot.assertNotEmitted(session.started):
        session.touch()


def test_idle_timeout_starts_a_countdown_that_wipes(
    qtbot: QtBot, session: CitizenSession, clock: Clock
) -> None:
    session.touch()
    clock.now += 89
    session.tick()
    assert session.state is SessionState.ACTIVE
    clock.now += 1
    with qtbot.waitSignal(session.countdown_started) as started:
        session.tick()
    assert started.args == [20]
    assert session.seconds_left() == 20
    clock.now += 5.5
    with qtbot.waitSignal(session.countdown_ticked) as ticked:
        session.tick()
    assert ticked.args == [15]
    clock.now += 14.5
    with qtbot.waitSignal(session.wiped):
        session.tick()
    assert session.state is SessionState.IDLE


def test_a_touch_postpones_the_countdown(session: CitizenSession, clock: Clock) -> None:
    session.touch()
    clock.now += 80
    session.touch()
    clock.now += 80
    session.tick()
    assert session.state is SessionState.ACTIVE


def test_extensions_are_unlimited(qtbot: QtBot, session: CitizenSession, clock: Clock) -> None:
    session.touch()
    for _ in range(25):
        clock.now += 90
        session.tick()
        assert session.state is SessionState.COUNTDOWN
        clock.now += 19
        session.tick()
        with qtbot.waitSignal(session.extended):
            session.extend()
        assert session.state is SessionState.ACTIVE
    assert session.extensions == 25


def test_a_touch_during_the_countdown_does_not_extend(
    session: CitizenSession, clock: Clock
) -> None:
    session.touch()
    clock.now += 90
    session.tick()
    session.touch()
    assert session.state is SessionState.COUNTDOWN


def test_wipe_restores_defaults_and_forgets_the_identity(
    qtbot: QtBot, session: CitizenSession
) -> None:
    session.touch()
    session.set_language("en")
    session.set_large_text(True)
    session.set_high_contrast(True)
    session.set_read_aloud(True)
    session.set_volume(0.2)
    session.set_identity(object())
    with (
        qtbot.waitSignal(session.identity_changed) as identity,
        qtbot.waitSignal(session.preferences_changed),
        qtbot.waitSignal(session.wiped),
    ):
        session.finish()
    assert identity.args == [None]
    assert session.identity is None
    assert (session.language, session.large_text, session.high_contrast) == ("zh_CN", False, False)
    assert not session.read_aloud
    assert session.volume == pytest.approx(0.8)
    assert session.state is SessionState.IDLE


def test_preferences_signal_only_on_change(qtbot: QtBot, session: CitizenSession) -> None:
    with qtbot.waitSignal(session.preferences_changed):
        session.set_large_text(True)
    with qtbot.assertNotEmitted(session.preferences_changed):
        session.set_large_text(True)
    with pytest.raises(ValueError):
        session.set_language("fr")


def test_logout_is_the_same_wipe(qtbot: QtBot, session: CitizenSession) -> None:
    session.set_identity("someone")
    with qtbot.waitSignal(session.wiped):
        session.logout()
    assert session.identity is None


def test_the_real_timer_drives_tick(qtbot: QtBot, clock: Clock) -> None:
    session = CitizenSession(idle_timeout_s=30, countdown_s=10, clock=clock, tick_interval_ms=5)
    session.touch()
    clock.now += 30
    session.start_clock()
    with qtbot.waitSignal(session.countdown_started, timeout=2000):
        pass
    session.stop_clock()
