"""Citizen journeys through the submission screens with the kiosk's real parts.

The real demo content (practitioners and institutions to complain about), the
real submission service delivering to the reference server over loopback, and
the real read-aloud service whose audio is captured as WAV files (no sound card
here). The card-read citizen is the login service's own identity object, put
into the session as the login service does after a read.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from devices.speech import WavFileSink
from devserver.testing import DevServer
from kiosk.app import Services
from kiosk.connectivity import Connectivity
from kiosk.content_service import ContentService
from kiosk.identity import CitizenIdentity
from kiosk.pii import mask_id_number, mask_name
from kiosk.session import CitizenSession
from kiosk.settings import load_settings
from kiosk.speech_service import SpeechService
from kiosk.submissions.setup import create_submission_service
from offline_cache.db import database_proxy
from offline_cache.retry import Backoff
from tests.ui.test_submission_screens import PHONE, fill_consultation, find, tap, type_into
from ui.main_window import MainWindow

ID_NUMBER = "110105194912310021"


def card(name: str, number: str) -> CitizenIdentity:
    """The identity the login service puts into the session after a card read."""
    return CitizenIdentity(
        id_type="resident",
        masked_name=mask_name(name),
        masked_id_number=mask_id_number(number),
        _full_name=name,
        _id_number=number,
    )


@dataclass
class Kiosk:
    services: Services
    server: DevServer
    sink: WavFileSink


@pytest.fixture
def kiosk(tmp_path: Path, demo_database: Path) -> Iterator[Kiosk]:
    with DevServer("empty") as server:
        settings = load_settings(
            environ={
                "LEGAL_KIOSK_STORAGE__DATA_DIR": str(tmp_path / "kiosk"),
                "LEGAL_KIOSK_CENTRAL__URL": server.url,
                "LEGAL_KIOSK_CENTRAL__TOKEN": server.token,
            }
        )
        # The kiosk keeps content and outbox in one file: this test writes, so on a copy.
        settings.database_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(demo_database, settings.database_path)
        content = ContentService(settings, settings.database_path)
        content.open_blocking()
        assert content.is_ready
        submissions = create_submission_service(
            settings, database_proxy.obj, backoff=Backoff(0.05, 0.5)
        )
        submissions.start_delivery(interval_ms=100)
        sink = WavFileSink(tmp_path / "played")
        speech = SpeechService.from_settings(settings, sink=sink)
        services = Services(
            settings=settings,
            session=CitizenSession.from_settings(settings),
            connectivity=Connectivity(True),
            content=content,
            submissions=submissions,
            speech=speech,
        )
        try:
            yield Kiosk(services, server, sink)
        finally:
            assert submissions.stop_delivery()
            content.close()
            speech.close()
            database_proxy.obj.close()
            database_proxy.initialize(None)


@pytest.fixture
def window(qtbot: QtBot, kiosk: Kiosk) -> Iterator[MainWindow]:
    main = MainWindow(kiosk.services)
    main.resize(1920, 1080)
    main.show()
    main.show_home()
    yield main
    main.allow_close()
    main.close()
    main.deleteLater()
    kiosk.services.session.wipe()


def pinyin_commit(edit: QWidget, text: str) -> None:
    """Hanzi arrive from the pinyin keyboard as an input-method commit, as on the kiosk."""
    edit.setFocus()
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(edit, commit)


def test_complaint_names_a_practitioner_found_in_the_directory(
    qtbot: QtBot, window: MainWindow, kiosk: Kiosk
) -> None:
    content = kiosk.services.content
    rows, _ = content.people_page("practitioner", limit=5)
    lawyer = next(row for row in rows if content.practitioner(row.id).institution_name)
    institution = content.practitioner(lawyer.id).institution_name
    tap(qtbot, window, "home.complaint")
    tap(qtbot, window, "complaint.accept")
    tap(qtbot, window, "complaint_form.complaint_type.practitioner_conduct")
    edit = find(window, "complaint_form.respondent_name")
    pinyin_commit(edit, lawyer.name)
    # The search runs on the content worker; its answer lists the name with the institution.
    qtbot.waitUntil(lambda: window.findChild(QWidget, "complaint_form.suggestion0") is not None)
    suggestion = find(window, "complaint_form.suggestion0")
    assert lawyer.name in suggestion.text() and institution in suggestion.text()
    tap(qtbot, window, "complaint_form.suggestion0")
    assert isinstance(edit, QLineEdit) and edit.text() == lawyer.name
    assert (
        window.findChild(QWidget, "complaint_form.suggestion0") is None
        or not find(window, "complaint_form.suggestions").isVisible()
    )
    assert lawyer.name in find(window, "complaint_form.respondent_chosen").text()
    type_into(window, "complaint_form.content", "接待时态度恶劣，多次拒绝出示收费标准")
    type_into(window, "complaint_form.contact_name", "李四")
    type_into(window, "complaint_form.contact_phone", "13900001111")
    tap(qtbot, window, "complaint_form.next")
    assert lawyer.name in find(window, "submission_confirm.summary").text()
    tap(qtbot, window, "submission_confirm.confirm")
    qtbot.waitUntil(lambda: len(kiosk.server.submissions()) == 1, timeout=10_000)
    payload = kiosk.server.submissions()[0]["body"]["payload"]
    assert (payload["respondent_kind"], payload["respondent_id"], payload["respondent_name"]) == (
        "practitioner",
        lawyer.id,
        lawyer.name,
    )


def test_respondent_found_by_pinyin_initials_and_retyping_forgets_the_choice(
    qtbot: QtBot, window: MainWindow, kiosk: Kiosk
) -> None:
    tap(qtbot, window, "home.complaint")
    tap(qtbot, window, "complaint.accept")
    edit = find(window, "complaint_form.respondent_name")
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    qtbot.keyClicks(edit, "slml")  # 示例明理律师事务所 by its initials, on the Latin keyboard
    qtbot.waitUntil(lambda: window.findChild(QWidget, "complaint_form.suggestion0") is not None)
    chosen = find(window, "complaint_form.suggestion0").text().split("\n")[0]
    assert chosen == "示例明理律师事务所"
    tap(qtbot, window, "complaint_form.suggestion0")
    screen = window.manager.current_screen
    assert screen.draft().respondent_kind == "institution"
    qtbot.keyClicks(edit, "x")  # the citizen changes the name: it is typed, not chosen
    draft = screen.draft()
    assert (draft.respondent_kind, draft.respondent_id) == (None, None)
    assert draft.respondent_name == chosen + "x"
    assert not find(window, "complaint_form.respondent_chosen").isVisible()


def test_answer_is_read_aloud_through_the_speech_service(
    qtbot: QtBot, window: MainWindow, kiosk: Kiosk
) -> None:
    tap(qtbot, window, "home.consult")
    tap(qtbot, window, "consult.accept")
    fill_consultation(qtbot, window)
    tap(qtbot, window, "consultation_form.next")
    tap(qtbot, window, "submission_confirm.confirm")
    ref = find(window, "submission_receipt.client_ref").text()
    qtbot.waitUntil(lambda: len(kiosk.server.submissions()) == 1, timeout=10_000)
    answer = "可以向劳动争议仲裁委员会申请仲裁，电话13912345678。"
    kiosk.server.answer(ref, answer, "王某 律师")
    tap(qtbot, window, "submission_receipt.done")
    tap(qtbot, window, "home.submissions")
    type_into(window, "submissions.ref", ref)
    type_into(window, "submissions.phone_last_four", PHONE[-4:])
    tap(qtbot, window, "submissions.search")
    qtbot.waitUntil(lambda: window.findChild(QWidget, "submissions.item0.answer") is not None)
    speech = kiosk.services.speech
    with qtbot.waitSignal(speech.speaking_started, timeout=10_000) as started:
        tap(qtbot, window, "submissions.item0.read_aloud")
    caption = started.args[0]
    assert caption.startswith("可以向劳动争议仲裁委员会申请仲裁")
    assert "13912345678" not in caption  # numbers are spoken by their last four only
    qtbot.waitUntil(lambda: bool(kiosk.sink.played), timeout=10_000)
    assert kiosk.sink.played[0].stat().st_size > 1000  # real audio reached the speaker


def test_card_login_locks_the_name_and_lists_every_submission_of_the_citizen(
    qtbot: QtBot, window: MainWindow, kiosk: Kiosk
) -> None:
    session = kiosk.services.session
    session.set_identity(card("张小三", ID_NUMBER))
    tap(qtbot, window, "home.consult")
    tap(qtbot, window, "consult.accept")
    name = find(window, "consultation_form.contact_name")
    assert isinstance(name, QLineEdit) and name.isReadOnly() and name.text() == "张*三"
    assert "110***********0021" in find(window, "consultation_form.contact_locked").text()
    tap(qtbot, window, "consultation_form.category.labour")
    type_into(window, "consultation_form.subject", "公司拖欠工资怎么办")
    type_into(window, "consultation_form.content", "公司三个月没有发工资，我应该怎么维权？")
    tap(qtbot, window, "consultation_form.is_public.no")
    tap(qtbot, window, "consultation_form.in_litigation.no")
    type_into(window, "consultation_form.contact_phone", PHONE)
    tap(qtbot, window, "consultation_form.next")
    tap(qtbot, window, "submission_confirm.confirm")
    first = find(window, "submission_receipt.client_ref").text()
    tap(qtbot, window, "submission_receipt.done")
    tap(qtbot, window, "home.complaint")
    tap(qtbot, window, "complaint.accept")
    complaint_name = find(window, "complaint_form.contact_name")
    assert isinstance(complaint_name, QLineEdit) and complaint_name.isReadOnly()
    tap(qtbot, window, "complaint_form.complaint_type.service_quality")
    type_into(window, "complaint_form.respondent_name", "大厅二号窗口")
    type_into(window, "complaint_form.content", "窗口工作人员让我等了两个小时才办理")
    type_into(window, "complaint_form.contact_phone", PHONE)
    tap(qtbot, window, "complaint_form.next")
    tap(qtbot, window, "submission_confirm.confirm")
    second = find(window, "submission_receipt.client_ref").text()
    qtbot.waitUntil(lambda: len(kiosk.server.submissions()) == 2, timeout=10_000)
    for stored in kiosk.server.submissions():
        citizen = stored["body"]["citizen"]
        assert (citizen["verified"], citizen["name"], citizen["id_number"]) == (
            True,
            "张小三",
            ID_NUMBER,
        )
    kiosk.server.answer(first, "可以申请劳动仲裁。", "王某 律师")
    tap(qtbot, window, "submission_receipt.done")
    tap(qtbot, window, "home.submissions")
    tap(qtbot, window, "submissions.by_card")
    qtbot.waitUntil(lambda: window.findChild(QWidget, "submissions.item1.ref") is not None)
    refs = [find(window, f"submissions.item{i}.ref").text() for i in (0, 1)]
    assert any(first in ref for ref in refs) and any(second in ref for ref in refs)
    assert find(window, "submissions.results").findChild(QWidget, "submissions.local0") is None
    answers = [window.findChild(QWidget, f"submissions.item{i}.answer") for i in (0, 1)]
    assert ["仲裁" in a.text() for a in answers if a is not None] == [True]
    # Logging out forgets the card: the forms are free again and the card button is gone.
    session.set_identity(None)
    window.manager.jump("submissions")
    assert not find(window, "submissions.by_card").isVisible()
