"""Card login rules: which session a card lands in, refusals, staff mode, and no personal data
in the log."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from devices.idcard.samples import sample_card
from kiosk.card_login import CardLogin
from kiosk.idcard_service import IdCardService
from kiosk.identity import CitizenIdentity
from kiosk.session import CitizenSession, SessionState
from kiosk.settings import load_settings


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Staff:
    active = False


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def session(clock: Clock) -> CitizenSession:
    return CitizenSession(idle_timeout_s=60, countdown_s=20, clock=clock)


@pytest.fixture
def idcard() -> IdCardService:
    # Never started: the test emits the service's own signals as the reader would.
    return IdCardService(load_settings(environ={}))


@pytest.fixture
def staff() -> Staff:
    return Staff()


@pytest.fixture
def login(idcard: IdCardService, session: CitizenSession, staff: Staff) -> CardLogin:
    return CardLogin(idcard, session, is_staff_mode=lambda: staff.active)


def _count_down(session: CitizenSession, clock: Clock) -> None:
    clock.now += session.idle_timeout_s
    session.tick()
    assert session.state is SessionState.COUNTDOWN


def test_a_card_on_the_attract_screen_starts_a_session_and_logs_in(
    qtbot: QtBot, idcard: IdCardService, session: CitizenSession, login: CardLogin
) -> None:
    assert session.state is SessionState.IDLE
    with qtbot.waitSignals([session.started, login.logged_in]):
        idcard.card_read.emit(sample_card("resident"))
    assert session.state is SessionState.ACTIVE
    identity = session.identity
    assert isinstance(identity, CitizenIdentity)
    assert identity.id_number == sample_card("resident").id_number
    assert login.identity is identity


def test_a_card_during_a_session_logs_into_it(
    session: CitizenSession, login: CardLogin, qtbot: QtBot
) -> None:
    session.touch()
    with qtbot.assertNotEmitted(session.wiped):
        login.log_in(sample_card("hmt_residence"))
    assert session.identity is not None and session.identity.id_type == "hmt_residence"


def test_another_citizens_card_wipes_the_previous_session_first(
    qtbot: QtBot, session: CitizenSession, login: CardLogin
) -> None:
    login.log_in(sample_card("resident"))
    session.set_large_text(True)
    with qtbot.waitSignal(session.wiped):
        login.log_in(sample_card("foreign_2023"))
    assert session.identity.id_type == "foreign_permanent"
    assert not session.large_text  # nothing of the previous citizen survives
    assert session.state is SessionState.ACTIVE


def test_the_same_card_again_keeps_the_session(
    qtbot: QtBot, session: CitizenSession, login: CardLogin
) -> None:
    login.log_in(sample_card("resident"))
    session.set_large_text(True)
    with qtbot.assertNotEmitted(session.wiped), qtbot.waitSignal(login.logged_in):
        login.log_in(sample_card("resident"))
    assert session.large_text


def test_the_same_card_during_the_countdown_answers_it(
    qtbot: QtBot, session: CitizenSession, login: CardLogin, clock: Clock
) -> None:
    login.log_in(sample_card("resident"))
    _count_down(session, clock)
    with qtbot.assertNotEmitted(session.wiped), qtbot.waitSignal(session.extended):
        login.log_in(sample_card("resident"))
    assert session.state is SessionState.ACTIVE
    assert session.identity is not None


def test_a_card_during_an_unclaimed_countdown_starts_afresh(
    qtbot: QtBot, session: CitizenSession, login: CardLogin, clock: Clock
) -> None:
    session.touch()
    session.set_high_contrast(True)
    _count_down(session, clock)
    with qtbot.waitSignal(session.wiped):
        login.log_in(sample_card("resident"))
    assert session.state is SessionState.ACTIVE
    assert not session.high_contrast
    assert session.identity is not None


@pytest.mark.parametrize("reason", ["expired", "not_yet_valid", "invalid", "unreadable"])
def test_a_refused_card_logs_nobody_in_and_says_why(
    qtbot: QtBot, idcard: IdCardService, session: CitizenSession, login: CardLogin, reason: str
) -> None:
    with qtbot.waitSignal(login.refused) as refused:
        idcard.card_rejected.emit(reason)
    assert refused.args == [reason]
    assert session.identity is None
    assert session.state is SessionState.ACTIVE  # the refusal is shown on Home, not attract


def test_an_unknown_reason_code_is_reported_as_unreadable(qtbot: QtBot, login: CardLogin) -> None:
    with qtbot.waitSignal(login.refused) as refused:
        login.refuse("gibberish\x00")
    assert refused.args == ["unreadable"]


def test_a_refused_card_keeps_the_logged_in_citizen(
    qtbot: QtBot, session: CitizenSession, login: CardLogin
) -> None:
    login.log_in(sample_card("resident"))
    with qtbot.assertNotEmitted(session.wiped):
        login.refuse("expired")
    assert session.identity is not None


def test_cards_are_ignored_in_staff_mode(
    qtbot: QtBot, idcard: IdCardService, session: CitizenSession, login: CardLogin, staff: Staff
) -> None:
    staff.active = True
    with qtbot.assertNotEmitted(login.logged_in), qtbot.assertNotEmitted(login.refused):
        idcard.card_read.emit(sample_card("resident"))
        idcard.card_rejected.emit("expired")
    assert session.identity is None
    assert session.state is SessionState.IDLE


def test_logout_forgets_the_identity_and_ends_the_session(
    qtbot: QtBot, session: CitizenSession, login: CardLogin
) -> None:
    login.log_in(sample_card("resident"))
    with qtbot.waitSignals([login.logged_out, session.wiped]):
        login.log_out()
    assert session.identity is None
    assert login.identity is None
    assert session.state is SessionState.IDLE


def test_idle_wipe_forgets_the_identity(
    qtbot: QtBot, session: CitizenSession, login: CardLogin, clock: Clock
) -> None:
    login.log_in(sample_card("resident"))
    _count_down(session, clock)
    clock.now += session.countdown_s
    with qtbot.waitSignal(login.logged_out):
        session.tick()
    assert session.identity is None


def test_nothing_personal_is_logged(
    caplog: pytest.LogCaptureFixture, session: CitizenSession, login: CardLogin
) -> None:
    caplog.set_level(logging.DEBUG)
    card = sample_card("resident")
    login.log_in(card)
    login.log_in(sample_card("foreign_2017"))
    login.refuse("expired")
    login.log_out()
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "logged in" in text  # the records are there ...
    for secret in (card.id_number, card.display_name, sample_card("foreign_2017").id_number):
        assert secret not in text  # ... without the citizen in them
